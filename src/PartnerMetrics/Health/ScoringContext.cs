namespace PartnerMetrics.Health;

/// <summary>A model with its precomputed recency tables; immutable, shared by every scoring call of a <see cref="HealthScorer"/>.</summary>
internal sealed class ScoringContext
{
    public ScoringContext(HealthModel model)
    {
        Model = model;
        Trust = new RecencyTable(model.TrustHalfLife);
        Competency = new RecencyTable(model.CompetencyHalfLife);
        Cooperation = new RecencyTable(model.CooperationHalfLife);
        TrackedProgress = new RecencyTable(model.TrackedProgressHalfLife);
        Escalations = new RecencyTable(model.EscalationHalfLife);
    }

    public HealthModel Model { get; }

    public RecencyTable Trust { get; }

    public RecencyTable Competency { get; }

    public RecencyTable Cooperation { get; }

    public RecencyTable TrackedProgress { get; }

    public RecencyTable Escalations { get; }

    /// <summary>A rate: a <paramref name="posterior"/> from weighted evidence e, with certainty e / (e + κ).</summary>
    public HealthFactor Rate(string code, HealthDimension dimension, Beta posterior, double evidence, double weight, FactorFacts facts) =>
        new(code, dimension, posterior.Mean, evidence, weight, evidence / (evidence + Model.Kappa), posterior.Variance, facts);

    /// <summary>A fact: an observed <paramref name="value"/> (null when vacuous) with the partnership's maturity as its certainty.</summary>
    public static HealthFactor Fact(string code, HealthDimension dimension, double? value, double count, double maturity, double weight, FactorFacts facts) =>
        new(code, dimension, value, count, weight, maturity, 0.0, facts);

    /// <summary>The certainty of a fact on day <paramref name="asOf"/>: min(1, days since the start ÷ <see cref="HealthModel.FactMaturity"/>); 0 before the start.</summary>
    public double Maturity(int startedOn, int asOf) => Math.Clamp((asOf - (double)startedOn) / Model.FactMaturity.TotalDays, 0.0, 1.0);

    /// <summary>The posterior Beta(p + α, n + β) of a rate with weighted successes p and failures n.</summary>
    public Beta Posterior(double successes, double failures) =>
        Beta.Of(successes + Model.PriorPositive, failures + Model.PriorNegative);
}
