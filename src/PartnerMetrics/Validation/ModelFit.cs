using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Health;

namespace PartnerMetrics.Validation;

/// <summary>
/// Dimension weights fitted to a company's own churn outcomes (<see cref="Backtest.Fit"/>), with the
/// evidence that they generalise: the fitted model's AUC on partners it never saw, beside the starting
/// model's.
/// </summary>
public sealed class ModelFit
{
    internal ModelFit(
        HealthModel model,
        HealthModel startingModel,
        FitOptions options,
        int count,
        int churned,
        double startingAuc,
        double inSampleAuc,
        double outOfSampleAuc,
        ImmutableArray<double?> foldAucs,
        ChurnCalibration calibration,
        double outOfSampleBrier,
        double baseRateBrier)
    {
        Model = model;
        StartingModel = startingModel;
        Options = options;
        Count = count;
        Churned = churned;
        StartingAuc = startingAuc;
        InSampleAuc = inSampleAuc;
        OutOfSampleAuc = outOfSampleAuc;
        FoldAucs = foldAucs;
        Calibration = calibration;
        OutOfSampleBrier = outOfSampleBrier;
        BaseRateBrier = baseRateBrier;
    }

    /// <summary>
    /// Gets the fitted model: the starting model with the fitted <see cref="HealthModel.DimensionWeights"/>
    /// and, when <see cref="FitOptions.Weights"/> is <see cref="FitWeights.DimensionsAndFactors"/>, the
    /// fitted competency, co-operation, plan and progress factor weights; each set sums to 1, to four decimals.
    /// </summary>
    public HealthModel Model { get; }

    /// <summary>Gets the model the fit started from (the scorer's).</summary>
    public HealthModel StartingModel { get; }

    /// <summary>Gets the options the fit ran with.</summary>
    public FitOptions Options { get; }

    /// <summary>Gets the number of samples fitted on.</summary>
    public int Count { get; }

    /// <summary>Gets the number of those samples that churned within the horizon.</summary>
    public int Churned { get; }

    /// <summary>Gets the starting model's AUC on all samples. The starting model is not fitted, so this is also its out-of-sample AUC.</summary>
    public double StartingAuc { get; }

    /// <summary>Gets the fitted model's AUC on the samples it was fitted on: optimistic.</summary>
    public double InSampleAuc { get; }

    /// <summary>
    /// Gets the cross-validated AUC: each fold's samples scored with the weights fitted on the other
    /// folds, all folds pooled. Compare it with <see cref="StartingAuc"/> to see what fitting gains.
    /// </summary>
    public double OutOfSampleAuc { get; }

    /// <summary>Gets each fold's AUC under the weights fitted without it; <see langword="null"/> for a fold without both churners and stayers.</summary>
    public ImmutableArray<double?> FoldAucs { get; }

    /// <summary>Gets the calibration of the fitted model's score to a churn probability, fitted on all samples.</summary>
    public ChurnCalibration Calibration { get; }

    /// <summary>Gets the Brier score (mean squared error of the probability) of the cross-validated churn probabilities: each fold's from the weights and calibration fitted without it.</summary>
    public double OutOfSampleBrier { get; }

    /// <summary>Gets the Brier score of always predicting the overall churn rate, r (1 − r): a calibration that does not beat it adds nothing.</summary>
    public double BaseRateBrier { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"AUC {StartingAuc:0.000} → {OutOfSampleAuc:0.000} out of sample ({InSampleAuc:0.000} in sample), {Count} samples, {Churned} churned");
}
