using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Health;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;

#pragma warning disable CS0618 // HealthModel.RecommendationTarget is obsolete but still validated and round-tripped; these tests keep checking that.

namespace PartnerMetrics.Tests.Health;

public partial class HealthModelTests
{
    private static readonly JsonSerializerOptions HostOptions = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Default_IsTheModelOfDomainMd_WithTheWeightsOfVersion2Point1()
    {
        var model = HealthModel.Default;

        // DOMAIN section 3.2 but for the dimension, competency, plan and progress weights, which version 2.1 changed
        // (docs/validation.md, "Dimension and factor weights: 2.0 against 2.2"); version 2.2 changed reciprocity's formula,
        // not a setting (docs/scoring.md, "Why reciprocity changed in model 2.2").
        Assert.Equal((0.25, 0.2, 0.25, 0.15, 0.15), (model.DimensionWeights.Trust, model.DimensionWeights.Competency, model.DimensionWeights.Cooperation, model.DimensionWeights.PlanAlignment, model.DimensionWeights.TrackedProgress));
        Assert.Equal((0.2, 0.8), (model.CompetencyWeights.Coverage, model.CompetencyWeights.DeliveryReliability));
        Assert.Equal((0.2, 0.2, 0.35, 0.25), (model.CooperationWeights.PartnerResponsiveness, model.CooperationWeights.VendorResponsiveness, model.CooperationWeights.FrictionHandling, model.CooperationWeights.Reciprocity));
        Assert.Equal((0.15, 0.1, 0.55, 0.1, 0.1), (model.PlanWeights.GoalsOnTrack, model.PlanWeights.SharedOwnership, model.PlanWeights.BusinessAlignment, model.PlanWeights.Clarity, model.PlanWeights.Freshness));
        Assert.Equal((0.1, 0.05, 0.05, 0.8), (model.ProgressWeights.RegistrationTimeliness, model.ProgressWeights.PipelineFreshness, model.ProgressWeights.DataCompleteness, model.ProgressWeights.WeeklyCadence));
        Assert.Equal([180.0, 365.0, 90.0, 90.0, 365.0], [model.TrustHalfLife.TotalDays, model.CompetencyHalfLife.TotalDays, model.CooperationHalfLife.TotalDays, model.TrackedProgressHalfLife.TotalDays, model.EscalationHalfLife.TotalDays]);
        Assert.Equal(90.0, model.FactMaturity.TotalDays);
        Assert.Equal((1.0, 1.0, 2.5, 5.0), (model.PriorPositive, model.PriorNegative, model.LossAversion, model.Kappa));
        Assert.Equal((70.0, 40.0, 0.25), (model.Bands.Healthy, model.Bands.Watch, model.Bands.MinimumConfidence));
        Assert.Equal((14.0, 2.0, 14.0, 60.0, 7.0, 14.0), (model.GracePeriod.TotalDays, model.ResponseTarget.TotalDays, model.ResolutionTarget.TotalDays, model.ExpiryWarning.TotalDays, model.RegistrationWindow.TotalDays, model.UpdateWindow.TotalDays));
        Assert.Equal(0.7, model.SatisfactionThreshold);
        Assert.Equal(12, model.CadenceWeeks);
        Assert.Equal((30.0, 90.0, 1.25, 0.75, 0.8), (model.MomentumWindow.TotalDays, model.MomentumBaseline.TotalDays, model.AcceleratingRatio, model.SlowingRatio, model.RecommendationTarget));
        Assert.Equal(new HealthModel(), model);
        Assert.Equal(("default", "2.6"), (new HealthModel().Name, new HealthModel().Version));
    }

