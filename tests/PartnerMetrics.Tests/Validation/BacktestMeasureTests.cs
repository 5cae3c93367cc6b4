using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Tests.Validation;

/// <summary>Hand-computed measures of <see cref="Backtest.Measure"/>: AUC and its error, bands, deciles, correlations.</summary>
public sealed class BacktestMeasureTests
{
    private static readonly DateOnly T = new(2025, 6, 30);

    internal static BacktestSample Sample(int id, double score, bool churned, double? confidence = null, HealthBand? band = null, double? outcome = null, double? reference = null) =>
        new(new PartnerId($"P-{id:000}"), T, score, churned, confidence, band, outcome, reference);

    [Fact]
    public void Auc_TiedStayerAndChurner_CountsHalf()
    {
        // Stayers 80, 60, 60; churners 60, 40. Pairs stayer-over-churner:
        // 80>60 1, 80>40 1, 60=60 ½, 60>40 1, 60=60 ½, 60>40 1 → 5 of 6.
        var result = Backtest.Measure(
        [
            Sample(1, 80, false), Sample(2, 60, false), Sample(3, 60, false),
            Sample(4, 60, true), Sample(5, 40, true),
        ]);

        Assert.Equal(5.0 / 6.0, result.Auc!.Value, 15);
        Assert.Equal(5, result.Count);
        Assert.Equal(2, result.Churned);
        Assert.Equal(3, result.Stayed);
    }

    [Fact]
    public void AucStandardError_DeLong_MatchesHandComputation()
    {
        // Placements of stayers (share of churners beaten, ties ½): 80 → 1, 60 → ¾, 60 → ¾.
        // Placements of churners (share of stayers above, ties ½): 60 → (1 + ½ + ½)/3 = ⅔, 40 → 1.
        // S10 = [(1 − ⅚)² + 2(¾ − ⅚)²] / 2 = 1/48; S01 = [(⅔ − ⅚)² + (1 − ⅚)²] / 1 = 1/18.
        // Var = S10/3 + S01/2 = 1/144 + 4/144 = 5/144 → SE = √5 / 12.
        var result = Backtest.Measure(
        [
            Sample(1, 80, false), Sample(2, 60, false), Sample(3, 60, false),
            Sample(4, 60, true), Sample(5, 40, true),
        ]);

        Assert.Equal(Math.Sqrt(5) / 12, result.AucStandardError!.Value, 14);
    }

    [Fact]
    public void Auc_PerfectAndReversedSeparation_IsOneAndZero()
    {
        var perfect = Backtest.Measure([Sample(1, 90, false), Sample(2, 80, false), Sample(3, 20, true), Sample(4, 10, true)]);
        var reversed = Backtest.Measure([Sample(1, 10, false), Sample(2, 20, false), Sample(3, 80, true), Sample(4, 90, true)]);

        Assert.Equal(1.0, perfect.Auc);
        Assert.Equal(0.0, reversed.Auc);

        // Every placement equals the AUC, so both variances are 0.
        Assert.Equal(0.0, perfect.AucStandardError);
    }

    [Fact]
    public void Auc_NoChurnersOrNoStayers_IsNullNotNaN()
    {
        var noChurners = Backtest.Measure([Sample(1, 50, false), Sample(2, 60, false)]);
        var noStayers = Backtest.Measure([Sample(1, 50, true), Sample(2, 60, true)]);
        var empty = Backtest.Measure([]);

        Assert.Null(noChurners.Auc);
        Assert.Null(noChurners.AucStandardError);
        Assert.Null(noStayers.Auc);
        Assert.Null(empty.Auc);
        Assert.Empty(empty.Calibration);
        Assert.Empty(empty.Bands);
        Assert.Null(empty.OutcomeSpearman);
    }

