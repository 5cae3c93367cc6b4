using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Insights;

/// <summary>Why a next action is proposed (DOMAIN section 3.3): a factor shows observed failure, or it rests on too little evidence.</summary>
[JsonConverter(typeof(EnumNameConverter<RecommendationTrigger>))]
public enum RecommendationTrigger
{
    /// <summary>
    /// The factor has observed failure: a rate with failures in its evidence (a broken or late
    /// commitment, a late delivery, a request answered late or not at all, a stale deal), a balance
    /// whose sides' initiatives weigh unequally (recency-weighted, as reciprocity counts them), or a
    /// fact short of its best (a missing certification, an overdue review, no plan).
    /// </summary>
    ObservedFailure,

    /// <summary>
    /// The factor has no observed failure, but its certainty is below 0.5: more of the same evidence
    /// would say more. The proof of concept under <c>InsufficientEvidence</c> has this trigger too.
    /// </summary>
    TooLittleEvidence,
}
