using System.Buffers;
using System.Collections.Immutable;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Competency (seed 002: "it goes beyond simply having the skill … deliver what you say you will"):
/// certified coverage of the required competencies, and the Beta-mean reliability of deliveries.
/// </summary>
internal static class CompetencyDimension
{
    /// <summary>Two tallies: deliveries on time with satisfaction at or above the threshold, and the others.</summary>
    public const int Slots = 2;

    public static readonly FactorDefinition Coverage = new(
        FactorCodes.CompetencyCoverage,
        HealthDimension.Competency,
        FactorKind.Fact,
        0.2,
        model => model.CompetencyWeights.Coverage,
        CoverageReason);

    private static string CoverageReason(FactorFacts f) => f.Second == 0 ? "No required competencies are set for this partnership." : $"{f.First} of {f.Second} required competencies hold a valid certification.";

    public static readonly FactorDefinition DeliveryReliability = new(
        FactorCodes.CompetencyDeliveryReliability,
        HealthDimension.Competency,
        FactorKind.Rate,
        0.8,
        model => model.CompetencyWeights.DeliveryReliability,
        DeliveryReliabilityReason);

    private static string DeliveryReliabilityReason(FactorFacts f) => f.Second == 0 ? "No deliveries recorded yet." : $"{f.First} of {f.Second} deliveries on time with satisfaction of at least {FactorDefinition.Number(f.Measure)}.";

    private const int Delivered = 0;
    private const int Missed = 1;

    /// <summary>A delivery counts from its day, as a success when on time with satisfaction at or above the threshold.</summary>
    public static void Describe<TSink>(Partnership partnership, ScoringContext context, ref TSink sink)
        where TSink : IEvidenceSink
    {
        var threshold = context.Model.SatisfactionThreshold;
        foreach (var delivery in partnership.Deliveries)
        {
            var day = delivery.Date.DayNumber;
            sink.Weigh(EvidenceSlots.Competency + (delivery.OnTime && delivery.Satisfaction >= threshold ? Delivered : Missed), context.Competency, day, day, EvidenceSlots.Never);
        }
    }

    /// <summary>The number of competency factors: coverage and delivery reliability.</summary>
    public const int FactorCount = 2;

    /// <summary>Writes the factors on the day into <paramref name="into"/> (<see cref="FactorCount"/> long): coverage as it stands on the day, and delivery reliability from the day's tallies.</summary>
    public static void Factors(Partnership partnership, int asOf, ReadOnlySpan<Tally> tallies, ReadOnlySpan<HeldCertification> held, double maturity, ScoringContext context, Span<HealthFactor> into, ref List<HealthSignal>? signals)
    {
        var model = context.Model;
        var required = partnership.RequiredCompetencies;
        Span<int> validUntil = required.Length <= 64 ? stackalloc int[required.Length] : new int[required.Length];
        LatestValidExpiries(asOf, held, validUntil);
        var covered = Covered(required, validUntil, asOf, model, ref signals);
        var deliveries = new RateTally(tallies[Delivered], tallies[Missed]);
        into[0] = context.Fact(Coverage, required.Length == 0 ? null : (double)covered / required.Length, required.Length, maturity, new FactorFacts(covered, required.Length, 0, 0, 0));
        into[1] = context.Rate(
            DeliveryReliability,
            deliveries.P,
            deliveries.N,
            deliveries.Evidence,
            new FactorFacts(deliveries.Successes, deliveries.Successes + deliveries.Failures, 0, 0, model.SatisfactionThreshold));
    }

