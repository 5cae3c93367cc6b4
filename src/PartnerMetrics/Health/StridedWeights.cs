using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PartnerMetrics.Health;

/// <summary>
/// The weights of one recency table for ages 0 to <see cref="Oldest"/>, laid out for a step of days:
/// the weights of ages r, r + step, r + 2·step, … lie side by side, so the weights of an item at
/// consecutive points of a history are consecutive. Each weight (at most 2¹⁰⁰ units) is split into
/// two limbs of 50 bits, high then low, so up to 2¹⁴ − 1 of them add up in 64 bits without a carry: an
/// item's weights over its points are one run of vector additions, and the integer a point's limbs
/// make is exactly the sum of the 128-bit weights that <see cref="RecencyTable.Weight"/> gives.
/// </summary>
internal sealed class StridedWeights
{
    private const int LimbBits = 50;
    private const ulong LowMask = (1UL << LimbBits) - 1;

    /// <summary>How many limbs of at most 2⁵⁰ a 64-bit sum holds: <see cref="Carry"/> at least this often.</summary>
    public const int MaxTerms = (1 << (64 - LimbBits)) - 1;

    private readonly int[] offsets;

    /// <summary>Divides an age by the step.</summary>
    private readonly Divisor byStep;

    /// <summary>The limbs of each laid-out weight: high at 2·i, low at 2·i + 1.</summary>
    private readonly ulong[] limbs;

    public StridedWeights(RecencyTable table, int step, int oldest)
    {
        Step = step;
        byStep = new Divisor((uint)step);
        Oldest = oldest;
        offsets = new int[Math.Min(step, oldest + 1)];
        limbs = new ulong[2 * (oldest + 1)];
        var index = 0;
        for (var residue = 0; residue < offsets.Length; residue++)
        {
            offsets[residue] = index;
            for (long age = residue; age <= oldest; age += step, index++)
            {
                // A weight is at most 2¹⁰⁰ units: its bits from 50 up are the high word's (below 2³⁶) above the low word's top 14.
                var weight = table.Weight((int)age);
                limbs[2 * index] = (unchecked((ulong)weight.High) << (64 - LimbBits)) | (weight.Low >> LimbBits);
                limbs[(2 * index) + 1] = weight.Low & LowMask;
            }
        }
    }

    /// <summary>Gets the step the weights are laid out for.</summary>
    public int Step { get; }

    /// <summary>Gets the oldest age laid out.</summary>
    public int Oldest { get; }

    /// <summary>
    /// Adds to <paramref name="limbSums"/> an item's weight at each point of its range: it is <paramref name="age"/>
    /// days old at point <paramref name="start"/> and weighs at points start to <paramref name="stop"/> − 1,
    /// <see cref="Step"/> days older at each, at most <see cref="Oldest"/> at the last.
    /// </summary>
    /// <param name="age">The item's age at its first point.</param>
    /// <param name="start">The item's first point.</param>
    /// <param name="stop">The point after its last.</param>
    /// <param name="limbSums">Two limbs per point, high then low; <see cref="Carry"/> them at least every <see cref="MaxTerms"/> items.</param>
    public void Add(int age, int start, int stop, Span<ulong> limbSums)
    {
        var quotient = (int)byStep.Divide((uint)age);
        var residue = age - (quotient * Step);
        var length = 2 * (stop - start);
        Add(limbSums.Slice(2 * start, length), limbs.AsSpan(2 * (offsets[residue] + quotient), length));
    }

    /// <summary>
    /// Adds the limb sums to the 128-bit tallies: point k's to <c>sums[k × stride]</c>. Clear the limbs before
    /// adding to them again.
    /// </summary>
    /// <param name="limbSums">Two limbs per point, high then low.</param>
    /// <param name="sums">The tallies, point k's at <c>k × <paramref name="stride"/></c>.</param>
    /// <param name="stride">The distance between two points' tallies.</param>
    public static void Carry(ReadOnlySpan<ulong> limbSums, Span<Tally> sums, int stride)
    {
        for (var k = 0; k < limbSums.Length / 2; k++)
        {
            // high · 2⁵⁰ + low as two 64-bit words: the high limb's top 50 bits in the high word, the rest and the low
            // limb in the low word, whose carry goes to the high word (which stays below 2⁵⁰ + 2).
            var (high, low) = (limbSums[2 * k], limbSums[(2 * k) + 1]);
            var lowWord = unchecked((high << LimbBits) + low);
            var highWord = (high >> (64 - LimbBits)) + (lowWord < low ? 1UL : 0UL);
            sums[k * stride].Weight += new Fixed128(unchecked((long)highWord), lowWord);
        }
    }

    private static void Add(Span<ulong> sums, ReadOnlySpan<ulong> terms)
    {
        ref var sum = ref MemoryMarshal.GetReference(sums);
        ref var term = ref MemoryMarshal.GetReference(terms);
        var length = (nuint)Math.Min(sums.Length, terms.Length);
        nuint k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; k + (nuint)Vector512<ulong>.Count <= length; k += (nuint)Vector512<ulong>.Count)
            {
                (Vector512.LoadUnsafe(ref sum, k) + Vector512.LoadUnsafe(ref term, k)).StoreUnsafe(ref sum, k);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; k + (nuint)Vector256<ulong>.Count <= length; k += (nuint)Vector256<ulong>.Count)
            {
                (Vector256.LoadUnsafe(ref sum, k) + Vector256.LoadUnsafe(ref term, k)).StoreUnsafe(ref sum, k);
            }
        }

        for (; k < length; k++)
        {
            Unsafe.Add(ref sum, k) += Unsafe.Add(ref term, k);
        }
    }
}
