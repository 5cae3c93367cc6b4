using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Health;

/// <summary>The verdict on a partnership's overall score.</summary>
[JsonConverter(typeof(EnumNameConverter<HealthBand>))]
public enum HealthBand
{
    /// <summary>Overall confidence is below the model's minimum: too little evidence to judge (seed 003: do not judge, or abandon, a partner on too few interactions).</summary>
    InsufficientEvidence,

    /// <summary>The score is below the watch threshold (40 by default).</summary>
    AtRisk,

    /// <summary>The score is at or above the watch threshold but below the healthy threshold.</summary>
    Watch,

    /// <summary>The score is at or above the healthy threshold (70 by default).</summary>
    Healthy,
}
