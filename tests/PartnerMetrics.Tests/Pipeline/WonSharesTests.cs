using System.Globalization;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>
/// The exact concentration (<see cref="WonShares"/>): the index is 10,000 × Σ v² ÷ (Σ v)² rounded once, whichever path
/// sums it; the top share is the one the sorted decimal path gave, to the bit.
/// </summary>
public class WonSharesTests
{
    /// <summary>Money as the accumulators hold it: often equal, equal values written with other scales, sums near 10^17, and odd scales.</summary>
    private static readonly Gen<decimal> Money = Gen.Frequency(
        (4, Gen.Choose(0, 1_000_000).Select(c => c / 100m)),
        (2, Gen.Elements(0m, 1m, 1.0m, 1.00m, 2.5m, 2.50m, 0.000m)),
        (2, Gen.Choose(0, 50).Select(c => 100_000_000_000_000_000m + (c / 100m))),
        (1, Gen.Choose(0, int.MaxValue).Select(c => c * 46_566.12873077392578125m / 1_000m)));

    [Property(MaxTest = 500)]
    public Property EqualValues_Give10000OverN_ToTheBit() => Prop.ForAll(
        Gen.Choose(1, 3_000).Zip(Money.Where(v => v > 0)).ToArbitrary(),
        input =>
        {
            var (parts, value) = input;
            Assert.Equal(10_000.0 / parts, Concentration.Herfindahl(Enumerable.Repeat(value, parts)));
        });

    /// <summary>
    /// Integers small enough that 10,000 × Σ m² and (Σ m)² are exact doubles (at most 50 values up to 10⁴: below 2⁵³), so
    /// one IEEE division is the correctly rounded quotient; any scale common to the values (0 to 28) gives the same index,
    /// and zeros of any scale add nothing.
    /// </summary>
    [Property(MaxTest = 1_000)]
    public Property SmallIntegers_GiveTheCorrectlyRoundedQuotient() => Prop.ForAll(
        Gen.Choose(0, 10_000).ListOf().Where(m => m.Count is > 0 and <= 50 && m.Sum() > 0)
            .Zip(Gen.Choose(0, 28).Two()).ToArbitrary(),
        input =>
        {
            var (mantissas, (scale, zeroScale)) = input;
            var values = mantissas.Select(m => new decimal(m, 0, 0, false, (byte)scale)).Append(new decimal(0, 0, 0, false, (byte)zeroScale)).ToArray();
            double sum = mantissas.Sum(), squares = mantissas.Sum(m => (double)m * m);
            Assert.Equal(10_000.0 * squares / (sum * sum), Concentration.Herfindahl(values));
        });

    /// <summary>
    /// The same values written at scale 22 have integers beyond 64 bits, so they are summed in <see cref="System.Numerics.BigInteger"/>:
    /// the index and the top share are the same to the bit.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property WideIntegers_GiveTheSameShares() => Prop.ForAll(
        Gen.Choose(0, 100_000_000).Select(c => c / 100m).NonEmptyListOf().Zip(Gen.Choose(1, 8)).ToArbitrary(),
        input =>
        {
            var (values, top) = input;
            var wide = values.Select(v => decimal.Parse(v.ToString("F22", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(values.Select(v => v), wide.Select(v => v));
            var (narrow, widened) = (WonShares.Of([.. values], top), WonShares.Of(wide, top));
            Assert.Equal((narrow.Index, narrow.TopShare), (widened.Index, widened.TopShare));
        });

    /// <summary>
    /// The top share is what the sorted path computed before the exact index — the total added smallest first, the top
    /// largest first, divided as decimals — to the bit, for every number of top values, above and below the number picked
    /// without sorting.
    /// </summary>
    [Property(MaxTest = 1_000)]
    public Property TopShare_IsTheSortedDecimalShare() => Prop.ForAll(
        Money.ListOf().Zip(Gen.Frequency((4, Gen.Choose(1, 8)), (1, Gen.Choose(60, 70)))).ToArbitrary(),
        input =>
        {
            var (values, top) = input;
            Assert.Equal(SortedShares(values, top).TopShare, WonShares.Of([.. values], top).TopShare);
        });

    /// <summary>The exact index differs from the decimal one it replaced (each share rounded to 28 digits) only in the last digits.</summary>
    [Property(MaxTest = 1_000)]
    public Property Index_IsTheDecimalIndexToTwelveDigits() => Prop.ForAll(
        Money.ListOf().ToArbitrary(),
        values =>
        {
            var (expected, actual) = (SortedShares(values, 1).Index, WonShares.Of([.. values], 1).Index);
            Assert.Equal(expected is null, actual is null);
            if (expected is { } e)
            {
                Assert.InRange(actual!.Value, e * (1 - 1e-12), e * (1 + 1e-12));
            }
        });

    [Fact]
    public void NoValue_OrOnlyZeros_HaveNoShares()
    {
        Assert.Equal((null, null), (WonShares.Of([], 5).Index, WonShares.Of([], 5).TopShare));
        Assert.Equal((null, null), (WonShares.Of([0m, 0.00m], 5).Index, WonShares.Of([0m, 0.00m], 5).TopShare));
    }

    [Fact]
    public void ATopOfEveryValue_HoldsTheWholeShare()
    {
        Assert.Equal((5_000.0, 1.0), (WonShares.Of([2.5m, 2.50m], 2).Index, WonShares.Of([2.5m, 2.50m], 2).TopShare));
        Assert.Equal(1.0, WonShares.Of([1m, 3m, 0m], 70).TopShare);
    }

    /// <summary>The shares as computed before the exact index: sorted ascending, every sum and share in decimal.</summary>
    private static (double? Index, double? TopShare) SortedShares(IReadOnlyList<decimal> values, int top)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var total = sorted.Aggregate(0m, (sum, v) => sum + v);
        if (total <= 0)
        {
            return (null, null);
        }

        var index = sorted.Aggregate(0m, (sum, v) => sum + (v / total * (v / total)));
        var topValue = sorted.Reverse().Take(top).Aggregate(0m, (sum, v) => sum + v);
        return ((double)(index * 10_000m), (double)(topValue / total));
    }
}
