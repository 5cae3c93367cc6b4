using System.Globalization;

namespace PartnerMetrics.Validation;

/// <summary>How <see cref="Backtest.Fit"/> fits weights and a calibration to a company's own outcomes.</summary>
public sealed record FitOptions
{
    /// <summary>Gets the default options: 5 folds, AUC, Platt scaling, at least 30 churners, seed 0.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>Gets the number of cross-validation folds; partners, not samples, are split, so no partner is in both a training and a test fold.</summary>
    /// <value>5 by default; from 2 to 100.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [2, 100].</exception>
    public int Folds
    {
        get;
        init => field = value is >= 2 and <= 100
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Folds), value, $"'{nameof(Folds)}' must be from 2 to 100; got {value}.");
    } = 5;

    /// <summary>Gets what the weights maximise.</summary>
    /// <value><see cref="FitObjective.Auc"/> by default.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="FitObjective"/>.</exception>
    public FitObjective Objective { get; init => field = Ensure.Defined(value, nameof(Objective)); } = FitObjective.Auc;

    /// <summary>Gets which weights are fitted: the dimension weights only, or the factor weights inside the dimensions as well.</summary>
    /// <value><see cref="FitWeights.Dimensions"/> by default.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="FitWeights"/>.</exception>
    public FitWeights Weights { get; init => field = Ensure.Defined(value, nameof(Weights)); } = FitWeights.Dimensions;

    /// <summary>Gets how a score becomes a churn probability.</summary>
    /// <value><see cref="CalibrationMethod.Platt"/> by default.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="CalibrationMethod"/>.</exception>
    public CalibrationMethod Calibration { get; init => field = Ensure.Defined(value, nameof(Calibration)); } = CalibrationMethod.Platt;

    /// <summary>
    /// Gets the fewest partners with a sample that churned, and the fewest with a sample that stayed,
    /// that a fit accepts. Partners are counted, not samples: several as-of days of one partner are not
    /// independent. With fewer, fitted weights describe noise; the fit refuses rather than return them.
    /// </summary>
    /// <value>30 by default; at least 2.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int MinimumChurners
    {
        get;
        init => field = value >= 2
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinimumChurners), value, $"'{nameof(MinimumChurners)}' must be at least 2; got {value.ToString(CultureInfo.InvariantCulture)}.");
    } = 30;

    /// <summary>Gets the seed of the assignment of partners to folds; the same seed always gives the same folds and the same fit.</summary>
    /// <value>0 by default.</value>
    public int Seed { get; init; }
}
