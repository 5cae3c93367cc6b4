using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Health;

/// <summary>Factor weights inside the co-operation dimension.</summary>
[JsonConverter(typeof(DocumentConverter<CooperationWeights, CooperationWeightsDocument>))]
public sealed record CooperationWeights
{
    /// <summary>The defaults: partner responsiveness 0.2, vendor responsiveness 0.2, friction handling 0.35, reciprocity 0.25.</summary>
    public static readonly CooperationWeights Default = new(
        CooperationDimension.PartnerResponsiveness.DefaultWeight,
        CooperationDimension.VendorResponsiveness.DefaultWeight,
        CooperationDimension.FrictionHandling.DefaultWeight,
        CooperationDimension.Reciprocity.DefaultWeight);

    /// <summary>Initializes a new instance of the <see cref="CooperationWeights"/> class.</summary>
    /// <param name="partnerResponsiveness">The weight of the vendor's requests that the partner answered within the response target.</param>
    /// <param name="vendorResponsiveness">The weight of the partner's requests that the vendor answered within the response target.</param>
    /// <param name="frictionHandling">The weight of escalations resolved within the resolution target.</param>
    /// <param name="reciprocity">The weight of balanced initiative between the sides.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or all are zero.</exception>
    public CooperationWeights(double partnerResponsiveness, double vendorResponsiveness, double frictionHandling, double reciprocity)
    {
        PartnerResponsiveness = Weights.Check(partnerResponsiveness, nameof(partnerResponsiveness));
        VendorResponsiveness = Weights.Check(vendorResponsiveness, nameof(vendorResponsiveness));
        FrictionHandling = Weights.Check(frictionHandling, nameof(frictionHandling));
        Reciprocity = Weights.Check(reciprocity, nameof(reciprocity));
        Weights.CheckNotAllZero(nameof(CooperationWeights), partnerResponsiveness, vendorResponsiveness, frictionHandling, reciprocity);
    }

    /// <summary>Gets the weight of the partner's responsiveness (requests the vendor made, answered by the partner).</summary>
    public double PartnerResponsiveness { get; }

    /// <summary>Gets the weight of the vendor's responsiveness (requests the partner made, answered by the vendor).</summary>
    public double VendorResponsiveness { get; }

    /// <summary>Gets the weight of friction handling.</summary>
    public double FrictionHandling { get; }

    /// <summary>Gets the weight of reciprocity.</summary>
    public double Reciprocity { get; }
}
