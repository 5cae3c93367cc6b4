using System.Collections.Immutable;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Validation.Baselines;
using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Harness;

/// <summary>
/// The logged evidence of a partnership as of T turned into numbers a simple learner can weigh: the
/// model's own factors (value, certainty, evidence weight) and raw counts and rates read straight from
/// the CRM. Nothing here reads the latent state, the logging propensity or anything dated after T.
/// </summary>
public static class EvidenceFeatures
{
    /// <summary>The model's factors, in a fixed order; <see cref="FactorCodes.PlanMissing"/> is a feature of its own.</summary>
    public static ImmutableArray<string> FactorOrder { get; } =
    [
        FactorCodes.TrustPartnerReliability,
        FactorCodes.TrustVendorReliability,
        FactorCodes.CompetencyCoverage,
        FactorCodes.CompetencyDeliveryReliability,
        FactorCodes.CooperationPartnerResponsiveness,
        FactorCodes.CooperationVendorResponsiveness,
        FactorCodes.CooperationFrictionHandling,
        FactorCodes.CooperationReciprocity,
        FactorCodes.PlanGoalsOnTrack,
        FactorCodes.PlanSharedOwnership,
        FactorCodes.PlanBusinessAlignment,
        FactorCodes.PlanClarity,
        FactorCodes.PlanFreshness,
        FactorCodes.ProgressRegistrationTimeliness,
        FactorCodes.ProgressPipelineFreshness,
        FactorCodes.ProgressDataCompleteness,
        FactorCodes.ProgressWeeklyCadence,
    ];

    /// <summary>The number of leading features of <see cref="Full"/> that the model's report gives: score, confidence, three per factor, plan missing.</summary>
    public static int ModelFeatureCount => 2 + (3 * FactorOrder.Length) + 1;

    /// <summary>The factor values and the plan-missing feature out of a row of <see cref="Full"/>.</summary>
    /// <param name="full">A row of <see cref="Full"/>.</param>
    /// <returns>One value per factor, then 1 when no plan exists.</returns>
    public static double[] FactorValues(double[] full)
    {
        ArgumentNullException.ThrowIfNull(full);
        return [.. Enumerable.Range(0, FactorOrder.Length).Select(k => full[2 + (3 * k)]), full[ModelFeatureCount - 1]];
    }

    /// <summary>The number of features <see cref="Simple"/> returns.</summary>
    public const int SimpleCount = 4;

    /// <summary>The four baselines side by side: log(1 + activity in 90 days), partner kept rate, win rate, scorecard points.</summary>
    /// <param name="s">The partnership.</param>
    /// <returns>The features.</returns>
    public static double[] Simple(SimulatedPartnership s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return
        [
            Math.Log(1 + SimpleSignals.ActivityLast90Days(s.Partnership, s.AsOf)),
            SimpleSignals.PartnerKeptRate(s.Partnership, s.AsOf),
            SimpleSignals.WinRate(s.Partnership, s.AsOf),
            RagScorecard.Points(s.Partnership, s.AsOf) / 100.0,
        ];
    }

    /// <summary>
    /// Every feature: the model's score and confidence; each factor's value, certainty and log(1 + evidence
    /// weight) (a missing plan gives its five factors 0 and sets the plan-missing feature); raw counts and
    /// smoothed rates of each kind of evidence over recent windows; and the four baselines.
    /// </summary>
    /// <param name="s">The partnership.</param>
    /// <param name="report">The model's report on it as of T.</param>
    /// <returns>The features.</returns>
    public static double[] Full(SimulatedPartnership s, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(report);
        var f = new List<double>(96) { report.Score / 100.0, report.Confidence };
        foreach (var code in FactorOrder)
        {
            var factor = report.Factor(code);
            f.Add(factor?.Value ?? 0.0);
            f.Add(factor?.Confidence ?? 0.0);
            f.Add(Math.Log(1 + (factor?.EvidenceWeight ?? 0.0)));
        }

        f.Add(report.Factor(FactorCodes.PlanMissing) is null ? 0.0 : 1.0);
        Raw(s.Partnership, s.AsOf, f);
        f.AddRange(Simple(s));
        return [.. f];
    }

