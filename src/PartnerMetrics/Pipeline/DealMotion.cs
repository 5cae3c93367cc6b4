using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// How a deal grows the business (seed 001): <see cref="NewLogo"/> is hunting, every other motion
/// is farming. Use <see cref="DealMotionExtensions.Class(DealMotion)"/> for the classification.
/// </summary>
[JsonConverter(typeof(EnumNameConverter<DealMotion>))]
public enum DealMotion
{
    /// <summary>A new customer account: hunting.</summary>
    NewLogo,

    /// <summary>More of the same product to an existing account: farming.</summary>
    Expansion,

    /// <summary>Renewing an existing contract: farming.</summary>
    Renewal,

    /// <summary>A different product to an existing account: farming.</summary>
    CrossSell,

    /// <summary>A higher edition or tier to an existing account: farming.</summary>
    Upsell,
}
