using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
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

    /// <summary>The report as of <see cref="Examples.T"/>, scored directly and as the last point of a history.</summary>
    private static HealthReport[] BothWays(Partnership partnership) =>
        [Scorer.Score(partnership, T), Scorer.History(partnership, T, T, TimeSpan.FromDays(1))[^1]];
}
