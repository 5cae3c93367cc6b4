using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Benchmarks;

/// <summary>A deterministic, CRM-shaped pipeline of any size: 12 districts, 500 partners, ten years of deals in every motion and outcome.</summary>
public static class SyntheticPipeline
{
    private static readonly string[] Districts = [.. Enumerable.Range(1, 12).Select(d => $"District {d}")];
    private static readonly PartnerId[] Partners = [.. Enumerable.Range(1, 500).Select(p => new PartnerId($"P-{p:D4}"))];
    private static readonly AccountId[] Accounts = [.. Enumerable.Range(1, 20_000).Select(a => new AccountId($"A-{a:D6}"))];

    public static Opportunity[] Create(int count, int seed = 11)
    {
        var random = new Random(seed);
        var first = new DateOnly(2016, 1, 1).DayNumber;
        var deals = new Opportunity[count];
        for (var i = 0; i < count; i++)
        {
            var created = DateOnly.FromDayNumber(first + random.Next(3650));
            var outcome = (DealOutcome)random.Next(3);
            var partner = random.Next(5) == 0 ? (PartnerId?)null : Partners[random.Next(Partners.Length)];
            deals[i] = new Opportunity(
                new OpportunityId($"O-{i}"),
                Accounts[random.Next(Accounts.Length)],
                created,
                (DealMotion)random.Next(5),
                (DealSource)random.Next(4),
                partner is null ? RouteToMarket.Direct : RouteToMarket.Partner,
                outcome,
                random.Next(1, 1_000_000) / 100m,
                partner,
                Districts[random.Next(Districts.Length)],
                closedOn: outcome == DealOutcome.Open ? null : created.AddDays(random.Next(1, 365)),
                lossReason: outcome == DealOutcome.Lost ? "Price" : null);
        }

        return deals;
    }
}
