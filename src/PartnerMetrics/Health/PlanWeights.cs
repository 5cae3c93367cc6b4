using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Health;

/// <summary>Factor weights inside the plan-alignment dimension.</summary>
[JsonConverter(typeof(DocumentConverter<PlanWeights, PlanWeightsDocument>))]
public sealed record PlanWeights
{
    /// <summary>The defaults: goals on track 0.15, shared ownership 0.1, business alignment 0.55, clarity 0.1, freshness 0.1.</summary>
    public static readonly PlanWeights Default = new(
        PlanAlignmentDimension.GoalsOnTrack.DefaultWeight,
        PlanAlignmentDimension.SharedOwnership.DefaultWeight,
        PlanAlignmentDimension.BusinessAlignment.DefaultWeight,
        PlanAlignmentDimension.Clarity.DefaultWeight,
        PlanAlignmentDimension.Freshness.DefaultWeight);

    /// <summary>Initializes a new instance of the <see cref="PlanWeights"/> class.</summary>
    /// <param name="goalsOnTrack">The weight of goal progress against elapsed time.</param>
    /// <param name="sharedOwnership">The weight of goals owned by both sides.</param>
    /// <param name="businessAlignment">The weight of the partner's business aligned to the vendor's.</param>
    /// <param name="clarity">The weight of goals with a measurable target and a due date.</param>
    /// <param name="freshness">The weight of a plan reviewed within its cadence.</param>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or all are zero.</exception>
    public PlanWeights(double goalsOnTrack, double sharedOwnership, double businessAlignment, double clarity, double freshness)
    {
        GoalsOnTrack = Weights.Check(goalsOnTrack, nameof(goalsOnTrack));
        SharedOwnership = Weights.Check(sharedOwnership, nameof(sharedOwnership));
        BusinessAlignment = Weights.Check(businessAlignment, nameof(businessAlignment));
        Clarity = Weights.Check(clarity, nameof(clarity));
        Freshness = Weights.Check(freshness, nameof(freshness));
        Weights.CheckNotAllZero(nameof(PlanWeights), goalsOnTrack, sharedOwnership, businessAlignment, clarity, freshness);
    }

    /// <summary>Gets the weight of goals on track.</summary>
    public double GoalsOnTrack { get; }

    /// <summary>Gets the weight of shared ownership.</summary>
    public double SharedOwnership { get; }

    /// <summary>Gets the weight of business alignment.</summary>
    public double BusinessAlignment { get; }

    /// <summary>Gets the weight of clarity.</summary>
    public double Clarity { get; }

    /// <summary>Gets the weight of freshness.</summary>
    public double Freshness { get; }
}
