namespace PartnerMetrics.Health;

/// <summary>A rate factor's evidence: the tallies of its successes and of its failures on one day.</summary>
internal readonly struct RateTally(in Tally successes, in Tally failures)
{
    public Fixed128 Positive { get; } = successes.Weight;

    public Fixed128 Negative { get; } = failures.Weight;

    public int Successes { get; } = successes.Count;

    public int Failures { get; } = failures.Count;

    public double Evidence => FixedPoint.ToDouble(Positive + Negative);

    /// <summary>Gets the weighted successes p.</summary>
    public double P => FixedPoint.ToDouble(Positive);

    /// <summary>Gets the weighted failures n.</summary>
    public double N => FixedPoint.ToDouble(Negative);
}
