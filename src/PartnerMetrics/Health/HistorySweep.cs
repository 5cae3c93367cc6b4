using System.Buffers;
using System.Diagnostics;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Scores a partnership at evenly spaced days in one pass over its evidence. Each dimension describes
/// each evidence item once, as the day ranges in which it counts (<see cref="IEvidenceSink"/>); this
/// sweep turns each range into a range of points: counts come from difference arrays over the points,
/// and recency-weighted sums add each item's <see cref="RecencyTable.Weight"/> at each point of its
/// range. Certifications, the plan and the weekly cadence are read per point; they are few. The tallies
/// of all points lie in one array, point by point, so a point's tallies are read where they were summed.
/// </summary>
/// <remarks>
/// Every report equals <see cref="HealthScorer.Score"/> on its day exactly, in every number as well as
/// every count, reason and presence: both read the same description of the evidence, a weight sum at a
/// point is the 128-bit integer sum of the same per-item weights, read from the same table, that
/// <c>Score</c> adds — integer addition does not depend on order — and the factors and the report are
/// built by the same code from those sums. No weight is scaled from one day to another, so no range of
/// valid days and no valid half-life can overflow.
/// </remarks>
internal sealed class HistorySweep
{
    private const int Slots = EvidenceSlots.Count;

    private readonly int from;
    private readonly int step;
    private readonly int points;

    /// <summary>The day of the last point.</summary>
    private readonly long last;

    /// <summary>Divides by the step.</summary>
    private readonly Divisor byStep;

    /// <summary>Each slot's recency table; null for a count, or a slot nothing was described to.</summary>
    private readonly RecencyTable?[] tables = new RecencyTable?[Slots];

    /// <summary>Per slot, the weights its items need: one per item and point.</summary>
    private readonly long[] reads = new long[Slots];

    /// <summary>Per slot, the oldest age any of its items is weighed at.</summary>
    private readonly long[] oldest = new long[Slots];

    /// <summary>A difference array of the counts over the points, point by point: at <c>k × Slots + slot</c>, the change of the slot's count from point k − 1 to point k.</summary>
    private readonly int[] deltas;

    /// <summary>The weighted items, in the order described: each with its age at its first point.</summary>
    private Item[] items;
    private int itemCount;

    private HistorySweep(int from, int step, int points)
    {
        (this.from, this.step, this.points) = (from, step, points);
        last = from + ((long)(points - 1) * step);
        byStep = new Divisor((uint)step);
        deltas = ArrayPool<int>.Shared.Rent(Slots * (points + 1));
        Array.Clear(deltas, 0, Slots * (points + 1));
        items = ArrayPool<Item>.Shared.Rent(256);
    }

    /// <summary>
    /// Scores <paramref name="partnership"/> at <paramref name="points"/> days: <paramref name="from"/>, then every
    /// <paramref name="step"/> days; <paramref name="score"/> makes each point's result from its tallies and facts.
    /// </summary>
    public static T[] Run<T, TScore>(Partnership partnership, ScoringContext context, int from, int step, int points, TScore score, CancellationToken cancellationToken)
        where TScore : struct, IPointScore<T>
    {
        var sweep = new HistorySweep(from, step, points);
        Tally[]? tallies = null;
        try
        {
            // Through a struct, so that the description is compiled for this sink and its calls are direct.
            var sink = new Collector(sweep);
            EvidenceSlots.Describe(partnership, context, ref sink);
            cancellationToken.ThrowIfCancellationRequested();
            tallies = ArrayPool<Tally>.Shared.Rent(Slots * points);
            sweep.SumAll(tallies, cancellationToken);

            // The cadence asks, at each point, about the seven-day weeks ending on it and on the days 7, 14, … before it.
            var weeks = new ActivityDays(partnership, from - (7 * (context.Model.CadenceWeeks - 1)) - 6, from + ((points - 1) * step), points);
            Span<HeldCertification> held = new HeldCertification[partnership.Certifications.Length];
            held = held[..CompetencyDimension.Requirements(partnership, held)];
            held = held[..CompetencyDimension.Undominated(held)];
            var results = new T[points];
            for (var k = 0; k < points; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results[k] = score.At(partnership, from + (k * step), tallies.AsSpan(k * Slots, Slots), weeks, held);
            }

            return results;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(sweep.deltas);
            ArrayPool<Item>.Shared.Return(sweep.items);
            if (tallies is not null)
            {
                ArrayPool<Tally>.Shared.Return(tallies);
            }
        }
    }

