namespace PartnerMetrics.Health;

/// <summary>
/// The stable codes of every health factor, by dimension. Codes never change meaning; store them,
/// filter on them, translate their reasons — a new factor gets a new code.
/// </summary>
public static class FactorCodes
{
    /// <summary>Beta-mean reliability of the partner's commitments, with loss aversion.</summary>
    public const string TrustPartnerReliability = "trust.partner-reliability";

    /// <summary>Beta-mean reliability of the vendor's commitments, with loss aversion.</summary>
    public const string TrustVendorReliability = "trust.vendor-reliability";

    /// <summary>Share of the required competencies with a certification valid on the as-of day.</summary>
    public const string CompetencyCoverage = "competency.coverage";

    /// <summary>Beta-mean share of deliveries on time with satisfaction at or above the threshold.</summary>
    public const string CompetencyDeliveryReliability = "competency.delivery-reliability";

    /// <summary>Posterior share of the vendor's requests that the partner answered within the response target.</summary>
    public const string CooperationPartnerResponsiveness = "cooperation.partner-responsiveness";

    /// <summary>Posterior share of the partner's requests that the vendor answered within the response target.</summary>
    public const string CooperationVendorResponsiveness = "cooperation.vendor-responsiveness";

    /// <summary>Beta-mean share of escalations resolved within the resolution target.</summary>
    public const string CooperationFrictionHandling = "cooperation.friction-handling";

    /// <summary>Balance of initiative between the sides in meetings, calls, emails and joint events, 1 − |2q − 1|.</summary>
    public const string CooperationReciprocity = "cooperation.reciprocity";

    /// <summary>There is no joint plan on the as-of day: a known fact, value 0.</summary>
    public const string PlanMissing = "plan.missing";

    /// <summary>Mean of min(1, progress ÷ expected progress) over goals with a due day.</summary>
    public const string PlanGoalsOnTrack = "plan.goals-on-track";

    /// <summary>Share of goals owned by both sides.</summary>
    public const string PlanSharedOwnership = "plan.shared-ownership";

    /// <summary>The share of the partner's business aligned to the vendor's, as recorded.</summary>
    public const string PlanBusinessAlignment = "plan.business-alignment";

    /// <summary>Share of goals with a measurable target and a due day.</summary>
    public const string PlanClarity = "plan.clarity";

    /// <summary>1 while the last review is within the cadence, then halving every further cadence.</summary>
    public const string PlanFreshness = "plan.freshness";

    /// <summary>Posterior share, recency-weighted, of deals registered within the registration window.</summary>
    public const string ProgressRegistrationTimeliness = "progress.registration-timeliness";

    /// <summary>Posterior share of open deals updated within the update window.</summary>
    public const string ProgressPipelineFreshness = "progress.pipeline-freshness";

    /// <summary>Posterior share, recency-weighted, of required deal fields (amount, expected close, stage) filled in.</summary>
    public const string ProgressDataCompleteness = "progress.data-completeness";

    /// <summary>Share of recent weeks with at least one logged activity.</summary>
    public const string ProgressWeeklyCadence = "progress.weekly-cadence";

    /// <summary>Signal: a required certification expires within the warning period.</summary>
    public const string CertificationExpiring = "competency.certification-expiring";

    /// <summary>Signal: a dimension, or one side's reliability, is in the AtRisk range with confidence of at least 0.5, so the band is capped at Watch (the weakest link).</summary>
    public const string WeakestLink = "health.weakest-link";
}
