namespace PartnerMetrics.Pipeline;

/// <summary>
/// Brand equity debt (seed 001: "pushing the sale … will eventually become your brand equity debt"):
/// the share, by value, of won new-logo deals whose account churned or lost at least half its ARR
/// within twelve months of the close.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.DocumentConverter<BrandEquityDebtResult, Serialization.Documents.BrandEquityDebtResultDocument>))]
public sealed record BrandEquityDebtResult
{
    /// <summary>A result from its counts and values; the share follows from them (none without judged value).</summary>
    internal BrandEquityDebtResult(long judgedDeals, long debtDeals, long unjudgedDeals, decimal judgedValue, decimal debtValue)
    {
        JudgedDeals = judgedDeals;
        DebtDeals = debtDeals;
        UnjudgedDeals = unjudgedDeals;
        JudgedValue = judgedValue;
        DebtValue = debtValue;
        Share = judgedValue > 0 ? (double)(debtValue / judgedValue) : null;
    }

    /// <summary>Gets the number of won new-logo deals with at least one snapshot of their account in the twelve months from the close.</summary>
    public long JudgedDeals { get; }

    /// <summary>Gets the number of judged deals whose account fell to half its ARR or less.</summary>
    public long DebtDeals { get; }

    /// <summary>Gets the number of won new-logo deals without a snapshot in that window: left out.</summary>
    public long UnjudgedDeals { get; }

    /// <summary>Gets the value of the judged deals.</summary>
    public decimal JudgedValue { get; }

    /// <summary>Gets the value of the debt deals.</summary>
    public decimal DebtValue { get; }

    /// <summary>Gets <see cref="DebtValue"/> ÷ <see cref="JudgedValue"/>, in [0, 1]; <see langword="null"/> when no value was judged.</summary>
    public double? Share { get; }
}