    [Fact]
    public void With_InvalidScalarSettings_ThrowNamingTheSetting()
    {
        var model = HealthModel.Default;
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { LossAversion = 0.99 }, "LossAversion", "0.99");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { LossAversion = double.NaN }, "LossAversion", "NaN");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { TrustHalfLife = TimeSpan.Zero }, "TrustHalfLife", "00:00:00");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { CompetencyHalfLife = TimeSpan.FromDays(-1) }, "CompetencyHalfLife", "-1");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { CooperationHalfLife = TimeSpan.Zero }, "CooperationHalfLife");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { TrackedProgressHalfLife = TimeSpan.Zero }, "TrackedProgressHalfLife");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { Kappa = 0 }, "Kappa", "0");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { PriorPositive = -1 }, "PriorPositive", "-1");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { PriorNegative = double.PositiveInfinity }, "PriorNegative");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { GracePeriod = TimeSpan.FromDays(-2) }, "GracePeriod", "-2");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { ResponseTarget = TimeSpan.Zero }, "ResponseTarget");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { ResolutionTarget = TimeSpan.Zero }, "ResolutionTarget");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { SatisfactionThreshold = 1.2 }, "SatisfactionThreshold", "1.2");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { ExpiryWarning = TimeSpan.FromDays(-1) }, "ExpiryWarning");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { RegistrationWindow = TimeSpan.FromDays(-1) }, "RegistrationWindow");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { UpdateWindow = TimeSpan.FromDays(-1) }, "UpdateWindow");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { CadenceWeeks = 0 }, "CadenceWeeks", "0");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { CadenceWeeks = 53 }, "CadenceWeeks", "53");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { MomentumWindow = TimeSpan.Zero }, "MomentumWindow");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { MomentumBaseline = TimeSpan.FromDays(-1) }, "MomentumBaseline");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { AcceleratingRatio = 0.9 }, "AcceleratingRatio", "0.9");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { SlowingRatio = 1.1 }, "SlowingRatio", "1.1");
        Rejects.Field<ArgumentOutOfRangeException>(() => model with { RecommendationTarget = 0 }, "RecommendationTarget", "0");
        Rejects.Field<ArgumentNullException>(() => model with { DimensionWeights = null! }, "DimensionWeights");
        Rejects.Field<ArgumentNullException>(() => model with { Bands = null! }, "Bands");
    }

    [Fact]
    public void With_NullForASettingOfAReferenceType_ThrowsArgumentNullExceptionNamingTheSetting()
    {
        // Only Name and Version documented the ArgumentNullException that every such setting throws: the doc comments now
        // say it of each, and this pins the type and the name (it passed before; the fix is to the documentation).
        var model = HealthModel.Default;
        var settings = new Dictionary<string, Func<object>>
        {
            [nameof(HealthModel.Name)] = () => model with { Name = null! },
            [nameof(HealthModel.Version)] = () => model with { Version = null! },
            [nameof(HealthModel.DimensionWeights)] = () => model with { DimensionWeights = null! },
            [nameof(HealthModel.CompetencyWeights)] = () => model with { CompetencyWeights = null! },
            [nameof(HealthModel.CooperationWeights)] = () => model with { CooperationWeights = null! },
            [nameof(HealthModel.PlanWeights)] = () => model with { PlanWeights = null! },
            [nameof(HealthModel.ProgressWeights)] = () => model with { ProgressWeights = null! },
            [nameof(HealthModel.Bands)] = () => model with { Bands = null! },
            [nameof(HealthModel.PriorMeans)] = () => model with { PriorMeans = null! },
        };

        Assert.Equal(
            typeof(HealthModel).GetProperties().Where(p => !p.PropertyType.IsValueType && p.SetMethod is not null).Select(p => p.Name).Order(StringComparer.Ordinal),
            settings.Keys.Order(StringComparer.Ordinal));
        foreach (var (setting, set) in settings)
        {
            Rejects.Field<ArgumentNullException>(set, setting);
        }
    }

    [Fact]
    public void Weights_NegativeOrAllZero_ThrowNamingTheSetting()
    {
        Rejects.Field<ArgumentOutOfRangeException>(() => new DimensionWeights(-0.1, 0.2, 0.2, 0.2, 0.15), "trust", "-0.1");
        Rejects.Field<ArgumentOutOfRangeException>(() => new DimensionWeights(0, 0, 0, 0, 0), "DimensionWeights", "all are 0");
        Rejects.Field<ArgumentOutOfRangeException>(() => new DimensionWeights(0.25, double.NaN, 0.2, 0.2, 0.15), "competency", "NaN");
        Rejects.Field<ArgumentOutOfRangeException>(() => new CompetencyWeights(0, 0), "CompetencyWeights");
        Rejects.Field<ArgumentOutOfRangeException>(() => new CooperationWeights(0.2, 0.2, -1, 0.25), "frictionHandling", "-1");
        Rejects.Field<ArgumentOutOfRangeException>(() => new PlanWeights(0, 0, 0, 0, 0), "PlanWeights");
        Rejects.Field<ArgumentOutOfRangeException>(() => new ProgressWeights(0.3, 0.25, double.PositiveInfinity, 0.25), "dataCompleteness");
    }

    [Fact]
    public void Bands_OutOfOrderOrOutOfRange_ThrowNamingTheThreshold()
    {
        Rejects.Field<ArgumentOutOfRangeException>(() => new BandThresholds(40, 70, 0.25), "healthy", "above 'watch' (70)");
        Rejects.Field<ArgumentOutOfRangeException>(() => new BandThresholds(50, 50, 0.25), "healthy");
        Rejects.Field<ArgumentOutOfRangeException>(() => new BandThresholds(101, 40, 0.25), "healthy", "101");
        Rejects.Field<ArgumentOutOfRangeException>(() => new BandThresholds(70, -1, 0.25), "watch", "-1");
        Rejects.Field<ArgumentOutOfRangeException>(() => new BandThresholds(70, 40, 1.5), "minimumConfidence", "1.5");
    }

    [Theory]
    [InlineData(70.0, 0.3, HealthBand.Healthy)]
    [InlineData(69.999, 0.3, HealthBand.Watch)]
    [InlineData(40.0, 0.3, HealthBand.Watch)]
    [InlineData(39.999, 0.3, HealthBand.AtRisk)]
    [InlineData(95.0, 0.2499, HealthBand.InsufficientEvidence)]
    [InlineData(0.0, 0.25, HealthBand.AtRisk)]
    public void Bands_Classify_UsesTheThresholds(double score, double confidence, HealthBand expected) =>
        Assert.Equal(expected, BandThresholds.Default.Classify(score, confidence));

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    [Trait("Rule", "15")]
    public void Json_RoundTrip_IsIdentity(HealthModel model)
    {
        var json = PartnerMetricsJson.Serialize(model);

        Assert.Equal(model, PartnerMetricsJson.Deserialize<HealthModel>(json));
        Assert.Equal(json, JsonSerializer.Serialize(model, HostOptions));
    }

    [Fact]
    public void Json_PartialDocument_KeepsTheDefaultsItDoesNotMention()
    {
        var model = PartnerMetricsJson.Deserialize<HealthModel>("""{"lossAversion":3,"dimensionWeights":{"trust":0.5},"trustHalfLife":"120.00:00:00"}""");

        Assert.Equal(HealthModel.Default with
        {
            LossAversion = 3,
            DimensionWeights = new DimensionWeights(0.5, 0.2, 0.25, 0.15, 0.15),
            TrustHalfLife = TimeSpan.FromDays(120),
        }, model);
        Assert.Equal(HealthModel.Default, PartnerMetricsJson.Deserialize<HealthModel>("{}"));
    }

    [Fact]
    public void Json_V2Settings_AreReadAndWritten()
    {
        var model = PartnerMetricsJson.Deserialize<HealthModel>("""{"escalationHalfLife":"180.00:00:00","factMaturity":"30.00:00:00","cooperationWeights":{"partnerResponsiveness":0.1,"vendorResponsiveness":0.3}}""");

        Assert.Equal(HealthModel.Default with
        {
            EscalationHalfLife = TimeSpan.FromDays(180),
            FactMaturity = TimeSpan.FromDays(30),
            CooperationWeights = new CooperationWeights(0.1, 0.3, 0.35, 0.25),
        }, model);
        var json = PartnerMetricsJson.Serialize(HealthModel.Default);
        Assert.Contains("\"escalationHalfLife\":\"365.00:00:00\",\"factMaturity\":\"90.00:00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"cooperationWeights\":{\"partnerResponsiveness\":0.2,\"vendorResponsiveness\":0.2,\"frictionHandling\":0.35,\"reciprocity\":0.25}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_OneSidedResponsivenessOfModelV1_IsReadAsHalfForEachSide()
    {
        // A stored v1 model gave one responsiveness weight; v2 splits it evenly between the sides, so the
        // two together keep the v1 share of the dimension. It is never written back.
        var model = PartnerMetricsJson.Deserialize<HealthModel>("""{"cooperationWeights":{"responsiveness":0.4,"frictionHandling":0.35,"reciprocity":0.25}}""");

        Assert.Equal(new CooperationWeights(0.2, 0.2, 0.35, 0.25), model.CooperationWeights);
        Assert.DoesNotContain("\"responsiveness\"", PartnerMetricsJson.Serialize(model), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.0)]
    [InlineData(5e-324, 5e-324, 5e-324)]   // half of the least subnormal rounded to 0: both sides were disabled
    [InlineData(1.5e-323, 1.5e-323, 1.5e-323)]
    [InlineData(5e-324, 0.0, 0.0)]         // read as all weights 0 ("at least one positive weight") before
    [InlineData(1e308, 1e308, 1e308)]
    [InlineData(4e-323, 8e-323, 1e-322)]   // an even subnormal halves exactly
    public void Json_OneSidedResponsiveness_KeepsItsRatioToTheOtherWeights_AtAnyScale(double responsiveness, double friction, double reciprocity)
    {
        string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        var model = PartnerMetricsJson.Deserialize<HealthModel>(
            $"{{\"cooperationWeights\":{{\"responsiveness\":{Number(responsiveness)},\"frictionHandling\":{Number(friction)},\"reciprocity\":{Number(reciprocity)}}}}}");
        var weights = model.CooperationWeights;

        // Each side is half the one weight: partner = vendor, and (partner + vendor) : friction : reciprocity = r : f : c.
        Assert.Equal(weights.PartnerResponsiveness, weights.VendorResponsiveness);
        Assert.True(weights.PartnerResponsiveness > 0);
        Assert.Equal(friction == 0 ? 0 : responsiveness / friction, friction == 0 ? 0 : 2 * weights.PartnerResponsiveness / weights.FrictionHandling, 12);
        Assert.Equal(reciprocity == 0 ? 0 : responsiveness / reciprocity, reciprocity == 0 ? 0 : 2 * weights.PartnerResponsiveness / weights.Reciprocity, 12);
    }

    [Fact]
    public void Json_OneSidedResponsiveness_ThatCannotBeHalvedBesideHugeWeights_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>("""{"cooperationWeights":{"responsiveness":5e-324,"frictionHandling":1.7e308}}"""));

        Assert.Equal("$.cooperationWeights.responsiveness", error.Path);
        Assert.Contains("cannot be halved exactly beside weights this large", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"cooperationWeights":{"responsiveness":0.4,"partnerResponsiveness":0.2}}""")]
    [InlineData("""{"cooperationWeights":{"vendorResponsiveness":0.2,"responsiveness":0.4}}""")]
    public void Json_BothFormsOfResponsiveness_AreAnError(string json)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(json));

        Assert.Equal("$.cooperationWeights.responsiveness", error.Path);
        Assert.Contains("give one form, not both", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"cooperationWeights":{"responsiveness":-1}}""", "$.cooperationWeights.responsiveness", "-1")]
    [InlineData("""{"escalationHalfLife":"00:00:00"}""", "$.escalationHalfLife", "positive")]
    [InlineData("""{"factMaturity":"-1.00:00:00"}""", "$.factMaturity", "positive")]
    public void Json_InvalidV2Setting_NamesItsPath(string json, string path, string because)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"lossAversion":0.5}""", "$.lossAversion", "at least 1")]
    [InlineData("""{"dimensionWeights":{"trust":-1}}""", "$.dimensionWeights.trust", "-1")]
    [InlineData("""{"dimensionWeights":{"trust":0,"competency":0,"cooperation":0,"planAlignment":0,"trackedProgress":0}}""", "$.dimensionWeights", "at least one positive weight")]
    [InlineData("""{"bands":{"healthy":30}}""", "$.bands.healthy", "above 'watch' (40)")]
    [InlineData("""{"bands":{"watch":80}}""", "$.bands.watch", "below 'healthy' (70), which the document leaves at its default; got 80.")]
    [InlineData("""{"bands":{"watch":70}}""", "$.bands.watch", "got 70.")]
    [InlineData("""{"trustHalfLife":"00:00:00"}""", "$.trustHalfLife", "positive")]
    [InlineData("""{"cadenceWeeks":60}""", "$.cadenceWeeks", "60")]
    [InlineData("""{"kappa":"5"}""", "$.kappa", "")]
    [InlineData("""{"lossAversion":2.5,"lossAversio":3}""", "$.lossAversio", "")]
    public void Json_InvalidSetting_NamesItsPath(string json, string path, string because)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }
}
