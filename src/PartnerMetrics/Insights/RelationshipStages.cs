using System.Collections.Immutable;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Insights;

/// <summary>The explicit criteria of each relationship stage (documented in docs/insights.md).</summary>
public static class RelationshipStages
{
    /// <summary>Gets every criterion, in stage order.</summary>
    public static ImmutableArray<StageCriterion> Criteria { get; } =
    [
        new("stage.first-won-deal", RelationshipStage.Transactional, "At least one deal won together."),
        new("stage.both-sides-tracked", RelationshipStage.Engaged, "Commitments tracked on both sides (trust has partner and vendor evidence)."),
        new("stage.weekly-activity", RelationshipStage.Engaged, "Activity logged in at least half of the recent weeks."),
        new("stage.enough-evidence", RelationshipStage.Engaged, "Enough evidence to judge: overall confidence at or above the model's minimum."),
        new("stage.joint-plan", RelationshipStage.Aligned, "A joint business plan."),
        new("stage.shared-goals", RelationshipStage.Aligned, "At least one plan goal owned by both sides."),
        new("stage.business-aligned", RelationshipStage.Aligned, "At least 30 % of the partner's business aligned to ours."),
        new("stage.certified", RelationshipStage.Aligned, "At least half of the required competencies certified."),
        new("stage.repeat-business", RelationshipStage.Strategic, "At least two deals won together."),
        new("stage.healthy", RelationshipStage.Strategic, "A Healthy band."),
        new("stage.trusted", RelationshipStage.Strategic, "Trust of 70 or more."),
        new("stage.plan-reviewed", RelationshipStage.Strategic, "The plan reviewed within its cadence."),
    ];

    internal static StageAssessment Assess(Partnership partnership, HealthReport report, HealthModel model)
    {
        var wins = 0;
        foreach (var deal in partnership.Opportunities)
        {
            wins += deal is { Outcome: DealOutcome.Won, ClosedOn: { } closed } && closed <= report.AsOf ? 1 : 0;
        }

        // A criterion read from a factor without a value — disabled by the model, or with nothing to measure, as coverage
        // when no competency is required — is met: there is nothing to fall short of, and no stage past it could be reached.
        bool Valued(string code, Func<HealthFactor, bool> met) => report.Factor(code) is not { Value: not null } factor || met(factor);
        bool AtLeast(string code, double least) => Valued(code, f => f.Value >= least);

        // Without a plan on the day the plan's factors are absent, not without a value: no goal is shared, no alignment
        // recorded, no review held. Such a criterion is met only when the model disables its factor.
        var noPlan = report.Factor(FactorCodes.PlanMissing) is not null;
        bool OfPlan(string code, Func<HealthFactor, bool> met) => noPlan ? FactorCatalog.Of(code)!.WeightIn(model) == 0 : Valued(code, met);

        bool Met(string code) => code switch
        {
            "stage.first-won-deal" => wins >= 1,
            "stage.both-sides-tracked" => Valued(FactorCodes.TrustPartnerReliability, f => f.EvidenceWeight > 0) && Valued(FactorCodes.TrustVendorReliability, f => f.EvidenceWeight > 0),
            "stage.weekly-activity" => AtLeast(FactorCodes.ProgressWeeklyCadence, 0.5),
            "stage.enough-evidence" => report.Band != HealthBand.InsufficientEvidence,
            "stage.joint-plan" => report.Factor(FactorCodes.PlanMissing) is null,
            "stage.shared-goals" => OfPlan(FactorCodes.PlanSharedOwnership, f => f.Value > 0),
            "stage.business-aligned" => OfPlan(FactorCodes.PlanBusinessAlignment, f => f.Value >= 0.3),
            "stage.certified" => AtLeast(FactorCodes.CompetencyCoverage, 0.5),
            "stage.repeat-business" => wins >= 2,
            "stage.healthy" => report.Band == HealthBand.Healthy,
            "stage.trusted" => report[HealthDimension.Trust].Score >= 70,
            _ => OfPlan(FactorCodes.PlanFreshness, f => f.Value >= 1.0),
        };

        var stage = RelationshipStage.Prospect;
        while (stage < RelationshipStage.Strategic && Criteria.Where(c => c.Stage == stage + 1).All(c => Met(c.Code)))
        {
            stage++;
        }

        return new StageAssessment(stage, [.. Criteria.Where(c => c.Stage == stage + 1 && !Met(c.Code))]);
    }
}
