using System.Collections.Frozen;
using PartnerMetrics.Health;

namespace PartnerMetrics.Insights;

/// <summary>
/// The catalogue of next actions: a stable code per action and the factor it is for. Each code names one
/// concrete change to the evidence (DOMAIN section 3.3); <see cref="Recommendation.Change"/> says exactly
/// which. A code says what to do, not what went wrong: the same action serves a factor with observed
/// failure and one with too little evidence (<see cref="Recommendation.Trigger"/> says which).
/// </summary>
public static class RecommendationCodes
{
    /// <summary>For <see cref="FactorCodes.TrustPartnerReliability"/>: the partner's next 3 commitments, kept on time.</summary>
    public const string KeepPartnerPromises = "trust.keep-partner-promises";

    /// <summary>For <see cref="FactorCodes.TrustVendorReliability"/>: our next 3 commitments to the partner, kept on time.</summary>
    public const string KeepVendorPromises = "trust.keep-vendor-promises";

    /// <summary>For <see cref="FactorCodes.CompetencyCoverage"/>: certify (or renew) one missing required competency today.</summary>
    public const string CloseCertificationGaps = "competency.close-certification-gaps";

    /// <summary>For <see cref="FactorCodes.CompetencyDeliveryReliability"/>: the next 3 deliveries on time and well rated.</summary>
    public const string DeliverOnTime = "competency.deliver-on-time";

    /// <summary>For <see cref="FactorCodes.CooperationVendorResponsiveness"/>: answer the partner's next 3 requests within the target.</summary>
    public const string AnswerRequestsFaster = "cooperation.answer-requests-faster";

    /// <summary>For <see cref="FactorCodes.CooperationPartnerResponsiveness"/>: agree a response target, so the partner answers our next 3 requests in time.</summary>
    public const string AgreeResponseTargets = "cooperation.agree-response-targets";

    /// <summary>For <see cref="FactorCodes.CooperationFrictionHandling"/>: resolve the open escalation today, or the next 3 within the target.</summary>
    public const string ResolveEscalations = "cooperation.resolve-escalations";

    /// <summary>For <see cref="FactorCodes.CooperationReciprocity"/>: the side that took less initiative initiates the next meetings.</summary>
    public const string BalanceInitiative = "cooperation.balance-initiative";

    /// <summary>For <see cref="FactorCodes.PlanMissing"/>: a joint planning session today, building a plan with one shared, measurable goal.</summary>
    public const string ScheduleJointPlanning = "plan.schedule-joint-planning";

    /// <summary>For <see cref="FactorCodes.PlanGoalsOnTrack"/>: bring lagging goals to the progress their elapsed time expects.</summary>
    public const string GetGoalsOnTrack = "plan.get-goals-on-track";

    /// <summary>For <see cref="FactorCodes.PlanSharedOwnership"/>: give goals owners on both sides.</summary>
    public const string ShareGoalOwnership = "plan.share-goal-ownership";

    /// <summary>For <see cref="FactorCodes.PlanBusinessAlignment"/>: grow the share of the partner's business aligned to ours by 10 points (to 100 % at most).</summary>
    public const string AlignBusiness = "plan.align-business";

    /// <summary>For <see cref="FactorCodes.PlanClarity"/>: give every goal a measurable target and a due day.</summary>
    public const string SetMeasurableTargets = "plan.set-measurable-targets";

    /// <summary>For <see cref="FactorCodes.PlanFreshness"/>: review the plan together today, alignment unchanged.</summary>
    public const string ReviewPlan = "plan.review-plan";

    /// <summary>For <see cref="FactorCodes.ProgressRegistrationTimeliness"/>: register the next 3 deals the day they originate.</summary>
    public const string RegisterDeals = "progress.register-deals";

    /// <summary>For <see cref="FactorCodes.ProgressPipelineFreshness"/>: update the stale open deals today.</summary>
    public const string UpdateOpenDeals = "progress.update-open-deals";

    /// <summary>For <see cref="FactorCodes.ProgressDataCompleteness"/>: fill in amount, expected close and stage.</summary>
    public const string CompleteDealData = "progress.complete-deal-data";

    /// <summary>For <see cref="FactorCodes.ProgressWeeklyCadence"/>: log this week's activity (a follow-up call today).</summary>
    public const string LogWeeklyActivity = "progress.log-weekly-activity";

