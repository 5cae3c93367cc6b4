using System.Runtime.CompilerServices;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Receives the life of each evidence item as day ranges (DOMAIN section 3.1): in which tally it
/// counts, on which days it is visible, and, for a recency-weighted tally, the day its weight is aged
/// from. Each dimension describes its evidence once, to this interface; <see cref="DaySink"/> reads the
/// description on one day (<see cref="HealthScorer.Score"/>) and <see cref="HistorySweep"/> on many days
/// at once (<see cref="HealthScorer.History"/>), so both evaluate the same rules.
/// </summary>
internal interface IEvidenceSink
{
    /// <summary>
    /// An item counted once in tally <paramref name="slot"/>, with the recency weight
    /// <c>table.Weight(day − dated)</c>, on each day in [<paramref name="first"/>, <paramref name="end"/>).
    /// An item is never weighed before its day: <paramref name="first"/> ≥ <paramref name="dated"/>.
    /// </summary>
    void Weigh(int slot, RecencyTable table, int dated, int first, int end);

    /// <summary>An item counted once in tally <paramref name="slot"/> on each day in [<paramref name="first"/>, <paramref name="end"/>), without a weight.</summary>
    void Count(int slot, int first, int end);
}

/// <summary>One tally on one day: the number of items visible and, for a weighted tally, the sum of their weights in <see cref="FixedPoint"/> units.</summary>
internal struct Tally
{
    public Int128 Weight;
    public int Count;
}

/// <summary>
/// The tallies of every dimension, numbered in one space: each dimension's slots follow the
/// previous dimension's (plan alignment has none: it is read as it stood on the day).
/// </summary>
internal static class EvidenceSlots
{
    /// <summary>An end day for a range that never ends.</summary>
    public const int Never = int.MaxValue;

    public const int Trust = 0;
    public const int Competency = Trust + TrustDimension.Slots;
    public const int Cooperation = Competency + CompetencyDimension.Slots;
    public const int TrackedProgress = Cooperation + CooperationDimension.Slots;
    public const int Count = TrackedProgress + TrackedProgressDimension.Slots;

    /// <summary>Every dimension's evidence, described once.</summary>
    public static void Describe<TSink>(Partnership partnership, ScoringContext context, ref TSink sink)
        where TSink : IEvidenceSink
    {
        TrustDimension.Describe(partnership, context, ref sink);
        CompetencyDimension.Describe(partnership, context, ref sink);
        CooperationDimension.Describe(partnership, context, ref sink);
        TrackedProgressDimension.Describe(partnership, context, ref sink);
    }

    /// <summary>
    /// The factors of the five dimensions on <paramref name="day"/>, from the evidence tallied on that
    /// day and the facts read as they stood on it (certifications, the plan, the weekly cadence);
    /// <paramref name="held"/> are the certifications of required competencies (<see cref="CompetencyDimension.Requirements"/>).
    /// </summary>
    public static DimensionFactors Factors<TWeeks>(Partnership partnership, int day, ReadOnlySpan<Tally> tallies, in TWeeks weeks, ReadOnlySpan<HeldCertification> held, ScoringContext context, ref List<HealthSignal>? signals)
        where TWeeks : IActivityWeeks
    {
        var maturity = context.Maturity(partnership.StartedOn.DayNumber, day);
        var factors = default(DimensionFactors);
        factors[(int)HealthDimension.Trust] = TrustDimension.Factors(tallies[Trust..Competency], context);
        factors[(int)HealthDimension.Competency] = CompetencyDimension.Factors(partnership, day, tallies[Competency..Cooperation], held, maturity, context, ref signals);
        factors[(int)HealthDimension.Cooperation] = CooperationDimension.Factors(tallies[Cooperation..TrackedProgress], context);
        factors[(int)HealthDimension.PlanAlignment] = PlanAlignmentDimension.Factors(partnership, day, maturity, context);
        factors[(int)HealthDimension.TrackedProgress] = TrackedProgressDimension.Factors(partnership, day, tallies[TrackedProgress..Count], weeks, maturity, context);
        return factors;
    }
}

/// <summary>The factors of each dimension, in <see cref="HealthDimension"/> order, held inline.</summary>
[InlineArray(5)]
internal struct DimensionFactors
{
    private HealthFactor[] element;
}

/// <summary>Room for one tally per slot, held inline.</summary>
[InlineArray(EvidenceSlots.Count)]
internal struct TallyArray
{
    private Tally element;
}

/// <summary>Reads the evidence as of one day: a tally counts an item whose range holds the day.</summary>
internal struct DaySink(int asOf) : IEvidenceSink
{
    /// <summary>The tallies on the day, one per slot.</summary>
    public TallyArray Tallies;

    public void Weigh(int slot, RecencyTable table, int dated, int first, int end)
    {
        if (first <= asOf && asOf < end)
        {
            ref var tally = ref Tallies[slot];
            tally.Count++;
            tally.Weight += table.Weight(asOf - dated);
        }
    }

    public void Count(int slot, int first, int end)
    {
        if (first <= asOf && asOf < end)
        {
            Tallies[slot].Count++;
        }
    }
}
