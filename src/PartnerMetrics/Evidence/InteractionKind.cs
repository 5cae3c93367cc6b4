using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Evidence;

/// <summary>The kind of a logged interaction between vendor and partner.</summary>
[JsonConverter(typeof(EnumNameConverter<InteractionKind>))]
public enum InteractionKind
{
    /// <summary>A meeting.</summary>
    Meeting,

    /// <summary>A call.</summary>
    Call,

    /// <summary>An email.</summary>
    Email,

    /// <summary>A joint event: a workshop, webinar or customer event run together (seed 004's inertia follows these).</summary>
    JointEvent,

    /// <summary>An escalation: something went wrong and needs resolving; carries a resolved date or is open.</summary>
    Escalation,

    /// <summary>A request for help or information; carries a response time or is unanswered.</summary>
    Request,
}
