using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// Every figure <c>score</c> and <c>demo</c> show, in the table, the JSON and the HTML page, is the library's answer for the
/// same portfolio and day (<see cref="HealthScorer"/>, <see cref="PartnershipAdvisor"/>, <see cref="PortfolioInsights"/>,
/// <see cref="PipelineAnalytics"/>), rounded as the output shows it and never onto or across a threshold it is read against,
/// and the three formats say the same.
/// </summary>
public sealed class ScoreFiguresTests
{
    /// <summary>A model whose thresholds are not the default's, so that a figure rounded against the default's would show.</summary>
    private const string OtherBands = """{"bands":{"healthy":61.3,"watch":45.5,"minimumConfidence":0.47}}""";

    public static TheoryData<string, bool> Days => new()
    {
        { "2025-06-30", false },
        { "2025-03-31", false },
        { "2024-11-15", false },
        { "2024-07-01", false },
        { "2025-06-30", true },
        { "2025-02-14", true },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void Score_EveryFigureInEveryFormat_IsTheLibrarysAsShown(string day, bool otherBands)
    {
        using var files = new TestFiles();
        var asOf = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var portfolio = DemoPortfolio.Create();
        var path = files.Write("portfolio.json", PartnerMetricsJson.Serialize(portfolio));
        string[] model = otherBands ? ["--model", files.Write("model.json", OtherBands)] : [];
        var scorer = otherBands ? new HealthScorer(PartnerMetricsJson.Deserialize<HealthModel>(OtherBands)!) : new HealthScorer();
        var bands = scorer.Model.Bands;

        var (jsonExit, json, jsonError) = Run(["score", path, "--as-of", day, "--format", "json", .. model]);
        var (tableExit, table, tableError) = Run(["score", path, "--as-of", day, .. model]);
        var (htmlExit, html, htmlError) = Run(["score", path, "--as-of", day, "--format", "html", .. model]);
        Assert.True(jsonExit == 0, jsonError);
        Assert.True(tableExit == 0, tableError);
        Assert.True(htmlExit == 0, htmlError);

        var started = portfolio.Partnerships.Where(p => p.StartedOn <= asOf).ToList();
        var reports = started.ToDictionary(p => p.Partner.Id.ToString(), p => scorer.Score(p, asOf));
        var advisor = new PartnershipAdvisor(scorer);
        var next = started.ToDictionary(p => p.Partner.Id.ToString(), p => advisor.Recommend(p, asOf).FirstOrDefault());
        var insights = new PortfolioInsights(scorer, portfolio, asOf);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(day, root.GetProperty("asOf").GetString());
        Assert.Equal(portfolio.Partnerships.Length - started.Count, root.GetProperty("notStarted").GetInt32());

        // Partners: JSON in portfolio order, each figure the library's rounded as shown.
        var partners = root.GetProperty("partners").EnumerateArray().ToList();
        Assert.Equal(started.Select(p => p.Partner.Id.ToString()), partners.Select(p => p.GetProperty("id").GetString()));
        var shown = new Dictionary<string, Figures>();
        foreach (var partner in partners)
        {
            var id = partner.GetProperty("id").GetString()!;
            var report = reports[id];
            var figures = new Figures(
                partner.GetProperty("score").GetDouble(),
                partner.GetProperty("band").GetString()!,
                partner.GetProperty("confidence").GetDouble(),
                [.. Enum.GetValues<HealthDimension>().Select(d => partner.GetProperty("dimensions").GetProperty(JsonNamingPolicy.CamelCase.ConvertName(d.ToString())) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : (double?)null)],
                partner.GetProperty("nextActionText").GetString(),
                partner.GetProperty("nextActionImpact") is { ValueKind: JsonValueKind.Number } impact ? impact.GetDouble() : null);
            shown[id] = figures;

            AssertShown(id + " score", report.Score, figures.Score, 1, bands.Watch, bands.Healthy);
            Assert.Equal(report.Band.ToString(), figures.Band);
            AssertShown(id + " confidence", report.Confidence, figures.Confidence, 2, 0, bands.MinimumConfidence, 1);
            foreach (var (dimension, value) in Enum.GetValues<HealthDimension>().Zip(figures.Dimensions))
            {
                if (report[dimension].Score is not { } raw)
                {
                    Assert.Null(value);
                    continue;
                }

                Assert.NotNull(value);

                // Rounded to whole points, never up onto or across the Watch threshold below which the dimension may cap the band.
                Assert.True(Math.Abs(value.Value - raw) < 1 && value.Value == Math.Round(value.Value), $"{id} {dimension}: {raw} shown {value}");
                Assert.True(raw >= bands.Watch || value.Value < bands.Watch, $"{id} {dimension}: {raw} shown {value} beside Watch {bands.Watch}");
                Assert.True(Math.Abs(raw - bands.Watch) < 1 || value.Value == Math.Round(raw), $"{id} {dimension}: {raw} shown {value}");
            }

            var action = next[id];
            Assert.Equal(action?.Code, partner.GetProperty("nextAction").GetString());
            Assert.Equal(action?.Action, figures.ActionText);
            if (action is not null)
            {
                AssertShown(id + " points", action.Impact, figures.Points!.Value, 1, 0);
            }
            else
            {
                Assert.Null(figures.Points);
            }
        }

        // The table: the same figures, best score first.
        var rows = HealthRows(table);
        Assert.Equal(started.Count, rows.Count);
        foreach (var cells in rows)
        {
            var id = cells[0].Split(' ')[0];
            var figures = shown[id];
            Assert.Equal(figures.Score.ToString("0.0", CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(figures.Band == nameof(HealthBand.InsufficientEvidence) ? "Insufficient" : figures.Band, cells[2]);
            Assert.Equal(figures.Confidence.ToString("0.00", CultureInfo.InvariantCulture), cells[3]);
            Assert.Equal(figures.Dimensions.Select(d => d is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "-"), cells[4].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(figures.ActionText is null ? "-" : $"{figures.ActionText}: {(figures.Points >= 0 ? "+" : string.Empty)}{figures.Points!.Value.ToString("0.0", CultureInfo.InvariantCulture)}", cells[5]);
        }

        // The page's profiles: the same figures.
        var page = Parse(html);
        var profiles = Section(page, "profiles").Descendants("tr").Where(r => r.Attribute("data-partner") is not null).ToList();
        Assert.Equal(started.Count, profiles.Count);
        foreach (var row in profiles)
        {
            var id = (string)row.Attribute("data-partner")!;
            var figures = shown[id];
            var cells = row.Elements("td").ToList();
            Assert.Equal(figures.Score.ToString("0.0", CultureInfo.InvariantCulture), cells[3].Value);
            Assert.Equal(figures.Confidence.ToString("0.00", CultureInfo.InvariantCulture), cells[4].Value);
            Assert.Equal(Tone(figures.Band), (string?)cells[5].Element("span")!.Attribute("class"));
            Assert.Equal(
                figures.Dimensions.Select(d => d is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "not scored"),
                cells.Skip(6).Select(c => c.Elements("span").First().Value));
        }

        // Top partners per district: the library's ranking, its score to 0.001, in the JSON and the table alike.
        var top = insights.TopPartners(7).SelectMany(d => d.Partners.Select((s, rank) => (d.District, Rank: rank + 1, Id: s.Partner.Id.ToString(), s.Partner.Name, s.RankingScore))).ToList();
        var topJson = root.GetProperty("topPartners").EnumerateArray().ToList();
        Assert.Equal(top.Count, topJson.Count);
        foreach (var (expected, actual) in top.Zip(topJson))
        {
            Assert.Equal((expected.District, expected.Rank, expected.Id, expected.Name), (actual.GetProperty("district").GetString(), actual.GetProperty("rank").GetInt32(), actual.GetProperty("id").GetString(), actual.GetProperty("name").GetString()));
            Assert.True(Math.Abs(actual.GetProperty("rankingScore").GetDouble() - expected.RankingScore) <= 0.0005 + 1e-12, $"{expected.Id}: {expected.RankingScore} shown {actual.GetProperty("rankingScore")}");
        }

        var topRows = BoxRows(table, "Top partners per district");
        Assert.Equal(
            topJson.Select(t => string.Join("|", t.GetProperty("district").GetString() ?? "No district", t.GetProperty("rank").GetInt32(), $"{t.GetProperty("id").GetString()} {t.GetProperty("name").GetString()}", t.GetProperty("rankingScore").GetDouble().ToString("0.000", CultureInfo.InvariantCulture))),
            topRows.Select(r => string.Join("|", r)));

        // Hunting versus farming per district: PipelineAnalytics over the deals as the CRM knew them on the day.
        var pipeline = PipelineAnalytics.GroupBy(portfolio.AllOpportunities().Select(o => o.AsOf(asOf)).OfType<Opportunity>(), PipelineKeys.District);
        var mixJson = root.GetProperty("huntingFarming").EnumerateArray().ToList();
        Assert.Equal(pipeline.Groups.Length, mixJson.Count);
        foreach (var (group, actual) in pipeline.Groups.Zip(mixJson))
        {
            Assert.Equal(group.Key, actual.GetProperty("district").GetString());
            Assert.Equal(group.Result.WonCount, actual.GetProperty("wonDeals").GetInt64());
            Assert.Equal(group.Result.WonValue, actual.GetProperty("wonValue").GetDecimal());
            Assert.Equal(group.Result.HuntingShareByValue, Nullable(actual.GetProperty("huntingShareByValue")));
            Assert.Equal(group.Result.WinRateByCount, Nullable(actual.GetProperty("winRate")));
            Assert.Equal(group.Result.Profile?.ToString(), actual.GetProperty("profile").GetString());
        }

        var mixRows = BoxRows(table, "Hunting versus farming");
        var mixPage = Section(page, "mix").Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(pipeline.Groups.Length, mixRows.Count);
        Assert.Equal(pipeline.Groups.Length, mixPage.Count);
        foreach (var ((group, row), line) in pipeline.Groups.Zip(mixRows).Zip(mixPage))
        {
            var result = group.Result;
            Assert.Equal(group.Key ?? "No district", row[0]);
            Assert.Equal(result.WonCount.ToString(CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(result.WonValue.ToString("N0", CultureInfo.InvariantCulture), row[2]);
            AssertPercent(group.Key + " hunting share", result.HuntingShareByValue, row[3], 0, 0.3, 0.7);
            AssertPercent(group.Key + " win rate", result.WinRateByCount, row[4], 0);
            Assert.Equal(result.Profile?.ToString() ?? "-", row[5]);

            var cells = line.Elements().Select(c => c.Value).ToList();
            Assert.Equal(group.Key ?? "No district", cells[0]);
            Assert.Equal(row[1], cells[1]);
            Assert.Equal(result.HuntingWonValue.ToString("N0", CultureInfo.InvariantCulture), cells[2]);
            Assert.Equal(result.FarmingWonValue.ToString("N0", CultureInfo.InvariantCulture), cells[3]);
            AssertPercent(group.Key + " hunting share", result.HuntingShareByValue, cells[4].Replace('–', '-'), 1, 0.3, 0.7);
            AssertPercent(group.Key + " win rate", result.WinRateByCount, cells[5].Replace('–', '-'), 1);
            Assert.Equal(result.Profile?.ToString() ?? "–", cells[6]);
        }

        // The page's band distribution: PortfolioInsights' counts by district, and the portfolio's.
        var bandCounts = insights.BandDistribution().Where(c => c.Grouping == "district").ToList();
        var legend = Section(page, "bands").Descendants("li").ToDictionary(li => (string)li.Attribute("data-band")!, li => (int)li.Attribute("data-count")!);
        foreach (var band in Enum.GetValues<HealthBand>())
        {
            Assert.Equal(reports.Values.Count(r => r.Band == band), legend[band.ToString()]);
            foreach (var district in bandCounts.Select(c => c.Key).Distinct())
            {
                var count = bandCounts.Where(c => c.Key == district && c.Band == band).Sum(c => c.Count);
                Assert.Equal(started.Count(p => p.Partner.District == district && reports[p.Partner.Id.ToString()].Band == band), count);
                var size = started.Count(p => p.Partner.District == district);

                // A band without partners has no segment in the district's bar.
                var label = $"<title>\u2068{district ?? "No district"}\u2069 &#183; {BandName(band)}: {count} of {size} partner{(size == 1 ? string.Empty : "s")}</title>";
                Assert.Equal(count > 0, html.Contains(label, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>
    /// The table and the page list the partners in one order: the library's, best score first and ties by id
    /// (<c>HtmlReport</c>'s profiles), whatever the scores are rounded to.
    /// </summary>
    [Theory]
    [MemberData(nameof(Days))]
    public void Score_TheTableAndThePage_ListThePartnersInOneOrder(string day, bool otherBands)
    {
        using var files = new TestFiles();
        var path = files.Write("portfolio.json", PartnerMetricsJson.Serialize(DemoPortfolio.Create()));
        string[] model = otherBands ? ["--model", files.Write("model.json", OtherBands)] : [];

        var table = HealthRows(Run(["score", path, "--as-of", day, .. model]).Output).Select(r => r[0].Split(' ')[0]);
        var page = Section(Parse(Run(["score", path, "--as-of", day, "--format", "html", .. model]).Output), "profiles")
            .Descendants("tr").Select(r => (string?)r.Attribute("data-partner")).OfType<string>();

        Assert.Equal(page, table);
    }

    /// <summary>
    /// Asserts that <paramref name="shown"/> is <paramref name="value"/> to <paramref name="decimals"/> places: within one step of
    /// it, the nearest when no bound lies within a step, and on the same side of every bound.
    /// </summary>
    private static void AssertShown(string what, double value, double shown, int decimals, params double[] bounds)
    {
        var step = Math.Pow(10, -decimals);
        Assert.True(Math.Abs(Math.Round(shown, decimals) - shown) < 1e-9, $"{what}: {value} shown {shown}, not to {decimals} places");
        Assert.True(Math.Abs(shown - value) < step + 1e-9, $"{what}: {value} shown {shown}");
        if (bounds.All(b => Math.Abs(value - b) >= step))
        {
            Assert.True(shown == Math.Round(value, decimals), $"{what}: {value} shown {shown}, not {Math.Round(value, decimals)}");
        }

        foreach (var bound in bounds)
        {
            Assert.True(Math.Sign(value - bound) == Math.Sign(Math.Round(shown - bound, decimals + 2)), $"{what}: {value} shown {shown}, across {bound}");
        }
    }

    /// <summary>Asserts that a cell shows <paramref name="share"/> as a percentage ("-" when undefined), on the side of 0, 100 % and each bound it is.</summary>
    private static void AssertPercent(string what, double? share, string cell, int decimals, params double[] bounds)
    {
        if (share is not { } s)
        {
            Assert.Equal("-", cell);
            return;
        }

        Assert.EndsWith(" %", cell, StringComparison.Ordinal);
        AssertShown(what, 100 * s, double.Parse(cell[..^2], CultureInfo.InvariantCulture), decimals, [0, 100, .. bounds.Select(b => 100 * b)]);
    }

    private static double? Nullable(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

    /// <summary>The cells of each partner's row of the health table.</summary>
    private static List<string[]> HealthRows(string table) =>
    [
        .. table.Split('\n')
            .TakeWhile(l => !l.Contains("Top partners per district", StringComparison.Ordinal))
            .Select(l => l.TrimEnd('\r').Split('│').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length == 6 && c[0].StartsWith("P-", StringComparison.Ordinal)),
    ];

    /// <summary>The cells of each row of the boxed table under the rule <paramref name="title"/>.</summary>
    private static List<string[]> BoxRows(string table, string title) =>
    [
        .. table.Split('\n')
            .SkipWhile(l => !l.Contains(title, StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(l => !l.StartsWith('─'))
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.StartsWith('│'))
            .Skip(1)
            .Select(l => l.Split('│', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToArray()),
    ];

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static XElement Section(XDocument page, string id) =>
        page.Descendants("section").Single(s => (string?)s.Attribute("id") == id);

    private static string Tone(string band) => band switch
    {
        "Healthy" => "badge band-healthy",
        "Watch" => "badge band-watch",
        "AtRisk" => "badge band-at-risk",
        _ => "badge band-insufficient",
    };

    private static string BandName(HealthBand band) => band switch
    {
        HealthBand.Healthy => "Healthy",
        HealthBand.Watch => "Watch",
        HealthBand.AtRisk => "At risk",
        _ => "Insufficient evidence",
    };

    private sealed record Figures(double Score, string Band, double Confidence, double?[] Dimensions, string? ActionText, double? Points);
}
