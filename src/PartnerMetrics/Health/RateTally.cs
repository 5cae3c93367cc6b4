namespace PartnerMetrics.Health;

/// <summary>Recency-weighted successes and failures of one rate factor, counted as well for the reason text.</summary>
internal struct RateTally
{
    public Int128 Positive;
    public Int128 Negative;
    public int Successes;
    public int Failures;

    public void Add(bool success, Int128 weight)
    {
        if (success)
        {
            Positive += weight;
            Successes++;
        }
        else
        {
            Negative += weight;
            Failures++;
        }
    }

    public readonly double Evidence => FixedPoint.ToDouble(Positive + Negative);

    /// <summary>The posterior of the rate: Beta(p + α, n + β).</summary>
    public readonly Beta Posterior(ScoringContext context) => context.Posterior(P, N);

    /// <summary>Gets the weighted successes p.</summary>
    public readonly double P => FixedPoint.ToDouble(Positive);

    /// <summary>Gets the weighted failures n.</summary>
    public readonly double N => FixedPoint.ToDouble(Negative);

    /// <summary>The plain weighted share p / (p + n); only meaningful when there is evidence.</summary>
    public readonly double Share => Positive + Negative == 0 ? 0.0 : (double)Positive / (double)(Positive + Negative);
}
