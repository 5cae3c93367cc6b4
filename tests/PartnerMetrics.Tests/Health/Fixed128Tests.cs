using PartnerMetrics.Health;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// The scorer's 128-bit integer does what a checked <see cref="Int128"/> does, to the bit: sums, differences, order and
/// the conversion from a double, over the whole range, overflow included.
/// </summary>
public class Fixed128Tests
{
    /// <summary>
    /// Any 128-bit value: each word drawn from its whole range or from its edges (0, 1, the largest, the sign bit and
    /// its neighbours), so that carries, borrows and both ends of the range come up often.
    /// </summary>
    private static readonly Gen<Int128> Values =
        from high in Word
        from low in Word
        select new Int128(high, low);

    private static Gen<ulong> Word => Gen.OneOf(
        ArbMap.Default.GeneratorFor<ulong>(),
        Gen.Elements(0UL, 1UL, 2UL, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63, (1UL << 63) - 1, (1UL << 63) + 1));

    [Property(MaxTest = 2000)]
    public Property Sum_IsTheCheckedInt128Sum() =>
        Prop.ForAll(Values.Two().ToArbitrary(), pair =>
        {
            var (left, right) = pair;
            var expected = Outcome(() => checked(left + right));
            var actual = Outcome(() => (Int128)((Fixed128)left + (Fixed128)right));
            Assert.Equal(expected, actual);
        });

    [Property(MaxTest = 2000)]
    public Property Difference_IsTheCheckedInt128Difference() =>
        Prop.ForAll(Values.Two().ToArbitrary(), pair =>
        {
            var (left, right) = pair;
            var expected = Outcome(() => checked(left - right));
            var actual = Outcome(() => (Int128)((Fixed128)left - (Fixed128)right));
            Assert.Equal(expected, actual);
        });

    [Property(MaxTest = 2000)]
    public Property Order_IsInt128Order() =>
        Prop.ForAll(Values.Two().ToArbitrary(), pair =>
        {
            var (left, right) = pair;
            var (a, b) = ((Fixed128)left, (Fixed128)right);
            Assert.Equal(left.CompareTo(right), Math.Sign(a.CompareTo(b)));
            Assert.Equal(
                (left == right, left != right, (left < right), (left > right), left <= right, left >= right),
                (a == b, a != b, (a < b), (a > b), a <= b, a >= b));
            Assert.Equal(Int128.Max(left, right), (Int128)Fixed128.Max(a, b));
            Assert.Equal(Int128.IsNegative(left), a.IsNegative);
        });

    [Property(MaxTest = 1000)]
    public Property Conversions_RoundTrip() =>
        Prop.ForAll(Values.ToArbitrary(), value =>
        {
            Assert.Equal(value, (Int128)(Fixed128)value);
            Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ((Fixed128)value).ToString());
        });

    /// <summary>
    /// Any double whose integer part may fit, and some that do not: as a checked conversion to <see cref="Int128"/>,
    /// truncated towards 0, or an overflow in both. Drawn by their bits, so every exponent comes up, and from the edges.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property Truncate_IsTheCheckedInt128Conversion() =>
        Prop.ForAll(
            Gen.OneOf(
                    from bits in ArbMap.Default.GeneratorFor<long>() select BitConverter.Int64BitsToDouble(bits),
                    from whole in ArbMap.Default.GeneratorFor<long>() from exponent in Gen.Choose(-60, 140) select Math.ScaleB(whole, exponent),
                    Gen.Elements(0.0, -0.0, 0.5, -0.5, 1.0, Math.Pow(2, 64), -Math.Pow(2, 64), Math.Pow(2, 127), -Math.Pow(2, 127), Math.BitDecrement(Math.Pow(2, 127)), double.NaN, double.PositiveInfinity, double.NegativeInfinity))
                .ToArbitrary(),
            value => Assert.Equal(Outcome(() => checked((Int128)value)), Outcome(() => (Int128)Fixed128.Truncate(value))));

    [Fact]
    public void Unit_IsTwoToTheHundred() => Assert.Equal(Int128.One << 100, (Int128)FixedPoint.Unit);

    /// <summary>The value, or the overflow that replaced it (any other exception escapes).</summary>
    private static (Int128 Value, bool Overflowed) Outcome(Func<Int128> compute)
    {
        try
        {
            return (compute(), false);
        }
        catch (OverflowException)
        {
            return (0, true);
        }
    }
}
