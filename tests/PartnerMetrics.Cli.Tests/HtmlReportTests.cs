using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

public class HtmlReportTests
{
    private const string HostileName = "<script>alert('pwned')</script> & Sons \"Ltd\"";
    private static readonly DateOnly AsOf = new(2025, 6, 30);

    [Fact]
    public void Demo_Html_HasEverySectionWithAHeading()
    {
        var page = RunHtml("demo");

        var sections = page.Document.Descendants("section").ToDictionary(s => (string)s.Attribute("id")!);
        Assert.Equal(["actions", "bands", "history", "mix", "profiles"], sections.Keys.Order(StringComparer.Ordinal));
        Assert.All(sections.Values, s => Assert.False(string.IsNullOrWhiteSpace(s.Element("h2")?.Value)));
    }

    [Fact]
    public void Demo_Html_HasOneProfileAndOneSparklinePerPartner()
    {
        var partners = DemoJson().Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        var page = RunHtml("demo");

        var profiles = Section(page, "profiles").Descendants("tr").Where(r => r.Attribute("data-partner") is not null).ToList();
        Assert.Equal(partners, profiles.Select(r => (string)r.Attribute("data-partner")!).Order(StringComparer.Ordinal));
        Assert.All(profiles, r => Assert.Equal(5, r.Elements("td").Count(c => c.Attribute("data-dimension") is not null)));

        var sparklines = Section(page, "history").Descendants("figure").ToList();
        Assert.Equal(partners, sparklines.Select(f => (string)f.Attribute("data-partner")!).Order(StringComparer.Ordinal));
        Assert.All(sparklines, f => Assert.Single(f.Descendants("svg").Descendants("path")));
    }

    [Fact]
    public void Demo_Html_BandCountsAddUpToThePartnersAndMatchTheJsonSummary()
    {
        var partners = DemoJson();
        var page = RunHtml("demo");

        var legend = Section(page, "bands").Descendants("li").ToDictionary(li => (string)li.Attribute("data-band")!, li => (int)li.Attribute("data-count")!);
        Assert.Equal(partners.Count, legend.Values.Sum());
        foreach (var band in Enum.GetNames<HealthBand>())
        {
            Assert.Equal(partners.Count(p => p.Band == band), legend[band]);
        }
    }

    [Fact]
    public void Demo_Html_GroupsEachPartnersTopActionByAction()
    {
        // Issue 15: 5 of the 15 rows were the same "schedule joint planning" and some partners appeared twice.
        // Now each action is one row with every partner whose top action it is, and no partner appears twice.
        var page = RunHtml("demo");

        var rows = Section(page, "actions").Descendants("tr").Where(r => r.Attribute("data-impact") is not null).ToList();
        var impacts = rows.Select(r => (double)r.Attribute("data-impact")!).ToList();
        var codes = rows.Select(r => (string)r.Attribute("data-code")!).ToList();
        var partners = rows.SelectMany(r => r.Descendants("li").Select(li => (string)li.Attribute("data-partner")!)).ToList();
        Assert.InRange(rows.Count, 2, 10);
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Equal(partners.Distinct().Count(), partners.Count);
        Assert.Equal(impacts.OrderDescending(), impacts);
        Assert.True(impacts[0] > 0);
        Assert.All(rows, r => Assert.Equal((int)r.Attribute("data-partners")!, r.Descendants("li").Count()));
        var planning = Assert.Single(rows, r => (string)r.Attribute("data-code")! == "plan.schedule-joint-planning");
        Assert.True((int)planning.Attribute("data-partners")! > 1);
    }

    [Fact]
    public void Demo_Html_ShowsHuntingAndFarmingPerDistrict()
    {
        var page = RunHtml("demo");

        var districts = Section(page, "mix").Descendants("tr").Select(r => (string?)r.Attribute("data-district")).OfType<string>();
        Assert.Equal(["North", "South", "West"], districts);
    }