    [Fact]
    public void AucStandardError_OneChurner_IsNullWhileAucIsDefined()
    {
        // One churner (40) below both stayers: AUC 1; a variance needs two of each class.
        var result = Backtest.Measure([Sample(1, 50, false), Sample(2, 60, false), Sample(3, 40, true)]);

        Assert.Equal(1.0, result.Auc);
        Assert.Null(result.AucStandardError);
    }

    [Fact]
    public void Bands_ChurnPerBand_InBandOrderWithEmptyBandsNull()
    {
        // Healthy: 3 samples, 1 churned (⅓). AtRisk: 2 samples, 2 churned (1). Watch and InsufficientEvidence: empty.
        var result = Backtest.Measure(
        [
            Sample(1, 80, false, band: HealthBand.Healthy), Sample(2, 75, false, band: HealthBand.Healthy), Sample(3, 72, true, band: HealthBand.Healthy),
            Sample(4, 30, true, band: HealthBand.AtRisk), Sample(5, 20, true, band: HealthBand.AtRisk),
        ]);

        Assert.Equal([HealthBand.InsufficientEvidence, HealthBand.AtRisk, HealthBand.Watch, HealthBand.Healthy], result.Bands.Select(b => b.Band));
        var healthy = result.Bands.Single(b => b.Band == HealthBand.Healthy);
        Assert.Equal((3, 1), (healthy.Count, healthy.Churned));
        Assert.Equal(1.0 / 3.0, healthy.ChurnRate!.Value, 15);
        Assert.Equal(1.0, result.Bands.Single(b => b.Band == HealthBand.AtRisk).ChurnRate);
        Assert.Null(result.Bands.Single(b => b.Band == HealthBand.Watch).ChurnRate);
        Assert.Equal(0, result.Bands.Single(b => b.Band == HealthBand.InsufficientEvidence).Count);
    }

    [Fact]
    public void Bands_SignalWithoutBands_IsEmpty() =>
        Assert.Empty(Backtest.Measure([Sample(1, 80, false), Sample(2, 20, true)]).Bands);

    [Fact]
    public void Calibration_TwentyDistinctScores_TenDecilesOfTwo()
    {
        // Scores 1 … 20; mid-rank r = score, decile ⌊10 (r − ½) / 20⌋ + 1: scores 1–2 → 1, …, 19–20 → 10.
        // Churned: the scores below 7 (1 … 6), so deciles 1–3 churn at 1, the rest at 0.
        var samples = Enumerable.Range(1, 20).Select(i => Sample(i, i, churned: i < 7)).ToArray();

        var calibration = Backtest.Measure(samples).Calibration;

        Assert.Equal(Enumerable.Range(1, 10), calibration.Select(b => b.Decile));
        Assert.All(calibration, b => Assert.Equal(2, b.Count));
        Assert.Equal([1.0, 1, 1, 0, 0, 0, 0, 0, 0, 0], calibration.Select(b => b.ChurnRate));
        Assert.Equal((19.0, 20.0, 19.5), (calibration[9].MinScore, calibration[9].MaxScore, calibration[9].MeanScore));
    }

    /// <summary>
    /// Measure takes any finite signal: a decile of 1e308 and 1.7e308 has the mean 1.35e308, though their sum passes
    /// double's range (it read 1.7e308 before, the infinite sum clamped to the decile's top).
    /// </summary>
    [Fact]
    public void Calibration_OfSignalsNearDoublesLimit_IsTheirMean()
    {
        var samples = Enumerable.Range(1, 18).Select(i => Sample(i, -1e308, churned: i % 2 == 0)).Append(Sample(19, 1e308, false)).Append(Sample(20, 1.7e308, true)).ToArray();

        var top = Backtest.Measure(samples).Calibration[^1];

        Assert.Equal((2, 1.35e308), (top.Count, top.MeanScore));
    }

