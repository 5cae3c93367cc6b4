using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Reporting.Tests;

/// <summary>Partnerships that start after the day, and names that would break the page's text direction or its validity as HTML.</summary>
public partial class HtmlReportTests
{
    /// <summary>
    /// A partnership that starts after the day was counted in the page's "All partners" bar, legend, header and mean
    /// health at its priors (Insufficient evidence, 36.7), though PortfolioInsights and the district bars left it out:
    /// the bars of the districts did not add up to the bar of the portfolio.
    /// </summary>
    [Fact]
    public void WritePortfolio_APartnershipStartingAfterTheDay_IsInNoViewAndTheBandsArePortfolioInsights()
    {
        var document = JsonNode.Parse(PartnerMetricsJson.Serialize(ReportPage.Portfolio()))!;
        var partnerships = document["partnerships"]!.AsArray();
        partnerships[0]!["partner"]!["district"] = "North";
        partnerships[1]!["partner"]!["district"] = "North";
        partnerships[3]!["partner"]!["district"] = "South";
        partnerships[3]!["startedOn"] = "2025-09-01";
        var portfolio = PartnerMetricsJson.Deserialize<Portfolio>(document.ToJsonString());
        var insights = new PortfolioInsights(new HealthScorer(), portfolio, ReportPage.AsOf);
        var started = insights.Reports.Where((_, i) => portfolio.Partnerships[i].StartedOn <= ReportPage.AsOf).ToList();

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf));

        var bands = page.All("section").Single(s => (string?)s.Attribute("id") == "bands");
        var legend = bands.Descendants().Where(e => e.Name.LocalName == "li").ToDictionary(li => Enum.Parse<HealthBand>((string)li.Attribute("data-band")!), li => (int)li.Attribute("data-count")!);
        var districts = insights.BandDistribution().Where(c => c.Grouping == "district").ToList();
        foreach (var band in Enum.GetValues<HealthBand>())
        {
            Assert.Equal(districts.Where(c => c.Band == band).Sum(c => c.Count), legend[band]);
        }

        var notes = bands.Descendants().Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("class") == "row-note").Select(e => e.Value).ToList();
        Assert.Equal(["3 partners", "1 partner", "2 partners"], notes);
        var kpis = page.All("li").Where(li => li.Elements().Any(e => (string?)e.Attribute("class") == "kpi-label")).ToDictionary(li => li.Elements().First().Value, li => li.Elements().ElementAt(1).Value);
        Assert.Equal("3", kpis["Partners"]);
        Assert.Equal(Math.Round(started.Average(r => r.Score), 1).ToString("0.0", CultureInfo.InvariantCulture), kpis["Mean health"]);
        Assert.Contains("3 partners in 1 district (1 more starts after this day and is left out)", page.All("p").Single(p => (string?)p.Attribute("class") == "subtitle").Value, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Document.Descendants(), e => (string?)e.Attribute("data-partner") == "P-D");
    }

    /// <summary>
    /// A name's own pop directional isolate (U+2069) closed the page's isolate around it in tooltips and chart labels, so
    /// that an override after it (U+202E) reversed the figures that follow; a line break ended the isolate too.
    /// </summary>
    [Theory]
    [InlineData("Acme\u2069\u202Eevil")]
    [InlineData("Acme\u2067\u202Eevil")]
    [InlineData("Acme\n\u202Eevil")]
    public void WritePortfolio_ANameThatClosesOrOpensAnIsolate_StaysInsideItsOwn(string name)
    {
        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, ReportPage.Portfolio(name, name), ReportPage.AsOf));

        var isolated = page.Document.Descendants().SelectMany(e => e.Attributes().Select(a => a.Value).Concat(e.Nodes().OfType<XText>().Select(t => t.Value)))
            .Where(v => v.Contains('\u2068', StringComparison.Ordinal) && v.Contains("evil", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(isolated);
        foreach (var value in isolated)
        {
            Assert.True(Balanced(value), $"Unbalanced isolates in: {value}");
            Assert.DoesNotContain('\n', value);
        }
    }

    /// <summary>
    /// C1 controls (a CRM's Windows-1252 apostrophe read as Latin-1 is U+0092) and noncharacters are allowed by XML, so the
    /// page kept them, but they are parse errors in HTML, raw or as the character references the encoder writes.
    /// </summary>
    [Fact]
    public void WritePortfolio_NamesWithCharactersHtmlForbids_AreReplaced()
    {
        const string Name = "O\u0092Brien\u0085\u007F\uFDD0\uFFFF\U0001FFFE\U0010FFFF\U0001F680";

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, ReportPage.Portfolio(Name, "North\u0080"), ReportPage.AsOf));

        Assert.DoesNotContain(page.Html, c => c is >= '\u007F' and <= '\u009F' or >= '\uFDD0' and <= '\uFDEF');
        Assert.DoesNotContain("&#131070;", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#1114111;", page.Html, StringComparison.Ordinal);
        Assert.Contains(page.All("span"), s => s.Value == "O\uFFFDBrien\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\U0001F680");
        Assert.Contains(page.Document.Descendants().Select(e => e.Value), v => v.Contains("North\uFFFD", StringComparison.Ordinal));
    }

    /// <summary>
    /// With no action to list (here no partnership at all), the section's lede announced "the 0 actions that win the most
    /// points" above "No action to take".
    /// </summary>
    [Fact]
    public void WritePortfolio_NoActionToList_TheLedeCountsNone()
    {
        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, new Portfolio(), ReportPage.AsOf));

        var actions = page.All("section").Single(s => (string?)s.Attribute("id") == "actions");
        var lede = actions.Descendants().Single(e => (string?)e.Attribute("class") == "lede").Value;
        Assert.DoesNotContain("0 action", lede, StringComparison.Ordinal);
        Assert.StartsWith("Each partner's most valuable next action, grouped by action.", lede, StringComparison.Ordinal);
        Assert.Contains(actions.Descendants(), e => (string?)e.Attribute("class") == "empty");
    }

    /// <summary>Whether every isolate initiator (U+2066 to U+2068) in <paramref name="text"/> is closed by a pop directional isolate (U+2069) and no pop closes nothing.</summary>
    private static bool Balanced(string text)
    {
        var open = 0;
        foreach (var c in text)
        {
            open += c switch { '\u2066' or '\u2067' or '\u2068' => 1, '\u2069' => -1, _ => 0 };
            if (open < 0)
            {
                return false;
            }
        }

        return open == 0;
    }
}
