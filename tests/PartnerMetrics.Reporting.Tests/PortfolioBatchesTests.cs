using PartnerMetrics.Health;
using PartnerMetrics.Partners;

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
