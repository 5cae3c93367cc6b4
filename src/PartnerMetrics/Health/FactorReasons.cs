using System.Globalization;

namespace PartnerMetrics.Health;

/// <summary>The human reason of each factor, written from its <see cref="FactorFacts"/> when read.</summary>
internal static class FactorReasons
{
    public static string Describe(HealthFactor factor)
    {
        var f = factor.Facts;
        if (factor.Weight <= 0)
        {
            return "Disabled: the model gives this factor no weight.";
        }

        return factor.Code switch
        {
            FactorCodes.TrustPartnerReliability or FactorCodes.TrustVendorReliability => Trust(factor.Code == FactorCodes.TrustPartnerReliability ? "partner" : "vendor", factor, f),
            FactorCodes.CompetencyCoverage => f.Second == 0
                ? "No required competencies are set for this partnership."
                : $"{f.First} of {f.Second} required competencies hold a valid certification.",
            FactorCodes.CompetencyDeliveryReliability => f.Second == 0
                ? "No deliveries recorded yet."
                : $"{f.First} of {f.Second} deliveries on time with satisfaction of at least {Number(f.Measure)}.",
            FactorCodes.CooperationPartnerResponsiveness => f.Second == 0
                ? "No vendor requests due an answer from the partner yet."
                : $"{f.First} of {f.Second} vendor requests answered by the partner within {Number(f.Measure)} days; {f.Third} unanswered.",
            FactorCodes.CooperationVendorResponsiveness => f.Second == 0
                ? "No partner requests due an answer from the vendor yet."
                : $"{f.First} of {f.Second} partner requests answered by the vendor within {Number(f.Measure)} days; {f.Third} unanswered.",
            FactorCodes.CooperationFrictionHandling => f.Second == 0
                ? "No escalations due a resolution yet."
                : $"{f.First} of {f.Second} escalations resolved within {Number(f.Measure)} days; {f.Third} still open.",
            FactorCodes.CooperationReciprocity => f.Second == 0
                ? "No meetings, calls, emails or joint events recorded yet."
                : $"{f.First} of {f.Second} meetings, calls, emails and joint events initiated by the partner.",
            FactorCodes.PlanMissing => "No joint business plan: build one together (seed 002, step 4: \"Have a Plan\").",
            FactorCodes.PlanGoalsOnTrack => f.Second == 0
                ? "No plan goal has a due day to measure progress against."
                : $"{f.First} of {f.Second} goals at or ahead of the progress their elapsed time expects.",
            FactorCodes.PlanSharedOwnership => f.Second == 0 ? "The plan has no goals." : $"{f.First} of {f.Second} goals owned by both sides.",
            FactorCodes.PlanBusinessAlignment => f.First == 0
                ? "No business alignment recorded yet: ask what share of the partner's business is aligned to ours."
                : $"{(f.Measure * 100).ToString("0.#", CultureInfo.InvariantCulture)} % of the partner's business is aligned to ours.",
            FactorCodes.PlanClarity => f.Second == 0 ? "The plan has no goals." : $"{f.First} of {f.Second} goals have a measurable target and a due day.",
            FactorCodes.PlanFreshness => $"Last reviewed together {f.First} days ago; the review cadence is {f.Second} days.",
            FactorCodes.ProgressRegistrationTimeliness => f.Second == 0
                ? "No deals with a registration day yet."
                : $"{f.First} of {f.Second} deals registered within {Number(f.Measure)} days of originating.",
            FactorCodes.ProgressPipelineFreshness => f.Second == 0
                ? "No open deals."
                : $"{f.First} of {f.Second} open deals updated in the last {Number(f.Measure)} days.",
            FactorCodes.ProgressDataCompleteness => f.Second == 0
                ? "No deals recorded yet."
                : $"{f.First} of {f.Second} required deal fields (amount, expected close, stage) filled in.",
            FactorCodes.ProgressWeeklyCadence => f.Second == 0
                ? "The partnership has not started yet."
                : $"Activity logged in {f.First} of the last {f.Second} weeks.",
            _ => factor.Code,
        };
    }

    private static string Trust(string side, HealthFactor factor, FactorFacts f)
    {
        var resolved = f.First + f.Second + f.Third;
        if (resolved == 0)
        {
            return $"No {side} commitments resolved or overdue yet: the {side} side is not tracked, so it sits at the prior.";
        }

        var overdue = f.Fourth == 0 ? string.Empty : $" ({f.Fourth} of them open past the grace period)";
        return $"{f.Third} of {resolved} {side} commitments broken{overdue}, {f.Second} kept late, {f.First} kept on time; recent ones weigh most (half-life {Number(f.Measure)} days).";
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
