using PartnerMetrics.Health;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Health;

/// <summary>The recency weights' table: where the weights end, and the weights a history adds item by item.</summary>
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

        Assert.Equal(Fixed128.Zero, table.Weight(zero));
        Assert.True(zero == 0 || table.Weight(zero - 1) > Fixed128.Zero, $"age {zero - 1} already weighs nothing");

        // The first age past 40 half-lives.
        Assert.Equal((int)Math.Floor(FixedPoint.MaxHalfLives * halfLifeDays) + 1, zero);
    }

    /// <summary>
    /// Adding an item's weights to tallies a stride apart adds, to the k-th, the weight of the age k steps on, and touches
    /// no other tally: any half-life from an hour to 50 years, any start age, step and stride, ages on both sides of the
    /// tabulated 4,096 days.
    /// </summary>
    [Property]
    public Property AddEvery_AddsTheWeightOfEachAgeAStrideApart() =>
        Prop.ForAll(
            (from halfLife in ModelGenerators.HalfLife
             from age in Gen.Choose(0, 5000)
             from step in Gen.Choose(1, 400)
             from stride in Gen.Choose(1, 5)
             from count in Gen.Choose(0, 30)
             select (halfLife, age, step, stride, count)).ToArbitrary(),
            c =>
            {
                var table = new RecencyTable(c.halfLife);
                var tallies = new Tally[(c.count * c.stride) + 1];

                table.AddEvery(tallies, c.stride, c.count, c.age, c.step);

                var expected = new Fixed128[tallies.Length];
                for (var k = 0; k < c.count; k++)
                {
                    expected[k * c.stride] = table.Weight(c.age + (k * c.step));
                }

                Assert.Equal(expected, tallies.Select(tally => tally.Weight).ToArray());
            });
}
