using System.Collections.Immutable;

namespace PartnerMetrics.Insights;

/// <summary>The top partners of one district (seed 004: "Pick Top 5–7 Partners Per District TODAY").</summary>
public sealed record DistrictRanking
{
    private readonly EquatableArray<PartnerStanding> partners;

    internal DistrictRanking(string? district, ImmutableArray<PartnerStanding> partners)
    {
        District = district;
        this.partners = new EquatableArray<PartnerStanding>(partners);
    }

    /// <summary>Gets the district, or <see langword="null"/> for partners without one.</summary>
    public string? District { get; }

    /// <summary>Gets the top partners, best first.</summary>
    public ImmutableArray<PartnerStanding> Partners => partners;
}
