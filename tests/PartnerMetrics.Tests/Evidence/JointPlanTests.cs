using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Tests.Evidence;

public class JointPlanTests
{
    private static readonly DateOnly Created = new(2025, 1, 10);

    [Theory]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1.01, "1.01")]
    [InlineData(double.NaN, "NaN")]
    public void Constructor_AlignmentOutsideUnitInterval_Throws(double alignment, string shown) =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new JointPlan(Created, alignment), "businessAlignment", shown);

    [Fact]
    public void Constructor_ReviewedBeforeCreated_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new JointPlan(Created, 0.5, lastReviewedOn: Created.AddDays(-3)), "lastReviewedOn", "2025-01-07");

    [Theory]
    [InlineData(0)]
    [InlineData(-90)]
    public void Constructor_NonPositiveCadence_Throws(int days) =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new JointPlan(Created, 0.5, reviewCadence: TimeSpan.FromDays(days)), "reviewCadence");

    [Fact]
    public void Constructor_NullGoal_Throws() =>
        Rejects.Field<ArgumentException>(() => new JointPlan(Created, 0.5, [null!]), "goals", "item 0");

    [Fact]
    public void Constructor_Defaults_NinetyDayCadenceAndNoGoals()
    {
        var plan = new JointPlan(Created, 0.4);

        Assert.Equal(TimeSpan.FromDays(90), plan.ReviewCadence);
        Assert.Empty(plan.Goals);
        Assert.Null(plan.LastReviewedOn);
    }

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(2.0, "2")]
    public void PlanGoal_ProgressOutsideUnitInterval_Throws(double progress, string shown) =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new PlanGoal("Certify 5 engineers", GoalOwner.Partner, progress), "progress", shown);

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
    }

    [Fact]
    public void MeasurableTarget_EmptyUnit_Throws() =>
        Rejects.Field<ArgumentException>(() => new MeasurableTarget(5m, "  "), "unit");
}
