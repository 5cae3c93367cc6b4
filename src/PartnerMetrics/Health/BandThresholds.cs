using System.Globalization;
using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Health;

/// <summary>Where the bands begin: Healthy at or above <see cref="Healthy"/>, Watch at or above <see cref="Watch"/>, AtRisk below; InsufficientEvidence whenever confidence is below <see cref="MinimumConfidence"/>.</summary>
[JsonConverter(typeof(DocumentConverter<BandThresholds, BandThresholdsDocument>))]
public sealed record BandThresholds
{
    /// <summary>The defaults: Healthy ≥ 70, Watch ≥ 40, minimum confidence 0.25.</summary>
    public static readonly BandThresholds Default = new(70, 40, 0.25);

    /// <summary>Initializes a new instance of the <see cref="BandThresholds"/> class.</summary>
    /// <param name="healthy">The lowest Healthy score, in (<paramref name="watch"/>, 100].</param>
    /// <param name="watch">The lowest Watch score, in [0, <paramref name="healthy"/>).</param>
    /// <param name="minimumConfidence">The overall confidence below which a partnership is not judged, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is outside its range, or the two scores are out of order.</exception>
    public BandThresholds(double healthy, double watch, double minimumConfidence)
    {
        if (!(watch >= 0 && watch <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(watch), watch, $"'{nameof(watch)}' must be a score in [0, 100]; got {Show(watch)}.");
        }

        if (!(healthy > watch && healthy <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(healthy), healthy, $"'{nameof(healthy)}' must be above '{nameof(watch)}' ({Show(watch)}) and at most 100; got {Show(healthy)}.");
        }

        Healthy = healthy;
        Watch = watch;
        MinimumConfidence = Ensure.UnitInterval(minimumConfidence, nameof(minimumConfidence));
    }

    /// <summary>Gets the lowest Healthy score.</summary>
    public double Healthy { get; }

    /// <summary>Gets the lowest Watch score.</summary>
    public double Watch { get; }

    /// <summary>Gets the overall confidence below which the band is InsufficientEvidence.</summary>
    public double MinimumConfidence { get; }

    /// <summary>Gets the band of a score at a confidence.</summary>
    /// <param name="score">The overall score, from 0 to 100.</param>
    /// <param name="confidence">The overall confidence, from 0 to 1.</param>
    /// <returns>The band.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not in [0, 100] or <paramref name="confidence"/> not in [0, 1].</exception>
    public HealthBand Classify(double score, double confidence)
    {
        if (!(score >= 0.0 && score <= 100.0))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"'{nameof(score)}' must be in [0, 100]; got {Show(score)}.");
        }

        return Band(score, Ensure.UnitInterval(confidence, nameof(confidence)));
    }

    /// <summary>The band of a score the scorer computed, which is in range by construction.</summary>
    internal HealthBand Band(double score, double confidence) =>
        confidence < MinimumConfidence ? HealthBand.InsufficientEvidence
        : score >= Healthy ? HealthBand.Healthy
        : score >= Watch ? HealthBand.Watch
        : HealthBand.AtRisk;

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
