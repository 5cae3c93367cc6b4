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
        var day = DateOnly.FromDayNumber(asOf);
        var required = partnership.RequiredCompetencies;

        // For each required competency, the latest expiry among its valid certifications
        // (int.MaxValue: one never expires; int.MinValue: none is valid).
        Span<int> validUntil = required.Length <= 64 ? stackalloc int[required.Length] : new int[required.Length];
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

        RateTally deliveries = default;
        foreach (var delivery in partnership.Deliveries)
        {
            var age = asOf - delivery.Date.DayNumber;
            if (age >= 0)
            {
                deliveries.Add(delivery.OnTime && delivery.Satisfaction >= model.SatisfactionThreshold, context.Competency.Weight(age));
            }
        }

        var weights = model.CompetencyWeights;
        return
        [
            context.Factor(
                FactorCodes.CompetencyCoverage,
                HealthDimension.Competency,
                required.IsEmpty ? 0.0 : (double)covered / required.Length,
                required.Length,
                weights.Coverage,
                new FactorFacts(covered, required.Length, 0, 0, 0)),
            context.Factor(
                FactorCodes.CompetencyDeliveryReliability,
                HealthDimension.Competency,
                deliveries.BetaMean(model),
                deliveries.Evidence,
                weights.DeliveryReliability,
                new FactorFacts(deliveries.Successes, deliveries.Successes + deliveries.Failures, 0, 0, model.SatisfactionThreshold)),
        ];
    }
}
