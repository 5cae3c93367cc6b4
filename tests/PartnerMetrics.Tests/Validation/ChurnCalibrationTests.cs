using PartnerMetrics.Validation;

namespace PartnerMetrics.Tests.Validation;

/// <summary>Platt and isotonic calibration of a score to a churn probability.</summary>
public sealed class ChurnCalibrationTests
{
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(180);

    [Fact]
    public void Isotonic_ViolatorPooled_HandComputedSteps()
    {
        // Scores 10, 20, 30, 40 churned 1, 0, 1, 0. Rate must not rise with score: 30's rate 1 exceeds
        // 20's 0, so they pool to ½. Steps: from 10 → 1, from 20 → ½, from 40 → 0.
        var calibration = ChurnCalibration.Fit(CalibrationMethod.Isotonic, Horizon, [10, 20, 30, 40], [true, false, true, false]);

        Assert.Equal([(10.0, 1.0), (20.0, 0.5), (40.0, 0.0)], calibration.Steps.Select(s => (s.FromScore, s.Probability)));
        Assert.Equal(1.0, calibration.Probability(5));
        Assert.Equal(0.5, calibration.Probability(35));
        Assert.Equal(0.0, calibration.Probability(99));
        Assert.Null(calibration.Slope);
    }

    [Fact]
    public void Isotonic_ScoreOnAStepsFirstScore_GetsThatStepsProbability()
    {
        // Pins the step boundary: a step starts at its FromScore, inclusive. Steps from 10 → 1, from 20 → ½, from
        // 40 → 0: a score of exactly 20 is in the ½ step (not still in the step before it), and 40 in the 0 step.
        var calibration = ChurnCalibration.Fit(CalibrationMethod.Isotonic, Horizon, [10, 20, 30, 40], [true, false, true, false]);

        Assert.Equal(1.0, calibration.Probability(10));
        Assert.Equal(1.0, calibration.Probability(19.999));
        Assert.Equal(0.5, calibration.Probability(20));
        Assert.Equal(0.5, calibration.Probability(39.999));
        Assert.Equal(0.0, calibration.Probability(40));
    }

    [Fact]
    public void Isotonic_AdjacentGroupsOfEqualRate_StaySeparateSteps()
    {
        // Pins pool-adjacent-violators' rule: only a group whose rate exceeds the one before it is pooled. Scores 10 and
        // 20 both churned 1 of 2, an equal rate, which violates nothing: they stay two steps, as the samples give them.
        var calibration = ChurnCalibration.Fit(CalibrationMethod.Isotonic, Horizon, [10, 10, 20, 20, 30], [true, false, false, true, false]);

        Assert.Equal([(10.0, 0.5), (20.0, 0.5), (30.0, 0.0)], calibration.Steps.Select(s => (s.FromScore, s.Probability)));
    }

    [Fact]
    public void Isotonic_TiedScores_PooledBeforeAnyViolatorWhateverTheirOrder()
    {
        // 20 churned 2 of 5 (0.4); then four at 30 of which one churned (0.25 < 0.4): no violation.
        // Pooling the ties one by one in the order churned-first would wrongly merge them with 20.
        double[] scores = [20, 20, 20, 20, 20, 30, 30, 30, 30];
        bool[] churnedFirst = [true, true, false, false, false, true, false, false, false];
        bool[] churnedLast = [false, false, false, true, true, false, false, false, true];

        var first = ChurnCalibration.Fit(CalibrationMethod.Isotonic, Horizon, scores, churnedFirst);
        var last = ChurnCalibration.Fit(CalibrationMethod.Isotonic, Horizon, scores, churnedLast);

        Assert.Equal([(20.0, 0.4), (30.0, 0.25)], first.Steps.Select(s => (s.FromScore, s.Probability)));
        Assert.Equal(first.Steps.Select(s => (s.FromScore, s.Probability)), last.Steps.Select(s => (s.FromScore, s.Probability)));
    }

    [Fact]
    public void Platt_PerfectlySeparated_StaysFiniteAndFalling()
    {
        // Platt's targets (N₊ + 1)/(N₊ + 2) and 1/(N₋ + 2) keep the fit finite on separable data.
        var calibration = ChurnCalibration.Fit(CalibrationMethod.Platt, Horizon, [10, 15, 20, 80, 85, 90], [true, true, true, false, false, false]);

        Assert.True(double.IsFinite(calibration.Slope!.Value) && calibration.Slope < 0, $"slope {calibration.Slope}");
        Assert.InRange(calibration.Probability(10), 0.5, 1.0);
        Assert.InRange(calibration.Probability(90), 0.0, 0.5);
        Assert.True(calibration.Probability(10) < 1.0 && calibration.Probability(90) > 0.0);
    }

    [Fact]
    public void Platt_ScoreCarriesNoInformation_GivesTheSmoothedBaseRate()
    {
        // All scores equal: the best logistic curve is the mean target. Two churners of five:
        // targets 3/4 (twice) and 1/5 (three times) → (1.5 + 0.6) / 5 = 0.42.
        var calibration = ChurnCalibration.Fit(CalibrationMethod.Platt, Horizon, [50, 50, 50, 50, 50], [true, true, false, false, false]);

        Assert.Equal(0.42, calibration.Probability(50), 6);
    }

    [Fact]
    public void Platt_ScoreRankingBackwards_FlattenedNeverRising()
    {
        // Churners score high: a fitted slope would be positive, which a calibration must never show.
        var calibration = ChurnCalibration.Fit(CalibrationMethod.Platt, Horizon, [10, 20, 80, 90], [false, false, true, true]);

        Assert.Equal(0.0, calibration.Slope);
        Assert.Equal(calibration.Probability(0), calibration.Probability(100));
    }

    [Property]
    public Property Probability_NeverRisesWithScore() => Prop.ForAll(
        Gen.Choose(0, 100).Select(i => (double)i).Zip(ArbMap.Default.GeneratorFor<bool>()).NonEmptyListOf().ToArbitrary(),
        ArbMap.Default.ArbFor<bool>(),
        (cases, isotonic) =>
        {
            var calibration = ChurnCalibration.Fit(isotonic ? CalibrationMethod.Isotonic : CalibrationMethod.Platt, Horizon, [.. cases.Select(c => c.Item1)], [.. cases.Select(c => c.Item2)]);
            var probabilities = Enumerable.Range(-10, 121).Select(s => calibration.Probability(s)).ToArray();
            return probabilities.Zip(probabilities.Skip(1)).All(p => p.Second <= p.First + 1e-15) && probabilities.All(p => p is >= 0 and <= 1);
        });

    [Fact]
    public void Probability_NonFiniteScore_Throws()
    {
        var calibration = ChurnCalibration.Fit(CalibrationMethod.Platt, Horizon, [10, 90], [true, false]);

        Assert.Equal("score", Assert.Throws<ArgumentOutOfRangeException>(() => calibration.Probability(double.NaN)).ParamName);
    }
}
