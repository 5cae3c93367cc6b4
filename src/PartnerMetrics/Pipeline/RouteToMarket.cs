using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Pipeline;

/// <summary>The channel through which the customer buys.</summary>
[JsonConverter(typeof(EnumNameConverter<RouteToMarket>))]
public enum RouteToMarket
{
    /// <summary>The customer buys from the vendor.</summary>
    Direct,

    /// <summary>The customer buys from a partner.</summary>
    Partner,

    /// <summary>The customer buys through a marketplace.</summary>
    Marketplace,

    /// <summary>
    /// The CRM does not record how the customer buys. Route concentration leaves such deals out, and is
    /// <see langword="null"/> with a reason when no won deal records its route.
    /// </summary>
    Unknown,
}
