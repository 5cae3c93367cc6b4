using System.Text.Json.Serialization;
using PartnerMetrics.Health;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Cli;

/// <summary>What <c>backtest</c> shows: the run's inputs, the <see cref="BacktestResult"/> measures and, with <c>--fit</c>, the <see cref="ModelFit"/>.</summary>
/// <param name="Portfolio">The portfolio file's name.</param>
/// <param name="Outcomes">The outcomes file's name.</param>
/// <param name="Model">The <c>--model</c> file's name; <see langword="null"/> for the default model.</param>
/// <param name="AsOf">The as-of days, earliest first.</param>
/// <param name="HorizonDays">The horizon in days.</param>
/// <param name="ObservedThrough">The last day outcomes are known; <see langword="null"/> when every horizon is taken as observed.</param>
/// <param name="Samples">The (partner, as-of day) pairs scored.</param>
/// <param name="Churned">The samples whose partner churned within the horizon.</param>
/// <param name="Stayed">The samples whose partner did not.</param>
/// <param name="Censored">The pairs left out because their horizon ran past the observed day, whether or not the partner churned.</param>
/// <param name="Inactive">The pairs left out because the partnership had not started or the partner had already churned.</param>
/// <param name="Auc">The AUC for churn; <see langword="null"/> without both churners and stayers.</param>
/// <param name="AucStandardError">DeLong's standard error of the AUC; <see langword="null"/> with fewer than two of either.</param>
/// <param name="Bands">The churn of each band.</param>
/// <param name="Deciles">The churn of each score decile, lowest scores first.</param>
/// <param name="Fit">The fit, with <c>--fit</c>; otherwise <see langword="null"/>.</param>
internal sealed record BacktestReport(
    string Portfolio,
    string Outcomes,
    string? Model,
    IReadOnlyList<DateOnly> AsOf,
    int HorizonDays,
    DateOnly? ObservedThrough,
    int Samples,
    int Churned,
    int Stayed,
    int Censored,
    int Inactive,
    double? Auc,
    double? AucStandardError,
    IReadOnlyList<BandChurnRow> Bands,
    IReadOnlyList<DecileRow> Deciles,
    FitReport? Fit)
{
    /// <summary>Builds the report of a backtest and, when there is one, its fit.</summary>
    public static BacktestReport Create(string portfolio, string outcomes, string? model, IReadOnlyList<DateOnly> asOf, BacktestOptions options, BacktestResult result, ModelFit? fit, FileInfo? fitOut) => new(
        portfolio,
        outcomes,
        model,
        asOf,
        (int)options.Horizon.TotalDays,
        options.ObservedThrough,
        result.Count,
        result.Churned,
        result.Stayed,
        result.Censored,
        result.Inactive,
        result.Auc,
        result.AucStandardError,
        [.. result.Bands.Select(b => new BandChurnRow(b.Band.ToString(), b.Count, b.Churned, b.ChurnRate))],
        [.. result.Calibration.Select(c => new DecileRow(c.Decile, c.Count, c.MinScore, c.MaxScore, c.MeanScore, c.Churned, c.ChurnRate))],
        fit is null ? null : FitReport.Create(fit, fitOut));
}

/// <summary>The churn of one health band.</summary>
internal sealed record BandChurnRow(string Band, int Samples, int Churned, double? ChurnRate);

/// <summary>The churn of one score decile: its samples, their score range and mean, and how many churned.</summary>
internal sealed record DecileRow(int Decile, int Samples, double MinScore, double MaxScore, double MeanScore, int Churned, double ChurnRate);

