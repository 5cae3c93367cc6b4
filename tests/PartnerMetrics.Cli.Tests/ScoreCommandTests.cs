using System.Text.Json;
using PartnerMetrics.Health;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

public class ScoreCommandTests
{
    private static readonly string DemoJson = PartnerMetricsJson.Serialize(DemoPortfolio.Create());

    [Fact]
    public void Score_APortfolioFile_ShowsItsPartners()
    {
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", DemoJson);

        var (exit, json, _) = Run("score", path, "--as-of", "2025-06-30", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(Run("demo", "--format", "json").Output, json);
    }

    /// <summary>
    /// A portfolio file is scored as it is read, a batch of partnerships at a time; standard input is read whole. Over
    /// more partnerships than one batch holds, both give the same output to the byte, in each format, with and
    /// without <c>--as-of</c>.
    /// </summary>
    [Theory]
    [InlineData("json", true)]
    [InlineData("json", false)]
    [InlineData("table", true)]
    [InlineData("html", true)]
    public void Score_AFileReadAPartnershipAtATime_GivesWhatTheWholePortfolioGives(string format, bool asOf)
    {
        using var files = new TestFiles();
        var json = ManyCopiesOfTheDemo(45);
        var path = files.Write("portfolio.json", json);
        string[] day = asOf ? ["--as-of", "2025-05-31"] : [];

        var streamed = Run(["score", path, "--format", format, .. day]);
        var whole = RunWithInput(json, ["score", "-", "--format", format, .. day]);

        Assert.Equal(0, streamed.Exit);
        Assert.Equal(whole.Output, streamed.Output);
        Assert.Equal(whole.Error, streamed.Error);
        Assert.Contains("P44-050", streamed.Output, StringComparison.Ordinal);
        Assert.Contains("P0-001", streamed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_InvalidPortfolio_ExitsTwoNamingThePath()
    {
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", """{"opportunities":[{"id":"O-1","accountId":"A","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Won","createdOn":"2025-01-01","amount":-5}]}""");

        var (exit, _, error) = Run("score", path);

        Assert.Equal(2, exit);
        Assert.Contains("$.opportunities[0].amount", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_AFileBrokenAfterItsFirstBatch_ExitsTwoNamingThePathAndWritesNothing()
    {
        using var files = new TestFiles();
        var json = ManyCopiesOfTheDemo(30);
        var path = files.Write("portfolio.json", json[..(json.Length - 100)]);

        var (exit, output, error) = Run("score", path, "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        Assert.StartsWith("portfolio.json: ", error, StringComparison.Ordinal);
        Assert.Equal(RunWithInput(json[..(json.Length - 100)], "score", "-", "--as-of", "2025-06-30").Error.Replace("(standard input)", "portfolio.json", StringComparison.Ordinal), error);
    }

    [Fact]
    public void Score_MissingFile_ExitsThree() =>
        Assert.Equal(3, Run("score", "/no/such/portfolio.json").Exit);

    [Fact]
    public void Score_WithoutAsOf_ScoresAsOfTheLatestDayOfTheEvidenceAndSaysSoOnTheErrorStream()
    {
        // The demo's evidence ends on its last day; its open commitments fall due up to four days later and its
        // certifications expire later still, and neither counts.
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", DemoJson);

        var (exit, json, error) = Run("score", path, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(Run("demo", "--format", "json").Output, json);
        Assert.Equal("As of 2025-06-30 (the latest day of the evidence; --as-of to change).", error.TrimEnd());
    }

    [Fact]
    public void Score_WithoutAsOf_TakesTheLatestEvidenceOfAnyKindNotOnlyDeals()
    {
        // The last deal was updated on 2025-03-01; a certification obtained on 2025-05-20 is later evidence.
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", """
            { "partnerships": [ {
                "partner": { "id": "P-1", "name": "Contoso", "type": "Reseller" },
                "startedOn": "2024-01-01",
                "certifications": [ { "competency": "Azure", "obtainedOn": "2025-05-20", "expiresOn": "2027-05-20" } ],
                "opportunities": [ { "id": "O-1", "accountId": "A-1", "partnerId": "P-1", "motion": "NewLogo", "source": "PartnerSourced", "route": "Partner",
                                     "outcome": "Open", "createdOn": "2025-01-15", "lastUpdatedOn": "2025-03-01", "expectedCloseOn": "2025-09-30" } ] } ] }
            """);

        var (exit, json, error) = Run("score", path, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("2025-05-20", JsonDocument.Parse(json).RootElement.GetProperty("asOf").GetString());
        Assert.Contains("As of 2025-05-20 (the latest day of the evidence", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_WithAsOf_SaysNothingMore()
    {
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", DemoJson);

        var (exit, _, error) = Run("score", path, "--as-of", "2025-01-31");

        Assert.Equal(0, exit);
        Assert.Empty(error);
    }

    [Fact]
    public void Score_NothingDated_ScoresAsOfTodayAndSaysSo()
    {
        var before = DateOnly.FromDateTime(DateTime.Now);
        var (exit, json, error) = RunWithInput("""{ "partnerships": [] }""", "score", "-", "--format", "json");
        var after = DateOnly.FromDateTime(DateTime.Now);

        Assert.Equal(0, exit);
        var asOf = DateOnly.ParseExact(JsonDocument.Parse(json).RootElement.GetProperty("asOf").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(asOf, before, after);
        Assert.Contains("(today: nothing in the portfolio is dated; --as-of to change)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultAsOf_NothingDated_IsTodayInTheLocalTimeZone()
    {
        // 23:30 UTC on 31 October is already 1 November in Tokyo (UTC+9).
        var clock = new FixedClock(new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero), TimeZoneInfo.CreateCustomTimeZone("UTC+9", TimeSpan.FromHours(9), "UTC+9", "UTC+9"));

        var (day, notice) = ScoreCommand.DefaultAsOf(new Portfolio(), clock);

        Assert.Equal(new DateOnly(2026, 11, 1), day);
        Assert.Equal("As of 2026-11-01 (today: nothing in the portfolio is dated; --as-of to change).", notice);
    }

    [Fact]
    public void DefaultAsOf_WithEvidence_IsTheLatestEvidenceDayWhateverTheClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        var (day, notice) = ScoreCommand.DefaultAsOf(DemoPortfolio.Create(), clock);

        Assert.Equal(DemoPortfolio.Today, day);
        Assert.Equal("As of 2025-06-30 (the latest day of the evidence; --as-of to change).", notice);
    }

    /// <summary>
    /// Only what happened counts toward the latest day of the evidence, so a day after today is a mistyped date: one delivery
    /// dated 2062 for 2026 scored every partner of the sample exports as of 2062-04-01, each one's evidence 35 years old,
    /// under the same words as a good export. The day is still the latest day of the evidence; the notice says it is
    /// ahead of today. A day ahead by one is a time zone (the export's today may be the reader's tomorrow) and is not
    /// said.
    /// </summary>
    [Theory]
    [InlineData(2025, 6, 1, "As of 2025-06-30 (the latest day of the evidence, which is after today, 2025-06-01: is a date in the input mistyped? --as-of to change).")]
    [InlineData(2025, 6, 29, "As of 2025-06-30 (the latest day of the evidence; --as-of to change).")]
    public void DefaultAsOf_TheLatestEvidenceDayAfterToday_IsSaidToBe(int year, int month, int day, string expected)
    {
        var clock = new FixedClock(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        var (asOf, notice) = ScoreCommand.DefaultAsOf(DemoPortfolio.Create(), clock);

        Assert.Equal(DemoPortfolio.Today, asOf);
        Assert.Equal(expected, notice);
    }

    [Fact]
    public void Score_Json_LabelsEachDimensionByItsName()
    {
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", DemoJson);

        var (exit, json, _) = Run("score", path, "--format", "json");

        Assert.Equal(0, exit);
        string[] names = [.. Enum.GetValues<HealthDimension>().Select(d => JsonNamingPolicy.CamelCase.ConvertName(d.ToString()))];
        Assert.Equal(["trust", "competency", "cooperation", "planAlignment", "trackedProgress"], names);
        var reports = new HealthScorer().ScoreAll(DemoPortfolio.Create(), DemoPortfolio.Today);
        var partners = JsonDocument.Parse(json).RootElement.GetProperty("partners").EnumerateArray().ToList();
        for (var i = 0; i < partners.Count; i++)
        {
            var dimensions = partners[i].GetProperty("dimensions");
            Assert.Equal(JsonValueKind.Object, dimensions.ValueKind);
            Assert.Equal(names, dimensions.EnumerateObject().Select(p => p.Name));
            // Whole points, a dimension below the default Watch threshold (40) never rounded up to it.
            Assert.Equal(
                reports[i].Dimensions.Select(d => d.Score!.Value < 40 ? Math.Min(Math.Round(d.Score!.Value, 0), 39) : Math.Round(d.Score!.Value, 0)),
                dimensions.EnumerateObject().Select(p => p.Value.GetDouble()));
        }
    }

    [Fact]
    public void Score_Json_WritesNullForADimensionWithoutAScore()
    {
        // With delivery reliability disabled, a partner with no required competencies has nothing left to score competency on.
        using var files = new TestFiles();
        var model = files.Write("coverage-only.json", """{ "competencyWeights": { "coverage": 1, "deliveryReliability": 0 } }""");
        var portfolio = files.Write("portfolio.json", """{ "partnerships": [ { "partner": { "id": "P-1", "name": "Contoso", "type": "Reseller" }, "startedOn": "2025-01-01" } ] }""");

        var (exit, json, _) = Run("score", portfolio, "--model", model, "--format", "json");

        Assert.Equal(0, exit);
        var dimensions = JsonDocument.Parse(json).RootElement.GetProperty("partners")[0].GetProperty("dimensions");
        Assert.Equal(JsonValueKind.Null, dimensions.GetProperty("competency").ValueKind);
        Assert.Equal(JsonValueKind.Number, dimensions.GetProperty("trust").ValueKind);
    }

    [Fact]
    public void Score_Table_ShowsTheDimensionsInReportOrder()
    {
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", DemoJson);

        var table = Run("score", path).Output;
        var json = Run("score", path, "--format", "json").Output;

        var first = JsonDocument.Parse(json).RootElement.GetProperty("partners").EnumerateArray().First(p => p.GetProperty("id").GetString() == "P-001");
        var cells = string.Join(" ", first.GetProperty("dimensions").EnumerateObject().Select(d => d.Value.GetDouble().ToString("0", System.Globalization.CultureInfo.InvariantCulture).PadLeft(3)));
        Assert.Contains(table.Split('\n'), line => line.Contains("P-001 ", StringComparison.Ordinal) && line.Contains(cells, StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> WrongShapes => new()
    {
        { "[]", "$", "Expected an object, got an array." },
        { """{ "partnerships": {} }""", "$.partnerships", "Expected an array, got an object." },
        { """{ "partnerships": [ [] ] }""", "$.partnerships[0]", "Expected an object, got an array." },
        { """{ "partnerships": [ { "partner": { "id": "P-1", "name": "A", "type": "Reseller" }, "startedOn": "2025-01-01", "deliveries": [ { "date": "2025-02-01", "onTime": true, "satisfaction": "high" } ] } ] }""", "$.partnerships[0].deliveries[0].satisfaction", "Expected a number, got the string \"high\"." },
        { """{ "partnerships": [ { "partner": { "id": "P-1", "name": "A", "type": 2 }, "startedOn": "2025-01-01" } ] }""", "$.partnerships[0].partner.type", "Expected a PartnerType name as a string" },
        { """{ "partnerships": [], "revenue": [] }""", "$.revenue", "'revenue' is not a property here; the properties are partnerships, opportunities, revenueSnapshots." },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public void Score_PortfolioOfTheWrongShape_NamesThePathAndWhatIsExpectedNotAType(string json, string path, string because)
    {
        using var files = new TestFiles();
        var file = files.Write("portfolio.json", json);

        var (exit, output, error) = Run("score", file);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        Assert.StartsWith($"portfolio.json: Invalid Portfolio at {path}: ", error, StringComparison.Ordinal);
        Assert.Contains(because, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Document", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ModelOfTheWrongShape_NamesThePathAndWhatIsExpectedNotAType()
    {
        using var files = new TestFiles();
        var model = files.Write("model.json", """{ "dimensionWeights": [ 1, 0, 0, 0, 0 ] }""");

        var (exit, _, error) = Run("score", TestFiles.Fixture("backtest-portfolio.json"), "--model", model);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal("model.json (--model): Invalid HealthModel at $.dimensionWeights: Expected an object, got an array.", error.TrimEnd());
    }

    [Fact]
    public void Score_Dash_ReadsThePortfolioFromStandardInput()
    {
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", DemoJson);

        var fromFile = Run("score", path, "--format", "json");
        var fromInput = RunWithInput(DemoJson, "score", "-", "--format", "json");

        Assert.Equal(0, fromInput.Exit);
        Assert.Equal(fromFile.Output, fromInput.Output);
        Assert.Equal(fromFile.Error, fromInput.Error);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("html")]
    public void Score_Dash_ReadsStandardInputInEveryFormat(string format)
    {
        var (exit, output, _) = RunWithInput(DemoJson, "score", "-", "--as-of", "2025-06-30", "--format", format);

        Assert.Equal(0, exit);
        Assert.Contains("P-050", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DashWithAnInvalidPortfolio_NamesStandardInput()
    {
        var (exit, _, error) = RunWithInput("[]", "score", "-");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal("(standard input): Invalid Portfolio at $: Expected an object, got an array.", error.TrimEnd());
    }

    [Fact]
    public async Task Score_NamedPipe_IsReadToItsEnd()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Named pipes are not files on Windows.
        }

        using var files = new TestFiles();
        var fifo = files.Fifo("portfolio.fifo");

        // A pipe opens once both ends are open: the writer waits for the command to open it for reading.
        var writer = Task.Run(() => File.WriteAllText(fifo, DemoJson));
        var (exit, json, error) = Run("score", fifo, "--format", "json");
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exit == 0, error);
        Assert.Equal(Run("demo", "--format", "json").Output, json);
    }

    [Fact]
    public void Pipeline_Dash_ReadsCsvFromStandardInput()
    {
        var path = TestFiles.Fixture(Path.Combine("Crm", "salesforce-opportunities.csv"));

        var fromFile = Run("pipeline", path, "--profile", "salesforce", "--format", "json");
        var fromInput = RunWithInput(File.ReadAllText(path), "pipeline", "-", "--profile", "salesforce", "--format", "json");

        Assert.Equal((0, 0), (fromFile.Exit, fromInput.Exit));
        Assert.Equal(
            JsonDocument.Parse(fromFile.Output).RootElement.GetProperty("groups").GetRawText(),
            JsonDocument.Parse(fromInput.Output).RootElement.GetProperty("groups").GetRawText());
    }

    [Fact]
    public void Pipeline_Dash_WithoutAProfile_ReadsAsACsvFileIs()
    {
        // Standard input went through the import profile's looser amounts ("1,000", "$100" read), a file through the
        // strict CSV reader: the same bytes gave a result one way and problems the other.
        using var files = new TestFiles();
        const string Csv = "id,accountId,createdOn,motion,source,route,outcome,amount,closedOn\nO1,A,2024-01-01,NewLogo,Direct,Direct,Won,\"1,000\",2024-02-01\nO2,A,2024-01-01,NewLogo,Direct,Direct,Won,$100,2024-02-01\n";
        var path = files.Write("deals.csv", Csv);

        var fromFile = Run("pipeline", path);
        var fromInput = RunWithInput(Csv, "pipeline", "-");

        Assert.Equal((ExitCodes.InvalidInput, ExitCodes.InvalidInput), (fromFile.Exit, fromInput.Exit));
        Assert.Equal(fromFile.Error.Replace("deals.csv", "(standard input)", StringComparison.Ordinal), fromInput.Error);

        var good = Csv.Replace("\"1,000\"", "1000", StringComparison.Ordinal).Replace("$100", "100", StringComparison.Ordinal);
        File.WriteAllText(path, good);
        Assert.Equal(Run("pipeline", path, "--format", "json").Output.Replace("deals.csv", "(standard input)", StringComparison.Ordinal), RunWithInput(good, "pipeline", "-", "--format", "json").Output);
    }

    [Fact]
    public void CliDocs_JsonExample_IsTheDemoOutputWithLinesLeftOut()
    {
        var docs = CliDocs.Page();
        var start = docs.IndexOf("```text\n{\n  \"asOf\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/cli.md has no example of the JSON output");
        start += "```text\n".Length;
        var example = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)].TrimEnd('\n').Split('\n');
        var actual = Run("demo", "--format", "json").Output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

        // Each run of lines between two "…" is in the output, in order; the first starts it and the last ends it.
        var runs = string.Join("\n", example).Split("\n…\n").Select(r => r.Split('\n')).ToList();
        Assert.Equal(runs[0], actual[..runs[0].Length]);
        Assert.Equal(runs[^1], actual[^runs[^1].Length..]);
        var at = runs[0].Length;
        foreach (var run in runs.Skip(1))
        {
            var found = Enumerable.Range(at, actual.Length - at - run.Length + 1).FirstOrDefault(i => actual.AsSpan(i, run.Length).SequenceEqual(run), -1);
            Assert.True(found >= 0, $"docs/cli.md shows lines the output does not have in this order:\n{string.Join("\n", run)}");
            at = found + run.Length;
        }
    }

    /// <summary>A clock stopped at one instant, in one time zone.</summary>
    private sealed class FixedClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => zone;
    }

    /// <summary>The demo's partnerships <paramref name="copies"/> times, each copy under its own partner ids (P7-001), and so deal ids (P7-001-O001), with the demo's revenue snapshots.</summary>
    private static string ManyCopiesOfTheDemo(int copies)
    {
        var demo = System.Text.Json.Nodes.JsonNode.Parse(DemoJson)!.AsObject();
        var partnerships = demo["partnerships"]!.ToJsonString();
        var copied = Enumerable.Range(0, copies).Select(k => partnerships[1..^1].Replace("\"P-", $"\"P{k}-", StringComparison.Ordinal));
        return $$"""{"partnerships": [{{string.Join(",\n", copied)}}], "revenueSnapshots": {{demo["revenueSnapshots"]!.ToJsonString()}}}""";
    }

    /// <summary>A directory given for a file is said to be one: .NET's "Access to the path … is denied" sent users after permissions.</summary>
    [Fact]
    public void ADirectoryForAFile_IsSaidToBeOne()
    {
        var directory = Directory.CreateTempSubdirectory("partnermetrics-cli-").FullName;
        try
        {
            var deals = Directory.CreateDirectory(Path.Combine(directory, "deals.csv")).FullName;
            foreach (var (args, path) in new[] { (new[] { "score", directory }, directory), (["pipeline", deals], deals), (["backtest", directory, "--outcomes", directory, "--as-of", "2025-06-30"], directory), (["demo", "--model", directory], directory) })
            {
                var (exit, _, error) = Cli.Run(args);

                Assert.Equal((ExitCodes.InputUnreadable, $"Cannot read {(args[0] == "demo" ? "the model " : string.Empty)}{path}: it is a directory; give a file."), (exit, error.Trim()));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A portfolio saved as UTF-16 (as some Windows editors save) was refused in the reader's words ("'0xFF' is an invalid start of a value").</summary>
    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void AUtf16Portfolio_IsSaidToBeUtf16(string encoding)
    {
        var file = Path.Combine(Path.GetTempPath(), $"utf16-{Guid.NewGuid():N}.json");
        var text = System.Text.Encoding.GetEncoding(encoding);
        File.WriteAllBytes(file, [.. text.GetPreamble(), .. text.GetBytes("{\"partnerships\": []}")]);
        try
        {
            var (exit, _, error) = Cli.Run("score", file);

            Assert.Equal(ExitCodes.InvalidInput, exit);
            Assert.EndsWith(": the file is UTF-16 text (it starts with a UTF-16 byte-order mark); a portfolio is JSON in UTF-8: save it as UTF-8.", error.Trim(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A portfolio with nothing in it is said to be empty, not in System.Text.Json's words ("does not contain any JSON tokens").</summary>
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF  \n")]
    public void AnEmptyPortfolio_IsSaidToBeEmpty(string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"empty-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, text);
        try
        {
            foreach (var (exit, _, error) in new[] { Cli.Run("score", file), RunWithInput(text, "score", "-") })
            {
                Assert.Equal(ExitCodes.InvalidInput, exit);
                Assert.EndsWith(": the file is empty: a portfolio is a JSON object such as {\"partnerships\": []}.", error.Trim(), StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A model saved as UTF-16 (as Windows PowerShell 5 writes <c>&gt;</c>) was refused in the reader's words ("'0xFF' is an invalid start of a value").</summary>
    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void AUtf16Model_IsSaidToBeUtf16(string encoding)
    {
        var text = System.Text.Encoding.GetEncoding(encoding);

        var (name, (exit, _, error)) = WithModelFile([.. text.GetPreamble(), .. text.GetBytes("{}")], file => Cli.Run("demo", "--model", file));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal($"{name} (--model): the file is UTF-16 text (it starts with a UTF-16 byte-order mark); a model is JSON in UTF-8: save it as UTF-8.", error.Trim());
    }

    /// <summary>A model file with nothing in it is said to be empty, not in System.Text.Json's words ("does not contain any JSON tokens").</summary>
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF  \n")]
    public void AnEmptyModel_IsSaidToBeEmpty(string text)
    {
        var (name, (exit, _, error)) = WithModelFile(System.Text.Encoding.UTF8.GetBytes(text), file => Cli.Run("demo", "--model", file));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal($"{name} (--model): the file is empty: a model is a JSON object such as the one 'backtest --fit --out' writes ({{}} is the default model).", error.Trim());
    }

    /// <summary>What the message for an empty model file says: <c>{}</c> is the default model, scoring as no <c>--model</c> does.</summary>
    [Fact]
    public void AnEmptyObjectModel_ScoresAsTheDefaultModel()
    {
        var (_, withFile) = WithModelFile("{}"u8.ToArray(), file => Cli.Run("demo", "--model", file, "--format", "json"));
        var without = Cli.Run("demo", "--format", "json");

        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (withFile.Exit, without.Exit));
        Assert.Equal(without.Output, withFile.Output);
    }

    /// <summary>Runs <paramref name="run"/> on a model file holding <paramref name="content"/>, deleted after; gives the file's name with the run's result.</summary>
    private static (string Name, T Result) WithModelFile<T>(byte[] content, Func<string, T> run)
    {
        var file = Path.Combine(Path.GetTempPath(), $"model-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, content);
        try
        {
            return (Path.GetFileName(file), run(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
