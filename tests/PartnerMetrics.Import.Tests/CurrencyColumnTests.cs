using System.Text;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// An amount's currency in a column of its own, as Salesforce's multi-currency reports ("Amount Currency" beside
/// "Amount") and HubSpot's deals ("Currency" beside "Amount") write it: the code counts as if written in the amount's cell.
/// Before, such amounts were added up as one number (5,000,000 yen and 40,000 dollars gave a won value of 5,040,000).
/// </summary>
public class CurrencyColumnTests
{
    private const string Salesforce = "Opportunity ID,Account ID,Stage,Amount Currency,Amount,Close Date,Created Date,Type\n";
    private const string HubSpot = "Record ID,Deal Stage,Amount,Currency,Close Date,Create Date,Deal Type,Associated Company\n";

    [Theory]
    [InlineData(BadRowPolicy.Fail)]
    [InlineData(BadRowPolicy.Skip)]
    public void AmountsInTwoCurrencies_GivenInTheirColumn_StopTheImport(BadRowPolicy badRows)
    {
        var file = Salesforce + "O-1,A-1,Closed Won,EUR,1000,3/4/2025,1/2/2025,New Customer\nO-2,A-2,Closed Won,JPY,5000000,3/5/2025,1/3/2025,New Customer\n";

        var error = Assert.Throws<ImportException>(() => Read(ImportProfile.Salesforce with { BadRows = badRows }, file));

        Assert.Equal(
            "line 3, column \"Amount\", value \"5000000\": the amount is in JPY, but the amount on line 2 is in EUR: amounts in two currencies cannot be added up. Set the profile's reporting currency (\"currency\": \"EUR\") and convert the others before importing.",
            error.Problem!.ToString());
    }

    [Fact]
    public void TheConvertedAmount_IsReadWithItsOwnCurrencyColumn()
    {
        var file = "Opportunity ID,Account ID,Stage,Amount Currency,Amount,Amount (converted) Currency,Amount (converted),Close Date,Created Date,Type\n"
            + "O-1,A-1,Closed Won,JPY,\"10,000\",USD,83.86,3/4/2025,1/2/2025,New Customer\n"
            + "O-2,A-2,Closed Won,USD,\"10,000.00\",USD,\"10,000.00\",3/5/2025,1/3/2025,New Customer\n";
        var report = new ImportReport();

        var deals = Read(ImportProfile.Salesforce, file, report);

        Assert.Equal(10_083.86m, PipelineAnalytics.Summarize(deals).WonValue);
        Assert.DoesNotContain("Amount Currency", report.IgnoredColumns);
    }

    [Fact]
    public void HubSpot_ReadsTheAmountInCompanyCurrency_BeforeTheDealsOwn()
    {
        var file = "Record ID,Deal Name,Deal Stage,Amount,Currency,Amount in company currency,Close Date,Create Date,Deal Type,Associated Company\n"
            + "101,x,closedwon,5000000,JPY,33500,2025-03-04 10:00,2025-01-02 09:00,newbusiness,C1\n"
            + "102,y,closedwon,40000,USD,40000,2025-03-05 10:00,2025-01-03 09:00,newbusiness,C2\n";

        Assert.Equal(73_500m, PipelineAnalytics.Summarize(Read(ImportProfile.HubSpot, file)).WonValue);
    }

