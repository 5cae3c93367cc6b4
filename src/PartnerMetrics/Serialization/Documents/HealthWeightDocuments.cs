using System.Globalization;
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
        if (Responsiveness is { } single && (PartnerResponsiveness is not null || VendorResponsiveness is not null))
        {
            throw DocumentException.Invalid(
                "responsiveness",
                $"'responsiveness' ({single.ToString(CultureInfo.InvariantCulture)}) is the one-sided form of 'partnerResponsiveness' and 'vendorResponsiveness'; give one form, not both.");
        }

        var friction = FrictionHandling ?? CooperationWeights.Default.FrictionHandling;
        var reciprocity = Reciprocity ?? CooperationWeights.Default.Reciprocity;
        if (Responsiveness is not { } given)
        {
            return Build(this, d => new CooperationWeights(
                d.PartnerResponsiveness ?? CooperationWeights.Default.PartnerResponsiveness,
                d.VendorResponsiveness ?? CooperationWeights.Default.VendorResponsiveness,
                friction,
                reciprocity));
        }

        // Half for each side: the same share of the dimension. Where half of it is not exact (a subnormal weight, whose
        // half rounds, to 0 for the least), each side keeps the whole weight and the others are doubled instead, which
        // keeps every ratio; only results' ratios of weights count (DOMAIN 3.1).
        var responsiveness = Build(given, static r => Weights.Check(r, "responsiveness"));
        var half = responsiveness / 2;
        if (half * 2 == responsiveness)
        {
            return Build(this, _ => new CooperationWeights(half, half, friction, reciprocity));
        }

        if (!double.IsFinite(2 * friction) || !double.IsFinite(2 * reciprocity))
        {
            throw DocumentException.Invalid(
                "responsiveness",
                $"'responsiveness' ({responsiveness.ToString(CultureInfo.InvariantCulture)}) cannot be halved exactly beside weights this large; give 'partnerResponsiveness' and 'vendorResponsiveness' instead.");
        }

        return Build(this, _ => new CooperationWeights(responsiveness, responsiveness, 2 * friction, 2 * reciprocity));
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

    public BandThresholds ToModel()
    {
        // The constructor reports the order of the two scores at 'healthy'. A document that leaves 'healthy' out for its default
        // and gives a 'watch' at or above it got 'watch' wrong: the error names the value the document holds, not one it lacks.
        var healthy = BandThresholds.Default.Healthy;
        if (Healthy is null && Watch is { } watch && watch is >= 0 and <= 100 && !(healthy > watch))
        {
            throw DocumentException.Invalid(
                "watch",
                string.Create(CultureInfo.InvariantCulture, $"'watch' must be below 'healthy' ({healthy}), which the document leaves at its default; got {watch}."));
        }

        return Build(this, static d => new BandThresholds(
            d.Healthy ?? BandThresholds.Default.Healthy,
            d.Watch ?? BandThresholds.Default.Watch,
            d.MinimumConfidence ?? BandThresholds.Default.MinimumConfidence));
    }
}
