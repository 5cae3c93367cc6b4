using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Insights;

public class MomentumTests
{
    private static readonly PartnershipAdvisor Advisor = new(new HealthScorer());
    private static readonly int[] BeforeTheEvent = [65, 70, 80, 89];
    private static readonly int[] EarlyCalls = [0, 7, 14, 21, 30, 45, 59];

    /// <summary>Calls on the given days before the as-of day (0 = the as-of day).</summary>
    private static Partnership CallsOn(params int[] daysAgo) =>
        Empty(400).With(interactions: daysAgo.Select(d => new Interaction(Day(-d), InteractionKind.Call, Side.Vendor)));

    [Fact]
    public void Read_NoActivityForThirtyDays_IsStalled()
    {
        // Recent window: days 0–29 back (none); baseline: days 30–119 back (three calls).
        var reading = Advisor.Momentum(CallsOn(30, 60, 119), T);

        Assert.Equal(MomentumState.Stalled, reading.State);
        Assert.Equal((0, 3), (reading.RecentActivities, reading.BaselineActivities));
    }

    [Fact]
    public void Read_RecentRateWellAboveBaseline_IsAccelerating()
    {
        // 3 calls in 30 days = 0.1 a day; 3 in the 90 before = 0.0333 a day: ratio 3 ≥ 1.25.
        var reading = Advisor.Momentum(CallsOn(1, 5, 29, 40, 80, 100), T);

        Assert.Equal(MomentumState.Accelerating, reading.State);
        Assert.Equal(0.1, reading.RecentRate, 12);
        Assert.Equal(3 / 90.0, reading.BaselineRate, 12);
    }

    [Fact]
    public void Read_SameRate_IsSteady()
    {
        // 1 call in 30 days and 3 in the 90 before: both 1/30 a day, ratio 1.
        Assert.Equal(MomentumState.Steady, Advisor.Momentum(CallsOn(10, 40, 70, 100), T).State);
    }

    [Fact]
    public void Read_RecentRateFallen_IsSlowing()
    {
        // 1 call in 30 days (1/30 a day) against 9 in the 90 before (1/10 a day): ratio 1/3 ≤ 0.75.
        Assert.Equal(MomentumState.Slowing, Advisor.Momentum(CallsOn(10, 31, 40, 50, 60, 70, 80, 90, 100, 110), T).State);
    }

    [Fact]
    public void Read_FirstActivityEver_IsUnknown() =>
        Assert.Equal(MomentumState.Unknown, Advisor.Momentum(CallsOn(3), T).State);

    [Fact]
    public void Read_TwoDataPoints_IsUnknown()
    {
        // Issue 15: "Accelerating" on two data points. Two recent calls and none before: 2 < 4 activities in the 120 days.
        var reading = Advisor.Momentum(CallsOn(3, 10), T);

        Assert.Equal(MomentumState.Unknown, reading.State);
        Assert.Equal((2, 0), (reading.RecentActivities, reading.BaselineActivities));
    }

    [Fact]
    public void Read_ADealsRecordOnOneDay_IsOneActivity()
    {
        // Two deals entered 3 and 10 days ago, each last modified the day it was entered (a CRM's last modified date before
        // anyone edits the deal): two activities, not four, so too few to compare (4 are needed).
        var entered = Deals((3, 3, null), (10, 10, null));
        Assert.Equal((2, 0), (entered.RecentActivities, entered.BaselineActivities));
        Assert.Equal(MomentumState.Unknown, entered.State);

        // A deal entered 40 days ago and closed 3 days ago, its last modification the close: two days, two activities.
        // Edited again a day after it closed: three. And one entered 5 days ago, modified then, and updated 2 days ago: two.
        Assert.Equal((1, 1), Count(Deals((40, 3, 3))));
        Assert.Equal((2, 1), Count(Deals((40, 2, 3))));
        Assert.Equal((2, 0), Count(Deals((5, 2, null))));

        static (int, int) Count(MomentumReading reading) => (reading.RecentActivities, reading.BaselineActivities);

        static MomentumReading Deals(params (int Entered, int Modified, int? Closed)[] deals) => Advisor.Momentum(
            Empty(400).With(opportunities: deals.Select((d, i) => new Opportunity(
                new OpportunityId($"O-{i}"),
                new AccountId("A-1"),
                Day(-d.Entered),
                DealMotion.NewLogo,
                DealSource.PartnerSourced,
                RouteToMarket.Partner,
                d.Closed is null ? DealOutcome.Open : DealOutcome.Won,
                amount: 1_000m,
                partnerId: new PartnerId("P-1"),
                lastUpdatedOn: Day(-d.Modified),
                closedOn: d.Closed is { } closed ? Day(-closed) : null))),
            T);
    }

