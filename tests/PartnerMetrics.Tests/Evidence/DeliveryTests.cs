using PartnerMetrics.Evidence;

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
}
