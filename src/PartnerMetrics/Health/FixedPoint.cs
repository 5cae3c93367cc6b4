using System.Numerics;

namespace PartnerMetrics.Health;

/// <summary>
/// Evidence weights as 128-bit integers in units of 2⁻¹⁰⁰. Every recency weight is a double of at
/// least 2⁻⁴⁰ (older evidence weighs exactly 0), so scaling it by 2¹⁰⁰ loses nothing and the integer
/// sum is the exact sum of the weights, whatever their order (DOMAIN rule 2, to the last bit).
/// </summary>
internal static class FixedPoint
{
    /// <summary>2¹⁰⁰ as a double: one unit of evidence.</summary>
    public const double One = 1267650600228229401496703205376.0;

    /// <summary>Evidence older than this many half-lives weighs exactly 0.</summary>
    public const double MaxHalfLives = 40;

    /// <summary>One unit of evidence as an integer.</summary>
    public static readonly Fixed128 Unit = new(1L << 36, 0);

    public static Fixed128 From(double weight) => Fixed128.Truncate(Math.Round(weight * One));

    /// <summary>The units as a double: <c>(double)units / One</c>, rounded as that conversion rounds, without its 128-bit arithmetic.</summary>
    public static double ToDouble(Fixed128 units) => ToDoubleExact(units) / One;

    /// <summary>
    /// <c>(double)value</c>, correctly rounded: below 2⁶⁴ by the hardware's conversion; above, from the top 64
    /// bits with a sticky bit for any set bit below them, which round to the same 53 bits as the whole value
    /// does; a negative value as the negation of its magnitude, which rounds the same way (all pinned against
    /// the runtime's conversion of <see cref="Int128"/> by <c>FixedPointTests</c>).
    /// </summary>
    internal static double ToDoubleExact(Fixed128 value)
    {
        if (value.IsNegative)
        {
            // −2¹²⁷ has no positive counterpart, and is a power of two: exact as a double.
            return value.High == long.MinValue && value.Low == 0 ? -1.7014118346046923E+38 : -ToDoubleExact(Fixed128.Zero - value);
        }

        var (high, low) = (unchecked((ulong)value.High), value.Low);
        if (high == 0)
        {
            return low;
        }

        // The high word's 1 to 63 bits moved to the top of 64, the low word's below them, and a sticky bit for the rest.
        var shift = 64 - BitOperations.LeadingZeroCount(high);
        var top = (high << (64 - shift)) | (low >> shift) | ((low << (64 - shift)) != 0 ? 1UL : 0UL);
        return top * BitConverter.Int64BitsToDouble((long)(1023 + shift) << 52);
    }
}