    /// <summary>When the band is InsufficientEvidence: a pilot with 5 logged events over the last 90 days (or since the start, when the partnership is younger), before judging, or abandoning, the partner (seed 003).</summary>
    public const string ExpandProofOfConcept = "evidence.expand-proof-of-concept";

    /// <summary>For <see cref="FactorCodes.ProgressWeeklyCadence"/> when momentum has stalled: restart with a follow-up call today (seed 004: "Inertia happens … do NOT stop").</summary>
    public const string SetFollowUpCadence = "momentum.set-follow-up-cadence";

    /// <summary>The action code of each factor; <see cref="FactorCodes.ProgressWeeklyCadence"/> is <see cref="SetFollowUpCadence"/> instead when momentum has stalled.</summary>
    internal static readonly FrozenDictionary<string, string> ForFactor = new Dictionary<string, string>
    {
        [FactorCodes.TrustPartnerReliability] = KeepPartnerPromises,
        [FactorCodes.TrustVendorReliability] = KeepVendorPromises,
        [FactorCodes.CompetencyCoverage] = CloseCertificationGaps,
        [FactorCodes.CompetencyDeliveryReliability] = DeliverOnTime,
        [FactorCodes.CooperationPartnerResponsiveness] = AgreeResponseTargets,
        [FactorCodes.CooperationVendorResponsiveness] = AnswerRequestsFaster,
        [FactorCodes.CooperationFrictionHandling] = ResolveEscalations,
        [FactorCodes.CooperationReciprocity] = BalanceInitiative,
        [FactorCodes.PlanMissing] = ScheduleJointPlanning,
        [FactorCodes.PlanGoalsOnTrack] = GetGoalsOnTrack,
        [FactorCodes.PlanSharedOwnership] = ShareGoalOwnership,
        [FactorCodes.PlanBusinessAlignment] = AlignBusiness,
        [FactorCodes.PlanClarity] = SetMeasurableTargets,
        [FactorCodes.PlanFreshness] = ReviewPlan,
        [FactorCodes.ProgressRegistrationTimeliness] = RegisterDeals,
        [FactorCodes.ProgressPipelineFreshness] = UpdateOpenDeals,
        [FactorCodes.ProgressDataCompleteness] = CompleteDealData,
        [FactorCodes.ProgressWeeklyCadence] = LogWeeklyActivity,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The action of each code in words, the same for every partner, for portfolio views.</summary>
    private static readonly FrozenDictionary<string, string> Titles = new Dictionary<string, string>
    {
        [KeepPartnerPromises] = "Partner keeps next 3 promises",
        [KeepVendorPromises] = "Keep the next 3 vendor promises",
        [CloseCertificationGaps] = "Certify a missing competency",
        [DeliverOnTime] = "Next 3 deliveries on time",
        [AgreeResponseTargets] = "Partner answers 3 requests fast",
        [AnswerRequestsFaster] = "Answer 3 partner requests fast",
        [ResolveEscalations] = "Resolve escalations in time",
        [BalanceInitiative] = "Balance initiative in meetings",
        [ScheduleJointPlanning] = "Hold a joint planning session",
        [GetGoalsOnTrack] = "Catch up lagging plan goals",
        [ShareGoalOwnership] = "Share ownership of plan goals",
        [AlignBusiness] = "Grow business alignment",
        [SetMeasurableTargets] = "Set target, due day on goals",
        [ReviewPlan] = "Review the plan today",
        [RegisterDeals] = "Register next 3 deals on day one",
        [UpdateOpenDeals] = "Update stale open deals",
        [CompleteDealData] = "Complete deal records",
        [LogWeeklyActivity] = "Log this week's follow-up call",
        [ExpandProofOfConcept] = "Pilot with 5 logged events",
        [SetFollowUpCadence] = "Restart: follow-up call today",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets the action of a code in words, the same for every partner (a <see cref="Recommendation.Action"/> may be more specific: which certification, how many deals).</summary>
    /// <param name="code">One of the codes of this class.</param>
    /// <returns>The action in a few words, such as "Hold a joint planning session".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not one of the codes of this class.</exception>
    public static string TitleOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Titles.TryGetValue(code, out var title)
            ? title
            : throw new ArgumentException($"'{nameof(code)}' must be one of the RecommendationCodes; got '{code}'.", nameof(code));
    }
}
