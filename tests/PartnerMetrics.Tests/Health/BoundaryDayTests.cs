using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// Evidence that falls exactly on a boundary, scored both ways: by <see cref="HealthScorer.Score"/>
/// and by the incremental sweep behind <see cref="HealthScorer.History"/>, which must agree.
/// </summary>
public class BoundaryDayTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void ARequestAnsweredExactlyAtTheTarget_IsAnsweredInTime()
    {
        // The response target is 2 days.
        var partnership = Empty().With(interactions: [new Interaction(Day(-10), InteractionKind.Request, Side.Partner, TimeSpan.FromDays(2))]);
        var inADay = Scorer.Score(Empty().With(interactions: [new Interaction(Day(-10), InteractionKind.Request, Side.Partner, TimeSpan.FromDays(1))]), T);

        foreach (var report in BothWays(partnership))
        {
            Assert.Equal(inADay.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Value, report.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Value);
            Assert.Equal("1 of 1 partner requests answered by the vendor within 2 days; 0 unanswered.", report.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Reason);
        }
    }

    [Fact]
    public void Reciprocity_CountsBothSidesInitiatives()
    {
        var partnership = Empty().With(interactions:
        [
            new Interaction(Day(-10), InteractionKind.Meeting, Side.Partner),
            new Interaction(Day(-20), InteractionKind.Meeting, Side.Partner),
            new Interaction(Day(-30), InteractionKind.Meeting, Side.Vendor),
        ]);

        foreach (var report in BothWays(partnership))
        {
            Assert.Equal("2 of 3 meetings, calls, emails and joint events initiated by the partner.", report.Factor(FactorCodes.CooperationReciprocity)!.Value.Reason);
        }
    }

    [Theory]
    [InlineData(-6)]    // the first day of this week's window
    [InlineData(-7)]    // the last day of the week before
    [InlineData(-13)]   // the first day of the week before
    [InlineData(0)]     // today
    public void TheOnlyActivity_OnTheEdgeOfACadenceWeek_CountsOnce(int day)
    {
        var partnership = Empty().With(interactions: [new Interaction(Day(day), InteractionKind.Meeting, Side.Partner)]);

        foreach (var report in BothWays(partnership))
        {
            Assert.Equal("Activity logged in 1 of the last 12 weeks.", report.Factor(FactorCodes.ProgressWeeklyCadence)!.Value.Reason);
        }
    }

    [Fact]
    public void ARequestAnsweredLate_OnTheDayTheTargetEnds_IsAnsweredLate()
    {
        // A 36-hour target ends on the second day; an answer after 40 hours is known that same day, and late.
        var model = HealthModel.Default with { ResponseTarget = TimeSpan.FromHours(36) };
        var partnership = Empty().With(interactions: [new Interaction(Day(-10), InteractionKind.Request, Side.Partner, TimeSpan.FromHours(40))]);

        foreach (var report in BothWays(partnership, model))
        {
            Assert.Equal("0 of 1 partner requests answered by the vendor within 1.5 days; 0 unanswered.", report.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Reason);
        }
    }

    [Fact]
    public void AnUnansweredRequest_CountsAgainstTheSideAsked()
    {
        // Asked by the vendor, so the partner is to answer: the partner's responsiveness holds it as unanswered, the vendor's does not.
        var partnership = Empty().With(interactions: [new Interaction(Day(-10), InteractionKind.Request, Side.Vendor)]);

        foreach (var report in BothWays(partnership))
        {
            Assert.Equal("0 of 1 vendor requests answered by the partner within 2 days; 1 unanswered.", report.Factor(FactorCodes.CooperationPartnerResponsiveness)!.Value.Reason);
            Assert.Equal("No partner requests due an answer from the vendor yet.", report.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Reason);
        }
    }

    [Theory]
    [InlineData(14, 14, "1 of 1 escalations resolved within 14 days; 0 still open.")]   // exactly at a whole-day target: in time
    [InlineData(15, 14, "0 of 1 escalations resolved within 14 days; 0 still open.")]
    [InlineData(2, 1.5, "0 of 1 escalations resolved within 1.5 days; 0 still open.")]   // past a 36-hour target, on the day it ends: late
    [InlineData(1, 1.5, "1 of 1 escalations resolved within 1.5 days; 0 still open.")]
    public void AnEscalationResolvedAroundTheTarget_IsInTimeOnlyWithinIt(int days, double targetDays, string reason)
    {
        var model = HealthModel.Default with { ResolutionTarget = TimeSpan.FromDays(targetDays) };
        var partnership = Empty().With(interactions: [new Interaction(Day(-30), InteractionKind.Escalation, Side.Partner, resolvedOn: Day(-30 + days))]);

        foreach (var report in BothWays(partnership, model))
        {
            Assert.Equal(reason, report.Factor(FactorCodes.CooperationFrictionHandling)!.Value.Reason);
        }
    }

    [Theory]
    [InlineData(-6)]    // the first day of this week's window: found exactly, at the start of the sorted days
    [InlineData(-7)]
    [InlineData(-13)]
    [InlineData(0)]
    [InlineData(1)]     // after the day: seen by no week
    [InlineData(-84)]   // before the twelve weeks
    public void TheOnlyActivity_InAHistoryOfFewPointsOverCenturies_CountsAsScoreCountsIt(int day)
    {
        // Two points 100,000 days apart: too far for a running count per day, so the history searches the sorted activity days.
        var partnership = new Partnership(Examples.Partner, T.AddDays(-100_000), interactions: [new Interaction(Day(day), InteractionKind.Meeting, Side.Partner)]);

        var history = Scorer.History(partnership, T.AddDays(-100_000), T, TimeSpan.FromDays(100_000));

        Assert.Equal(T, history[^1].AsOf);
        HealthHistoryTests.AssertSame(Scorer.Score(partnership, T), history[^1]);
        Assert.Equal(day is <= 0 and > -84 ? "Activity logged in 1 of the last 12 weeks." : "Activity logged in 0 of the last 12 weeks.", history[^1].Factor(FactorCodes.ProgressWeeklyCadence)!.Value.Reason);
    }

    [Fact]
    public void ADeliveryExactlyAtTheSatisfactionThreshold_IsDeliveredWell()
    {
        // The default threshold is 0.7: a delivery on time at exactly 0.7 meets it.
        var partnership = Empty().With(deliveries: [new Delivery(Day(-10), true, 0.7)]);

        foreach (var report in BothWays(partnership))
        {
            Assert.Equal("1 of 1 deliveries on time with satisfaction of at least 0.7.", report.Factor(FactorCodes.CompetencyDeliveryReliability)!.Value.Reason);
        }
    }

    [Theory]
    [InlineData(7, "1 of 1 deals registered within 7 days of originating.")]    // the last day of the window
    [InlineData(8, "0 of 1 deals registered within 7 days of originating.")]
    public void ADealRegisteredAtTheEndOfTheWindow_IsOnTimeOnlyWithinIt(int days, string reason)
    {
        var partnership = Empty().With(opportunities: [Deal(Day(-20), registeredOn: Day(-20 + days))]);

        foreach (var report in BothWays(partnership))
        {
            Assert.Equal(reason, report.Factor(FactorCodes.ProgressRegistrationTimeliness)!.Value.Reason);
        }
    }

    [Theory]
    [InlineData(-10, 30, "1 of 1 open deals updated in the last 14 days.")]   // the update lies ahead: fresh for 15 days from its creation
    [InlineData(-15, 30, "0 of 1 open deals updated in the last 14 days.")]   // the update lies ahead and the 15 days from its creation have passed
    [InlineData(-20, -2, "1 of 1 open deals updated in the last 14 days.")]   // updated two days ago
    [InlineData(-20, -14, "1 of 1 open deals updated in the last 14 days.")]  // updated 14 days ago: the last day of the window
    [InlineData(-20, -15, "0 of 1 open deals updated in the last 14 days.")]  // updated 15 days ago
    [InlineData(-14, 30, "1 of 1 open deals updated in the last 14 days.")]   // the update lies ahead: created 14 days ago, the last day it is fresh
    public void ADealUpdatedAfterItsCreation_IsFreshFromItsCreationAndFromTheUpdate(int createdOn, int updatedOn, string reason)
    {
        var partnership = Empty().With(opportunities: [Deal(Day(createdOn), lastUpdatedOn: Day(updatedOn))]);

        foreach (var report in BothWays(partnership))
        {
            Assert.Equal(reason, report.Factor(FactorCodes.ProgressPipelineFreshness)!.Value.Reason);
        }
    }

    private static Opportunity Deal(DateOnly createdOn, DateOnly? registeredOn = null, DateOnly? lastUpdatedOn = null) => new(
        new OpportunityId("O-1"), new AccountId("A-1"), createdOn, DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
        partnerId: Id, registeredOn: registeredOn, lastUpdatedOn: lastUpdatedOn);

    /// <summary>The report as of <see cref="Examples.T"/>, scored directly and as the last point of a history.</summary>
    private static HealthReport[] BothWays(Partnership partnership) =>
        [Scorer.Score(partnership, T), Scorer.History(partnership, T, T, TimeSpan.FromDays(1))[^1]];

    /// <summary>The report as of <see cref="Examples.T"/> under <paramref name="model"/>, scored directly and as the last point of a history.</summary>
    private static HealthReport[] BothWays(Partnership partnership, HealthModel model)
    {
        var scorer = new HealthScorer(model);
        return [scorer.Score(partnership, T), scorer.History(partnership, T, T, TimeSpan.FromDays(1))[^1]];
    }
}
