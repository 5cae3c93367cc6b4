using System.Globalization;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Validation;

/// <summary>
/// Measures whether a health score predicts what happened next: scores a company's own history as of
/// chosen days and compares each score with the partner's churn over the following horizon (DOMAIN
/// section 3.4).
/// </summary>
/// <remarks>
/// Pure and deterministic: the same partnerships, days and outcomes always give an equal result,
/// whatever their order. Pass two <see cref="HealthScorer"/>s over the same data to compare two models.
/// </remarks>
public static partial class Backtest
{
    /// <summary>Scores every partnership as of every day and measures the scores against the partners' outcomes.</summary>
    /// <param name="scorer">The scorer, carrying the model under test.</param>
    /// <param name="partnerships">The partnerships, with their evidence; partner ids must be distinct.</param>
    /// <param name="asOfDays">The days to score as of, each once however often it is listed (a day is a set of samples, one per partner, so a repeat adds none). On each day, a partnership that has not started or whose partner has already churned is left out.</param>
    /// <param name="outcomes">One outcome for each partnership's partner; outcomes of other partners are not scored, but are checked like the rest (a partner listed twice, a churn after <see cref="BacktestOptions.ObservedThrough"/>).</param>
    /// <param name="options">The horizon, the last observed day and the optional per-sample values; <see cref="BacktestOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each (partnership, day) sample is scored.</param>
    /// <returns>
    /// The measures. A sample churned when its partner churned after the as-of day and no later than
    /// the as-of day plus <see cref="BacktestOptions.Horizon"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A sequence holds <see langword="null"/>; two partnerships or two outcomes share a partner id; a
    /// partnership has no outcome, or one whose churn day is before the partnership's start; a churn day is
    /// after <see cref="BacktestOptions.ObservedThrough"/>; or a per-sample value is not finite.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static BacktestResult Run(HealthScorer scorer, IEnumerable<Partnership> partnerships, IEnumerable<DateOnly> asOfDays, IEnumerable<ChurnOutcome> outcomes, BacktestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        using var operation = Telemetry.Start("partnermetrics.backtest.run", Telemetry.BacktestDuration, "run");
        try
        {
            var cases = BacktestCases.Create(partnerships, asOfDays, outcomes, options ?? BacktestOptions.Default);
            var samples = cases.Items.Select(c =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return cases.Sample(c, scorer.ScoreUncounted(c.Partnership, c.AsOf));
            });
            var result = BacktestResult.Create(samples, cases.Censored, cases.Inactive, banded: true);
            Telemetry.Scored("backtest", cases.Items.Count);
            operation?.Tag("partnermetrics.samples", result.Count);
            operation?.Tag("partnermetrics.churned", result.Churned);
            return result;
        }
        catch (Exception error) when (operation is not null && operation.Fail(error))
        {
            throw;
        }
    }

    /// <summary>Measures samples of any signal — a model's scores, a scorecard, a simple count — on the same terms as <see cref="Run"/>.</summary>
    /// <param name="samples">The samples; higher scores must mean healthier.</param>
    /// <returns>The measures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="samples"/> holds <see langword="null"/>, or two samples of one partner on one day.</exception>
    public static BacktestResult Measure(IEnumerable<BacktestSample> samples) => BacktestResult.Create(samples, censored: 0, inactive: 0, banded: false);

    /// <summary>One (partnership, as-of day) pair of a backtest and whether the partner churned within the horizon.</summary>
    internal readonly record struct BacktestCase(Partnership Partnership, DateOnly AsOf, bool Churned);

    /// <summary>The pairs a backtest scores, after the days, starts, churns and censoring have been applied.</summary>
    internal sealed class BacktestCases
    {
        private readonly BacktestOptions options;

        private BacktestCases(BacktestOptions options, List<BacktestCase> items, int censored, int inactive)
        {
            this.options = options;
            Items = items;
            Censored = censored;
            Inactive = inactive;
        }

        public IReadOnlyList<BacktestCase> Items { get; }

        public int Censored { get; }

        public int Inactive { get; }

        public static BacktestCases Create(IEnumerable<Partnership> partnerships, IEnumerable<DateOnly> asOfDays, IEnumerable<ChurnOutcome> outcomes, BacktestOptions options)
        {
            ArgumentNullException.ThrowIfNull(asOfDays);
            var churnDays = ChurnDays(outcomes, options);
            var scored = new List<Partnership>();
            var seen = new HashSet<PartnerId>();
            Ensure.Each(partnerships, nameof(partnerships), partnership =>
            {
                if (!seen.Add(partnership.Partner.Id))
                {
                    throw new ArgumentException($"'{nameof(partnerships)}' lists partner '{partnership.Partner.Id}' more than once.", nameof(partnerships));
                }

                if (!churnDays.TryGetValue(partnership.Partner.Id, out var churnedOn))
                {
                    throw new ArgumentException(NoOutcome(partnership.Partner.Id, churnDays.Keys, nameof(outcomes)), nameof(outcomes));
                }

                // A churn before the start is not this partnership's (an earlier partnership's, or another partner's id): taken
                // as it is, the partnership would be inactive on every day and silently left out of every measure.
                if (churnedOn < partnership.StartedOn.DayNumber)
                {
                    throw new ArgumentException($"'{nameof(outcomes)}': partner '{partnership.Partner.Id}' churned on {Ensure.Iso(DateOnly.FromDayNumber(churnedOn))}, before its partnership started on {Ensure.Iso(partnership.StartedOn)}; it would never be scored. Give this partnership's own outcome.", nameof(outcomes));
                }

                scored.Add(partnership);
            });

            // By partner id, whatever order the partnerships came in: a fit's folds and sums then see the same samples in the
            // same order, so its result does not depend on the input's order (floating-point sums do).
            scored.Sort(static (a, b) => a.Partner.Id.CompareTo(b.Partner.Id));
            var horizon = (int)options.Horizon.TotalDays;
            var items = new List<BacktestCase>();
            int censored = 0, inactive = 0;
            foreach (var asOf in asOfDays.Distinct().Order())
            {
                var day = asOf.DayNumber;
                foreach (var partnership in scored)
                {
                    var churnedOn = churnDays[partnership.Partner.Id];
                    if (partnership.StartedOn > asOf || churnedOn <= day)
                    {
                        inactive++;
                        continue;
                    }

                    // A horizon not yet observed to its end is censored whatever happened in it: keeping the partners
                    // who churned early in it and dropping the rest would select samples on their outcome (every late
                    // day would be all churners, and only the fastest ones), inflating churn rates and the AUC.
                    // Day numbers are ints far from overflow: DateOnly.MaxValue is day 3,652,058.
                    if (options.ObservedThrough is { } observed && observed.DayNumber < day + horizon)
                    {
                        censored++;
                        continue;
                    }

                    var churned = churnedOn <= day + horizon;

                    items.Add(new BacktestCase(partnership, asOf, churned));
                }
            }

            return new BacktestCases(options, items, censored, inactive);
        }

        public BacktestSample Sample(BacktestCase item, HealthReport report) => new(
            report.PartnerId,
            item.AsOf,
            report.Score,
            item.Churned,
            report.Confidence,
            report.Band,
            Value(options.Outcome, item, nameof(BacktestOptions.Outcome)),
            Value(options.Reference, item, nameof(BacktestOptions.Reference)));

        /// <summary>Each partner's churn day as a day number; <see cref="int.MaxValue"/> for a partner still active.</summary>
        private static Dictionary<PartnerId, int> ChurnDays(IEnumerable<ChurnOutcome> outcomes, BacktestOptions options)
        {
            var days = new Dictionary<PartnerId, int>();
            Ensure.Each(outcomes, nameof(outcomes), outcome =>
            {
                if (outcome.ChurnedOn is { } churnedOn && options.ObservedThrough is { } observed && churnedOn > observed)
                {
                    throw new ArgumentException($"'{nameof(outcomes)}': partner '{outcome.PartnerId}' churned on {Ensure.Iso(churnedOn)}, after the last observed day {Ensure.Iso(observed)} ('{nameof(BacktestOptions.ObservedThrough)}').", nameof(outcomes));
                }

                if (!days.TryAdd(outcome.PartnerId, outcome.ChurnedOn?.DayNumber ?? int.MaxValue))
                {
                    throw new ArgumentException($"'{nameof(outcomes)}' lists partner '{outcome.PartnerId}' more than once.", nameof(outcomes));
                }
            });

            return days;
        }

        /// <summary>
        /// Why a partnership has no outcome. Partner ids are compared exactly, as CRM keys are; an outcome whose id differs only
        /// in case or in white space at either end is named, so that the caller fixes the ids' mapping rather than adds an
        /// outcome the list seems to hold already.
        /// </summary>
        private static string NoOutcome(PartnerId partner, IEnumerable<PartnerId> known, string outcomes)
        {
            var text = partner.Value!.Trim();
            var near = known.Where(id => string.Equals(id.Value!.Trim(), text, StringComparison.OrdinalIgnoreCase)).Order().Take(1).ToList();
            return near.Count == 0
                ? $"'{outcomes}' has no outcome for partner '{partner}'; give every partnership an outcome (ChurnOutcome.Active when it has not churned)."
                : $"'{outcomes}' has no outcome for partner '{partner}'; it has one for '{near[0]}', which differs in case or in white space at either end: partner ids are compared exactly (ordinal, case-sensitive), as CRM keys are. Give both the same id.";
        }

        private static double? Value(Func<PartnerId, DateOnly, double?>? source, BacktestCase item, string name, string paramName = "options")
        {
            var value = source?.Invoke(item.Partnership.Partner.Id, item.AsOf);
            return value is { } v && !double.IsFinite(v)
                ? throw new ArgumentException($"'{name}' gave {v.ToString(CultureInfo.InvariantCulture)} for partner '{item.Partnership.Partner.Id}' on {Ensure.Iso(item.AsOf)}; a value must be finite, or null when unknown.", paramName)
                : value;
        }
    }
}
