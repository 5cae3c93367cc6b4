using PartnerMetrics.Health;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>
/// The JSON form of <see cref="HealthModel"/>; every setting is optional and defaults to <see cref="HealthModel.Default"/>.
/// A setting written as null is refused before this is read (<see cref="ISettingsDocument"/>), here and in the weight groups.
/// </summary>
internal sealed class HealthModelDocument : IDocument<HealthModel, HealthModelDocument>, ISettingsDocument
{
    public string? Name { get; set; }

    public string? Version { get; set; }

    public DimensionWeightsDocument? DimensionWeights { get; set; }

    public CompetencyWeightsDocument? CompetencyWeights { get; set; }

    public CooperationWeightsDocument? CooperationWeights { get; set; }

    public PlanWeightsDocument? PlanWeights { get; set; }

    public ProgressWeightsDocument? ProgressWeights { get; set; }

    public BandThresholdsDocument? Bands { get; set; }

    public TimeSpan? TrustHalfLife { get; set; }

    public TimeSpan? CompetencyHalfLife { get; set; }

    public TimeSpan? CooperationHalfLife { get; set; }

    public TimeSpan? TrackedProgressHalfLife { get; set; }

    public TimeSpan? EscalationHalfLife { get; set; }

    public TimeSpan? FactMaturity { get; set; }

    public double? PriorPositive { get; set; }

    public double? PriorNegative { get; set; }

    public Dictionary<string, double>? PriorMeans { get; set; }

    public double? LossAversion { get; set; }

    public TimeSpan? GracePeriod { get; set; }

    public double? Kappa { get; set; }

    public TimeSpan? ResponseTarget { get; set; }

    public TimeSpan? ResolutionTarget { get; set; }

    public double? SatisfactionThreshold { get; set; }

    public TimeSpan? ExpiryWarning { get; set; }

    public TimeSpan? RegistrationWindow { get; set; }

    public TimeSpan? UpdateWindow { get; set; }

    public int? CadenceWeeks { get; set; }

    public TimeSpan? MomentumWindow { get; set; }

    public TimeSpan? MomentumBaseline { get; set; }

    public double? AcceleratingRatio { get; set; }

    public double? SlowingRatio { get; set; }

    public double? RecommendationTarget { get; set; }

    public static HealthModelDocument From(HealthModel model) => new()
    {
        Name = model.Name,
        Version = model.Version,
        DimensionWeights = DimensionWeightsDocument.From(model.DimensionWeights),
        CompetencyWeights = CompetencyWeightsDocument.From(model.CompetencyWeights),
        CooperationWeights = CooperationWeightsDocument.From(model.CooperationWeights),
        PlanWeights = PlanWeightsDocument.From(model.PlanWeights),
        ProgressWeights = ProgressWeightsDocument.From(model.ProgressWeights),
        Bands = BandThresholdsDocument.From(model.Bands),
        TrustHalfLife = model.TrustHalfLife,
        CompetencyHalfLife = model.CompetencyHalfLife,
        CooperationHalfLife = model.CooperationHalfLife,
        TrackedProgressHalfLife = model.TrackedProgressHalfLife,
        EscalationHalfLife = model.EscalationHalfLife,
        FactMaturity = model.FactMaturity,
        PriorPositive = model.PriorPositive,
        PriorNegative = model.PriorNegative,
        PriorMeans = new Dictionary<string, double>(model.PriorMeans, StringComparer.Ordinal),
        LossAversion = model.LossAversion,
        GracePeriod = model.GracePeriod,
        Kappa = model.Kappa,
        ResponseTarget = model.ResponseTarget,
        ResolutionTarget = model.ResolutionTarget,
        SatisfactionThreshold = model.SatisfactionThreshold,
        ExpiryWarning = model.ExpiryWarning,
        RegistrationWindow = model.RegistrationWindow,
        UpdateWindow = model.UpdateWindow,
        CadenceWeeks = model.CadenceWeeks,
        MomentumWindow = model.MomentumWindow,
        MomentumBaseline = model.MomentumBaseline,
        AcceleratingRatio = model.AcceleratingRatio,
        SlowingRatio = model.SlowingRatio,
#pragma warning disable CS0618 // Obsolete, not read: written and read back so that model files keep their value.
        RecommendationTarget = model.RecommendationTarget,
#pragma warning restore CS0618
    };

