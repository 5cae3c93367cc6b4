using BenchmarkDotNet.Attributes;
using PartnerMetrics.Cli;
using PartnerMetrics.Health;
using PartnerMetrics.Reporting;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// The HTML report of the CLI's 50-partner demo, from the portfolio to the page: every partner scored, its 27-point
/// history and its next actions, the portfolio views, and the rendering. Target: under 1 s.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LargeInputConfig))]
public class HtmlReportBenchmarks
{
    private readonly HealthScorer scorer = new();
    private Portfolio portfolio = null!;

    [GlobalSetup]
    public void Setup() => portfolio = DemoPortfolio.Create();

    [Benchmark]
    public int DemoReport()
    {
        using var page = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        HtmlReport.WritePortfolio(page, portfolio, DemoPortfolio.Today, scorer);
        return page.GetStringBuilder().Length;
    }
}
