using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Pipeline;

public class OpportunityTests
{
    private static readonly DateOnly Created = new(2025, 2, 1);

    private static Opportunity Deal(
        DealOutcome outcome = DealOutcome.Open,
        decimal? amount = 1000m,
        DateOnly? closedOn = null,
        DateOnly? registeredOn = null,
        DateOnly? lastUpdatedOn = null,
        DateOnly? expectedCloseOn = null,
        string? lossReason = null,
        PartnerId? partnerId = null) =>
        new(new OpportunityId("O-1"), new AccountId("A-1"), Created, DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            outcome, amount, partnerId, "North", registeredOn, lastUpdatedOn, expectedCloseOn, closedOn, lossReason, "Propose");

    [Fact]
    public void Constructor_NegativeAmount_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => Deal(amount: -0.01m), "amount", "-0.01");

    /// <summary>
    /// An amount finer than ten-thousandths is rejected: a third of a deal (28 digits) made sums depend on the order and
    /// the split of the deals, so a merged accumulator differed from one pass and its own JSON was refused. Trailing zeros
    /// are no finer, and a snapshot's revenue follows the same rule.
    /// </summary>
    [Fact]
    public void Constructor_AmountFinerThanTenThousandths_Throws_TrailingZerosAreNot()
    {
        Rejects.Field<ArgumentOutOfRangeException>(() => Deal(amount: 100m / 3m), "amount", "'amount' must have at most 4 decimal places, so that sums of amounts stay exact; got 33.333333333333333333333333333.");
        Rejects.Field<ArgumentOutOfRangeException>(() => Deal(amount: 0.00001m), "amount", "got 0.00001.");
        Rejects.Field<ArgumentOutOfRangeException>(() => new RevenueSnapshot(new AccountId("A-1"), Created, 0.12345m), "annualRecurringRevenue", "got 0.12345.");
        Assert.Equal(1.5m, Deal(amount: 1.500000m).Amount);
        Assert.Equal(Opportunity.MaxAmount - 0.0001m, Deal(amount: Opportunity.MaxAmount - 0.0001m).Amount);
    }

    [Fact]
    public void Constructor_ClosedBeforeCreated_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => Deal(DealOutcome.Won, closedOn: Created.AddDays(-1)), "closedOn", "2025-01-31");

    [Fact]
    public void Constructor_RegisteredBeforeCreated_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => Deal(registeredOn: Created.AddDays(-2)), "registeredOn", "2025-01-30");

    [Fact]
    public void Constructor_UpdatedBeforeCreated_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => Deal(lastUpdatedOn: Created.AddDays(-2)), "lastUpdatedOn", "2025-01-30");

    [Fact]
    public void Constructor_ExpectedCloseBeforeCreated_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => Deal(expectedCloseOn: Created.AddDays(-30)), "expectedCloseOn", "2025-01-02");

    [Theory]
    [InlineData(DealOutcome.Won)]
    [InlineData(DealOutcome.Lost)]
    public void Constructor_ClosedOutcomeWithoutCloseDate_Throws(DealOutcome outcome) =>
        Rejects.Field<ArgumentException>(() => Deal(outcome), "closedOn", outcome.ToString());

    [Fact]
    public void Constructor_OpenWithCloseDate_Throws() =>
        Rejects.Field<ArgumentException>(() => Deal(DealOutcome.Open, closedOn: Created.AddDays(5)), "closedOn", "2025-02-06");

    [Theory]
    [InlineData(DealOutcome.Open)]
    [InlineData(DealOutcome.Won)]
    public void Constructor_LossReasonOnDealNotLost_Throws(DealOutcome outcome) =>
        Rejects.Field<ArgumentException>(
            () => Deal(outcome, closedOn: outcome == DealOutcome.Open ? null : Created, lossReason: "Price"),
            "lossReason",
            "'Price'");

    [Fact]
    public void Constructor_DefaultIdentifiers_Throw()
    {
        Rejects.Field<ArgumentException>(() => new Opportunity(default, new AccountId("A"), Created, DealMotion.Renewal, DealSource.Direct, RouteToMarket.Direct), "id");
        Rejects.Field<ArgumentException>(() => new Opportunity(new OpportunityId("O"), default, Created, DealMotion.Renewal, DealSource.Direct, RouteToMarket.Direct), "accountId");
        Rejects.Field<ArgumentException>(() => Deal(partnerId: default(PartnerId)), "partnerId");
    }

    [Fact]
    public void Constructor_UndefinedEnums_Throw()
    {
        var id = new OpportunityId("O");
        var account = new AccountId("A");
        Rejects.Field<ArgumentOutOfRangeException>(() => new Opportunity(id, account, Created, (DealMotion)9, DealSource.Direct, RouteToMarket.Direct), "motion", "9");
        Rejects.Field<ArgumentOutOfRangeException>(() => new Opportunity(id, account, Created, DealMotion.Upsell, (DealSource)9, RouteToMarket.Direct), "source", "9");
        Rejects.Field<ArgumentOutOfRangeException>(() => new Opportunity(id, account, Created, DealMotion.Upsell, DealSource.Direct, (RouteToMarket)9), "route", "9");
        Rejects.Field<ArgumentOutOfRangeException>(() => new Opportunity(id, account, Created, DealMotion.Upsell, DealSource.Direct, RouteToMarket.Direct, (DealOutcome)9), "outcome", "9");
    }

    [Fact]
    public void Constructor_LostDeal_KeepsItsReasonAndClassifiesTheMotion()
    {
        var deal = Deal(DealOutcome.Lost, closedOn: Created.AddDays(40), lossReason: "Competitor", amount: 0m);

        Assert.Equal("Competitor", deal.LossReason);
        Assert.Equal(0m, deal.Amount);
        Assert.Equal(MotionClass.Hunting, deal.MotionClass);
    }

    [Theory]
    [InlineData(DealMotion.NewLogo, MotionClass.Hunting)]
    [InlineData(DealMotion.Expansion, MotionClass.Farming)]
    [InlineData(DealMotion.Renewal, MotionClass.Farming)]
    [InlineData(DealMotion.CrossSell, MotionClass.Farming)]
    [InlineData(DealMotion.Upsell, MotionClass.Farming)]
    public void DealMotion_Class_IsHuntingOnlyForNewLogo(DealMotion motion, MotionClass expected)
    {
        Assert.Equal(expected, motion.Class());
        Assert.Equal(expected == MotionClass.Hunting, motion.IsHunting());
        Assert.Equal(expected == MotionClass.Farming, motion.IsFarming());
    }

    [Fact]
    public void DealMotion_ClassOfUndefinedValue_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => ((DealMotion)17).Class(), "motion", "17");

    [Fact]
    public void RevenueSnapshot_NegativeArr_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new RevenueSnapshot(new AccountId("A-1"), Created, -5m), "annualRecurringRevenue", "-5");

    [Fact]
    public void RevenueSnapshot_DefaultAccount_Throws() =>
        Rejects.Field<ArgumentException>(() => new RevenueSnapshot(default, Created, 5m), "accountId");
}
