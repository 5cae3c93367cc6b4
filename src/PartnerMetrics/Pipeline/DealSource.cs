using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Pipeline;

/// <summary>Who brought the deal (seed 001: deal flow should run both ways).</summary>
[JsonConverter(typeof(EnumNameConverter<DealSource>))]
public enum DealSource
{
    /// <summary>The partner found the deal and brought it to the vendor.</summary>
    PartnerSourced,

    /// <summary>The vendor found the deal and handed it to the partner.</summary>
    VendorReferred,

    /// <summary>Vendor and partner pursue the deal together.</summary>
    CoSell,

    /// <summary>The vendor sells without a partner.</summary>
    Direct,

    /// <summary>
    /// The CRM does not record who brought the deal. Metrics that need the source (deal-flow
    /// reciprocity) leave such deals out, and are <see langword="null"/> with a reason when every deal is unknown.
    /// </summary>
    Unknown,
}
