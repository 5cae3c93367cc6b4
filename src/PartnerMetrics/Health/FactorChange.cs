namespace PartnerMetrics.Health;

/// <summary>How much one factor moved the overall score between two days.</summary>
/// <param name="Code">The factor's stable code.</param>
/// <param name="Dimension">The factor's dimension.</param>
/// <param name="Before">The factor's contribution, in points, on the first day (0 when absent or not listed).</param>
/// <param name="After">The factor's contribution on the second day.</param>
public sealed record FactorChange(string Code, HealthDimension Dimension, double Before, double After)
{
    /// <summary>Gets the factor's share of the change in overall score: <see cref="After"/> − <see cref="Before"/>.</summary>
    public double Change => After - Before;
}
