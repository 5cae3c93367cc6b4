using PartnerMetrics.Health;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

public class PlanAlignmentDimensionTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void Score_NoJointPlan_ScoresZeroWithThePlanMissingFactor()
    {
        var plan = Scorer.Score(Empty(), T)[HealthDimension.PlanAlignment];

        var missing = Assert.Single(plan.Factors);
        Assert.Equal(FactorCodes.PlanMissing, missing.Code);
        Assert.Equal(0.0, missing.Value);
        Assert.Equal(0.0, plan.Score);
        Assert.Equal(1 / 6.0, plan.Confidence, 10);   // one observation: e = 1, c = 1 / (1 + 5)
    }

    [Fact]
    public void Score_PlanCreatedAfterTheAsOfDay_IsMissing() =>
        Assert.Equal(FactorCodes.PlanMissing, Assert.Single(Scorer.Score(Empty().With(plan: _ => Plan), Day(-201))[HealthDimension.PlanAlignment].Factors).Code);

    [Fact]
    public void Score_PlanWithGoals()
    {
        // Goals on track: G1 (start −100, due +100) expects 0.5, has 0.5 → 1;
        //   G2 (no start: plan created −200, due +200) expects 0.5, has 0.2 → 0.4; G3 has no due day.
        //   on track = (1 + 0.4) / 2 = 0.7, e = 2
        // Shared ownership: 1 of 3 (G1 is Both). Clarity: 1 of 3 (only G1 has target and due day).
        // Business alignment 0.4. Freshness: reviewed 120 days ago, cadence 90 → 2^(−30/90).
        // Plan = 100 × (0.25 × 0.7 + 0.2 × 1/3 + 0.2 × 0.4 + 0.15 × 1/3 + 0.2 × 2^(−1/3))
        var report = Scorer.Score(Empty().With(plan: _ => Plan), T);
        var plan = report[HealthDimension.PlanAlignment];
        var expected = 100 * ((0.25 * 0.7) + (0.2 / 3) + (0.2 * 0.4) + (0.15 / 3) + (0.2 * Math.Pow(2, -1 / 3.0)));

        Assert.Equal(0.7, report.Factor(FactorCodes.PlanGoalsOnTrack)!.Value.Value!.Value, 10);
        Assert.Equal(1 / 3.0, report.Factor(FactorCodes.PlanSharedOwnership)!.Value.Value!.Value, 10);
        Assert.Equal(1 / 3.0, report.Factor(FactorCodes.PlanClarity)!.Value.Value!.Value, 10);
        Assert.Equal(0.4, report.Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value);
        Assert.Equal(Math.Pow(2, -1 / 3.0), report.Factor(FactorCodes.PlanFreshness)!.Value.Value!.Value, 10);
        Assert.Equal(expected, plan.Score!.Value, 9);
        Assert.Equal(53.04, plan.Score!.Value, 2);
        Assert.Null(report.Factor(FactorCodes.PlanMissing));
        Assert.Equal("Last reviewed together 120 days ago; the review cadence is 90 days.", report.Factor(FactorCodes.PlanFreshness)!.Value.Reason);
    }
}
