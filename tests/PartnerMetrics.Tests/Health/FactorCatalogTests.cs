using PartnerMetrics.Health;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// Each factor is defined once (<see cref="FactorDefinition"/>): its code, dimension, kind, default
/// weight, the model property that weighs it, and its reason. These tests pin that every public code
/// has exactly one definition and that each definition reads its own weight from a model.
/// </summary>
public class FactorCatalogTests
{
    // Signal codes name a warning, not a factor.
    private static readonly string[] Signals = [FactorCodes.CertificationExpiring, FactorCodes.WeakestLink];

    private static IEnumerable<string> FactorCodeValues() =>
        typeof(FactorCodes).GetFields().Select(f => (string)f.GetValue(null)!).Where(c => !Signals.Contains(c));

    [Fact]
    public void EveryFactorCode_HasADefinitionWithAReason()
    {
        foreach (var code in FactorCodeValues())
        {
            var definition = Assert.Single(FactorCatalog.All, definition => definition.Code == code);
            Assert.NotEqual(code, definition.Reason(default));
            Assert.False(string.IsNullOrWhiteSpace(definition.Reason(default)));
        }
    }

    [Fact]
    public void EachFactor_IsWeighedByItsOwnModelProperty()
    {
        // Every weight distinct, so a definition that read a neighbour's property would show it.
        var model = HealthModel.Default with
        {
            CompetencyWeights = new CompetencyWeights(3, 5),
            CooperationWeights = new CooperationWeights(7, 11, 13, 17),
            PlanWeights = new PlanWeights(19, 23, 29, 31, 37),
            ProgressWeights = new ProgressWeights(41, 43, 47, 53),
        };
        var withPlan = new HealthScorer(model).Score(WorkedExample(), T);
        var withoutPlan = new HealthScorer(model).Score(Empty(), T);
        var weights = withPlan.Dimensions.Concat(withoutPlan.Dimensions).SelectMany(d => d.Factors).DistinctBy(f => f.Code).ToDictionary(f => f.Code, f => f.Weight);

        Assert.Equal(FactorCodeValues().Order(StringComparer.Ordinal), weights.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0.5, weights[FactorCodes.TrustPartnerReliability]);
        Assert.Equal(0.5, weights[FactorCodes.TrustVendorReliability]);
        Assert.Equal(3, weights[FactorCodes.CompetencyCoverage]);
        Assert.Equal(5, weights[FactorCodes.CompetencyDeliveryReliability]);
        Assert.Equal(7, weights[FactorCodes.CooperationPartnerResponsiveness]);
        Assert.Equal(11, weights[FactorCodes.CooperationVendorResponsiveness]);
        Assert.Equal(13, weights[FactorCodes.CooperationFrictionHandling]);
        Assert.Equal(17, weights[FactorCodes.CooperationReciprocity]);
        Assert.Equal(1, weights[FactorCodes.PlanMissing]);
        Assert.Equal(19, weights[FactorCodes.PlanGoalsOnTrack]);
        Assert.Equal(23, weights[FactorCodes.PlanSharedOwnership]);
        Assert.Equal(29, weights[FactorCodes.PlanBusinessAlignment]);
        Assert.Equal(31, weights[FactorCodes.PlanClarity]);
        Assert.Equal(37, weights[FactorCodes.PlanFreshness]);
        Assert.Equal(41, weights[FactorCodes.ProgressRegistrationTimeliness]);
        Assert.Equal(43, weights[FactorCodes.ProgressPipelineFreshness]);
        Assert.Equal(47, weights[FactorCodes.ProgressDataCompleteness]);
        Assert.Equal(53, weights[FactorCodes.ProgressWeeklyCadence]);
    }

    [Fact]
    public void DefaultWeights_AreTheDefinitionsDefaults()
    {
        var report = new HealthScorer().Score(WorkedExample(), T);
        foreach (var factor in report.Dimensions.SelectMany(d => d.Factors))
        {
            Assert.Equal(factor.Weight, Definition(factor.Code).DefaultWeight);
        }

        // The defaults of model 2.1 (DOMAIN section 3.2 gives those of 2.0; docs/validation.md measures the change), written
        // out once more so that a changed default is a visible change.
        Assert.Equal((0.2, 0.8), (CompetencyWeights.Default.Coverage, CompetencyWeights.Default.DeliveryReliability));
        Assert.Equal((0.2, 0.2, 0.35, 0.25), (CooperationWeights.Default.PartnerResponsiveness, CooperationWeights.Default.VendorResponsiveness, CooperationWeights.Default.FrictionHandling, CooperationWeights.Default.Reciprocity));
        Assert.Equal((0.15, 0.1, 0.55, 0.1, 0.1), (PlanWeights.Default.GoalsOnTrack, PlanWeights.Default.SharedOwnership, PlanWeights.Default.BusinessAlignment, PlanWeights.Default.Clarity, PlanWeights.Default.Freshness));
        Assert.Equal((0.1, 0.05, 0.05, 0.8), (ProgressWeights.Default.RegistrationTimeliness, ProgressWeights.Default.PipelineFreshness, ProgressWeights.Default.DataCompleteness, ProgressWeights.Default.WeeklyCadence));
    }

    [Fact]
    public void OnlyRatesHaveSettablePriors()
    {
        string[] rates =
        [
            FactorCodes.TrustPartnerReliability, FactorCodes.TrustVendorReliability, FactorCodes.CompetencyDeliveryReliability,
            FactorCodes.CooperationPartnerResponsiveness, FactorCodes.CooperationVendorResponsiveness, FactorCodes.CooperationFrictionHandling,
            FactorCodes.ProgressRegistrationTimeliness, FactorCodes.ProgressPipelineFreshness, FactorCodes.ProgressDataCompleteness,
        ];
        Assert.Equal(rates.Order(StringComparer.Ordinal), FactorCodeValues().Where(FactorCatalog.IsSettablePrior).Order(StringComparer.Ordinal));
        Assert.False(FactorCatalog.IsSettablePrior("no.such-factor"));
    }

    private static FactorDefinition Definition(string code) =>
        new[]
        {
            TrustDimension.PartnerReliability, TrustDimension.VendorReliability, CompetencyDimension.Coverage, CompetencyDimension.DeliveryReliability,
            CooperationDimension.PartnerResponsiveness, CooperationDimension.VendorResponsiveness, CooperationDimension.FrictionHandling, CooperationDimension.Reciprocity,
            PlanAlignmentDimension.Missing, PlanAlignmentDimension.GoalsOnTrack, PlanAlignmentDimension.SharedOwnership, PlanAlignmentDimension.BusinessAlignment,
            PlanAlignmentDimension.Clarity, PlanAlignmentDimension.Freshness, TrackedProgressDimension.RegistrationTimeliness, TrackedProgressDimension.PipelineFreshness,
            TrackedProgressDimension.DataCompleteness, TrackedProgressDimension.WeeklyCadence,
        }.Single(d => d.Code == code);
}
