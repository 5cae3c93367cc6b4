using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class PortfolioDocument : IDocument<Portfolio, PortfolioDocument>
{
    public List<PartnershipDocument?>? Partnerships { get; set; }

    public List<OpportunityDocument?>? Opportunities { get; set; }

    public List<RevenueSnapshotDocument?>? RevenueSnapshots { get; set; }

    public static PortfolioDocument From(Portfolio model) => new()
    {
        Partnerships = From<Partnership, PartnershipDocument>(model.Partnerships),
        Opportunities = From<Opportunity, OpportunityDocument>(model.Opportunities),
        RevenueSnapshots = From<RevenueSnapshot, RevenueSnapshotDocument>(model.RevenueSnapshots),
    };

    public Portfolio ToModel() => Build(this, static d => new Portfolio(
        Items<Partnership, PartnershipDocument>(d.Partnerships, "partnerships"),
        Items<Opportunity, OpportunityDocument>(d.Opportunities, "opportunities"),
        Items<RevenueSnapshot, RevenueSnapshotDocument>(d.RevenueSnapshots, "revenueSnapshots")));
}
