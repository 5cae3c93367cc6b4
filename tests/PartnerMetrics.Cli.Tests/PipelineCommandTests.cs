using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

public class PipelineCommandTests
{
    private static readonly Dictionary<string, Func<Opportunity, string?>> Keys = new(StringComparer.Ordinal)
    {
        ["district"] = PipelineKeys.District,
        ["quarter"] = o => PipelineKeys.Quarter(o).ToString(),
        ["motion"] = o => PipelineKeys.MotionClass(o).ToString(),
        ["partner"] = o => PipelineKeys.Partner(o)?.ToString(),
    };

    [Fact]
    public void Pipeline_CsvWithoutBy_IsOneGroupEqualToPipelineAnalytics()
    {
        var (exit, json, error) = Run("pipeline", Fixture("opportunities.csv"), "--format", "json");

        Assert.Equal(0, exit);
        Assert.Empty(error);
        var root = JsonDocument.Parse(json).RootElement;
        var expected = PipelineAnalytics.Summarize(FixtureDeals());
        Assert.Equal(0, root.GetProperty("by").GetArrayLength());
        var group = Assert.Single(root.GetProperty("groups").EnumerateArray());
        Assert.Empty(group.GetProperty("key").EnumerateObject());
        AssertMetrics(expected, group);
        AssertMetrics(expected, root.GetProperty("total"));
        Assert.Equal(48, expected.Count);
        Assert.True(expected.MissingAmountCount > 0 && expected.OpenCount > 0 && expected.LostCount > 0, "the fixture covers missing amounts, open and lost deals");
    }

    [Theory]
    [InlineData("none")]
    [InlineData(" None ")]
    public void Pipeline_ByNone_TheDefaultTheHelpShows_IsOneGroupOfEveryDeal(string by)
    {
        // The help says "[default: none]", and "--by none" was an unknown key.
        var without = Run("pipeline", Fixture("opportunities.csv"), "--format", "json");
        var with = Run("pipeline", Fixture("opportunities.csv"), "--by", by, "--format", "json");

        Assert.Equal((0, string.Empty), (with.Exit, with.Error));
        Assert.Equal(without.Output, with.Output);
        Assert.Contains("[default: none]", Run("pipeline", "--help").Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("district")]
    [InlineData("quarter")]
    [InlineData("motion")]
    [InlineData("partner")]
    [InlineData("district,quarter")]
    [InlineData("motion,partner")]
    [InlineData("Quarter, District")]
    [InlineData("partner,motion,quarter,district")]
    public void Pipeline_CsvBy_EachGroupEqualsPipelineAnalyticsOnTheSameDeals(string by)
    {
        var (exit, json, _) = Run("pipeline", Fixture("opportunities.csv"), "--by", by, "--format", "json");

        Assert.Equal(0, exit);
        var dimensions = by.ToLowerInvariant().Split(',', StringSplitOptions.TrimEntries);
        var deals = FixtureDeals();
        var expected = PipelineAnalytics.GroupBy(deals, o => string.Join("|", dimensions.Select(d => Keys[d](o) ?? "(none)")));
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(dimensions, root.GetProperty("by").EnumerateArray().Select(e => e.GetString()));
        var groups = root.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(expected.Groups.Length, groups.Count);
        foreach (var group in groups)
        {
            var key = group.GetProperty("key");
            Assert.Equal(dimensions, key.EnumerateObject().Select(p => p.Name));
            var text = string.Join("|", dimensions.Select(d => key.GetProperty(d).GetString() ?? "(none)"));
            AssertMetrics(Assert.Single(expected.Groups, g => g.Key == text).Result, group);
        }

        AssertMetrics(expected.Total, root.GetProperty("total"));
        Assert.False(root.GetProperty("total").TryGetProperty("key", out _));

        // Groups are ordered by the keys in the order given, deals without a value first.
        var order = groups.Select(g => dimensions.Select(d => g.GetProperty("key").GetProperty(d).GetString()).ToArray()).ToList();
        var sorted = order.Order(Comparer<string?[]>.Create((x, y) => dimensions.Select((d, i) => Compare(d, x[i], y[i])).FirstOrDefault(c => c != 0))).ToList();
        Assert.Equal(sorted, order);
    }

    [Fact]
    public void Pipeline_ByDistrict_PutsDealsWithoutADistrictFirstAsNull()
    {
        var root = JsonDocument.Parse(Run("pipeline", Fixture("opportunities.csv"), "--by", "district", "--format", "json").Output).RootElement;

        var districts = root.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetProperty("district").GetString()).ToList();
        Assert.Equal([null, "East", "North", "South"], districts);
    }

