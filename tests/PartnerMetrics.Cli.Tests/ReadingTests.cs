using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// What a reader of the command line's tables and JSON takes from them agrees with what the library computed: a number
/// printed beside a band or a profile never reads as the other side of its threshold, and a share short of 100 % never
/// reads 100 %, as on the HTML page (HtmlReportReadingTests).
/// </summary>
public sealed class ReadingTests
{
    /// <summary>
    /// The demo's P-036 has a confidence of 0.2476, below the minimum of 0.25, and so is InsufficientEvidence; the table
    /// and the JSON printed it as 0.25 beside that band (the HTML page, 0.24).
    /// </summary>
    [Fact]
    public void Demo_AConfidenceOrScoreBesideItsBand_IsNotRoundedAcrossTheBandsThreshold()
    {
        var (_, json, _) = Run("demo", "--format", "json");
        var (_, table, _) = Run("demo");

        using var document = JsonDocument.Parse(json);
        var partners = document.RootElement.GetProperty("partners").EnumerateArray().ToList();
        Assert.Contains(partners, p => p.GetProperty("band").GetString() == "InsufficientEvidence");
        foreach (var partner in partners)
        {
            var (band, score, confidence) = (partner.GetProperty("band").GetString(), partner.GetProperty("score").GetDouble(), partner.GetProperty("confidence").GetDouble());
            Assert.True(band == "InsufficientEvidence" ? confidence < 0.25 : confidence >= 0.25, $"{partner.GetProperty("id")}: {band} with confidence {confidence}");
            Assert.True(band != "Healthy" || score >= 70, $"{partner.GetProperty("id")}: {band} with score {score}");
            Assert.True(band != "AtRisk" || score < 40, $"{partner.GetProperty("id")}: {band} with score {score}");
        }

        var p036 = partners.Single(p => p.GetProperty("id").GetString() == "P-036");
        Assert.Equal(0.24, p036.GetProperty("confidence").GetDouble());
        Assert.Contains(table.Split('\n'), line => line.Contains("P-036", StringComparison.Ordinal) && line.Contains("│ Insufficient │ 0.24 │", StringComparison.Ordinal));
    }