    [Fact]
    public void Calibration_TiedScores_ShareOneDecile()
    {
        // Five samples: 10, then four at 50 (mid-rank 3.5). Decile of 10: ⌊10 × 0.5 / 5⌋ + 1 = 2;
        // of 50: ⌊10 × 3 / 5⌋ + 1 = 7. Two of the four tied samples churned.
        var result = Backtest.Measure(
        [
            Sample(1, 10, true), Sample(2, 50, true), Sample(3, 50, false), Sample(4, 50, true), Sample(5, 50, false),
        ]);

        Assert.Equal([2, 7], result.Calibration.Select(b => b.Decile));
        Assert.Equal((4, 2, 0.5), (result.Calibration[1].Count, result.Calibration[1].Churned, result.Calibration[1].ChurnRate));
    }

    [Fact]
    public void OutcomeSpearman_HandComputed_UsesOnlySamplesWithAnOutcome()
    {
        // Scores 10, 20, 30, 40 with outcomes 1, 3, 2, 4 (and one sample without an outcome, left out).
        // Ranks (1, 2, 3, 4) against (1, 3, 2, 4): Σd² = 0 + 1 + 1 + 0 = 2; ρ = 1 − 6·2 / (4·15) = 0.8.
        var result = Backtest.Measure(
        [
            Sample(1, 10, false, outcome: 1), Sample(2, 20, false, outcome: 3), Sample(3, 30, true, outcome: 2),
            Sample(4, 40, false, outcome: 4), Sample(5, 99, false),
        ]);

        Assert.Equal(0.8, result.OutcomeSpearman!.Value, 14);
        Assert.Null(result.ReferenceSpearman);
        Assert.Null(result.ConfidenceErrorSpearman);
    }

    [Fact]
    public void ConfidenceErrorSpearman_ConfidentWhereAccurate_IsMinusOne()
    {
        // Errors |score − reference|: 1, 5, 10, 20 with confidences 0.9, 0.7, 0.5, 0.1: ranks reversed → ρ = −1.
        // Reference ranks against score ranks: scores 50, 60, 70, 80; references 51, 55, 80, 60 → ranks (1, 2, 4, 3): ρ = 0.8.
        var result = Backtest.Measure(
        [
            Sample(1, 50, false, confidence: 0.9, reference: 51),
            Sample(2, 60, false, confidence: 0.7, reference: 55),
            Sample(3, 70, true, confidence: 0.5, reference: 80),
            Sample(4, 80, false, confidence: 0.1, reference: 60),
        ]);

        Assert.Equal(-1.0, result.ConfidenceErrorSpearman!.Value, 14);
        Assert.Equal(0.8, result.ReferenceSpearman!.Value, 14);
    }

    [Fact]
    public void ConfidenceErrorSpearman_ErrorsPastDoublesRange_AreRankedNotTied()
    {
        // Scores of double.MaxValue M against references 0, −M/2 and −M: the errors M, 1.5 M and 2 M rise as the
        // confidences 0.9, 0.5, 0.1 fall, so ρ = −1. The last two differences pass double's range: taken as +∞ they
        // tied (ranks 1, 2.5, 2.5), and ρ read −√3/2 — or null, "a constant side", when every error passed it.
        var result = Backtest.Measure(
        [
            Sample(1, double.MaxValue, false, confidence: 0.9, reference: 0),
            Sample(2, double.MaxValue, false, confidence: 0.5, reference: -double.MaxValue / 2),
            Sample(3, double.MaxValue, true, confidence: 0.1, reference: -double.MaxValue),
        ]);
        var beyond = Backtest.Measure(
        [
            Sample(1, double.MaxValue, false, confidence: 0.9, reference: -double.MaxValue / 2),
            Sample(2, double.MaxValue, false, confidence: 0.1, reference: -double.MaxValue),
        ]);

        Assert.Equal(-1.0, result.ConfidenceErrorSpearman!.Value, 14);
        Assert.Equal(-1.0, beyond.ConfidenceErrorSpearman!.Value, 14);
    }