    /// <summary>Adds an item to slot <paramref name="slot"/> on the points in [<paramref name="first"/>, <paramref name="end"/>), weighed from <paramref name="dated"/> with <paramref name="table"/> when it is not null.</summary>
    private void Add(int slot, RecencyTable? table, int dated, int first, int end)
    {
        // The points whose day lies in [first, end).
        var (start, stop) = (Index(first), Index(end));
        if (start >= stop)
        {
            return;
        }

        deltas[(start * Slots) + slot]++;
        deltas[(stop * Slots) + slot]--;
        if (table is null)
        {
            return;
        }

        Debug.Assert(first >= dated, "An item is never weighed before its day.");
        Debug.Assert(tables[slot] is null || tables[slot] == table, "A slot has one recency table.");
        tables[slot] = table;

        // The points before the item's weight rounds to 0 (the index of the earlier day is the earlier index).
        var weighedUntil = Math.Min(stop, Index(dated + (long)table.ZeroAge));
        if (start < weighedUntil)
        {
            if (itemCount == items.Length)
            {
                var larger = ArrayPool<Item>.Shared.Rent(2 * items.Length);
                items.AsSpan(0, itemCount).CopyTo(larger);
                ArrayPool<Item>.Shared.Return(items);
                items = larger;
            }

            items[itemCount++] = new Item(slot, (int)AgeAt(start, dated), start, weighedUntil);
            reads[slot] += weighedUntil - start;
            oldest[slot] = Math.Max(oldest[slot], AgeAt(weighedUntil - 1, dated));
        }
    }

    /// <summary>The first point on or after <paramref name="day"/>; <see cref="points"/> when none is, or the day is <see cref="EvidenceSlots.Never"/> or later.</summary>
    /// <remarks>A day between the first and the last point is less than <see cref="points"/> × <see cref="step"/> days after the first, which is below 2³²: the division is of 32-bit numbers, by <see cref="Divisor"/>.</remarks>
    private int Index(long day) =>
        day <= from ? 0
        : day > last ? points
        : (int)byStep.Divide((uint)(day - from + step - 1));

    /// <summary>The age in days of evidence dated <paramref name="dated"/> at point <paramref name="k"/>.</summary>
    private long AgeAt(int k, int dated) => from + ((long)k * step) - dated;

