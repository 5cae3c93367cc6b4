using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>
/// One joint review of a <see cref="JointPlan"/>: the day vendor and partner went over the plan
/// together and, when they recorded it, the business alignment that day (seed 004: "what percent of
/// their business is aligned to our business?").
/// </summary>
[JsonConverter(typeof(DocumentConverter<PlanReview, PlanReviewDocument>))]
public sealed record PlanReview
{
    /// <summary>Initializes a new instance of the <see cref="PlanReview"/> class.</summary>
    /// <param name="on">The day of the review.</param>
    /// <param name="businessAlignment">
    /// The share of the partner's business aligned to the vendor's that day, in [0, 1];
    /// <see langword="null"/> when the review did not record it (the latest recorded value before it still holds).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessAlignment"/> is outside [0, 1] or NaN.</exception>
    public PlanReview(DateOnly on, double? businessAlignment = null)
    {
        On = on;
        BusinessAlignment = businessAlignment is { } alignment ? Ensure.UnitInterval(alignment, nameof(businessAlignment)) : null;
    }

    /// <summary>Gets the day of the review.</summary>
    public DateOnly On { get; }

    /// <summary>Gets the business alignment recorded that day, in [0, 1], or <see langword="null"/> when none was recorded.</summary>
    public double? BusinessAlignment { get; }
}
