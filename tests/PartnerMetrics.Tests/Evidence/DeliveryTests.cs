using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Tests.Evidence;

public class DeliveryTests
{
    [Theory]
    [InlineData(-0.01, "-0.01")]
    [InlineData(1.5, "1.5")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Constructor_SatisfactionOutsideUnitInterval_Throws(double satisfaction, string shown) =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new Delivery(new DateOnly(2025, 1, 1), true, satisfaction), "satisfaction", shown);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Constructor_SatisfactionAtTheBounds_IsAccepted(double satisfaction) =>
        Assert.Equal(satisfaction, new Delivery(new DateOnly(2025, 1, 1), false, satisfaction).Satisfaction);

    [Fact]
    public void Constructor_NegativeZero_IsStoredAsZero()
    {
        var day = new DateOnly(2025, 1, 1);

        Assert.False(double.IsNegative(new Delivery(day, true, -0.0).Satisfaction));
        Assert.False(double.IsNegative(new GoalCheckIn(day, -0.0).Progress));
        Assert.False(double.IsNegative(new PlanReview(day, -0.0).BusinessAlignment!.Value));
        Assert.False(double.IsNegative(new JointPlan(day, -0.0).BusinessAlignmentOn(day)!.Value));
        Assert.Equal("""{"date":"2025-01-01","onTime":true,"satisfaction":0}""", PartnerMetricsJson.Serialize(new Delivery(day, true, -0.0)));
    }

    [Fact]
    public void NegativeZeroEvidence_ScoresAsZero_DownToTheReportText()
    {
        // A recorded −0 passes [0, 1]; kept, it reached the report as "value": -0, "contribution": -0 and "measure": -0.
        var day = new DateOnly(2025, 1, 1);
        var partner = new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller);
        Partnership With(double zero) => new(
            partner,
            day.AddDays(-400),
            deliveries: [new Delivery(day, true, zero)],
            jointPlan: new JointPlan(day, [new PlanGoal("Goal", GoalOwner.Both, [new GoalCheckIn(day, zero)], startsOn: day, dueOn: day.AddDays(100))], [new PlanReview(day, zero)]));
        var scorer = new HealthScorer();

        Assert.Equal(
            PartnerMetricsJson.Serialize(scorer.Score(With(0.0), day.AddDays(50))),
            PartnerMetricsJson.Serialize(scorer.Score(With(-0.0), day.AddDays(50))));
    }
}
