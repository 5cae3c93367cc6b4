using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Pipeline;

/// <summary>Seed 001's two ways of selling: hunting new logos, or farming the installed base.</summary>
[JsonConverter(typeof(EnumNameConverter<MotionClass>))]
public enum MotionClass
{
    /// <summary>New-logo business.</summary>
    Hunting,

    /// <summary>Expansion, renewal, cross-sell and upsell business.</summary>
    Farming,
}
