using System.Numerics;

namespace PartnerMetrics.Health;

/// <summary>
/// The weights of one recency table for ages 0 to <see cref="Oldest"/>, laid out for a step of days:
/// the weights of ages r, r + step, r + 2·step, … lie side by side, so the weights of an item at
/// consecutive points of a history are consecutive. Each weight (at most 2¹⁰⁰ units) is split into
/// two limbs of 50 bits, so up to 2¹⁴ − 1 of them add up in 64 bits without a carry: a point's sum is
/// two runs of vector additions, and the integer it makes is exactly the sum of the 128-bit weights
/// that <see cref="RecencyTable.Weight"/> gives.
/// </summary>
internal sealed class StridedWeights
{
    private const int LimbBits = 50;
    private const ulong LowMask = (1UL << LimbBits) - 1;

    /// <summary>How many limbs of at most 2⁵⁰ a 64-bit sum holds.</summary>
    private const int MaxTerms = (1 << (64 - LimbBits)) - 1;

    private readonly int[] offsets;
    private readonly ulong[] high;
    private readonly ulong[] low;

    public StridedWeights(RecencyTable table, int step, int oldest)
    {
        Step = step;
        Oldest = oldest;
        offsets = new int[Math.Min(step, oldest + 1)];
        high = new ulong[oldest + 1];
        low = new ulong[oldest + 1];
        var index = 0;
        for (var residue = 0; residue < offsets.Length; residue++)
        {
            offsets[residue] = index;
            for (long age = residue; age <= oldest; age += step, index++)
            {
                var weight = table.Weight((int)age);
                high[index] = (ulong)(weight >> LimbBits);
                low[index] = unchecked((ulong)weight) & LowMask;
            }
        }
    }

    /// <summary>Gets the step the weights are laid out for.</summary>
    public int Step { get; }

    /// <summary>Gets the oldest age laid out.</summary>
    public int Oldest { get; }

    /// <summary>
    /// Adds to <paramref name="sums"/>, for each item, its weight at each point of its range: an item
    /// (age, start, stop) is <c>age</c> days old at point <c>start</c> and weighs at points start to
    /// stop − 1, <see cref="Step"/> days older at each.
    /// </summary>
    /// <param name="items">The items, each at most <see cref="Oldest"/> days old at its last point.</param>
    /// <param name="sums">The tallies, one per point.</param>
    /// <param name="highs">Room for the high limbs, one per point, all 0; left all 0.</param>
    /// <param name="lows">Room for the low limbs, as <paramref name="highs"/>.</param>
    public void Sum(ReadOnlySpan<(int Age, int Start, int Stop)> items, Span<Tally> sums, Span<ulong> highs, Span<ulong> lows)
    {
        var terms = 0;
        foreach (var (age, start, stop) in items)
        {
            if (terms == MaxTerms)
            {
                Carry(highs, lows, sums);
                terms = 0;
            }

            var at = offsets[age % Step] + (age / Step);
            var length = stop - start;
            Add(highs.Slice(start, length), high.AsSpan(at, length));
            Add(lows.Slice(start, length), low.AsSpan(at, length));
            terms++;
        }

        Carry(highs, lows, sums);
    }

    /// <summary>Moves the limb sums into the 128-bit tallies and clears them.</summary>
    private static void Carry(Span<ulong> highs, Span<ulong> lows, Span<Tally> sums)
    {
        for (var k = 0; k < sums.Length; k++)
        {
            sums[k].Weight += ((Int128)highs[k] << LimbBits) + lows[k];
        }

        highs.Clear();
        lows.Clear();
    }

    private static void Add(Span<ulong> sums, ReadOnlySpan<ulong> terms)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; k <= sums.Length - Vector<ulong>.Count; k += Vector<ulong>.Count)
            {
                (new Vector<ulong>(sums[k..]) + new Vector<ulong>(terms[k..])).CopyTo(sums[k..]);
            }
        }

        for (; k < sums.Length; k++)
        {
            sums[k] += terms[k];
        }
    }
}