    [Fact]
    public void Spearman_ConstantSide_IsNullNotNaN()
    {
        var result = Backtest.Measure([Sample(1, 50, false, outcome: 3), Sample(2, 60, true, outcome: 3), Sample(3, 70, false, outcome: 3)]);

        Assert.Null(result.OutcomeSpearman);
    }

    [Fact]
    public void Samples_AnyInputOrder_SortedByDayThenPartner()
    {
        var early = new BacktestSample(new PartnerId("B"), T.AddDays(-1), 10, false);
        var lateA = new BacktestSample(new PartnerId("A"), T, 20, true);
        var lateB = new BacktestSample(new PartnerId("B"), T, 30, false);

        Assert.Equal([early, lateA, lateB], Backtest.Measure([lateB, early, lateA]).Samples.ToArray());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void BacktestSample_NonFiniteScore_Throws(double score)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Sample(1, score, false));
        Assert.Equal("score", error.ParamName);
    }

    [Fact]
    public void BacktestSample_NegativeZero_IsZero()
    {
        // A signal written as a negated count (−risks, higher healthier) gives −0 for no risks. −0 equals 0 and ranks
        // with it, but kept it read "-0" in the sample's text and became the lowest score of the decile it shared with 0,
        // as the confidence's −0 already does not.
        var sample = Sample(1, -0.0, true, confidence: -0.0, outcome: -0.0, reference: -0.0);
        var result = Backtest.Measure([sample, Sample(2, 0.0, false)]);

        Assert.False(double.IsNegative(sample.Score));
        Assert.False(double.IsNegative(sample.Outcome!.Value));
        Assert.False(double.IsNegative(sample.Reference!.Value));
        Assert.Equal("P-001 2025-06-30: 0 churned", sample.ToString());
        Assert.False(double.IsNegative(Assert.Single(result.Calibration).MinScore));
    }

    [Fact]
    public void BacktestSample_BadConfidenceOrBand_Throws()
    {
        Assert.Equal("confidence", Assert.Throws<ArgumentOutOfRangeException>(() => Sample(1, 50, false, confidence: 1.5)).ParamName);
        Assert.Equal("band", Assert.Throws<ArgumentOutOfRangeException>(() => Sample(1, 50, false, band: (HealthBand)42)).ParamName);
        Assert.Equal("reference", Assert.Throws<ArgumentOutOfRangeException>(() => Sample(1, 50, false, reference: double.NaN)).ParamName);
        Assert.Equal("partnerId", Assert.Throws<ArgumentException>(() => new BacktestSample(default, T, 50, false)).ParamName);
    }

    [Fact]
    public void Measure_APartnerTwiceOnADay_IsRejected()
    {
        // Two samples of one partner on one day were both counted, and came back in the order given (the review).
        var error = Assert.Throws<ArgumentException>(() => Backtest.Measure([Sample(1, 10, false), Sample(2, 50, true), Sample(1, 90, false)]));

        Assert.Equal("samples", error.ParamName);
        Assert.Contains("lists partner 'P-001' on", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Backtest.Measure([Sample(1, 10, false), Sample(2, 50, true), Sample(3, 90, false)]).Count);
    }

    [Fact]
    public void BacktestResult_ToString_CountsOneSampleInTheSingular()
    {
        Assert.Equal("1 sample, 1 churned, AUC undefined", Backtest.Measure([Sample(1, 50, true)]).ToString());
        Assert.Equal("0 samples, 0 churned, AUC undefined", Backtest.Measure([]).ToString());
        Assert.Equal("2 samples, 1 churned, AUC 1.000", Backtest.Measure([Sample(1, 50, true), Sample(2, 60, false)]).ToString());
    }

    [Fact]
    public void Measure_NullOrNullItem_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Backtest.Measure(null!));
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => Backtest.Measure([Sample(1, 1, false), null!])).ParamName);
    }
}
