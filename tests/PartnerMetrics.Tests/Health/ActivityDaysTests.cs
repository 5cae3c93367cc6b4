using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// The two plans of a history's activity days: running counts while the days asked about fit in 2^16 days plus 64
/// per point, a binary search of the sorted days beyond that. The plan changes no answer, only what a long history
/// over few points costs.
/// </summary>
public class ActivityDaysTests
{
    // Three points: running counts for up to 2^16 + 3 × 64 = 65,728 days, the first to the day after the last.
    private const int Points = 3;
    private const int MostCounted = (1 << 16) + (64 * Points);

    private static readonly Partnership Logged = Empty(400).With(interactions:
    [
        new Interaction(Day(-300), InteractionKind.Meeting, Side.Partner),
        new Interaction(Day(-100), InteractionKind.Call, Side.Vendor),
        new Interaction(Day(-99), InteractionKind.Email, Side.Partner),
    ]);

    private static int First => Day(-365).DayNumber;

    [Fact]
    public void DaysThatFitTheAllowance_AreCounted_OneCountPerDayAndOneAfter()
    {
        var days = new ActivityDays(Logged, First, First + MostCounted - 2, Points);

        Assert.Equal(MostCounted, days.CountedDays);
    }

    [Fact]
    public void OneDayMoreThanTheAllowance_IsSearched()
    {
        var days = new ActivityDays(Logged, First, First + MostCounted - 1, Points);

        Assert.Null(days.CountedDays);
    }

    [Fact]
    public void AShortSpan_IsCountedWhateverTheNumberOfPoints()
    {
        Assert.Equal(367, new ActivityDays(Logged, First, First + 365, 1).CountedDays);
    }

    [Theory]
    [InlineData(-365, -301, false)]
    [InlineData(-365, -300, true)]
    [InlineData(-300, -300, true)]
    [InlineData(-299, -101, false)]
    [InlineData(-299, -100, true)]
    [InlineData(-99, -99, true)]
    [InlineData(-98, 0, false)]
    public void BothPlans_AnswerAlike(int from, int to, bool expected)
    {
        var counted = new ActivityDays(Logged, First, First + MostCounted - 2, Points);
        var searched = new ActivityDays(Logged, First, First + MostCounted - 1, Points);

        Assert.Equal((expected, expected), (counted.AnyIn(Day(from).DayNumber, Day(to).DayNumber), searched.AnyIn(Day(from).DayNumber, Day(to).DayNumber)));
    }

    [Fact]
    public void AnActivityOnTheFirstDayAskedAbout_IsFoundByBothPlans()
    {
        var first = Day(-300).DayNumber;
        var counted = new ActivityDays(Logged, first, first + MostCounted - 2, Points);
        var searched = new ActivityDays(Logged, first, first + MostCounted - 1, Points);

        Assert.NotNull(counted.CountedDays);
        Assert.Equal((true, true), (counted.AnyIn(first, first), searched.AnyIn(first, first)));
    }
}
