namespace PartnerMetrics.Health;

/// <summary>A model with its precomputed recency tables; immutable, shared by every scoring call of a <see cref="HealthScorer"/>.</summary>
internal sealed class ScoringContext
{
    private readonly double[] dimensionWeights;
    private readonly double[] scaledDimensionWeights;

    /// <summary>Each factor's weight in the model, at its <see cref="FactorDefinition.Id"/>: read once, not once per factor of every report.</summary>
    private readonly double[] weights = new double[byte.MaxValue + 1];

    /// <summary>Each factor's prior mean in the model, at its <see cref="FactorDefinition.Id"/>; NaN where the model sets none.</summary>
    private readonly double[] priorMeanOf = new double[byte.MaxValue + 1];

    public ScoringContext(HealthModel model)
    {
        Model = model;
        Trust = new RecencyTable(model.TrustHalfLife);
        Competency = new RecencyTable(model.CompetencyHalfLife);
        Cooperation = new RecencyTable(model.CooperationHalfLife);
        TrackedProgress = new RecencyTable(model.TrackedProgressHalfLife);
        Escalations = new RecencyTable(model.EscalationHalfLife);
        dimensionWeights = [.. Enum.GetValues<HealthDimension>().Select(dimension => model.DimensionWeights[dimension])];
        scaledDimensionWeights = [.. dimensionWeights];
        HealthScorer.ScaleWeights(scaledDimensionWeights);
        Array.Fill(priorMeanOf, double.NaN);
        foreach (var definition in FactorCatalog.All)
        {
            weights[definition.Id] = definition.WeightIn(model);
            priorMeanOf[definition.Id] = model.PriorMeans.TryGetValue(definition.Code, out var mean) ? mean : double.NaN;
        }
    }

    public HealthModel Model { get; }

    /// <summary>Gets the model's dimension weights, in <see cref="HealthDimension"/> order.</summary>
    public ReadOnlySpan<double> DimensionWeights => dimensionWeights;

    /// <summary>Gets the dimension weights scaled as <see cref="HealthScorer.ScaleWeights"/> scales them, once for every report.</summary>
    public ReadOnlySpan<double> ScaledDimensionWeights => scaledDimensionWeights;

    public RecencyTable Trust { get; }

    public RecencyTable Competency { get; }

    public RecencyTable Cooperation { get; }

    public RecencyTable TrackedProgress { get; }

    public RecencyTable Escalations { get; }

    /// <summary>
    /// A rate with weighted successes p and failures n: its posterior under the factor's prior (see
    /// <see cref="Posterior(FactorDefinition, double, double)"/>), with certainty e / (e + κ) from the weighted evidence e.
    /// </summary>
    public HealthFactor Rate(FactorDefinition factor, double successes, double failures, double evidence, FactorFacts facts)
    {
        var posterior = Posterior(factor, successes, failures);
        return new HealthFactor(factor, posterior.Mean, evidence, weights[factor.Id], evidence / (evidence + Model.Kappa), posterior.Variance, facts)
        {
            Successes = successes,
            Failures = failures,
        };
    }

    /// <summary>A rate read through a transformation of its posterior (reciprocity's balance): value and variance given.</summary>
    public HealthFactor Rate(FactorDefinition factor, Beta value, double evidence, FactorFacts facts) =>
        new(factor, value.Mean, evidence, weights[factor.Id], evidence / (evidence + Model.Kappa), value.Variance, facts);

    /// <summary>A fact: an observed <paramref name="value"/> (null when vacuous) with the partnership's maturity as its certainty.</summary>
    public HealthFactor Fact(FactorDefinition factor, double? value, double count, double maturity, FactorFacts facts) =>
        new(factor, value, count, weights[factor.Id], maturity, 0.0, facts);

    /// <summary>The certainty of a fact on day <paramref name="asOf"/>: min(1, days since the start ÷ <see cref="HealthModel.FactMaturity"/>); 0 before the start.</summary>
    public double Maturity(int startedOn, int asOf) => Math.Clamp((asOf - (double)startedOn) / Model.FactMaturity.TotalDays, 0.0, 1.0);

    /// <summary>The posterior Beta(p + α, n + β) of a rate with weighted successes p and failures n, under the model's α and β.</summary>
    public Beta Posterior(double successes, double failures) =>
        Beta.Of(successes, Model.PriorPositive, failures, Model.PriorNegative);

    /// <summary>
    /// The posterior of a rate whose prior mean is 0.5 whatever α and β (reciprocity's matched initiatives): Beta(p + s/2,
    /// n + s/2), the prior mean 0.5 at the strength s = α + β (DOMAIN section 3.2: "prior 0.5").
    /// </summary>
    public Beta BalancedPosterior(double successes, double failures)
    {
        var half = (Model.PriorPositive + Model.PriorNegative) / 2;
        return Beta.Of(successes, half, failures, half);
    }

    /// <summary>
    /// The posterior of <paramref name="factor"/>: Beta(p + s·m, n + s·(1 − m)) with the factor's prior
    /// mean m (<see cref="HealthModel.PriorMeans"/>) and strength s = α + β; Beta(p + α, n + β) when m is not set.
    /// </summary>
    public Beta Posterior(FactorDefinition factor, double successes, double failures)
    {
        var mean = priorMeanOf[factor.Id];
        if (double.IsNaN(mean))
        {
            return Posterior(successes, failures);
        }

        var strength = Model.PriorPositive + Model.PriorNegative;
        if (successes == 0 && failures == 0)
        {
            // No evidence: the prior itself. Its Beta(s·m, s·(1 − m)) would lose m to underflow when s is subnormal.
            return new Beta(mean, mean * (1.0 - mean) / (strength + 1.0));
        }

        return Beta.Of(successes, strength * mean, failures, strength * (1.0 - mean));
    }
}