    [Fact]
    public void Read_FourActivities_CompareTheirRates()
    {
        // Four is enough: 2 recent (2/30 a day) against 2 in the baseline (2/90 a day), ratio 3 ≥ 1.25.
        Assert.Equal(MomentumState.Accelerating, Advisor.Momentum(CallsOn(3, 10, 40, 100), T).State);
        Assert.Equal(MomentumState.Unknown, Advisor.Momentum(CallsOn(3, 10, 40), T).State);
    }

    [Fact]
    public void Read_ActivityAfterNone_IsAccelerating()
    {
        // docs/insights.md, the Accelerating row: "or activity after none". A partnership 400 days old with four calls in the
        // recent window and none in the 90 days before it: 4 activities in the 120 days is enough, the baseline rate is 0
        // over all of its 90 days, and any recent rate is above it.
        var reading = Advisor.Momentum(CallsOn(0, 9, 18, 29), T);

        Assert.Equal((4, 0), (reading.RecentActivities, reading.BaselineActivities));
        Assert.Equal((4.0 / 30, 0.0), (reading.RecentRate, reading.BaselineRate));
        Assert.Equal(MomentumState.Accelerating, reading.State);
    }

    [Theory]
    [InlineData(-1, 0, 0)]  // tomorrow: after the as-of day, in neither window
    [InlineData(0, 1, 0)]   // the as-of day: the first day of the recent window
    [InlineData(29, 1, 0)]  // the 30th day back to today, the last of the recent window
    [InlineData(30, 0, 1)]  // the first day of the baseline
    [InlineData(119, 0, 1)] // the 90th day of the baseline, the last of the 120 days
    [InlineData(120, 0, 0)] // before both windows
    public void Read_TheWindowsEdges_AreThe30DaysToTheAsOfDayAndThe90BeforeThem(int daysAgo, int recent, int baseline)
    {
        // docs/insights.md: the recent window is the last 30 days, the as-of day included, and the baseline the 90 days
        // before it; together the 120 days of DOMAIN section 3.3.
        var reading = Advisor.Momentum(CallsOn(daysAgo), T);

        Assert.Equal((recent, baseline), (reading.RecentActivities, reading.BaselineActivities));
    }

    [Fact]
    public void Read_YoungPartnershipAtAnEvenPace_IsSteady_ItsBaselineOnlyTheDaysItExisted()
    {
        // Started 39 days ago (days 0–39 back), a call every third day: 10 in the recent 30 days (0, 3, …, 27), 4 in the
        // 10 days of the baseline it existed on (30, 33, 36, 39). 10/30 against 4/10 a day: 0.83 of the rate, Steady.
        // Over the whole 90-day baseline, 4/90 a day, it read 7.5 times the rate: Accelerating.
        var young = Empty(39).With(interactions: Enumerable.Range(0, 14).Select(k => new Interaction(Day(-3 * k), InteractionKind.Call, Side.Vendor)));

        var reading = Advisor.Momentum(young, T);

        Assert.Equal(MomentumState.Steady, reading.State);
        Assert.Equal((10, 4), (reading.RecentActivities, reading.BaselineActivities));
        Assert.Equal((10.0 / 30, 4.0 / 10), (reading.RecentRate, reading.BaselineRate));
    }

    [Fact]
    public void Read_YoungerThanTheRecentWindow_HasNoBaseline_IsUnknown()
    {
        // Started 20 days ago with eight calls: busy, but there is no time before the recent window to compare it with.
        var young = Empty(20).With(interactions: Enumerable.Range(0, 8).Select(k => new Interaction(Day(-2 * k), InteractionKind.Call, Side.Vendor)));

        var reading = Advisor.Momentum(young, T);

        Assert.Equal(MomentumState.Unknown, reading.State);
        Assert.Equal((8, 0), (reading.RecentActivities, reading.BaselineActivities));
        Assert.Equal((8.0 / 21, 0.0), (reading.RecentRate, reading.BaselineRate));
    }