    /// <summary>
    /// docs/cli.md shows the JSON of opportunities.csv by district with fields and groups left out ("..."): each part between two
    /// cuts is in the output, in order, white space aside, the first starting it and the last ending it; no test compared it.
    /// </summary>
    [Fact]
    public void CliDocs_JsonExample_IsTheOutputByDistrictWithFieldsLeftOut()
    {
        var (exit, json, _) = Run("pipeline", Fixture("opportunities.csv"), "--by", "district", "--format", "json");

        Assert.Equal(0, exit);
        CliDocs.AssertJsonExample("{\n  \"input\": \"opportunities.csv\"", json.Replace(Fixture("opportunities.csv"), "opportunities.csv", StringComparison.Ordinal));
    }

    /// <summary>
    /// docs/cli.md (Errors) shows what pipeline writes for the fixtures bad-rows.csv and bad-items.json, each named
    /// opportunities as the page names it, and for missing-column.csv and an empty file, with the link to the docs shortened to
    /// (docs/cli.md): each is that output, line for line (the whole block, or its line <paramref name="line"/> where a block
    /// shows the messages of several files); the tests beside it check most lines by their start only.
    /// </summary>
    [Theory]
    [InlineData("```text\n$ partnermetrics pipeline opportunities.csv\n", "bad-rows.csv", "opportunities.csv", -1)]
    [InlineData("```text\nopportunities.json: ", "bad-items.json", "opportunities.json", -1)]
    [InlineData("```text\nopportunities.csv: line 1: required column", "missing-column.csv", "opportunities.csv", 0)]
    [InlineData("```text\nopportunities.csv: line 1: required column", "empty.csv", "opportunities.csv", 1)]
    public void CliDocs_ErrorExamples_AreTheOutputOfTheirFiles(string block, string fixture, string name, int line)
    {
        var docs = CliDocs.Page();
        var start = docs.IndexOf(block, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/cli.md has no block starting {block}");
        start += "```text\n".Length;
        var lines = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)].TrimEnd('\n').Split('\n').Where(l => !l.StartsWith("$ ", StringComparison.Ordinal)).ToArray();
        var expected = line < 0 ? lines : [lines[line]];
        using var files = new TestFiles();
        var path = files.PathOf(name);
        File.Copy(Fixture(fixture), path);

        var (exit, output, error) = Run("pipeline", path);

