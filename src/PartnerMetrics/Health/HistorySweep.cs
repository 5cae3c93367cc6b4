using System.Collections.Immutable;
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
        // The cadence asks, at each point, about the seven-day weeks ending on it and on the days 7, 14, … before it.
        var weeks = new ActivityDays(partnership, from - (7 * (context.Model.CadenceWeeks - 1)) - 6, from + ((points - 1) * step), points);
        var requirements = new int[partnership.Certifications.Length];
        CompetencyDimension.Requirements(partnership, requirements);
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
            var factors = EvidenceSlots.Factors(partnership, day, tallies, weeks, requirements, context, ref signals);
            reports[k] = assemble(DateOnly.FromDayNumber(day), factors, HealthScorer.Sorted(signals));
        }

        return reports;
    }

    public void Weigh(int slot, RecencyTable table, int dated, int first, int end) => (series[slot] ??= new Series(this, table)).Add(dated, first, end);

    public void Count(int slot, int first, int end) => (series[slot] ??= new Series(this, null)).Add(first, first, end);

    /// <summary>The points whose day lies in [<paramref name="first"/>, <paramref name="end"/>).</summary>
    private (int Start, int Stop) Points(int first, long end) => (Index(first), end >= EvidenceSlots.Never ? points : Index((int)end));

    private int Index(int day) => day <= from ? 0 : (int)Math.Min(points, (((long)day - from) + step - 1) / step);

    /// <summary>
    /// One tally per point: a count from ranges added once to a difference array, and, for a weighted
    /// tally, at each point the sum of <c>table.Weight(day − dated)</c> over the items visible on that
    /// day, in <see cref="FixedPoint"/> units — exactly what <see cref="HealthScorer.Score"/> adds on that
    /// day. Items are kept, and summed when first read.
    /// </summary>
    /// <remarks>
    /// Exactness costs one table read per item and point: each item is visited at the points of its
    /// range only, and not from the age at which its weight rounds to 0.
    /// </remarks>
    private sealed class Series(HistorySweep sweep, RecencyTable? table)
    {
        private readonly long[] deltas = new long[sweep.points + 1];
        private readonly List<(int Dated, int Start, int Stop)> items = [];
        private readonly long zeroAge = table?.ZeroAge ?? 0;
        private Tally[]? values;

        public void Add(int dated, int first, int end)
        {
            var (start, stop) = sweep.Points(first, end);
            if (start >= stop)
            {
                return;
            }

            deltas[start]++;
            deltas[stop]--;
            if (table is not null)
            {
                var (_, weighedUntil) = sweep.Points(first, Math.Min(end, dated + zeroAge));
                if (start < weighedUntil)
                {
                    items.Add((dated, start, weighedUntil));
                }
            }
        }

        public Tally At(int k) => (values ??= Sum())[k];

        private Tally[] Sum()
        {
            var sums = new Tally[sweep.points];
            long running = 0;
            for (var k = 0; k < sums.Length; k++)
            {
                sums[k].Count = (int)(running += deltas[k]);
            }

            foreach (var (dated, start, stop) in items)
            {
                table!.AddEvery(sums.AsSpan(start, stop - start), sweep.from + (start * sweep.step) - dated, sweep.step);
            }

            return sums;
        }
    }
}
