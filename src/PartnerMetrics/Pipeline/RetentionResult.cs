namespace PartnerMetrics.Pipeline;

/// <summary>
/// Revenue retention over a window, for the accounts with ARR at its start: NRR and GRR, and the
/// expansion, contraction and churn behind them. Rates are <see langword="null"/> when no account had ARR at the start.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.DocumentConverter<RetentionResult, Serialization.Documents.RetentionResultDocument>))]
public sealed record RetentionResult
{
    /// <summary>A result from its sums; the rates follow from them (NRR and GRR over the start ARR, none without one).</summary>
    internal RetentionResult(long accounts, decimal startArr, decimal endArr, decimal expansion, decimal contraction, decimal churn, long churnedAccounts, long newAccounts)
    {
        Accounts = accounts;
        StartArr = startArr;
        EndArr = endArr;
        Expansion = expansion;
        Contraction = contraction;
        Churn = churn;
        ChurnedAccounts = churnedAccounts;
        NewAccounts = newAccounts;
        NetRevenueRetention = startArr > 0 ? (double)((startArr + expansion - contraction - churn) / startArr) : null;
        GrossRevenueRetention = startArr > 0 ? (double)((startArr - contraction - churn) / startArr) : null;
    }

    /// <summary>Gets the number of accounts with ARR at the window start (the cohort).</summary>
    public long Accounts { get; }

    /// <summary>Gets the cohort's ARR at the start.</summary>
    public decimal StartArr { get; }

    /// <summary>Gets the cohort's ARR at the end.</summary>
    public decimal EndArr { get; }

    /// <summary>Gets the ARR added by cohort accounts that grew.</summary>
    public decimal Expansion { get; }

    /// <summary>Gets the ARR lost by cohort accounts that shrank but stayed.</summary>
    public decimal Contraction { get; }

    /// <summary>Gets the ARR lost by cohort accounts that went to 0.</summary>
    public decimal Churn { get; }

    /// <summary>Gets the number of cohort accounts at 0 at the end.</summary>
    public long ChurnedAccounts { get; }

    /// <summary>Gets the number of accounts with ARR at the end but none at the start (outside the cohort).</summary>
    public long NewAccounts { get; }

    /// <summary>Gets (start + expansion − contraction − churn) ÷ start.</summary>
    public double? NetRevenueRetention { get; }

    /// <summary>Gets (start − contraction − churn) ÷ start, in [0, 1].</summary>
    public double? GrossRevenueRetention { get; }
}
