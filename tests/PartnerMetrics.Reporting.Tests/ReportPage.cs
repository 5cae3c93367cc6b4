using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Reporting.Tests;

/// <summary>A page written to a string, and parsed as XML (the markup is XHTML-compatible).</summary>
internal sealed record ReportPage(string Html, XDocument Document)
{
    /// <summary>The day the fixture portfolio is scored as of.</summary>
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>Writes a page with <paramref name="write"/> and parses it; fails when it does not parse.</summary>
    public static ReportPage Write(Action<TextWriter> write)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        write(output);
        var html = output.ToString();
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return new ReportPage(html, XDocument.Load(reader));
    }

    /// <summary>The portfolio of the CLI's HTML tests, the first partner renamed when <paramref name="name"/> is given.</summary>
    public static Portfolio Portfolio(string? name = null, string? district = null)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "backtest-portfolio.json")))!;
        var partner = document["partnerships"]![0]!["partner"]!;
        if (name is not null)
        {
            partner["name"] = name;
        }

        if (district is not null)
        {
            partner["district"] = district;
        }

        return PartnerMetricsJson.Deserialize<Portfolio>(document.ToJsonString());
    }

    /// <summary>Five deals in two districts and one without a district: won, lost and open, hunting and farming.</summary>
    public static Opportunity[] Deals(string north = "North") =>
    [
        Deal("O-1", new(2025, 1, 10), DealMotion.NewLogo, DealOutcome.Won, 12_000m, north, new(2025, 3, 1)),
        Deal("O-2", new(2025, 2, 1), DealMotion.Renewal, DealOutcome.Lost, 5_000m, north, new(2025, 4, 1)),
        Deal("O-3", new(2025, 5, 2), DealMotion.Upsell, DealOutcome.Open, 8_000m, "South", null),
        Deal("O-4", new(2025, 4, 2), DealMotion.Expansion, DealOutcome.Won, 30_000m, "South", new(2025, 6, 1)),
        Deal("O-5", new(2025, 3, 2), DealMotion.NewLogo, DealOutcome.Won, 2_000m, null, new(2025, 5, 1)),
    ];

    /// <summary>The page's title (the head's, not an SVG chart's).</summary>
    public string Title => All("head").Single().Elements().Single(e => e.Name.LocalName == "title").Value;

    /// <summary>The elements whose name is <paramref name="name"/>, wherever they are.</summary>
    public IEnumerable<XElement> All(string name) => Document.Descendants().Where(e => e.Name.LocalName == name);

    private static Opportunity Deal(string id, DateOnly created, DealMotion motion, DealOutcome outcome, decimal amount, string? district, DateOnly? closed) =>
        new(new OpportunityId(id), new AccountId("A-" + id), created, motion, DealSource.PartnerSourced, RouteToMarket.Partner, outcome, amount, district: district, closedOn: closed);
}
