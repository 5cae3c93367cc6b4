namespace PartnerMetrics.Validation;

/// <summary>What <see cref="Backtest.Fit"/> maximises when it chooses dimension weights.</summary>
public enum FitObjective
{
    /// <summary>The AUC for churn: how well the score ranks partners that stayed above partners that churned.</summary>
    Auc,

    /// <summary>The log-likelihood of churn under a logistic (Platt) calibration of the score: ranking and spread together.</summary>
    LogLikelihood,
}
