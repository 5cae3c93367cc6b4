using System.Collections.Immutable;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Scores a partnership at evenly spaced days in one pass over its evidence. Each item's life as of a
/// day — invisible, pending, overdue, resolved — is a few day ranges, turned once into a range of
/// points: counts come from difference arrays over the points, and recency-weighted sums add each
/// item's <see cref="RecencyTable.Weight"/> at each point of its range. Certifications, the plan and
/// the weekly cadence (from one sorted list of activity days) are read per point; they are few.
/// </summary>
/// <remarks>
/// Every report equals <see cref="HealthScorer.Score"/> on its day exactly, in every number as well as
/// every count, reason and presence: a weight sum at a point is the 128-bit integer sum of the same
/// per-item weights, read from the same table, that <c>Score</c> adds — integer addition does not
/// depend on order — and the factors and the report are built by the same code from those sums. No
/// weight is scaled from one day to another, so no range of valid days and no valid half-life can
/// overflow.
/// </remarks>
internal sealed class HistorySweep
{
    private readonly ScoringContext context;
    private readonly Partnership partnership;
    private readonly int from;
    private readonly int step;
    private readonly int points;

    public HistorySweep(ScoringContext context, Partnership partnership, int from, int step, int points)
    {
        (this.context, this.partnership, this.from, this.step, this.points) = (context, partnership, from, step, points);
    }

    private const int Never = int.MaxValue;

    public HealthReport[] Run(Func<PartnerId, DateOnly, HealthFactor[][], ImmutableArray<HealthSignal>, HealthReport> assemble)
    {
        var trust = new TrustSeries(this);
        var deliveries = new RateSeries(this, context.Competency);
        var cooperation = new CooperationSeries(this);
        var progress = new ProgressSeries(this);
        trust.Load(partnership.Commitments);
        foreach (var delivery in partnership.Deliveries)
        {
            deliveries.Add(delivery.OnTime && delivery.Satisfaction >= context.Model.SatisfactionThreshold, delivery.Date.DayNumber, delivery.Date.DayNumber);
        }

        cooperation.Load(partnership.Interactions);
        progress.Load(partnership);

        var reports = new HealthReport[points];
        var required = partnership.RequiredCompetencies;
        var validUntil = new int[required.Length];
        for (var k = 0; k < points; k++)
        {
            var day = Day(k);
            List<HealthSignal>? signals = null;
            var factors = new HealthFactor[5][];
            factors[(int)HealthDimension.Trust] = trust.Factors(k);
            factors[(int)HealthDimension.Competency] = CompetencyDimension.Factors(required.Length, Coverage(day, validUntil, ref signals), deliveries.At(k), context.Maturity(partnership.StartedOn.DayNumber, day), context);
            factors[(int)HealthDimension.Cooperation] = cooperation.Factors(k);
            factors[(int)HealthDimension.PlanAlignment] = PlanAlignmentDimension.Measure(partnership, day, context);
            factors[(int)HealthDimension.TrackedProgress] = progress.Factors(k, day);
            reports[k] = assemble(
                partnership.Partner.Id,
                DateOnly.FromDayNumber(day),
                factors,
                signals is null ? [] : [.. signals.OrderBy(s => s.Code, StringComparer.Ordinal).ThenBy(s => s.Message, StringComparer.Ordinal)]);
        }

        return reports;
    }

    /// <summary>The points whose day lies in [<paramref name="first"/>, <paramref name="end"/>).</summary>
    private (int Start, int End) Points(int first, int end) => (Index(first), end == Never ? points : Index(end));

    /// <summary>The day of point <paramref name="k"/>.</summary>
    private int Day(int k) => from + (k * step);

    private int Index(int day) => day <= from ? 0 : (int)Math.Min(points, (((long)day - from) + step - 1) / step);

    private int Coverage(int day, int[] validUntil, ref List<HealthSignal>? signals)
    {
        CompetencyDimension.LatestValidExpiries(partnership, day, validUntil);
        return CompetencyDimension.Coverage(partnership.RequiredCompetencies, validUntil, day, context.Model, ref signals);
    }

    /// <summary>A count per point, from ranges added once.</summary>
    private sealed class Counts(HistorySweep sweep)
    {
        private readonly long[] deltas = new long[sweep.points + 1];
        private long[]? values;

        public void Add(int first, int end, long times = 1)
        {
            var (start, stop) = sweep.Points(first, end);
            if (start < stop)
            {
                deltas[start] += times;
                deltas[stop] -= times;
            }
        }

