using PartnerMetrics.Health;

namespace PartnerMetrics.Tests.Health;

/// <summary>The conversion of a sum of weights to a double rounds as the runtime's 128-bit conversion does, to the last bit.</summary>
public class FixedPointTests
{
    /// <summary>
    /// Any non-negative 128-bit value: the high word over its whole range (every bit length from 1 to 63, and 0),
    /// the low word anything. Halfway cases and values one past them are drawn on purpose: they are where a
    /// conversion without a sticky bit rounds the wrong way.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property ToDoubleExact_IsTheRuntimesConversion() =>
        Prop.ForAll(
            (from bits in Gen.Choose(0, 63)
             from high in ArbMap.Default.GeneratorFor<ulong>()
             from low in ArbMap.Default.GeneratorFor<ulong>()
             from shape in Gen.Choose(0, 3)
             select Shaped(bits == 0 ? 0 : high >> (64 - bits), low, shape)).ToArbitrary(),
            value => Assert.Equal(BitConverter.DoubleToInt64Bits((double)value), BitConverter.DoubleToInt64Bits(FixedPoint.ToDoubleExact((Fixed128)value))));

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(0UL, ulong.MaxValue)]
    [InlineData(1UL, 0UL)]
    [InlineData(0UL, 0xFFFF_FFFF_FFFF_FC00UL)] // Halfway below 2⁶⁴, where the hardware converts.
    [InlineData(1UL, 0x0000_0000_0000_0800UL)] // 2⁶⁴ + 2¹¹: exactly halfway between two doubles; to the even one, below.
    [InlineData(1UL, 0x0000_0000_0000_0801UL)] // Just above halfway by a bit below the top 64: up, but only with the sticky bit.
    [InlineData(1UL, 0x0000_0000_0000_07FFUL)] // Just below halfway: down.
    [InlineData(1UL, 0x0000_0000_0000_1800UL)] // Halfway with an odd last bit: to the even one, above.
    [InlineData(0x0000_0000_0020_0000UL, 0x0000_0001_0000_0001UL)] // 2⁸⁵ + 2³² + 1: above halfway by the lowest bit.
    [InlineData(0x7FFF_FFFF_FFFF_FFFFUL, ulong.MaxValue)]
    public void ToDoubleExact_OnBoundaries_IsTheRuntimesConversion(ulong high, ulong low)
    {
        var value = new Int128(high, low);

        Assert.Equal(BitConverter.DoubleToInt64Bits((double)value), BitConverter.DoubleToInt64Bits(FixedPoint.ToDoubleExact((Fixed128)value)));
    }

    /// <summary>A sum of weights is never negative, but a negative value still converts as the runtime converts it.</summary>
    [Theory]
    [InlineData(ulong.MaxValue, ulong.MaxValue)] // −1
    [InlineData(ulong.MaxValue, 0UL)] // −2⁶⁴
    [InlineData(0x8000_0000_0000_0000UL, 0UL)] // Int128.MinValue
    [InlineData(0xFFFF_FFFF_FFFF_FFFEUL, 0x0000_0000_0000_0801UL)]
    public void ToDoubleExact_OfANegativeValue_IsTheRuntimesConversion(ulong high, ulong low)
    {
        var value = new Int128(high, low);

        Assert.Equal(BitConverter.DoubleToInt64Bits((double)value), BitConverter.DoubleToInt64Bits(FixedPoint.ToDoubleExact((Fixed128)value)));
    }

    [Fact]
    public void ToDouble_IsTheUnitsOverOne()
    {
        Assert.Equal(1.0, FixedPoint.ToDouble(FixedPoint.Unit));
        Assert.Equal(40_000.0, FixedPoint.ToDouble((Fixed128)(40_000 * (Int128)FixedPoint.Unit)));
    }

    /// <summary>A value whose bits below the 53 a double keeps are, by <paramref name="shape"/>: as drawn, exactly half of the last kept bit, just above half, or just below it.</summary>
    private static Int128 Shaped(ulong high, ulong low, int shape)
    {
        var value = new Int128(high, low);
        var dropped = 128 - (int)Int128.LeadingZeroCount(value) - 53;
        if (shape == 0 || dropped <= 1)
        {
            return value;
        }

        var half = Int128.One << (dropped - 1);
        var kept = value >> dropped << dropped;
        return shape switch
        {
            1 => kept + half,
            2 => kept + half + 1,
            _ => kept + half - 1,
        };
    }
}
