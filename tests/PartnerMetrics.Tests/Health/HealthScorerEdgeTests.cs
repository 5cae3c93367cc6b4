using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>The scorer where nothing weighted is present, and the order and edge of its signals.</summary>
public class HealthScorerEdgeTests
{
    [Fact]
    public void NoWeightedDimensionPresent_ScoresZeroNotNaN()
    {
        // Only trust has weight, and an empty partnership has no trust evidence.
        var scorer = new HealthScorer(new HealthModel { DimensionWeights = new DimensionWeights(1, 0, 0, 0, 0) });

        var report = scorer.Score(Empty(), T);

        Assert.Equal(0.0, report.Score);
        Assert.Equal(HealthBand.InsufficientEvidence, report.Band);

        // Plan alignment has a score (no plan: 0) but no weight, so it contributes nothing — not NaN.
        Assert.All(report.Dimensions, d => Assert.Equal(0.0, d.Contribution));
    }

    [Theory]
    [InlineData(40 * 365, true)]       // exactly 40 competency half-lives old: the last day it weighs anything
    [InlineData((40 * 365) + 1, false)]
    public void Evidence_CountsUpToFortyHalfLivesOld(int ageDays, bool present)
    {
        var partnership = Empty(ageDays + 10).With(deliveries: [new Delivery(Day(-ageDays), true, 0.9)]);

        Assert.Equal(present, new HealthScorer().Score(partnership, T).Factor(FactorCodes.CompetencyDeliveryReliability)!.Value.IsPresent);
    }

    [Fact]
    public void TopMovers_WithEqualChanges_AreInCodeOrder()
    {
        // One partner and one vendor commitment kept on the same day move both trust factors alike.
        var partnership = Empty().With(commitments:
        [
            new Commitment(Side.Vendor, Day(-5), CommitmentOutcome.Kept, Day(-5)),
            new Commitment(Side.Partner, Day(-5), CommitmentOutcome.Kept, Day(-5)),
        ]);

        var delta = new HealthScorer().Compare(partnership, Day(-10), T);
        var trust = delta.TopMovers(int.MaxValue).Where(f => f.Dimension == HealthDimension.Trust).ToArray();

        Assert.Equal(trust[0].Change, trust[1].Change);
        Assert.Equal([FactorCodes.TrustPartnerReliability, FactorCodes.TrustVendorReliability], trust.Select(f => f.Code));
    }

    [Fact]
    public void Signals_AreInMessageOrder_InScoresAndInHistory()
    {
        // Required in the order Security, Azure; both expire within the 60-day warning, Security first.
        var partnership = Empty(400).With(
            requiredCompetencies: ["Security", "Azure"],
            certifications: [new Certification("Security", Day(-300), Day(20)), new Certification("Azure", Day(-300), Day(40))]);
        string[] expected =
        [
            "The required certification 'Azure' expires on 2025-08-09, in 40 days, with no renewal on record.",
            "The required certification 'Security' expires on 2025-07-20, in 20 days, with no renewal on record.",
        ];
        var scorer = new HealthScorer();

        Assert.Equal(expected, scorer.Score(partnership, T).Signals.Select(s => s.Message));
        Assert.Equal(expected, scorer.History(partnership, Day(-14), T, TimeSpan.FromDays(7))[^1].Signals.Select(s => s.Message));
    }

    [Theory]
    [InlineData(60, true)]
    [InlineData(61, false)]
    public void ACertificationExpiringExactlyAtTheWarning_IsSignalled(int daysLeft, bool signalled)
    {
        var partnership = Empty(400).With(requiredCompetencies: ["Azure"], certifications: [new Certification("Azure", Day(-300), Day(daysLeft))]);

        Assert.Equal(signalled, !new HealthScorer().Score(partnership, T).Signals.IsEmpty);
    }
}