    /// <summary>
    /// Fills <paramref name="held"/> with the partnership's certifications of a required competency (names
    /// compared ignoring case): the requirement's index and the days each is valid. Read once, for every
    /// day a history asks about.
    /// </summary>
    /// <returns>How many entries of <paramref name="held"/> are filled: at most one per certification.</returns>
    public static int Requirements(Partnership partnership, Span<HeldCertification> held)
    {
        var required = partnership.RequiredCompetencies;
        var count = 0;
        foreach (var certification in partnership.Certifications)
        {
            for (var i = 0; i < required.Length; i++)
            {
                if (string.Equals(required[i], certification.Competency, StringComparison.OrdinalIgnoreCase))
                {
                    held[count++] = HeldCertification.Of(i, certification);
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// Keeps, of <paramref name="held"/>, the certifications that are the latest valid of their requirement on
    /// some day, in an order of its own: one certification is left out when another of the same requirement is
    /// obtained no later and expires no earlier, for that one is valid on every day this one is, and expires no
    /// earlier — so <see cref="LatestValidExpiries"/> gives the same on every day without it. A history reads
    /// the certifications at every point; it prunes them once.
    /// </summary>
    /// <returns>How many entries of <paramref name="held"/> are kept, at its start.</returns>
    public static int Undominated(Span<HeldCertification> held)
    {
        // By requirement, then obtained earliest first and, on one day, expiring latest first: each is kept when it
        // expires later than every one before it of its requirement.
        SortObtainedFirst(held);
        var kept = 0;
        for (var i = 0; i < held.Length; i++)
        {
            if (kept == 0 || held[kept - 1].Requirement != held[i].Requirement || held[i].Until > held[kept - 1].Until)
            {
                held[kept++] = held[i];
            }
        }

        return kept;
    }

    /// <summary>
    /// Sorts certifications in <see cref="ObtainedFirst"/> order. When every requirement and day fits, each
    /// certification is one 64-bit key in that order — a primitive sort, with no comparer to call — and is read
    /// back from it; otherwise the comparer sorts them.
    /// </summary>
    internal static void SortObtainedFirst(Span<HeldCertification> held)
    {
        var rented = held.Length <= 256 ? null : ArrayPool<ulong>.Shared.Rent(held.Length);
        var keys = rented is null ? stackalloc ulong[held.Length] : rented.AsSpan(0, held.Length);
        var packed = true;
        for (var i = 0; i < held.Length && packed; i++)
        {
            packed = OrderKey.TryPack(held[i], out keys[i]);
        }

        if (packed)
        {
            keys.Sort();
            for (var i = 0; i < held.Length; i++)
            {
                held[i] = OrderKey.Unpack(keys[i]);
            }
        }
        else
        {
            held.Sort(default(ObtainedFirst));
        }

        if (rented is not null)
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// For each required competency, the latest expiry among its certifications valid on the day:
    /// <see cref="int.MaxValue"/> when one never expires, <see cref="int.MinValue"/> when none is valid.
    /// </summary>
    internal static void LatestValidExpiries(int asOf, ReadOnlySpan<HeldCertification> held, Span<int> validUntil)
    {
        validUntil.Fill(int.MinValue);
        foreach (var (requirement, from, until) in held)
        {
            if (HeldCertification.IsValidOn(from, until, asOf))
            {
                validUntil[requirement] = Math.Max(validUntil[requirement], until);
            }
        }
    }

    /// <summary>Counts the covered requirements and signals those expiring soon, from each one's latest valid expiry.</summary>
    private static int Covered(ImmutableArray<string> required, ReadOnlySpan<int> validUntil, int asOf, HealthModel model, ref List<HealthSignal>? signals)
    {
        var covered = 0;
        for (var i = 0; i < required.Length; i++)
        {
            if (validUntil[i] == int.MinValue)
            {
                continue;
            }

            covered++;
            if (validUntil[i] != int.MaxValue && validUntil[i] - asOf <= model.ExpiryWarning.TotalDays)
            {
                var expiry = DateOnly.FromDayNumber(validUntil[i]);
                (signals ??= []).Add(new HealthSignal(
                    FactorCodes.CertificationExpiring,
                    $"The required certification '{required[i]}' expires on {Ensure.Iso(expiry)}, {(validUntil[i] - asOf == 1 ? "tomorrow" : $"in {validUntil[i] - asOf} days")}, with no renewal on record."));
            }
        }

        return covered;
    }
}

/// <summary>Orders certifications by requirement, then obtained earliest first, then expiring latest first (the order of <see cref="OrderKey"/>, and what sorts certifications that do not fit one).</summary>
internal readonly struct ObtainedFirst : IComparer<HeldCertification>
{
    public int Compare(HeldCertification x, HeldCertification y) =>
        x.Requirement != y.Requirement ? x.Requirement.CompareTo(y.Requirement)
        : x.From != y.From ? x.From.CompareTo(y.From)
        : y.Until.CompareTo(x.Until);
}

/// <summary>
/// A certification as one 64-bit key whose order is <see cref="ObtainedFirst"/>'s: the requirement in the top
/// 19 bits, the day obtained in the next 22 and, in the low 23, the expiry counted down from the largest, so that
/// a later expiry sorts first. Every day a <see cref="DateOnly"/> has (below 2²²) fits, and "never expires"
/// (<see cref="int.MaxValue"/>) is 2²², after every one of them.
/// </summary>
internal static class OrderKey
{
    private const int DayBits = 22;
    private const int UntilBits = DayBits + 1;
    private const int RequirementBits = 64 - DayBits - UntilBits;
    private const ulong UntilMask = (1UL << UntilBits) - 1;
    private const ulong DayMask = (1UL << DayBits) - 1;

    /// <summary>The expiry "never" as a number of <see cref="UntilBits"/> bits, after every day.</summary>
    private const ulong Never = 1UL << DayBits;

    /// <summary>Packs a certification into its key; false when a field does not fit (the key is then 0).</summary>
    public static bool TryPack(HeldCertification held, out ulong key)
    {
        var (requirement, from, until) = held;
        if (requirement < 0 || requirement >= 1 << RequirementBits || from < 0 || (ulong)from > DayMask || until < 0 || (until != int.MaxValue && (ulong)until > DayMask))
        {
            key = 0;
            return false;
        }

        key = ((ulong)requirement << (DayBits + UntilBits)) | ((ulong)from << UntilBits) | (UntilMask - (until == int.MaxValue ? Never : (ulong)until));
        return true;
    }

    /// <summary>The certification a key was packed from.</summary>
    public static HeldCertification Unpack(ulong key)
    {
        var until = UntilMask - (key & UntilMask);
        return new HeldCertification(
            (int)(key >> (DayBits + UntilBits)),
            (int)((key >> UntilBits) & DayMask),
            until == Never ? int.MaxValue : (int)until);
    }
}

/// <summary>
/// A certification of a required competency: the index of the requirement it certifies, and the days
/// [<paramref name="From"/>, <paramref name="Until"/>) on which it is valid (<see cref="Evidence.Certification.IsValidOn"/>);
/// <paramref name="Until"/> is <see cref="int.MaxValue"/> when it never expires.
/// </summary>
internal readonly record struct HeldCertification(int Requirement, int From, int Until)
{
    /// <summary>Whether a certification valid on the days [<paramref name="from"/>, <paramref name="until"/>) is valid on <paramref name="day"/>: <see cref="Evidence.Certification.IsValidOn"/> in day numbers.</summary>
    public static bool IsValidOn(int from, int until, int day) => from <= day && day < until;

    /// <summary>The days a certification is valid, as a <see cref="HeldCertification"/> of requirement <paramref name="requirement"/>.</summary>
    public static HeldCertification Of(int requirement, Evidence.Certification certification) =>
        new(requirement, certification.ObtainedOn.DayNumber, certification.ExpiresOn?.DayNumber ?? int.MaxValue);
}
