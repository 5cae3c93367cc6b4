using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PartnerMetrics.Health;

/// <summary>
/// A signed 128-bit integer: a count of <see cref="FixedPoint"/> units, as a recency weight or a sum of them, with
/// the few operations the scorer needs, exact and checked like <see cref="Int128"/>'s.
/// </summary>
/// <remarks>
/// Not <see cref="Int128"/> itself: the ReadyToRun compiler does not compile a method that passes an
/// <see cref="Int128"/> by value (its calling convention may change between runtime versions), and every method that
/// adds weights does so through <see cref="Int128"/>'s operators. With it, the whole scorer ran unoptimized at first in
/// every process, then was compiled again; a struct of two words of this assembly has no such limit.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct Fixed128 : IEquatable<Fixed128>, IComparable<Fixed128>
{
    /// <summary>The low 64 bits.</summary>
    public readonly ulong Low;

    /// <summary>The high 64 bits, with the sign.</summary>
    public readonly long High;

    public Fixed128(long high, ulong low) => (High, Low) = (high, low);

    public static Fixed128 Zero => default;

    /// <summary>Gets a value indicating whether the number is below 0.</summary>
    public bool IsNegative => High < 0;

    /// <summary>The sum; throws <see cref="OverflowException"/> when it leaves the range, as a checked <see cref="Int128"/> sum does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fixed128 operator +(Fixed128 left, Fixed128 right)
    {
        var low = unchecked(left.Low + right.Low);
        var high = unchecked(left.High + right.High + (low < left.Low ? 1L : 0L));

        // Two's complement: a sum overflows when both terms have one sign and the sum the other, so when the sum's sign
        // differs from each term's (one test, no branch between them).
        if (((left.High ^ high) & (right.High ^ high)) < 0)
        {
            Overflow();
        }

        return new Fixed128(high, low);
    }

    /// <summary>The difference; throws <see cref="OverflowException"/> when it leaves the range, as a checked <see cref="Int128"/> difference does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fixed128 operator -(Fixed128 left, Fixed128 right)
    {
        var low = unchecked(left.Low - right.Low);
        var high = unchecked(left.High - right.High - (left.Low < right.Low ? 1L : 0L));

        // A difference overflows when the terms have different signs and the difference has the subtrahend's (one test).
        if (((left.High ^ right.High) & (left.High ^ high)) < 0)
        {
            Overflow();
        }

        return new Fixed128(high, low);
    }

    public static bool operator ==(Fixed128 left, Fixed128 right) => left.Equals(right);

    public static bool operator !=(Fixed128 left, Fixed128 right) => !left.Equals(right);

    public static bool operator <(Fixed128 left, Fixed128 right) => left.CompareTo(right) < 0;

    public static bool operator >(Fixed128 left, Fixed128 right) => left.CompareTo(right) > 0;

    public static bool operator <=(Fixed128 left, Fixed128 right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Fixed128 left, Fixed128 right) => left.CompareTo(right) >= 0;

    /// <summary>The same number as an <see cref="Int128"/> (for tests and checks, not for a hot path).</summary>
    public static implicit operator Int128(Fixed128 value) => new(unchecked((ulong)value.High), value.Low);

    /// <summary>The same number from an <see cref="Int128"/> (for tests and checks, not for a hot path).</summary>
    public static explicit operator Fixed128(Int128 value) => new(unchecked((long)(ulong)(value >>> 64)), unchecked((ulong)value));

    /// <summary>
    /// The integer part of a double, as a checked conversion to <see cref="Int128"/> gives it: truncated towards 0, and
    /// <see cref="OverflowException"/> for NaN or a value outside [−2¹²⁷, 2¹²⁷).
    /// </summary>
    public static Fixed128 Truncate(double value)
    {
        const double TwoTo64 = 18446744073709551616.0;
        const double TwoTo127 = TwoTo64 * TwoTo64 / 2;
        if (!(value >= -TwoTo127 && value < TwoTo127))
        {
            throw new OverflowException($"{value} is not in the range of a 128-bit integer.");
        }

        if (value < 0)
        {
            return value == -TwoTo127 ? new Fixed128(long.MinValue, 0) : Zero - Truncate(-value);
        }

        // Both parts are exact: the high part is the whole number of 2⁶⁴s in the value (below 2⁶³), and the low part what
        // is left, below 2⁶⁴ — whole when the value is 2⁵³ or more, and otherwise truncated by the cast, as the conversion
        // truncates.
        var high = Math.Floor(value / TwoTo64);
        return new Fixed128((long)high, (ulong)(value - (high * TwoTo64)));
    }

    /// <summary>The larger of two numbers.</summary>
    public static Fixed128 Max(Fixed128 left, Fixed128 right) => left >= right ? left : right;

    public bool Equals(Fixed128 other) => Low == other.Low && High == other.High;

    public override bool Equals(object? obj) => obj is Fixed128 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Low, High);

    public int CompareTo(Fixed128 other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);

    /// <summary>Throws outside the operators, so that they stay small enough to inline, as <see cref="Int128"/>'s do.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Overflow() => throw new OverflowException("A 128-bit sum of weights left its range.");

    public override string ToString() => ((Int128)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
