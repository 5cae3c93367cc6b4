using System.Globalization;

namespace PartnerMetrics.Health;

/// <summary>
/// A partnership's health on one day without its explanation (<see cref="HealthScorer.Trend"/>): the score, confidence
/// and band of the report of that day, to the last bit.
/// </summary>
public readonly record struct HealthPoint
{
    internal HealthPoint(DateOnly asOf, double score, double confidence, HealthBand band)
    {
        AsOf = asOf;
        Score = score;
        Confidence = confidence;
        Band = band;
    }

    /// <summary>Gets the day.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets the overall score in [0, 100], as <see cref="HealthReport.Score"/>.</summary>
    public double Score { get; }

    /// <summary>Gets the confidence in [0, 1], as <see cref="HealthReport.Confidence"/>.</summary>
    public double Confidence { get; }

    /// <summary>Gets the band, as <see cref="HealthReport.Band"/>, the weakest-link cap included.</summary>
    public HealthBand Band { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{AsOf:yyyy-MM-dd}: {Score:0.0} ({Band}, confidence {Confidence:0.00})");
}
