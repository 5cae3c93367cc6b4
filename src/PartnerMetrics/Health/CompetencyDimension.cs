using System.Collections.Immutable;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Competency (seed 002: "it goes beyond simply having the skill … deliver what you say you will"):
/// certified coverage of the required competencies, and the Beta-mean reliability of deliveries.
/// </summary>
internal static class CompetencyDimension
{
    public static HealthFactor[] Measure(Partnership partnership, int asOf, ScoringContext context, ref List<HealthSignal>? signals)
    {
        var model = context.Model;
        var required = partnership.RequiredCompetencies;
        Span<int> validUntil = required.Length <= 64 ? stackalloc int[required.Length] : new int[required.Length];
        LatestValidExpiries(partnership, asOf, validUntil);
        var covered = Coverage(required, validUntil, asOf, model, ref signals);

        RateTally deliveries = default;
        foreach (var delivery in partnership.Deliveries)
        {
            var age = asOf - delivery.Date.DayNumber;
            if (age >= 0)
            {
                deliveries.Add(delivery.OnTime && delivery.Satisfaction >= model.SatisfactionThreshold, context.Competency.Weight(age));
            }
        }

        return Factors(required.Length, covered, deliveries, context.Maturity(partnership.StartedOn.DayNumber, asOf), context);
    }

    /// <summary>
    /// For each required competency, the latest expiry among its certifications valid on the day:
    /// <see cref="int.MaxValue"/> when one never expires, <see cref="int.MinValue"/> when none is valid.
    /// </summary>
    public static void LatestValidExpiries(Partnership partnership, int asOf, Span<int> validUntil)
    {
        var required = partnership.RequiredCompetencies;
        var day = DateOnly.FromDayNumber(asOf);
        validUntil.Fill(int.MinValue);
        foreach (var certification in partnership.Certifications)
        {
            if (!certification.IsValidOn(day))
            {
                continue;
            }

            var until = certification.ExpiresOn?.DayNumber ?? int.MaxValue;
            for (var i = 0; i < required.Length; i++)
            {
                if (until > validUntil[i] && string.Equals(required[i], certification.Competency, StringComparison.OrdinalIgnoreCase))
                {
                    validUntil[i] = until;
                }
            }
        }
    }

    /// <summary>Counts the covered requirements and signals those expiring soon, from each one's latest valid expiry.</summary>
    public static int Coverage(ImmutableArray<string> required, ReadOnlySpan<int> validUntil, int asOf, HealthModel model, ref List<HealthSignal>? signals)
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

    public static HealthFactor[] Factors(int requiredCount, int covered, in RateTally deliveries, double maturity, ScoringContext context)
    {
        var model = context.Model;
        var weights = model.CompetencyWeights;
        return
        [
            ScoringContext.Fact(
                FactorCodes.CompetencyCoverage,
                HealthDimension.Competency,
                requiredCount == 0 ? null : (double)covered / requiredCount,
                requiredCount,
                maturity,
                weights.Coverage,
                new FactorFacts(covered, requiredCount, 0, 0, 0)),
            context.Rate(
                FactorCodes.CompetencyDeliveryReliability,
                HealthDimension.Competency,
                deliveries.P,
                deliveries.N,
                deliveries.Evidence,
                weights.DeliveryReliability,
                new FactorFacts(deliveries.Successes, deliveries.Successes + deliveries.Failures, 0, 0, model.SatisfactionThreshold)),
        ];
    }
}
