using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Partners;

/// <summary>The business model of a partner (seed 003: partner types differ in how they sell).</summary>
[JsonConverter(typeof(EnumNameConverter<PartnerType>))]
public enum PartnerType
{
    /// <summary>Resells the vendor's licences or products.</summary>
    Reseller,

    /// <summary>Designs and implements solutions (a system integrator or consultancy).</summary>
    SystemIntegrator,

    /// <summary>Runs the product for customers as a managed service (an MSP).</summary>
    ManagedServiceProvider,

    /// <summary>An independent software vendor whose product builds on or bundles the vendor's.</summary>
    Isv,

    /// <summary>Introduces customers for a fee without selling or delivering.</summary>
    Referral,

    /// <summary>Sells through a network of resellers (a two-tier distributor).</summary>
    Distributor,

    /// <summary>A cloud or software marketplace.</summary>
    Marketplace,
}
