using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>Every kind of dated evidence is activity for the weekly cadence, on the day it happened.</summary>
public class WeeklyCadenceTests
{
    private readonly HealthScorer scorer = new();

    /// <summary>
    /// One piece of evidence whose only day inside the last twelve weeks is ten days ago (anything
    /// else about it is more than a year old), so exactly one week is active.
    /// </summary>
    private static readonly Dictionary<string, Func<Partnership>> OneActiveWeekCases = new()
    {
        ["a deal closed"] = () => Empty(400).With(opportunities: [OldDeal(closedOn: Day(-10))]),
        ["a deal updated"] = () => Empty(400).With(opportunities: [OldDeal(lastUpdatedOn: Day(-10))]),
        ["a commitment resolved"] = () => Empty(400).With(commitments: [new Commitment(Side.Partner, Day(-300), CommitmentOutcome.KeptLate, Day(-10))]),
        ["an interaction"] = () => Empty(400).With(interactions: [new Interaction(Day(-10), InteractionKind.Meeting, Side.Vendor)]),
        ["a certification obtained"] = () => Empty(400).With(certifications: [new Certification("Azure", Day(-10))]),
        ["a delivery"] = () => Empty(400).With(deliveries: [new Delivery(Day(-10), true, 0.9)]),
        ["a plan made"] = () => Empty(400).With(plan: _ => new JointPlan(Day(-10), 0.5)),
        ["a plan reviewed"] = () => Empty(400).With(plan: _ => new JointPlan(Day(-300), 0.5, lastReviewedOn: Day(-10))),
    };

    public static TheoryData<string> OneActiveWeek => [.. OneActiveWeekCases.Keys];

    [Theory]
    [MemberData(nameof(OneActiveWeek))]
    public void Evidence_OnADay_MakesItsWeekActive(string kind)
    {
        var cadence = scorer.Score(OneActiveWeekCases[kind](), T).Factor(FactorCodes.ProgressWeeklyCadence)!.Value;

        Assert.True(cadence.Reason == "Activity logged in 1 of the last 12 weeks.", $"{kind}: {cadence.Reason}");
    }

    [Fact]
    public void EveryPlanReview_IsActivity_ButACheckInIsNot()
    {
        // Created and first reviewed 300 days ago (outside the 12 weeks); reviewed again 30 and 10
        // days ago: two active weeks, not only the latest review's. The check-in of 50 days ago is
        // an update of the plan, not activity of its own.
        var plan = new JointPlan(
            Day(-300),
            [new PlanGoal("G", GoalOwner.Both, [new GoalCheckIn(Day(-50), 0.3)])],
            [new PlanReview(Day(-300), 0.4), new PlanReview(Day(-30)), new PlanReview(Day(-10), 0.5)]);

        var cadence = scorer.Score(Empty(400).With(plan: _ => plan), T).Factor(FactorCodes.ProgressWeeklyCadence)!.Value;

        Assert.Equal("Activity logged in 2 of the last 12 weeks.", cadence.Reason);
    }

    private static Opportunity OldDeal(DateOnly? lastUpdatedOn = null, DateOnly? closedOn = null) =>
        new(new OpportunityId("D-1"), new AccountId("A-1"), Day(-380), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            closedOn is null ? DealOutcome.Open : DealOutcome.Won, 100m, Id, "North", registeredOn: Day(-380), lastUpdatedOn: lastUpdatedOn, closedOn: closedOn);
}
