using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Health;

/// <summary>How much each dimension counts in the overall score. Only ratios matter; a weight of 0 disables a dimension.</summary>
[JsonConverter(typeof(DocumentConverter<DimensionWeights, DimensionWeightsDocument>))]
public sealed record DimensionWeights
{
    /// <summary>The defaults: trust 0.25, competency 0.2, co-operation 0.25, plan alignment 0.15, tracked progress 0.15.</summary>
    public static readonly DimensionWeights Default = new(0.25, 0.2, 0.25, 0.15, 0.15);

    /// <summary>Initializes a new instance of the <see cref="DimensionWeights"/> class.</summary>
    /// <param name="trust">The weight of trust.</param>
    /// <param name="competency">The weight of competency.</param>
    /// <param name="cooperation">The weight of co-operation.</param>
    /// <param name="planAlignment">The weight of plan alignment.</param>
    /// <param name="trackedProgress">The weight of tracked progress.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or all are zero.</exception>
    public DimensionWeights(double trust, double competency, double cooperation, double planAlignment, double trackedProgress)
    {
        Trust = Weights.Check(trust, nameof(trust));
        Competency = Weights.Check(competency, nameof(competency));
        Cooperation = Weights.Check(cooperation, nameof(cooperation));
        PlanAlignment = Weights.Check(planAlignment, nameof(planAlignment));
        TrackedProgress = Weights.Check(trackedProgress, nameof(trackedProgress));
        Weights.CheckNotAllZero(nameof(DimensionWeights), trust, competency, cooperation, planAlignment, trackedProgress);
    }

    /// <summary>Gets the weight of trust.</summary>
    public double Trust { get; }

    /// <summary>Gets the weight of competency.</summary>
    public double Competency { get; }

    /// <summary>Gets the weight of co-operation.</summary>
    public double Cooperation { get; }

    /// <summary>Gets the weight of plan alignment.</summary>
    public double PlanAlignment { get; }

    /// <summary>Gets the weight of tracked progress.</summary>
    public double TrackedProgress { get; }

    /// <summary>Gets the weight of a dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>Its weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not defined.</exception>
    public double this[HealthDimension dimension] => dimension switch
    {
        HealthDimension.Trust => Trust,
        HealthDimension.Competency => Competency,
        HealthDimension.Cooperation => Cooperation,
        HealthDimension.PlanAlignment => PlanAlignment,
        HealthDimension.TrackedProgress => TrackedProgress,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"'{nameof(dimension)}' must be a defined HealthDimension; got {dimension}."),
    };
}
