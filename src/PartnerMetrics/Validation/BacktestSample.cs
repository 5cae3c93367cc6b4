using System.Globalization;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Validation;

/// <summary>
/// One scored observation of a backtest: a partner's score as of a day, and what happened next.
/// </summary>
/// <remarks>
/// <see cref="Backtest.Run"/> builds samples from a <see cref="HealthScorer"/>; build them yourself to
/// measure any other signal (a scorecard, an activity count, a vendor's own rating) with
/// <see cref="Backtest.Measure"/> on exactly the same terms. Higher scores must mean healthier.
/// </remarks>
public sealed class BacktestSample
{
    /// <summary>Initializes a new instance of the <see cref="BacktestSample"/> class.</summary>
    /// <param name="partnerId">The partner scored.</param>
    /// <param name="asOf">The day the score is as of.</param>
    /// <param name="score">The score; any finite number, higher meaning healthier (−0 is taken as 0, as are an outcome and a reference of −0).</param>
    /// <param name="churned">Whether the partner churned within the horizon after <paramref name="asOf"/>.</param>
    /// <param name="confidence">The score's confidence in [0, 1], when the signal has one.</param>
    /// <param name="band">The score's band, when the signal has bands.</param>
    /// <param name="outcome">A numeric outcome to rank against the score (revenue of the next two quarters, say), when known.</param>
    /// <param name="reference">A reference value on the score's scale (an expert rating, or 100 × a simulated latent health), when known.</param>
    /// <exception cref="ArgumentException"><paramref name="partnerId"/> is the default value.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is not finite, the confidence is outside [0, 1], or the band is undefined.</exception>
    public BacktestSample(PartnerId partnerId, DateOnly asOf, double score, bool churned, double? confidence = null, HealthBand? band = null, double? outcome = null, double? reference = null)
    {
        PartnerId = Ensure.Present(partnerId, nameof(partnerId));
        AsOf = asOf;
        Score = Finite(score, nameof(score));
        Churned = churned;
        Confidence = confidence is { } c ? Ensure.UnitInterval(c, nameof(confidence)) : null;
        Band = band is { } b ? Ensure.Defined(b, nameof(band)) : null;
        Outcome = outcome is { } o ? Finite(o, nameof(outcome)) : null;
        Reference = reference is { } r ? Finite(r, nameof(reference)) : null;
    }

    /// <summary>Gets the partner scored.</summary>
    public PartnerId PartnerId { get; }

    /// <summary>Gets the day the score is as of.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the score; higher means healthier.</summary>
    public double Score { get; }

    /// <summary>Gets a value indicating whether the partner churned within the horizon after <see cref="AsOf"/>.</summary>
    public bool Churned { get; }

    /// <summary>Gets the score's confidence in [0, 1], or <see langword="null"/> when the signal has none.</summary>
    public double? Confidence { get; }

    /// <summary>Gets the score's band, or <see langword="null"/> when the signal has none.</summary>
    public HealthBand? Band { get; }

    /// <summary>Gets the numeric outcome ranked against the score, or <see langword="null"/> when unknown.</summary>
    public double? Outcome { get; }

    /// <summary>Gets the reference value on the score's scale, or <see langword="null"/> when unknown.</summary>
    public double? Reference { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{PartnerId} {Ensure.Iso(AsOf)}: {Score:0.###}{(Churned ? " churned" : string.Empty)}");

    /// <remarks>
    /// −0 is 0, as for <see cref="Confidence"/>: kept, it would read "-0" in the sample's text and stand as the lowest
    /// score of a decile it shares with 0, though it ranks equal with 0.
    /// </remarks>
    private static double Finite(double value, string name) => double.IsFinite(value)
        ? (value == 0.0 ? 0.0 : value)
        : throw new ArgumentOutOfRangeException(name, value, $"'{name}' must be a finite number; got {value.ToString(CultureInfo.InvariantCulture)}.");
}