/// <summary>What <c>--fit</c> found: the fitted weights beside the starting ones, the AUCs that judge them, and the churn calibration.</summary>
/// <param name="Objective">What the weights maximise.</param>
/// <param name="Folds">The cross-validation folds.</param>
/// <param name="Seed">The seed of the folds.</param>
/// <param name="Samples">The samples fitted on.</param>
/// <param name="Churned">Those that churned.</param>
/// <param name="StartingAuc">The starting model's AUC.</param>
/// <param name="InSampleAuc">The fitted model's AUC on the samples it was fitted on.</param>
/// <param name="OutOfSampleAuc">The cross-validated AUC: each fold scored with the weights fitted without it.</param>
/// <param name="FoldAucs">Each fold's AUC; <see langword="null"/> for a fold without both churners and stayers.</param>
/// <param name="Fitted">Which weights were fitted: <c>Dimensions</c>, or <c>DimensionsAndFactors</c>.</param>
/// <param name="Weights">The five dimension weights, starting and fitted.</param>
/// <param name="FactorWeights">The factor weights of competency, co-operation, plan alignment and tracked progress, starting and fitted; empty unless they were fitted.</param>
/// <param name="ChurnProbability">The calibration of the fitted score to a churn probability.</param>
/// <param name="OutOfSampleBrier">The Brier score of the cross-validated churn probabilities.</param>
/// <param name="BaseRateBrier">The Brier score of always predicting the overall churn rate.</param>
/// <param name="ModelWrittenTo">The full path of the <c>--out</c> file the fitted model was written to; <see langword="null"/> without <c>--out</c>.</param>
internal sealed record FitReport(
    string Objective,
    int Folds,
    int Seed,
    int Samples,
    int Churned,
    double StartingAuc,
    double InSampleAuc,
    double OutOfSampleAuc,
    IReadOnlyList<double?> FoldAucs,
    string Fitted,
    IReadOnlyList<WeightRow> Weights,
    IReadOnlyList<FactorWeightRow> FactorWeights,
    ChurnProbabilityReport ChurnProbability,
    double OutOfSampleBrier,
    double BaseRateBrier,
    string? ModelWrittenTo)
{
    public static FitReport Create(ModelFit fit, FileInfo? fitOut) => new(
        fit.Options.Objective.ToString(),
        fit.Options.Folds,
        fit.Options.Seed,
        fit.Count,
        fit.Churned,
        fit.StartingAuc,
        fit.InSampleAuc,
        fit.OutOfSampleAuc,
        [.. fit.FoldAucs],
        fit.Options.Weights.ToString(),
        [.. Enum.GetValues<HealthDimension>().Select(d => new WeightRow(d.ToString(), fit.StartingModel.DimensionWeights[d], fit.Model.DimensionWeights[d]))],
        fit.Options.Weights == FitWeights.DimensionsAndFactors ? FactorWeightRow.Of(fit.StartingModel, fit.Model) : [],
        new ChurnProbabilityReport(
            fit.Calibration.Method.ToString(),
            (int)fit.Calibration.Horizon.TotalDays,
            fit.Calibration.Intercept,
            fit.Calibration.Slope,
            [.. fit.Calibration.Steps.Select(s => new CalibrationStepRow(s.FromScore, s.Probability))]),
        fit.OutOfSampleBrier,
        fit.BaseRateBrier,
        fitOut?.FullName);
}

/// <summary>One dimension's weight before and after the fit.</summary>
internal sealed record WeightRow(string Dimension, double Starting, double Fitted);

/// <summary>One factor's weight inside its dimension, before and after the fit.</summary>
internal sealed record FactorWeightRow(string Dimension, string Factor, double Starting, double Fitted)
{
    /// <summary>The factor weights a fit of <see cref="FitWeights.DimensionsAndFactors"/> fits (trust's two sides keep equal weights), in the order of the model's weight records.</summary>
    public static FactorWeightRow[] Of(HealthModel starting, HealthModel fitted)
    {
        FactorWeightRow Row(HealthDimension dimension, string factor, Func<HealthModel, double> weight) => new(dimension.ToString(), factor, weight(starting), weight(fitted));
        return
        [
            Row(HealthDimension.Competency, "Coverage", m => m.CompetencyWeights.Coverage),
            Row(HealthDimension.Competency, "DeliveryReliability", m => m.CompetencyWeights.DeliveryReliability),
            Row(HealthDimension.Cooperation, "PartnerResponsiveness", m => m.CooperationWeights.PartnerResponsiveness),
            Row(HealthDimension.Cooperation, "VendorResponsiveness", m => m.CooperationWeights.VendorResponsiveness),
            Row(HealthDimension.Cooperation, "FrictionHandling", m => m.CooperationWeights.FrictionHandling),
            Row(HealthDimension.Cooperation, "Reciprocity", m => m.CooperationWeights.Reciprocity),
            Row(HealthDimension.PlanAlignment, "GoalsOnTrack", m => m.PlanWeights.GoalsOnTrack),
            Row(HealthDimension.PlanAlignment, "SharedOwnership", m => m.PlanWeights.SharedOwnership),
            Row(HealthDimension.PlanAlignment, "BusinessAlignment", m => m.PlanWeights.BusinessAlignment),
            Row(HealthDimension.PlanAlignment, "Clarity", m => m.PlanWeights.Clarity),
            Row(HealthDimension.PlanAlignment, "Freshness", m => m.PlanWeights.Freshness),
            Row(HealthDimension.TrackedProgress, "RegistrationTimeliness", m => m.ProgressWeights.RegistrationTimeliness),
            Row(HealthDimension.TrackedProgress, "PipelineFreshness", m => m.ProgressWeights.PipelineFreshness),
            Row(HealthDimension.TrackedProgress, "DataCompleteness", m => m.ProgressWeights.DataCompleteness),
            Row(HealthDimension.TrackedProgress, "WeeklyCadence", m => m.ProgressWeights.WeeklyCadence),
        ];
    }
}

/// <summary>A <see cref="ChurnCalibration"/>: Platt's intercept and slope, or the isotonic steps.</summary>
internal sealed record ChurnProbabilityReport(string Method, int HorizonDays, double? Intercept, double? Slope, IReadOnlyList<CalibrationStepRow> Steps);

/// <summary>One step of an isotonic calibration: from this score up, this churn probability.</summary>
internal sealed record CalibrationStepRow(double FromScore, double Probability);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BacktestReport))]
internal sealed partial class BacktestJsonContext : JsonSerializerContext;
