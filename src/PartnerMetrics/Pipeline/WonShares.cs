using System.Diagnostics;
using System.Numerics;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// The concentration of a set of won values (<see cref="Concentration"/>): the Herfindahl–Hirschman index
/// 10,000 × Σ vᵢ² ÷ (Σ vᵢ)², computed exactly — the values as integers at their largest scale, their sum and their sum
/// of squares as integers — and rounded once to the nearest double; and the share of the largest few.
/// </summary>
/// <remarks>
/// Integer sums do not depend on the order of the values, so the index needs no sort to be the same for any order or
/// merge of the deals (DOMAIN rule 13), and n equal values give 10,000 / n to the last bit (rule 14). Values whose
/// integers at the common scale fit in 64 bits, as money does (10^14 at four decimals is below 2⁶³), are summed in
/// 64- and 128-bit words; others in <see cref="BigInteger"/>, to the same result.
/// </remarks>
internal readonly struct WonShares
{
    /// <summary>The largest number of top values picked out without sorting all of them.</summary>
    private const int MaxPicked = 64;

    /// <summary>10⁰ to 10¹⁹, the powers of ten below 2⁶⁴.</summary>
    private static readonly ulong[] PowersOfTen = [.. Enumerable.Range(0, 20).Select(e => (ulong)BigInteger.Pow(10, e))];

    private WonShares(double? index, double? topShare)
    {
        Index = index;
        TopShare = topShare;
    }

    /// <summary>Gets the Herfindahl–Hirschman index; <see langword="null"/> when the values add up to 0.</summary>
    public double? Index { get; }

    /// <summary>Gets the share of the total from the largest values; <see langword="null"/> when the total is 0 (or was not asked for).</summary>
    public double? TopShare { get; }

    /// <summary>The index of non-negative values and the share of the <paramref name="top"/> largest (0: no share).</summary>
    /// <exception cref="OverflowException">The values add up to more than <see cref="decimal.MaxValue"/>.</exception>
    public static WonShares Of(ReadOnlySpan<decimal> values, int top)
    {
        // The largest scale of a value that is not 0: the integers' common scale (the index is a ratio, so any common scale gives it).
        int scale = 0, sumScale = 0;
        Span<int> bits = stackalloc int[4];
        foreach (var value in values)
        {
            decimal.GetBits(value, bits);
            var valueScale = (bits[3] >> 16) & 0xFF;
            sumScale = Math.Max(sumScale, valueScale);
            scale = value != 0 ? Math.Max(scale, valueScale) : scale;
        }

        Span<(ulong Value, int At)> largest = top is > 0 and <= MaxPicked ? stackalloc (ulong, int)[top] : [];
        return TrySum(values, scale, largest, out var sum, out var squares, out var picked)
            ? Small(values, scale, sumScale, top, sum, squares, largest[..picked])
            : Large(values, scale, top);
    }

    /// <summary>
    /// Σ M and Σ M² of the integers M = v × 10^scale, when each fits in 64 bits (else false); and the positions of the
    /// largest values, as many as <paramref name="largest"/> holds, smallest first.
    /// </summary>
    private static bool TrySum(ReadOnlySpan<decimal> values, int scale, Span<(ulong Value, int At)> largest, out UInt128 sum, out (UInt128 Low, ulong High) squares, out int picked)
    {
        (sum, squares, picked) = (UInt128.Zero, (UInt128.Zero, 0UL), 0);
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < values.Length; i++)
        {
            Debug.Assert(values[i] >= 0, "Won values are never negative: amounts are not, and documents with negative tallies are rejected.");
            decimal.GetBits(values[i], bits);
            var mantissa = unchecked((uint)bits[0] | ((ulong)(uint)bits[1] << 32));
            if (mantissa == 0 && bits[2] == 0)
            {
                continue;
            }

            var up = scale - ((bits[3] >> 16) & 0xFF);
            if (bits[2] != 0 || up >= PowersOfTen.Length || Math.BigMul(mantissa, PowersOfTen[up], out var integer) != 0)
            {
                return false;
            }

            sum += integer;
            var square = new UInt128(Math.BigMul(integer, integer, out var low), low);
            var before = squares.Low;
            squares.Low = unchecked(squares.Low + square);
            squares.High += squares.Low < before ? 1UL : 0UL;
            Pick(largest, ref picked, integer, i);
        }

        return true;
    }

    /// <summary>Keeps the largest integers seen in <paramref name="largest"/>, smallest first; an equal one does not displace an earlier one.</summary>
    private static void Pick(Span<(ulong Value, int At)> largest, ref int picked, ulong integer, int at)
    {
        int slot;
        if (picked < largest.Length)
        {
            // A free slot: the larger ones move up.
            for (slot = picked++; slot > 0 && largest[slot - 1].Value > integer; slot--)
            {
                largest[slot] = largest[slot - 1];
            }
        }
        else if (largest.IsEmpty || integer <= largest[0].Value)
        {
            return;
        }
        else
        {
            // Full: the smallest falls out and the smaller ones move down.
            for (slot = 0; slot + 1 < picked && largest[slot + 1].Value < integer; slot++)
            {
                largest[slot] = largest[slot + 1];
            }
        }

        largest[slot] = (integer, at);
    }

    /// <summary>The shares from the 64-bit path: the total as the decimal every order of addition gives, when it fits in one.</summary>
    private static WonShares Small(ReadOnlySpan<decimal> values, int scale, int sumScale, int top, UInt128 sum, (UInt128 Low, ulong High) squares, ReadOnlySpan<(ulong Value, int At)> largest)
    {
        if (sum == UInt128.Zero)
        {
            return default;
        }

        if (sum >> 96 != UInt128.Zero)
        {
            CheckTotal(sum, scale);
        }

        var index = IndexOf(Combine(squares.Low, squares.High), sum);

        // The total at the largest scale of any value, zeros included, as a sum of decimals in any order makes it: exact,
        // for no partial sum exceeds it. A total beyond 96 bits there is a sum decimal addition rounds: sorted, as before.
        var up = sumScale - scale;
        var total = up < PowersOfTen.Length && sum <= UInt128.MaxValue / PowersOfTen[up] ? sum * PowersOfTen[up] : UInt128.MaxValue;
        if (top == 0 || total >> 96 != UInt128.Zero || (top > MaxPicked && top < values.Length))
        {
            return new WonShares(index, top == 0 ? null : TopShareSorted(values, top));
        }

        var totalValue = new decimal(unchecked((int)(uint)total), unchecked((int)(uint)(total >> 32)), unchecked((int)(uint)(total >> 64)), false, (byte)sumScale);
        if (top >= values.Length)
        {
            return new WonShares(index, (double)(totalValue / totalValue));
        }

        // The largest first, as the sorted path adds them (fewer than the top when the rest are zeros); exact, below the total.
        var topValue = 0m;
        for (var i = largest.Length - 1; i >= 0; i--)
        {
            topValue += values[largest[i].At];
        }

        return new WonShares(index, (double)(topValue / totalValue));
    }

    /// <summary>The shares when an integer does not fit in 64 bits: in <see cref="BigInteger"/>.</summary>
    private static WonShares Large(ReadOnlySpan<decimal> values, int scale, int top)
    {
        BigInteger sum = BigInteger.Zero, squares = BigInteger.Zero;
        Span<int> bits = stackalloc int[4];
        foreach (var value in values)
        {
            // A zero adds nothing, and its scale may be above the common one (0.00000 beside 2 × 10¹⁹), which would scale it down.
            if (value == 0m)
            {
                continue;
            }

            decimal.GetBits(value, bits);
            var mantissa = new BigInteger(unchecked((uint)bits[0])) | (new BigInteger(unchecked((uint)bits[1])) << 32) | (new BigInteger(unchecked((uint)bits[2])) << 64);
            var integer = mantissa * BigInteger.Pow(10, scale - ((bits[3] >> 16) & 0xFF));
            sum += integer;
            squares += integer * integer;
        }

        CheckTotal(sum, scale);
        return sum.IsZero ? default : new WonShares(IndexOf(squares, sum), top == 0 ? null : TopShareSorted(values, top));
    }

    /// <summary>The share of the <paramref name="top"/> largest values: sorted, the total added smallest first and the top largest first.</summary>
    private static double? TopShareSorted(ReadOnlySpan<decimal> values, int top)
    {
        var sorted = values.ToArray();
        SortExactly(sorted);
        var total = 0m;
        foreach (var value in sorted)
        {
            total += value;
        }

        var topValue = 0m;
        for (var i = sorted.Length - 1; i >= Math.Max(0, sorted.Length - top); i--)
        {
            topValue += sorted[i];
        }

        return total > 0 ? (double)(topValue / total) : null;
    }

    /// <summary>Throws when the integers' sum at <paramref name="scale"/> is more than <see cref="decimal.MaxValue"/>, as a sum of the decimals would.</summary>
    private static void CheckTotal(BigInteger sum, int scale)
    {
        if (sum > new BigInteger(decimal.MaxValue) * BigInteger.Pow(10, scale))
        {
            throw new OverflowException("The values add up to more than the largest decimal.");
        }
    }

    /// <summary>
    /// Sorts decimals into ascending order as <see cref="Array.Sort{T}(T[])"/> does, faster: by their nearest doubles
    /// first, then each run of equal doubles by the decimals themselves. Rounding to a double keeps order
    /// (a &lt; b gives (double)a ≤ (double)b), so only values in such a run can be out of order.
    /// </summary>
    internal static void SortExactly(decimal[] values)
    {
        var keys = new double[values.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (double)values[i];
        }

        Array.Sort(keys, values);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(values, start, end - start);
            }

            start = end;
        }
    }

    private static BigInteger Combine(UInt128 low, ulong high) => (new BigInteger(high) << 128) | (BigInteger)low;

    /// <summary>10,000 × <paramref name="squares"/> ÷ <paramref name="sum"/>², rounded once to the nearest double (ties to even).</summary>
    private static double IndexOf(BigInteger squares, BigInteger sum) => Quotient(squares * 10_000, sum * sum);

    /// <summary>
    /// <paramref name="numerator"/> ÷ <paramref name="denominator"/>, both positive, rounded once to the nearest double (ties
    /// to even), for a quotient in the normal range: a quotient of 65 or 66 bits, its remainder kept as a sticky lowest bit,
    /// rounded to 53 bits by hand.
    /// </summary>
    internal static double Quotient(BigInteger numerator, BigInteger denominator)
    {
        var shift = (int)(denominator.GetBitLength() - numerator.GetBitLength()) + 65;
        var quotient = shift >= 0
            ? BigInteger.DivRem(numerator << shift, denominator, out var remainder)
            : BigInteger.DivRem(numerator, denominator << -shift, out remainder);
        var bitsOf = (UInt128)quotient | (remainder.IsZero ? UInt128.Zero : UInt128.One);
        var dropped = 128 - (int)UInt128.LeadingZeroCount(bitsOf) - 53;
        var kept = (ulong)(bitsOf >> dropped);
        var rest = bitsOf & ((UInt128.One << dropped) - 1);
        var half = UInt128.One << (dropped - 1);
        kept += rest > half || (rest == half && (kept & 1) == 1) ? 1UL : 0UL;
        return Math.ScaleB(kept, dropped - shift);
    }
}
