using System.Globalization;
using System.Text;
using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Validation;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

/// <content><c>backtest --fit</c>: the fitted weights, the AUCs that judge them, the model file and the refusal.</content>
public sealed partial class BacktestCommandTests
{
    private static readonly DateOnly FitDay = new(2025, 6, 30);

    [Fact]
    public void BacktestFit_Out_WritesTheLibrarysFittedModelThatScoreAccepts()
    {
        using var files = new TestFiles();
        var (portfolioPath, outcomesPath, portfolio, outcomes) = TrustDrivenCompany(files);
        var modelPath = files.PathOf("fitted.json");

        var (exit, json, error) = Run("backtest", portfolioPath, "--outcomes", outcomesPath, "--as-of", "2025-06-30", "--fit", "--out", modelPath, "--format", "json");

        Assert.True(exit == 0, error);
        var expected = Backtest.Fit(new HealthScorer(), portfolio.Partnerships, [FitDay], outcomes);
        var written = PartnerMetricsJson.Deserialize<HealthModel>(File.ReadAllText(modelPath));
        Assert.Equal(expected.Model, written);
        Assert.NotEqual(HealthModel.Default.DimensionWeights, written.DimensionWeights);

        var fit = JsonDocument.Parse(json).RootElement.GetProperty("fit");
        Assert.Equal((expected.StartingAuc, expected.InSampleAuc, expected.OutOfSampleAuc), (fit.GetProperty("startingAuc").GetDouble(), fit.GetProperty("inSampleAuc").GetDouble(), fit.GetProperty("outOfSampleAuc").GetDouble()));
        Assert.Equal((expected.Count, expected.Churned, "Auc", 5, 0), (Int(fit, "samples"), Int(fit, "churned"), fit.GetProperty("objective").GetString(), Int(fit, "folds"), Int(fit, "seed")));
        Assert.Equal(
            Enum.GetValues<HealthDimension>().Select(d => (d.ToString(), HealthModel.Default.DimensionWeights[d], expected.Model.DimensionWeights[d])),
            fit.GetProperty("weights").EnumerateArray().Select(w => (w.GetProperty("dimension").GetString()!, w.GetProperty("starting").GetDouble(), w.GetProperty("fitted").GetDouble())));
        Assert.Equal(Path.GetFullPath(modelPath), fit.GetProperty("modelWrittenTo").GetString());
        var probability = fit.GetProperty("churnProbability");
        Assert.Equal(("Platt", expected.Calibration.Intercept, expected.Calibration.Slope), (probability.GetProperty("method").GetString(), probability.GetProperty("intercept").GetDouble(), probability.GetProperty("slope").GetDouble()));

        // The file is a model --model reads: score with it gives the fitted model's scores.
        var scored = Run("score", portfolioPath, "--as-of", "2025-06-30", "--model", modelPath, "--format", "json");
        Assert.Equal(0, scored.Exit);
        var fitted = new HealthScorer(expected.Model);
        var scores = JsonDocument.Parse(scored.Output).RootElement.GetProperty("partners").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("score").GetDouble());
        Assert.All(portfolio.Partnerships, p => Assert.Equal(Math.Round(fitted.Score(p, FitDay).Score, 1), scores[p.Partner.Id.ToString()]));
    }

    [Fact]
    public void BacktestFit_Options_ReachTheLibrary()
    {
        using var files = new TestFiles();
        var (portfolioPath, outcomesPath, portfolio, outcomes) = TrustDrivenCompany(files);

        var (exit, json, error) = Run("backtest", portfolioPath, "--outcomes", outcomesPath, "--as-of", "2025-06-30", "--horizon", "150", "--fit", "--folds", "3", "--seed", "7", "--objective", "loglik", "--calibration", "isotonic", "--format", "json");

        Assert.True(exit == 0, error);
        var options = new BacktestOptions { Horizon = TimeSpan.FromDays(150) };
        var expected = Backtest.Fit(new HealthScorer(), portfolio.Partnerships, [FitDay], outcomes, options, new FitOptions { Folds = 3, Seed = 7, Objective = FitObjective.LogLikelihood, Calibration = CalibrationMethod.Isotonic });
        var fit = JsonDocument.Parse(json).RootElement.GetProperty("fit");
        Assert.Equal(("LogLikelihood", 3, 7), (fit.GetProperty("objective").GetString(), Int(fit, "folds"), Int(fit, "seed")));
        Assert.Equal(expected.OutOfSampleAuc, fit.GetProperty("outOfSampleAuc").GetDouble());
        Assert.Equal(expected.Churned, Int(fit, "churned"));
        Assert.Equal(expected.FoldAucs, fit.GetProperty("foldAucs").EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Null ? null : (double?)a.GetDouble()));
        var probability = fit.GetProperty("churnProbability");
        Assert.Equal(("Isotonic", 150), (probability.GetProperty("method").GetString(), Int(probability, "horizonDays")));
        Assert.Equal(JsonValueKind.Null, probability.GetProperty("slope").ValueKind);
        Assert.Equal(expected.Calibration.Steps.Select(s => (s.FromScore, s.Probability)), probability.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("fromScore").GetDouble(), s.GetProperty("probability").GetDouble())));
        Assert.Equal(JsonValueKind.Null, fit.GetProperty("modelWrittenTo").ValueKind);
    }

    [Fact]
    public void BacktestFit_WeightsFactors_FitsTheFactorWeightsAsTheLibraryDoes()
    {
        using var files = new TestFiles();
        var (portfolioPath, outcomesPath, portfolio, outcomes) = TrustDrivenCompany(files);
        var modelPath = files.PathOf("fitted.json");

        var (exit, json, error) = Run("backtest", portfolioPath, "--outcomes", outcomesPath, "--as-of", "2025-06-30", "--fit", "--weights", "factors", "--out", modelPath, "--format", "json");

        Assert.True(exit == 0, error);
        var expected = Backtest.Fit(new HealthScorer(), portfolio.Partnerships, [FitDay], outcomes, fit: new FitOptions { Weights = FitWeights.DimensionsAndFactors });
        Assert.Equal(expected.Model, PartnerMetricsJson.Deserialize<HealthModel>(File.ReadAllText(modelPath)));
        var fit = JsonDocument.Parse(json).RootElement.GetProperty("fit");
        Assert.Equal(("DimensionsAndFactors", expected.OutOfSampleAuc), (fit.GetProperty("fitted").GetString(), fit.GetProperty("outOfSampleAuc").GetDouble()));
        var factors = fit.GetProperty("factorWeights").EnumerateArray().ToDictionary(w => w.GetProperty("factor").GetString()!, w => (w.GetProperty("starting").GetDouble(), w.GetProperty("fitted").GetDouble()));
        Assert.Equal(15, factors.Count);
        Assert.Equal((HealthModel.Default.CooperationWeights.Reciprocity, expected.Model.CooperationWeights.Reciprocity), factors["Reciprocity"]);
        Assert.Equal((HealthModel.Default.ProgressWeights.WeeklyCadence, expected.Model.ProgressWeights.WeeklyCadence), factors["WeeklyCadence"]);
        Assert.Equal((HealthModel.Default.CompetencyWeights.Coverage, expected.Model.CompetencyWeights.Coverage), factors["Coverage"]);
        Assert.Equal((HealthModel.Default.PlanWeights.Freshness, expected.Model.PlanWeights.Freshness), factors["Freshness"]);

        // Without the switch only the dimension weights are fitted, and none of the factors' are listed.
        var dimensions = Run("backtest", portfolioPath, "--outcomes", outcomesPath, "--as-of", "2025-06-30", "--fit", "--format", "json");
        var plain = JsonDocument.Parse(dimensions.Output).RootElement.GetProperty("fit");
        Assert.Equal(("Dimensions", 0), (plain.GetProperty("fitted").GetString(), plain.GetProperty("factorWeights").GetArrayLength()));

        var table = Run("backtest", portfolioPath, "--outcomes", outcomesPath, "--as-of", "2025-06-30", "--fit", "--weights", "factors");
        Assert.Contains("Fitted dimension and factor weights: objective Auc, 5 folds, seed 0", table.Output, StringComparison.Ordinal);
        Assert.Matches(@"TrackedProgress\s+│\s+WeeklyCadence\s+│\s+0\.\d{4}\s+│\s+[01]\.\d{4}", table.Output);
    }

    [Fact]
    public void BacktestFit_Table_ShowsTheAucsAndTheFittedWeights()
    {
        using var files = new TestFiles();
        var (portfolioPath, outcomesPath, _, _) = TrustDrivenCompany(files);
        var modelPath = files.PathOf("fitted.json");

        var (exit, output, _) = Run("backtest", portfolioPath, "--outcomes", outcomesPath, "--as-of", "2025-06-30", "--fit", "--out", modelPath);

        Assert.Equal(0, exit);
        Assert.Contains("Fitted dimension weights: objective Auc, 5 folds, seed 0", output, StringComparison.Ordinal);
        Assert.Matches(@"AUC: starting model 0\.\d{3}; fitted model [01]\.\d{3} in sample, [01]\.\d{3} out of sample\.", output);
        Assert.All(Enum.GetNames<HealthDimension>(), d => Assert.Matches($@"{d}\s+│\s+0\.\d{{4}}\s+│\s+[01]\.\d{{4}}", output));
        Assert.Matches(@"Churn probability within 180 days \(Platt\): p = 1 / \(1 \+ e\^-\(\d+\.\d+ - \d\.\d+ × score\)\)\.", output);
        Assert.Contains($"Wrote the fitted model to {Path.GetFullPath(modelPath)}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BacktestFit_TooFewChurners_RefusesWithTheLibrarysReason()
    {
        using var files = new TestFiles();
        var modelPath = files.PathOf("fitted.json");

        var (exit, output, error) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--fit", "--out", modelPath);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Empty(output);
        Assert.StartsWith("Cannot fit the weights: Fitting needs at least 30 partners that churned within the horizon and 30 that stayed", error, StringComparison.Ordinal);
        Assert.Contains("the outcomes give 2 churned and 2 stayed (2 churned and 2 stayed samples over 4)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
        Assert.False(File.Exists(modelPath));
    }

    [Fact]
    public void BacktestFit_FewerPartnersThanFolds_Refuses()
    {
        using var files = new TestFiles();
        var (portfolioPath, outcomesPath, _, _) = TrustDrivenCompany(files);

        // 90 partners with churners and stayers enough, but only 90 partners for 100 folds.
        var (exit, _, error) = Run("backtest", portfolioPath, "--outcomes", outcomesPath, "--as-of", "2025-06-30", "--fit", "--folds", "100");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.StartsWith("Cannot fit the weights: Fitting with 100 folds needs at least 100 partners", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BacktestFit_UnwritableOut_ExitsFour()
    {
        using var files = new TestFiles();
        var (portfolioPath, outcomesPath, _, _) = TrustDrivenCompany(files);

        var (exit, _, error) = Run("backtest", portfolioPath, "--outcomes", outcomesPath, "--as-of", "2025-06-30", "--fit", "--out", files.PathOf(Path.Combine("no-such-directory", "fitted.json")));

        Assert.Equal(ExitCodes.OutputUnwritable, exit);
        Assert.Contains("Cannot write", error, StringComparison.Ordinal);
    }

    /// <summary>
    /// 90 partners whose churn follows their reliability only: partner i keeps i mod 7 of 6 commitments and churns
    /// (60 + i days after the as-of day) when it keeps 2 or fewer; its certification coverage (i mod 3 of 2 required)
    /// is unrelated to churn. 39 churn and 51 stay, enough for a fit.
    /// </summary>
    private static (string PortfolioPath, string OutcomesPath, Portfolio Portfolio, ChurnOutcome[] Outcomes) TrustDrivenCompany(TestFiles files)
    {
        string[] required = ["Azure", "Security"];
        var partnerships = new List<Partnership>();
        var outcomes = new List<ChurnOutcome>();
        var csv = new StringBuilder("partnerId,churnedOn\n");
        for (var i = 0; i < 90; i++)
        {
            var id = new PartnerId(string.Create(CultureInfo.InvariantCulture, $"P-{i:000}"));
            var kept = i % 7;
            partnerships.Add(new Partnership(
                new Partner(id, id.ToString(), PartnerType.Reseller),
                FitDay.AddDays(-500),
                requiredCompetencies: required,
                commitments: Enumerable.Range(0, 6).Select(c => new Commitment(Side.Partner, FitDay.AddDays(-20 * (c + 1)), c < kept ? CommitmentOutcome.Kept : CommitmentOutcome.Broken, FitDay.AddDays(-20 * (c + 1)))),
                certifications: required.Take(i % 3).Select(name => new Certification(name, FitDay.AddDays(-400)))));
            var churnedOn = kept <= 2 ? FitDay.AddDays(60 + i) : (DateOnly?)null;
            outcomes.Add(churnedOn is { } day ? ChurnOutcome.Churned(id, day) : ChurnOutcome.Active(id));
            csv.Append(CultureInfo.InvariantCulture, $"{id},{churnedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n");
        }

        var portfolio = new Portfolio(partnerships);
        Assert.Equal(39, outcomes.Count(o => o.ChurnedOn is not null));
        return (files.Write("company.json", PartnerMetricsJson.Serialize(portfolio)), files.Write("company-outcomes.csv", csv.ToString()), portfolio, [.. outcomes]);
    }
}