    [Fact]
    public void Demo_Html_IsSelfContained()
    {
        var page = RunHtml("demo");

        var elements = page.Document.Descendants().ToList();
        Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object" or "embed");
        Assert.DoesNotContain(elements.Attributes(), a => a.Name.LocalName is "src" or "href");
        Assert.DoesNotContain(elements.Attributes(), a => a.Value.Contains("//", StringComparison.Ordinal) || a.Value.Contains("url(", StringComparison.OrdinalIgnoreCase));
        foreach (var forbidden in new[] { "http://", "https://", "<script", "<link", "@import", "url(" })
        {
            Assert.DoesNotContain(forbidden, page.Html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Demo_Html_IsDeterministic()
    {
        var first = RunHtml("demo");
        var second = RunHtml("demo");

        Assert.Equal(first.Bytes, second.Bytes);
    }

    [Fact]
    public void Score_Html_EncodesPartnerNames()
    {
        var page = ScoreHtml(Fixture());

        Assert.DoesNotContain("<script>", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; Sons &quot;Ltd&quot;", page.Html, StringComparison.Ordinal);
        Assert.Empty(page.Document.Descendants("script"));

        // Every place the name appears decodes back to the name: in the profile, the sparkline and the actions.
        var names = page.Document.Descendants("span").Where(s => (string?)s.Attribute("class") == "name").ToList();
        Assert.Single(Section(page, "profiles").Descendants("span"), s => s.Value == HostileName && (string?)s.Attribute("title") == HostileName);
        Assert.Contains(Section(page, "history").Descendants("span"), s => s.Value == HostileName);
        Assert.Contains(Section(page, "actions").Descendants("span"), s => s.Value == HostileName);
        Assert.Contains(names, s => s.Value == "Fine & Dandy");
    }

    [Fact]
    public void Score_Html_ShowsDimensionsWithoutEvidenceAtTheirPriorMarkedNoEvidence()
    {
        // Model v2: a dimension without evidence is not left out; it sits at its prior with confidence 0. P-1 has no
        // evidence at all, as of 2025-06-30, 394 days after its start:
        //   trust 100 × √(0.5 × 0.5) = 50, competency (nothing required: delivery alone) 50,
        //   co-operation 100 × (0.2 × 0.5 + 0.2 × 0.5 + 0.35 × 0.5 + 0.25 × 0.5) = 50 (reciprocity, a rate of matched
        //   initiatives, at its prior: no initiatives, so successes 0 and failures 0, (0 + 1) / (0 + 0 + 2) = 0.5), each at confidence 0;
        //   plan alignment 0 and tracked progress (weekly cadence 0 of 12) are facts, certain after 90 days: confidence > 0.
        // P-2 has evidence in every dimension but co-operation's responsiveness and friction, so none is at confidence 0.
        var portfolio = Fixture();
        var scorer = new HealthScorer();
        var page = ScoreHtml(portfolio);

        var rows = Section(page, "profiles").Descendants("tr").Where(r => r.Attribute("data-partner") is not null).ToDictionary(r => (string)r.Attribute("data-partner")!);
        var marked = new List<string>();
        foreach (var partnership in portfolio.Partnerships)
        {
            var report = scorer.Score(partnership, AsOf);
            foreach (var dimension in report.Dimensions)
            {
                var cell = rows[partnership.Partner.Id.ToString()].Elements("td").Single(c => (string?)c.Attribute("data-dimension") == dimension.Dimension.ToString());
                var score = Assert.NotNull(dimension.Score);
                // Rounded as the JSON output rounds it (midpoints to even).
                Assert.Equal(Math.Round(score).ToString(System.Globalization.CultureInfo.InvariantCulture), Level(cell).Value);

                // The bar is the score ÷ 100 to three decimals (a twentieth of a pixel of its 50), the tooltip names the dimension.
                Assert.Equal("--level:" + (score / 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), (string?)Level(cell).Attribute("style"));
                Assert.EndsWith(" " + Level(cell).Value + " of 100", (string?)Level(cell).Attribute("title"), StringComparison.Ordinal);
                if (cell.Elements("span").Any(s => s.Value == "no evidence"))
                {
                    marked.Add($"{partnership.Partner.Id} {dimension.Dimension}");
                    Assert.Equal(0.0, dimension.Confidence);
                }
                else
                {
                    Assert.DoesNotContain("no evidence", cell.Value, StringComparison.Ordinal);
                    Assert.True(dimension.Confidence > 0, $"{partnership.Partner.Id} {dimension.Dimension}");
                }
            }
        }

        Assert.Equal(["P-1 Trust", "P-1 Competency", "P-1 Cooperation"], marked);

        // The mark goes under the bar: beside it, the 96-pixel column cut it off, and the score with it.
        Assert.Contains(".profiles td.dim .no-evidence { display: block;", page.Document.Descendants().First(e => e.Name.LocalName == "style").Value, StringComparison.Ordinal);
        var hostileCells = rows["P-1"].Elements("td").Where(c => c.Attribute("data-dimension") is not null).ToDictionary(c => (string)c.Attribute("data-dimension")!, c => Level(c).Value);
        Assert.Equal(("50", "50", "50", "0"), (hostileCells["Trust"], hostileCells["Competency"], hostileCells["Cooperation"], hostileCells["PlanAlignment"]));
    }

    [Fact]
    public void Score_Html_ShowsADimensionWithEveryFactorDisabledOrVacuousAsNotScored()
    {
        // With delivery reliability disabled, competency of P-1 (nothing required, so coverage is vacuous) has no
        // factor left: it has no score and no meter. P-2 requires Azure, so its coverage still scores it.
        using var files = new TestFiles();
        var model = files.Write("coverage-only.json", """{ "competencyWeights": { "coverage": 1, "deliveryReliability": 0 } }""");

        var page = ScoreHtml(Fixture(), "--model", model);

        var cells = Section(page, "profiles").Descendants("tr").Where(r => r.Attribute("data-partner") is not null)
            .ToDictionary(r => (string)r.Attribute("data-partner")!, r => r.Elements("td").Single(c => (string?)c.Attribute("data-dimension") == "Competency"));
        Assert.Equal("not scored", cells["P-1"].Value);
        Assert.DoesNotContain(cells["P-1"].Descendants("span"), s => (string?)s.Attribute("class") == "level");
        Assert.Equal("100", Level(cells["P-2"]).Value);
    }

    /// <summary>Two partners: one with a hostile name and no evidence at all, one with a little.</summary>
    private static Portfolio Fixture()
    {
        var started = new DateOnly(2024, 6, 1);
        var hostile = new Partnership(new Partner(new PartnerId("P-1"), HostileName, PartnerType.Reseller, district: "North & <South>"), started);
        var fine = new Partnership(
            new Partner(new PartnerId("P-2"), "Fine & Dandy", PartnerType.Isv, district: "West"),
            started,
            ["Azure"],
            commitments: [.. Enumerable.Range(0, 6).Select(i => new Commitment(i % 2 == 0 ? Side.Partner : Side.Vendor, started.AddDays(30 * (i + 1)), CommitmentOutcome.Kept))],
            interactions: [.. Enumerable.Range(0, 20).Select(i => new Interaction(started.AddDays(19 * i), InteractionKind.Meeting, i % 2 == 0 ? Side.Partner : Side.Vendor))],
            certifications: [new Certification("Azure", started.AddDays(10))]);
        return new Portfolio([hostile, fine]);
    }

    private static List<(string Id, string Band)> DemoJson()
    {
        var (exit, json, _) = Run("demo", "--format", "json");
        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("partners").EnumerateArray().Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("band").GetString()!))];
    }

    /// <summary>The score of a dimension's cell in the profiles, over its bar.</summary>
    private static XElement Level(XElement cell) => Assert.Single(cell.Elements("span"), s => (string?)s.Attribute("class") == "level");

    private static XElement Section(Page page, string id) =>
        page.Document.Descendants("section").Single(s => (string?)s.Attribute("id") == id);

    private static Page ScoreHtml(Portfolio portfolio, params string[] options)
    {
        var input = Path.Combine(Path.GetTempPath(), $"portfolio-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(input, PartnerMetricsJson.Serialize(portfolio));
            return RunHtml(["score", input, "--as-of", "2025-06-30", .. options]);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>Runs a command with <c>--format html --out</c> a temporary file, and parses the page as XML (it is XHTML-compatible).</summary>
    private static Page RunHtml(params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"partnermetrics-{Guid.NewGuid():N}.html");
        try
        {
            var (exit, _, error) = Run([.. args, "--format", "html", "--out", path]);
            Assert.True(exit == 0, error);
            var bytes = File.ReadAllBytes(path);
            var html = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
            using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            return new Page(bytes, html, XDocument.Load(reader));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed record Page(byte[] Bytes, string Html, XDocument Document);
}
