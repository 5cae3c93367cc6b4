using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Co-operation (seed 002: "how you interact with each other on a day-to-day basis … especially
/// during stressful times"): requests answered in time, escalations resolved in time, and initiative
/// taken by both sides (seed 001: "each ball should be taken out … both ways").
/// </summary>
internal static class CooperationDimension
{
    public static HealthFactor[] Measure(Partnership partnership, int asOf, ScoringContext context)
    {
        var model = context.Model;
        var responseDays = model.ResponseTarget.TotalDays;
        var resolutionDays = model.ResolutionTarget.TotalDays;
        RateTally requests = default, escalations = default, initiative = default;
        var unanswered = 0;
        var unresolved = 0;
        foreach (var interaction in partnership.Interactions)
        {
            var age = asOf - interaction.Date.DayNumber;
            if (age < 0)
            {
                continue;
            }

            var weight = context.Cooperation.Weight(age);
            initiative.Add(interaction.InitiatedBy == Side.Partner, weight);
            switch (interaction.Kind)
            {
                case InteractionKind.Request:
                    // Answered if the answer came within the days elapsed by the as-of day; otherwise
                    // pending until the target has passed, then a failure.
                    if (interaction.ResponseTime is { } response && response.TotalDays <= age)
                    {
                        requests.Add(response <= model.ResponseTarget, weight);
                    }
                    else if (age >= responseDays)
                    {
                        requests.Add(false, weight);
                        unanswered++;
                    }

                    break;
                case InteractionKind.Escalation:
                    if (interaction.ResolvedOn is { } resolved && resolved.DayNumber <= asOf)
                    {
                        escalations.Add(resolved.DayNumber - interaction.Date.DayNumber <= resolutionDays, weight);
                    }
                    else if (age >= resolutionDays)
                    {
                        escalations.Add(false, weight);
                        unresolved++;
                    }

                    break;
            }
        }

        return Factors(requests, escalations, initiative, unanswered, unresolved, context);
    }

    public static HealthFactor[] Factors(in RateTally requests, in RateTally escalations, in RateTally initiative, int unanswered, int unresolved, ScoringContext context)
    {
        var model = context.Model;
        var responseDays = model.ResponseTarget.TotalDays;
        var resolutionDays = model.ResolutionTarget.TotalDays;
        var partnerShare = initiative.BetaMean(model);
        var weights = model.CooperationWeights;
        return
        [
            context.Factor(
                FactorCodes.CooperationResponsiveness,
                HealthDimension.Cooperation,
                requests.BetaMean(model),
                requests.Evidence,
                weights.Responsiveness,
                new FactorFacts(requests.Successes, requests.Successes + requests.Failures, unanswered, 0, responseDays)),
            context.Factor(
                FactorCodes.CooperationFrictionHandling,
                HealthDimension.Cooperation,
                escalations.BetaMean(model),
                escalations.Evidence,
                weights.FrictionHandling,
                new FactorFacts(escalations.Successes, escalations.Successes + escalations.Failures, unresolved, 0, resolutionDays)),
            context.Factor(
                FactorCodes.CooperationReciprocity,
                HealthDimension.Cooperation,
                1.0 - Math.Abs((2.0 * partnerShare) - 1.0),
                initiative.Evidence,
                weights.Reciprocity,
                new FactorFacts(initiative.Successes, initiative.Successes + initiative.Failures, 0, 0, partnerShare)),
        ];
    }
}
