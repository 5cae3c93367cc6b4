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
    public Fixed128 Weight;
    public int Count;
}

/// <summary>
/// The tallies of every dimension, numbered in one space: each dimension's slots follow the
/// previous dimension's (plan alignment has none: it is read as it stood on the day).
/// </summary>
internal static class EvidenceSlots
{
    /// <summary>The number of dimensions (<see cref="HealthDimension"/>).</summary>
    public const int Dimensions = 5;

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

    /// <summary>The number of a dimension's factors on <paramref name="day"/>: fixed, but for the plan's, which has one while there is no plan.</summary>
    public static int FactorCount(int dimension, Partnership partnership, int day) => dimension switch
    {
        (int)HealthDimension.Trust => TrustDimension.FactorCount,
        (int)HealthDimension.Competency => CompetencyDimension.FactorCount,
        (int)HealthDimension.Cooperation => CooperationDimension.FactorCount,
        (int)HealthDimension.PlanAlignment => PlanAlignmentDimension.FactorCount(partnership, day),
        _ => TrackedProgressDimension.FactorCount,
    };

    /// <summary>The most factors a report has: every dimension's, with a plan.</summary>
    public const int MaxFactors = TrustDimension.FactorCount + CompetencyDimension.FactorCount + CooperationDimension.FactorCount
        + PlanAlignmentDimension.MaxFactorCount + TrackedProgressDimension.FactorCount;

    /// <summary>
    /// Writes the factors of the five dimensions on <paramref name="day"/> into <paramref name="into"/>, from the
    /// evidence tallied on that day and the facts read as they stood on it (certifications, the plan, the weekly
    /// cadence); <paramref name="held"/> are the certifications of required competencies (<see cref="CompetencyDimension.Requirements"/>).
    /// </summary>
    public static void Factors<TWeeks>(Partnership partnership, int day, ReadOnlySpan<Tally> tallies, in TWeeks weeks, ReadOnlySpan<HeldCertification> held, ScoringContext context, scoped DimensionFactors into, ref List<HealthSignal>? signals)
        where TWeeks : IActivityWeeks
    {
        var maturity = context.Maturity(partnership.StartedOn.DayNumber, day);
        TrustDimension.Factors(tallies[Trust..Competency], context, into.Trust);
        CompetencyDimension.Factors(partnership, day, tallies[Competency..Cooperation], held, maturity, context, into.Competency, ref signals);
        CooperationDimension.Factors(tallies[Cooperation..TrackedProgress], context, into.Cooperation);
        PlanAlignmentDimension.Factors(partnership, day, maturity, context, into.PlanAlignment);
        TrackedProgressDimension.Factors(partnership, day, tallies[TrackedProgress..Count], weeks, maturity, context, into.TrackedProgress);
    }
}

/// <summary>Each dimension's factors of a report, in <see cref="HealthDimension"/> order, as the arrays the report keeps.</summary>
[InlineArray(EvidenceSlots.Dimensions)]
internal struct FactorArrays
{
    private HealthFactor[] element;

    /// <summary>Arrays of the lengths the dimensions' factors on <paramref name="day"/> take.</summary>
    public static FactorArrays For(Partnership partnership, int day)
    {
        var arrays = default(FactorArrays);
        for (var d = 0; d < EvidenceSlots.Dimensions; d++)
        {
            arrays[d] = new HealthFactor[EvidenceSlots.FactorCount(d, partnership, day)];
        }

        return arrays;
    }
}

/// <summary>
/// Where each dimension's factors are written and read, in <see cref="HealthDimension"/> order: a report's arrays
/// (<see cref="Over"/>), or, for a score that keeps no report, one buffer on the stack (<see cref="In"/>).
/// </summary>
internal ref struct DimensionFactors
{
    public Span<HealthFactor> Trust;
    public Span<HealthFactor> Competency;
    public Span<HealthFactor> Cooperation;
    public Span<HealthFactor> PlanAlignment;
    public Span<HealthFactor> TrackedProgress;

    /// <summary>Gets the factors of one dimension.</summary>
    public readonly Span<HealthFactor> this[int dimension]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => dimension switch
        {
            (int)HealthDimension.Trust => Trust,
            (int)HealthDimension.Competency => Competency,
            (int)HealthDimension.Cooperation => Cooperation,
            (int)HealthDimension.PlanAlignment => PlanAlignment,
            _ => TrackedProgress,
        };
    }

    /// <summary>The factors in a report's arrays.</summary>
    public static DimensionFactors Over(in FactorArrays arrays) => new()
    {
        Trust = arrays[(int)HealthDimension.Trust],
        Competency = arrays[(int)HealthDimension.Competency],
        Cooperation = arrays[(int)HealthDimension.Cooperation],
        PlanAlignment = arrays[(int)HealthDimension.PlanAlignment],
        TrackedProgress = arrays[(int)HealthDimension.TrackedProgress],
    };

    /// <summary>The factors on <paramref name="day"/> laid one dimension after another in <paramref name="buffer"/>, at least <see cref="EvidenceSlots.MaxFactors"/> long.</summary>
    public static DimensionFactors In(Span<HealthFactor> buffer, Partnership partnership, int day)
    {
        var factors = default(DimensionFactors);
        for (var (d, at) = (0, 0); d < EvidenceSlots.Dimensions; d++)
        {
            var count = EvidenceSlots.FactorCount(d, partnership, day);
            factors.Set(d, buffer.Slice(at, count));
            at += count;
        }

        return factors;
    }

    private void Set(int dimension, Span<HealthFactor> factors)
    {
        switch (dimension)
        {
            case (int)HealthDimension.Trust:
                Trust = factors;
                break;
            case (int)HealthDimension.Competency:
                Competency = factors;
                break;
            case (int)HealthDimension.Cooperation:
                Cooperation = factors;
                break;
            case (int)HealthDimension.PlanAlignment:
                PlanAlignment = factors;
                break;
            default:
                TrackedProgress = factors;
                break;
        }
    }
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
