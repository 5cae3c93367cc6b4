namespace PartnerMetrics.Validation;

/// <summary>Which weights <see cref="Backtest.Fit"/> fits to a company's outcomes; every other setting of the model is kept.</summary>
public enum FitWeights
{
    /// <summary>The five dimension weights (<see cref="Health.HealthModel.DimensionWeights"/>).</summary>
    Dimensions,

    /// <summary>
    /// The dimension weights and the factor weights inside competency, co-operation, plan alignment and
    /// tracked progress. Trust's two sides keep equal weights: trust is "a must on both sides".
    /// </summary>
    DimensionsAndFactors,
}
