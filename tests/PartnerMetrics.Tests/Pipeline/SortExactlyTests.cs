using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>
/// The concentration sort (<see cref="WonShares.SortExactly"/>) orders decimals as <see cref="Array.Sort{T}(T[])"/>
/// does, including values that round to the same double and equal values written with other scales.
/// </summary>
public class SortExactlyTests
{
    /// <summary>Money as the accumulators hold it, often equal, and sums above 10^17 one cent apart (the same double).</summary>
    private static readonly Gen<decimal> Value = Gen.Frequency(
        (4, Gen.Choose(0, 1_000_000).Select(c => c / 100m)),
        (2, Gen.Elements(0m, 1m, 1.0m, 1.00m, 2.5m, 2.50m)),
        (3, Gen.Choose(0, 50).Select(c => 100_000_000_000_000_000m + (c / 100m))),
        (1, Gen.Choose(0, int.MaxValue).Select(c => c * 46_566.12873077392578125m / 1_000m)));

    [Property(MaxTest = 500)]
    public Property SortExactly_IsArraySort() => Prop.ForAll(Value.ArrayOf().ToArbitrary(), values =>
    {
        var expected = (decimal[])values.Clone();
        Array.Sort(expected);
        var actual = (decimal[])values.Clone();
        WonShares.SortExactly(actual);

        // Equal decimals of other scales (1 and 1.00) may come in either order; as numbers the two are the same.
        Assert.Equal(expected, actual);
    });

    [Fact]
    public void ValuesOfTheSameDouble_AreOrderedByTheirDecimals()
    {
        var values = new[] { 100_000_000_000_000_000.03m, 100_000_000_000_000_000.01m, 100_000_000_000_000_000.02m, 1m };
        Assert.Equal((double)values[0], (double)values[1]);

        WonShares.SortExactly(values);

        Assert.Equal([1m, 100_000_000_000_000_000.01m, 100_000_000_000_000_000.02m, 100_000_000_000_000_000.03m], values);
    }
}
