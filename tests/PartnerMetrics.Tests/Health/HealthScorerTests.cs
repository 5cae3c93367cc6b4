using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

public class HealthScorerTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void Score_NoEvidenceAtAll_IsInsufficientEvidenceWithoutNaN()
    {
        // Only two dimensions have anything to say: plan alignment (no plan → 0, e = 1, c = 1/6) and
        // tracked progress (12 observed weeks, none active → cadence 0 with e = 12, c = 12/17).
        // Score = 0. Confidence = (0.2 × 1/6 + 0.15 × (0.25 × 12/17) / 1) / 1 = 0.0598… < 0.25.
        var report = Scorer.Score(Empty(), T);

        Assert.Equal(HealthBand.InsufficientEvidence, report.Band);
        Assert.Equal(0.0, report.Score);
        Assert.Equal((0.2 / 6) + (0.15 * 0.25 * 12 / 17), report.Confidence, 12);
        Assert.False(report[HealthDimension.Trust].IsPresent);
        Assert.False(report[HealthDimension.Competency].IsPresent);
        Assert.False(report[HealthDimension.Cooperation].IsPresent);
        Assert.All(report.Factors, f => Assert.False(double.IsNaN(f.Confidence) || double.IsNaN(f.Contribution)));
        Assert.Equal(new PartnerId("P-1"), report.PartnerId);
        Assert.Equal(T, report.AsOf);
    }

    [Fact]
    public void Score_WorkedExample_OfDocsScoring()
    {
        // The evidence of the five dimension examples together (docs/scoring.md walks through it):
        //   trust      = 100 × √(2/5.5 × 0.6)                                   = 46.710
        //   competency = 100 × (0.4 × 0.5 + 0.6 × 2/3.75)                       = 52.000
        //   co-op      = 100 × (0.4 × resp + 0.25 × recip) / 0.65                (see CooperationDimensionTests)
        //   plan       = 100 × (0.175 + 0.2/3 + 0.08 + 0.05 + 0.2 × 2^(−1/3))   = 53.041
        //   progress   = 100 × (0.3 × tl + 0.25 × 0.5 + 0.2 × comp + 0.25 × 0.5) (see TrackedProgressDimensionTests)
        //   overall    = Σ W·S / Σ W with W = 0.25, 0.2, 0.2, 0.2, 0.15
        var report = Scorer.Score(WorkedExample(), T);
        var scores = report.Dimensions.Select(d => d.Score!.Value).ToArray();
        double[] weights = [0.25, 0.2, 0.2, 0.2, 0.15];

        Assert.Equal(100 * Math.Sqrt(2 / 5.5 * 0.6), scores[0], 9);
        Assert.Equal(52.0, scores[1], 9);
        Assert.Equal(Scorer.Score(Empty().With(interactions: Requests), T)[HealthDimension.Cooperation].Score!.Value, scores[2], 12);
        Assert.Equal(Scorer.Score(Empty().With(plan: _ => Plan), T)[HealthDimension.PlanAlignment].Score!.Value, scores[3], 12);
        Assert.Equal(Scorer.Score(Empty(365).With(opportunities: Deals), T)[HealthDimension.TrackedProgress].Score!.Value, scores[4], 12);
        Assert.Equal(scores.Zip(weights, (s, w) => s * w).Sum(), report.Score, 9);
        Assert.Equal(48.65, report.Score, 2);
        Assert.Equal(HealthBand.Watch, report.Band);
        Assert.Equal(0.2606, report.Confidence, 4);
        Assert.Equal(report.Score, report.Factors.Sum(f => f.Contribution), 12);
    }

    [Fact]
    public void Rule5_FailsWithoutTheCondition_FirstVendorCommitmentLowersTrust()
    {
        // Partner side only: 9 kept today → R = 10 / 11 = 0.909. A single vendor Kept adds the vendor
        // side at R = 2 / 3, and trust becomes √(0.909 × 0.667) = 0.778: lower, though the evidence is good.
        var partnerOnly = Empty().With(commitments: Enumerable.Repeat(new Commitment(Side.Partner, T, CommitmentOutcome.Kept, T), 9));
        var withVendor = partnerOnly.With(commitments: partnerOnly.Commitments.Add(new Commitment(Side.Vendor, T, CommitmentOutcome.Kept, T)));

        Assert.Equal(100 * 10 / 11.0, Scorer.Score(partnerOnly, T)[HealthDimension.Trust].Score!.Value, 9);
        Assert.Equal(100 * Math.Sqrt(10 / 11.0 * 2 / 3.0), Scorer.Score(withVendor, T)[HealthDimension.Trust].Score!.Value, 9);
    }

    [Fact]
    public void Rule11_FailsWithoutTheCondition_FirstDeliveryLowersFullCoverage()
    {
        // Full coverage and no deliveries → competency 100. One successful delivery today brings in
        // delivery reliability at (1 + 1) / (1 + 2) = 2/3 → 100 × (0.4 × 1 + 0.6 × 2/3) = 80.
        var covered = Empty().With(requiredCompetencies: ["Azure"], certifications: [new Certification("Azure", Day(-10))]);

        Assert.Equal(100.0, Scorer.Score(covered, T)[HealthDimension.Competency].Score);
        Assert.Equal(80.0, Scorer.Score(covered.With(deliveries: [new Delivery(T, true, 1.0)]), T)[HealthDimension.Competency].Score!.Value, 9);
    }

    [Fact]
    public void Score_DisabledDimension_IsAbsentAndContributesNothing()
    {
        var model = HealthModel.Default with { DimensionWeights = new DimensionWeights(1, 0, 0, 0, 0) };

        var report = new HealthScorer(model).Score(WorkedExample(), T);

        Assert.Equal(100 * Math.Sqrt(2 / 5.5 * 0.6), report.Score, 9);
        Assert.All(report.Dimensions.Skip(1), d => Assert.Equal(0.0, d.Contribution));
    }

    [Fact]
    public void Score_NullPartnership_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Scorer.Score(null!, T));

    [Fact]
    public void Constructor_NullModel_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new HealthScorer((HealthModel)null!));
}
