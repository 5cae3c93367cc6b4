namespace PartnerMetrics.Pipeline;

/// <summary>
/// Brand equity debt (seed 001: "pushing the sale … will eventually become your brand equity debt"):
/// the share, by value, of won new-logo deals whose account churned or lost at least half its ARR
/// within twelve months of the close.
/// </summary>
/// <param name="JudgedDeals">Won new-logo deals with at least one snapshot of their account in the twelve months from the close.</param>
/// <param name="DebtDeals">Judged deals whose account fell to half its ARR or less.</param>
/// <param name="UnjudgedDeals">Won new-logo deals without a snapshot in that window: left out.</param>
/// <param name="JudgedValue">The value of the judged deals.</param>
/// <param name="DebtValue">The value of the debt deals.</param>
/// <param name="Share">DebtValue ÷ JudgedValue, in [0, 1]; <see langword="null"/> when no value was judged.</param>
public sealed record BrandEquityDebtResult(long JudgedDeals, long DebtDeals, long UnjudgedDeals, decimal JudgedValue, decimal DebtValue, double? Share);
