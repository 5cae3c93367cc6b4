namespace PartnerMetrics.Pipeline;

/// <summary>
/// Won-deal cycles counted per day: exact (and mergeable) mean, median and percentiles at day
/// resolution, in memory that grows with the longest cycle, never with the number of deals.
/// </summary>
internal sealed class CycleHistogram
{
    private long[] counts = [];
    private long total;
    /// <summary>The days of every cycle added up: 128 bits, for up to long.MaxValue deals of up to 3,652,058 days each fit, so no merge of valid histograms overflows it.</summary>
    private Int128 sumDays;

    public long Total => total;

    /// <summary>Gets the counts per cycle day, up to the longest cycle seen.</summary>
    public ReadOnlySpan<long> Counts => counts.AsSpan(0, Length);

    private int Length { get; set; }

    public void Add(int days, long times = 1)
    {
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"A won cycle cannot be negative; got {days} days.");
        }

        if (days >= counts.Length)
        {
            Array.Resize(ref counts, Math.Max(days + 1, Math.Max(64, counts.Length * 2)));
        }

        counts[days] += times;
        Length = Math.Max(Length, days + 1);
        total += times;
        sumDays += (Int128)days * times;
    }

    public void Merge(CycleHistogram other)
    {
        var theirs = other.Counts;
        for (var day = theirs.Length - 1; day >= 0; day--)
        {
            if (theirs[day] != 0)
            {
                Add(day, theirs[day]);
            }
        }
    }

    public CycleStatistics? Statistics()
    {
        if (total == 0)
        {
            return null;
        }

        var lowMiddle = (total + 1) / 2;
        var highMiddle = (total / 2) + 1;
        // ⌈0.9 × total⌉ in 128 bits: 9 × total passes long.MaxValue from about 10¹⁸ deals.
        var p90Rank = (long)(((9 * (Int128)total) + 9) / 10);
        double median = total % 2 == 1 ? AtRank(lowMiddle) : (AtRank(total / 2) + AtRank(highMiddle)) / 2.0;
        return new CycleStatistics(total, (double)sumDays / total, median, AtRank(p90Rank));
    }

    /// <summary>The cycle of the deal at 1-based <paramref name="rank"/> in ascending order.</summary>
    private int AtRank(long rank)
    {
        long seen = 0;
        for (var day = 0; day < Length; day++)
        {
            seen += counts[day];
            if (seen >= rank)
            {
                return day;
            }
        }

        return Length - 1;
    }
}
