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
        RateTally partnerAnswers = default, vendorAnswers = default, escalations = default, initiative = default;
        int partnerUnanswered = 0, vendorUnanswered = 0;
        var unresolved = 0;
        foreach (var interaction in partnership.Interactions)
        {
            var age = asOf - interaction.Date.DayNumber;
            if (age < 0)
            {
                continue;
            }

            var weight = context.Cooperation.Weight(age);
            switch (interaction.Kind)
            {
                case InteractionKind.Request:
                    // The side that did not ask answers. Answered if the answer came within the days
                    // elapsed by the as-of day; otherwise pending until the target has passed, then a failure.
                    var byPartner = interaction.InitiatedBy == Side.Vendor;
                    ref var answers = ref byPartner ? ref partnerAnswers : ref vendorAnswers;
                    if (interaction.ResponseTime is { } response && response.TotalDays <= age)
                    {
                        answers.Add(response <= model.ResponseTarget, weight);
                    }
                    else if (age >= responseDays)
                    {
                        answers.Add(false, weight);
                        (byPartner ? ref partnerUnanswered : ref vendorUnanswered)++;
                    }

                    break;
                case InteractionKind.Escalation:
                    if (interaction.ResolvedOn is { } resolved && resolved.DayNumber <= asOf)
                    {
                        escalations.Add(resolved.DayNumber - interaction.Date.DayNumber <= resolutionDays, context.Escalations.Weight(age));
                    }
                    else if (age >= resolutionDays)
                    {
                        escalations.Add(false, context.Escalations.Weight(age));
                        unresolved++;
                    }

                    break;
                default:
                    // Meetings, calls, emails and joint events: who took the initiative. Requests and
                    // escalations are judged above and not counted twice.
                    initiative.Add(interaction.InitiatedBy == Side.Partner, weight);
                    break;
            }
        }

        return Factors(new Answers(partnerAnswers, partnerUnanswered, vendorAnswers, vendorUnanswered), escalations, initiative, unresolved, context);
    }

    public static HealthFactor[] Factors(in Answers answers, in RateTally escalations, in RateTally initiative, int unresolved, ScoringContext context)
    {
        var model = context.Model;
        var responseDays = model.ResponseTarget.TotalDays;
        var resolutionDays = model.ResolutionTarget.TotalDays;
        var partnerShare = initiative.Posterior(context);
        var weights = model.CooperationWeights;
        return
        [
            context.Rate(
                FactorCodes.CooperationPartnerResponsiveness,
                HealthDimension.Cooperation,
                answers.ByPartner.P,
                answers.ByPartner.N,
                answers.ByPartner.Evidence,
                weights.PartnerResponsiveness,
                new FactorFacts(answers.ByPartner.Successes, answers.ByPartner.Successes + answers.ByPartner.Failures, answers.PartnerUnanswered, 0, responseDays)),
            context.Rate(
                FactorCodes.CooperationVendorResponsiveness,
                HealthDimension.Cooperation,
                answers.ByVendor.P,
                answers.ByVendor.N,
                answers.ByVendor.Evidence,
                weights.VendorResponsiveness,
                new FactorFacts(answers.ByVendor.Successes, answers.ByVendor.Successes + answers.ByVendor.Failures, answers.VendorUnanswered, 0, responseDays)),
            context.Rate(
                FactorCodes.CooperationFrictionHandling,
                HealthDimension.Cooperation,
                escalations.P,
                escalations.N,
                escalations.Evidence,
                weights.FrictionHandling,
                new FactorFacts(escalations.Successes, escalations.Successes + escalations.Failures, unresolved, 0, resolutionDays)),
            context.Rate(
                FactorCodes.CooperationReciprocity,
                HealthDimension.Cooperation,

                // The balance 1 − |2q − 1| of the partner's share q; its slope is ±2, so its variance is 4·var(q).
                new Beta(1.0 - Math.Abs((2.0 * partnerShare.Mean) - 1.0), 4.0 * partnerShare.Variance),
                initiative.Evidence,
                weights.Reciprocity,
                new FactorFacts(initiative.Successes, initiative.Successes + initiative.Failures, 0, 0, partnerShare.Mean)),
        ];
    }

    /// <summary>Requests answered by each side (the side that did not ask), and how many are past the target unanswered.</summary>
    internal readonly record struct Answers(RateTally ByPartner, int PartnerUnanswered, RateTally ByVendor, int VendorUnanswered);
}
