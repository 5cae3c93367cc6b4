namespace PartnerMetrics.Health;

/// <summary>The recency weights 2^(−age / H) of one half-life, in <see cref="FixedPoint"/> units, precomputed for the common ages.</summary>
internal sealed class RecencyTable
{
    private const int TabulatedDays = 4096;
    private readonly Fixed128[] weights = new Fixed128[TabulatedDays];
    private readonly double halfLifeDays;

    /// <summary>Ages up to which a layout for a step is kept for the next history: 64 Ki days, 1 MiB of weights.</summary>
    private const int KeptAges = 1 << 16;

    /// <summary>The last layout of the weights for a step, kept while it is at most <see cref="KeptAges"/> long: the weekly histories of a portfolio share one.</summary>
    private StridedWeights? strided;

    public RecencyTable(TimeSpan halfLife)
    {
        halfLifeDays = halfLife.TotalDays;
        for (var age = 0; age < TabulatedDays; age++)
        {
            weights[age] = Compute(age);
        }

        var zero = Math.Max(0, (int)Math.Floor(FixedPoint.MaxHalfLives * halfLifeDays) - 2);
        while (Weight(zero) != Fixed128.Zero)
        {
            zero++;
        }

        ZeroAge = zero;
    }

    /// <summary>Gets the half-life in days.</summary>
    public double HalfLifeDays => halfLifeDays;

    /// <summary>Gets the first age whose weight is 0: evidence this old carries none.</summary>
    /// <remarks>
    /// A weight is 2^(−age / H) in units of 2^−100 (<see cref="FixedPoint.One"/>), so it is at least 2^60 until the
    /// cut-off at <see cref="FixedPoint.MaxHalfLives"/> half-lives: the first zero is the first age past the cut-off.
    /// </remarks>
    public int ZeroAge { get; }

    /// <summary>Gets the weight of evidence <paramref name="ageDays"/> old (0 or more).</summary>
    public Fixed128 Weight(int ageDays) => unchecked((uint)ageDays) < TabulatedDays ? weights[ageDays] : Compute(ageDays);

    /// <summary>
    /// Adds to <paramref name="count"/> tallies, <paramref name="stride"/> apart, the weight of evidence <paramref name="age"/>,
    /// <paramref name="age"/> + <paramref name="step"/>, … days old, in turn: the same weights as <see cref="Weight"/>.
    /// </summary>
    public void AddEvery(Span<Tally> tallies, int stride, int count, int age, int step)
    {
        var k = 0;
        var tabulated = weights;
        for (; k < count && (uint)age < (uint)tabulated.Length; k++, age += step)
        {
            tallies[k * stride].Weight += tabulated[age];
        }

        for (; k < count; k++, age += step)
        {
            tallies[k * stride].Weight += Weight(age);
        }
    }

    /// <summary>The weights of ages 0 to at least <paramref name="oldest"/>, laid out for a step of <paramref name="step"/> days.</summary>
    public StridedWeights Strided(int step, int oldest)
    {
        var kept = Volatile.Read(ref strided);
        if (kept is not null && kept.Step == step && kept.Oldest >= oldest)
        {
            return kept;
        }

        var laid = new StridedWeights(this, step, kept is not null && kept.Step == step ? Math.Max(oldest, kept.Oldest) : oldest);
        if (laid.Oldest < KeptAges)
        {
            Volatile.Write(ref strided, laid);
        }

        return laid;
    }

    private Fixed128 Compute(int ageDays) =>
        ageDays / halfLifeDays > FixedPoint.MaxHalfLives ? Fixed128.Zero : FixedPoint.From(Math.Pow(2.0, -ageDays / halfLifeDays));
}
