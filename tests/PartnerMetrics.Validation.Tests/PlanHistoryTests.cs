using PartnerMetrics.Partners;
using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Tests;

public sealed class PlanHistoryTests
{
    private static readonly PlanHistory History = new(
        new DateOnly(2024, 1, 10),
        0.4,
        [new PlanReview(new DateOnly(2024, 4, 10), 0.6), new PlanReview(new DateOnly(2024, 7, 10), 0.8)],
        [
            new GoalHistory("Pipeline", GoalOwner.Both, null, new DateOnly(2024, 1, 10), new DateOnly(2024, 12, 31), [new GoalCheckIn(new DateOnly(2024, 2, 10), 0.1), new GoalCheckIn(new DateOnly(2024, 5, 10), 0.5)]),
            new GoalHistory("Certify", GoalOwner.Partner, null, new DateOnly(2024, 7, 10), null, [new GoalCheckIn(new DateOnly(2024, 8, 10), 0.3)]),
        ]);

    [Fact]
    public void AsOf_BeforeCreation_NoPlan() => Assert.Null(History.AsOf(new DateOnly(2024, 1, 9)));

    [Fact]
    public void AsOf_CreationDay_InitialAlignmentNoReviewGoalsAtZero()
    {
        var plan = History.AsOf(new DateOnly(2024, 1, 10))!;

        Assert.Equal(0.4, plan.BusinessAlignment);
        Assert.Null(plan.LastReviewedOn);
        Assert.Equal([("Pipeline", 0.0)], plan.Goals.Select(g => (g.Title, g.Progress)));
    }

    [Fact]
    public void AsOf_BetweenEntries_LatestReviewAndCheckInOnOrBeforeTheDay()
    {
        // 2024-07-09: the April review (0.6) and the May check-in (0.5) are the latest; the July review and goal are still ahead.
        var before = History.AsOf(new DateOnly(2024, 7, 9))!;
        var on = History.AsOf(new DateOnly(2024, 7, 10))!;

        Assert.Equal((0.6, new DateOnly(2024, 4, 10)), (before.BusinessAlignment, before.LastReviewedOn));
        Assert.Equal([("Pipeline", 0.5)], before.Goals.Select(g => (g.Title, g.Progress)));
        Assert.Equal((0.8, new DateOnly(2024, 7, 10)), (on.BusinessAlignment, on.LastReviewedOn));
        Assert.Equal([("Pipeline", 0.5), ("Certify", 0.0)], on.Goals.Select(g => (g.Title, g.Progress)));
        Assert.Equal(new DateOnly(2024, 1, 10), on.CreatedOn);
    }
}
