using System.Globalization;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// The baseline row of the portfolio benchmark: the trust and tracked-progress formulas of
/// docs/scoring.md written the straightforward way — LINQ over the evidence, <see cref="Math.Pow"/>
/// for every recency weight, sums in <see langword="double"/> — with the same semantics as
/// <see cref="HealthScorer"/> (visibility on the as-of day, windows, priors, loss aversion, the
/// 40-half-life cutoff, how open and overdue commitments count, what "logged activity" is).
/// </summary>
/// <remarks>
/// It agrees with <see cref="HealthScorer"/> to rounding (the library sums weights exactly in fixed
/// point; this sums doubles), and <see cref="Verify"/> checks that it still does, so the baseline
/// cannot drift silently from the library it is compared with.
/// </remarks>
public static class LinqHealthBaseline
{
    /// <summary>Evidence older than this many half-lives weighs exactly 0, as in the library.</summary>
    private const double MaxHalfLives = 40;

    /// <summary>Amount, expected close and stage: the fields a deal should have filled in.</summary>
    private const int RequiredFields = 3;

    /// <summary>The largest difference from <see cref="HealthScorer"/> that <see cref="Verify"/> accepts, in score points.</summary>
    private const double Tolerance = 1e-9;

    /// <summary>Scores the trust and tracked-progress dimensions of one partnership as of a day.</summary>
    /// <param name="partnership">The partnership and its evidence.</param>
    /// <param name="asOf">The day to score as of; later evidence is invisible.</param>
    /// <param name="model">The scoring model: half-lives, priors, loss aversion, grace period, windows and weights are read from it.</param>
    /// <returns>Each dimension's score in [0, 100], or <see langword="null"/> when the dimension has no present factor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    public static (double? Trust, double? TrackedProgress) Score(Partnership partnership, DateOnly asOf, HealthModel model)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(model);
        return (Trust(partnership, asOf.DayNumber, model), TrackedProgress(partnership, asOf.DayNumber, model));
    }

    /// <summary>The benchmark row: trust plus tracked progress (an absent dimension as 0), summed over every partnership, sequentially.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="asOf">The day to score as of.</param>
    /// <param name="model">The scoring model.</param>
    /// <returns>The sum of both dimension scores over all partnerships.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="portfolio"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    public static double Total(Portfolio portfolio, DateOnly asOf, HealthModel model)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(model);
        return portfolio.Partnerships
            .Select(partnership => Score(partnership, asOf, model))
            .Sum(score => (score.Trust ?? 0.0) + (score.TrackedProgress ?? 0.0));
    }

    /// <summary>Checks the baseline against <see cref="HealthScorer"/> on the first partnerships of a portfolio.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="asOf">The day to score as of.</param>
    /// <param name="model">The scoring model.</param>
    /// <param name="count">How many partnerships to check, from the first; more than there are checks them all.</param>
    /// <exception cref="ArgumentNullException"><paramref name="portfolio"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">A dimension's presence differs, or its score differs by more than 10⁻⁹ points.</exception>
    public static void Verify(Portfolio portfolio, DateOnly asOf, HealthModel model, int count)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var scorer = new HealthScorer(model);
        foreach (var partnership in portfolio.Partnerships.Take(count))
        {
            var dimensions = scorer.Score(partnership, asOf).Dimensions;
            var (trust, trackedProgress) = Score(partnership, asOf, model);
            Check(partnership, asOf, HealthDimension.Trust, dimensions.Single(d => d.Dimension == HealthDimension.Trust).Score, trust);
            Check(partnership, asOf, HealthDimension.TrackedProgress, dimensions.Single(d => d.Dimension == HealthDimension.TrackedProgress).Score, trackedProgress);
        }
    }

    private static void Check(Partnership partnership, DateOnly asOf, HealthDimension dimension, double? expected, double? actual)
    {
        var agrees = (expected, actual) switch
        {
            (null, null) => true,
            ({ } e, { } a) => Math.Abs(e - a) <= Tolerance,
            _ => false,
        };
        if (!agrees)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"LinqHealthBaseline disagrees with HealthScorer on {dimension} of partner '{partnership.Partner.Id}' as of {asOf:yyyy-MM-dd}: HealthScorer {Show(expected)}, baseline {Show(actual)}."));
        }
    }

    private static string Show(double? score) => score?.ToString("R", CultureInfo.InvariantCulture) ?? "absent";

    /// <summary>w = 2^(−age / H); exactly 0 beyond 40 half-lives.</summary>
    private static double Recency(int ageDays, TimeSpan halfLife)
    {
        var halfLives = ageDays / halfLife.TotalDays;
        return halfLives > MaxHalfLives ? 0.0 : Math.Pow(2.0, -halfLives);
    }

    // ---- Trust ----

    /// <summary>100 × the geometric mean of both sides' reliabilities (model v2: an untracked side sits at its prior).</summary>
    private static double? Trust(Partnership partnership, int asOf, HealthModel model)
    {
        var reliabilities = new[] { Side.Partner, Side.Vendor }
            .Select(side => Reliability(partnership.Commitments.Where(c => c.PromisedBy == side), asOf, model))
            .ToList();

        // Both sides weigh the same ("a must on both sides"): the plain geometric mean.
        var mean = Math.Pow(reliabilities.Aggregate(1.0, (product, r) => product * r), 1.0 / reliabilities.Count);
        return 100.0 * Math.Clamp(mean, 0.0, 1.0);
    }

    /// <summary>One side's posterior reliability (p + α) / (p + n + α + β): the prior when it has no evidence.</summary>
    private static double Reliability(IEnumerable<Commitment> commitments, int asOf, HealthModel model)
    {
        var weighed = commitments.Select(c => Weigh(c, asOf, model)).ToList();
        var positive = weighed.Sum(x => x.Positive);
        var negative = weighed.Sum(x => x.Negative);
        var reliability = (positive + model.PriorPositive) / (positive + negative + model.PriorPositive + model.PriorNegative);
        return Math.Clamp(reliability, 0.0, 1.0);
    }

    /// <summary>What one commitment says on the as-of day: positive and negative weight, and its evidence weight.</summary>
    private static (double Positive, double Negative, double Evidence) Weigh(Commitment commitment, int asOf, HealthModel model)
    {
        // Kept is dated by its resolution, or its due day when none was recorded; KeptLate and Broken
        // always carry a resolution day; Open has none. A late keep is one weight, half success and half
        // failure, dated at the earlier of its keeping and due + grace. A break counts from its due day at
        // the earliest (until then it is an open promise not yet due, which counts nothing) and is
        // dated at the earlier of that and due + grace.
        var grace = model.GracePeriod.TotalDays;
        var failedOn = commitment.DueOn.DayNumber + (int)Math.Floor(grace);
        var resolved = commitment.Outcome == CommitmentOutcome.Kept ? commitment.ResolvedOn ?? commitment.DueOn : commitment.ResolvedOn;
        if (resolved is { } day)
        {
            var counts = commitment.Outcome == CommitmentOutcome.Broken ? Math.Max(day.DayNumber, commitment.DueOn.DayNumber) : day.DayNumber;
            if (counts <= asOf)
            {
                var dated = commitment.Outcome == CommitmentOutcome.Kept ? counts : Math.Min(counts, failedOn);
                var w = Recency(asOf - dated, model.TrustHalfLife);
                return commitment.Outcome switch
                {
                    CommitmentOutcome.Kept => (w, 0.0, w),
                    CommitmentOutcome.KeptLate => (w / 2, w / 2, w),
                    _ => (0.0, model.LossAversion * w, w),
                };
            }
        }

        // Still open on the as-of day (including one resolved later): past the grace period it counts
        // as broken, dated at due + grace and aged from there.
        if (asOf - commitment.DueOn.DayNumber > grace)
        {
            var w = Recency(asOf - (commitment.DueOn.DayNumber + (int)Math.Floor(grace)), model.TrustHalfLife);
            return (0.0, model.LossAversion * w, w);
        }

        return (0.0, 0.0, 0.0);
    }

    // ---- Tracked progress ----

    /// <summary>100 × the weighted mean of the present tracked-progress factors.</summary>
    private static double? TrackedProgress(Partnership partnership, int asOf, HealthModel model)
    {
        var weights = model.ProgressWeights;

        // A deal counts once the CRM knew it (registered, else created), and its age runs from that day:
        // a registration a year late is a fresh failure, not one already a year old.
        var deals = partnership.Opportunities
            .Where(deal => Known(deal) <= asOf)
            .Select(deal => (Deal: deal, Weight: Recency(asOf - Known(deal), model.TrackedProgressHalfLife)))
            .ToList();

        // Registration timeliness: recency-weighted share of registered deals registered within the window.
        var registered = deals.Where(x => x.Deal.RegisteredOn is not null).ToList();
        var registeredWeight = registered.Sum(x => x.Weight);
        var timelyWeight = registered
            .Where(x => x.Deal.RegisteredOn!.Value.DayNumber - x.Deal.CreatedOn.DayNumber <= model.RegistrationWindow.TotalDays)
            .Sum(x => x.Weight);
        double Posterior(double p, double n) => (p + model.PriorPositive) / (p + n + model.PriorPositive + model.PriorNegative);
        var timeliness = (Value: Posterior(timelyWeight, registeredWeight - timelyWeight), Weight: weights.RegistrationTimeliness);

        // Pipeline freshness: share of deals open on the as-of day whose latest known activity is within the window.
        var open = deals.Where(x => x.Deal.ClosedOn is not { } closed || closed.DayNumber > asOf).ToList();
        var fresh = open.Count(x => asOf - LatestActivity(x.Deal, asOf) <= model.UpdateWindow.TotalDays);
        var freshness = (Value: Posterior(fresh, open.Count - fresh), Weight: weights.PipelineFreshness);

        // Data completeness: recency-weighted share of the required fields filled in.
        var dealWeight = deals.Sum(x => x.Weight);
        var filledWeight = deals.Sum(x => x.Weight * FilledFields(x.Deal));
        var completeness = (Value: Posterior(filledWeight / RequiredFields, dealWeight - (filledWeight / RequiredFields)), Weight: weights.DataCompleteness);

        // Weekly cadence: of the last N seven-day windows ending on the as-of day, those ending on or
        // after the start of the partnership, the share with at least one logged activity.
        var started = partnership.StartedOn.DayNumber;
        var weeks = model.CadenceWeeks;
        var observedWeeks = Enumerable.Range(0, weeks).Count(week => asOf - (7 * week) >= started);
        var activeWeeks = ActivityDays(partnership)
            .Select(day => asOf - day.DayNumber)
            .Where(age => age >= 0 && age < 7 * weeks)
            .Select(age => age / 7)
            .Distinct()
            .Count(week => asOf - (7 * week) >= started);
        var cadence = (Value: observedWeeks == 0 ? 0.0 : (double)activeWeeks / observedWeeks, Weight: weights.WeeklyCadence);

        // Model v2: rates are posteriors and cadence a fact, so every weighted factor is present.
        var present = new[] { timeliness, freshness, completeness, cadence }
            .Where(f => f.Weight > 0)
            .ToList();
        if (present.Count == 0)
        {
            return null;
        }

        var mean = present.Sum(f => f.Weight * Math.Clamp(f.Value, 0.0, 1.0)) / present.Sum(f => f.Weight);
        return 100.0 * Math.Clamp(mean, 0.0, 1.0);
    }

    /// <summary>The day the CRM knew the deal: registered, or created when no registration day is recorded.</summary>
    private static int Known(Opportunity deal) => (deal.RegisteredOn ?? deal.CreatedOn).DayNumber;

    /// <summary>The latest known activity on an open deal: its last update if visible (but never before it was known), else the day it was known.</summary>
    private static int LatestActivity(Opportunity deal, int asOf) =>
        deal.LastUpdatedOn is { } updated && updated.DayNumber <= asOf ? Math.Max(updated.DayNumber, Known(deal)) : Known(deal);

    private static int FilledFields(Opportunity deal) =>
        (deal.Amount is null ? 0 : 1) + (deal.ExpectedCloseOn is null ? 0 : 1) + (deal.Stage is null ? 0 : 1);

    /// <summary>
    /// Every dated record of the partnership, as the library defines logged activity: a deal known
    /// (registered, else created), updated or closed (an update or close before the deal was known
    /// counts on the day it became known); a commitment with a resolution day; an
    /// interaction; a certification obtained; a delivery; a plan created or reviewed (each review but
    /// one on the creation day). Days after the as-of day are filtered by the caller.
    /// </summary>
    private static IEnumerable<DateOnly> ActivityDays(Partnership partnership)
    {
        var plan = partnership.JointPlan;
        return partnership.Opportunities
            .SelectMany(deal => new DateOnly?[] { deal.RegisteredOn ?? deal.CreatedOn, deal.LastUpdatedOn, deal.ClosedOn }
                .Select(day => day is { } d ? DateOnly.FromDayNumber(Math.Max(d.DayNumber, Known(deal))) : day))
            .Concat(partnership.Commitments.Select(c => c.ResolvedOn))
            .Concat(partnership.Interactions.Select(i => (DateOnly?)i.Date))
            .Concat(partnership.Certifications.Select(c => (DateOnly?)c.ObtainedOn))
            .Concat(partnership.Deliveries.Select(d => (DateOnly?)d.Date))
            .Concat(plan is null ? [] : plan.Reviews.Where(r => r.On != plan.CreatedOn).Select(r => (DateOnly?)r.On).Prepend(plan.CreatedOn))
            .Where(day => day is not null)
            .Select(day => day!.Value);
    }
}
