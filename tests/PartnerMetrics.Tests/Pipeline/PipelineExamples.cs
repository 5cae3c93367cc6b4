using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>Eight hand-checked deals; the expected metrics are worked out in <see cref="PipelineAccumulatorTests"/>.</summary>
internal static class PipelineExamples
{
    public static readonly DateOnly D = new(2025, 1, 1);

    /// <summary>Options that turn every optional metric on: a remaining target, the top three partners and the top two customers.</summary>
    public static readonly PipelineOptions FullOptions = new() { RemainingTarget = 1_000_000m, TopPartners = 3, TopCustomers = 2 };

    /// <summary>The grouping of the full-analytics report: district × motion class × quarter of creation.</summary>
    public static (string?, MotionClass, Quarter) DistrictClassQuarter(Opportunity o) => (o.District, o.MotionClass, PipelineKeys.Quarter(o));

    public static readonly Opportunity[] Deals =
    [
        Deal("O1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 100m, D, D.AddDays(10), "North"),
        Deal("O2", "P-1", DealMotion.Expansion, DealSource.VendorReferred, RouteToMarket.Partner, DealOutcome.Won, 50m, D, D.AddDays(20), "North"),
        Deal("O3", "P-2", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Marketplace, DealOutcome.Won, 30m, D, D.AddDays(30), "South"),
        Deal("O4", null, DealMotion.Renewal, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, 20m, D, D.AddDays(40), "South"),
        Deal("O5", "P-2", DealMotion.Upsell, DealSource.CoSell, RouteToMarket.Partner, DealOutcome.Lost, 80m, D, D.AddDays(15), "North", "Price"),
        Deal("O6", "P-3", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Open, 200m, D, null, "North", expectedClose: D.AddDays(30)),
        Deal("O7", null, DealMotion.CrossSell, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Open, null, D, null, "South"),
        Deal("O8", "P-3", DealMotion.NewLogo, DealSource.VendorReferred, RouteToMarket.Partner, DealOutcome.Lost, 0m, new DateOnly(2024, 3, 1), new DateOnly(2024, 6, 1), null),
    ];

    public static Opportunity Deal(
        string id,
        string? partner,
        DealMotion motion,
        DealSource source,
        RouteToMarket route,
        DealOutcome outcome,
        decimal? amount,
        DateOnly created,
        DateOnly? closed,
        string? district,
        string? lossReason = null,
        DateOnly? expectedClose = null,
        string account = "A-1") =>
        new(new OpportunityId(id), new AccountId(account), created, motion, source, route, outcome, amount,
            partner is null ? null : new PartnerId(partner), district, expectedCloseOn: expectedClose, closedOn: closed, lossReason: lossReason);

    /// <summary>An account's ARR on a day.</summary>
    public static RevenueSnapshot Arr(string account, DateOnly date, decimal arr) => new(new AccountId(account), date, arr);
}
