using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
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
    public void Copy_WithADirectDeal_IsRejectedAsADirectDeal()
    {
        // It read "belongs to partner ''", as if a partner had an empty id.
        var original = Examples.WorkedExample();
        var direct = new Opportunity(new OpportunityId("O9"), new AccountId("A"), Day(-10), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct);

        var error = Rejects.Field<ArgumentException>(() => new Partnership(original, opportunities: original.Opportunities.Add(direct)), "opportunities");

        Assert.Contains("('O9') is a direct deal, of no partner,", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("''", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_WithADealReplacedByAnotherId_IsCheckedInFull()
    {
        var original = Examples.WorkedExample();
        var deals = original.Opportunities.SetItem(0, Deal("O2"));

        Rejects.Field<ArgumentException>(() => new Partnership(original, opportunities: deals), "opportunities", "repeats the id 'O2'");
    }

    [Property]
    public Property DealCopy_WithItsRecordKeepingReplaced_EqualsBuildingItAgain() =>
        Prop.ForAll(
            ModelGenerators.Opportunity.ToArbitrary(),
            Gen.Choose(0, 400).ToArbitrary(),
            Gen.Elements<string?>(null, "Qualify", "Closed Won").ToArbitrary(),
            (deal, days, stage) =>
            {
                // Days on or after the deal's creation, as the advisor's changes use: the copy takes each field as given.
                var updated = deal.CreatedOn.AddDays(days);
                var amount = deal.Amount is null ? 0m : null as decimal?;
                var rebuilt = new Opportunity(
                    deal.Id, deal.AccountId, deal.CreatedOn, deal.Motion, deal.Source, deal.Route, deal.Outcome, amount, deal.PartnerId, deal.District,
                    deal.RegisteredOn, updated, updated, deal.ClosedOn, deal.LossReason, stage);

                Assert.Equal(rebuilt, new Opportunity(deal, amount, updated, updated, stage));
            });

    [Fact]
    public void DealCopy_ChecksWhatItReplaces()
    {
        var deal = Deal("O7");

        Rejects.Field<ArgumentOutOfRangeException>(() => new Opportunity(deal, -1m, null, null, null), "amount");
        Rejects.Field<ArgumentOutOfRangeException>(() => new Opportunity(deal, null, deal.CreatedOn.AddDays(-1), null, null), "lastUpdatedOn");
        Rejects.Field<ArgumentOutOfRangeException>(() => new Opportunity(deal, null, null, deal.CreatedOn.AddDays(-1), null), "expectedCloseOn");
        Assert.Null(new Opportunity(deal, null, null, null, "   ").Stage);
    }
}
