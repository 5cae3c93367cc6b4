using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Partners;

/// <summary>One side of a partnership: the vendor (the company using this library) or the partner.</summary>
[JsonConverter(typeof(EnumNameConverter<Side>))]
public enum Side
{
    /// <summary>The vendor: the company whose CRM holds the evidence.</summary>
    Vendor,

    /// <summary>The partner.</summary>
    Partner,
}
