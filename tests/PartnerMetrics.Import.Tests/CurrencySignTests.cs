using System.Text;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// A currency sign written in an amount ("$5,000", "1 234 €") counts as the amount's currency, as a code does. Before, the
/// sign was dropped: "$5,000.00" and "€5,000.00" were read as one currency and won 10,000, and "€5,000" passed a
/// reporting currency of USD.
/// </summary>
public class CurrencySignTests
{
    private const string Salesforce = "Opportunity ID,Account ID,Stage,Amount,Close Date,Created Date,Type\n";
    private const string WithCurrencyColumn = "Opportunity ID,Account ID,Stage,Amount Currency,Amount,Close Date,Created Date,Type\n";

    [Theory]
    [InlineData(BadRowPolicy.Fail)]
    [InlineData(BadRowPolicy.Skip)]
    public void AmountsWithTheSignsOfTwoCurrencies_StopTheImport(BadRowPolicy badRows)
    {
        var file = Salesforce + Row(1, "\"$5,000.00\"") + Row(2, "\"€5,000.00\"");

        var error = Assert.Throws<ImportException>(() => Read(ImportProfile.Salesforce with { BadRows = badRows }, file));

        Assert.Equal(
            "line 3, column \"Amount\", value \"€5,000.00\": the amount is in EUR, but the amount on line 2 is in $ (a sign of USD, CAD, AUD, …): amounts in two currencies cannot be added up. Set the profile's reporting currency to the code of the $ amounts (\"currency\": \"USD\", say) and convert the others before importing.",
            error.Problem!.ToString());
    }

    [Fact]
    public void ASignAndACodeOfOneCurrency_AreOneCurrency()
    {
        // Salesforce writes "USD 232,759.50" and "$48,289.00" in one export; € is only EUR, so it agrees with EUR's code.
        Assert.Equal(12m, Won(ImportProfile.Salesforce, Salesforce + Row(1, "USD 5") + Row(2, "$7")));
        Assert.Equal(12m, Won(ImportProfile.Salesforce, Salesforce + Row(1, "€7") + Row(2, "EUR 5")));
        Assert.Equal(1_239.5m, Won(ImportProfile.Salesforce with { DecimalSeparator = "," }, Salesforce + Row(1, "\"1 234,50 €\"") + Row(2, "EUR 5")));
    }