    /// <summary>
    /// Fills <paramref name="tallies"/> (the caller's, rented) with the tallies of every point, <see cref="Slots"/> per point: counts from
    /// the difference arrays, and, for a weighted slot, at each point the sum of <c>table.Weight(day − dated)</c>
    /// over the items visible on that day, in <see cref="FixedPoint"/> units — exactly what
    /// <see cref="HealthScorer.Score"/> adds on that day. The slots that share a recency table share its weights,
    /// laid out once for this sweep's step (<see cref="StridedWeights"/>) when that costs less than reading them
    /// item by item.
    /// </summary>
    /// <remarks>
    /// Exactness costs one weight per item and point: each item is visited at the points of its range
    /// only, and not from the age at which its weight rounds to 0.
    /// </remarks>
    private void SumAll(Tally[] tallies, CancellationToken cancellationToken)
    {
        var all = tallies.AsSpan(0, Slots * points);
        all.Clear();

        // Point by point, in the order the tallies and the differences lie: each point's counts are the previous point's plus its differences.
        Span<int> running = stackalloc int[Slots];
        for (var k = 0; k < points; k++)
        {
            var point = all.Slice(k * Slots, Slots);
            var changes = deltas.AsSpan(k * Slots, Slots);
            for (var slot = 0; slot < Slots; slot++)
            {
                point[slot].Count = running[slot] += changes[slot];
            }
        }

        Span<int> terms = stackalloc int[Slots];
        var laid = new StridedWeights?[Slots];
        for (var slot = 0; slot < Slots; slot++)
        {
            if (tables[slot] is { } table && laid[slot] is null)
            {
                long tableReads = 0, tableOldest = 0;
                for (var other = slot; other < Slots; other++)
                {
                    if (tables[other] == table)
                    {
                        tableReads += reads[other];
                        tableOldest = Math.Max(tableOldest, oldest[other]);
                    }
                }

                // Laid out, each age up to the oldest is read once; item by item, one weight per item and point.
                if (tableOldest < tableReads)
                {
                    var strided = table.Strided(step, (int)tableOldest);
                    for (var other = slot; other < Slots; other++)
                    {
                        laid[other] = tables[other] == table ? strided : laid[other];
                    }
                }
            }
        }

        // A slot's limbs are cleared when its first item comes, and by each carry: a slot with none is not touched.
        var limbs = ArrayPool<ulong>.Shared.Rent(Slots * 2 * points);
        Span<bool> used = stackalloc bool[Slots];
        try
        {
            var visited = 0;
            foreach (var (slot, age, start, stop) in items.AsSpan(0, itemCount))
            {
                // A daily history over decades adds millions of weights per item: the token is checked every 256 items.
                if ((++visited & 255) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (laid[slot] is { } strided)
                {
                    var slotLimbs = limbs.AsSpan(slot * 2 * points, 2 * points);
                    if (!used[slot])
                    {
                        slotLimbs.Clear();
                        used[slot] = true;
                    }
                    else if (terms[slot] == StridedWeights.MaxTerms)
                    {
                        StridedWeights.Carry(slotLimbs, all[slot..], Slots);
                        slotLimbs.Clear();
                        terms[slot] = 0;
                    }

                    strided.Add(age, start, stop, slotLimbs);
                    terms[slot]++;
                }
                else
                {
                    tables[slot]!.AddEvery(all[((start * Slots) + slot)..], Slots, stop - start, age, step);
                }
            }

            for (var slot = 0; slot < Slots; slot++)
            {
                if (terms[slot] > 0)
                {
                    StridedWeights.Carry(limbs.AsSpan(slot * 2 * points, 2 * points), all[slot..], Slots);
                }
            }
        }
        finally
        {
            // Also when the token stops the sums.
            ArrayPool<ulong>.Shared.Return(limbs);
        }
    }

    /// <summary>A weighted item of a slot: <see cref="Age"/> days old at point <see cref="Start"/>, weighed at the points before <see cref="Stop"/>.</summary>
    private readonly record struct Item(int Slot, int Age, int Start, int Stop);

    /// <summary>The sweep as a sink a dimension's description is specialised for.</summary>
    private readonly struct Collector(HistorySweep sweep) : IEvidenceSink
    {
        public void Weigh(int slot, RecencyTable table, int dated, int first, int end) => sweep.Add(slot, table, dated, first, end);

        public void Count(int slot, int first, int end) => sweep.Add(slot, null, first, first, end);
    }
}

/// <summary>
/// What a history makes of each point (<see cref="HistorySweep.Run"/>): a full report, or only the score, confidence and
/// band. A struct, so that the sweep is compiled for it and its call is direct.
/// </summary>
/// <typeparam name="T">The result of a point.</typeparam>
internal interface IPointScore<out T>
{
    /// <summary>The result on <paramref name="day"/>, from the tallies summed for it, the weeks of activity and the certifications held.</summary>
    T At(Partnership partnership, int day, ReadOnlySpan<Tally> tallies, in ActivityDays weeks, ReadOnlySpan<HeldCertification> held);
}