        public int At(int k) => (int)Values()[k];

        public long LongAt(int k) => Values()[k];

        private long[] Values()
        {
            if (values is null)
            {
                values = new long[deltas.Length];
                long running = 0;
                for (var k = 0; k < deltas.Length; k++)
                {
                    values[k] = running += deltas[k];
                }
            }

            return values;
        }
    }

    /// <summary>
    /// A recency-weighted sum per point, in <see cref="FixedPoint"/> units: at each point, the sum of
    /// <c>table.Weight(day − dated)</c> over the items visible on that day, which is exactly what
    /// <see cref="HealthScorer.Score"/> adds on that day. Items are kept, and summed when first read.
    /// </summary>
    /// <remarks>
    /// Exactness costs one table read per item and point: each item is visited at the points of its
    /// range only, and not from the age at which its weight rounds to 0.
    /// </remarks>
    private sealed class Weights(HistorySweep sweep, RecencyTable table)
    {
        private readonly List<(int Dated, int Start, int Stop)> items = [];
        private readonly int zeroAge = table.ZeroAge;
        private Int128[]? values;

        /// <summary>Adds an item dated <paramref name="dated"/> and visible on the days in [<paramref name="first"/>, <paramref name="end"/>).</summary>
        public void Add(int dated, int first, int end)
        {
            var (start, stop) = sweep.Points(first, (int)Math.Min(end, (long)dated + zeroAge));
            if (start < stop)
            {
                items.Add((dated, start, stop));
            }
        }

        /// <summary>The sum at point <paramref name="k"/>, in <see cref="FixedPoint"/> units.</summary>
        public Int128 At(int k) => items.Count == 0 ? Int128.Zero : (values ??= Sum())[k];

        private Int128[] Sum()
        {
            var sums = new Int128[sweep.points];
            foreach (var (dated, start, stop) in items)
            {
                var age = sweep.Day(start) - dated;
                for (var k = start; k < stop; k++, age += sweep.step)
                {
                    sums[k] += table.Weight(age);
                }
            }

            return sums;
        }
    }

    /// <summary>A Beta-mean rate per point: weighted successes and failures, and their counts.</summary>
    private sealed class RateSeries(HistorySweep sweep, RecencyTable table)
    {
        private readonly Weights positive = new(sweep, table);
        private readonly Weights negative = new(sweep, table);
        private readonly Counts successes = new(sweep);
        private readonly Counts failures = new(sweep);

        public void Add(bool success, int dated, int first, int end = Never)
        {
            (success ? positive : negative).Add(dated, first, end);
            (success ? successes : failures).Add(first, end);
        }

        public RateTally At(int k) => new()
        {
            Positive = positive.At(k),
            Negative = negative.At(k),
            Successes = successes.At(k),
            Failures = failures.At(k),
        };
    }

    private sealed class TrustSeries(HistorySweep sweep)
    {
        private readonly Side[] sides = [Side.Partner, Side.Vendor];
        private readonly (Weights Kept, Weights KeptLate, Weights Broken, Weights OverdueWeight, Counts KeptCount, Counts KeptLateCount, Counts BrokenCount, Counts Overdue)[] bySide =
            [Create(sweep), Create(sweep)];

        public void Load(ImmutableArray<Commitment> commitments)
        {
            var grace = (int)Math.Floor(sweep.context.Model.GracePeriod.TotalDays);
            foreach (var commitment in commitments)
            {
                var side = bySide[commitment.PromisedBy == Side.Partner ? 0 : 1];
                var overdueFrom = commitment.DueOn.DayNumber + grace + 1;
                int? resolved = commitment.Outcome switch
                {
                    CommitmentOutcome.Kept => (commitment.ResolvedOn ?? commitment.DueOn).DayNumber,
                    CommitmentOutcome.KeptLate or CommitmentOutcome.Broken => commitment.ResolvedOn!.Value.DayNumber,
                    _ => null,
                };

                // An overdue open commitment is a failure dated at due + grace, visible until resolved.
                var overdueUntil = resolved is { } r ? Math.Max(r, overdueFrom) : Never;
                side.Overdue.Add(overdueFrom, overdueUntil);
                side.OverdueWeight.Add(overdueFrom - 1, overdueFrom, overdueUntil);
                if (resolved is not { } day)
                {
                    continue;
                }

                var (weights, counts) = commitment.Outcome switch
                {
                    CommitmentOutcome.Kept => (side.Kept, side.KeptCount),
                    CommitmentOutcome.KeptLate => (side.KeptLate, side.KeptLateCount),
                    _ => (side.Broken, side.BrokenCount),
                };
                weights.Add(day, day, Never);
                counts.Add(day, Never);
            }
        }