    private static void Raw(Partnership p, DateOnly asOf, List<double> f)
    {
        var t = asOf.DayNumber;
        f.Add(Math.Log(1 + (t - p.StartedOn.DayNumber)));

        int last30 = 0, last90 = 0, last365 = 0, partnerInitiated = 0, initiated = 0;
        int toPartner = 0, partnerInTarget = 0, toVendor = 0, vendorInTarget = 0, escalations = 0, escalationsInTarget = 0;
        foreach (var i in p.Interactions)
        {
            var age = t - i.Date.DayNumber;
            if (age < 0)
            {
                continue;
            }

            last30 += age < 30 ? 1 : 0;
            last90 += age < 90 ? 1 : 0;
            last365 += age < 365 ? 1 : 0;
            if (i.Kind == InteractionKind.Request && age < 180 && age >= 2)
            {
                var answered = i.ResponseTime is { } r && r.TotalDays <= Math.Min(age, 2);
                if (i.InitiatedBy == Side.Vendor)
                {
                    toPartner++;
                    partnerInTarget += answered ? 1 : 0;
                }
                else
                {
                    toVendor++;
                    vendorInTarget += answered ? 1 : 0;
                }
            }
            else if (i.Kind == InteractionKind.Escalation && age < 365)
            {
                escalations++;
                escalationsInTarget += i.ResolvedOn is { } on && on.DayNumber <= t && on.DayNumber - i.Date.DayNumber <= 14 ? 1 : 0;
            }
            else if (i.Kind != InteractionKind.Request && i.Kind != InteractionKind.Escalation && age < 180)
            {
                initiated++;
                partnerInitiated += i.InitiatedBy == Side.Partner ? 1 : 0;
            }
        }

        f.Add(Math.Log(1 + last30));
        f.Add(Math.Log(1 + last90));
        f.Add(Math.Log(1 + last365));
        f.Add(Smoothed(partnerInitiated, initiated));
        f.Add(Math.Log(1 + toPartner));
        f.Add(Smoothed(partnerInTarget, toPartner));
        f.Add(Math.Log(1 + toVendor));
        f.Add(Smoothed(vendorInTarget, toVendor));
        f.Add(Math.Log(1 + escalations));
        f.Add(Smoothed(escalationsInTarget, escalations));

        foreach (var side in (Side[])[Side.Partner, Side.Vendor])
        {
            int kept = 0, late = 0, broken = 0, overdue = 0, open = 0;
            foreach (var c in p.Commitments)
            {
                if (c.PromisedBy != side || t - c.DueOn.DayNumber >= 180)
                {
                    continue;
                }

                var resolved = c.ResolvedOn is { } r && r.DayNumber <= t;
                switch (c.Outcome)
                {
                    case CommitmentOutcome.Kept when resolved || c.ResolvedOn is null && c.DueOn.DayNumber <= t:
                        kept++;
                        break;
                    case CommitmentOutcome.KeptLate when resolved:
                        late++;
                        break;
                    case CommitmentOutcome.Broken when resolved:
                        broken++;
                        break;
                    default:
                        overdue += t - c.DueOn.DayNumber > 14 ? 1 : 0;
                        open += t - c.DueOn.DayNumber > 14 ? 0 : 1;
                        break;
                }
            }

            f.Add(Math.Log(1 + kept));
            f.Add(Math.Log(1 + late));
            f.Add(Math.Log(1 + broken));
            f.Add(Math.Log(1 + overdue));
            f.Add(Math.Log(1 + open));
            f.Add(Smoothed(kept + late, kept + late + broken + overdue));
        }

        int deliveries = 0, good = 0;
        double satisfaction = 0;
        foreach (var d in p.Deliveries)
        {
            var age = t - d.Date.DayNumber;
            if (age < 0 || age >= 365)
            {
                continue;
            }

            deliveries++;
            good += d.OnTime && d.Satisfaction >= 0.7 ? 1 : 0;
            satisfaction += d.Satisfaction;
        }

        f.Add(Math.Log(1 + deliveries));
        f.Add(Smoothed(good, deliveries));
        f.Add(deliveries == 0 ? 0.5 : satisfaction / deliveries);

        var required = p.RequiredCompetencies.Length;
        var valid = p.RequiredCompetencies.Count(r => p.Certifications.Any(c => c.Competency == r && c.ObtainedOn <= asOf && (c.ExpiresOn is not { } e || e >= asOf)));
        f.Add(required == 0 ? 1.0 : (double)valid / required);
        f.Add(Math.Log(1 + p.Certifications.Count(c => c.ObtainedOn <= asOf)));

        int registered = 0, registeredOnTime = 0, won = 0, lost = 0, openDeals = 0, fresh = 0;
        foreach (var o in p.Opportunities)
        {
            if (o.RegisteredOn is { } reg && reg <= asOf && t - reg.DayNumber < 365)
            {
                registered++;
                registeredOnTime += reg.DayNumber - o.CreatedOn.DayNumber <= 7 ? 1 : 0;
            }

            if (o.ClosedOn is { } closed && closed <= asOf)
            {
                if (t - closed.DayNumber < 365)
                {
                    won += o.Outcome == DealOutcome.Won ? 1 : 0;
                    lost += o.Outcome == DealOutcome.Lost ? 1 : 0;
                }
            }
            else if (o.CreatedOn <= asOf)
            {
                openDeals++;
                fresh += o.LastUpdatedOn is { } u && t - u.DayNumber <= 30 ? 1 : 0;
            }
        }

        f.Add(Math.Log(1 + registered));
        f.Add(Smoothed(registeredOnTime, registered));
        f.Add(Smoothed(won, won + lost));
        f.Add(Math.Log(1 + openDeals));
        f.Add(Smoothed(fresh, openDeals));

        var plan = p.JointPlan is { } jp && jp.CreatedOn <= asOf ? jp : null;
        f.Add(plan?.BusinessAlignmentOn(asOf) ?? 0.5);
        f.Add(plan?.LastReviewedOn(asOf) is { } reviewed ? Math.Min(365, t - reviewed.DayNumber) / 365.0 : 1.0);
        f.Add(Math.Log(1 + (plan?.Goals.Length ?? 0)));
    }

    /// <summary>A rate with one success and one failure added, so that no evidence reads 0.5.</summary>
    private static double Smoothed(int successes, int total) => (successes + 1.0) / (total + 2.0);
}
