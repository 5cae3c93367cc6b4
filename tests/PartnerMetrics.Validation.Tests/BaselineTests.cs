using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Validation.Baselines;

namespace PartnerMetrics.Validation.Tests;

public sealed class BaselineTests
{
    private static readonly DateOnly T = new(2025, 6, 30);
    private static readonly Partner Partner = new(new PartnerId("p1"), "Partner 1", PartnerType.Reseller);

    [Fact]
    public void SimpleSignals_NoEvidence_NeutralRatesAndNoActivity()
    {
        var empty = new Partnership(Partner, T.AddDays(-400));

        Assert.Equal(0, SimpleSignals.ActivityLast90Days(empty, T));
        Assert.Equal(SimpleSignals.NeutralRate, SimpleSignals.PartnerKeptRate(empty, T));
        Assert.Equal(SimpleSignals.NeutralRate, SimpleSignals.WinRate(empty, T));
    }

    [Fact]
    public void SimpleSignals_MixedEvidence_HandCountedValues()
    {
        var partnership = new Partnership(
            Partner,
            T.AddDays(-400),
            commitments:
            [
                new Commitment(Side.Partner, T.AddDays(-50), CommitmentOutcome.Kept, T.AddDays(-51)),
                new Commitment(Side.Partner, T.AddDays(-40), CommitmentOutcome.KeptLate, T.AddDays(-30)),
                new Commitment(Side.Partner, T.AddDays(-20), CommitmentOutcome.Broken, T.AddDays(-10)),
                new Commitment(Side.Partner, T.AddDays(-5), CommitmentOutcome.Open),
                new Commitment(Side.Vendor, T.AddDays(-5), CommitmentOutcome.Broken, T.AddDays(-1)),
            ],
            interactions:
            [
                new Interaction(T.AddDays(-89), InteractionKind.Call, Side.Partner),
                new Interaction(T.AddDays(-90), InteractionKind.Call, Side.Partner),
                new Interaction(T, InteractionKind.Email, Side.Vendor),
                new Interaction(T.AddDays(1), InteractionKind.Email, Side.Vendor),
            ],
            opportunities:
            [
                Deal("o1", DealOutcome.Won, T.AddDays(-10)),
                Deal("o2", DealOutcome.Lost, T.AddDays(-364)),
                Deal("o3", DealOutcome.Lost, T.AddDays(-365)),
                Deal("o4", DealOutcome.Open, null),
            ]);

        // Days T−89 … T: two of the four interactions. Partner: kept 2 (one late), broken 1, open ignored → 2/3.
        // Deals closed T−364 … T: one won, one lost → 1/2.
        Assert.Equal(2, SimpleSignals.ActivityLast90Days(partnership, T));
        Assert.Equal(2.0 / 3, SimpleSignals.PartnerKeptRate(partnership, T));
        Assert.Equal(0.5, SimpleSignals.WinRate(partnership, T));
    }

    [Fact]
    public void RagScorecard_HandScoredPartnership_PointsStatusAndBand()
    {
        // Activity: 5 interactions in 90 days → amber 10. Kept: 4 of 5 = 80 % → green 25.
        // Escalations: one open → amber 10. Last meeting 20 days ago → green 25. Total 70 → Green → Healthy.
        var partnership = new Partnership(
            Partner,
            T.AddDays(-400),
            commitments: [.. Enumerable.Range(1, 4).Select(i => new Commitment(Side.Partner, T.AddDays(-10 * i), CommitmentOutcome.Kept, T.AddDays(-10 * i))), new Commitment(Side.Partner, T.AddDays(-60), CommitmentOutcome.Broken, T.AddDays(-55))],
            interactions:
            [
                new Interaction(T.AddDays(-20), InteractionKind.Meeting, Side.Partner),
                new Interaction(T.AddDays(-30), InteractionKind.Email, Side.Partner),
                new Interaction(T.AddDays(-40), InteractionKind.Email, Side.Vendor),
                new Interaction(T.AddDays(-50), InteractionKind.Escalation, Side.Partner),
                new Interaction(T.AddDays(-60), InteractionKind.Escalation, Side.Vendor, resolvedOn: T.AddDays(-58)),
            ]);

        var points = RagScorecard.Points(partnership, T);

        Assert.Equal([Rag.Amber, Rag.Green, Rag.Amber, Rag.Green], RagScorecard.Measures.Select(m => m.Status(partnership, T)));
        Assert.Equal(70, points);
        Assert.Equal(Rag.Green, RagScorecard.Status(points));
        Assert.Equal(HealthBand.Healthy, RagScorecard.Band(RagScorecard.Status(points)));
        Assert.Equal(HealthBand.AtRisk, RagScorecard.Band(RagScorecard.Status(RagScorecard.Points(new Partnership(Partner, T.AddDays(-400)), T))));
    }

    private static Opportunity Deal(string id, DealOutcome outcome, DateOnly? closed) => new(
        new OpportunityId(id),
        new AccountId("a-" + id),
        T.AddDays(-500),
        DealMotion.NewLogo,
        DealSource.PartnerSourced,
        RouteToMarket.Partner,
        outcome,
        partnerId: Partner.Id,
        closedOn: closed);
}