        public HealthFactor[] Factors(int k)
        {
            var tallies = new TrustDimension.SideTally[2];
            for (var s = 0; s < sides.Length; s++)
            {
                var side = bySide[s];
                var overdue = side.Overdue.At(k);
                tallies[s] = new TrustDimension.SideTally
                {
                    kept = side.Kept.At(k),
                    keptLate = side.KeptLate.At(k),
                    broken = side.Broken.At(k) + side.OverdueWeight.At(k),
                    keptCount = side.KeptCount.At(k),
                    keptLateCount = side.KeptLateCount.At(k),
                    brokenCount = side.BrokenCount.At(k) + overdue,
                    overdueCount = overdue,
                };
            }

            return TrustDimension.Factors(tallies[0], tallies[1], sweep.context);
        }

        private static (Weights, Weights, Weights, Weights, Counts, Counts, Counts, Counts) Create(HistorySweep sweep) =>
            (new(sweep, sweep.context.Trust), new(sweep, sweep.context.Trust), new(sweep, sweep.context.Trust), new(sweep, sweep.context.Trust), new(sweep), new(sweep), new(sweep), new(sweep));
    }

    private sealed class CooperationSeries(HistorySweep sweep)
    {
        private readonly RateSeries partnerAnswers = new(sweep, sweep.context.Cooperation);
        private readonly RateSeries vendorAnswers = new(sweep, sweep.context.Cooperation);
        private readonly RateSeries escalations = new(sweep, sweep.context.Escalations);
        private readonly RateSeries initiative = new(sweep, sweep.context.Cooperation);
        private readonly Counts partnerUnanswered = new(sweep);
        private readonly Counts vendorUnanswered = new(sweep);
        private readonly Counts unresolved = new(sweep);

        public void Load(ImmutableArray<Interaction> interactions)
        {
            var model = sweep.context.Model;
            var responseDue = (int)Math.Ceiling(model.ResponseTarget.TotalDays);
            var resolutionDays = model.ResolutionTarget.TotalDays;
            var resolutionDue = (int)Math.Ceiling(resolutionDays);
            foreach (var interaction in interactions)
            {
                var day = interaction.Date.DayNumber;
                switch (interaction.Kind)
                {
                    case InteractionKind.Request:
                        // Known once the answer's time has elapsed; failed once the target has.
                        var known = interaction.ResponseTime is { } response ? day + (int)Math.Ceiling(response.TotalDays) : Never;
                        var failed = day + responseDue;
                        var byPartner = interaction.InitiatedBy == Side.Vendor;
                        var answers = byPartner ? partnerAnswers : vendorAnswers;
                        if (known <= failed)
                        {
                            answers.Add(interaction.ResponseTime <= model.ResponseTarget, day, known);
                        }
                        else
                        {
                            answers.Add(false, day, failed);
                            (byPartner ? partnerUnanswered : vendorUnanswered).Add(failed, known);
                        }

                        break;
                    case InteractionKind.Escalation:
                        var resolved = interaction.ResolvedOn?.DayNumber ?? Never;
                        var late = day + resolutionDue;
                        if (resolved <= late)
                        {
                            escalations.Add(resolved - day <= resolutionDays, day, resolved);
                        }
                        else
                        {
                            escalations.Add(false, day, late);
                            unresolved.Add(late, resolved);
                        }

                        break;
                    default:
                        initiative.Add(interaction.InitiatedBy == Side.Partner, day, day);
                        break;
                }
            }
        }

        public HealthFactor[] Factors(int k) =>
            CooperationDimension.Factors(
                new CooperationDimension.Answers(partnerAnswers.At(k), partnerUnanswered.At(k), vendorAnswers.At(k), vendorUnanswered.At(k)),
                escalations.At(k),
                initiative.At(k),
                unresolved.At(k),
                sweep.context);
    }

    private sealed class ProgressSeries(HistorySweep sweep)
    {
        private const int RequiredFields = 3;
        private const int OnTime = 0;
        private const int Late = 1;
        private const int Unregistered = 2;

