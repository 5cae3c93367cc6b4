using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

public class PlanAlignmentDimensionTests
{
    private static readonly HealthScorer Scorer = new();

    [Theory]
    [InlineData(100, 1.0)]         // past the 90-day maturity: no plan is a certain fact
    [InlineData(30, 30 / 90.0)]    // a month in, no plan yet says less
    [InlineData(0, 0.0)]           // on the first day it says nothing
    public void Score_NoJointPlan_ScoresZeroWithThePlanMissingFactor(int startedDaysAgo, double maturity)
    {
        // No plan is the fact 0; its certainty is the partnership's maturity min(1, days since start / 90).
        var plan = Scorer.Score(Empty(startedDaysAgo), T)[HealthDimension.PlanAlignment];

        var missing = Assert.Single(plan.Factors);
        Assert.Equal(FactorCodes.PlanMissing, missing.Code);
        Assert.Equal(0.0, missing.Value);
        Assert.Equal(maturity, missing.Confidence, 12);
        Assert.Equal(0.0, plan.Score);
        Assert.Equal(maturity, plan.Confidence, 12);
    }

    [Fact]
    public void Score_PlanCreatedAfterTheAsOfDay_IsMissing() =>
        Assert.Equal(FactorCodes.PlanMissing, Assert.Single(Scorer.Score(Empty().With(plan: _ => Plan), Day(-201))[HealthDimension.PlanAlignment].Factors).Code);

    [Fact]
    public void Score_PlanWithGoals()
    {
        // Goals on track: G1 (start −100, due +100) expects 0.5, has 0.5 → 1;
        //   G2 (no start: plan created −200, due +200) expects 0.5, has 0.2 → 0.4; G3 has no due day → 0.
        //   on track = (1 + 0.4 + 0) / 3 = 0.4667, e = 3 (G3 was left out until model 2.5: 0.7)
        // Shared ownership: 1 of 3 (G1 is Both). Clarity: 1 of 3 (only G1 has target and due day).
        // Business alignment 0.4. Freshness: reviewed 120 days ago, cadence 90 → 2^(−30/90).
        // Plan = 100 × (0.15 × 1.4/3 + 0.1 × 1/3 + 0.55 × 0.4 + 0.1 × 1/3 + 0.1 × 2^(−1/3))
        //      = 7 + 3.3333 + 22 + 3.3333 + 7.9370 = 43.6037
        var report = Scorer.Score(Empty().With(plan: _ => Plan), T);
        var plan = report[HealthDimension.PlanAlignment];
        var expected = 100 * ((0.15 * 1.4 / 3) + (0.1 / 3) + (0.55 * 0.4) + (0.1 / 3) + (0.1 * Math.Pow(2, -1 / 3.0)));

        Assert.Equal(1.4 / 3, report.Factor(FactorCodes.PlanGoalsOnTrack)!.Value.Value!.Value, 10);
        Assert.Equal(1 / 3.0, report.Factor(FactorCodes.PlanSharedOwnership)!.Value.Value!.Value, 10);
        Assert.Equal(1 / 3.0, report.Factor(FactorCodes.PlanClarity)!.Value.Value!.Value, 10);
        Assert.Equal(0.4, report.Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value);
        Assert.Equal(Math.Pow(2, -1 / 3.0), report.Factor(FactorCodes.PlanFreshness)!.Value.Value!.Value, 10);
        Assert.Equal(expected, plan.Score!.Value, 9);
        Assert.Equal(43.60, plan.Score!.Value, 2);
        Assert.Null(report.Factor(FactorCodes.PlanMissing));
        Assert.Equal("Last reviewed together 120 days ago; the review cadence is 90 days.", report.Factor(FactorCodes.PlanFreshness)!.Value.Reason);
    }

    /// <summary>
    /// Created 200 days before T (cadence 90). Reviews: −200 records 0.2, −120 records 0.4, −30 records
    /// nothing, +10 records 0.9 (after T). Check-ins: G1 (Both, target, −100 → +100) 0.2 on −50, 0.5 on −5,
    /// 1.0 on +5; G2 (Partner, due +200, starts with the plan) 0.1 on −150, 0.2 on −1, 0.9 on +1;
    /// G3 (Vendor, target, no due day) 0.9 on −10.
    /// </summary>
    private static readonly JointPlan DatedPlan = new(
        Day(-200),
        goals:
        [
            new PlanGoal("Certify engineers", GoalOwner.Both, [new(Day(-50), 0.2), new(Day(-5), 0.5), new(Day(5), 1.0)], new MeasurableTarget(4, "engineers"), Day(-100), Day(100)),
            new PlanGoal("Joint pipeline", GoalOwner.Partner, [new(Day(-150), 0.1), new(Day(-1), 0.2), new(Day(1), 0.9)], dueOn: Day(200)),
            new PlanGoal("Marketing fund", GoalOwner.Vendor, [new GoalCheckIn(Day(-10), 0.9)], new MeasurableTarget(50_000, "USD")),
        ],
        reviews: [new(Day(-200), 0.2), new(Day(-120), 0.4), new(Day(-30)), new(Day(10), 0.9)],
        reviewCadence: TimeSpan.FromDays(90));

