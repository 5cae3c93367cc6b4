using System.Text.Json.Nodes;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Reporting.Tests;

public sealed class PortfolioReportTests
{
    /// <summary>A joint plan of half a year: one shared, measurable goal half done, business alignment 0.6, reviewed a month ago.</summary>
    private static readonly JointPlan Plan = new(
        new DateOnly(2025, 1, 10),
        businessAlignment: 0.6,
        goals: [new PlanGoal("Certify engineers", GoalOwner.Both, progress: 0.5, new MeasurableTarget(4, "engineers"))],
        lastReviewedOn: new DateOnly(2025, 5, 30));

    [Fact]
    public void Create_TopActions_AreThePortfoliosTopActions()
    {
        // The report keeps each partner's top action only, batch by batch, rather than every action until the page is
        // written; what it lists must still be the portfolio's top actions. More partnerships than a batch, each one of the
        // fixture's four (kept, broken and pending promises) under its own id and with some of its promises left out, and
        // every third with a joint plan, every third after that with twenty weeks of deliveries on time. Without these every
        // copy's top action would be the same: delivering on time (7 points), ahead of holding a joint planning session
        // (0.15 × 30 + 0.15 × 0.8 × 100 / 12 = 5.5 points: the plan, and a week of activity more). With deliveries on time
        // the session comes first; with a plan, delivering on time does.
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
    /// without the commitments whose index is a set bit of <c>i ÷ 4</c>, with a joint plan when <c>i</c> is a multiple
    /// of 3 and with twenty weeks of deliveries on time when it is one more, so that the copies' evidence and actions differ.
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

            if (i % 3 == 0)
            {
                copy["jointPlan"] = JsonNode.Parse(PartnerMetricsJson.Serialize(Plan));
            }
            else if (i % 3 == 1)
            {
                copy["deliveries"] = new JsonArray([.. Enumerable.Range(0, 20).Select(k => JsonNode.Parse(PartnerMetricsJson.Serialize(new Delivery(ReportPage.AsOf.AddDays(-7 * k), onTime: true, satisfaction: 1.0))))]);
            }

            partnerships.Add(copy);
        }

        return PartnerMetricsJson.Deserialize<Portfolio>(new JsonObject { ["partnerships"] = partnerships }.ToJsonString());
    }
}
