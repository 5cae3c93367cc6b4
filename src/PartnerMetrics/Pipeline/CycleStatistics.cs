namespace PartnerMetrics.Pipeline;

/// <summary>The sales cycle of won deals, closed − created in days.</summary>
public sealed record CycleStatistics
{
    internal CycleStatistics(long count, double mean, double median, int percentile90)
    {
        Count = count;
        Mean = mean;
        Median = median;
        Percentile90 = percentile90;
    }

    /// <summary>Gets the number of won deals.</summary>
    public long Count { get; }

    /// <summary>Gets the mean cycle in days.</summary>
    public double Mean { get; }

    /// <summary>Gets the median in days: the middle cycle, or the mean of the two middle cycles.</summary>
    public double Median { get; }

    /// <summary>Gets the 90th percentile in days by nearest rank: the smallest cycle at least 90 % of won deals do not exceed.</summary>
    public int Percentile90 { get; }
}
