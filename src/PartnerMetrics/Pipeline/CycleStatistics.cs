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

    /// <summary>
    /// The won deals' cycle days added up, as the mean gives them: the whole number nearest <see cref="Mean"/> ×
    /// <see cref="Count"/>, computed exactly from the double. It is the exact sum whenever that is below 2⁵² days
    /// (the mean is the sum ÷ the count correctly rounded); a result read from JSON has only the mean, and both sides
    /// read the sum from it, so a result and the same result read back agree to the bit.
    /// </summary>
    internal Int128 TotalDays
    {
        get
        {
            // Mean = mantissa × 2^exponent exactly; a mean is at most about 3.65 million days, so mantissa × count × 2^exponent
            // stays far inside 128 bits, and below 2⁻¹²⁶ (a subnormal mean) the product rounds to 0.
            var bits = BitConverter.DoubleToInt64Bits(Mean);
            var biased = (int)((bits >> 52) & 0x7FF);
            var mantissa = bits & 0xF_FFFF_FFFF_FFFF;
            var (significand, exponent) = biased == 0 ? (mantissa, -1074) : (mantissa | (1L << 52), biased - 1075);
            var product = (Int128)significand * Count;
            return exponent >= 0 ? product << exponent
                : exponent <= -126 ? 0
                : (product + (Int128.One << (-exponent - 1))) >> -exponent;
        }
    }
}
