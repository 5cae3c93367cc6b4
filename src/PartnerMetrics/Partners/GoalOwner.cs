using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Partners;

/// <summary>Who owns a joint-plan goal (seed 002: "an operational model where both parties have work to do").</summary>
[JsonConverter(typeof(EnumNameConverter<GoalOwner>))]
public enum GoalOwner
{
    /// <summary>The vendor alone.</summary>
    Vendor,

    /// <summary>The partner alone.</summary>
    Partner,

    /// <summary>Both sides share the goal.</summary>
    Both,
}