        // Each deal weighs in one series, by how it was registered (on time, late, not at all) and
        // how many of its fields are filled; timeliness, completeness and the filled share are
        // integer combinations of those series, so a deal's weight is read once per point.
        private readonly Weights[,] byDeal = DealSeries(sweep);
        private readonly Counts timely = new(sweep);
        private readonly Counts tardy = new(sweep);
        private readonly Counts deals = new(sweep);
        private readonly Counts filled = new(sweep);
        private readonly Counts open = new(sweep);
        private readonly Counts fresh = new(sweep);
        private int[] activity = [];
        private int startedOn;

        public void Load(Partnership partnership)
        {
            var model = sweep.context.Model;
            var registrationDays = model.RegistrationWindow.TotalDays;
            var window = (int)Math.Floor(model.UpdateWindow.TotalDays) + 1;
            foreach (var deal in partnership.Opportunities)
            {
                var known = (deal.RegisteredOn ?? deal.CreatedOn).DayNumber;
                var created = deal.CreatedOn.DayNumber;
                var registration = Unregistered;
                if (deal.RegisteredOn is { } registered)
                {
                    var onTime = registered.DayNumber - created <= registrationDays;
                    registration = onTime ? OnTime : Late;
                    (onTime ? timely : tardy).Add(known, Never);
                }

                var fields = (deal.Amount is null ? 0 : 1) + (deal.ExpectedCloseOn is null ? 0 : 1) + (deal.Stage is null ? 0 : 1);
                byDeal[registration, fields].Add(created, known, Never);
                deals.Add(known, Never);
                filled.Add(known, Never, fields);

                var closes = deal.ClosedOn?.DayNumber ?? Never;
                open.Add(known, closes);

                // Fresh while the latest known activity (registration, then the last update) is recent.
                var updated = deal.LastUpdatedOn?.DayNumber;
                if (updated is { } last && last > known)
                {
                    fresh.Add(known, Math.Min(Math.Min(last, (int)Math.Min(Never, (long)known + window)), closes));
                    fresh.Add(last, (int)Math.Min(closes, (long)last + window));
                }
                else
                {
                    fresh.Add(known, (int)Math.Min(closes, (long)known + window));
                }
            }

            var days = new DayList();
            ActivityLog.Visit(partnership, ref days);
            activity = [.. days.Days.Order()];
            startedOn = partnership.StartedOn.DayNumber;
        }

        public HealthFactor[] Factors(int k, int day)
        {
            var weeks = sweep.context.Model.CadenceWeeks;
            int observed = 0, active = 0;
            for (var week = 0; week < weeks; week++)
            {
                var last = day - (7 * week);
                if (last < startedOn)
                {
                    continue;
                }

                observed++;
                var at = LowerBound(activity, last - 6);
                active += at < activity.Length && activity[at] <= last ? 1 : 0;
            }

            // Σ weight · fields over the deals = Σ fields · (the sum of the deals with that many fields filled).
            Int128 onTime = 0, late = 0, completeness = 0, filledWeight = 0;
            for (var fields = 0; fields <= RequiredFields; fields++)
            {
                var (timelyWeight, lateWeight) = (byDeal[OnTime, fields].At(k), byDeal[Late, fields].At(k));
                var all = timelyWeight + lateWeight + byDeal[Unregistered, fields].At(k);
                onTime += timelyWeight;
                late += lateWeight;
                completeness += all;
                filledWeight += all * fields;
            }

            var timeliness = new RateTally { Positive = onTime, Negative = late, Successes = timely.At(k), Failures = tardy.At(k) };
            return TrackedProgressDimension.Factors(
                timeliness, completeness, filledWeight, deals.At(k), filled.At(k), open.At(k), fresh.At(k), observed, active, sweep.context.Maturity(startedOn, day), sweep.context);
        }

        private static Weights[,] DealSeries(HistorySweep sweep)
        {
            var series = new Weights[Unregistered + 1, RequiredFields + 1];
            for (var registration = 0; registration <= Unregistered; registration++)
            {
                for (var fields = 0; fields <= RequiredFields; fields++)
                {
                    series[registration, fields] = new Weights(sweep, sweep.context.TrackedProgress);
                }
            }

            return series;
        }

        private static int LowerBound(int[] sorted, int value)
        {
            var index = Array.BinarySearch(sorted, value);
            if (index < 0)
            {
                return ~index;
            }

            while (index > 0 && sorted[index - 1] == value)
            {
                index--;
            }

            return index;
        }

        private struct DayList() : IActivitySink
        {
            public List<int> Days { get; } = [];

            public readonly void Mark(int day) => Days.Add(day);
        }
    }
}
