using System.Collections.Immutable;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>How one row becomes a deal: currency codes, the one close date, outcomes from a column or a stage, the maps' fallbacks, and which column a rejected deal blames.</summary>
public class OpportunityRowTests
{
    private const string Header = "Id,Account ID,Created On,Motion,Outcome,Amount\n";

    private static ImportProfile Skip => ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip };

    /// <summary>A profile with the one close date of most CRMs, and a loss reason.</summary>
    private static readonly ImportProfile WithClose = Skip with
    {
        Columns = ImmutableDictionary<string, ImmutableArray<string>>.Empty
            .Add("id", ["Id"]).Add("accountId", ["Account"]).Add("createdOn", ["Created"]).Add("motion", ["Motion"])
            .Add("outcome", ["Outcome"]).Add("closeOn", ["Close"]).Add("closedOn", ["Closed"]).Add("expectedCloseOn", ["Expected"])
            .Add("lossReason", ["Reason"]).Add("registeredOn", ["Registered"]),
    };

    [Theory]
    [InlineData(null, "USD 1,000.50", "1000.50")]
    [InlineData(null, "1,000.50 EUR", "1000.50")]
    [InlineData("USD", "USD 1,000.50", "1000.50")]
    [InlineData("USD", "1,000.50 USD", "1000.50")]
    [InlineData("USD", "USD 5", "5")]
    [InlineData("USD", "5 USD", "5")]
    [InlineData("USD", "$5", "5")]
    public void AnAmount_WithACurrencyCode_IsReadWithoutIt(string? currency, string text, string expected)
    {
        var deal = Assert.Single(Read(Skip with { Currency = currency }, Header + $"O-1,A-1,2024-01-01,NewLogo,Open,\"{text}\"\n", out var report));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), deal.Amount);
        Assert.Empty(report.Problems);
    }

    [Theory]
    [InlineData("USD", "EUR 5", "line 2, column \"Amount\", value \"EUR 5\": the amount is in EUR, not the reporting currency USD; convert it before importing.")]
    [InlineData("USD", "5 EUR", "line 2, column \"Amount\", value \"5 EUR\": the amount is in EUR, not the reporting currency USD; convert it before importing.")]
    [InlineData(null, "USD5", "line 2, column \"Amount\", value \"USD5\": not an amount such as 1,234.50 (the profile's decimal separator is '.').")]
    [InlineData(null, "usd 5", "line 2, column \"Amount\", value \"usd 5\": not an amount such as 1,234.50 (the profile's decimal separator is '.').")]
    [InlineData(null, "USD ", "line 2, column \"Amount\", value \"USD\": not an amount such as 1,234.50 (the profile's decimal separator is '.').")]
    [InlineData(null, "UsD 5", "line 2, column \"Amount\", value \"UsD 5\": not an amount such as 1,234.50 (the profile's decimal separator is '.').")]
    [InlineData(null, "USd 5", "line 2, column \"Amount\", value \"USd 5\": not an amount such as 1,234.50 (the profile's decimal separator is '.').")]
    [InlineData(null, "5 USd", "line 2, column \"Amount\", value \"5 USd\": not an amount such as 1,234.50 (the profile's decimal separator is '.').")]
    [InlineData(null, "5 uSD", "line 2, column \"Amount\", value \"5 uSD\": not an amount such as 1,234.50 (the profile's decimal separator is '.').")]
    [InlineData(null, "5 UsD", "line 2, column \"Amount\", value \"5 UsD\": not an amount such as 1,234.50 (the profile's decimal separator is '.').")]
    [InlineData(null, "5USD", "line 2, column \"Amount\", value \"5USD\": not an amount such as 1,234.50 (the profile's decimal separator is '.').")]
    public void AnAmount_InAnotherCurrencyOrWithABadCode_IsAProblem(string? currency, string text, string problem)
    {
        Assert.Empty(Read(Skip with { Currency = currency }, Header + $"O-1,A-1,2024-01-01,NewLogo,Open,\"{text}\"\n", out var report));

        Assert.Equal(problem, Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public void AnAmount_WithADecimalComma_IsExplainedWithItsExample()
    {
        Assert.Empty(Read(Skip with { DecimalSeparator = "," }, Header + "O-1,A-1,2024-01-01,NewLogo,Open,abc\n", out var report));

        Assert.Equal("line 2, column \"Amount\", value \"abc\": not an amount such as 1.234,50 (the profile's decimal separator is ',').", Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public void AnAmount_FromADefault_IsReadWhenTheCellIsEmpty()
    {
        var deals = Read(Skip with { Defaults = ImmutableDictionary<string, string>.Empty.Add("amount", "USD 7") }, Header + "O-1,A-1,2024-01-01,NewLogo,Open,\nO-2,A-1,2024-01-01,NewLogo,Open,8\n", out _);

        Assert.Equal([7m, 8m], deals.Select(d => d.Amount));
        Assert.Null(Assert.Single(Read(Skip, Header + "O-1,A-1,2024-01-01,NewLogo,Open,\n", out _)).Amount);
    }

    [Fact]
    public void TheCloseDate_IsTheExpectedCloseOfAnOpenDeal_AndTheCloseOfAClosedOne_UnlessItsOwnColumnSaysOtherwise()
    {
        var deals = Read(WithClose, "Id,Account,Created,Motion,Outcome,Close,Closed,Expected,Reason\n"
            + "O-1,A,2024-01-01,NewLogo,Open,2024-03-01,,,\n"
            + "O-2,A,2024-01-01,NewLogo,Won,2024-03-01,,,\n"
            + "O-3,A,2024-01-01,NewLogo,Lost,2024-03-01,2024-02-01,,Price\n"
            + "O-4,A,2024-01-01,NewLogo,Open,2024-03-01,,2024-04-01,\n"
            + "O-5,A,2024-01-01,NewLogo,Won,2024-03-01,,,Price\n", out var report);

        Assert.Equal(
            [
                ("O-1", (DateOnly?)new DateOnly(2024, 3, 1), (DateOnly?)null, (string?)null),
                ("O-2", null, new DateOnly(2024, 3, 1), null),
                ("O-3", null, new DateOnly(2024, 2, 1), "Price"),
                ("O-4", new DateOnly(2024, 4, 1), null, null),
                ("O-5", null, new DateOnly(2024, 3, 1), null),   // only a lost deal has a loss reason
            ],
            deals.Select(d => (d.Id.Value, d.ExpectedCloseOn, d.ClosedOn, d.LossReason)));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void ADealTheModelRejects_BlamesTheColumnThatGaveTheValue()
    {
        Read(WithClose, "Id,Account,Created,Motion,Outcome,Close,Closed,Expected,Reason,Registered\n"
            + "O-1,A,2024-03-01,NewLogo,Won,2024-01-01,,,,\n"             // the close date gives closedOn
            + "O-2,A,2024-03-01,NewLogo,Open,2024-01-01,,,,\n"            // and expectedCloseOn
            + "O-3,A,2024-03-01,NewLogo,Won,,2024-01-01,,,\n"             // the closedOn column itself
            + "O-4,A,2024-03-01,NewLogo,Open,,,2024-01-01,,\n"
            + "O-5,A,2024-03-01,NewLogo,Open,,2024-04-01,,,\n"            // an open deal with a close
            + "O-6,A,2024-03-01,NewLogo,Open,,,,,2024-01-01\n", out var report);

        Assert.Equal(
            [(2L, "Close", "2024-01-01"), (3L, "Close", "2024-01-01"), (4L, "Closed", "2024-01-01"), (5L, "Expected", "2024-01-01"), (6L, "Closed", "2024-04-01"), (7L, "Registered", "2024-01-01")],
            report.Problems.Select(p => (p.Line, p.Column, p.Value)));
        Assert.Equal(
            "'closedOn' (2024-01-01) must not be before 'createdOn' (2024-03-01).",
            report.Problems[0].Message);
        Assert.DoesNotContain(report.Problems, p => p.Message.Contains("Parameter", StringComparison.Ordinal));
    }

    [Fact]
    public void AnIdTheModelRejects_BlamesItsColumn()
    {
        // Half of a surrogate pair alone cannot be written out; an id's check names its parameter "value", which is no column.
        Read(Skip, "Id,Account ID,Created On,Motion,Outcome,Partner ID\n"
            + "O-\uD800,A-1,2024-01-01,NewLogo,Open,\n"
            + "O-2,A-\uD800,2024-01-01,NewLogo,Open,\n"
            + "O-3,A-1,2024-01-01,NewLogo,Open,P-\uD800\n", out var report);

        Assert.Equal(
            [(2L, "Id", "O-\uD800"), (3L, "Account ID", "A-\uD800"), (4L, "Partner ID", "P-\uD800")],
            report.Problems.Select(p => (p.Line, p.Column, p.Value)));
        Assert.StartsWith("'value' holds half of a surrogate pair alone (U+D800)", report.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelErrorWithoutAColumn_IsAProblemOfTheRow()
    {
        // Without a close day a won deal cannot be built; no column gives closedOn, so the row is blamed.
        Read(Skip, Header + "O-1,A-1,2024-01-01,NewLogo,Won,1\n", out var report);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("closedOn", (string?)null), (problem.Column, problem.Value));
        Assert.StartsWith("A Won opportunity needs 'closedOn'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOutcome_ComesFromItsColumn_ElseFromTheStage()
    {
        var byStage = Read(Skip, "Id,Account ID,Created On,Motion,Stage,Closed On\nO-1,A,2024-01-01,NewLogo,Closed Won,2024-02-01\nO-2,A,2024-01-01,NewLogo,Prospecting,\nO-3,A,2024-01-01,NewLogo,Lost,2024-02-01\n", out _);
        Assert.Equal([DealOutcome.Won, DealOutcome.Open, DealOutcome.Lost], byStage.Select(d => d.Outcome));
        Assert.Equal(["Closed Won", "Prospecting", "Lost"], byStage.Select(d => d.Stage));

        // With an outcome column, the stage is only the stage: an unknown outcome is a problem even though other stages are Open.
        var byOutcome = Read(Skip, "Id,Account ID,Created On,Motion,Outcome,Stage\nO-1,A,2024-01-01,NewLogo,Open,Closed Won\nO-2,A,2024-01-01,NewLogo,Prospecting,Prospecting\n", out var report);
        Assert.Equal((DealOutcome.Open, "Closed Won"), (Assert.Single(byOutcome).Outcome, byOutcome[0].Stage));
        Assert.Equal("line 3, column \"Outcome\", value \"Prospecting\": not one of Open, Won, Lost (or a value the profile maps).", Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public void TheOutcome_FromADefault_IsUsedBeforeTheStage()
    {
        var deals = Read(Skip with { Defaults = ImmutableDictionary<string, string>.Empty.Add("outcome", "Open") }, "Id,Account ID,Created On,Motion,Stage\nO-1,A,2024-01-01,NewLogo,Closed Won\n", out _);

        Assert.Equal(DealOutcome.Open, Assert.Single(deals).Outcome);
    }

    [Fact]
    public void AnEmptyOutcome_IsAProblemThatSaysWhatTheOutcomeIsFor()
    {
        Read(Skip, Header + "O-1,A-1,2024-01-01,NewLogo,,1\n", out var report);

        Assert.Equal("line 2, column \"Outcome\": a value is required: the outcome (or the stage) tells an open deal from a won or lost one.", Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public void AStageWithoutOtherStages_IsAProblem_AndAnOtherStagesOfWonKeepsClosedStages()
    {
        Read(Skip with { OtherStages = null }, "Id,Account ID,Created On,Motion,Stage\nO-1,A,2024-01-01,NewLogo,Prospecting\n", out var report);
        Assert.Equal("line 2, column \"Stage\", value \"Prospecting\": not one of Open, Won, Lost (or a value the profile maps).", Assert.Single(report.Problems).ToString());

        var won = Read(Skip with { OtherStages = DealOutcome.Lost }, "Id,Account ID,Created On,Motion,Stage,Closed On\nO-1,A,2024-01-01,NewLogo,Closed - No Decision,2024-02-01\nO-2,A,2024-01-01,NewLogo,Prospecting,2024-02-01\n", out _);
        Assert.Equal([DealOutcome.Lost, DealOutcome.Lost], won.Select(d => d.Outcome));
    }

    [Fact]
    public void RepeatedValues_AreReadAlikeEveryTime()
    {
        var rows = string.Concat(Enumerable.Range(0, 6).Select(i => $"O-{i},A,2024-01-0{i + 1},{(i % 2 == 0 ? "NewLogo" : "Upsell")},{(i % 3 == 0 ? "Open" : "Closed Won")},,P{i % 2},D{i % 2},Partner,PartnerSourced,{(i % 3 == 0 ? "" : "2024-02-01")}\n"));
        var deals = Read(Skip, "Id,Account ID,Created On,Motion,Stage,Amount,Partner ID,District,Route,Source,Closed On\n" + rows, out var report);

        Assert.Equal(6, deals.Count);
        Assert.Empty(report.Problems);
        Assert.Equal([DealMotion.NewLogo, DealMotion.Upsell, DealMotion.NewLogo, DealMotion.Upsell, DealMotion.NewLogo, DealMotion.Upsell], deals.Select(d => d.Motion));
        Assert.Equal([DealOutcome.Open, DealOutcome.Won, DealOutcome.Won, DealOutcome.Open, DealOutcome.Won, DealOutcome.Won], deals.Select(d => d.Outcome));
        Assert.Equal(["P0", "P1", "P0", "P1", "P0", "P1"], deals.Select(d => d.PartnerId?.Value));
        Assert.Equal(["D0", "D1", "D0", "D1", "D0", "D1"], deals.Select(d => d.District));
        Assert.All(deals, d => Assert.Equal((RouteToMarket.Partner, DealSource.PartnerSourced), (d.Route, d.Source)));
        Assert.Equal(Enumerable.Range(1, 6).Select(i => new DateOnly(2024, 1, i)), deals.Select(d => d.CreatedOn));
    }

    [Fact]
    public void SourcesAndRoutes_MissingAreUnknown_UnmappedAreProblems_UnlessTheProfileGivesAnOtherSource()
    {
        var header = "Id,Account ID,Created On,Motion,Outcome,Source,Route\n";
        var deals = Read(Skip, header + "O-1,A,2024-01-01,NewLogo,Open,,\nO-2,A,2024-01-01,NewLogo,Open,Friends,Direct\nO-3,A,2024-01-01,NewLogo,Open,VendorReferred,Carrier pigeon\n", out var report);
        Assert.Equal((DealSource.Unknown, RouteToMarket.Unknown), (Assert.Single(deals).Source, deals[0].Route));
        Assert.Equal(
            [
                "line 3, column \"Source\", value \"Friends\": not one of " + string.Join(", ", Enum.GetNames<DealSource>()) + " (or a value the profile maps).",
                "line 4, column \"Route\", value \"Carrier pigeon\": not one of " + string.Join(", ", Enum.GetNames<RouteToMarket>()) + " (or a value the profile maps).",
            ],
            report.Problems.Select(p => p.ToString()));

        var other = Read(Skip with { OtherSources = DealSource.CoSell }, header + "O-1,A,2024-01-01,NewLogo,Open,Friends,\n", out _);
        Assert.Equal(DealSource.CoSell, Assert.Single(other).Source);
    }

    [Fact]
    public void AMissingMotion_IsAProblem_UnlessMotionsAreInferred()
    {
        Read(Skip, Header + "O-1,A-1,2024-01-01,,Open,1\n", out var report);
        Assert.Equal(
            "line 2, column \"Motion\": a value is required: new logo or farming; when the export leaves a deal's motion empty, set \"inferMotion\": true to infer every deal's from its account's history.",
            Assert.Single(report.Problems).ToString());

        var inferred = Read(Skip with { InferMotion = true }, Header + "O-1,A-1,2024-01-01,,Won,1\n".Replace("Won,1", "Open,1", StringComparison.Ordinal), out report);
        Assert.Equal(DealMotion.NewLogo, Assert.Single(inferred).Motion);
        Assert.Contains("Motions are inferred from each account's history; the export's Renewal, CrossSell and Upsell are kept after the first win.", report.Notices);
    }

    [Fact]
    public void AHeader_LackingTheOutcomeTheMotionOrALookupKey_SaysWhatIsMissing()
    {
        var profile = Skip with
        {
            Columns = Skip.Columns.Remove("motion"),
            Lookups = [new() { Field = "district", KeyColumn = "Sales Agent" }],
        };
        var importer = new OpportunityImporter(profile, [new ImportLookup("district", [])]);
        var report = new ImportReport();

        var error = Assert.Throws<ImportException>(() => importer.ReadCsv(new StringReader("Id,Account ID,Created On\nO-1,A,2024-01-01\n"), report).ToList());

        Assert.Equal(
            "line 1: no column gives 'outcome' or 'stage', so no deal can be told open, won or lost; "
            + "no column gives 'motion', new logo or farming; or set \"inferMotion\": true to infer it from each account's history (the profile names no column for it); "
            + "the lookup of 'district' needs the column \"Sales Agent\". The header has \"Id\", \"Account ID\", \"Created On\"; columns are separated by commas.",
            error.Message);
        Assert.Same(error.Problem, Assert.Single(report.Problems));
        Assert.Equal(1, report.ProblemCount);
    }

    [Fact]
    public void AHeaderWithEveryRequiredColumn_ButNoSourceOrRoute_SaysSoInANotice()
    {
        Read(Skip, Header + "O-1,A-1,2024-01-01,NewLogo,Open,1\n", out var report);

        Assert.Equal(
            [
                "No column gives the source: every deal's source is Unknown, and the metrics that need it are null.",
                "No column gives the route: every deal's route is Unknown, and the metrics that need it are null.",
            ],
            report.Notices);
        Assert.Equal(["accountId", "amount", "createdOn", "id", "motion", "outcome"], report.Columns.Keys.Order(StringComparer.Ordinal));

        Read(Skip with { InferMotion = true }, "Id,Account ID,Created On,Outcome,Source,Route\nO-1,A-1,2024-01-01,Open,Unknown,Unknown\n", out report);
        Assert.Equal(["No column gives the motion: it is inferred from each account's history (the first won deal is NewLogo)."], report.Notices);
    }

    [Fact]
    public void AnUnusedOrLookupKeyColumn_IsNotIgnored_AndAnUnknownOneIs()
    {
        var profile = Skip with { Unused = ["Notes"], Lookups = [new() { Field = "district", KeyColumn = "Sales Agent" }] };
        var importer = new OpportunityImporter(profile, [new ImportLookup("district", [new("Ann", "West")])]);
        var report = new ImportReport();

        var deal = Assert.Single(importer.ReadCsv(new StringReader("Colour,Id,Account ID,Created On,Motion,Outcome,notes,sales_agent,Extra\nred,O-1,A,2024-01-01,NewLogo,Open,x, Ann ,y\n"), report));

        Assert.Equal("West", deal.District);
        Assert.Equal(["Colour", "Extra"], report.IgnoredColumns.ToArray());
    }

    [Fact]
    public void TwoColumnsForOneField_InEitherOrder_KeepTheProfilesFirst()
    {
        var report = new ImportReport();
        var deals = Read(Skip, "Opportunity ID,Zed,Id,Account ID,Created On,Motion,Outcome\nX,z,O-1,A,2024-01-01,NewLogo,Open\n", out report);

        Assert.Equal("O-1", Assert.Single(deals).Id.Value);
        Assert.Equal(["Opportunity ID", "Zed"], report.IgnoredColumns.ToArray());   // in the file's order
        Assert.Equal("Id", report.Columns["id"]);
        Assert.Contains("Both \"Id\" and \"Opportunity ID\" give 'id'; \"Id\" is read, because the profile lists it first.", report.Notices);
    }

    [Fact]
    public void ANullReport_IsAllowed_AndArgumentsAreChecked()
    {
        var importer = new OpportunityImporter(Skip);

        Assert.Single(importer.ReadCsv(new StringReader(Header + "O-1,A-1,2024-01-01,NewLogo,Open,1\n")));
        Assert.Throws<ArgumentNullException>("csv", () => importer.ReadCsv((TextReader)null!));
        Assert.Throws<ArgumentNullException>("csv", () => importer.ReadCsvAsync(null!));
        Assert.Throws<ArgumentNullException>("workbook", () => importer.ReadExcel(null!));
        Assert.Throws<ArgumentNullException>("workbook", () => importer.ReadExcelAsync(null!));
        Assert.Throws<ArgumentNullException>("lookups", () => new OpportunityImporter(Skip, [null!]));
        Assert.StartsWith("Two lookups give 'district'.", Assert.Throws<ArgumentException>("lookups", () => new OpportunityImporter(Skip, [new ImportLookup("district", []), new ImportLookup("district", [])])).Message, StringComparison.Ordinal);
        var withLookup = Skip with { Lookups = [new() { Field = "district", KeyColumn = "Owner" }] };
        Assert.StartsWith(
            "The profile looks 'district' up by \"Owner\", but no lookup values were given for it.",
            Assert.Throws<ArgumentException>("lookups", () => new OpportunityImporter(withLookup, [new ImportLookup("route", [])])).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void TheReport_CountsAcrossFiles()
    {
        var importer = new OpportunityImporter(Skip);
        var report = new ImportReport();

        _ = importer.ReadCsv(new StringReader(Header + "O-1,A-1,2024-01-01,NewLogo,Open,1\nO-2,,2024-01-01,NewLogo,Open,1\n"), report).ToList();
        _ = importer.ReadCsv(new StringReader(Header + "O-3,A-1,2024-01-01,NewLogo,Open,1\n"), report).ToList();

        Assert.Equal((3L, 2L, 1L, 0L), (report.Rows, report.Imported, report.Skipped, report.Excluded));
    }

    [Fact]
    public void ATextThatRepeats_IsOneString()
    {
        var deals = Read(Skip, "Id,Account ID,Created On,Motion,Outcome,Partner ID,District,Stage\n"
            + "O-1,A,2024-01-01,NewLogo,Open,P1,West,Qualify\nO-2,B,2024-01-01,NewLogo,Open,P1,West,Qualify\n", out _);

        Assert.Equal(2, deals.Count);
        Assert.Same(deals[0].PartnerId!.Value.Value, deals[1].PartnerId!.Value.Value);
        Assert.Same(deals[0].District, deals[1].District);
        Assert.Same(deals[0].Stage, deals[1].Stage);
        Assert.Equal(("P1", "West", "Qualify"), (deals[1].PartnerId!.Value.Value, deals[1].District, deals[1].Stage));
    }

    [Fact]
    public void AFieldsText_IsItsCell_ElseItsLookup_ElseTheDefault()
    {
        var profile = Skip with
        {
            Lookups = [new() { Field = "district", KeyColumn = "Owner" }],
            Defaults = ImmutableDictionary<string, string>.Empty.Add("district", "Nowhere").Add("createdOn", "2024-02-02"),
        };
        var importer = new OpportunityImporter(profile, [new ImportLookup("district", [new("ann", "West")])]);

        var deals = importer.ReadCsv(new StringReader("Id,Account ID,Created On,Motion,Outcome,Owner,District\n"
            + "O-1,A,2024-01-01,NewLogo,Open,ann,East\n"
            + "O-2,A,,NewLogo,Open,ann,\n"
            + "O-3,A,,NewLogo,Open,bob,\n"
            + "O-4,A,2024-01-03,NewLogo,Open,,\n")).ToList();

        Assert.Equal(["East", "West", "Nowhere", "Nowhere"], deals.Select(d => d.District));
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 2), new DateOnly(2024, 2, 2), new DateOnly(2024, 1, 3)], deals.Select(d => d.CreatedOn));
    }

    [Fact]
    public async Task InferredMotions_AreTheSameReadAsynchronously()
    {
        var profile = Skip with { InferMotion = true };
        const string Csv = "Id,Account ID,Created On,Motion,Outcome,Closed On\nO-1,A,2024-01-01,,Won,2024-01-15\nO-2,A,2024-02-01,,Open,\nO-3,B,2024-03-01,Renewal,Open,\n";
        var deals = Read(profile, Csv, out _);

        var streamed = new List<Opportunity>();
        await foreach (var deal in new OpportunityImporter(profile).ReadCsvAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Csv))))
        {
            streamed.Add(deal);
        }

        Assert.Equal(deals, streamed);
        Assert.Equal([DealMotion.NewLogo, DealMotion.Expansion, DealMotion.NewLogo], streamed.Select(d => d.Motion));
    }

    [Fact]
    public void ANegativeAmount_IsTheModelsSentence_WithoutWhatDotNetAppends()
    {
        Read(Skip, Header + "O-1,A-1,2024-01-01,NewLogo,Open,-5\n", out var report);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("Amount", "-5"), (problem.Column, problem.Value));
        Assert.DoesNotContain("Parameter", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", problem.Message, StringComparison.Ordinal);
    }

    private static List<Opportunity> Read(ImportProfile profile, string csv, out ImportReport report)
    {
        report = new ImportReport();
        return [.. new OpportunityImporter(profile).ReadCsv(new StringReader(csv), report)];
    }
}
