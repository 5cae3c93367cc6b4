using System.Collections.Frozen;
using PartnerMetrics.Health;

namespace PartnerMetrics.Insights;

/// <summary>The catalogue of next actions: a stable code per action, the factor it improves, and what to do.</summary>
public static class RecommendationCodes
{
    /// <summary>For <see cref="FactorCodes.TrustPartnerReliability"/>: go through the partner's broken and overdue commitments together.</summary>
    public const string RepairBrokenCommitments = "trust.repair-broken-commitments";

    /// <summary>For <see cref="FactorCodes.TrustVendorReliability"/>: close our own overdue commitments to the partner first.</summary>
    public const string KeepVendorPromises = "trust.keep-vendor-promises";

    /// <summary>For <see cref="FactorCodes.CompetencyCoverage"/>: certify the missing required competencies.</summary>
    public const string CloseCertificationGaps = "competency.close-certification-gaps";

    /// <summary>For <see cref="FactorCodes.CompetencyDeliveryReliability"/>: review late or poorly rated deliveries.</summary>
    public const string ImproveDeliveryQuality = "competency.improve-delivery-quality";

    /// <summary>For <see cref="FactorCodes.CooperationVendorResponsiveness"/>: answer partner requests within the target.</summary>
    public const string AnswerRequestsFaster = "cooperation.answer-requests-faster";

    /// <summary>For <see cref="FactorCodes.CooperationPartnerResponsiveness"/>: agree with the partner how our requests get answered.</summary>
    public const string AgreeResponseTargets = "cooperation.agree-response-targets";

    /// <summary>For <see cref="FactorCodes.CooperationFrictionHandling"/>: resolve open escalations.</summary>
    public const string ResolveEscalations = "cooperation.resolve-escalations";

    /// <summary>For <see cref="FactorCodes.CooperationReciprocity"/>: let both sides take the initiative.</summary>
    public const string BalanceInitiative = "cooperation.balance-initiative";

    /// <summary>For <see cref="FactorCodes.PlanMissing"/>: build a joint business plan together.</summary>
    public const string ScheduleJointPlanning = "plan.schedule-joint-planning";

    /// <summary>For <see cref="FactorCodes.PlanGoalsOnTrack"/>: get lagging goals back on track.</summary>
    public const string GetGoalsOnTrack = "plan.get-goals-on-track";

    /// <summary>For <see cref="FactorCodes.PlanSharedOwnership"/>: give goals owners on both sides.</summary>
    public const string ShareGoalOwnership = "plan.share-goal-ownership";

    /// <summary>For <see cref="FactorCodes.PlanBusinessAlignment"/>: grow the share of the partner's business aligned to ours.</summary>
    public const string AlignBusiness = "plan.align-business";

    /// <summary>For <see cref="FactorCodes.PlanClarity"/>: give every goal a measurable target and a due day.</summary>
    public const string SetMeasurableTargets = "plan.set-measurable-targets";

    /// <summary>For <see cref="FactorCodes.PlanFreshness"/>: review the plan together.</summary>
    public const string ReviewPlan = "plan.review-plan";

    /// <summary>For <see cref="FactorCodes.ProgressRegistrationTimeliness"/>: register deals as soon as they originate.</summary>
    public const string RegisterDeals = "progress.register-deals";

    /// <summary>For <see cref="FactorCodes.ProgressPipelineFreshness"/>: update stale open deals.</summary>
    public const string UpdateOpenDeals = "progress.update-open-deals";

    /// <summary>For <see cref="FactorCodes.ProgressDataCompleteness"/>: fill in amount, expected close and stage.</summary>
    public const string CompleteDealData = "progress.complete-deal-data";

    /// <summary>For <see cref="FactorCodes.ProgressWeeklyCadence"/>: log activity every week.</summary>
    public const string LogWeeklyActivity = "progress.log-weekly-activity";

    /// <summary>When confidence is too low to judge: widen the proof of concept before judging, or abandoning, the partner (seed 003).</summary>
    public const string ExpandProofOfConcept = "evidence.expand-proof-of-concept";

    /// <summary>When momentum has stalled: set a follow-up cadence (seed 004: "Inertia happens … do NOT stop").</summary>
    public const string SetFollowUpCadence = "momentum.set-follow-up-cadence";

    /// <summary>The action for each factor, and what it says.</summary>
    internal static readonly FrozenDictionary<string, (string Code, string Message)> ForFactor = new Dictionary<string, (string, string)>
    {
        [FactorCodes.TrustPartnerReliability] = (RepairBrokenCommitments, "Go through the partner's broken and overdue commitments together and agree what will be kept."),
        [FactorCodes.TrustVendorReliability] = (KeepVendorPromises, "Our own commitments to this partner are slipping: close the overdue ones first."),
        [FactorCodes.CompetencyCoverage] = (CloseCertificationGaps, "Plan certifications for the required competencies the partner does not hold."),
        [FactorCodes.CompetencyDeliveryReliability] = (ImproveDeliveryQuality, "Review the late or poorly rated deliveries with the partner's delivery lead."),
        [FactorCodes.CooperationPartnerResponsiveness] = (AgreeResponseTargets, "Our requests to the partner go unanswered: agree a response target and a contact on their side."),
        [FactorCodes.CooperationVendorResponsiveness] = (AnswerRequestsFaster, "Answer partner requests within the response target; clear the unanswered ones."),
        [FactorCodes.CooperationFrictionHandling] = (ResolveEscalations, "Resolve the open escalations and agree an escalation path."),
        [FactorCodes.CooperationReciprocity] = (BalanceInitiative, "One side does most of the reaching out: agree who takes the next steps."),
        [FactorCodes.PlanMissing] = (ScheduleJointPlanning, "Schedule joint business planning and build the plan together."),
        [FactorCodes.PlanGoalsOnTrack] = (GetGoalsOnTrack, "Some plan goals lag behind the time elapsed: agree how to catch up."),
        [FactorCodes.PlanSharedOwnership] = (ShareGoalOwnership, "Give plan goals owners on both sides."),
        [FactorCodes.PlanBusinessAlignment] = (AlignBusiness, "Little of the partner's business is aligned to ours: find the offers to build together."),
        [FactorCodes.PlanClarity] = (SetMeasurableTargets, "Give every plan goal a measurable target and a due day."),
        [FactorCodes.PlanFreshness] = (ReviewPlan, "The plan is overdue for review: meet and review it together."),
        [FactorCodes.ProgressRegistrationTimeliness] = (RegisterDeals, "Register deals in the CRM within a week of them originating."),
        [FactorCodes.ProgressPipelineFreshness] = (UpdateOpenDeals, "Update the stale open deals."),
        [FactorCodes.ProgressDataCompleteness] = (CompleteDealData, "Fill in amount, expected close and stage on every deal."),
        [FactorCodes.ProgressWeeklyCadence] = (LogWeeklyActivity, "Log partner activity in the CRM every week."),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
