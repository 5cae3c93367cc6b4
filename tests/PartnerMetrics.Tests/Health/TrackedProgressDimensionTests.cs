using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

public class TrackedProgressDimensionTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void Score_DealsRegisteredUpdatedAndFilledIn()
    {
        // H = 90 d; weights by the age of the day the CRM knew each deal, its registration: w1 = 2^(−8/90) (O1),
        // w2 = 2^(−80/90) (O2), w3 = 2^(−39/90) (O3) (by creation age until model 2.5: 10, 100 and 40 days).
        // O4 is registered tomorrow: the CRM does not know it yet. Rates are posteriors (p + 1) / (p + n + 2).
        // Timeliness: O1 (2 days) and O3 (1 day) within 7, O2 (20 days) late:
        //   p = w1 + w3, n = w2 → (w1 + w3 + 1) / (w1 + w2 + w3 + 2), e = w1 + w2 + w3
        // Freshness: open O1 updated 2 days ago (fresh), O3 30 days ago (stale); O2 is closed:
        //   p = 1, n = 1 (counted, not weighted) → (1 + 1) / (2 + 2) = 0.5, e = 2
        // Completeness: each deal's weight split into its filled and missing thirds. O1 3 of 3, O2 0 of 3, O3 1 of 3:
        //   p = (3 w1 + w3) / 3, n = (3 w2 + 2 w3) / 3, p + n = w1 + w2 + w3 → (p + 1) / (w1 + w2 + w3 + 2)
        // Cadence (a fact): activity in weeks 0, 1 (O1), 4, 5 (O3), 7 (O2 closed), 11 (O2 registered) → 6 of 12;
        //   certainty = maturity min(1, 365 / 90) = 1
        // Progress = 100 × (0.1 × timeliness + 0.05 × 0.5 + 0.05 × completeness + 0.8 × 0.5)
        //          = 100 × (0.1 × 0.63514 + 0.025 + 0.05 × 0.51817 + 0.4) = 51.4422
        double w1 = W(8, 90), w2 = W(80, 90), w3 = W(39, 90);
        var e = w1 + w2 + w3;
        var timeliness = (w1 + w3 + 1) / (e + 2);
        var completeness = ((((3 * w1) + w3) / 3) + 1) / (e + 2);

        var report = Scorer.Score(Empty(365).With(opportunities: Deals), T);

        Assert.Equal(timeliness, report.Factor(FactorCodes.ProgressRegistrationTimeliness)!.Value.Value!.Value, 10);
        Assert.Equal(0.5, report.Factor(FactorCodes.ProgressPipelineFreshness)!.Value.Value);
        Assert.Equal(completeness, report.Factor(FactorCodes.ProgressDataCompleteness)!.Value.Value!.Value, 10);
        Assert.Equal(0.5, report.Factor(FactorCodes.ProgressWeeklyCadence)!.Value.Value);
        Assert.Equal(100 * ((0.1 * timeliness) + (0.05 * 0.5) + (0.05 * completeness) + (0.8 * 0.5)), report[HealthDimension.TrackedProgress].Score!.Value, 9);
        Assert.Equal(51.44, report[HealthDimension.TrackedProgress].Score!.Value, 2);
        Assert.Equal(0.6351, timeliness, 4);
        Assert.Equal(0.5182, completeness, 4);

        // Confidence: (0.1 × e/(e + 5) + 0.05 × 2/7 + 0.05 × e/(e + 5) + 0.8 × 1) / 1 = 0.15 × e/(e + 5) + 0.05 × 2/7 + 0.8 = 0.8604
        Assert.Equal((0.15 * e / (e + 5)) + (0.05 * 2 / 7) + 0.8, report[HealthDimension.TrackedProgress].Confidence, 10);
        Assert.Equal("Activity logged in 6 of the last 12 weeks.", report.Factor(FactorCodes.ProgressWeeklyCadence)!.Value.Reason);
        Assert.Equal("2 of 3 deals registered within 7 days of originating.", report.Factor(FactorCodes.ProgressRegistrationTimeliness)!.Value.Reason);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(60)]
    [InlineData(365)]
    [InlineData(3000)]
    public void Score_ADealRegisteredLateToday_IsOneFreshFailure_HoweverLongAgoItOriginated(int daysLate)
    {
        // Registered today, daysLate after it originated (past the 7-day window): one failure of weight 1 on the day the CRM
        // learned of it, (0 + 1) / (1 + 2) = 1/3. Weighed from its origination until model 2.5, a year late weighed
        // 2^(−365/90) and left timeliness at 0.4854, above the 0.3401 of 8 days late: registering later paid.
        var deal = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), Day(-daysLate), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            partnerId: Id, registeredOn: Day(0));

        var timeliness = Scorer.Score(Empty(4000).With(opportunities: [deal]), T).Factor(FactorCodes.ProgressRegistrationTimeliness)!.Value;

        Assert.Equal(1 / 3.0, timeliness.Value!.Value, 15);
        Assert.Equal(1.0, timeliness.EvidenceWeight, 15);
    }

    [Fact]
    public void Score_AnUnregisteredDeal_CountsInDataCompletenessNotInTimeliness()
    {
        // One deal created 10 days ago, never registered, with its amount, expected close and stage: w = 2^(−10/90).
        // Completeness: its whole weight filled, p = w, n = 0 → (w + 1) / (w + 2). Timeliness asks only of registered
        // deals: no evidence, the prior 0.5.
        var deal = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), Day(-10), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            amount: 1_000m, partnerId: Id, expectedCloseOn: Day(30), stage: "Qualify");
        var w = W(10, 90);

        var report = Scorer.Score(Empty().With(opportunities: [deal]), T);

        var completeness = report.Factor(FactorCodes.ProgressDataCompleteness)!.Value;
        Assert.Equal((w + 1) / (w + 2), completeness.Value!.Value, 12);
        Assert.Equal(w, completeness.EvidenceWeight, 12);
        Assert.Equal("3 of 3 required deal fields (amount, expected close, stage) filled in.", completeness.Reason);
        Assert.Equal(0.5, report.Factor(FactorCodes.ProgressRegistrationTimeliness)!.Value.Value);
    }

    [Fact]
    public void Score_YoungPartnership_CountsOnlyTheWeeksSinceItStarted()
    {
        // Started 20 days ago: weeks ending today, 7 and 14 days ago are observed (21 days ago is before the start).
        // One call 3 days ago → cadence 1 of 3 weeks, a fact with certainty = maturity 20 / 90.
        // No deals: timeliness, freshness and completeness sit at their prior 0.5 with certainty 0.
        // progress = 100 × (0.1 × 0.5 + 0.05 × 0.5 + 0.05 × 0.5 + 0.8 × 1/3) = 10 + 80/3 = 36.6667
        // confidence = 0.8 × 20/90 = 8/45
        var report = Scorer.Score(Empty(20).With(interactions: [new Interaction(Day(-3), InteractionKind.Call, Side.Vendor)]), T);
        var cadence = report.Factor(FactorCodes.ProgressWeeklyCadence)!.Value;

        Assert.Equal(1 / 3.0, cadence.Value!.Value, 10);
        Assert.Equal(3.0, cadence.EvidenceWeight);
        Assert.Equal(20 / 90.0, cadence.Confidence, 12);
        Assert.Equal(0.5, report.Factor(FactorCodes.ProgressRegistrationTimeliness)!.Value.Value);
        Assert.Equal(10 + (80 / 3.0), report[HealthDimension.TrackedProgress].Score!.Value, 9);
        Assert.Equal(8 / 45.0, report[HealthDimension.TrackedProgress].Confidence, 12);
    }

    [Fact]
    public void Score_ADealTheCrmDoesNotKnowYet_IsNoActivityEvenIfUpdatedEarlier()
    {
        // Registered in 3 days, with an update dated 2 days ago (CRM exports have such rows): the deal is
        // unknown as of today, so its update is no activity either — the week stays empty.
        var unknown = new Opportunity(
            new OpportunityId("O-9"), new AccountId("A-9"), Day(-30), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Open,
            partnerId: Id, registeredOn: Day(3), lastUpdatedOn: Day(-2));

        var without = Scorer.Score(Empty(20), T);
        var with = Scorer.Score(Empty(20).With(opportunities: [unknown]), T);

        Assert.Equal(without.Factor(FactorCodes.ProgressWeeklyCadence), with.Factor(FactorCodes.ProgressWeeklyCadence));
        Assert.Equal(without[HealthDimension.TrackedProgress], with[HealthDimension.TrackedProgress]);
    }
}
