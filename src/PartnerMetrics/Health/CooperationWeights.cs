using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Health;

/// <summary>Factor weights inside the co-operation dimension.</summary>
[JsonConverter(typeof(DocumentConverter<CooperationWeights, CooperationWeightsDocument>))]
public sealed record CooperationWeights
{
    /// <summary>The defaults: responsiveness 0.4, friction handling 0.35, reciprocity 0.25.</summary>
    public static readonly CooperationWeights Default = new(0.4, 0.35, 0.25);

    /// <summary>Initializes a new instance of the <see cref="CooperationWeights"/> class.</summary>
    /// <param name="responsiveness">The weight of requests answered within the response target.</param>
    /// <param name="frictionHandling">The weight of escalations resolved within the resolution target.</param>
    /// <param name="reciprocity">The weight of balanced initiative between the sides.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or all are zero.</exception>
    public CooperationWeights(double responsiveness, double frictionHandling, double reciprocity)
    {
        Responsiveness = Weights.Check(responsiveness, nameof(responsiveness));
        FrictionHandling = Weights.Check(frictionHandling, nameof(frictionHandling));
        Reciprocity = Weights.Check(reciprocity, nameof(reciprocity));
        Weights.CheckNotAllZero(nameof(CooperationWeights), responsiveness, frictionHandling, reciprocity);
    }

    /// <summary>Gets the weight of responsiveness.</summary>
    public double Responsiveness { get; }

    /// <summary>Gets the weight of friction handling.</summary>
    public double FrictionHandling { get; }

    /// <summary>Gets the weight of reciprocity.</summary>
    public double Reciprocity { get; }
}
