using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Scores a partnership at evenly spaced days in one pass over its evidence. Each dimension describes
/// each evidence item once, as the day ranges in which it counts (<see cref="IEvidenceSink"/>); this
/// sweep turns each range into a range of points: counts come from difference arrays over the points,
/// and recency-weighted sums add each item's <see cref="RecencyTable.Weight"/> at each point of its
/// range. Certifications, the plan and the weekly cadence are read per point; they are few.
/// </summary>
/// <remarks>
/// Every report equals <see cref="HealthScorer.Score"/> on its day exactly, in every number as well as
/// every count, reason and presence: both read the same description of the evidence, a weight sum at a
/// point is the 128-bit integer sum of the same per-item weights, read from the same table, that
/// <c>Score</c> adds — integer addition does not depend on order — and the factors and the report are
/// built by the same code from those sums. No weight is scaled from one day to another, so no range of
/// valid days and no valid half-life can overflow.
/// </remarks>
internal sealed class HistorySweep(int from, int step, int points) : IEvidenceSink
{
    private readonly int from = from;
    private readonly int step = step;
    private readonly int points = points;
    private readonly Series?[] series = new Series?[EvidenceSlots.Count];

    public HealthReport[] Run(Partnership partnership, ScoringContext context, Func<DateOnly, HealthFactor[][], ImmutableArray<HealthSignal>, HealthReport> assemble, CancellationToken cancellationToken)
    {
        var sink = this;
        EvidenceSlots.Describe(partnership, context, ref sink);
        SumAll();

        // The cadence asks, at each point, about the seven-day weeks ending on it and on the days 7, 14, … before it.
        var weeks = new ActivityDays(partnership, from - (7 * (context.Model.CadenceWeeks - 1)) - 6, from + ((points - 1) * step), points);
        Span<HeldCertification> held = new HeldCertification[partnership.Certifications.Length];
        held = held[..CompetencyDimension.Requirements(partnership, held)];
        var reports = new HealthReport[points];
        var tallies = new Tally[EvidenceSlots.Count];
        for (var k = 0; k < points; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var slot = 0; slot < tallies.Length; slot++)
            {
                tallies[slot] = series[slot]?.At(k) ?? default;
            }

            var day = from + (k * step);
            List<HealthSignal>? signals = null;
            var factors = EvidenceSlots.Factors(partnership, day, tallies, weeks, held, context, ref signals);
            reports[k] = assemble(DateOnly.FromDayNumber(day), factors, HealthScorer.Sorted(signals));
        }

        return reports;
    }

    public void Weigh(int slot, RecencyTable table, int dated, int first, int end) => (series[slot] ??= new Series(this, table)).Add(dated, first, end);

    public void Count(int slot, int first, int end) => (series[slot] ??= new Series(this, null)).Add(first, first, end);

    /// <summary>The first point on or after <paramref name="day"/>; <see cref="points"/> when none is, or the day is <see cref="EvidenceSlots.Never"/> or later.</summary>
    private int Index(long day) => day <= from ? 0 : day >= EvidenceSlots.Never ? points : (int)Math.Min(points, (day - from + step - 1) / step);

    /// <summary>
    /// Sums every series. The series that share a recency table share its weights, laid out once for this
    /// sweep's step (<see cref="StridedWeights"/>) when that costs less than reading them item by item.
    /// </summary>
    private void SumAll()
    {
        var laid = new Dictionary<RecencyTable, StridedWeights?>();
        foreach (var tally in series)
        {
            if (tally?.Table is not { } table || laid.ContainsKey(table))
            {
                continue;
            }

            long reads = 0, oldest = 0;
            foreach (var other in series)
            {
                if (other?.Table == table)
                {
                    reads += other.Reads;
                    oldest = Math.Max(oldest, other.OldestAge);
                }
            }

            // Laid out, each age up to the oldest is read once; item by item, one weight per item and point.
            laid[table] = oldest < reads ? table.Strided(step, (int)oldest) : null;
        }

        var highs = new ulong[points];
        var lows = new ulong[points];
        foreach (var tally in series)
        {
            tally?.Sum(tally.Table is { } table ? laid[table] : null, highs, lows);
        }
    }

    /// <summary>
    /// One tally per point: a count from ranges added once to a difference array, and, for a weighted
    /// tally, at each point the sum of <c>table.Weight(day − dated)</c> over the items visible on that
    /// day, in <see cref="FixedPoint"/> units — exactly what <see cref="HealthScorer.Score"/> adds on that
    /// day.
    /// </summary>
    /// <remarks>
    /// Exactness costs one weight per item and point: each item is visited at the points of its range
    /// only, and not from the age at which its weight rounds to 0.
    /// </remarks>
    private sealed class Series(HistorySweep sweep, RecencyTable? table)
    {
        private readonly long[] deltas = new long[sweep.points + 1];
        private readonly List<(int Age, int Start, int Stop)> items = [];
        private readonly long zeroAge = table?.ZeroAge ?? 0;
        private Tally[]? values;

        /// <summary>Gets the recency table of a weighted tally; null for a count.</summary>
        public RecencyTable? Table => table;

        /// <summary>Gets the number of weights the items need: one per item and point.</summary>
        public long Reads { get; private set; }

        /// <summary>Gets the oldest age any item is weighed at.</summary>
        public long OldestAge { get; private set; }

        public void Add(int dated, int first, int end)
        {
            Debug.Assert(table is null || first >= dated, "An item is never weighed before its day.");

            // The points whose day lies in [first, end).
            var (start, stop) = (sweep.Index(first), sweep.Index(end));
            if (start >= stop)
            {
                return;
            }

            deltas[start]++;
            deltas[stop]--;
            if (table is not null)
            {
                // The points before the item's weight rounds to 0 (the index of the earlier day is the earlier index).
                var weighedUntil = Math.Min(stop, sweep.Index(dated + zeroAge));
                if (start < weighedUntil)
                {
                    items.Add(((int)sweep.AgeAt(start, dated), start, weighedUntil));
                    Reads += weighedUntil - start;
                    OldestAge = Math.Max(OldestAge, sweep.AgeAt(weighedUntil - 1, dated));
                }
            }
        }

        public Tally At(int k) => values![k];

        /// <summary>Sums the items at every point, from <paramref name="strided"/> when the table's weights are laid out for the sweep (with room for its limbs).</summary>
        public void Sum(StridedWeights? strided, Span<ulong> highs, Span<ulong> lows)
        {
            var sums = new Tally[sweep.points];
            long running = 0;
            for (var k = 0; k < sums.Length; k++)
            {
                sums[k].Count = (int)(running += deltas[k]);
            }

            var aged = CollectionsMarshal.AsSpan(items);
            if (strided is null)
            {
                foreach (var (age, start, stop) in aged)
                {
                    table!.AddEvery(sums.AsSpan(start, stop - start), age, sweep.step);
                }
            }
            else
            {
                strided.Sum(aged, sums, highs, lows);
            }

            values = sums;
        }
    }

    /// <summary>The age in days of evidence dated <paramref name="dated"/> at point <paramref name="k"/>.</summary>
    private long AgeAt(int k, int dated) => from + ((long)k * step) - dated;
}