    [Fact]
    public void Score_DatedPlan_ReadsEveryValueAsOfTheDay()
    {
        // As of T: G1 expects 100/200 = 0.5 and has 0.5 (−5; the 1.0 of +5 is later) → 1;
        //   G2 expects 200/400 = 0.5 and has 0.2 (−1) → 0.4; G3 has no due day → 0; on track = (1 + 0.4 + 0) / 3.
        // Alignment: the review of −30 recorded none, so 0.4 of −120 holds (0.9 of +10 is later).
        // Freshness: the latest review is −30, within the 90-day cadence → 1.
        // Plan = 100 × (0.15 × 1.4/3 + 0.1 × 1/3 + 0.55 × 0.4 + 0.1 × 1/3 + 0.1 × 1) = 7 + 3.3333 + 22 + 3.3333 + 10 = 45.6667
        var report = Scorer.Score(Empty().With(plan: _ => DatedPlan), T);

        Assert.Equal(1.4 / 3, report.Factor(FactorCodes.PlanGoalsOnTrack)!.Value.Value!.Value, 10);
        Assert.Equal(0.4, report.Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value);
        Assert.Equal(1.0, report.Factor(FactorCodes.PlanFreshness)!.Value.Value);
        Assert.Equal(100 * ((0.15 * 1.4 / 3) + (0.1 / 3) + (0.55 * 0.4) + (0.1 / 3) + 0.1), report[HealthDimension.PlanAlignment].Score!.Value, 9);
        Assert.Equal(45.67, report[HealthDimension.PlanAlignment].Score!.Value, 2);
        Assert.Equal("Last reviewed together 30 days ago; the review cadence is 90 days.", report.Factor(FactorCodes.PlanFreshness)!.Value.Reason);
    }

    [Fact]
    public void Score_DatedPlan_InThePast_SeesNothingRecordedLater()
    {
        // As of −60: G1 expects (−60 + 100) / 200 = 0.2 and has no check-in yet (the first is −50) → 0;
        //   G2 expects (−60 + 200) / 400 = 0.35 and has 0.1 (−150) → 0.1 / 0.35 = 2/7; G3 has no due day → 0;
        //   on track = (0 + 2/7 + 0) / 3 = 2/21.
        // Alignment 0.4 (−120); freshness: 60 days since −120, within the cadence → 1.
        // Plan = 100 × (0.15 × 2/21 + 0.1 × 1/3 + 0.55 × 0.4 + 0.1 × 1/3 + 0.1 × 1) = 1.4286 + 3.3333 + 22 + 3.3333 + 10 = 40.0952
        var past = Day(-60);
        var report = Scorer.Score(Empty().With(plan: _ => DatedPlan), past);

        Assert.Equal(2 / 21.0, report.Factor(FactorCodes.PlanGoalsOnTrack)!.Value.Value!.Value, 10);
        Assert.Equal(0.4, report.Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value);
        Assert.Equal(100 * ((0.15 * 2 / 21) + (0.1 / 3) + (0.55 * 0.4) + (0.1 / 3) + 0.1), report[HealthDimension.PlanAlignment].Score!.Value, 9);
        Assert.Equal(40.10, report[HealthDimension.PlanAlignment].Score!.Value, 2);

        // History reads the plan the same way (DOMAIN rule 19).
        var history = Scorer.History(Empty().With(plan: _ => DatedPlan), past, T, TimeSpan.FromDays(60));
        Assert.Equal(report[HealthDimension.PlanAlignment].Score, history[0][HealthDimension.PlanAlignment].Score);
        Assert.Equal(Scorer.Score(Empty().With(plan: _ => DatedPlan), T)[HealthDimension.PlanAlignment].Score, history[^1][HealthDimension.PlanAlignment].Score);
    }

    [Fact]
    public void Score_DatedPlan_BeforeTheFirstAlignment_ReadsTheFirstOne()
    {
        // As of −150: only the review of −200 is visible: alignment 0.2, 50 days since it → fresh.
        var report = Scorer.Score(Empty(300).With(plan: _ => DatedPlan), Day(-150));

        Assert.Equal(0.2, report.Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value);
        Assert.Equal(1.0, report.Factor(FactorCodes.PlanFreshness)!.Value.Value);
    }

