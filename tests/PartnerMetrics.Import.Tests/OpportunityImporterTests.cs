using System.Collections.Immutable;
using System.Text;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

public class OpportunityImporterTests
{
    private const string SalesforceHeader = "Opportunity ID,Account Name,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account,Owner Region\n";

    [Fact]
    public void Salesforce_UsDatesCurrencyCodesTypesAndLeadSources_AreRead()
    {
        var report = new ImportReport();
        var deals = Read(ImportProfile.Salesforce, SalesforceHeader
            + "006A1,Acme Corp,Closed Won,\"USD 12,000.00\",6/14/2024,3/2/2024,New Customer,Partner Referral,Contoso Partners,EMEA\n"
            + "006A2,Acme Corp,Negotiation/Review,\"$8,500.50\",9/30/2024,7/1/2024,Existing Customer - Upgrade,Web,,EMEA\n"
            + "006A3,Globex,Closed Lost,\"USD 3,000.00\",5/1/2024,1/15/2024,New Customer,Partner,Contoso Partners,AMER\n", report);

        Assert.Equal(3, deals.Count);
        var won = deals[0];
        Assert.Equal(("006A1", "Acme Corp", DealOutcome.Won, 12_000.00m), (won.Id.Value, won.AccountId.Value, won.Outcome, won.Amount));
        Assert.Equal((new DateOnly(2024, 3, 2), (DateOnly?)new DateOnly(2024, 6, 14)), (won.CreatedOn, won.ClosedOn));
        Assert.Equal((DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Unknown), (won.Motion, won.Source, won.Route));
        Assert.Equal(("Contoso Partners", "EMEA", "Closed Won"), (won.PartnerId?.Value, won.District, won.Stage));

        // An open deal's close date is its expected close; "Web" is not known to be partner- or vendor-sourced.
        var open = deals[1];
        Assert.Equal((DealOutcome.Open, (DateOnly?)null, (DateOnly?)new DateOnly(2024, 9, 30)), (open.Outcome, open.ClosedOn, open.ExpectedCloseOn));
        Assert.Equal((DealMotion.Upsell, DealSource.Unknown, 8_500.50m), (open.Motion, open.Source, open.Amount));
        Assert.Null(open.PartnerId);

        Assert.Equal((3L, 3L, 0L), (report.Rows, report.Imported, report.Skipped));
        Assert.Empty(report.IgnoredColumns);
        Assert.Equal("Stage", report.Columns["stage"]);
        Assert.Contains(report.Notices, n => n.StartsWith("No column gives the route", StringComparison.Ordinal));
    }

    [Fact]
    public void Salesforce_TimestampsInTheIcuFormat_WithACommaAfterTheDay_AreRead()
    {
        // Salesforce's en-US times since its ICU locale formats (every org from Spring '23): "6/14/2024, 2:05 PM", not "6/14/2024 2:05 PM".
        var deals = Read(ImportProfile.Salesforce,
            "Opportunity ID,Account Name,Stage,Amount,Close Date,Created Date,Type,Last Modified Date\n"
            + "006A1,Acme Corp,Closed Won,\"USD 12,000.00\",6/14/2024,3/2/2024,New Customer,\"6/20/2024, 2:05 PM\"\n"
            + "006A2,Acme Corp,Prospecting,,9/30/2024,7/1/2024,New Customer,\"7/2/2024, 11:59 PM\"\n");

        Assert.Equal([new DateOnly(2024, 6, 20), new DateOnly(2024, 7, 2)], deals.Select(d => d.LastUpdatedOn));
    }

