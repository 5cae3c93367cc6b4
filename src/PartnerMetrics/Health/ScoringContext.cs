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
    }

    public HealthModel Model { get; }

    public RecencyTable Trust { get; }

    public RecencyTable Competency { get; }

    public RecencyTable Cooperation { get; }

    public RecencyTable TrackedProgress { get; }

    public HealthFactor Factor(string code, HealthDimension dimension, double value, double evidence, double weight, FactorFacts facts) =>
        new(code, dimension, value, evidence, weight, Model.Kappa, facts);
}
