using System.Globalization;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Reporting.Tests;

/// <summary>The example docs/cli.md quotes ("The same page from your code"), compiled and run.</summary>
public class DocsExampleTests
{
    [Fact]
    public void ReportingExample_WritesThePortfolioAndPipelinePages()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "backtest-portfolio.json"));
        var deals = ReportPage.Deals();

        // docs:begin reporting-html
        Portfolio portfolio = PartnerMetricsJson.Deserialize<Portfolio>(json);
        using var page = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReport.WritePortfolio(page, portfolio, asOf: new DateOnly(2025, 6, 30));
        string health = page.ToString(); // serve as text/html; charset=utf-8

        GroupedPipelineResult<string> byDistrict = PipelineAnalytics.GroupBy(deals, PipelineKeys.District);
        using var pipelinePage = new StringWriter(CultureInfo.InvariantCulture);
        HtmlReport.WritePipeline(pipelinePage, byDistrict, source: "Q2 deals", groupedBy: "district");
        // docs:end reporting-html

        Assert.Contains("<title>Partner health as of 2025-06-30</title>", health, StringComparison.Ordinal);
        Assert.Contains("<title>Pipeline of Q2 deals</title>", pipelinePage.ToString(), StringComparison.Ordinal);
    }
}
