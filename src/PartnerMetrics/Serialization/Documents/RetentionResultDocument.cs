using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>
/// The JSON form of a <see cref="RetentionResult"/> (DOMAIN rule 15): its sums and rates. Reading checks that they agree
/// — the end ARR is the start's with expansion added and contraction and churn taken off, churn comes with churned accounts,
/// the rates are the ones the sums give — and rejects a document whose parts contradict each other at the field that does.
/// </summary>
internal sealed class RetentionResultDocument : IDocument<RetentionResult, RetentionResultDocument>
{
    public long? Accounts { get; set; }

    public decimal? StartArr { get; set; }

    public decimal? EndArr { get; set; }

    public decimal? Expansion { get; set; }

    public decimal? Contraction { get; set; }

    public decimal? Churn { get; set; }

    public long? ChurnedAccounts { get; set; }

    public long? NewAccounts { get; set; }

    public double? NetRevenueRetention { get; set; }

    public double? GrossRevenueRetention { get; set; }

    public static RetentionResultDocument From(RetentionResult model) => new()
    {
        Accounts = model.Accounts,
        StartArr = model.StartArr,
        EndArr = model.EndArr,
        Expansion = model.Expansion,
        Contraction = model.Contraction,
        Churn = model.Churn,
        ChurnedAccounts = model.ChurnedAccounts,
        NewAccounts = model.NewAccounts,
        NetRevenueRetention = model.NetRevenueRetention,
        GrossRevenueRetention = model.GrossRevenueRetention,
    };

    public RetentionResult ToModel()
    {
        var (accounts, churned, added) = (ResultParts.Count(Accounts, "accounts"), ResultParts.Count(ChurnedAccounts, "churnedAccounts"), ResultParts.Count(NewAccounts, "newAccounts"));
        var (start, end) = (ResultParts.Amount(StartArr, "startArr"), ResultParts.Amount(EndArr, "endArr"));
        var (expansion, contraction, churn) = (ResultParts.Amount(Expansion, "expansion"), ResultParts.Amount(Contraction, "contraction"), ResultParts.Amount(Churn, "churn"));
        Agree(churned <= accounts, "churnedAccounts", $"must be at most accounts, {accounts}; got {churned}");
        Agree((accounts > 0) == (start > 0), "startArr", $"must be more than 0 exactly when the cohort has accounts ({accounts}); got {start}");
        Agree((churned > 0) == (churn > 0), "churn", $"must be more than 0 exactly when an account churned ({churned}); got {churn}");
        Agree(ResultParts.Fits(() => contraction + churn <= start), "churn", $"with contraction must be at most startArr, {start}; got {contraction} + {churn}");
        Agree(ResultParts.Fits(() => start + expansion - contraction - churn == end), "endArr", $"must be startArr + expansion − contraction − churn, {start} + {expansion} − {contraction} − {churn}; got {end}");
        // A cohort account that churned ends at 0 and brings its whole start ARR to the churn; one that did not ends above 0.
        Agree((end > 0) == (churned < accounts), "endArr", $"must be more than 0 exactly when a cohort account did not churn (accounts − churnedAccounts, {accounts} − {churned}); got {end}");
        Agree((churn == start) == (churned == accounts), "churn", $"must be startArr exactly when every cohort account churned (accounts {accounts}, churnedAccounts {churned}); got {churn} of {start}");

        var result = new RetentionResult(accounts, start, end, expansion, contraction, churn, churned, added);
        Agree(Nullable.Equals(NetRevenueRetention, result.NetRevenueRetention), "netRevenueRetention", $"must be (startArr + expansion − contraction − churn) ÷ startArr, {(object?)result.NetRevenueRetention ?? "none"}; got {(object?)NetRevenueRetention ?? "none"}");
        Agree(Nullable.Equals(GrossRevenueRetention, result.GrossRevenueRetention), "grossRevenueRetention", $"must be (startArr − contraction − churn) ÷ startArr, {(object?)result.GrossRevenueRetention ?? "none"}; got {(object?)GrossRevenueRetention ?? "none"}");
        return result;
    }
}
