namespace PartnerMetrics.Pipeline;

/// <summary>
/// Revenue retention over a window, for the accounts with ARR at its start: NRR and GRR, and the
/// expansion, contraction and churn behind them. Rates are <see langword="null"/> when no account had ARR at the start.
/// </summary>
/// <param name="Accounts">Accounts with ARR at the window start (the cohort).</param>
/// <param name="StartArr">The cohort's ARR at the start.</param>
/// <param name="EndArr">The cohort's ARR at the end.</param>
/// <param name="Expansion">ARR added by cohort accounts that grew.</param>
/// <param name="Contraction">ARR lost by cohort accounts that shrank but stayed.</param>
/// <param name="Churn">ARR lost by cohort accounts that went to 0.</param>
/// <param name="ChurnedAccounts">Cohort accounts at 0 at the end.</param>
/// <param name="NewAccounts">Accounts with ARR at the end but none at the start (outside the cohort).</param>
/// <param name="NetRevenueRetention">(start + expansion − contraction − churn) ÷ start.</param>
/// <param name="GrossRevenueRetention">(start − contraction − churn) ÷ start, in [0, 1].</param>
public sealed record RetentionResult(
    long Accounts,
    decimal StartArr,
    decimal EndArr,
    decimal Expansion,
    decimal Contraction,
    decimal Churn,
    long ChurnedAccounts,
    long NewAccounts,
    double? NetRevenueRetention,
    double? GrossRevenueRetention);
