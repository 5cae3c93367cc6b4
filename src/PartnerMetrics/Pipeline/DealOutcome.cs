using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Pipeline;

/// <summary>The state of an opportunity.</summary>
[JsonConverter(typeof(EnumNameConverter<DealOutcome>))]
public enum DealOutcome
{
    /// <summary>Still in the pipeline; has no close date.</summary>
    Open,

    /// <summary>Closed won; has a close date.</summary>
    Won,

    /// <summary>Closed lost; has a close date and may have a loss reason.</summary>
    Lost,
}
