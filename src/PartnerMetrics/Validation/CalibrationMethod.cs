namespace PartnerMetrics.Validation;

/// <summary>How <see cref="Backtest.Fit"/> turns a score into a churn probability.</summary>
public enum CalibrationMethod
{
    /// <summary>Platt scaling: a logistic curve in the score, with Platt's smoothed targets; smooth and never exactly 0 or 1.</summary>
    Platt,

    /// <summary>Isotonic regression (pool-adjacent-violators): a step function, never rising as the score rises; follows the data closely and needs more of it.</summary>
    Isotonic,
}
