using PartnerMetrics.Health;

namespace PartnerMetrics.Tests.Health;

/// <summary>The recency weights' table: where the weights end.</summary>
public class RecencyTableTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(7.0)]
    [InlineData(90.0)]
    [InlineData(365.0)]
    [InlineData(1000.0)]
    [InlineData(0.04)]   // one hour: the cut-off lies inside the first two days
    [InlineData(12.3)]
    public void ZeroAge_IsTheFirstAgeWithoutWeight(double halfLifeDays)
    {
        var table = new RecencyTable(TimeSpan.FromDays(halfLifeDays));

        var zero = table.ZeroAge;

        Assert.Equal(0, table.Weight(zero));
        Assert.True(zero == 0 || table.Weight(zero - 1) > 0, $"age {zero - 1} already weighs nothing");

        // The first age past 40 half-lives.
        Assert.Equal((int)Math.Floor(FixedPoint.MaxHalfLives * halfLifeDays) + 1, zero);
    }
}
