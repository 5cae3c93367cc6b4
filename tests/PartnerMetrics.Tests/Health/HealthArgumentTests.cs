using PartnerMetrics.Health;
using static PartnerMetrics.Tests.Health.Examples;

#pragma warning disable CS0618 // HealthModel.RecommendationTarget is obsolete but still validated and round-tripped; these tests keep checking that.

namespace PartnerMetrics.Tests.Health;

/// <summary>The ranges of the model's settings, inclusive where documented, and the errors that name the field and the value.</summary>
public class HealthArgumentTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.001)]
    public void Ratios_AcceptTheirWholeRange(double value)
    {
        var model = new HealthModel { SlowingRatio = value, RecommendationTarget = value };

        Assert.Equal((value, value), (model.SlowingRatio, model.RecommendationTarget));
    }

    [Theory]
    [InlineData(0.0, "got 0")]
    [InlineData(1.5, "got 1.5")]
    public void Ratios_OutsideTheirRange_AreRejected(double value, string message)
    {
        Rejects.Field<ArgumentOutOfRangeException>(() => new HealthModel { SlowingRatio = value }, nameof(HealthModel.SlowingRatio), "must be in (0, 1]; " + message);
        Rejects.Field<ArgumentOutOfRangeException>(() => new HealthModel { RecommendationTarget = value }, nameof(HealthModel.RecommendationTarget), "must be in (0, 1]; " + message);
    }

    /// <summary>
    /// A band of no score is no band: NaN, the infinities and numbers outside a score's or a confidence's range are
    /// rejected by name, never classified as some band (200 at confidence 2 was Healthy, −5 at −1 InsufficientEvidence).
    /// </summary>
    [Theory]
    [InlineData(double.NaN, 0.5, "score", "must be in [0, 100]; got NaN")]
    [InlineData(double.PositiveInfinity, 0.5, "score", "must be in [0, 100]; got Infinity")]
    [InlineData(double.NaN, 0.0, "score", "must be in [0, 100]; got NaN")]
    [InlineData(200.0, 0.5, "score", "must be in [0, 100]; got 200")]
    [InlineData(-5.0, 0.5, "score", "must be in [0, 100]; got -5")]
    [InlineData(50.0, double.NaN, "confidence", "must be in [0, 1]; got NaN")]
    [InlineData(50.0, double.NegativeInfinity, "confidence", "must be in [0, 1]; got -Infinity")]
    [InlineData(50.0, -1.0, "confidence", "must be in [0, 1]; got -1")]
    [InlineData(50.0, 2.0, "confidence", "must be in [0, 1]; got 2")]
    public void Classify_OutsideTheRanges_IsRejectedByName(double score, double confidence, string field, string message) =>
        Rejects.Field<ArgumentOutOfRangeException>(() => HealthModel.Default.Bands.Classify(score, confidence), field, message);

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(100.0, 1.0)]
    public void Classify_AtTheEndsOfTheRanges_GivesABand(double score, double confidence) =>
        Assert.True(Enum.IsDefined(HealthModel.Default.Bands.Classify(score, confidence)));

    [Fact]
    public void HalfLife_OfAnUndefinedDimension_IsRejected_AndPlanAlignmentHasNone()
    {
        Assert.Null(HealthModel.Default.HalfLife(HealthDimension.PlanAlignment));
        Assert.Equal(HealthModel.Default.TrustHalfLife, HealthModel.Default.HalfLife(HealthDimension.Trust));
        Rejects.Field<ArgumentOutOfRangeException>(() => HealthModel.Default.HalfLife((HealthDimension)9)!, "dimension", "got 9");
    }

    [Theory]
    [InlineData("nope")]
    [InlineData(FactorCodes.CooperationReciprocity)]
    [InlineData(FactorCodes.CompetencyCoverage)]
    public void PriorMeanOf_ACodeThatIsNoSettableRate_IsRejected(string code)
    {
        Rejects.Field<ArgumentException>(() => HealthModel.Default.PriorMeanOf(code), "code", $"got '{code}'");
        Assert.Throws<ArgumentNullException>(nameof(code), () => HealthModel.Default.PriorMeanOf(null!));
    }

    [Fact]
    public void Durations_AcceptZeroWhereDocumented_AndNameTheValueOtherwise()
    {
        var model = new HealthModel { GracePeriod = TimeSpan.Zero, ExpiryWarning = TimeSpan.Zero, RegistrationWindow = TimeSpan.Zero };

        Assert.Equal(TimeSpan.Zero, model.GracePeriod + model.ExpiryWarning + model.RegistrationWindow);
        Rejects.Field<ArgumentOutOfRangeException>(() => new HealthModel { GracePeriod = TimeSpan.FromDays(-1) }, nameof(HealthModel.GracePeriod), "must not be negative; got -1.00:00:00");
        Rejects.Field<ArgumentOutOfRangeException>(() => new HealthModel { TrustHalfLife = TimeSpan.Zero }, nameof(HealthModel.TrustHalfLife), "must be positive; got 00:00:00");
    }

    [Fact]
    public void LossAversion_AcceptsOne_AndNamesTheValueBelow()
    {
        Assert.Equal(1.0, new HealthModel { LossAversion = 1.0 }.LossAversion);
        Rejects.Field<ArgumentOutOfRangeException>(() => new HealthModel { LossAversion = 0.5 }, nameof(HealthModel.LossAversion), "must be at least 1; got 0.5");
    }

    [Fact]
    public void Bands_AcceptAWatchThresholdOfZero_AndAtOneHundredNameHealthy()
    {
        Assert.Equal(0.0, new BandThresholds(50, 0, 0.2).Watch);

        // 100 is on the scale, so the watch threshold passes; no healthy threshold can lie above it.
        Rejects.Field<ArgumentOutOfRangeException>(() => new BandThresholds(100, 100, 0.2), "healthy", "must be above 'watch' (100)");
    }

    [Fact]
    public void Bands_AWatchThresholdOutsideTheScale_IsRejected() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new BandThresholds(100, 100.5, 0.2), "watch", "must be a score in [0, 100]; got 100.5");

    [Fact]
    public void Weights_AllZero_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CooperationWeights(0, 0, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProgressWeights(0, 0, 0, 0));
    }

    [Fact]
    public void Indexers_RejectAnUndefinedDimension_ByName()
    {
        var report = new HealthScorer().Score(Empty(), T);

        Rejects.Field<ArgumentOutOfRangeException>(() => report[(HealthDimension)5], "dimension", "got 5");
        Rejects.Field<ArgumentOutOfRangeException>(() => report[(HealthDimension)(-1)], "dimension", "got -1");
        Rejects.Field<ArgumentOutOfRangeException>(() => DimensionWeights.Default[(HealthDimension)9], "dimension", "must be a defined HealthDimension; got 9");
        Assert.Equal(HealthDimension.TrackedProgress, report[HealthDimension.TrackedProgress].Dimension);
    }

    [Fact]
    public void Scorer_RejectsBadArguments_ByName()
    {
        var scorer = new HealthScorer();
        var portfolio = new Portfolio([Empty()]);

        Assert.Equal("portfolio", Assert.Throws<ArgumentNullException>(() => scorer.ScoreAll(null!, T)).ParamName);
        Rejects.Field<ArgumentOutOfRangeException>(() => scorer.ScoreAll(portfolio, T, maxDegreeOfParallelism: 0), "maxDegreeOfParallelism", "-1 (all cores) or positive; got 0");
        Rejects.Field<ArgumentOutOfRangeException>(() => scorer.ScoreAll(portfolio, T, maxDegreeOfParallelism: -2), "maxDegreeOfParallelism", "got -2");
        Assert.Single(scorer.ScoreAll(portfolio, T, maxDegreeOfParallelism: 1));
        Rejects.Field<ArgumentOutOfRangeException>(() => scorer.History(Empty(), T, T.AddDays(7), TimeSpan.FromHours(36)), "step", "a positive whole number of days; got 1.12:00:00");
    }
}
