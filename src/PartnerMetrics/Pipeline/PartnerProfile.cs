using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Pipeline;

/// <summary>How a partner grows the business (seed 001): mostly hunting new logos, mostly farming the installed base, or both.</summary>
[JsonConverter(typeof(EnumNameConverter<PartnerProfile>))]
public enum PartnerProfile
{
    /// <summary>Farming and hunting both below 70 % of won bookings.</summary>
    Balanced,

    /// <summary>Hunting is at least 70 % of won bookings by value.</summary>
    Hunter,

    /// <summary>Hunting is at most 30 % of won bookings by value.</summary>
    Farmer,
}