    [Fact]
    public void ASignOfSeveralCurrencies_AgreesWithEachButNotWithTwoOfThem()
    {
        // $ is a sign of the US and the Canadian dollar: with USD it is USD, and then CAD is a second currency.
        var file = Salesforce + Row(1, "$7") + Row(2, "USD 5") + Row(3, "CAD 3");

        var error = Assert.Throws<ImportException>(() => Read(ImportProfile.Salesforce, file));

        Assert.StartsWith("line 4, column \"Amount\", value \"CAD 3\": the amount is in CAD, but the amount on line 3 is in USD:", error.Problem!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("€5", "USD", "the amount is written with €, a sign of EUR, not USD, the reporting currency; convert it before importing.")]
    [InlineData("¥5", "EUR", "the amount is written with ¥, a sign of JPY, CNY, not EUR, the reporting currency; convert it before importing.")]
    [InlineData("GBP $5", null, "the amount is written with $, a sign of USD, CAD, AUD, …, but its code says GBP.")]
    [InlineData("50¢", null, "the amount is written with ¢, a sign that names no currency this importer knows; write its ISO 4217 code instead.")]
    [InlineData("\"$€5\"", null, "the amount is written with two currency signs.")]
    public void ASignThatCannotBeTheAmounts_IsAProblemOfTheRow(string amount, string? reporting, string problem)
    {
        var report = new ImportReport();

        Assert.Empty(Read(ImportProfile.Salesforce with { Currency = reporting, BadRows = BadRowPolicy.Skip }, Salesforce + Row(1, amount), report));

        Assert.EndsWith(problem, Assert.Single(report.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASignAgainstItsCurrencyColumn_IsAProblemOfTheRow()
    {
        var report = new ImportReport();

        Assert.Empty(Read(ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip }, WithCurrencyColumn + "O-1,A-1,Closed Won,JPY,$5,3/4/2025,1/2/2025,New Customer\n", report));

        Assert.Equal("line 2, column \"Amount\", value \"$5\": the amount is written with $, a sign of USD, CAD, AUD, …, but \"Amount Currency\" says JPY.", Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public void ASignOfTheReportingCurrency_IsReadAsWritten()
    {
        Assert.Equal(12m, Won(ImportProfile.Salesforce with { Currency = "USD" }, Salesforce + Row(1, "$7") + Row(2, "USD 5")));
        Assert.Equal(3_000m, Won(ImportProfile.Salesforce with { Currency = "GBP" }, Salesforce + Row(1, "\"£3,000\"")));

        // The full-width forms East Asian text writes are the same signs.
        Assert.Equal(5_005m, Won(ImportProfile.Salesforce with { Currency = "JPY" }, Salesforce + Row(1, "\"￥5,000\"") + Row(2, "¥5")));
        Assert.Equal(12m, Won(ImportProfile.Salesforce, Salesforce + Row(1, "＄7") + Row(2, "USD 5")));
    }

    [Fact]
    public void SignsOfLettersAndADollar_AreTheirCurrencysCodes()
    {
        // US$, R$ and the like name one currency each (they were "not an amount" before): read as their codes.
        Assert.Equal(12m, Won(ImportProfile.Salesforce, Salesforce + Row(1, "US$5") + Row(2, "USD 7")));
        Assert.Equal(5_000.5m, Won(ImportProfile.Salesforce with { Currency = "BRL", DecimalSeparator = "," }, Salesforce + Row(1, "\"R$ 5.000,50\"")));
        Assert.Equal(10m, Won(ImportProfile.Salesforce with { Currency = "AUD" }, Salesforce + Row(1, "A$5") + Row(2, "5 AU$")));

        // The real is no dollar: beside $ it is a second currency.
        var error = Assert.Throws<ImportException>(() => Read(ImportProfile.Salesforce, Salesforce + Row(1, "$7") + Row(2, "R$ 5")));
        Assert.StartsWith("line 3, column \"Amount\", value \"R$ 5\": the amount is in BRL, but the amount on line 2 is in $", error.Problem!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Whatever reads the file — in order, in blocks on two threads, or asynchronously — the signs of two currencies stop it at the same amount.</summary>
    [Fact]
    public void SignsOfTwoCurrencies_StopEveryWayOfReading()
    {
        var lines = ParallelCsvTests.LargeExport(200).Split("\r\n");
        for (var i = 1; i < lines.Length; i++)
        {
            lines[i] = lines[i].Replace("\"USD ", i == 150 ? "\"€" : "\"$", StringComparison.Ordinal);
        }

        var file = string.Join("\r\n", lines);
        var amount = lines[150].Split('"')[1];
        Assert.StartsWith("€", amount, StringComparison.Ordinal);
        var expected = $"line 151, column \"Amount\", value \"{amount}\": the amount is in EUR, but the amount on line 2 is in $ (a sign of USD, CAD, AUD, …)";
        void Stopped(Action read) => Assert.StartsWith(expected, Assert.Throws<ImportException>(read).Problem!.ToString(), StringComparison.Ordinal);

        Stopped(() => Read(ImportProfile.Salesforce, file));
        var inBlocks = new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 2, BlockBytes = 512 };
        Stopped(() => new List<Opportunity>().AddRange(inBlocks.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(file)))));
        Stopped(() => new List<Opportunity>().AddRange(new OpportunityImporter(ImportProfile.Salesforce).ReadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(file))).ToBlockingEnumerable()));
    }

    /// <summary>
    /// A workbook's numbers shown in a currency by their cell format count as in that currency (the review's Dynamics
    /// workbook: 5,000 shown as "$5,000.00" and 5,000 shown as "€5,000.00" won 10,000). A code in the format counts as a
    /// code; a sign, as a sign.
    /// </summary>
    [Fact]
    public void AWorkbooksNumbersShownInTwoCurrencies_StopTheImport()
    {
        using var workbook = Workbook((5000.0, "\"$\"#,##0.00"), (5000.0, "[$€-2] #,##0.00"));

        var error = Assert.Throws<ImportException>(() => new OpportunityImporter(ImportProfile.Salesforce).ReadExcel(workbook).ToList());

        Assert.StartsWith("line 3, column \"Amount\", value \"5000\": the amount is in EUR, but the amount on line 2 is in $", error.Problem!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[$EUR] #,##0.00", "EUR")]
    [InlineData("#,##0.00 \"USD\"", "USD")]
    [InlineData("[$€-2] #,##0.00", "€")]
    [InlineData("[$$-409]#,##0.00;[Red]-[$$-409]#,##0.00", "$")]
    [InlineData("\"$\"#,##0.00_);\\(\"$\"#,##0.00\\)", "$")]
    [InlineData("_-[$£-809]* #,##0.00_-", "£")]
    [InlineData("\\€ #,##0", "€")]
    [InlineData("$#,##0", "$")]
    [InlineData("#,##0.00", null)]
    [InlineData("[Red][<0]#,##0;#,##0", null)]
    [InlineData("[$-409]mmm d, yyyy", null)]
    [InlineData("\"$\"#,##0 \"€\"", null)]
    [InlineData("_-* #,##0.00\\ _€_-;-* #,##0.00\\ _€_-;_-* \"-\"??\\ _€_-;_-@_-", null)]   // German comma style: _€ keeps a width
    [InlineData("_(\"$\"* #,##0.00_)", "$")]
    [InlineData("[$R$-416] #,##0.00", "R$")]
    [InlineData("#,##0 [$kr-41D]", "kr")]
    public void CurrencyOf_AFormatCode_IsTheCurrencyItShows(string format, string? currency)
    {
        Assert.Equal(currency, ExcelSource.CurrencyOf(format));
    }

    [Fact]
    public void AWorkbooksNumbersShownInTheReportingCurrency_AreRead_AndInAnother_AreAProblem()
    {
        using var workbook = Workbook((5000.0, "[$EUR] #,##0.00"), (7000.0, "[$$-409]#,##0.00"), 1000.0);
        var report = new ImportReport();

        var deals = new OpportunityImporter(ImportProfile.Salesforce with { Currency = "EUR", BadRows = BadRowPolicy.Skip }).ReadExcel(workbook, report: report).ToList();

        Assert.Equal([5000m, 1000m], deals.Select(d => d.Amount!.Value));
        Assert.Equal("line 3, column \"Amount\", value \"7000\": the amount is written with $, a sign of USD, CAD, AUD, …, not EUR, the reporting currency; convert it before importing.", Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public void AWorkbooksNumberShownInACurrencyNamedInLetters_IsAProblemOfTheRow()
    {
        // R$ is the real's, kr the krona's and the krone's: neither is $, nor nothing, so neither may be added to dollars.
        using var workbook = Workbook((5000.0, "[$R$-416] #,##0.00"), (7000.0, "[$$-409]#,##0.00"));
        var report = new ImportReport();

        var deals = new OpportunityImporter(ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip }).ReadExcel(workbook, report: report).ToList();

        Assert.Equal([7000m], deals.Select(d => d.Amount!.Value));
        Assert.Equal("line 2, column \"Amount\", value \"5000\": the cell's number format shows the amount in R$, a currency this importer cannot tell by that name; format the amounts with their ISO 4217 code ([$XXX]) instead.", Assert.Single(report.Problems).ToString());
    }

    /// <summary>A Salesforce-shaped workbook of won deals, one per amount: a number, or a (number, format) pair.</summary>
    private static MemoryStream Workbook(params object[] amounts) => WorkbookFile.Create(("Deals",
    [
        ["Opportunity ID", "Account ID", "Stage", "Amount", "Close Date", "Created Date", "Type"],
        .. amounts.Select((amount, i) => new object?[] { $"O-{i + 1}", $"A-{i + 1}", "Closed Won", amount, $"3/{i + 4}/2025", $"1/{i + 2}/2025", "New Customer" }),
    ]));

    private static string Row(int n, string amount) => $"O-{n},A-{n},Closed Won,{amount},3/{n}/2025,1/{n}/2025,New Customer\n";

    private static decimal Won(ImportProfile profile, string csv) => PipelineAnalytics.Summarize(Read(profile, csv)).WonValue;

    private static List<Opportunity> Read(ImportProfile profile, string csv, ImportReport? report = null) =>
        new OpportunityImporter(profile).ReadCsv(new StringReader(csv), report ?? new ImportReport()).ToList();
}