    [Fact]
    public void Read_ActivityLoggedBeforeTheStart_CountsTheDaysFromIt()
    {
        // Started 20 days ago on paper, but calls were logged from 59 days back: the partnership existed from then, so the
        // baseline has 30 days (30–59 back) with 3 calls, against 4 in the recent 30. 4/30 against 3/30: ratio 1.33, Accelerating.
        var early = Empty(20).With(interactions: EarlyCalls.Select(d => new Interaction(Day(-d), InteractionKind.Call, Side.Vendor)));

        var reading = Advisor.Momentum(early, T);

        Assert.Equal(MomentumState.Accelerating, reading.State);
        Assert.Equal((4.0 / 30, 3.0 / 30), (reading.RecentRate, reading.BaselineRate));
    }

    [Fact]
    public void Read_NothingRecent_IsStalledOnlyOnceThePartnershipIsAsOldAsTheWindow()
    {
        // Nothing in the last 30 days is a fact, however little came before — but not for a partnership 10 days old.
        Assert.Equal(MomentumState.Stalled, Advisor.Momentum(CallsOn(), T).State);
        Assert.Equal(MomentumState.Unknown, Advisor.Momentum(Empty(10), T).State);
        Assert.Equal(MomentumState.Stalled, Advisor.Momentum(Empty(29), T).State);
    }

    [Fact]
    public void Read_ActivityDroppingAfterAJointEvent_SignalsInertia()
    {
        // Joint event 60 days ago; four calls in the 30 days before it, one in the 30 days after.
        var partnership = Empty(400).With(interactions:
        [
            new Interaction(Day(-60), InteractionKind.JointEvent, Side.Partner),
            .. BeforeTheEvent.Select(d => new Interaction(Day(-d), InteractionKind.Call, Side.Vendor)),
            new Interaction(Day(-45), InteractionKind.Call, Side.Vendor),
        ]);

        var reading = Advisor.Momentum(partnership, T);

        Assert.True(reading.InertiaAfterEvent);
        Assert.Equal(Day(-60), reading.LastJointEvent);
        Assert.False(Advisor.Momentum(partnership.With(interactions: partnership.Interactions.AddRange(Enumerable.Range(0, 5).Select(i => new Interaction(Day(-50 + i), InteractionKind.Email, Side.Partner)))), T).InertiaAfterEvent);
    }

    [Fact]
    public void Read_JointEventTooRecentToJudge_IsNotConsidered() =>
        Assert.Null(Advisor.Momentum(Empty().With(interactions: [new Interaction(Day(-10), InteractionKind.JointEvent, Side.Partner)]), T).LastJointEvent);

    [Fact]
    public void Read_ThresholdsComeFromTheModel()
    {
        var strict = new PartnershipAdvisor(new HealthScorer(HealthModel.Default with { AcceleratingRatio = 4.0 }));

        Assert.Equal(MomentumState.Steady, strict.Momentum(CallsOn(1, 5, 29, 40, 80, 100), T).State);
    }

    [Theory]
    [InlineData(12, MomentumState.Accelerating)] // 5/30 a day = 1.25 × 12/90 exactly: at the ratio is accelerating
    [InlineData(13, MomentumState.Steady)]       // 5/30 < 1.25 × 13/90
    public void Read_RecentRateAtTheAcceleratingRatio_IsAccelerating(int baseline, MomentumState expected)
    {
        // Guards "at or above the accelerating ratio": five calls in the recent window (days 0–29 back, both ends used)
        // against `baseline` in the 90 days before it (days 30–119 back, both ends used). 5/30 and 1.25 × 12/90 are the
        // same double.
        var reading = Advisor.Momentum(CallsOn([0, 7, 14, 21, 29, .. Spread(baseline)]), T);

        Assert.Equal((5, baseline), (reading.RecentActivities, reading.BaselineActivities));
        Assert.Equal(expected, reading.State);
    }

    [Theory]
    [InlineData(8, MomentumState.Slowing)] // 2/30 a day = 0.75 × 8/90 exactly: at the ratio is slowing
    [InlineData(7, MomentumState.Steady)]  // 2/30 > 0.75 × 7/90
    public void Read_RecentRateAtTheSlowingRatio_IsSlowing(int baseline, MomentumState expected)
    {
        // Guards "at or below the slowing ratio": two recent calls against `baseline` in the 90 days before. 2/30 and
        // 0.75 × 8/90 are the same double.
        var reading = Advisor.Momentum(CallsOn([0, 29, .. Spread(baseline)]), T);

        Assert.Equal((2, baseline), (reading.RecentActivities, reading.BaselineActivities));
        Assert.Equal(expected, reading.State);
    }

