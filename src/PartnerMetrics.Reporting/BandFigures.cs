using PartnerMetrics.Health;

namespace PartnerMetrics.Reporting;

/// <summary>
/// A report's score, confidence and dimension scores as the reports print them, never rounded onto or across a threshold of the model that
/// banded it (<see cref="HtmlWriter.Beside"/>): the HTML report and the tool's table and JSON alike. A confidence of 0.2476
/// beside InsufficientEvidence is 0.24, not the minimum 0.25; a score of 69.97 beside Watch is 69.9, not 70.0.
/// </summary>
internal static class BandFigures
{
    /// <summary>The score to a tenth, beside the Watch and Healthy thresholds.</summary>
    public static double Score(double score, BandThresholds bands) => HtmlWriter.Beside(score, 1, bands.Watch, bands.Healthy);

    /// <summary>
    /// A dimension's score to a whole point, never rounded up onto or across the Watch threshold, below which a dimension
    /// known well enough caps the band (the weakest link, DOMAIN section 3.1): a trust of 39.6 that holds a partner at Watch
    /// is 39, not the 40 it is below. A score above the threshold may read as it (40.3 is 40): at the threshold nothing is capped.
    /// </summary>
    public static double Dimension(double score, BandThresholds bands) =>
        score < bands.Watch ? HtmlWriter.Beside(score, 0, bands.Watch) : Math.Round(score, 0);

    /// <summary>The confidence to a hundredth, beside 0, the minimum confidence and 1.</summary>
    public static double Confidence(double confidence, BandThresholds bands) => HtmlWriter.Beside(confidence, 2, 0, bands.MinimumConfidence, 1);
}
