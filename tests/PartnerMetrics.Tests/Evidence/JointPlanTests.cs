using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Evidence;

public class JointPlanTests
{
    private static readonly DateOnly Created = new(2025, 1, 10);

    private static DateOnly Day(int offset) => Created.AddDays(offset);

    [Theory]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1.01, "1.01")]
    [InlineData(double.NaN, "NaN")]
    public void Constructor_AlignmentOutsideUnitInterval_Throws(double alignment, string shown)
    {
        Rejects.Field<ArgumentOutOfRangeException>(() => new JointPlan(Created, alignment), "businessAlignment", shown);
        Rejects.Field<ArgumentOutOfRangeException>(() => new PlanReview(Created, alignment), "businessAlignment", shown);
    }

    [Fact]
    public void Constructor_ReviewedBeforeCreated_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new JointPlan(Created, 0.5, lastReviewedOn: Created.AddDays(-3)), "lastReviewedOn", "2025-01-07");

    [Fact]
    public void Constructor_AReviewBeforeCreated_ThrowsNamingItsDay() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new JointPlan(Created, reviews: [new PlanReview(Day(5)), new PlanReview(Day(-3))]), "reviews", "2025-01-07");

    [Fact]
    public void Constructor_TwoReviewsOnOneDay_ThrowsNamingTheDayAndTheItems() =>
        Assert.Contains(
            "items 0 and 2 are both dated 2025-02-09",
            Rejects.Field<ArgumentException>(() => new JointPlan(Created, reviews: [new PlanReview(Day(30), 0.4), new PlanReview(Day(10)), new PlanReview(Day(30), 0.6)]), "reviews", "2025-02-09").Message,
            StringComparison.Ordinal);

    [Fact]
    public void Constructor_NullReview_Throws() =>
        Rejects.Field<ArgumentException>(() => new JointPlan(Created, reviews: [new PlanReview(Created), null!]), "reviews", "item 1");

    [Theory]
    [InlineData(0)]
    [InlineData(-90)]
    public void Constructor_NonPositiveCadence_Throws(int days)
    {
        Rejects.Field<ArgumentOutOfRangeException>(() => new JointPlan(Created, 0.5, reviewCadence: TimeSpan.FromDays(days)), "reviewCadence");
        Rejects.Field<ArgumentOutOfRangeException>(() => new JointPlan(Created, reviewCadence: TimeSpan.FromDays(days)), "reviewCadence");
    }

    [Fact]
    public void Constructor_NullGoal_Throws()
    {
        Rejects.Field<ArgumentException>(() => new JointPlan(Created, 0.5, [null!]), "goals", "item 0");
        Rejects.Field<ArgumentException>(() => new JointPlan(Created, [null!]), "goals", "item 0");
    }

    [Fact]
    public void Constructor_Defaults_NinetyDayCadenceNoGoalsNoReviews()
    {
        var plan = new JointPlan(Created);

        Assert.Equal(TimeSpan.FromDays(90), plan.ReviewCadence);
        Assert.Empty(plan.Goals);
        Assert.Empty(plan.Reviews);
        Assert.Null(plan.LastReviewedOn(DateOnly.MaxValue));
        Assert.Null(plan.BusinessAlignmentOn(DateOnly.MaxValue));
    }

    [Fact]
    public void Constructor_SingleValues_MapToOneReviewOnTheCreationDay()
    {
        var plan = new JointPlan(Created, 0.4);

        Assert.Equal([new PlanReview(Created, 0.4)], plan.Reviews.ToArray());
        Assert.Equal(new JointPlan(Created, reviews: [new PlanReview(Created, 0.4)]), plan);
    }

    [Fact]
    public void Constructor_SingleValues_MapToOneReviewOnTheLastReviewDay_KnownFromThatDayOn()
    {
        var plan = new JointPlan(Created, 0.4, lastReviewedOn: Day(80));

        Assert.Equal([new PlanReview(Day(80), 0.4)], plan.Reviews.ToArray());
        Assert.Null(plan.BusinessAlignmentOn(Day(79)));
        Assert.Equal(0.4, plan.BusinessAlignmentOn(Day(80)));
    }

    [Fact]
    public void Reviews_InAnyOrder_AreKeptInDayOrderAndMakeEqualPlans()
    {
        PlanReview[] reviews = [new(Day(90), 0.5), new(Day(0), 0.3), new(Day(40))];

        var plan = new JointPlan(Created, reviews: reviews);

        Assert.Equal([Day(0), Day(40), Day(90)], plan.Reviews.Select(r => r.On));
        Assert.Equal(new JointPlan(Created, reviews: reviews.Reverse()), plan);
        Assert.Equal(new JointPlan(Created, reviews: reviews.Reverse()).GetHashCode(), plan.GetHashCode());
    }

    [Fact]
    public void AsOfReaders_ReadTheLatestEntryOnOrBeforeTheDay_AndNeverALaterOne()
    {
        // Reviews: day 0 records 0.3, day 40 records nothing, day 90 records 0.5.
        var plan = new JointPlan(Created, reviews: [new PlanReview(Day(90), 0.5), new PlanReview(Day(0), 0.3), new PlanReview(Day(40))]);

        Assert.Null(plan.LastReviewedOn(Day(-1)));
        Assert.Null(plan.BusinessAlignmentOn(Day(-1)));
        Assert.Equal(Day(0), plan.LastReviewedOn(Day(39)));
        Assert.Equal(Day(40), plan.LastReviewedOn(Day(40)));
        Assert.Equal(Day(40), plan.LastReviewedOn(Day(89)));
        Assert.Equal(Day(90), plan.LastReviewedOn(DateOnly.MaxValue));

        // The review of day 40 recorded no alignment: the value of day 0 still holds until day 90.
        Assert.Equal(0.3, plan.BusinessAlignmentOn(Day(0)));
        Assert.Equal(0.3, plan.BusinessAlignmentOn(Day(89)));
        Assert.Equal(0.5, plan.BusinessAlignmentOn(Day(90)));
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void AsOfReaders_EqualALinearScanOfTheEntries(JointPlan plan, int offset)
    {
        var asOf = plan.CreatedOn.AddDays(Math.Clamp(offset % 2000, -100, 1999));
        var visible = plan.Reviews.Where(r => r.On <= asOf).ToArray();

        Assert.Equal(visible.LastOrDefault()?.On, plan.LastReviewedOn(asOf));
        Assert.Equal(visible.LastOrDefault(r => r.BusinessAlignment is not null)?.BusinessAlignment, plan.BusinessAlignmentOn(asOf));
        foreach (var goal in plan.Goals)
        {
            Assert.Equal(goal.CheckIns.LastOrDefault(c => c.On <= asOf)?.Progress ?? 0.0, goal.ProgressOn(asOf));
        }
    }

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(2.0, "2")]
    public void PlanGoal_ProgressOutsideUnitInterval_Throws(double progress, string shown)
    {
        Rejects.Field<ArgumentOutOfRangeException>(() => new PlanGoal("Certify 5 engineers", GoalOwner.Partner, progress), "progress", shown);
        Rejects.Field<ArgumentOutOfRangeException>(() => new GoalCheckIn(Created, progress), "progress", shown);
    }

    [Fact]
    public void PlanGoal_DueBeforeStart_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(
            () => new PlanGoal("Launch offer", GoalOwner.Both, 0.2, startsOn: new DateOnly(2025, 3, 1), dueOn: new DateOnly(2025, 2, 1)),
            "dueOn",
            "2025-02-01");

    [Fact]
    public void PlanGoal_EmptyTitleOrUndefinedOwner_Throws()
    {
        Rejects.Field<ArgumentException>(() => new PlanGoal("", GoalOwner.Both, 0.2), "title");
        Rejects.Field<ArgumentOutOfRangeException>(() => new PlanGoal("Launch", (GoalOwner)3, 0.2), "owner", "3");
        Rejects.Field<ArgumentException>(() => new PlanGoal(" ", GoalOwner.Both, checkIns: null), "title");
    }

    [Fact]
    public void PlanGoal_TwoCheckInsOnOneDay_ThrowsNamingTheDay() =>
        Rejects.Field<ArgumentException>(() => new PlanGoal("Launch", GoalOwner.Both, [new GoalCheckIn(Day(3), 0.1), new GoalCheckIn(Day(3), 0.2)]), "checkIns", "2025-01-13");

    [Fact]
    public void PlanGoal_NullCheckIn_Throws() =>
        Rejects.Field<ArgumentException>(() => new PlanGoal("Launch", GoalOwner.Both, [null!]), "checkIns", "item 0");

    [Fact]
    public void PlanGoal_CheckInBeforeItsStart_IsAllowedAndCounts()
    {
        // Work recorded before the goal's official start is still progress made.
        var goal = new PlanGoal("Launch", GoalOwner.Both, [new GoalCheckIn(Day(5), 0.1)], startsOn: Day(10), dueOn: Day(100));

        Assert.Equal(0.1, goal.ProgressOn(Day(10)));
    }

    [Fact]
    public void PlanGoal_ProgressOn_ReadsTheLatestCheckInOnOrBeforeTheDay()
    {
        var goal = new PlanGoal("Launch", GoalOwner.Both, [new GoalCheckIn(Day(60), 0.7), new GoalCheckIn(Day(20), 0.2)]);

        Assert.Equal([Day(20), Day(60)], goal.CheckIns.Select(c => c.On));
        Assert.Equal(0.0, goal.ProgressOn(Day(19)));
        Assert.Equal(0.2, goal.ProgressOn(Day(20)));
        Assert.Equal(0.2, goal.ProgressOn(Day(59)));
        Assert.Equal(0.7, goal.ProgressOn(Day(60)));
        Assert.Equal(0.0, new PlanGoal("Launch", GoalOwner.Both, checkIns: null).ProgressOn(DateOnly.MaxValue));
    }

    [Fact]
    public void PlanGoal_SingleProgress_IsOneUndatedCheckIn_KnownOnEveryDay()
    {
        var goal = new PlanGoal("Launch", GoalOwner.Both, 0.4);

        Assert.Equal([new GoalCheckIn(DateOnly.MinValue, 0.4)], goal.CheckIns.ToArray());
        Assert.Equal(0.4, goal.ProgressOn(DateOnly.MinValue));
        Assert.Equal(0.4, goal.ProgressOn(DateOnly.MaxValue));
    }

    [Fact]
    public void MeasurableTarget_EmptyUnit_Throws() =>
        Rejects.Field<ArgumentException>(() => new MeasurableTarget(5m, "  "), "unit");
}
