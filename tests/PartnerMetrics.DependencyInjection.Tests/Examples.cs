using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary>A few deals and revenue snapshots, small enough to check by hand.</summary>
internal static class Examples
{
    public static readonly DateOnly Today = new(2025, 6, 30);

    /// <summary>Won: P-1 150 (two deals), P-2 30; lost: P-2 80; open: P-3 200.</summary>
    public static readonly Opportunity[] Deals =
    [
        Deal("O1", "P-1", "A-1", DealMotion.NewLogo, DealOutcome.Won, 100m, new DateOnly(2024, 1, 10), new DateOnly(2024, 3, 1), "North"),
        Deal("O2", "P-1", "A-1", DealMotion.Expansion, DealOutcome.Won, 50m, new DateOnly(2024, 9, 1), new DateOnly(2024, 10, 15), "North"),
        Deal("O3", "P-2", "A-2", DealMotion.NewLogo, DealOutcome.Won, 30m, new DateOnly(2024, 2, 1), new DateOnly(2024, 4, 1), "South"),
        Deal("O4", "P-2", "A-3", DealMotion.Upsell, DealOutcome.Lost, 80m, new DateOnly(2025, 1, 5), new DateOnly(2025, 2, 1), "South"),
        Deal("O5", "P-3", "A-4", DealMotion.NewLogo, DealOutcome.Open, 200m, new DateOnly(2025, 5, 1), null, null),
    ];

    /// <summary>A-1 grows 100 → 120 over the trailing year; A-2 holds 50 until it churns on 15 July 2025.</summary>
    public static readonly RevenueSnapshot[] Snapshots =
    [
        new(new AccountId("A-1"), new DateOnly(2024, 6, 30), 100m),
        new(new AccountId("A-1"), new DateOnly(2025, 6, 30), 120m),
        new(new AccountId("A-2"), new DateOnly(2024, 6, 30), 50m),
        new(new AccountId("A-2"), new DateOnly(2025, 7, 15), 0m),
    ];

    public static readonly Partnership Partnership = new(
        new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller, district: "North"),
        new DateOnly(2024, 1, 1),
        opportunities: Deals[..2]);

    public static FixedClock ClockAt(DateOnly day) => new(new DateTimeOffset(day, new TimeOnly(9, 0), TimeSpan.Zero));

    private static Opportunity Deal(string id, string partner, string account, DealMotion motion, DealOutcome outcome, decimal amount, DateOnly created, DateOnly? closed, string? district) =>
        new(new OpportunityId(id), new AccountId(account), created, motion, DealSource.PartnerSourced, RouteToMarket.Partner, outcome, amount,
            new PartnerId(partner), district, closedOn: closed);
}