    [Fact]
    public void Score_AlignmentNeverRecordedByTheDay_IsTheFactZero()
    {
        // Reviewed 10 days ago without recording alignment; the one recorded tomorrow is not yet known.
        // Never recorded is the fact 0 (not DOMAIN's "0.5 at certainty 0"), certain as the partnership is
        // mature (100 days ≥ 90): a plan that never asked has shown no alignment. So recording any share,
        // even 0, never lowers the score, and adding a plan never lowers confidence (every plan fact has the
        // certainty of plan.missing).
        // No goals: on track, shared ownership and clarity 0; freshness 1 (reviewed 10 days ago, cadence 90).
        // Plan = 100 × (0.55 × 0 + 0.1 × 1) = 10, confidence 1.
        var plan = new JointPlan(Day(-50), reviews: [new PlanReview(Day(-10)), new PlanReview(Day(1), 0.8)]);
        var recordedZero = new JointPlan(Day(-50), reviews: [new PlanReview(Day(-10), 0.0), new PlanReview(Day(1), 0.8)]);

        var report = Scorer.Score(Empty().With(plan: _ => plan), T);
        var alignment = report.Factor(FactorCodes.PlanBusinessAlignment)!.Value;

        Assert.Equal(0.0, alignment.Value);
        Assert.Equal(0.0, alignment.EvidenceWeight);
        Assert.Equal(1.0, alignment.Confidence);
        Assert.Equal("No business alignment recorded yet: ask what share of the partner's business is aligned to ours.", alignment.Reason);
        Assert.Equal(10.0, report[HealthDimension.PlanAlignment].Score!.Value, 9);
        Assert.Equal(1.0, report[HealthDimension.PlanAlignment].Confidence, 12);

        // Recording 0 changes the count behind the factor, not the score or the confidence.
        var zero = Scorer.Score(Empty().With(plan: _ => recordedZero), T);
        Assert.Equal((0.0, 1.0), (zero.Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value, zero.Factor(FactorCodes.PlanBusinessAlignment)!.Value.EvidenceWeight));
        Assert.Equal(report[HealthDimension.PlanAlignment].Score, zero[HealthDimension.PlanAlignment].Score);
        Assert.Equal(report[HealthDimension.PlanAlignment].Confidence, zero[HealthDimension.PlanAlignment].Confidence);

        // Tomorrow 0.8 is recorded (and the plan reviewed): 100 × (0.55 × 0.8 + 0.1 × 1) = 44 + 10 = 54.
        var tomorrow = Scorer.Score(Empty().With(plan: _ => plan), Day(1));
        Assert.Equal(0.8, tomorrow.Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value);
        Assert.Equal(54.0, tomorrow[HealthDimension.PlanAlignment].Score!.Value, 9);
    }

    [Fact]
    public void Score_AlignmentNeverRecorded_InAYoungPartnership_IsCertainOnlyAsItMatures()
    {
        // Started 45 days ago: every plan fact, alignment never recorded included, has certainty 45 / 90 = 0.5.
        var plan = new JointPlan(Day(-40), reviews: [new PlanReview(Day(-10))]);

        var report = Scorer.Score(Empty(45).With(plan: _ => plan), T);

        Assert.Equal((0.0, 0.5), (report.Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value, report.Factor(FactorCodes.PlanBusinessAlignment)!.Value.Confidence));
        Assert.Equal(0.5, report[HealthDimension.PlanAlignment].Confidence, 12);
    }

    [Fact]
    public void Score_PlanWithoutReviews_IsFreshFromItsCreationDay()
    {
        // Never reviewed: freshness counts from creation, 120 days ago → 2^(−30/90).
        var plan = new JointPlan(Day(-120));

        var freshness = Scorer.Score(Empty(200).With(plan: _ => plan), T).Factor(FactorCodes.PlanFreshness)!.Value;

        Assert.Equal(Math.Pow(2, -30 / 90.0), freshness.Value!.Value, 12);
    }

    /// <summary>
    /// DOMAIN section 3.2: freshness is 1 while the latest review is within the cadence (90 days), then halves every further
    /// cadence, 2^(−(a − 90) / 90): 1 at 89 and 90 days, 2^(−1/2) at 135, 1/2 at 180, 1/4 at 270.
    /// </summary>
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(89, 1.0)]
    [InlineData(90, 1.0)]
    [InlineData(135, 0.70710678118654757)]
    [InlineData(180, 0.5)]
    [InlineData(270, 0.25)]
    public void Score_Freshness_IsOneWithinTheCadence_ThenHalvesEveryFurtherCadence(int reviewedDaysAgo, double expected)
    {
        var plan = new JointPlan(Day(-300), reviews: [new PlanReview(Day(-reviewedDaysAgo), 0.5)]);

        var freshness = Scorer.Score(Empty(365).With(plan: _ => plan), T).Factor(FactorCodes.PlanFreshness)!.Value;

        Assert.Equal(expected, freshness.Value!.Value, 12);
    }
}