    [Fact]
    public void HubSpot_WithOnlyTheDealsOwnAmount_StopsAtASecondCurrency()
    {
        var file = HubSpot + "101,closedwon,5000000,JPY,2025-03-04 10:00,2025-01-02 09:00,newbusiness,C1\n102,closedwon,40000,USD,2025-03-05 10:00,2025-01-03 09:00,newbusiness,C2\n";

        Assert.StartsWith("line 3, column \"Amount\", value \"40000\": the amount is in USD, but the amount on line 2 is in JPY", Assert.Throws<ImportException>(() => Read(ImportProfile.HubSpot, file)).Problem!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OneCurrencyInItsColumn_IsReadAsWritten()
    {
        var file = HubSpot + "101,closedwon,500,EUR,2025-03-04 10:00,2025-01-02 09:00,newbusiness,C1\n102,closedwon,700,EUR,2025-03-05 10:00,2025-01-03 09:00,newbusiness,C2\n103,closedwon,,,2025-03-05 10:00,2025-01-03 09:00,newbusiness,C3\n";

        Assert.Equal(1_200m, PipelineAnalytics.Summarize(Read(ImportProfile.HubSpot, file)).WonValue);
    }

    [Theory]
    [InlineData("O-1,A-1,Closed Won,Euro,1000,3/4/2025,1/2/2025,New Customer", null, "column \"Amount Currency\", value \"Euro\": not an ISO 4217 currency code of three capital letters, such as USD.")]
    [InlineData("O-1,A-1,Closed Won,USD,EUR 1000,3/4/2025,1/2/2025,New Customer", null, "column \"Amount\", value \"EUR 1000\": the amount is written in EUR, but \"Amount Currency\" says USD.")]
    [InlineData("O-1,A-1,Closed Won,EUR,1000,3/4/2025,1/2/2025,New Customer", "USD", "column \"Amount\", value \"1000\": the amount is in EUR, not the reporting currency USD; convert it before importing.")]
    public void ACurrencyThatCannotBeTheAmounts_IsAProblemOfTheRow(string row, string? reporting, string problem)
    {
        var report = new ImportReport();

        Assert.Empty(Read(ImportProfile.Salesforce with { Currency = reporting, BadRows = BadRowPolicy.Skip }, Salesforce + row + "\n", report));

        Assert.Equal("line 2, " + problem, Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public void AWorksheetsAmountNumbers_InTwoCurrencies_StopTheImport()
    {
        using var workbook = WorkbookFile.Create(("Deals",
        [
            ["Opportunity ID", "Account ID", "Stage", "Amount Currency", "Amount", "Close Date", "Created Date", "Type"],
            ["O-1", "A-1", "Closed Won", "EUR", 1000.0, "3/4/2025", "1/2/2025", "New Customer"],
            ["O-2", "A-2", "Closed Won", "JPY", 5000000.0, "3/5/2025", "1/3/2025", "New Customer"],
        ]));

        var error = Assert.Throws<ImportException>(() => new OpportunityImporter(ImportProfile.Salesforce).ReadExcel(workbook).ToList());

        Assert.StartsWith("line 3, column \"Amount\", value \"5000000\": the amount is in JPY, but the amount on line 2 is in EUR", error.Problem!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Deal Amount", "Currency", "currencyColumns.Deal Amount", "not a header of 'amount'")]
    [InlineData("Amount", "Stage", "currencyColumns.Amount", "a header that gives no field")]
    [InlineData("Amount", " ", "currencyColumns.Amount", "a header that gives no field")]
    public void ACurrencyColumnThatCannotGoWithAnAmount_IsAnInvalidProfile(string amount, string currency, string path, string because)
    {
        var profile = ImportProfile.Salesforce with { CurrencyColumns = ImportProfile.Salesforce.CurrencyColumns.SetItem(amount, currency) };

        var error = Assert.Throws<ArgumentException>(() => new OpportunityImporter(profile));

        Assert.Equal(("profile", path), (error.ParamName, ((ArgumentException)error.InnerException!).ParamName));
        Assert.Contains($"The import profile's '{path}' is not valid: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrencyColumns_RoundTripThroughAProfileFile()
    {
        var profile = ImportProfile.Salesforce with { Name = "mine" };
        var saved = new MemoryStream();
        profile.Save(saved);
        saved.Position = 0;

        var loaded = ImportProfile.Load(saved);

        Assert.Equal(profile.CurrencyColumns.OrderBy(c => c.Key), loaded.CurrencyColumns.OrderBy(c => c.Key));
        Assert.Contains("\"currencyColumns\"", Encoding.UTF8.GetString(saved.ToArray()), StringComparison.Ordinal);
    }

    private static List<Opportunity> Read(ImportProfile profile, string csv, ImportReport? report = null) =>
        new OpportunityImporter(profile).ReadCsv(new StringReader(csv), report ?? new ImportReport()).ToList();
}
