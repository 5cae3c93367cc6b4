using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Reporting.Tests;

public sealed class PortfolioBatchesTests
{
    [Fact]
    public void Score_WorkAlongside_ComesWithItsOwnPartnershipInOrder()
    {
        // More partnerships than a batch, read as a sequence (not a collection): batches, read ahead, and the work alongside on all cores.
        var one = ReportPage.Portfolio().Partnerships[0];
        var partnerships = Enumerable.Range(0, PortfolioBatches.Size + 7)
            .Select(i => new Partnership(new Partner(new PartnerId($"P-{i}"), $"Partner {i}", one.Partner.Type, one.Partner.Tier, one.Partner.District, one.StartedOn), one.StartedOn))
            .ToArray();
        var seen = new List<(string Partner, string Alongside)>();

        PortfolioBatches.Score(
            partnerships.Select(p => p),
            new HealthScorer(),
            ReportPage.AsOf,
            new DistrictDeals(ReportPage.AsOf),
            partnership => partnership.Partner.Id.ToString(),
            (partnership, _, _, alongside) => seen.Add((partnership.Partner.Id.ToString(), alongside)));

        Assert.Equal([.. partnerships.Select(p => (p.Partner.Id.ToString(), p.Partner.Id.ToString()))], seen);
    }

    [Fact]
    public void Score_APartnershipStartingAfterTheDay_IsCountedNotScoredAndItsDealsCount()
    {
        // Every other partnership starts the day after: neither scored nor given work alongside, but counted, and its deal
        // (created and won before the day, as the CRM knew it) still counts per district. The one home of the rule that the
        // tool's summary and the HTML page both follow.
        var one = ReportPage.Portfolio().Partnerships[0];
        var later = ReportPage.AsOf.AddDays(1);
        var partnerships = Enumerable.Range(0, 9)
            .Select(i =>
            {
                var partner = new Partner(new PartnerId($"P-{i}"), $"Partner {i}", one.Partner.Type, one.Partner.Tier, "North", one.StartedOn);
                var won = new Opportunity(
                    new OpportunityId($"O-{i}"), new AccountId($"A-{i}"), ReportPage.AsOf.AddDays(-30), DealMotion.NewLogo, DealSource.PartnerSourced,
                    RouteToMarket.Partner, DealOutcome.Won, 100m, partnerId: partner.Id, district: "North", closedOn: ReportPage.AsOf.AddDays(-1));
                return new Partnership(partner, i % 2 == 0 ? one.StartedOn : later, opportunities: [won]);
            })
            .ToArray();
        var districts = new DistrictDeals(ReportPage.AsOf);
        var (scored, alongside) = (new List<string>(), new System.Collections.Concurrent.ConcurrentBag<string>());

        var left = PortfolioBatches.Score(
            partnerships,
            new HealthScorer(),
            ReportPage.AsOf,
            districts,
            partnership =>
            {
                alongside.Add(partnership.Partner.Id.ToString());
                return 0;
            },
            (partnership, _, _, _) => scored.Add(partnership.Partner.Id.ToString()));

        Assert.Equal(4, left);
        Assert.Equal(["P-0", "P-2", "P-4", "P-6", "P-8"], scored);
        Assert.Equal(["P-0", "P-2", "P-4", "P-6", "P-8"], alongside.Order(StringComparer.Ordinal));
        Assert.Equal(9, Assert.Single(districts.Result().Groups).Result.WonCount);
    }

    [Fact]
    public void Score_WorkAlongsideThatThrows_ThrowsItsExceptionUnwrapped()
    {
        var failure = new InvalidOperationException("the history failed");
        var partnerships = ReportPage.Portfolio().Partnerships;

        var thrown = Assert.Throws<InvalidOperationException>(() => PortfolioBatches.Score<int>(
            partnerships,
            new HealthScorer(),
            ReportPage.AsOf,
            new DistrictDeals(ReportPage.AsOf),
            partnership => partnership == partnerships[^1] ? throw failure : 0,
            (_, _, _, _) => { }));

        Assert.Same(failure, thrown);
    }
}
