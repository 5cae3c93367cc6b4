using System.Globalization;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Validation;

/// <summary>How <see cref="Backtest"/> turns partnerships and outcomes into samples.</summary>
public sealed record BacktestOptions
{
    /// <summary>Gets the default options: a 180-day horizon, every outcome observed.</summary>
    public static BacktestOptions Default { get; } = new();

    /// <summary>Gets how long after each as-of day a churn counts against the score.</summary>
    /// <value>180 days by default; a positive whole number of days.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive whole number of days.</exception>
    public TimeSpan Horizon
    {
        get;
        init => field = value >= TimeSpan.FromDays(1) && value.Ticks % TimeSpan.TicksPerDay == 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Horizon), value, $"'{nameof(Horizon)}' must be a positive whole number of days; got {value.ToString("c", CultureInfo.InvariantCulture)}.");
    } = TimeSpan.FromDays(180);

    /// <summary>
    /// Gets the last day on which outcomes are known (the day the CRM was exported). A sample whose
    /// horizon runs past it is left out as censored, whether or not its partner has churned yet: a
    /// partner still active may yet churn within the horizon, and keeping only those that already
    /// churned would select samples on their outcome.
    /// </summary>
    /// <value><see langword="null"/> by default: every horizon is taken as observed.</value>
    public DateOnly? ObservedThrough { get; init; }

    /// <summary>
    /// Gets the numeric outcome of each sample, ranked against the score in
    /// <see cref="BacktestResult.OutcomeSpearman"/> (revenue of the next two quarters, say);
    /// <see langword="null"/> for a sample leaves it out of that measure.
    /// </summary>
    /// <value><see langword="null"/> by default.</value>
    public Func<PartnerId, DateOnly, double?>? Outcome { get; init; }

    /// <summary>
    /// Gets a reference value on the score's scale for each sample (an expert's rating, or 100 × a
    /// simulated latent health), which <see cref="BacktestResult.ReferenceSpearman"/> ranks against
    /// the score and <see cref="BacktestResult.ConfidenceErrorSpearman"/> compares with the confidence.
    /// </summary>
    /// <value><see langword="null"/> by default.</value>
    public Func<PartnerId, DateOnly, double?>? Reference { get; init; }
}
