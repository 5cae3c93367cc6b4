namespace PartnerMetrics.Health;

/// <summary>How much one factor moved the overall score between two days.</summary>
public sealed record FactorChange
{
    internal FactorChange(string code, HealthDimension dimension, double before, double after, double change)
    {
        Code = code;
        Dimension = dimension;
        Before = before;
        After = after;
        Change = change;
    }

    /// <summary>Gets the factor's stable code.</summary>
    public string Code { get; }

    /// <summary>Gets the factor's dimension.</summary>
    public HealthDimension Dimension { get; }

    /// <summary>Gets the factor's contribution, in points, on the first day (0 when absent or not listed).</summary>
    public double Before { get; }

    /// <summary>Gets the factor's contribution on the second day.</summary>
    public double After { get; }

    /// <summary>
    /// Gets the factor's share of the change in overall score. For a factor of an arithmetic mean this is
    /// <see cref="After"/> − <see cref="Before"/>; for a side of trust (a geometric mean, in which one
    /// side's contribution moves with the other side's value) it is the side's Shapley share of the
    /// change of trust, so a change on one side is attributed to that side only (DOMAIN rule 12).
    /// </summary>
    public double Change { get; }
}