    /// <summary>
    /// 299 deals won and 1 lost is a win rate of 99.7 %, and hunting 69,600 of 100,000 won a share of 69.6 %, Balanced: the
    /// summary's table printed them to whole percents as 100 % (nothing lost) and 70 % (a Hunter's share) beside "Balanced".
    /// </summary>
    [Fact]
    public void Score_SummaryHuntingShareAndWinRate_AreNotRoundedOntoAThreshold()
    {
        using var files = new TestFiles();
        Opportunity Deal(int i, DealMotion motion, DealOutcome outcome, decimal amount) => new(
            new OpportunityId($"O-{i}"), new AccountId($"A-{i}"), new DateOnly(2025, 1, 2), motion, DealSource.Direct, RouteToMarket.Direct,
            outcome, amount, district: "North", closedOn: new DateOnly(2025, 3, 1));
        Opportunity[] deals =
        [
            Deal(0, DealMotion.NewLogo, DealOutcome.Won, 69_600m),
            .. Enumerable.Range(1, 298).Select(i => Deal(i, DealMotion.Expansion, DealOutcome.Won, i == 1 ? 700m : 100m)),
            Deal(299, DealMotion.NewLogo, DealOutcome.Lost, 100m),
        ];
        var portfolio = new Portfolio(opportunities: deals);
        var result = PipelineAnalytics.Summarize(deals);
        Assert.Equal((0.696, 299.0 / 300, PartnerProfile.Balanced), (Math.Round(result.HuntingShareByValue!.Value, 6), result.WinRateByCount!.Value, result.Profile!.Value));
        var path = files.Write("portfolio.json", PartnerMetricsJson.Serialize(portfolio));

        var (exit, output, _) = Run("score", path, "--as-of", "2025-06-30");

        Assert.Equal(0, exit);
        var north = Assert.Single(output.Split('\n'), line => line.StartsWith("│ North", StringComparison.Ordinal) && line.Contains("Balanced", StringComparison.Ordinal));
        Assert.Equal(["North", "299", "100,000", "69 %", "99 %", "Balanced"], north.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// Hunting 69,996 of 100,000 won is a share of 69.996 %, Balanced, and 10 of 100,010 closed value lost a value win rate
    /// of 99.99 %: the pipeline table printed 70.0 % beside "Balanced" and 100.0 %, which says no value was lost.
    /// </summary>
    [Fact]
    public void Pipeline_Table_ARateShortOfAThreshold_IsNotRoundedOntoIt()
    {
        using var files = new TestFiles();
        Opportunity Deal(string id, DealMotion motion, DealOutcome outcome, decimal amount) => new(
            new OpportunityId(id), new AccountId("A-" + id), new DateOnly(2025, 1, 2), motion, DealSource.Direct, RouteToMarket.Direct,
            outcome, amount, closedOn: new DateOnly(2025, 3, 1));
        Opportunity[] deals = [Deal("O-1", DealMotion.NewLogo, DealOutcome.Won, 69_996m), Deal("O-2", DealMotion.Expansion, DealOutcome.Won, 30_004m), Deal("O-3", DealMotion.NewLogo, DealOutcome.Lost, 10m)];
        var result = PipelineAnalytics.Summarize(deals);
        Assert.Equal(PartnerProfile.Balanced, result.Profile);
        Assert.True(result.WinRateByValue < 1);
        var path = files.Write("deals.json", PartnerMetricsJson.Serialize(new Portfolio(opportunities: deals)));

        var (exit, output, _) = Run("pipeline", path);

        Assert.Equal(0, exit);
        var row = Assert.Single(output.Split('\n'), line => line.StartsWith("│ All deals", StringComparison.Ordinal));
        var cells = row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(("66.7 %", "99.9 %", "69.9 %", "Balanced"), (cells[3], cells[4], cells[6], cells[^1]));
        Assert.DoesNotContain("100.0 %", row, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two partners winning 1,000,000 and 1 have a partner HHI of 9,999.98: the table printed 10,000, the index of a single
    /// partner, where the HTML page prints 9,999.
    /// </summary>
    [Fact]
    public void Pipeline_Table_APartnerHhiShortOfTenThousand_IsNotRoundedOntoIt()
    {
        using var files = new TestFiles();
        Opportunity Deal(string id, string partner, decimal amount) => new(
            new OpportunityId(id), new AccountId("A-" + id), new DateOnly(2025, 1, 2), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Won, amount, partnerId: new PartnerId(partner), closedOn: new DateOnly(2025, 3, 1));
        Opportunity[] deals = [Deal("O-1", "P-1", 1_000_000m), Deal("O-2", "P-2", 1m)];
        Assert.True(PipelineAnalytics.Summarize(deals).PartnerConcentration is > 9_999.5 and < 10_000);
        var path = files.Write("deals.json", PartnerMetricsJson.Serialize(new Portfolio(opportunities: deals)));

        var (exit, output, _) = Run("pipeline", path);

        Assert.Equal(0, exit);
        var row = Assert.Single(output.Split('\n'), line => line.StartsWith("│ All deals", StringComparison.Ordinal));
        var cells = row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("9,999", cells[^2]);
    }

    /// <summary>One deal without an amount read "1 deals have no amount; they count as 0 in value metrics." under the table.</summary>
    [Fact]
    public void Pipeline_Table_OneDealWithoutAnAmount_IsCountedInTheSingular()
    {
        using var files = new TestFiles();
        Opportunity Deal(string id, decimal? amount) => new(
            new OpportunityId(id), new AccountId("A-" + id), new DateOnly(2025, 1, 2), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, amount, closedOn: new DateOnly(2025, 3, 1));
        var path = files.Write("deals.json", PartnerMetricsJson.Serialize(new Portfolio(opportunities: [Deal("O-1", 100m), Deal("O-2", null)])));

        var (exit, output, _) = Run("pipeline", path);

        Assert.Equal(0, exit);
        Assert.Contains("1 deal has no amount; it counts as 0 in value metrics.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("1 deals", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// One deal, won: the table's title read "Pipeline of deals.json: 1 deals, all deals", and the page's subtitle
    /// "1 deals, all deals" above "1 deals won".
    /// </summary>
    [Fact]
    public void Pipeline_OneDeal_IsCountedInTheSingular_InTheTableAndOnThePage()
    {
        using var files = new TestFiles();
        var deal = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 2), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, 100m, closedOn: new DateOnly(2025, 3, 1));
        var path = files.Write("deals.json", PartnerMetricsJson.Serialize(new Portfolio(opportunities: [deal])));

        var table = Run("pipeline", path);
        var page = Run("pipeline", path, "--format", "html", "--by", "district");

        Assert.Equal((0, 0), (table.Exit, page.Exit));
        Assert.Contains("Pipeline of deals.json: 1 deal, all deals", table.Output, StringComparison.Ordinal);
        Assert.Contains("1 deal, by district</p>", page.Output, StringComparison.Ordinal);
        Assert.Contains(">1 deal won<", page.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1 deals", table.Output + page.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// One deal won for 0.40 and one open for 0.10: the table and the page showed a won value of 0 (nothing won) beside a
    /// value win rate of 100.0 % and a Hunter, and a velocity of 0 (that of a pipeline with nothing open) for 0.0129 a day.
    /// </summary>
    [Fact]
    public void Pipeline_AnAmountUnderOne_IsNotRoundedOntoZero()
    {
        using var files = new TestFiles();
        var won = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, 0.4m, closedOn: new DateOnly(2025, 2, 1));
        var open = new Opportunity(
            new OpportunityId("O-2"), new AccountId("A-2"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Open, 0.1m);
        var result = PipelineAnalytics.Summarize([won, open]);
        Assert.True(result.Velocity is > 0m and < 0.5m);
        var path = files.Write("deals.json", PartnerMetricsJson.Serialize(new Portfolio(opportunities: [won, open])));

        var (exit, output, _) = Run("pipeline", path);
        var page = Run("pipeline", path, "--format", "html").Output;

        Assert.Equal(0, exit);
        var row = Assert.Single(output.Split('\n'), line => line.StartsWith("│ All deals", StringComparison.Ordinal));
        var cells = row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(("under 1", "under 1"), (cells[5], cells[9]));
        Assert.Contains("<span class=\"kpi-value\">under 1</span>", page, StringComparison.Ordinal);
        Assert.Equal(2, page.Split("<td>under 1</td>").Length - 1);
    }

    /// <summary>
    /// A district whose one deal was won for 0.40: score's hunting-versus-farming table read a won value of 0 (nothing won)
    /// beside 1 won deal and a hunting share of 100 %, where the pipeline table reads "under 1".
    /// </summary>
    [Fact]
    public void Score_Table_AWonValueUnderOne_IsNotRoundedOntoZero()
    {
        using var files = new TestFiles();
        var partner = new Partner(new PartnerId("P-1"), "Tiny", PartnerType.Reseller, district: "North");
        var won = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Won, 0.4m, partnerId: partner.Id, district: "North", closedOn: new DateOnly(2025, 2, 1));
        var path = files.Write("portfolio.json", PartnerMetricsJson.Serialize(new Portfolio([new Partnership(partner, new DateOnly(2024, 1, 1), opportunities: [won])])));

        var (exit, output, _) = Run("score", path, "--as-of", "2025-06-30");

        Assert.Equal(0, exit);
        // The last table is hunting versus farming; the top partners table above it has a North row too.
        var row = output.Split('\n').Last(line => line.StartsWith("│ North", StringComparison.Ordinal));
        var cells = row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["North", "1", "under 1", "100 %"], cells.Take(4));
    }

    /// <summary>
    /// A partnership that starts after the as-of day was listed in the table and the JSON at its priors (34.5,
    /// InsufficientEvidence), a score it never had, while the HTML page and PortfolioInsights leave it out. Now every
    /// format leaves it out and says so; its deal still counts in hunting versus farming.
    /// </summary>
    /// <summary>
    /// A partner without a district was listed under "-" in the table's top partners and hunting versus farming, the mark of
    /// an undefined figure in the same table, where the HTML page of the same command says "No district".
    /// </summary>
    [Fact]
    public void Score_APartnerWithoutADistrict_IsUnderNoDistrictAsInThePage()
    {
        using var files = new TestFiles();
        var partner = new Partner(new PartnerId("P-1"), "Nowhere", PartnerType.Reseller);
        var won = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Won, 100m, partnerId: partner.Id, closedOn: new DateOnly(2025, 2, 1));
        var path = files.Write("portfolio.json", PartnerMetricsJson.Serialize(new Portfolio([new Partnership(partner, new DateOnly(2024, 1, 1), opportunities: [won])])));

        var (exit, table, _) = Run("score", path, "--as-of", "2025-06-30");

        Assert.Equal(0, exit);
        var rows = table.Split('\n').Select(line => line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Where(cells => cells.Length > 1).ToList();
        Assert.Contains(rows, cells => cells[0] == "No district" && cells[2] == "P-1 Nowhere");
        Assert.Contains(rows, cells => cells[0] == "No district" && cells[1] == "1" && cells[2] == "100");
        Assert.DoesNotContain(rows, cells => cells[0] == "-");
    }

    /// <summary>With no partnership started on the day, the table said "2 more partnerships start after this day" under no partner.</summary>
    [Fact]
    public void Score_NoPartnershipStartedOnTheDay_CountsThemWithoutMore()
    {
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", PartnerMetricsJson.Serialize(new Portfolio(
        [
            new Partnership(new Partner(new PartnerId("P-1"), "One", PartnerType.Reseller), new DateOnly(2025, 7, 1)),
            new Partnership(new Partner(new PartnerId("P-2"), "Two", PartnerType.Reseller), new DateOnly(2025, 8, 1)),
        ])));

        var (exit, table, _) = Run("score", path, "--as-of", "2025-06-30");

        Assert.Equal(0, exit);
        Assert.Contains("2 partnerships start after this day and are left out: they have no score yet.", table, StringComparison.Ordinal);
        Assert.DoesNotContain(" more ", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_APartnershipStartingAfterTheDay_IsLeftOutOfTheTableAndTheJsonAndCounted()
    {
        using var files = new TestFiles();
        var started = new Partner(new PartnerId("P-1"), "Started", PartnerType.Reseller, district: "North");
        var later = new Partner(new PartnerId("P-2"), "Later", PartnerType.Reseller, district: "North");
        var won = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Won, 100m, partnerId: later.Id, district: "North", closedOn: new DateOnly(2025, 2, 1));
        var path = files.Write("portfolio.json", PartnerMetricsJson.Serialize(new Portfolio(
        [
            new Partnership(started, new DateOnly(2024, 1, 1)),
            new Partnership(later, new DateOnly(2025, 7, 1), opportunities: [won]),
        ])));

        var (tableExit, table, _) = Run("score", path, "--as-of", "2025-06-30");
        var (jsonExit, json, _) = Run("score", path, "--as-of", "2025-06-30", "--format", "json");

        Assert.Equal(0, tableExit);
        Assert.Contains("P-1 Started", table, StringComparison.Ordinal);
        Assert.DoesNotContain("P-2", table, StringComparison.Ordinal);
        Assert.Contains("1 more partnership starts after this day and is left out: it has no score yet.", table, StringComparison.Ordinal);
        var mix = table.Split('\n').Last(line => line.StartsWith("│ North", StringComparison.Ordinal));
        Assert.Equal(["North", "1", "100"], mix.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3));

        Assert.Equal(0, jsonExit);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(1, document.RootElement.GetProperty("notStarted").GetInt32());
        Assert.Equal(["P-1"], document.RootElement.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(1, document.RootElement.GetProperty("huntingFarming")[0].GetProperty("wonDeals").GetInt64());
    }

    /// <summary>
    /// Dimension scores were rounded to whole points across the model's Watch threshold: a trust just below it, which can
    /// hold a confident partner at Watch however high the score (the weakest link), read as the threshold in the JSON, the
    /// table and the HTML page. The partnership is the first of a few whose trust rounds up onto a whole point, and the
    /// model puts its Watch threshold on that point.
    /// </summary>
    [Fact]
    public void Score_ADimensionJustBelowTheWatchThreshold_IsNotShownAtIt()
    {
        using var files = new TestFiles();
        var asOf = new DateOnly(2025, 6, 30);
        var (partnership, trust) = Enumerable.Range(1, 9)
            .Select(broken =>
            {
                var partner = new Partner(new PartnerId("P-1"), "Trusted", PartnerType.Reseller, district: "North");
                var commitments = Enumerable.Range(0, 10).Select(k => new Commitment(
                    Side.Partner, asOf.AddDays(-7 * k), k < broken ? CommitmentOutcome.Broken : CommitmentOutcome.Kept, asOf.AddDays(-7 * k)));
                var candidate = new Partnership(partner, asOf.AddYears(-1), commitments: commitments);
                return (candidate, Trust: new HealthScorer().Score(candidate, asOf)[HealthDimension.Trust].Score!.Value);
            })
            .First(c => c.Trust - Math.Floor(c.Trust) >= 0.5);
        var watch = Math.Ceiling(trust);
        var model = files.Write("model.json", $$$"""{"bands":{"watch":{{{watch}}},"healthy":{{{watch + 10}}}}}""");
        var path = files.Write("portfolio.json", PartnerMetricsJson.Serialize(new Portfolio([partnership])));

        var (jsonExit, json, jsonError) = Run("score", path, "--as-of", "2025-06-30", "--model", model, "--format", "json");
        var (tableExit, table, _) = Run("score", path, "--as-of", "2025-06-30", "--model", model);
        var (htmlExit, html, _) = Run("score", path, "--as-of", "2025-06-30", "--model", model, "--format", "html");

        Assert.True(jsonExit == 0, jsonError);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(watch - 1, document.RootElement.GetProperty("partners")[0].GetProperty("dimensions").GetProperty("trust").GetDouble());
        Assert.Equal(0, tableExit);
        var row = table.Split('\n').First(line => line.Contains("P-1 Trusted", StringComparison.Ordinal));
        Assert.StartsWith((watch - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[4], StringComparison.Ordinal);
        Assert.Equal(0, htmlExit);
        Assert.Contains($"title=\"Trust {watch - 1} of 100\"", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A next action that wins a few hundredths of a point read "+0.0" in the table and 0.0 in the JSON, as if it won none.
    /// A model that weighs trust alone but for a ten-thousandth of each other dimension, and a partner whose promises are all
    /// kept: its best action is on another dimension, and wins almost nothing.
    /// </summary>
    [Fact]
    public void Score_ANextActionWinningUnderATwentiethOfAPoint_IsNotShownAsWinningNone()
    {
        using var files = new TestFiles();
        var asOf = new DateOnly(2025, 6, 30);
        var partner = new Partner(new PartnerId("P-1"), "Reliable", PartnerType.Reseller, district: "North");
        var kept = Enumerable.Range(0, 20).SelectMany(k => new[]
        {
            new Commitment(Side.Partner, asOf.AddDays(-7 * k), CommitmentOutcome.Kept, asOf.AddDays(-7 * k)),
            new Commitment(Side.Vendor, asOf.AddDays(-7 * k), CommitmentOutcome.Kept, asOf.AddDays(-7 * k)),
        });
        var partnership = new Partnership(partner, asOf.AddYears(-1), commitments: kept);
        const string Weights = """{"dimensionWeights":{"trust":1,"competency":0.0001,"cooperation":0.0001,"planAlignment":0.0001,"trackedProgress":0.0001}}""";
        var model = files.Write("model.json", Weights);
        var top = new PartnershipAdvisor(new HealthScorer(PartnerMetricsJson.Deserialize<HealthModel>(Weights)!)).Recommend(partnership, asOf)[0];
        Assert.InRange(top.Impact, double.Epsilon, 0.05);
        var path = files.Write("portfolio.json", PartnerMetricsJson.Serialize(new Portfolio([partnership])));

        var (jsonExit, json, jsonError) = Run("score", path, "--as-of", "2025-06-30", "--model", model, "--format", "json");
        var (tableExit, table, _) = Run("score", path, "--as-of", "2025-06-30", "--model", model);

        Assert.True(jsonExit == 0, jsonError);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(0.1, document.RootElement.GetProperty("partners")[0].GetProperty("nextActionImpact").GetDouble());
        Assert.Equal(0, tableExit);
        Assert.EndsWith(": +0.1", table.Split('\n').First(line => line.Contains("P-1 Reliable", StringComparison.Ordinal)).TrimEnd(' ', '│', '\r'), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_Table_AnUndefinedConcentrationOfWonDeals_IsExplainedByTheFootnote()
    {
        // Won deals sold direct, with no partner: the partner HHI is undefined though something was won, which the
        // footnote ("nothing closed or nothing won") did not allow for.
        using var files = new TestFiles();
        var deal = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 2), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, 100m, closedOn: new DateOnly(2025, 3, 1));
        var path = files.Write("deals.json", PartnerMetricsJson.Serialize(new Portfolio(opportunities: [deal])));

        var (exit, output, _) = Run("pipeline", path);

        Assert.Equal(0, exit);
        Assert.Contains("—: undefined (nothing closed or won, or no amount or partner to measure it by).", output, StringComparison.Ordinal);
    }
}