    [Fact]
    public void Read_ARecentRateExactlyAtTheSlowingRatio_IsSlowing_WhereDoublesWouldSayAbove()
    {
        // 13 calls in the 30 days against 52 in the 90 before: exactly 0.75 of the rate, but 13/30 as a double
        // (0.43333333333333335) is above 0.75 × 52/90 (0.4333333333333333), and it read Steady.
        var recent = Enumerable.Range(0, 13).Select(k => 29 * k / 12);
        var reading = Advisor.Momentum(CallsOn([.. recent, .. Spread(52)]), T);

        Assert.Equal((13, 52), (reading.RecentActivities, reading.BaselineActivities));
        Assert.Equal(MomentumState.Slowing, reading.State);
    }

    [Theory]
    [InlineData(30, true)]  // the 30 days after it, 29 days back to today, have passed by today
    [InlineData(29, false)] // the 30th day after it is tomorrow
    public void Read_JointEventExactlyAWindowAgo_IsConsidered(int daysAgo, bool considered)
    {
        // Guards the last joint event's cut-off: an event whose following window ends on the as-of day is judged.
        var reading = Advisor.Momentum(Empty(400).With(interactions: [new Interaction(Day(-daysAgo), InteractionKind.JointEvent, Side.Partner)]), T);

        Assert.Equal(considered ? Day(-daysAgo) : null, reading.LastJointEvent);
    }

    [Theory]
    [InlineData(new[] { 90, 61, 59, 30 }, false)]         // two in each window, at its ends: as much after as before is no inertia
    [InlineData(new[] { 91, 90, 61, 59, 30, 29 }, false)] // a call a day outside each window changes nothing
    [InlineData(new[] { 90, 75, 61, 59, 30 }, true)]      // one more before than after is inertia
    [InlineData(new[] { 90, 61, 30 }, true)]
    public void Read_InertiaAfterEvent_ComparesTheThirtyDaysEitherSideOfIt(int[] callsDaysAgo, bool inertia)
    {
        // Guards the inertia windows: a joint event 60 days ago is compared on days 61–90 back (before) and 30–59 back
        // (after), the event's own day in neither; inertia is strictly less activity after than before.
        var partnership = Empty(400).With(interactions:
        [
            new Interaction(Day(-60), InteractionKind.JointEvent, Side.Partner),
            .. callsDaysAgo.Select(d => new Interaction(Day(-d), InteractionKind.Call, Side.Vendor)),
        ]);

        var reading = Advisor.Momentum(partnership, T);

        Assert.Equal(Day(-60), reading.LastJointEvent);
        Assert.Equal(inertia, reading.InertiaAfterEvent);
    }

    [Theory]
    [InlineData(new[] { 60, 51, 49, 40 }, false)]         // two in each 10-day window, at its ends
    [InlineData(new[] { 61, 60, 51, 49, 40, 39 }, false)] // a call a day outside each window changes nothing
    [InlineData(new[] { 60, 55, 51, 49, 40 }, true)]      // one more before than after
    public void Read_InertiaAfterEvent_ComparesTheMomentumWindowEitherSideOfIt(int[] callsDaysAgo, bool inertia)
    {
        // The 30 days of docs/insights.md are the momentum window (HealthModel.MomentumWindow, 30 days by default): under a
        // 10-day window a joint event 50 days ago is compared on days 51–60 back (before) and 40–49 back (after), the event's
        // day in neither, and an event whose following 10 days have passed counts (so one 5 days ago does not, and one
        // 50 days ago is the latest).
        var advisor = new PartnershipAdvisor(new HealthScorer(HealthModel.Default with { MomentumWindow = TimeSpan.FromDays(10) }));
        var partnership = Empty(400).With(interactions:
        [
            new Interaction(Day(-50), InteractionKind.JointEvent, Side.Partner),
            new Interaction(Day(-5), InteractionKind.JointEvent, Side.Partner),
            .. callsDaysAgo.Select(d => new Interaction(Day(-d), InteractionKind.Call, Side.Vendor)),
        ]);

        var reading = advisor.Momentum(partnership, T);

        Assert.Equal(Day(-50), reading.LastJointEvent);
        Assert.Equal(inertia, reading.InertiaAfterEvent);
    }

    /// <summary>Days back for <paramref name="count"/> calls spread over the baseline window, days 30 to 119 back, the first and last on its ends.</summary>
    private static IEnumerable<int> Spread(int count) => Enumerable.Range(0, count).Select(k => 30 + (89 * k / (count - 1)));
}