        Assert.Equal((2, string.Empty), (exit, output));
        Assert.Equal(expected, error.Replace($"({DocsLinks.Docs}cli.md)", "(docs/cli.md)", StringComparison.Ordinal).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Pipeline_JsonArray_GivesTheSameNumbersAsTheCsvOfTheSameDeals()
    {
        var fromCsv = Run("pipeline", Fixture("opportunities.csv"), "--by", "district,quarter,motion", "--format", "json");
        var fromJson = Run("pipeline", Fixture("opportunities.json"), "--by", "district,quarter,motion", "--format", "json");

        Assert.Equal(0, fromCsv.Exit);
        Assert.Equal(0, fromJson.Exit);
        var csv = JsonDocument.Parse(fromCsv.Output).RootElement;
        var json = JsonDocument.Parse(fromJson.Output).RootElement;
        Assert.Equal("opportunities.json", json.GetProperty("input").GetString());
        AssertSameJson(csv.GetProperty("groups"), json.GetProperty("groups"));
        AssertSameJson(csv.GetProperty("total"), json.GetProperty("total"));
    }

    [Fact]
    public void Pipeline_PortfolioJson_ReadsEveryOpportunityOfThePortfolio()
    {
        var path = TempFile(".json", PartnerMetricsJson.Serialize(DemoPortfolio.Create()));
        try
        {
            var (exit, json, _) = Run("pipeline", path, "--by", "district", "--format", "json");

            Assert.Equal(0, exit);
            var expected = PipelineAnalytics.Summarize(DemoPortfolio.Create().AllOpportunities());
            AssertMetrics(expected, JsonDocument.Parse(json).RootElement.GetProperty("total"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_Table_ShowsEveryGroupTheTotalAndADashForUndefinedRates()
    {
        var (exit, output, _) = Run("pipeline", Fixture("opportunities.csv"), "--by", "district,motion");

        Assert.Equal(0, exit);
        var expected = PipelineAnalytics.GroupBy(FixtureDeals(), o => (o.District, o.MotionClass));
        Assert.Contains(expected.Groups, g => g.Result.WinRateByCount is null);
        Assert.Contains("Pipeline of opportunities.csv: 48 deals, by district × motion", output, StringComparison.Ordinal);
        Assert.Contains("│ Total", output, StringComparison.Ordinal);
        Assert.Contains("(none)", output, StringComparison.Ordinal);
        Assert.Contains("—", output, StringComparison.Ordinal);
        Assert.Contains(expected.Total.WonValue.ToString("N0", CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        Assert.Contains(expected.Total.WinRateByCount!.Value.ToString("P1", CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{expected.Total.MissingAmountCount} deals have no amount"), output, StringComparison.Ordinal);
        Assert.Equal(expected.Groups.Length + 1, output.Split('\n').Count(line => line.Contains("│ Hunting │", StringComparison.Ordinal) || line.Contains("│ Farming │", StringComparison.Ordinal) || line.Contains("│ Total", StringComparison.Ordinal)));
    }

    [Fact]
    public void Pipeline_Json_WritesNullForUndefinedRates()
    {
        var root = JsonDocument.Parse(Run("pipeline", Fixture("opportunities.csv"), "--by", "district,motion", "--format", "json").Output).RootElement;

        var undefined = root.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("won").GetInt64() == 0).ToList();
        Assert.NotEmpty(undefined);
        Assert.All(undefined, g =>
        {
            Assert.Equal(JsonValueKind.Null, g.GetProperty("huntingShareByValue").ValueKind);
            Assert.Equal(JsonValueKind.Null, g.GetProperty("wonCycleMeanDays").ValueKind);
            Assert.Equal(JsonValueKind.Null, g.GetProperty("profile").ValueKind);
        });
    }

    [Fact]
    public void Pipeline_Out_WritesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, _) = Run("pipeline", Fixture("opportunities.json"), "--format", "json", "--out", path);

            Assert.Equal(0, exit);
            Assert.Contains("Wrote", output, StringComparison.Ordinal);
            Assert.Equal(48, JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("total").GetProperty("deals").GetInt64());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_StageWithoutOutcome_TakesTheOutcomeFromTheStageAndCloseDateOfOpenDealsAsExpected()
    {
        var (exit, json, error) = Run("pipeline", Fixture("stage-only.csv"), "--format", "json");

        Assert.True(exit == 0, error);
        var total = JsonDocument.Parse(json).RootElement.GetProperty("total");
        Assert.Equal(2, total.GetProperty("won").GetInt64());
        Assert.Equal(1, total.GetProperty("lost").GetInt64());
        Assert.Equal(1, total.GetProperty("open").GetInt64());
        Assert.Equal(20000m, total.GetProperty("openValue").GetDecimal());
    }

    [Fact]
    public void Pipeline_BadRows_ReportsEveryProblemWithItsLineColumnAndValue()
    {
        var (exit, output, error) = Run("pipeline", Fixture("bad-rows.csv"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        AssertBadRows("bad-rows.csv", error);
    }

    [Fact]
    public void Pipeline_BadRowsWithCrLfLineEndings_CountsTheSameLines()
    {
        var path = TempFile(".csv", File.ReadAllText(Fixture("bad-rows.csv")).Replace("\n", "\r\n", StringComparison.Ordinal));
        try
        {
            var (exit, _, error) = Run("pipeline", path);

            Assert.Equal(2, exit);
            AssertBadRows(Path.GetFileName(path), error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_ManyBadRows_ListsTwentyAndCountsTheRest()
    {
        var rows = Enumerable.Range(1, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"O-{i},A-1,Hunting,Direct,Direct,Open,2025-01-01"));
        var path = TempFile(".csv", string.Join('\n', ["Id,Account ID,Motion,Source,Route,Outcome,Created On", .. rows]));
        try
        {
            var (exit, _, error) = Run("pipeline", path);

            Assert.Equal(2, exit);
            Assert.Contains("30 problems in 30 records; nothing was computed.", error, StringComparison.Ordinal);
            Assert.Contains("line 21, column \"Motion\", value \"Hunting\"", error, StringComparison.Ordinal);
            Assert.DoesNotContain("line 22,", error, StringComparison.Ordinal);
            Assert.Contains("... and 10 more.", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_MissingRequiredColumns_NamesThemAndFails()
    {
        var (exit, _, error) = Run("pipeline", Fixture("missing-column.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("missing-column.csv: line 1:", error, StringComparison.Ordinal);
        Assert.Contains("required column \"Route\" is missing", error, StringComparison.Ordinal);
        Assert.Contains("required column \"Created On\" is missing (also accepted: \"Created Date\"", error, StringComparison.Ordinal);
        Assert.Contains("required column \"Outcome\" or \"Stage\" is missing", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Motion\" is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_ACrmsExportWithoutProfile_SaysWhichProfilesReadOne()
    {
        // The header of docs/samples/salesforce/opportunities.csv: no Source or Route column under PartnerMetrics' own names.
        var path = TempFile(".csv", "Opportunity ID,Opportunity Name,Account ID,Account Name,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account ID,Owner Region\n");
        try
        {
            var (exit, _, error) = Run("pipeline", path);

            Assert.Equal(2, exit);
            Assert.Contains("required column \"Source\" is missing", error, StringComparison.Ordinal);
            Assert.Contains("columns are separated by commas. A CRM's own export reads with --profile salesforce, --profile hubspot or --profile dynamics (", error, StringComparison.Ordinal);
            Assert.DoesNotContain("--profile partnermetrics", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_SemicolonSeparatedFile_IsOneUnknownColumnSoRequiredColumnsAreMissing()
    {
        var (exit, _, error) = Run("pipeline", Fixture("semicolon.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("required column \"Id\" is missing", error, StringComparison.Ordinal);
        Assert.Contains("The header has \"Opportunity ID;Account ID;", error, StringComparison.Ordinal);
        Assert.Contains("columns are separated by commas", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_TheSameFieldTwice_Fails()
    {
        var path = TempFile(".csv", "Id,Opportunity ID,Account ID,Motion,Source,Route,Outcome,Created On\nO-1,O-1,A-1,NewLogo,Direct,Direct,Open,2025-01-01\n");
        try
        {
            var (exit, _, error) = Run("pipeline", path);

            Assert.Equal(2, exit);
            Assert.Contains("columns \"Id\" and \"Opportunity ID\" both give id", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_EmptyFile_Fails()
    {
        var (exit, _, error) = Run("pipeline", Fixture("empty.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("empty.csv: the file is empty", error, StringComparison.Ordinal);
    }

    /// <summary>Opportunities in JSON saved as UTF-16 (as Windows PowerShell 5 writes <c>&gt;</c>) were refused in the reader's words ("'0xFF' is an invalid start of a value").</summary>
    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Pipeline_Utf16Json_IsSaidToBeUtf16(string encoding)
    {
        var text = System.Text.Encoding.GetEncoding(encoding);
        var path = TempFile(".json", [.. text.GetPreamble(), .. text.GetBytes("[]")]);
        try
        {
            var (exit, _, error) = Run("pipeline", path);

            Assert.Equal(2, exit);
            Assert.Equal($"{Path.GetFileName(path)}: the file is UTF-16 text (it starts with a UTF-16 byte-order mark); opportunities in JSON are read as UTF-8: save it as UTF-8.", error.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_HeaderOnly_HasNoDealsAndUndefinedRates()
    {
        var path = TempFile(".csv", "Id,Account ID,Motion,Source,Route,Outcome,Created On\r\n");
        try
        {
            var (exit, json, _) = Run("pipeline", path, "--format", "json");

            Assert.Equal(0, exit);
            var total = JsonDocument.Parse(json).RootElement.GetProperty("total");
            Assert.Equal(0, total.GetProperty("deals").GetInt64());
            Assert.Equal(JsonValueKind.Null, total.GetProperty("winRateByCount").ValueKind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_UnterminatedQuote_StopsAtItsLine()
    {
        var path = TempFile(".csv", "Id,Account ID,Motion,Source,Route,Outcome,Created On\nO-1,A-1,NewLogo,Direct,Direct,Open,2025-01-01\n\"O-2,A-1,NewLogo,Direct,Direct,Open,2025-01-01\n");
        try
        {
            var (exit, _, error) = Run("pipeline", path);

            Assert.Equal(2, exit);
            Assert.Contains("line 3: the CSV is broken from here on", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Pipeline_BadJsonItems_ReportsEachWithItsLineAndPath()
    {
        var (exit, output, error) = Run("pipeline", Fixture("bad-items.json"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("bad-items.json: 4 problems in 4 records; nothing was computed.", error, StringComparison.Ordinal);
        Assert.Contains("line 3, $[1].amount: 'amount' must not be negative; got -5.", error, StringComparison.Ordinal);
        Assert.Contains("line 7, $[2].motion:", error, StringComparison.Ordinal);
        Assert.Contains("line 13, $[3].id, value \"O-1\": the same opportunity id is at $[0] (line 2)", error, StringComparison.Ordinal);
        Assert.Contains("line 14, $[4]", error, StringComparison.Ordinal);
        Assert.Contains("ammount", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_InvalidJson_Fails()
    {
        var path = TempFile(".json", "[\n  {\"id\": \"O-1\",\n");
        try
        {
            var (exit, _, error) = Run("pipeline", path);

            Assert.Equal(2, exit);
            Assert.Contains("not valid JSON", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("region")]
    [InlineData("district,region")]
    [InlineData("district,district")]
    [InlineData("")]
    public void Pipeline_BadByKey_IsAUsageError(string by)
    {
        var (exit, output, error) = Run("pipeline", Fixture("opportunities.csv"), "--by", by);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("Pipeline of", output, StringComparison.Ordinal);
        Assert.Contains("--by", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_UnknownByKey_NamesItAndTheValidKeys()
    {
        var (_, _, error) = Run("pipeline", Fixture("opportunities.csv"), "--by", "region");

        Assert.Contains("Unknown --by key 'region': use a comma-separated list of district, quarter, motion, partner.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-file.csv")]
    [InlineData("no-such-file.json")]
    public void Pipeline_MissingFile_ExitsWith3(string name)
    {
        var (exit, _, error) = Run("pipeline", Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{name}"));

        Assert.Equal(3, exit);
        Assert.Contains("Cannot read", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".csv")]
    [InlineData("")]
    public void Pipeline_ADirectory_ExitsWith3(string extension)
    {
        // docs/cli.md: exit 3 for a file that cannot be read ("missing, a directory, no permission"). A directory without
        // an extension was a usage error (exit 1) saying its name must end in .csv, .xlsx or .json.
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-{Guid.NewGuid():N}{extension}");
        Directory.CreateDirectory(path);
        try
        {
            var (exit, _, error) = Run("pipeline", path);

            Assert.Equal(3, exit);
            Assert.Equal($"Cannot read {path}: it is a directory; give a file.", error.Trim());
        }
        finally
        {
            Directory.Delete(path);
        }
    }

    [Theory]
    [InlineData("pipeline", "opportunities.xls")]
    [InlineData("pipeline")]
    [InlineData("pipeline", "x.csv", "--format", "xml")]
    public void Pipeline_BadCommandLine_IsAUsageError(params string[] args) =>
        Assert.Equal(1, Run(args).Exit);

    /// <summary>A sheet names part of a workbook: beside a CSV export it would be ignored, so it is a usage error.</summary>
    [Fact]
    public void Pipeline_ASheetOfACsvFile_IsAUsageError()
    {
        var (exit, output, error) = Run("pipeline", Fixture("opportunities.csv"), "--sheet", "Deals");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Empty(output);
        Assert.Contains("--sheet names a sheet of an Excel workbook (.xlsx); 'opportunities.csv' is not one.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_Help_DescribesTheArgumentAndOptions()
    {
        var (exit, output, _) = Run("pipeline", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("<opportunities>", output, StringComparison.Ordinal);
        Assert.Contains("--by <district,quarter,motion,partner>", output, StringComparison.Ordinal);
        Assert.Contains("--format", output, StringComparison.Ordinal);
        Assert.Contains("--out", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_CapturedOutput_NeverShowsProgress()
    {
        using var writer = new StringWriter();

        Assert.False(CommandOutput.ShowsProgress(long.MaxValue, writer));
        Assert.False(CommandOutput.ShowsProgress(0, Console.Out));
    }

    [Theory]
    [InlineData("Opportunity ID", "id")]
    [InlineData("opportunity_id", "id")]
    [InlineData("OPPORTUNITYID", "id")]
    [InlineData("createdOn", "createdOn")]
    [InlineData("Created Date", "createdOn")]
    [InlineData("route-to-market", "route")]
    [InlineData(" Territory ", "district")]
    [InlineData("Type", "motion")]
    [InlineData("Close Date", "closedOn")]
    public void OpportunityCsv_Headers_IgnoreCaseSpacesUnderscoresAndHyphens(string header, string field)
    {
        var column = Assert.Single(OpportunityCsv.Columns, c => c.Headers.Any(h => OpportunityCsv.Normalize(h) == OpportunityCsv.Normalize(header)));

        Assert.Equal(field, column.Field);
    }

    [Theory]
    [InlineData("0.00000000000000000000000000001")]   // read 0, which passed the four-decimal rule
    [InlineData("12.000000000000000000000000000001")] // read 12
    public void OpportunityCsv_AnAmountADecimalCannotHold_IsAProblemOfItsRow(string amount)
    {
        var deals = new List<Opportunity>();
        var problems = new InputProblems();

        OpportunityCsv.Read(new StringReader($"id,accountId,createdOn,motion,source,route,outcome,amount,closedOn\nO1,A,2024-01-01,NewLogo,Direct,Direct,Won,{amount},2024-02-01\n"), deals.Add, problems);

        Assert.Empty(deals);
        Assert.Equal(1, problems.Count);
        using var written = new StringWriter();
        problems.WriteTo("deals.csv", written);
        Assert.Contains($"line 2, column \"amount\", value \"{amount}\": has more digits than a decimal holds exactly, so it would be read rounded; an amount has at most 4 decimal places.", written.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OpportunityCsv_EveryJsonFieldName_IsAcceptedAsAHeader() =>
        Assert.All(OpportunityCsv.Columns, c => Assert.Equal(OpportunityCsv.Normalize(c.Field), OpportunityCsv.Normalize(c.Headers[0])));

    [Fact]
    public void OpportunityCsv_EnumValues_IgnoreCaseSpacesAndHyphensButNotNumbers()
    {
        const string Header = "Id,Account ID,Motion,Source,Route,Outcome,Created On,Closed On\n";
        var deals = new List<Opportunity>();
        var problems = new InputProblems();

        OpportunityCsv.Read(new StringReader(Header + "#O-1,A-1,new logo,co-sell,MARKETPLACE,closed won,2025-01-01,2025-02-01\nO-2,A-1,1,Direct,Direct,Open,2025-01-01,\n"), deals.Add, problems);

        var deal = Assert.Single(deals);
        Assert.Equal(("#O-1", DealMotion.NewLogo, DealSource.CoSell, RouteToMarket.Marketplace, DealOutcome.Won), (deal.Id.ToString(), deal.Motion, deal.Source, deal.Route, deal.Outcome));
        Assert.Equal(1, problems.Count);
    }

    [Fact]
    public void OpportunityCsv_ALineStartingWithNul_IsARecord_NotACommentLineLeftOut()
    {
        const string Header = "Id,Account ID,Motion,Source,Route,Outcome,Created On,Closed On\n";
        var deals = new List<Opportunity>();
        var problems = new InputProblems();

        var records = OpportunityCsv.Read(new StringReader(Header + "\0O-1,A-1,NewLogo,Direct,Direct,Open,2025-01-01,\nO-2,A-1,NewLogo,Direct,Direct,Open,2025-01-01,\n"), deals.Add, problems);

        Assert.Equal(2, records);
        Assert.Equal(["\0O-1", "O-2"], deals.Select(d => d.Id.ToString()));
    }

    [Fact]
    public void OpportunityCsv_ARowLongerThanTheLongestRead_StopsAtItsLine_WithoutTheReadersRowCount()
    {
        // The CSV reader's own sentence ("Row 2 was too large") counts rows, not the lines the problem names.
        const string Header = "Id,Account ID,Motion,Source,Route,Outcome,Created On,Closed On\n";
        var problems = new InputProblems();
        var huge = new string('a', 17_000_000);

        OpportunityCsv.Read(new StringReader(Header + "O-1,A-1,NewLogo,Direct,Direct,Open,2025-01-01,\nO-2,A-1,NewLogo,Direct,Direct,Open,2025-01-01,\n" + $"O-3,{huge},NewLogo,Direct,Direct,Open,2025-01-01,\n"), _ => { }, problems);

        Assert.Equal("line 4: the CSV is broken from here on (a row longer than 16,777,216 characters, or an unclosed quote?), so reading stopped.", problems.Fatal);
    }

    private static void AssertBadRows(string fileName, string error)
    {
        string[] expected =
        [
            $"{fileName}: 10 problems in 9 records; nothing was computed.",
            "  by column: \"Amount\" 2; \"Closed On\" 2; \"Account ID\" 1; \"Created On\" 1; \"Motion\" 1; \"Opportunity ID\" 1; \"Source\" 1.",
            "line 4, column \"Created On\", value \"2025/01/15\": not a day in the form yyyy-MM-dd.",
            "line 5, column \"Motion\", value \"Hunting\": not one of NewLogo, Expansion, Renewal, CrossSell, Upsell.",
            "line 5, column \"Source\", value \"Partner\": not one of PartnerSourced, VendorReferred, CoSell, Direct, Unknown.",
            "line 7, column \"Amount\", value \"-250\": 'amount' must not be negative; got -250.",
            "line 8, column \"Account ID\": a value is required.",
            "line 9, column \"Closed On\", value \"2025-01-05\": 'closedOn' (2025-01-05) must not be before 'createdOn' (2025-02-10).",
            "line 12, column \"Amount\", value \"12,5\": not an amount",
            "line 13, column \"Opportunity ID\", value \"O-1\": the same opportunity id is on line 2;",
            "line 14: the row has 7 fields where the header has 12;",
            "line 15, column \"Closed On\": A Won opportunity needs 'closedOn', the day it closed.",
        ];
        // One line per problem, each whole: a sentence that ends is the whole line, nothing of the exception's after it.
        var lines = error.Split('\n').Select(line => line.Trim()).ToList();
        foreach (var line in expected.Select(line => line.Trim()))
        {
            Assert.Contains(lines, actual => line.EndsWith('.') ? actual == line : actual.StartsWith(line, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("line 16", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value was", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", error, StringComparison.Ordinal);
    }

    private static void AssertMetrics(PipelineResult expected, JsonElement actual)
    {
        Assert.Equal(expected.Count, actual.GetProperty("deals").GetInt64());
        Assert.Equal(expected.OpenCount, actual.GetProperty("open").GetInt64());
        Assert.Equal(expected.WonCount, actual.GetProperty("won").GetInt64());
        Assert.Equal(expected.LostCount, actual.GetProperty("lost").GetInt64());
        Assert.Equal(expected.OpenValue, actual.GetProperty("openValue").GetDecimal());
        Assert.Equal(expected.WonValue, actual.GetProperty("wonValue").GetDecimal());
        Assert.Equal(expected.LostValue, actual.GetProperty("lostValue").GetDecimal());
        Assert.Equal(expected.MissingAmountCount, actual.GetProperty("missingAmounts").GetInt64());
        Assert.Equal(expected.WinRateByCount, Double(actual, "winRateByCount"));
        Assert.Equal(expected.WinRateByValue, Double(actual, "winRateByValue"));
        Assert.Equal(expected.HuntingShareByCount, Double(actual, "huntingShareByCount"));
        Assert.Equal(expected.HuntingShareByValue, Double(actual, "huntingShareByValue"));
        Assert.Equal(expected.AverageWonDealSize, Decimal(actual, "averageWonDealSize"));
        Assert.Equal(expected.WonCycle?.Mean, Double(actual, "wonCycleMeanDays"));
        Assert.Equal(expected.WonCycle?.Median, Double(actual, "wonCycleMedianDays"));
        Assert.Equal(expected.WonCycle?.Percentile90, Double(actual, "wonCyclePercentile90Days") is { } p90 ? (int)p90 : null);
        Assert.Equal(expected.Velocity, Decimal(actual, "velocityPerDay"));
        Assert.Equal(expected.PartnerConcentration, Double(actual, "partnerConcentration"));
        Assert.Equal(expected.TopPartnerShare, Double(actual, "topPartnerShare"));
        Assert.Equal(expected.RepeatBusinessRate, Double(actual, "repeatBusinessRate"));
        Assert.Equal(expected.DealFlowReciprocity, Double(actual, "dealFlowReciprocity"));
        Assert.Equal(expected.Profile?.ToString(), actual.GetProperty("profile").GetString());
    }

    private static double? Double(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static decimal? Decimal(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;

    /// <summary>Equal JSON, numbers compared by value (1000.50 and 1000.5 are equal).</summary>
    private static void AssertSameJson(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.ValueKind, actual.ValueKind);
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (var property in expected.EnumerateObject())
                {
                    AssertSameJson(property.Value, actual.GetProperty(property.Name));
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    AssertSameJson(e, a);
                }

                break;
            case JsonValueKind.Number:
                Assert.Equal(expected.GetDouble(), actual.GetDouble());
                break;
            default:
                Assert.Equal(expected.GetRawText(), actual.GetRawText());
                break;
        }
    }

    /// <summary>Nulls first; motion in <see cref="MotionClass"/> order (hunting, then farming); the rest ordinally, which for quarters (<c>yyyy-Qn</c>) is time order.</summary>
    private static int Compare(string dimension, string? x, string? y) =>
        x is null ? (y is null ? 0 : -1)
        : y is null ? 1
        : dimension == "motion" ? Enum.Parse<MotionClass>(x).CompareTo(Enum.Parse<MotionClass>(y))
        : string.CompareOrdinal(x, y);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The deals of the fixtures, read with the library's own JSON reader, item by item.</summary>
    private static List<Opportunity> FixtureDeals()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Fixture("opportunities.json")));
        return [.. document.RootElement.EnumerateArray().Select(item => PartnerMetricsJson.Deserialize<Opportunity>(item.GetRawText()))];
    }

    private static string TempFile(string extension, string content) => TempFile(extension, System.Text.Encoding.UTF8.GetBytes(content));

    private static string TempFile(string extension, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipeline-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        return path;
    }
}
