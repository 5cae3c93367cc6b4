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

    /// <summary>The Beta mean (p + α) / (p + n + α + β).</summary>
    public readonly double BetaMean(HealthModel model)
    {
        var p = FixedPoint.ToDouble(Positive);
        var n = FixedPoint.ToDouble(Negative);
        return (p + model.PriorPositive) / (p + n + model.PriorPositive + model.PriorNegative);
    }

    /// <summary>The plain weighted share p / (p + n); only meaningful when there is evidence.</summary>
    public readonly double Share => Positive + Negative == 0 ? 0.0 : (double)Positive / (double)(Positive + Negative);
}
