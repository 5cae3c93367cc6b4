using PartnerMetrics.Health;

namespace PartnerMetrics.Insights;

/// <summary>How many partnerships of one group fall in one band.</summary>
/// <param name="Grouping">"district", "type" or "tier".</param>
/// <param name="Key">The district, type or tier; <see langword="null"/> when not recorded.</param>
/// <param name="Band">The band.</param>
/// <param name="Count">The number of partnerships.</param>
public sealed record BandCount(string Grouping, string? Key, HealthBand Band, int Count);
