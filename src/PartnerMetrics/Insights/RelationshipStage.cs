using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Insights;

/// <summary>
/// How far a partnership has crossed "the chasm from a Transactional Relationship to a Full
/// Partnership" (seed 002). Each stage requires every criterion of the stages before it.
/// </summary>
[JsonConverter(typeof(EnumNameConverter<RelationshipStage>))]
public enum RelationshipStage
{
    /// <summary>No deal won together yet.</summary>
    Prospect,

    /// <summary>At least one deal won together.</summary>
    Transactional,

    /// <summary>Both sides keep and track commitments, activity is logged most weeks, and there is enough evidence to judge.</summary>
    Engaged,

    /// <summary>A joint plan with shared goals, real business alignment, and certified competencies.</summary>
    Aligned,

    /// <summary>Repeat business, a healthy and trusted relationship, and a plan reviewed within its cadence.</summary>
    Strategic,
}
