namespace PartnerMetrics.Health;

/// <summary>
/// A score without its explanation: the overall score, confidence and band, equal to those of the report
/// (<see cref="HealthScorer.RescoreHeadline"/>). What the advisor compares before and after a change, without
/// building a report it would not read.
/// </summary>
internal readonly record struct Headline(double Score, double Confidence, HealthBand Band)
{
    /// <summary>The headline of a report.</summary>
    public static Headline Of(HealthReport report) => new(report.Score, report.Confidence, report.Band);
}
