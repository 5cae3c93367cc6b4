using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Pipeline;

/// <summary>An account's annual recurring revenue on a day, the input of retention (NRR, GRR) and brand equity debt.</summary>
[JsonConverter(typeof(DocumentConverter<RevenueSnapshot, RevenueSnapshotDocument>))]
public sealed record RevenueSnapshot
{
    /// <summary>Initializes a new instance of the <see cref="RevenueSnapshot"/> class.</summary>
    /// <param name="accountId">The customer account.</param>
    /// <param name="date">The day of the snapshot.</param>
    /// <param name="annualRecurringRevenue">The account's ARR on that day; from 0 (churned) to <see cref="Opportunity.MaxAmount"/>, with at most <see cref="Opportunity.MaxDecimals"/> decimal places.</param>
    /// <exception cref="ArgumentException"><paramref name="accountId"/> is the default identifier.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="annualRecurringRevenue"/> is negative, above <see cref="Opportunity.MaxAmount"/> or finer than <see cref="Opportunity.MaxDecimals"/> decimal places.</exception>
    public RevenueSnapshot(AccountId accountId, DateOnly date, decimal annualRecurringRevenue)
    {
        AccountId = Ensure.Present(accountId, nameof(accountId));
        Date = date;
        AnnualRecurringRevenue = Ensure.Money(annualRecurringRevenue, nameof(annualRecurringRevenue));
    }

    /// <summary>Gets the customer account.</summary>
    public AccountId AccountId { get; }

    /// <summary>Gets the day of the snapshot.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets the annual recurring revenue on that day.</summary>
    public decimal AnnualRecurringRevenue { get; }
}
