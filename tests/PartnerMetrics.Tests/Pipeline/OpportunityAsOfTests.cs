using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary><see cref="Opportunity.AsOf"/>: a deal as the CRM knew it on a day, so that no view of the past sees the future.</summary>
public class OpportunityAsOfTests
{
    private static readonly Opportunity Won = new(
        new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 10), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
        DealOutcome.Won, 1000m, new PartnerId("P-1"), "North", registeredOn: new DateOnly(2025, 2, 1), lastUpdatedOn: new DateOnly(2025, 3, 1),
        expectedCloseOn: new DateOnly(2025, 2, 20), closedOn: new DateOnly(2025, 3, 1), stage: "Closed Won");

    [Fact]
    public void ADealCreatedAfterTheDay_DidNotExist()
    {
        Assert.Null(Won.AsOf(new DateOnly(2025, 1, 9)));
    }

    [Fact]
    public void ADealClosedOnOrBeforeTheDay_IsItself()
    {
        Assert.Same(Won, Won.AsOf(new DateOnly(2025, 3, 1)));
        Assert.Same(Won, Won.AsOf(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void ADealClosedAfterTheDay_WasStillOpen_WithoutWhatWasNotKnownYet()
    {
        var open = Won.AsOf(new DateOnly(2025, 1, 31))!;

        Assert.Equal(
            (DealOutcome.Open, (DateOnly?)null, (DateOnly?)null, (DateOnly?)null, (string?)null, (DateOnly?)new DateOnly(2025, 2, 20)),
            (open.Outcome, open.ClosedOn, open.RegisteredOn, open.LastUpdatedOn, open.Stage, open.ExpectedCloseOn));
        Assert.Equal((Won.Id, Won.AccountId, Won.Amount, Won.PartnerId, Won.District, Won.Motion), (open.Id, open.AccountId, open.Amount, open.PartnerId, open.District, open.Motion));
        Assert.Equal(new DateOnly(2025, 2, 1), Won.AsOf(new DateOnly(2025, 2, 1))!.RegisteredOn);
    }

    [Fact]
    public void ADealRegisteredOrUpdatedAfterTheDay_IsSeenWithoutThoseDays_OpenOrClosed()
    {
        // Only a deal that closed after the day lost its later update; an open deal, or one closed by the day, kept a
        // registration and an update the CRM did not know of on the day.
        var open = new Opportunity(
            new OpportunityId("O-2"), new AccountId("A-1"), new DateOnly(2025, 1, 10), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            registeredOn: new DateOnly(2025, 2, 1), lastUpdatedOn: new DateOnly(2025, 3, 1), stage: "Proposal");
        var seenOpen = open.AsOf(new DateOnly(2025, 1, 31))!;
        var seenWon = Won.AsOf(new DateOnly(2025, 3, 1))!.AsOf(new DateOnly(2025, 3, 1));
        var closedThenUpdated = new Opportunity(
            Won.Id, Won.AccountId, Won.CreatedOn, Won.Motion, Won.Source, Won.Route, DealOutcome.Won, Won.Amount, Won.PartnerId, Won.District,
            registeredOn: new DateOnly(2025, 2, 1), lastUpdatedOn: new DateOnly(2025, 4, 1), closedOn: new DateOnly(2025, 3, 1), stage: "Closed Won");
        var seenClosed = closedThenUpdated.AsOf(new DateOnly(2025, 3, 15))!;

        Assert.Equal((DealOutcome.Open, (DateOnly?)null, (DateOnly?)null, "Proposal"), (seenOpen.Outcome, seenOpen.RegisteredOn, seenOpen.LastUpdatedOn, seenOpen.Stage));
        Assert.Equal(new DateOnly(2025, 2, 1), open.AsOf(new DateOnly(2025, 2, 1))!.RegisteredOn);
        Assert.Same(Won, seenWon);
        Assert.Equal(
            (DealOutcome.Won, (DateOnly?)new DateOnly(2025, 3, 1), (DateOnly?)new DateOnly(2025, 2, 1), (DateOnly?)null),
            (seenClosed.Outcome, seenClosed.ClosedOn, seenClosed.RegisteredOn, seenClosed.LastUpdatedOn));
        Assert.Same(seenClosed, seenClosed.AsOf(new DateOnly(2025, 3, 15)));
    }

    [Property]
    public Property AsOf_IsWhatTheCrmKnewOnTheDay() =>
        Prop.ForAll(ModelGenerators.Opportunity.ToArbitrary(), Gen.Choose(-400, 400).ToArbitrary(), (deal, offset) =>
        {
            var day = deal.CreatedOn.AddDays(offset);
            var seen = deal.AsOf(day);

            if (deal.CreatedOn > day)
            {
                Assert.Null(seen);
                return;
            }

            Assert.NotNull(seen);
            Assert.Equal(deal.ClosedOn is { } closed && closed > day ? DealOutcome.Open : deal.Outcome, seen.Outcome);
            Assert.True(seen.ClosedOn is null || seen.ClosedOn <= day);
            Assert.True(seen.LastUpdatedOn is null || seen.LastUpdatedOn <= day);
            Assert.True(seen.RegisteredOn is null || seen.RegisteredOn <= day);
            Assert.Same(seen, seen.AsOf(day));
        });
}
