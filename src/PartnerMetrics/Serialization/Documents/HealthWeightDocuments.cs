using PartnerMetrics.Health;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

// The weight groups of a HealthModel document: each setting is optional and defaults to the group's Default.
internal sealed class DimensionWeightsDocument : IDocument<DimensionWeights, DimensionWeightsDocument>
{
    public double? Trust { get; set; }

    public double? Competency { get; set; }

    public double? Cooperation { get; set; }

    public double? PlanAlignment { get; set; }

    public double? TrackedProgress { get; set; }

    public static DimensionWeightsDocument From(DimensionWeights model) => new()
    {
        Trust = model.Trust,
        Competency = model.Competency,
        Cooperation = model.Cooperation,
        PlanAlignment = model.PlanAlignment,
        TrackedProgress = model.TrackedProgress,
    };

    public DimensionWeights ToModel() => Build(this, static d => new DimensionWeights(
        d.Trust ?? DimensionWeights.Default.Trust,
        d.Competency ?? DimensionWeights.Default.Competency,
        d.Cooperation ?? DimensionWeights.Default.Cooperation,
        d.PlanAlignment ?? DimensionWeights.Default.PlanAlignment,
        d.TrackedProgress ?? DimensionWeights.Default.TrackedProgress));
}

internal sealed class CompetencyWeightsDocument : IDocument<CompetencyWeights, CompetencyWeightsDocument>
{
    public double? Coverage { get; set; }

    public double? DeliveryReliability { get; set; }

    public static CompetencyWeightsDocument From(CompetencyWeights model) => new()
    {
        Coverage = model.Coverage,
        DeliveryReliability = model.DeliveryReliability,
    };

    public CompetencyWeights ToModel() => Build(this, static d => new CompetencyWeights(
        d.Coverage ?? CompetencyWeights.Default.Coverage,
        d.DeliveryReliability ?? CompetencyWeights.Default.DeliveryReliability));
}

internal sealed class CooperationWeightsDocument : IDocument<CooperationWeights, CooperationWeightsDocument>
{
    public double? PartnerResponsiveness { get; set; }

    public double? VendorResponsiveness { get; set; }

    /// <summary>
    /// The model v1 form: one responsiveness weight for both sides. Read as half for each side (the same
    /// share of the dimension); never written; an error next to either two-sided weight.
    /// </summary>
    public double? Responsiveness { get; set; }

    public double? FrictionHandling { get; set; }

    public double? Reciprocity { get; set; }

    public static CooperationWeightsDocument From(CooperationWeights model) => new()
    {
        PartnerResponsiveness = model.PartnerResponsiveness,
        VendorResponsiveness = model.VendorResponsiveness,
        FrictionHandling = model.FrictionHandling,
        Reciprocity = model.Reciprocity,
    };

    public CooperationWeights ToModel()
    {
        var half = Responsiveness is { } given ? Build(given, static r => Weights.Check(r, "responsiveness")) / 2 : (double?)null;
        if (Responsiveness is { } single && (PartnerResponsiveness is not null || VendorResponsiveness is not null))
        {
            throw DocumentException.Invalid(
                "responsiveness",
                $"'responsiveness' ({single.ToString(System.Globalization.CultureInfo.InvariantCulture)}) is the one-sided form of 'partnerResponsiveness' and 'vendorResponsiveness'; give one form, not both.");
        }

        return Build(this, d => new CooperationWeights(
            d.PartnerResponsiveness ?? half ?? CooperationWeights.Default.PartnerResponsiveness,
            d.VendorResponsiveness ?? half ?? CooperationWeights.Default.VendorResponsiveness,
            d.FrictionHandling ?? CooperationWeights.Default.FrictionHandling,
            d.Reciprocity ?? CooperationWeights.Default.Reciprocity));
    }
}

internal sealed class PlanWeightsDocument : IDocument<PlanWeights, PlanWeightsDocument>
{
    public double? GoalsOnTrack { get; set; }

    public double? SharedOwnership { get; set; }

    public double? BusinessAlignment { get; set; }

    public double? Clarity { get; set; }

    public double? Freshness { get; set; }

    public static PlanWeightsDocument From(PlanWeights model) => new()
    {
        GoalsOnTrack = model.GoalsOnTrack,
        SharedOwnership = model.SharedOwnership,
        BusinessAlignment = model.BusinessAlignment,
        Clarity = model.Clarity,
        Freshness = model.Freshness,
    };

    public PlanWeights ToModel() => Build(this, static d => new PlanWeights(
        d.GoalsOnTrack ?? PlanWeights.Default.GoalsOnTrack,
        d.SharedOwnership ?? PlanWeights.Default.SharedOwnership,
        d.BusinessAlignment ?? PlanWeights.Default.BusinessAlignment,
        d.Clarity ?? PlanWeights.Default.Clarity,
        d.Freshness ?? PlanWeights.Default.Freshness));
}

internal sealed class ProgressWeightsDocument : IDocument<ProgressWeights, ProgressWeightsDocument>
{
    public double? RegistrationTimeliness { get; set; }

    public double? PipelineFreshness { get; set; }

    public double? DataCompleteness { get; set; }

    public double? WeeklyCadence { get; set; }

    public static ProgressWeightsDocument From(ProgressWeights model) => new()
    {
        RegistrationTimeliness = model.RegistrationTimeliness,
        PipelineFreshness = model.PipelineFreshness,
        DataCompleteness = model.DataCompleteness,
        WeeklyCadence = model.WeeklyCadence,
    };

    public ProgressWeights ToModel() => Build(this, static d => new ProgressWeights(
        d.RegistrationTimeliness ?? ProgressWeights.Default.RegistrationTimeliness,
        d.PipelineFreshness ?? ProgressWeights.Default.PipelineFreshness,
        d.DataCompleteness ?? ProgressWeights.Default.DataCompleteness,
        d.WeeklyCadence ?? ProgressWeights.Default.WeeklyCadence));
}

internal sealed class BandThresholdsDocument : IDocument<BandThresholds, BandThresholdsDocument>
{
    public double? Healthy { get; set; }

    public double? Watch { get; set; }

    public double? MinimumConfidence { get; set; }

    public static BandThresholdsDocument From(BandThresholds model) => new()
    {
        Healthy = model.Healthy,
        Watch = model.Watch,
        MinimumConfidence = model.MinimumConfidence,
    };

    public BandThresholds ToModel() => Build(this, static d => new BandThresholds(
        d.Healthy ?? BandThresholds.Default.Healthy,
        d.Watch ?? BandThresholds.Default.Watch,
        d.MinimumConfidence ?? BandThresholds.Default.MinimumConfidence));
}
