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
        0.4,
        model => model.CompetencyWeights.Coverage,
        f => f.Second == 0 ? "No required competencies are set for this partnership." : $"{f.First} of {f.Second} required competencies hold a valid certification.");

    public static readonly FactorDefinition DeliveryReliability = new(
        FactorCodes.CompetencyDeliveryReliability,
        HealthDimension.Competency,
        FactorKind.Rate,
        0.6,
        model => model.CompetencyWeights.DeliveryReliability,
        f => f.Second == 0 ? "No deliveries recorded yet." : $"{f.First} of {f.Second} deliveries on time with satisfaction of at least {FactorDefinition.Number(f.Measure)}.");

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

    /// <summary>Coverage as it stands on the day, and delivery reliability from the day's tallies.</summary>
    public static HealthFactor[] Factors(Partnership partnership, int asOf, ReadOnlySpan<Tally> tallies, ReadOnlySpan<int> requirements, double maturity, ScoringContext context, ref List<HealthSignal>? signals)
    {
        var model = context.Model;
        var required = partnership.RequiredCompetencies;
        Span<int> validUntil = required.Length <= 64 ? stackalloc int[required.Length] : new int[required.Length];
        LatestValidExpiries(partnership, asOf, requirements, validUntil);
        var covered = Covered(required, validUntil, asOf, model, ref signals);
        var deliveries = new RateTally(tallies[Delivered], tallies[Missed]);
        return
        [
            context.Fact(Coverage, required.Length == 0 ? null : (double)covered / required.Length, required.Length, maturity, new FactorFacts(covered, required.Length, 0, 0, 0)),
            context.Rate(
                DeliveryReliability,
                deliveries.P,
                deliveries.N,
                deliveries.Evidence,
                new FactorFacts(deliveries.Successes, deliveries.Successes + deliveries.Failures, 0, 0, model.SatisfactionThreshold)),
        ];
    }

    /// <summary>
    /// Fills <paramref name="requirements"/>, one entry per certification of the partnership, with the index of the
    /// required competency it certifies (names compared ignoring case), or −1 when it certifies none: read once, for
    /// every day a history asks about.
    /// </summary>
    public static void Requirements(Partnership partnership, Span<int> requirements)
    {
        var required = partnership.RequiredCompetencies;
        var certifications = partnership.Certifications;
        for (var c = 0; c < certifications.Length; c++)
        {
            requirements[c] = -1;
            for (var i = 0; i < required.Length; i++)
            {
                if (string.Equals(required[i], certifications[c].Competency, StringComparison.OrdinalIgnoreCase))
                {
                    requirements[c] = i;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// For each required competency, the latest expiry among its certifications valid on the day:
    /// <see cref="int.MaxValue"/> when one never expires, <see cref="int.MinValue"/> when none is valid.
    /// </summary>
    private static void LatestValidExpiries(Partnership partnership, int asOf, ReadOnlySpan<int> requirements, Span<int> validUntil)
    {
        var day = DateOnly.FromDayNumber(asOf);
        var certifications = partnership.Certifications;
        validUntil.Fill(int.MinValue);
        for (var c = 0; c < certifications.Length; c++)
        {
            var requirement = requirements[c];
            if (requirement >= 0 && certifications[c].IsValidOn(day))
            {
                validUntil[requirement] = Math.Max(validUntil[requirement], certifications[c].ExpiresOn?.DayNumber ?? int.MaxValue);
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
                    $"The required certification '{required[i]}' expires on {Ensure.Iso(expiry)}, in {validUntil[i] - asOf} days, with no renewal on record."));
            }
        }

        return covered;
    }
}