    [Fact]
    public void AnOpportunityIdRepeated_IsReadTwice_NotCheckedForUniqueness()
    {
        // docs/import.md: ids are not checked, because that would hold every id in memory; both rows are deals.
        var report = new ImportReport();
        var deals = Read(ImportProfile.Salesforce, SalesforceHeader
            + "006A1,Acme Corp,Closed Won,\"USD 12,000.00\",6/14/2024,3/2/2024,New Customer,Partner Referral,Contoso Partners,EMEA\n"
            + "006A1,Acme Corp,Closed Won,\"USD 12,000.00\",6/14/2024,3/2/2024,New Customer,Partner Referral,Contoso Partners,EMEA\n", report);

        Assert.Equal(["006A1", "006A1"], deals.Select(d => d.Id.Value));
        Assert.Equal((2L, 2L, 0L), (report.Rows, report.Imported, report.Skipped));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RowsOfEmptyFields_AsASpreadsheetSavedAsCsvWritesEmptyRows_AreSkippedAsBlankLines(int threads)
    {
        // Excel writes a formatted but empty row as commas; the same row in the workbook is skipped, so it is here, even under Fail.
        const string Csv = "Id,Account ID,Created On,Motion,Outcome,Amount\r\n"
            + "O-1,A,2024-01-01,NewLogo,Open,5\r\n"
            + ",,,,,\r\n"
            + " , ,\"\",,,\r\n"
            + "O-2,B,2024-01-02,NewLogo,Open,6\r\n"
            + ",,\r\n"
            + "O-3,C,2024-13-01,NewLogo,Open,7\r\n"
            + ",,,,,\r\n,,,,,\r\n";
        var report = new ImportReport();
        var importer = new OpportunityImporter(ImportProfile.PartnerMetrics) { MaxDegreeOfParallelism = threads, BlockBytes = 32 };

        var error = Assert.Throws<ImportException>(() => importer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Csv)), report).ToList());

        // The first bad row is the real one, on its own line; the rows of commas were not read.
        Assert.Equal((7L, "Created On"), (error.Problem!.Line, error.Problem.Column));
        Assert.Equal((3L, 2L, 0L), (report.Rows, report.Imported, report.Skipped));
    }

    [Fact]
    public void HubSpot_TimestampsInternalStagesAndDealTypes_AreRead()
    {
        var deals = Read(ImportProfile.HubSpot,
            "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal Type,Pipeline,Associated Company\n"
            + "1001,Renewal Acme,closedwon,1500,2024-08-19 18:33,2024-06-01 09:05,existingbusiness,Sales Pipeline,Acme\n"
            + "1002,New Globex,Appointment Scheduled,,2024-12-01 00:00,2024-08-02 10:00,newbusiness,Sales Pipeline,Globex\n"
            + "1003,Lost Initech,Closed Lost,900.25,2024-07-04,2024-05-05,New Business,Sales Pipeline,Initech\n");

        Assert.Equal(
            [("1001", DealOutcome.Won, DealMotion.Expansion, 1500m), ("1002", DealOutcome.Open, DealMotion.NewLogo, (decimal?)null), ("1003", DealOutcome.Lost, DealMotion.NewLogo, 900.25m)],
            deals.Select(d => (d.Id.Value, d.Outcome, d.Motion, d.Amount)));
        Assert.Equal(new DateOnly(2024, 8, 19), deals[0].ClosedOn);
        Assert.Equal(new DateOnly(2024, 6, 1), deals[0].CreatedOn);
        Assert.Equal(new DateOnly(2024, 12, 1), deals[1].ExpectedCloseOn);
    }

    [Fact]
    public void Dynamics_StatusAndInferredMotion_AreRead()
    {
        var report = new ImportReport();
        var deals = Read(ImportProfile.Dynamics,
            "(Do Not Modify) Opportunity,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Topic,Potential Customer,Est. Close Date,Est. Revenue,Status,Created On,Actual Close Date\n"
            + "a1,x,6/20/2024 3:22 PM,First,Fabrikam,6/1/2024,\"$10,000.00\",Won,1/10/2024 9:00 AM,6/15/2024\n"
            + "a2,x,9/20/2024 3:22 PM,Second,Fabrikam,9/1/2024,\"$4,000.00\",Won,7/1/2024 9:00 AM,8/15/2024\n"
            + "a3,x,9/20/2024 3:22 PM,Third,Northwind,9/1/2024,\"$2,000.00\",Open,7/1/2024 9:00 AM,\n", report);

        Assert.Equal([DealMotion.NewLogo, DealMotion.Expansion, DealMotion.NewLogo], deals.Select(d => d.Motion));
        Assert.Equal(new DateOnly(2024, 6, 20), deals[0].LastUpdatedOn);
        Assert.Empty(report.IgnoredColumns);   // the profile lists the checksum and the topic as unused on purpose
        Assert.Contains(report.Notices, n => n.Contains("inferred", StringComparison.Ordinal));
    }

    /// <summary>
    /// Dynamics sets a won opportunity's Actual Revenue when it is closed, often other than its estimate: a won deal is
    /// worth its actual revenue where the view has it, its estimate otherwise; an open or lost deal is worth its estimate
    /// (what was at stake), whatever the actual column holds. Before, the actual revenue was an ignored column.
    /// </summary>
    [Fact]
    public void Dynamics_AWonDeal_IsWorthItsActualRevenue_AnOpenOrLostOneItsEstimate()
    {
        var report = new ImportReport();
        var deals = Read(ImportProfile.Dynamics,
            "(Do Not Modify) Opportunity,Potential Customer,Est. Close Date,Est. Revenue,Actual Revenue,Status,Created On,Actual Close Date\n"
            + "a1,Fabrikam,6/1/2024,\"$10,000.00\",\"$8,500.00\",Won,1/10/2024 9:00 AM,6/15/2024\n"
            + "a2,Fabrikam,9/1/2024,\"$4,000.00\",,Won,7/1/2024 9:00 AM,8/15/2024\n"
            + "a3,Northwind,9/1/2024,\"$2,000.00\",$0.00,Lost,7/1/2024 9:00 AM,8/20/2024\n"
            + "a4,Northwind,12/1/2024,\"$3,000.00\",,Open,7/1/2024 9:00 AM,\n", report);

        Assert.Equal([8_500m, 4_000m, 2_000m, 3_000m], deals.Select(d => d.Amount));
        Assert.Empty(report.IgnoredColumns);
        Assert.Equal("Actual Revenue", report.Columns["wonAmount"]);

        // The actual revenue in the base currency is read before the deal's own, as the estimate's is.
        var both = Read(ImportProfile.Dynamics,
            "(Do Not Modify) Opportunity,Potential Customer,Est. Revenue (Base),Actual Revenue,Actual Revenue (Base),Status,Created On,Actual Close Date\n"
            + "a1,Fabrikam,\"$10,000.00\",\"€8,000.00\",\"$8,500.00\",Won,1/10/2024 9:00 AM,6/15/2024\n");
        Assert.Equal(8_500m, Assert.Single(both).Amount);
    }

    [Theory]
    [InlineData(",", "12.000,50", "12000.50")]
    [InlineData(",", "EUR 1.234,5", "1234.5")]
    [InlineData(",", "1 234,50 €", "1234.50")]
    [InlineData(",", "1 234,50", "1234.50")]
    [InlineData(".", "(1,200.00)", null)]   // a negative amount is read, then rejected by the model
    [InlineData(".", "-5", null)]
    [InlineData(".", "£3,000", "3000")]
    [InlineData(".", "1'234'567.891", "1234567.891")]
    [InlineData(".", "  42  ", "42")]
    public void Amounts_WithTheProfilesDecimalSeparator_AreRead(string separator, string text, string? expected)
    {
        var profile = ImportProfile.PartnerMetrics with { DecimalSeparator = separator, BadRows = BadRowPolicy.Skip };
        var report = new ImportReport();
        var deals = Read(profile, $"Id,Account ID,Created On,Motion,Outcome,Amount\nO-1,A-1,2024-01-01,NewLogo,Open,\"{text}\"\n", report);

        if (expected is null)
        {
            Assert.Empty(deals);
            Assert.Contains("must not be negative", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(deals).Amount);
        }
    }

    [Fact]
    public void Amounts_InAnotherCurrency_AreProblems_NotConverted()
    {
        var profile = ImportProfile.Salesforce with { Currency = "USD", BadRows = BadRowPolicy.Skip };
        var report = new ImportReport();
        var deals = Read(profile, SalesforceHeader + "006A1,Acme,Closed Won,\"EUR 5,000.00\",6/14/2024,3/2/2024,New Customer,Web,,EMEA\n", report);

        Assert.Empty(deals);
        var problem = Assert.Single(report.Problems);
        Assert.Equal("line 2, column \"Amount\", value \"EUR 5,000.00\": the amount is in EUR, not the reporting currency USD; convert it before importing.", problem.ToString());
    }

    [Fact]
    public void Amounts_InOneCurrencyCode_WithoutAReportingCurrency_AreReadAsWritten()
    {
        var report = new ImportReport();
        var deals = Read(ImportProfile.Salesforce, SalesforceHeader
            + "006A1,Acme,Closed Won,\"USD 5,000.00\",6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A2,Acme,Closed Won,250 USD,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A3,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n", report);

        Assert.Equal([5000m, 250m, 100m], deals.Select(d => d.Amount));
        Assert.Equal(0, report.ProblemCount);

        // A code on a cell that is no amount is that row's problem, not a second currency.
        var skipped = new ImportReport();
        var rest = Read(ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip }, SalesforceHeader
            + "006A1,Acme,Closed Won,EUR lots,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A2,Acme,Closed Won,250 USD,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n", skipped);
        Assert.Equal([250m], rest.Select(d => d.Amount));
        Assert.Equal("Amount", Assert.Single(skipped.Problems).Column);
    }

    /// <summary>
    /// Amounts in two currencies and no reporting currency: whatever reads the file — in order, in blocks on two threads, or
    /// asynchronously — the import stops at the first amount in the second code, even when bad rows are skipped, for no row
    /// is wrong on its own and the sum would be (it added EUR, JPY and USD as one number).
    /// </summary>
    [Theory]
    [InlineData(BadRowPolicy.Fail)]
    [InlineData(BadRowPolicy.Skip)]
    public void Amounts_InTwoCurrencies_WithoutAReportingCurrency_StopTheImport(BadRowPolicy badRows)
    {
        var lines = ParallelCsvTests.LargeExport(200).Split("\r\n");
        lines[120] = lines[120].Replace("\"USD ", "\"EUR ", StringComparison.Ordinal);
        lines[150] = lines[150].Replace("\"USD ", "\"JPY ", StringComparison.Ordinal);
        lines[180] = lines[180].Replace("\"USD ", "\"EUR ", StringComparison.Ordinal);
        var file = string.Join("\r\n", lines);
        var profile = ImportProfile.Salesforce with { BadRows = badRows };
        var amount = lines[120].Split('"')[1];
        var expected = $"line 121, column \"Amount\", value \"{amount}\": the amount is in EUR, but the amount on line 2 is in USD: amounts in two currencies cannot be added up. Set the profile's reporting currency (\"currency\": \"USD\") and convert the others before importing.";

        void Stopped(Action read) => Assert.Equal(expected, Assert.Throws<ImportException>(read).Problem!.ToString());

        var report = new ImportReport();
        var inOrder = new List<Opportunity>();
        Stopped(() => inOrder.AddRange(new OpportunityImporter(profile).ReadCsv(new StringReader(file), report)));
        Assert.Equal(119, inOrder.Count);
        Assert.Equal(expected, report.Problems[^1].ToString());

        var inBlocks = new OpportunityImporter(profile) { MaxDegreeOfParallelism = 2, BlockBytes = 512 };
        Stopped(() => new List<Opportunity>().AddRange(inBlocks.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(file)))));
        Stopped(() => inBlocks.ReadCsvInto(new MemoryStream(Encoding.UTF8.GetBytes(file)), new List<Opportunity>(), () => [], (list, deal) => list.Add(deal), (total, block) => total.AddRange(block)));
        Stopped(() => new List<Opportunity>().AddRange(new OpportunityImporter(profile).ReadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(file))).ToBlockingEnumerable()));
    }

    [Fact]
    public void BadRows_Skipped_AreReportedPerColumnWithLineAndValue()
    {
        var profile = ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip };
        var report = new ImportReport();
        var deals = Read(profile, SalesforceHeader
            + "006A1,Acme,Closed Won,100,13/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A2,Acme,Closed Won,100,6/14/2024,3/2/2024,Hunting,Web,,EMEA\n"
            + "006A3,,Closed Won,abc,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A4,Acme,Closed Won,100,1/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A5,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n", report);

        Assert.Equal("006A5", Assert.Single(deals).Id.Value);
        Assert.Equal((5L, 1L, 4L, 5L), (report.Rows, report.Imported, report.Skipped, report.ProblemCount));
        Assert.Equal(
            [
                "line 2, column \"Close Date\", value \"13/14/2024\": not a day in the form M/d/yyyy or M/d/yyyy h:mm tt or M/d/yyyy, h:mm tt or M/d/yyyy H:mm or yyyy-MM-dd.",
                "line 3, column \"Type\", value \"Hunting\": not one of NewLogo, Expansion, Renewal, CrossSell, Upsell (or a value the profile maps).",
                "line 4, column \"Account Name\": a value is required.",
                "line 4, column \"Amount\", value \"abc\": not an amount such as 1,234.50 (the profile's decimal separator is '.').",
                "line 5, column \"Close Date\", value \"1/14/2024\": 'closedOn' (2024-01-14) must not be before 'createdOn' (2024-03-02).",
            ],
            report.Problems.Select(p => p.ToString()));
        Assert.Equal([new("Close Date", 2L), new("Account Name", 1L), new("Amount", 1L), new KeyValuePair<string, long>("Type", 1L)], report.ProblemsByColumn);
        Assert.Equal("5 rows: 1 imported, 4 skipped; 0 columns ignored", report.ToString());
    }

    [Fact]
    public void BadRows_UnderFail_StopAtTheFirst()
    {
        var error = Assert.Throws<ImportException>(() => Read(ImportProfile.Salesforce, SalesforceHeader
            + "006A1,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A2,Acme,Closed Won,100,6/14/2024,3/2/2024,Hunting,Web,,EMEA\n"));

        Assert.Equal(3, error.Problem!.Line);
        Assert.Equal("Type", error.Problem.Column);
    }

    [Fact]
    public void Header_WithoutRequiredColumns_StopsTheImport_NamingWhatIsMissingAndWhatIsThere()
    {
        var error = Assert.Throws<ImportException>(() => Read(ImportProfile.Salesforce, "Opportunity ID,Stage,Amount\n006A1,Closed Won,1\n"));

        Assert.Equal(1, error.Problem!.Line);
        Assert.Contains("no column gives 'accountId', the customer account (the profile accepts \"Account ID\", \"Account Name\")", error.Message, StringComparison.Ordinal);
        Assert.Contains("no column gives 'createdOn'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no column gives 'motion'", error.Message, StringComparison.Ordinal);
        Assert.Contains("The header has \"Opportunity ID\", \"Stage\", \"Amount\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_JoinASecondFile_AndDefaultsFillWhatTheExportLacks()
    {
        var profile = new ImportProfile
        {
            Columns = ImmutableDictionary<string, ImmutableArray<string>>.Empty
                .Add("id", ["opportunity_id"]).Add("accountId", ["account"]).Add("createdOn", ["engage_date"])
                .Add("closedOn", ["close_date"]).Add("stage", ["deal_stage"]).Add("amount", ["close_value"]),
            Outcomes = ImmutableDictionary<string, DealOutcome>.Empty.Add("Engaging", DealOutcome.Open),
            Lookups = [new ImportLookupColumn { Field = "district", KeyColumn = "sales_agent" }],
            Defaults = ImmutableDictionary<string, string>.Empty.Add("route", "Partner"),
            InferMotion = true,
        };
        var offices = ImportLookup.FromCsv("district", new StringReader("sales_agent,manager,regional_office\nAnna,M,West\nBo,M,East\n"), "sales_agent", "regional_office");
        var importer = new OpportunityImporter(profile, [offices]);
        var report = new ImportReport();

        var deals = importer.ReadCsv(new StringReader(
            "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n"
            + "X1,Anna,GTX,Acme,Won,2024-01-01,2024-02-01,100\n"
            + "X2,Bo,GTX,Acme,Engaging,2024-03-01,,\n"
            + "X3,Cy,GTX,Globex,Lost,2024-01-01,2024-01-20,0\n"), report).ToList();

        Assert.Equal(["West", "East", null], deals.Select(d => d.District));
        Assert.All(deals, d => Assert.Equal(RouteToMarket.Partner, d.Route));
        Assert.Equal([DealMotion.NewLogo, DealMotion.Expansion, DealMotion.NewLogo], deals.Select(d => d.Motion));
        Assert.Equal(["product"], report.IgnoredColumns.ToArray());   // the lookup's key column is used, not ignored

        // The lost deal carries 0, so the value win rate is null with its reason rather than 100 %.
        var result = PipelineAnalytics.Summarize(deals);
        Assert.Null(result.WinRateByValue);
        Assert.NotNull(result.NoteFor(nameof(PipelineResult.WinRateByValue)));
    }

    [Fact]
    public async Task ReadCsvAsync_EqualsReadCsv_AndStopsWhenCancelled()
    {
        var text = SalesforceHeader + string.Concat(Enumerable.Range(0, 50).Select(i => $"006A{i},Acme {i % 7},Closed Won,{i * 10},6/14/2024,3/2/2024,New Customer,Partner,,EMEA\n"));
        var expected = Read(ImportProfile.Salesforce, text);
        var importer = new OpportunityImporter(ImportProfile.Salesforce);

        var streamed = new List<Opportunity>();
        await foreach (var deal in importer.ReadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(text))))
        {
            streamed.Add(deal);
        }

        Assert.Equal(expected, streamed);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in importer.ReadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), cancellationToken: cancelled.Token))
            {
            }
        });
    }

    [Fact]
    public void LongRows_AreRead()
    {
        var note = new string('x', 200_000);
        var deals = Read(ImportProfile.Salesforce, SalesforceHeader.TrimEnd('\n') + ",Description\n006A1,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA," + note + "\n");

        Assert.Equal(100m, Assert.Single(deals).Amount);
    }

    [Fact]
    public void NotUtf8_StopsWithTheLine()
    {
        var bytes = Encoding.UTF8.GetBytes(SalesforceHeader + "006A1,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();

        var error = Assert.Throws<ImportException>(() => new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new MemoryStream(bytes)).ToList());

        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Importer_RejectsAnInvalidProfile_AndMissingLookups()
    {
        var unknownField = ImportProfile.Salesforce with { Columns = ImportProfile.Salesforce.Columns.Add("colour", ["Colour"]) };
        Assert.Contains("'columns.colour' is not valid", Assert.Throws<ArgumentException>("profile", () => new OpportunityImporter(unknownField)).Message, StringComparison.Ordinal);
        Assert.Contains("decimalSeparator", Assert.Throws<ArgumentException>("profile", () => new OpportunityImporter(ImportProfile.Salesforce with { DecimalSeparator = ";" })).Message, StringComparison.Ordinal);
        Assert.Contains("currency", Assert.Throws<ArgumentException>("profile", () => new OpportunityImporter(ImportProfile.Salesforce with { Currency = "usd" })).Message, StringComparison.Ordinal);
        var withLookup = ImportProfile.Salesforce with { Lookups = [new ImportLookupColumn { Field = "district", KeyColumn = "Owner" }] };
        Assert.Throws<ArgumentException>("lookups", () => new OpportunityImporter(withLookup));
        Assert.Throws<ArgumentNullException>("profile", () => new OpportunityImporter(null!));
        Assert.Throws<ArgumentNullException>("csv", () => new OpportunityImporter(ImportProfile.Salesforce).ReadCsv((Stream)null!));
    }

    private static List<Opportunity> Read(ImportProfile profile, string csv, ImportReport? report = null) =>
        [.. new OpportunityImporter(profile).ReadCsv(new StringReader(csv), report)];

    [Theory]
    [InlineData("1,2,3")]
    [InlineData("12,34.5")]
    [InlineData("1.234.5")]
    [InlineData("1,234,")]
    [InlineData("1.")]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("--5")]
    public void Amounts_ThatAreNotNumbers_AreProblems(string text)
    {
        var report = new ImportReport();
        Assert.Empty(Read(ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip }, $"Id,Account ID,Created On,Motion,Outcome,Amount\nO-1,A-1,2024-01-01,NewLogo,Open,\"{text}\"\n", report));
        Assert.Equal("Amount", Assert.Single(report.Problems).Column);
    }

    [Fact]
    public void Rows_WithMoreOrFewerFieldsThanTheHeader_AreProblems_NotShiftedValues()
    {
        var report = new ImportReport();
        var deals = Read(ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip }, SalesforceHeader
            + "006A1,Acme, Inc,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A2,Acme,Closed Won,100\n"
            + "006A3,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n", report);

        Assert.Equal("006A3", Assert.Single(deals).Id.Value);
        Assert.Equal(
            ["line 2: the row has 11 fields where the header has 10; is a value with a comma or a quote not quoted?", "line 3: the row has 4 fields where the header has 10; is a value with a comma or a quote not quoted?"],
            report.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void TwoColumnsForOneField_TheProfilesFirstIsRead_AndTheOtherReportedAsUnused()
    {
        var report = new ImportReport();
        var deals = Read(ImportProfile.Salesforce, "Opportunity ID,Account Name,Stage,Amount,Amount (converted),Close Date,Created Date,Type\n"
            + "006A1,Acme,Closed Won,EUR 900.00,\"USD 1,000.00\",6/14/2024,3/2/2024,New Customer\n", report);

        Assert.Equal(1_000m, Assert.Single(deals).Amount);
        Assert.Equal(["Amount"], report.IgnoredColumns.ToArray());
        Assert.Contains("\"Amount (converted)\" is read, because the profile lists it first.", string.Join("\n", report.Notices), StringComparison.Ordinal);
    }

    [Fact]
    public void Stages_NotMapped_AreOpen_ButAnUnmappedClosedStageIsAProblem()
    {
        var report = new ImportReport();
        var deals = Read(ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip }, SalesforceHeader
            + "006A1,Acme,Id. Decision Makers,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A2,Acme,Closed - No Decision,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n", report);

        Assert.Equal(DealOutcome.Open, Assert.Single(deals).Outcome);
        Assert.Equal("line 3, column \"Stage\", value \"Closed - No Decision\": a closed stage that the profile's outcomes do not map; map it to Won or Lost.", Assert.Single(report.Problems).ToString());
    }
}
