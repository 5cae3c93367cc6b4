using PartnerMetrics.Evidence;
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
    public void AsOf_CreationDay_InitialAlignmentReviewedOnCreationGoalsAtZero()
    {
        var day = new DateOnly(2024, 1, 10);
        var plan = History.AsOf(day)!;

        Assert.Equal([new PlanReview(day, 0.4)], plan.Reviews.ToArray());
        Assert.Equal(0.4, plan.BusinessAlignmentOn(day));
        Assert.Equal([("Pipeline", 0.0)], plan.Goals.Select(g => (g.Title, g.ProgressOn(day))));
    }

    [Fact]
    public void AsOf_BetweenEntries_LatestReviewAndCheckInOnOrBeforeTheDay()
    {
        // 2024-07-09: the April review (0.6) and the May check-in (0.5) are the latest; the July review and goal are still ahead.
        var (dayBefore, day) = (new DateOnly(2024, 7, 9), new DateOnly(2024, 7, 10));
        var before = History.AsOf(dayBefore)!;
        var on = History.AsOf(day)!;

        Assert.Equal((0.6, new DateOnly(2024, 4, 10)), (before.BusinessAlignmentOn(dayBefore), before.LastReviewedOn(dayBefore)));
        Assert.Equal([("Pipeline", 0.5)], before.Goals.Select(g => (g.Title, g.ProgressOn(dayBefore))));
        Assert.Equal((0.8, day), (on.BusinessAlignmentOn(day), on.LastReviewedOn(day)));
        Assert.Equal([("Pipeline", 0.5), ("Certify", 0.0)], on.Goals.Select(g => (g.Title, g.ProgressOn(day))));
        Assert.Equal(new DateOnly(2024, 1, 10), on.CreatedOn);
    }

    [Fact]
    public void AsOf_HoldsNoEntryDatedAfterTheDay_AndKeepsTheDatedHistoryBeforeIt()
    {
        var day = new DateOnly(2024, 6, 1);
        var plan = History.AsOf(day)!;

        Assert.Equal([new DateOnly(2024, 1, 10), new DateOnly(2024, 4, 10)], plan.Reviews.Select(r => r.On));
        Assert.Equal([new DateOnly(2024, 2, 10), new DateOnly(2024, 5, 10)], Assert.Single(plan.Goals).CheckIns.Select(c => c.On));

        // Read as of an earlier day, the same plan gives the values of that day.
        Assert.Equal(0.1, plan.Goals[0].ProgressOn(new DateOnly(2024, 3, 1)));
        Assert.Equal(0.4, plan.BusinessAlignmentOn(new DateOnly(2024, 3, 1)));
    }
}
