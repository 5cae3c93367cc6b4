using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>Plan alignment at its edges: counts that a symmetric example could not tell apart, and days that fall exactly on a boundary.</summary>
public class PlanGoalEdgeTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void Goals_AreCountedByOwnerTargetAndProgress()
    {
        // Half-way through each goal's 200 days, so each is expected at 0.5:
        //   G1 both sides, measurable, 0.5 → on track (1); G2 partner, measurable, 0.9 → on track (1);
        //   G3 vendor, due day only, 0.25 → behind (0.5); G4 partner, no target and no due day → counts 0 (left out until
        //   model 2.5, which made 2.5 / 3 of it: dropping a lagging goal's due day lifted the score).
        //   (1 + 1 + 0.5 + 0) / 4 = 0.625.
        var plan = new JointPlan(
            Day(-150),
            0.5,
            [
                new PlanGoal("G1", GoalOwner.Both, 0.5, new MeasurableTarget(4, "engineers"), Day(-100), Day(100)),
                new PlanGoal("G2", GoalOwner.Partner, 0.9, new MeasurableTarget(10, "deals"), Day(-100), Day(100)),
                new PlanGoal("G3", GoalOwner.Vendor, 0.25, startsOn: Day(-100), dueOn: Day(100)),
                new PlanGoal("G4", GoalOwner.Partner, 0.1),
            ]);

        var report = Scorer.Score(Empty().With(plan: _ => plan), T);

        var onTrack = report.Factor(FactorCodes.PlanGoalsOnTrack)!.Value;
        Assert.Equal(2.5 / 4, onTrack.Value!.Value, 9);
        Assert.Equal("2 of 4 goals at or ahead of the progress their elapsed time expects; 1 goal without a due day counted as behind.", onTrack.Reason);
        Assert.Equal("1 of 4 goals owned by both sides.", report.Factor(FactorCodes.PlanSharedOwnership)!.Value.Reason);
        Assert.Equal("2 of 4 goals have a measurable target and a due day.", report.Factor(FactorCodes.PlanClarity)!.Value.Reason);
    }

    [Fact]
    public void DroppingALaggingGoalsDueDay_NeverRaisesTheScore()
    {
        // A shared, measurable goal on track, and one due today at 5 %: on track (1 + 0.05) / 2 = 0.525. Without its due
        // day the lagging goal counts 0: (1 + 0) / 2 = 0.5. Left out until model 2.5, it made 1.0 and lifted the score.
        JointPlan Plan(DateOnly? laggingDue) => new(
            Day(-200),
            0.6,
            [
                new PlanGoal("A", GoalOwner.Both, 0.6, new MeasurableTarget(5, "deals"), Day(-100), Day(100)),
                new PlanGoal("B", GoalOwner.Partner, 0.05, dueOn: laggingDue, startsOn: laggingDue is null ? null : Day(-100)),
            ]);
        var dated = Scorer.Score(Empty(365).With(plan: _ => Plan(T)), T);
        var undated = Scorer.Score(Empty(365).With(plan: _ => Plan(null)), T);

        Assert.Equal(0.525, dated.Factor(FactorCodes.PlanGoalsOnTrack)!.Value.Value!.Value, 12);
        Assert.Equal(0.5, undated.Factor(FactorCodes.PlanGoalsOnTrack)!.Value.Value!.Value, 12);
        Assert.True(undated.Score <= dated.Score, $"{undated.Score} > {dated.Score}");
    }

    [Fact]
    public void APlanMadeAndReviewedToday_Counts()
    {
        var report = Scorer.Score(Empty().With(plan: _ => new JointPlan(T, 0.5, lastReviewedOn: T)), T);

        Assert.Null(report.Factor(FactorCodes.PlanMissing));
        Assert.Equal("Last reviewed together today; the review cadence is 90 days.", report.Factor(FactorCodes.PlanFreshness)!.Value.Reason);
    }

    [Fact]
    public void AReviewToday_IsTheLastReview()
    {
        var report = Scorer.Score(Empty().With(plan: _ => new JointPlan(Day(-300), 0.5, lastReviewedOn: T)), T);

        Assert.Equal(1.0, report.Factor(FactorCodes.PlanFreshness)!.Value.Value);
    }

    [Theory]
    [InlineData(1, 0.0)]    // due tomorrow: nothing is expected yet, so it is left out, and no goal is measured (the fact 0)
    [InlineData(0, 0.4)]    // due today: all of it is expected
    [InlineData(-1, 0.4)]   // overdue
    public void AGoalThatStartsOnItsDueDay_IsExpectedWhole_FromThatDay(int dueInDays, double expectedRatio)
    {
        var plan = new JointPlan(Day(-50), 0.5, [new PlanGoal("G", GoalOwner.Both, 0.4, startsOn: Day(dueInDays), dueOn: Day(dueInDays))]);

        var report = Scorer.Score(Empty().With(plan: _ => plan), T);

        Assert.Equal(expectedRatio, report.Factor(FactorCodes.PlanGoalsOnTrack)!.Value.Value!.Value, 9);
    }

    /// <summary>
    /// A goal that expects no progress yet (it starts today or later) is neither on track nor behind: it is left out of
    /// goals on track, so planning next quarter's goals does not lift this quarter's score (it was counted as on track,
    /// 0.1 → 0.55 here). Shared ownership and clarity still count it: it is part of the plan.
    /// </summary>
    [Theory]
    [InlineData(0)]     // starts today: nothing elapsed
    [InlineData(60)]    // next quarter
    public void AGoalNotYetStarted_IsLeftOutOfGoalsOnTrack(int startsInDays)
    {
        var behind = new PlanGoal("Behind", GoalOwner.Partner, [new GoalCheckIn(Day(-10), 0.05)], null, Day(-100), Day(100));
        var later = new PlanGoal("Next quarter", GoalOwner.Both, [], new MeasurableTarget(3, "deals"), Day(startsInDays), Day(150));
        JointPlan Plan(params PlanGoal[] goals) => new(Day(-200), goals, [new PlanReview(Day(-10), 0.5)]);

        var alone = Scorer.Score(Empty().With(plan: _ => Plan(behind)), T).Factor(FactorCodes.PlanGoalsOnTrack)!.Value;
        var both = Scorer.Score(Empty().With(plan: _ => Plan(behind, later)), T).Factor(FactorCodes.PlanGoalsOnTrack)!.Value;

        // Expected 100 / 200 = 0.5 of the first goal, which is at 0.05: on track 0.05 / 0.5 = 0.1.
        Assert.Equal(0.1, alone.Value!.Value, 12);
        Assert.Equal(alone.Value, both.Value);
        Assert.Equal("0 of 1 goals at or ahead of the progress their elapsed time expects; 1 goal not yet started left out.", both.Reason);
    }

    [Theory]
    [InlineData(1, "No plan goal expects progress yet: 1 goal with a due day starts today or later.")]
    [InlineData(2, "No plan goal expects progress yet: 2 goals with a due day start today or later.")]
    public void OnlyGoalsNotYetStarted_SayThatNoneExpectsProgressYet(int goals, string reason)
    {
        var plan = new JointPlan(Day(-200), Enumerable.Range(0, goals).Select(i => new PlanGoal($"Next quarter {i}", GoalOwner.Both, [], null, Day(30), Day(120))));

        var factor = Scorer.Score(Empty().With(plan: _ => plan), T).Factor(FactorCodes.PlanGoalsOnTrack)!.Value;

        Assert.Equal(0.0, factor.Value);
        Assert.Equal(reason, factor.Reason);
    }
}
