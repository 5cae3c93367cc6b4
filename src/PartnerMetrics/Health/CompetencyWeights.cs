using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Health;

/// <summary>Factor weights inside the competency dimension ("having the competency alone isn't enough").</summary>
[JsonConverter(typeof(DocumentConverter<CompetencyWeights, CompetencyWeightsDocument>))]
public sealed record CompetencyWeights
{
    /// <summary>The defaults: coverage 0.2, delivery reliability 0.8.</summary>
    public static readonly CompetencyWeights Default = new(
        CompetencyDimension.Coverage.DefaultWeight,
        CompetencyDimension.DeliveryReliability.DefaultWeight);

    /// <summary>Initializes a new instance of the <see cref="CompetencyWeights"/> class.</summary>
    /// <param name="coverage">The weight of certified coverage of the required competencies.</param>
    /// <param name="deliveryReliability">The weight of reliable delivery.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or both are zero.</exception>
    public CompetencyWeights(double coverage, double deliveryReliability)
    {
        Coverage = Weights.Check(coverage, nameof(coverage));
        DeliveryReliability = Weights.Check(deliveryReliability, nameof(deliveryReliability));
        Weights.CheckNotAllZero(nameof(CompetencyWeights), coverage, deliveryReliability);
    }

    /// <summary>Gets the weight of certified coverage.</summary>
    public double Coverage { get; }

    /// <summary>Gets the weight of delivery reliability.</summary>
    public double DeliveryReliability { get; }
}
