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
    public void Score_NoEvidenceAfterMonths_SitsAtThePriorsWithTheFactsCertain()
    {
        // Started 100 days ago (facts certain: 100 ÷ 90 ≥ 1), nothing logged. Every rate sits at its prior
        // 0.5 with certainty 0; the facts are known: no plan (0), no active week (cadence 0 of 12).
        //   trust 100 × √(0.5 × 0.5) = 50; competency 50 (delivery at the prior; coverage vacuous);
        //   co-operation 100 × (0.2 × 0.5 + 0.2 × 0.5 + 0.35 × 0.5 + 0.25 × 0.5) = 50 (reciprocity, a rate of matched
        //   initiatives since model 2.2, at its prior 0.5; under 2.1 the balance of the prior share was 1, and co-operation 62.5);
        //   plan 0; tracked progress 100 × (0.1 × 0.5 + 0.05 × 0.5 + 0.05 × 0.5 + 0.8 × 0) = 10.
        // Score = 0.25 × 50 + 0.2 × 50 + 0.25 × 50 + 0.15 × 0 + 0.15 × 10 = 36.5 (39.625 under 2.1).
        // Confidence = 0.15 × 1 (plan) + 0.15 × 0.8 (cadence, 0.8 of tracked progress) = 0.27 ≥ 0.25, so the
        // score bands it: below 40, AtRisk. (Model 2.0 weighed the cadence 0.25 of tracked progress and plan 0.2:
        // 0.2 × 1 + 0.15 × 0.25 = 0.2375, InsufficientEvidence; under 2.1 a partnership with nothing logged
        // reaches 0.25 on day 84, when 0.27 × days ÷ 90 does.)
        var report = Scorer.Score(Empty(), T);

        Assert.Equal(HealthBand.AtRisk, report.Band);
        Assert.Equal(36.5, report.Score, 12);
        Assert.Equal([50, 50, 50, 0, 10], report.Dimensions.Select(d => Math.Round(d.Score!.Value, 9)));
        Assert.Equal(0.27, report.Confidence, 12);
        Assert.Equal(HealthBand.InsufficientEvidence, Scorer.Score(Empty(startedDaysAgo: 83), T).Band);   // 0.27 × 83/90 = 0.249
        Assert.Equal(HealthBand.AtRisk, Scorer.Score(Empty(startedDaysAgo: 84), T).Band);                 // 0.27 × 84/90 = 0.252
        Assert.All(report.Factors, f => Assert.False(double.IsNaN(f.Confidence) || double.IsNaN(f.Contribution)));
        Assert.Equal(new PartnerId("P-1"), report.PartnerId);
        Assert.Equal(T, report.AsOf);
    }

    [Fact]
    public void Score_NoEvidenceOnItsFirstDay_KnowsNothing()
    {
        // Started today: the facts have certainty min(1, 0 ÷ 90) = 0 and the rates no evidence, so the
        // confidence is 0; the values are those of the example above (the one week observed, ending today,
        // has no activity: cadence 0 of 1), so the score is 36.5.
        var report = Scorer.Score(Empty(startedDaysAgo: 0), T);

        Assert.Equal(0.0, report.Confidence);
        Assert.Equal(HealthBand.InsufficientEvidence, report.Band);
        Assert.Equal(36.5, report.Score, 12);
    }

    [Fact]
    public void Score_WorkedExample_OfDocsScoring()
    {
        // The evidence of the five dimension examples together, as of T, started 365 days ago (facts
        // certain); docs/scoring.md walks through it.
        //   trust      = 100 × √(2/(3 + 2.5·2^(−1/180)) × 0.6)                   = 46.751
        //   competency = 100 × (0.2 × 0.5 + 0.8 × 2/3.75)                        = 52.667
        //   co-op      = 100 × (0.2 × 0.5 + 0.2 × 0.3407 + 0.35 × 0.5 + 0.25 × 0.5) = 46.813
        //     (reciprocity: no meetings, calls, emails or joint events, so at its prior 0.5; 1 under model 2.1)
        //   plan       = 100 × (0.07 + 0.1/3 + 0.22 + 0.1/3 + 0.1 × 2^(−1/3))    = 43.604
        //     (on track 0.15 × (1 + 0.4 + 0)/3, the goal without a due day counting 0; shared ownership 0.1 × 1/3,
        //      alignment 0.55 × 0.4, clarity 0.1 × 1/3, freshness; 47.104 under 2.4, which left that goal out)
        //   progress   = 100 × (0.1 × 0.6351 + 0.05 × 0.5 + 0.05 × 0.5182 + 0.8 × 0.5) = 51.442
        //     (each deal weighed from the day the CRM knew it, its registration: O1 8 days, O2 80, O3 39;
        //      timeliness (w8 + w39 + 1) / (w8 + w39 + w80 + 2); freshness (1 + 1) / (2 + 2);
        //      completeness (filled + 1) / (all + 2) with filled = (3·w8 + w39) / 3, missing = (3·w80 + 2·w39) / 3;
        //      51.585 under 2.4, which weighed each from its creation)
        //   overall    = Σ W·S with W = 0.25, 0.2, 0.25, 0.15, 0.15
        //              = 11.688 + 10.533 + 11.703 + 6.541 + 7.716                  = 48.181 → Watch (48.728 under 2.4)
        // Confidence: trust ½(1.996/6.996) + ½(0.5/5.5) = 0.1881; competency 0.2 × 1 + 0.8 × 1.75/6.75 = 0.4074;
        //   co-op 0.2 × 2.403/7.403 = 0.0649; plan 1; progress 0.1 × 0.3076 + 0.05 × 2/7 + 0.05 × 0.3076 + 0.8 = 0.8604
        //   (e = w8 + w39 + w80 = 2.2208, 2.2208 / 7.2208 = 0.3076)
        //   overall 0.25 × 0.1881 + 0.2 × 0.4074 + 0.25 × 0.0649 + 0.15 × 1 + 0.15 × 0.8604 = 0.4238
        var report = Scorer.Score(WorkedExample(), T);
        var scores = report.Dimensions.Select(d => d.Score!.Value).ToArray();
        double[] weights = [0.25, 0.2, 0.25, 0.15, 0.15];
        double w8 = W(8, 90), w39 = W(39, 90), w80 = W(80, 90), w10 = W(10, 90);

        Assert.Equal(100 * Math.Sqrt(2 / (3 + (2.5 * W(1, 180))) * 0.6), scores[0], 9);
        Assert.Equal(100 * ((0.2 * 0.5) + (0.8 * 2 / 3.75)), scores[1], 9);
        Assert.Equal(52.667, scores[1], 3);
        Assert.Equal(Scorer.Score(Empty().With(interactions: Requests), T)[HealthDimension.Cooperation].Score!.Value, scores[2], 12);
        Assert.Equal(100 * ((0.2 * 0.5) + (0.2 * 1.5 / (0.5 + W(3, 90) + w10 + 2)) + (0.35 * 0.5) + (0.25 * 0.5)), scores[2], 9);
        Assert.Equal(46.813, scores[2], 3);
        Assert.Equal(Scorer.Score(Empty().With(plan: _ => Plan), T)[HealthDimension.PlanAlignment].Score!.Value, scores[3], 12);
        Assert.Equal(100 * ((0.15 * 1.4 / 3) + (0.1 / 3) + (0.55 * 0.4) + (0.1 / 3) + (0.1 * Math.Pow(2, -1 / 3.0))), scores[3], 9);
        Assert.Equal(43.604, scores[3], 3);
        var timeliness = (w8 + w39 + 1) / (w8 + w39 + w80 + 2);
        var completeness = ((((3 * w8) + w39) / 3) + 1) / (w8 + w39 + w80 + 2);
        Assert.Equal(100 * ((0.1 * timeliness) + (0.05 * 0.5) + (0.05 * completeness) + (0.8 * 0.5)), scores[4], 9);
        Assert.Equal(51.442, scores[4], 3);
        Assert.Equal(scores.Zip(weights, (s, w) => s * w).Sum(), report.Score, 9);
        Assert.Equal(48.181, report.Score, 3);
        Assert.Equal(HealthBand.Watch, report.Band);
        Assert.Equal(0.4238, report.Confidence, 4);
        Assert.Equal(report.Score, report.Factors.Sum(f => f.Contribution), 12);
        Assert.True(report.Interval.Contains(report.Score));
        Assert.InRange(report.Interval.Width, 1, 20);

        // The 80 % interval: score ± z·sd, z = Φ⁻¹(0.9) = 1.2816, sd² = Σ W²·var(dimension), and a dimension's
        // variance Σ slope²·var(factor) with slope 100·w/Σw (for trust × T / (100·v)); a rate Beta(a, b) has
        // variance m(1 − m)/(a + b + 1), a fact 0. Reciprocity at its prior (no meetings) is the rate Beta(1, 1):
        // variance 1/12 (under 2.1 the balance 1 − |2q − 1| of q ~ Beta(1, 1), slope ±2, so 4 × 1/12).
        //   trust: partner Beta(2, 1 + 2.5·w1), vendor Beta(1.5, 1), slopes 50·T/R_partner and 50·T/R_vendor
        //   competency: delivery Beta(2, 1.75), slope 80
        //   co-op: partner responsiveness and friction Beta(1, 1), vendor responsiveness Beta(1.5, 1 + w3 + w10), slopes 20, 35, 20, 25
        //   plan: facts only, variance 0
        //   progress: timeliness, freshness Beta(2, 2), completeness, slopes 10, 5, 5
        // sd² = 0.25² × 251.00 + 0.2² × 335.35 + 0.25² × 204.13 + 0.15² × (progress, about 6.9) = 42.01, sd = 6.4818
        //   → [48.181 − 8.307, 48.181 + 8.307] = [39.874, 56.488]
        static double Var(double a, double b) => a * b / ((a + b) * (a + b) * (a + b + 1));
        double w1 = W(1, 180), trust = scores[0], rPartner = 2 / (3 + (2.5 * w1));
        var trustVar = (Math.Pow(50 * trust / (100 * rPartner), 2) * Var(2, 1 + (2.5 * w1))) + (Math.Pow(50 * trust / 60, 2) * Var(1.5, 1));
        var competencyVar = 80 * 80 * Var(2, 1.75);
        var cooperationVar = (20 * 20 * Var(1, 1)) + (20 * 20 * Var(1.5, 1 + W(3, 90) + w10)) + (35 * 35 * Var(1, 1)) + (25 * 25 * Var(1, 1));
        var progressVar = (10 * 10 * Var(w8 + w39 + 1, w80 + 1)) + (5 * 5 * Var(2, 2)) + (5 * 5 * Var((((3 * w8) + w39) / 3) + 1, (((3 * w80) + (2 * w39)) / 3) + 1));
        var sd = Math.Sqrt((0.25 * 0.25 * trustVar) + (0.2 * 0.2 * competencyVar) + (0.25 * 0.25 * cooperationVar) + (0.15 * 0.15 * progressVar));
        Assert.Equal(6.4818, sd, 4);
        Assert.Equal(report.Score - (1.2815515655446004 * sd), report.Interval.Lower, 9);
        Assert.Equal(report.Score + (1.2815515655446004 * sd), report.Interval.Upper, 9);
        Assert.Equal((39.874, 56.488), (Math.Round(report.Interval.Lower, 3), Math.Round(report.Interval.Upper, 3)));
    }

    [Fact]
    public void FirstVendorCommitmentKept_RaisesTrust()
    {
        // v1 left an untracked side out, so a first kept vendor promise lowered trust (10/11 → √(10/11 × 2/3)).
        // In v2 the untracked vendor side sits at its prior 0.5: trust rises from 100 × √(10/11 × 0.5) = 67.42
        // to 100 × √(10/11 × 2/3) = 77.85.
        var partnerOnly = Empty().With(commitments: Enumerable.Repeat(new Commitment(Side.Partner, T, CommitmentOutcome.Kept, T), 9));
        var withVendor = partnerOnly.With(commitments: partnerOnly.Commitments.Add(new Commitment(Side.Vendor, T, CommitmentOutcome.Kept, T)));

        Assert.Equal(100 * Math.Sqrt(10 / 11.0 * 0.5), Scorer.Score(partnerOnly, T)[HealthDimension.Trust].Score!.Value, 9);
        Assert.Equal(100 * Math.Sqrt(10 / 11.0 * 2 / 3.0), Scorer.Score(withVendor, T)[HealthDimension.Trust].Score!.Value, 9);
        Assert.True(Scorer.Score(withVendor, T).Score > Scorer.Score(partnerOnly, T).Score);
    }

    [Fact]
    public void FirstDelivery_RaisesCompetency()
    {
        // v1: full coverage and no deliveries scored 100, and one successful delivery lowered it to 80. In v2
        // delivery sits at its prior: 100 × (0.2 × 1 + 0.8 × 0.5) = 60, and the delivery raises it to
        // 100 × (0.2 × 1 + 0.8 × 2/3) = 73.333.
        var covered = Empty().With(requiredCompetencies: ["Azure"], certifications: [new Certification("Azure", Day(-10))]);

        Assert.Equal(60.0, Scorer.Score(covered, T)[HealthDimension.Competency].Score!.Value, 9);
        Assert.Equal(100 * (0.2 + (0.8 * 2 / 3.0)), Scorer.Score(covered.With(deliveries: [new Delivery(T, true, 1.0)]), T)[HealthDimension.Competency].Score!.Value, 9);
        Assert.Equal(73.333, Scorer.Score(covered.With(deliveries: [new Delivery(T, true, 1.0)]), T)[HealthDimension.Competency].Score!.Value, 3);
    }

    [Fact]
    public void Score_DisabledDimension_IsAbsentAndContributesNothing()
    {
        var model = HealthModel.Default with { DimensionWeights = new DimensionWeights(1, 0, 0, 0, 0) };

        var report = new HealthScorer(model).Score(WorkedExample(), T);

        Assert.Equal(100 * Math.Sqrt(2 / (3 + (2.5 * W(1, 180))) * 0.6), report.Score, 9);
        Assert.All(report.Dimensions.Skip(1), d => Assert.Equal(0.0, d.Contribution));
    }

    [Fact]
    public void Score_NullPartnership_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Scorer.Score(null!, T));

    [Fact]
    public void Constructor_NullModel_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new HealthScorer((HealthModel)null!));

    [Fact]
    public void ToString_NamesTheReportEveryDimensionAndTheirFactors()
    {
        var report = Scorer.Score(WorkedExample(), T);
        var trust = report[HealthDimension.Trust];
        var partner = trust.Factors[0];
        string Show(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.StartsWith($"HealthReport {{ PartnerId = {report.PartnerId}, AsOf = 2025-06-30, Model = default 2.6, Score = {Show(report.Score)}, Band = {report.Band}, Confidence = {Show(report.Confidence)}, Dimensions = [Trust {Show(trust.Score!.Value)}, Competency ", report.ToString(), StringComparison.Ordinal);
        Assert.EndsWith($"], Signals = {report.Signals.Length} }}", report.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            $"DimensionScore {{ Dimension = Trust, Score = {Show(trust.Score.Value)}, Confidence = {Show(trust.Confidence)}, Weight = 0.25, Contribution = {Show(trust.Contribution)}, Factors = [{partner.Code} {Show(partner.Value!.Value)}, {trust.Factors[1].Code} {Show(trust.Factors[1].Value!.Value)}] }}",
            trust.ToString());
    }
}