    public HealthModel ToModel()
    {
        var defaults = HealthModel.Default;
        var dimensionWeights = Child<DimensionWeights, DimensionWeightsDocument>(DimensionWeights, "dimensionWeights");
        var competencyWeights = Child<CompetencyWeights, CompetencyWeightsDocument>(CompetencyWeights, "competencyWeights");
        var cooperationWeights = Child<CooperationWeights, CooperationWeightsDocument>(CooperationWeights, "cooperationWeights");
        var planWeights = Child<PlanWeights, PlanWeightsDocument>(PlanWeights, "planWeights");
        var progressWeights = Child<ProgressWeights, ProgressWeightsDocument>(ProgressWeights, "progressWeights");
        var bands = Child<BandThresholds, BandThresholdsDocument>(Bands, "bands");
        return Build(this, d => defaults with
        {
            Name = d.Name ?? defaults.Name,
            Version = d.Version ?? defaults.Version,
            DimensionWeights = dimensionWeights ?? defaults.DimensionWeights,
            CompetencyWeights = competencyWeights ?? defaults.CompetencyWeights,
            CooperationWeights = cooperationWeights ?? defaults.CooperationWeights,
            PlanWeights = planWeights ?? defaults.PlanWeights,
            ProgressWeights = progressWeights ?? defaults.ProgressWeights,
            Bands = bands ?? defaults.Bands,
            TrustHalfLife = d.TrustHalfLife ?? defaults.TrustHalfLife,
            CompetencyHalfLife = d.CompetencyHalfLife ?? defaults.CompetencyHalfLife,
            CooperationHalfLife = d.CooperationHalfLife ?? defaults.CooperationHalfLife,
            TrackedProgressHalfLife = d.TrackedProgressHalfLife ?? defaults.TrackedProgressHalfLife,
            EscalationHalfLife = d.EscalationHalfLife ?? defaults.EscalationHalfLife,
            FactMaturity = d.FactMaturity ?? defaults.FactMaturity,
            PriorPositive = d.PriorPositive ?? defaults.PriorPositive,
            PriorNegative = d.PriorNegative ?? defaults.PriorNegative,
            PriorMeans = d.PriorMeans ?? defaults.PriorMeans,
            LossAversion = d.LossAversion ?? defaults.LossAversion,
            GracePeriod = d.GracePeriod ?? defaults.GracePeriod,
            Kappa = d.Kappa ?? defaults.Kappa,
            ResponseTarget = d.ResponseTarget ?? defaults.ResponseTarget,
            ResolutionTarget = d.ResolutionTarget ?? defaults.ResolutionTarget,
            SatisfactionThreshold = d.SatisfactionThreshold ?? defaults.SatisfactionThreshold,
            ExpiryWarning = d.ExpiryWarning ?? defaults.ExpiryWarning,
            RegistrationWindow = d.RegistrationWindow ?? defaults.RegistrationWindow,
            UpdateWindow = d.UpdateWindow ?? defaults.UpdateWindow,
            CadenceWeeks = d.CadenceWeeks ?? defaults.CadenceWeeks,
            MomentumWindow = d.MomentumWindow ?? defaults.MomentumWindow,
            MomentumBaseline = d.MomentumBaseline ?? defaults.MomentumBaseline,
            AcceleratingRatio = d.AcceleratingRatio ?? defaults.AcceleratingRatio,
            SlowingRatio = d.SlowingRatio ?? defaults.SlowingRatio,
#pragma warning disable CS0618 // Obsolete, not read: written and read back so that model files keep their value.
            RecommendationTarget = d.RecommendationTarget ?? defaults.RecommendationTarget,
#pragma warning restore CS0618
        });
    }
}
