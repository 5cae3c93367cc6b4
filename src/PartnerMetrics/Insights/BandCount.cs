using PartnerMetrics.Health;

namespace PartnerMetrics.Insights;

/// <summary>How many partnerships of one group fall in one band.</summary>
public sealed record BandCount
{
    internal BandCount(string grouping, string? key, HealthBand band, int count)
    {
        Grouping = grouping;
        Key = key;
        Band = band;
        Count = count;
    }

    /// <summary>Gets the grouping: "district", "type" or "tier".</summary>
    public string Grouping { get; }

    /// <summary>Gets the district, type or tier; <see langword="null"/> when not recorded.</summary>
    public string? Key { get; }

    /// <summary>Gets the band.</summary>
    public HealthBand Band { get; }

    /// <summary>Gets the number of partnerships.</summary>
    public int Count { get; }
}
