using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Health;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Partners;

/// <summary>The internal copy the advisor's what-ifs build: unchanged lists are reused, changed ones checked as the constructor checks them.</summary>
public class PartnershipCopyTests
{
    private static Opportunity Deal(string id, PartnerId? partner = null) =>
        new(new OpportunityId(id), new AccountId("A"), Day(-10), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, partnerId: partner ?? Id);

    [Fact]
    public void Copy_WithNothingChanged_EqualsTheOriginal()
    {
        var original = Examples.WorkedExample();

        Assert.Equal(original, new Partnership(original));
    }

    [Fact]
    public void Copy_WithAnAddedCommitment_EqualsBuildingItAgain()
    {
        var original = Examples.WorkedExample();
        var kept = new Commitment(Side.Vendor, T, CommitmentOutcome.Kept, T);

        Assert.Equal(
            new Partnership(original.Partner, original.StartedOn, original.RequiredCompetencies, original.Commitments.Add(kept), original.Interactions, original.Certifications, original.Deliveries, original.JointPlan, original.Opportunities),
            new Partnership(original, commitments: original.Commitments.Add(kept)));
    }

    [Theory]
    [InlineData("O1", null, "repeats the id 'O1'")]
    [InlineData("O9", "P-2", "belongs to partner 'P-2'")]
    public void Copy_WithABadAppendedDeal_IsRejectedAsTheConstructorRejectsIt(string id, string? partner, string message)
    {
        var original = Examples.WorkedExample();

        var error = Rejects.Field<ArgumentException>(() => new Partnership(original, opportunities: original.Opportunities.Add(Deal(id, partner is null ? null : new PartnerId(partner)))), "opportunities");

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_WithADealReplacedByAnotherId_IsCheckedInFull()
    {
        var original = Examples.WorkedExample();
        var deals = original.Opportunities.SetItem(0, Deal("O2"));

        Rejects.Field<ArgumentException>(() => new Partnership(original, opportunities: deals), "opportunities", "repeats the id 'O2'");
    }
}
