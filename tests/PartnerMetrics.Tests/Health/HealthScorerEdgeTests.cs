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
        // In model v2 a factor is absent only when disabled or vacuous. Only competency has weight; its delivery
        // factor is disabled and nothing is required, so coverage is vacuous: no weighted dimension is present.
        var scorer = new HealthScorer(new HealthModel
        {
            DimensionWeights = new DimensionWeights(0, 1, 0, 0, 0),
            CompetencyWeights = new CompetencyWeights(1, 0),
        });

        var report = scorer.Score(Empty(), T);

        Assert.Null(report[HealthDimension.Competency].Score);
        Assert.Equal(0.0, report.Score);
        Assert.Equal(0.0, report.Confidence);
        Assert.Equal(HealthBand.InsufficientEvidence, report.Band);
        Assert.Equal((0.0, 0.0), (report.Interval.Lower, report.Interval.Upper));

        // Trust (at its prior, 50) and plan alignment (no plan: 0) have scores but no weight, so they contribute nothing — not NaN.
        Assert.Equal(50.0, report[HealthDimension.Trust].Score!.Value, 12);
        Assert.Equal(0.0, report[HealthDimension.PlanAlignment].Score);
        Assert.All(report.Dimensions, d => Assert.Equal(0.0, d.Contribution));

        // Nor is any dimension's share of the score (the weight of no present dimension, 0 ÷ 0 had it been divided).
        Assert.All(report.Dimensions, d => Assert.Equal(0.0, d.Share));
    }

    [Fact]
    public void OnlyTrustWeighted_WithoutEvidence_ScoresThePriorAtConfidenceZero()
    {
        // Neither side has commitments: each sits at its prior (0 + 1) / (0 + 2) = 0.5 with certainty 0, and
        // trust = 100 × 0.5^0.5 × 0.5^0.5 = 50. The overall score is trust's; confidence 0 → InsufficientEvidence.
        var scorer = new HealthScorer(new HealthModel { DimensionWeights = new DimensionWeights(1, 0, 0, 0, 0) });

        var report = scorer.Score(Empty(), T);

        Assert.Equal(50.0, report[HealthDimension.Trust].Score!.Value, 12);
        Assert.Equal(50.0, report.Score, 12);
        Assert.Equal(0.0, report.Confidence);
        Assert.Equal(HealthBand.InsufficientEvidence, report.Band);
        Assert.Equal(50.0, report[HealthDimension.Trust].Contribution, 12);
        Assert.All(report.Dimensions.Where(d => d.Dimension != HealthDimension.Trust), d => Assert.Equal(0.0, d.Contribution));
    }

    [Theory]
    [InlineData(40 * 365, true)]       // exactly 40 competency half-lives old: the last day it weighs anything
    [InlineData((40 * 365) + 1, false)]
    public void Evidence_WeighsUpToFortyHalfLivesOld(int ageDays, bool weighs)
    {
        // A rate is always present (at its prior without evidence); what the age decides is the weight:
        // 2^(−40) exactly at 40 half-lives, and nothing a day later.
        var partnership = Empty(ageDays + 10).With(deliveries: [new Delivery(Day(-ageDays), true, 0.9)]);
        var weight = weighs ? Math.Pow(2, -40) : 0.0;

        var delivery = new HealthScorer().Score(partnership, T).Factor(FactorCodes.CompetencyDeliveryReliability)!.Value;

        Assert.Equal(weight, delivery.EvidenceWeight);
        Assert.Equal((weight + 1) / (weight + 2), delivery.Value!.Value, 15);
        Assert.Equal(weighs, delivery.Confidence > 0);
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
    public void ACertificationExpiringTomorrow_SaysTomorrow()
    {
        // Its last day valid is today: the signal said "in 1 days".
        var partnership = Empty(400).With(requiredCompetencies: ["Azure"], certifications: [new Certification("Azure", Day(-300), Day(1))]);

        var signal = Assert.Single(new HealthScorer().Score(partnership, T).Signals, s => s.Code == FactorCodes.CertificationExpiring);

        Assert.Equal("The required certification 'Azure' expires on 2025-07-01, tomorrow, with no renewal on record.", signal.Message);
    }

    [Fact]
    public void Signals_AreInCodeThenMessageOrder_InScoresAndInHistory()
    {
        // Required in the order Security, Azure; both expire within the 60-day warning, Security first. Without a
        // plan a 400-day-old partnership scores plan alignment 0 at confidence 1 (a mature fact): a weakest link,
        // whose code (health.weakest-link) sorts after competency.certification-expiring. With nothing logged in the
        // last 12 weeks, tracked progress is one too: cadence 0 at certainty 1, the rates at their prior 0.5 with
        // certainty 0 → 100 × (0.1 × 0.5 + 0.05 × 0.5 + 0.05 × 0.5 + 0.8 × 0) = 10 < 40 at confidence 0.8 × 1 = 0.8
        // ≥ 0.5. The two weakest links share their code and sort by message: PlanAlignment before TrackedProgress.
        var partnership = Empty(400).With(
            requiredCompetencies: ["Security", "Azure"],
            certifications: [new Certification("Security", Day(-300), Day(20)), new Certification("Azure", Day(-300), Day(40))]);
        string[] expected =
        [
            "The required certification 'Azure' expires on 2025-08-09, in 40 days, with no renewal on record.",
            "The required certification 'Security' expires on 2025-07-20, in 20 days, with no renewal on record.",
            "PlanAlignment scores 0.0, below the AtRisk threshold 40, at confidence 1.00: the band is at most Watch.",
            "TrackedProgress scores 10.0, below the AtRisk threshold 40, at confidence 0.80: the band is at most Watch.",
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

        Assert.Equal(signalled, new HealthScorer().Score(partnership, T).Signals.Any(s => s.Code == FactorCodes.CertificationExpiring));
    }
}
