namespace PartnerMetrics.Pipeline;

/// <summary>The sales cycle of won deals, closed − created in days.</summary>
/// <param name="Count">The number of won deals.</param>
/// <param name="Mean">The mean cycle in days.</param>
/// <param name="Median">The median in days: the middle cycle, or the mean of the two middle cycles.</param>
/// <param name="Percentile90">The 90th percentile in days by nearest rank: the smallest cycle at least 90 % of won deals do not exceed.</param>
public sealed record CycleStatistics(long Count, double Mean, double Median, int Percentile90);
