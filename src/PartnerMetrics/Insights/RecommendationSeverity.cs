using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Insights;

/// <summary>How urgent a next action is, from how far its factor is below target.</summary>
[JsonConverter(typeof(EnumNameConverter<RecommendationSeverity>))]
public enum RecommendationSeverity
{
    /// <summary>The factor is at 0.6 or more.</summary>
    Low,

    /// <summary>The factor is from 0.4 to below 0.6.</summary>
    Medium,

    /// <summary>The factor is below 0.4, or the partnership cannot be judged yet.</summary>
    High,
}
