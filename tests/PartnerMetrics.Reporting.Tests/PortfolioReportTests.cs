using System.Text.Json.Nodes;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Reporting.Tests;

public sealed class PortfolioReportTests
{
    [Fact]
    public void Create_TopActions_AreThePortfoliosTopActions()
    {
        // The report keeps each partner's top action only, batch by batch, rather than every action until the page is
        // written; what it lists must still be the portfolio's top actions. More partnerships than a batch, each one of the
        // fixture's four (kept, broken and pending promises) under its own id and with some of its promises left out.
        var portfolio = Copies(PortfolioBatches.Size + 30);
        var scorer = new HealthScorer();

        var report = PortfolioReport.Create(portfolio, ReportPage.AsOf, scorer);

        var expected = new PortfolioInsights(scorer, portfolio, ReportPage.AsOf).TopActions().Take(PortfolioReport.TopActionCount);
        Assert.Equal(expected, report.TopActions);
        Assert.True(report.TopActions.Length > 1, "The copies should not all share one top action.");
        Assert.Equal(portfolio.Partnerships.Length, report.TopActions.Sum(group => group.Partners.Length));
    }

    /// <summary>
    /// A portfolio of <paramref name="count"/> partnerships, the fixture's in turn: partner <c>i</c> with id <c>P-i</c>,
    /// without the commitments whose index is a set bit of <c>i ÷ 4</c>, so that the copies' evidence and actions differ.
    /// </summary>
    private static Portfolio Copies(int count)
    {
        var fixture = JsonNode.Parse(PartnerMetricsJson.Serialize(ReportPage.Portfolio()))!["partnerships"]!.AsArray();
        var partnerships = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var copy = fixture[i % fixture.Count]!.DeepClone();
            copy["partner"]!["id"] = $"P-{i}";
            if (copy["commitments"] is JsonArray commitments)
            {
                var left = commitments.Where((_, j) => ((i / fixture.Count) & (1 << j)) == 0).Select(c => c!.DeepClone()).ToArray();
                copy["commitments"] = new JsonArray(left);
            }

            partnerships.Add(copy);
        }

        return PartnerMetricsJson.Deserialize<Portfolio>(new JsonObject { ["partnerships"] = partnerships }.ToJsonString());
    }
}
