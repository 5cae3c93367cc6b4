using PartnerMetrics.Health;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Tests.Validation;

/// <summary><see cref="Backtest.Fit"/>: fitted weights follow the signal, generalise, agree with the scorer, and refuse too little data.</summary>
public sealed class BacktestFitTests
{
    private static readonly DateOnly T = BacktestHistories.T;

    [Fact]
    public void Fit_ChurnDrivenByTrust_MovesWeightToTrustAndGeneralises()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany();

        var fit = Backtest.Fit(new HealthScorer(), partnerships, [T], outcomes);

        // Churners (kept ≤ 2 of 6) all score lower on trust than stayers: trust alone separates them.
        // AUC is flat once the classes separate, so the search stops at the first weights that do:
        // more on trust than the default 0.25, not necessarily all of it.
        Assert.True(fit.Model.DimensionWeights.Trust > DimensionWeights.Default.Trust, $"trust weight {fit.Model.DimensionWeights.Trust}");
        Assert.Equal(1.0, fit.InSampleAuc);
        Assert.Equal(1.0, fit.OutOfSampleAuc);
        Assert.True(fit.StartingAuc < 1.0, $"starting AUC {fit.StartingAuc}");
        Assert.Equal(5, fit.FoldAucs.Length);
        Assert.True(fit.OutOfSampleBrier < fit.BaseRateBrier, $"Brier {fit.OutOfSampleBrier} against base rate {fit.BaseRateBrier}");
    }

    [Fact]
    public void Fit_LogLikelihood_TakesAllWeightFromTheDimensionThatDoesNotPredict()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany();

        var fit = Backtest.Fit(new HealthScorer(), partnerships, [T], outcomes, fit: new FitOptions { Objective = FitObjective.LogLikelihood });

        // Unlike AUC, the likelihood keeps rewarding a wider gap between churners and stayers, which
        // coverage (unrelated to churn) only narrows: competency loses all its weight. No partner has
        // evidence of co-operation, a plan or deals, so those dimensions are left out of every score
        // and their weights change nothing.
        // It keeps the floor, not 0: a dimension the starting model enables stays enabled, and with it its weakest-link cap.
        Assert.Equal(WeightSearch.Floor, fit.Model.DimensionWeights.Competency);
        Assert.True(fit.Model.DimensionWeights.Trust > DimensionWeights.Default.Trust, $"weights {fit.Model.DimensionWeights}");
    }

    [Fact]
    public void Fit_AnObjectiveThatWouldDropTrust_KeepsItEnabled_SoABrokenRelationshipIsNeverHealthy()
    {
        // Samples whose trust score runs against their outcome (the churners trusted most), the other dimensions for it
        // and overlapping: the likelihood keeps rewarding a wider gap, so the search takes every step of weight from
        // trust it can. It took all of it, trust's weight 0 disabled the weakest link, and the vendor that broke every
        // promise scored Healthy under the fitted model (the review).
        const int Samples = 40;
        var churned = new bool[Samples];
        var scores = new double[Samples * 5];
        for (var i = 0; i < Samples; i++)
        {
            churned[i] = i % 2 == 0;
            scores[i * 5] = churned[i] ? 100 : 0;                   // trust: high for churners
            for (var d = 1; d < 5; d++)
            {
                scores[(i * 5) + d] = (churned[i] ? 45 : 55) + ((i * d) % 13) - 6;   // the others: lower for churners, overlapping
            }
        }

        var start = new[] { 0.3, 0.2, 0.2, 0.15, 0.15 };
        var search = new WeightSearch(scores, [], [], start, fitFactors: false, FitObjective.LogLikelihood);
        var fitted = search.Rounded(search.Fit([.. Enumerable.Range(0, Samples)], churned, start));

        Assert.Equal(WeightSearch.Floor, fitted[0]);
        Assert.Equal(1.0, fitted.Sum(), 9);
        var model = HealthModel.Default with { DimensionWeights = new DimensionWeights(fitted[0], fitted[1], fitted[2], fitted[3], fitted[4]) };
        var report = new HealthScorer(model).Score(Health.WeakestLinkTests.VendorBreaksEveryPromise(), T);
        Assert.NotEqual(HealthBand.Healthy, report.Band);
        Assert.Contains(report.Signals, signal => signal.Code == FactorCodes.WeakestLink);
    }

    [Fact]
    public void Fit_FittedModel_RescoredByTheScorer_GivesTheInSampleAuc()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany();
        var starting = new HealthScorer();

        var fit = Backtest.Fit(starting, partnerships, [T, T.AddDays(-90)], outcomes, fit: new FitOptions { Objective = FitObjective.LogLikelihood });

        // The search scores through the scorer's own formula: a real re-score agrees exactly.
        Assert.Equal(fit.InSampleAuc, Backtest.Run(new HealthScorer(fit.Model), partnerships, [T, T.AddDays(-90)], outcomes).Auc);
        Assert.Equal(fit.StartingAuc, Backtest.Run(starting, partnerships, [T, T.AddDays(-90)], outcomes).Auc);
        Assert.Equal(1.0, fit.Model.DimensionWeights.Trust + fit.Model.DimensionWeights.Competency + fit.Model.DimensionWeights.Cooperation + fit.Model.DimensionWeights.PlanAlignment + fit.Model.DimensionWeights.TrackedProgress, 12);
        Assert.Equal(starting.Model with { DimensionWeights = fit.Model.DimensionWeights, Version = fit.Model.Version }, fit.Model);

        // Fitted weights are a model of their own: its version says so, and a set holds it beside the starting model (with
        // the starting version, it read as the default model, and a set refused the two as one name and version).
        Assert.NotEqual(starting.Model.DimensionWeights, fit.Model.DimensionWeights);
        Assert.Matches(@"^2\.\d+\+fit\.[0-9a-f]{8}$", fit.Model.Version);
        Assert.StartsWith(starting.Model.Version + "+fit.", fit.Model.Version, StringComparison.Ordinal);
        Assert.Equal(2, HealthModelSet.Create([starting.Model, fit.Model], _ => fit.Model).Models.Length);
    }

    [Fact]
    public void WeightSearch_ACanceledToken_StopsTheSearch()
    {
        // The search took no token: a fit of factor weights over thousands of samples ran seconds past a cancellation.
        var search = new WeightSearch([50, 50, 50, 50, 50, 60, 40, 50, 50, 50], [], [], [0.25, 0.2, 0.25, 0.15, 0.15], fitFactors: false, FitObjective.Auc);

        Assert.Throws<OperationCanceledException>(() => search.Fit([0, 1], [true, false], [0.25, 0.2, 0.25, 0.15, 0.15], new CancellationToken(canceled: true)));
        Assert.Equal(1.0, search.Fit([0, 1], [true, false], [0.25, 0.2, 0.25, 0.15, 0.15]).Sum(), 9);
    }

    [Fact]
    public void Fit_SameSeedAnyInputOrder_SameFit()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany();
        var options = new FitOptions { Seed = 7, Calibration = CalibrationMethod.Isotonic };

        var first = Backtest.Fit(new HealthScorer(), partnerships, [T], outcomes, fit: options);
        var second = Backtest.Fit(new HealthScorer(), partnerships.Reverse(), [T], outcomes.Reverse(), fit: options);

        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.FoldAucs.ToArray(), second.FoldAucs.ToArray());
        Assert.Equal(first.OutOfSampleBrier, second.OutOfSampleBrier);

        // Every objective and weight set, with several days: the samples came in the partnerships' order, and the Platt
        // sums and fold searches rounded differently for another order (out-of-sample AUC 0.97457 against 0.97527).
        DateOnly[] days = [T.AddDays(-60), T.AddDays(-30), T];
        foreach (var objective in new[] { FitObjective.Auc, FitObjective.LogLikelihood })
        {
            foreach (var weights in new[] { FitWeights.Dimensions, FitWeights.DimensionsAndFactors })
            {
                var fitOptions = new FitOptions { Seed = 3, Objective = objective, Weights = weights };
                var forward = Backtest.Fit(new HealthScorer(), partnerships, days, outcomes, fit: fitOptions);
                var backward = Backtest.Fit(new HealthScorer(), partnerships.Reverse(), days.Reverse(), outcomes.Reverse(), fit: fitOptions);

                Assert.Equal((forward.Model, forward.OutOfSampleAuc, forward.OutOfSampleBrier), (backward.Model, backward.OutOfSampleAuc, backward.OutOfSampleBrier));
                Assert.Equal((forward.Calibration.Intercept, forward.Calibration.Slope), (backward.Calibration.Intercept, backward.Calibration.Slope));
            }
        }
    }

    [Fact]
    public void Folds_WhateverTheSeed_LeaveEveryTrainingSetChurnersAndStayers()
    {
        // Ten partners scored on T − 200 and T. P-000 and P-001 churn on T + 30: they stayed on T − 200 (the churn is 230
        // days later) and churned on T, so they are the only partners with a sample that stayed. The other eight churn on
        // T − 100, within 180 days of T − 200, and are inactive on T: churners only. Were P-000 and P-001 dealt into one
        // fold, the other fold's weights and calibration would be fitted on churners alone, a calibration that predicts
        // churn for everyone. Partners with samples of both kinds are dealt between those that only churned and those
        // that only stayed, so the partners of each kind follow each other and at least two of each reach two folds.
        var (partnerships, _) = BacktestHistories.TrustDrivenCompany(partners: 10);
        var outcomes = partnerships.Select((p, i) => ChurnOutcome.Churned(p.Partner.Id, i < 2 ? T.AddDays(30) : T.AddDays(-100)));
        var cases = Backtest.BacktestCases.Create(partnerships, [T.AddDays(-200), T], outcomes, BacktestOptions.Default);
        Assert.Equal((2, 10), (cases.Items.Count(c => !c.Churned), cases.Items.Count(c => c.Churned)));

        for (var seed = 0; seed < 32; seed++)
        {
            foreach (var folds in new[] { 2, 3, 5 })
            {
                var foldOf = Backtest.FoldsOf(cases.Items, new FitOptions { Folds = folds, Seed = seed, MinimumChurners = 2 });
                for (var f = 0; f < folds; f++)
                {
                    var training = cases.Items.Where((_, i) => foldOf[i] != f).ToList();
                    Assert.True(training.Any(c => c.Churned) && training.Any(c => !c.Churned), $"seed {seed}, {folds} folds: fold {f} was fitted on one kind of sample only");
                }
            }
        }
    }

    [Fact]
    public void Fit_DimensionDisabledInTheStartingModel_StaysDisabled()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany();
        var noTrust = HealthModel.Default with { DimensionWeights = new DimensionWeights(0, 0.3, 0.3, 0.2, 0.2) };

        var fit = Backtest.Fit(new HealthScorer(noTrust), partnerships, [T], outcomes);

        Assert.Equal(0.0, fit.Model.DimensionWeights.Trust);
    }

    [Fact]
    public void Fit_FewerChurnersThanTheMinimum_RefusesWithTheCounts()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany(partners: 40);

        // 40 partners: kept ≤ 2 for i mod 7 in {0, 1, 2} → 18 churners, fewer than 30.
        var error = Assert.Throws<ArgumentException>(() => Backtest.Fit(new HealthScorer(), partnerships, [T], outcomes));

        Assert.Equal("outcomes", error.ParamName);
        Assert.Contains("18 churned and 22 stayed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_FewChurnedPartnersOnManyDays_RefusesCountingPartnersNotSamples()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany(partners: 40);

        // The same 40 partners (18 churn, on T + 60 + i) scored on five days 10 apart: every churn is within 180 days
        // of each day, so 18 × 5 = 90 churned samples and 22 × 5 = 110 that stayed, both past the minimum of 30 —
        // but they are still 18 churned partners, the same few, whose days are not independent evidence.
        DateOnly[] days = [.. Enumerable.Range(0, 5).Select(k => T.AddDays(-10 * k))];
        var error = Assert.Throws<ArgumentException>(() => Backtest.Fit(new HealthScorer(), partnerships, days, outcomes));

        Assert.Equal("outcomes", error.ParamName);
        Assert.Contains("18 churned and 22 stayed (90 churned and 110 stayed samples over 200)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_APartnerThatChurnedAfterAnEarlierDay_CountsAsChurnedAndAsStayed()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany(partners: 40);

        // The 18 churners churn on T + 60 + i: within 180 days of T, but more than 180 days after T − 200. Scored on both
        // days, each has a sample that churned and one that stayed, so the 40 partners count 18 churned and 40 stayed.
        var error = Assert.Throws<ArgumentException>(() => Backtest.Fit(new HealthScorer(), partnerships, [T.AddDays(-200), T], outcomes));

        Assert.Contains("18 churned and 40 stayed (18 churned and 62 stayed samples over 80)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_FewerStayersThanTheMinimum_RefusesWithTheCounts()
    {
        // Pins the second half of the minimum: enough churners (38 of 40, past 30) do not make up for too few partners
        // that stayed (2): weights fitted against two stayers describe those two, so the fit refuses.
        var (partnerships, _) = BacktestHistories.TrustDrivenCompany(partners: 40);
        var outcomes = partnerships.Select((p, i) => i < 38 ? ChurnOutcome.Churned(p.Partner.Id, T.AddDays(60 + i)) : ChurnOutcome.Active(p.Partner.Id));

        var error = Assert.Throws<ArgumentException>(() => Backtest.Fit(new HealthScorer(), partnerships, [T], outcomes));

        Assert.Equal("outcomes", error.ParamName);
        Assert.Contains("38 churned and 2 stayed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_BaseRateBrier_IsTheBrierOfAlwaysPredictingTheChurnRate()
    {
        // Pins the benchmark the calibration is judged against: always predicting the churn rate r errs by (1 − r)² on
        // the share r that churned and by r² on the 1 − r that stayed, r (1 − r) in all (not r, nor r²).
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany();

        var fit = Backtest.Fit(new HealthScorer(), partnerships, [T], outcomes);

        var rate = (double)fit.Churned / fit.Count;
        var brier = (rate * Math.Pow(1 - rate, 2)) + ((1 - rate) * Math.Pow(rate, 2));
        Assert.Equal(brier, fit.BaseRateBrier, 12);
        Assert.Equal(rate * (1 - rate), fit.BaseRateBrier, 12);
        Assert.InRange(fit.OutOfSampleBrier, 0.0, 1.0);
    }

    [Fact]
    public void Fit_FewerPartnersThanFolds_Throws()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany(partners: 7);

        var error = Assert.Throws<ArgumentException>(() => Backtest.Fit(new HealthScorer(), partnerships, [T], outcomes, fit: new FitOptions { MinimumChurners = 2, Folds = 10 }));

        Assert.Equal("partnerships", error.ParamName);
    }

    [Fact]
    public void Fit_FactorWeights_FindTheFactorThatPredictsInsideItsDimension()
    {
        var (partnerships, outcomes) = BacktestHistories.ResponsivenessDrivenCompany();
        var factors = new FitOptions { Weights = FitWeights.DimensionsAndFactors };

        var dimensionsOnly = Backtest.Fit(new HealthScorer(), partnerships, [T], outcomes);
        var withFactors = Backtest.Fit(new HealthScorer(), partnerships, [T], outcomes, fit: factors);

        // Inside co-operation the vendor's responsiveness (the signal) is mixed with reciprocity (noise)
        // at 0.2 : 0.25; dimension weights cannot unmix them, factor weights can.
        Assert.True(dimensionsOnly.InSampleAuc < 1.0, $"dimension fit AUC {dimensionsOnly.InSampleAuc}");
        Assert.Equal(1.0, withFactors.InSampleAuc);
        Assert.Equal(1.0, withFactors.OutOfSampleAuc);
        var cooperation = withFactors.Model.CooperationWeights;
        Assert.True(cooperation.VendorResponsiveness > cooperation.Reciprocity, $"co-operation weights {cooperation}");
        Assert.Equal(CooperationWeights.Default, dimensionsOnly.Model.CooperationWeights);
    }

    [Fact]
    public void Fit_FactorWeights_RescoredByTheScorer_GiveTheInSampleAuc()
    {
        var (partnerships, outcomes) = BacktestHistories.ResponsivenessDrivenCompany();
        var options = new FitOptions { Weights = FitWeights.DimensionsAndFactors, Objective = FitObjective.LogLikelihood };

        var fit = Backtest.Fit(new HealthScorer(), partnerships, [T, T.AddDays(-45)], outcomes, fit: options);

        // The search scores each dimension through the scorer's own formula: a real re-score agrees exactly.
        Assert.Equal(fit.InSampleAuc, Backtest.Run(new HealthScorer(fit.Model), partnerships, [T, T.AddDays(-45)], outcomes).Auc);
        var (c, p) = (fit.Model.CooperationWeights, fit.Model.PlanWeights);
        Assert.Equal(1.0, c.PartnerResponsiveness + c.VendorResponsiveness + c.FrictionHandling + c.Reciprocity, 12);
        Assert.Equal(1.0, p.GoalsOnTrack + p.SharedOwnership + p.BusinessAlignment + p.Clarity + p.Freshness, 12);
    }

    [Fact]
    public void Fit_FactorDisabledInTheStartingModel_StaysDisabled()
    {
        var (partnerships, outcomes) = BacktestHistories.ResponsivenessDrivenCompany();
        var noReciprocity = HealthModel.Default with { CooperationWeights = new CooperationWeights(0.3, 0.3, 0.4, 0) };

        var fit = Backtest.Fit(new HealthScorer(noReciprocity), partnerships, [T], outcomes, fit: new FitOptions { Weights = FitWeights.DimensionsAndFactors });

        Assert.Equal(0.0, fit.Model.CooperationWeights.Reciprocity);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(101)]
    public void FitOptions_FoldsOutOfRange_Throws(int folds) =>
        Assert.Equal("Folds", Assert.Throws<ArgumentOutOfRangeException>(() => new FitOptions { Folds = folds }).ParamName);

    [Fact]
    public void FitOptions_BadValues_Throw()
    {
        Assert.Equal("MinimumChurners", Assert.Throws<ArgumentOutOfRangeException>(() => new FitOptions { MinimumChurners = 1 }).ParamName);
        Assert.Equal("Objective", Assert.Throws<ArgumentOutOfRangeException>(() => new FitOptions { Objective = (FitObjective)9 }).ParamName);
        Assert.Equal("Calibration", Assert.Throws<ArgumentOutOfRangeException>(() => new FitOptions { Calibration = (CalibrationMethod)9 }).ParamName);
        Assert.Equal("Weights", Assert.Throws<ArgumentOutOfRangeException>(() => new FitOptions { Weights = (FitWeights)9 }).ParamName);
    }
}
