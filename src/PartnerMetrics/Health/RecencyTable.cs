namespace PartnerMetrics.Health;

/// <summary>The recency weights 2^(−age / H) of one half-life, in <see cref="FixedPoint"/> units, precomputed for the common ages.</summary>
internal sealed class RecencyTable
{
    private const int TabulatedDays = 4096;
    private readonly long[] weights = new long[TabulatedDays];
    private readonly double halfLifeDays;

    public RecencyTable(TimeSpan halfLife)
    {
        halfLifeDays = halfLife.TotalDays;
        for (var age = 0; age < TabulatedDays; age++)
        {
            weights[age] = Compute(age);
        }
    }

    /// <summary>Gets the weight of evidence <paramref name="ageDays"/> old (0 or more).</summary>
    public long Weight(int ageDays) => unchecked((uint)ageDays) < TabulatedDays ? weights[ageDays] : Compute(ageDays);

    private long Compute(int ageDays) => FixedPoint.From(Math.Pow(2.0, -ageDays / halfLifeDays));
}
