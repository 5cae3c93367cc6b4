using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests;

public partial class PortfolioTests
{
    private static readonly DateOnly Day = new(2025, 1, 1);

    private static Partnership PartnershipOf(string id, params Opportunity[] deals) =>
        new(new Partner(new PartnerId(id), $"Partner {id}", PartnerType.Isv), Day, opportunities: deals);

    private static Opportunity Deal(string id, string? partner) =>
        new(new OpportunityId(id), new AccountId("A-1"), Day, DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            partnerId: partner is null ? null : new PartnerId(partner));

    [Fact]
    public void Constructor_RepeatedPartner_Throws() =>
        Rejects.Field<ArgumentException>(() => new Portfolio([PartnershipOf("P-1"), PartnershipOf("P-1")]), "partnerships", "'P-1'");

    [Fact]
    public void Constructor_OpportunityIdInTwoPartnerships_Throws() =>
        Rejects.Field<ArgumentException>(
            () => new Portfolio([PartnershipOf("P-1", Deal("O-1", "P-1")), PartnershipOf("P-2", Deal("O-1", "P-2"))]),
            "partnerships",
            "'O-1'");

    [Fact]
    public void Constructor_DirectOpportunityRepeatingAnId_Throws() =>
        Rejects.Field<ArgumentException>(
            () => new Portfolio([PartnershipOf("P-1", Deal("O-1", "P-1"))], [Deal("O-1", null)]),
            "opportunities",
            "'O-1'");

    [Fact]
    public void Constructor_OpportunityOutsideItsPartnership_Throws() =>
        Rejects.Field<ArgumentException>(() => new Portfolio([PartnershipOf("P-1")], [Deal("O-1", "P-1")]), "opportunities", "'P-1'");

    [Fact]
    public void Constructor_RepeatedSnapshotForAccountAndDay_Throws() =>
        Rejects.Field<ArgumentException>(
            () => new Portfolio(revenueSnapshots: [new RevenueSnapshot(new AccountId("A-1"), Day, 10m), new RevenueSnapshot(new AccountId("A-1"), Day, 12m)]),
            "revenueSnapshots",
            "2025-01-01");

    [Fact]
    public void Constructor_NullItems_Throw()
    {
        Rejects.Field<ArgumentException>(() => new Portfolio([null!]), "partnerships");
        Rejects.Field<ArgumentException>(() => new Portfolio(opportunities: [null!]), "opportunities");
        Rejects.Field<ArgumentException>(() => new Portfolio(revenueSnapshots: [null!]), "revenueSnapshots");
    }

    [Fact]
    public void AllOpportunities_ListsPartnershipDealsThenTheRest()
    {
        var portfolio = new Portfolio(
            [PartnershipOf("P-1", Deal("O-1", "P-1"), Deal("O-2", "P-1")), PartnershipOf("P-2", Deal("O-3", "P-2"))],
            [Deal("O-4", null), Deal("O-5", "P-9")]);

        Assert.Equal(["O-1", "O-2", "O-3", "O-4", "O-5"], portfolio.AllOpportunities().Select(o => o.Id.Value));
    }

    [Fact]
    public void Constructor_Empty_IsValid()
    {
        var empty = new Portfolio();

        Assert.Empty(empty.Partnerships);
        Assert.Empty(empty.AllOpportunities());
        Assert.Equal(new Portfolio([], [], []), empty);
    }
}
