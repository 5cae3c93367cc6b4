using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Insights;

public class RecommendationTests
{
    private static readonly HealthScorer Scorer = new();
    private static readonly PartnershipAdvisor Advisor = new(Scorer);

    [Fact]
    public void Recommend_WorkedExample_OneActionPerFactorBelowTargetRankedByImpact()
    {
        var report = Scorer.Score(WorkedExample(), T);

        var actions = Advisor.Recommend(WorkedExample(), T);

        var below = report.Factors.Where(f => f.Value < 0.8).Select(f => f.Code).Order(StringComparer.Ordinal);
        Assert.Equal(below, actions.Where(a => a.FactorCode is not null).Select(a => a.FactorCode!).Order(StringComparer.Ordinal));
        Assert.Equal(actions.Select(a => a.Impact).OrderDescending(), actions.Select(a => a.Impact));
        Assert.All(actions, a => Assert.True(a.Impact > 0));

        // Impact is found by re-scoring: raise the partner's reliability to 0.8 and score again.
        //   Partner side (H = 180 d): kept today, success 1; open, due 15 days ago, past the 14-day grace: a failure
        //   dated at due + grace (yesterday), λ·w = 2.5 × 2^(−1/180). Reliability = 2 / (3 + 2.5 × 2^(−1/180)) = 0.36427.
        //   Vendor side: kept 180 days ago, w = 0.5 → (0.5 + 1) / (0.5 + 2) = 0.6.
        //   trust = 100 × √(0.8 × 0.6) = 69.28 instead of 100 × √(0.36427 × 0.6) = 46.75; every dimension is present
        //   (v2) and the weights sum to 1, so the overall score moves 0.25 × 22.53 = 5.63 points.
        var partnerSide = 2 / (3 + (2.5 * W(1, 180)));
        Assert.Equal(partnerSide, report.Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 12);
        var trust = actions.Single(a => a.Code == RecommendationCodes.RepairBrokenCommitments);
        Assert.Equal(0.25 * 100 * (Math.Sqrt(0.8 * 0.6) - Math.Sqrt(partnerSide * 0.6)), trust.Impact, 9);
        Assert.Equal(RecommendationSeverity.High, trust.Severity);
    }

    [Fact]
    public void Recommend_TooLittleEvidence_AsksToExpandTheProofOfConcept()
    {
        var actions = Advisor.Recommend(Empty(), T);

        var expand = Assert.Single(actions, a => a.Code == RecommendationCodes.ExpandProofOfConcept);
        Assert.Equal(RecommendationSeverity.High, expand.Severity);
        Assert.Contains("too little evidence", expand.Message, StringComparison.Ordinal);
        Assert.Contains(actions, a => a.Code == RecommendationCodes.ScheduleJointPlanning);   // plan.missing is below target
    }

    [Fact]
    public void Recommend_Stalled_SetsAFollowUpCadence()
    {
        var actions = Advisor.Recommend(Empty(), T);

        var cadence = Assert.Single(actions, a => a.Code == RecommendationCodes.SetFollowUpCadence);
        Assert.Equal(FactorCodes.ProgressWeeklyCadence, cadence.FactorCode);
        Assert.True(cadence.Impact > 0);
    }

    [Fact]
    public void Catalogue_CoversEveryFactorWithADistinctCode()
    {
        // Signal codes name a warning, not a factor: they have no action of their own.
        string[] signals = [FactorCodes.CertificationExpiring, FactorCodes.WeakestLink];
        var factorCodes = typeof(FactorCodes).GetFields().Select(f => (string)f.GetValue(null)!).Where(c => !signals.Contains(c));

        Assert.Equal(factorCodes.Order(StringComparer.Ordinal), RecommendationCodes.ForFactor.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(RecommendationCodes.ForFactor.Count, RecommendationCodes.ForFactor.Values.Select(v => v.Code).Distinct().Count());
    }

    [Property]
    public Property Recommend_ImpactIsNeverNegativeAndOrderIsByImpact() =>
        Prop.ForAll(ModelGenerators.ScoringCase.ToArbitrary(), c =>
        {
            var actions = Advisor.Recommend(c.Partnership, c.AsOf);

            Assert.All(actions, a => Assert.True(a.Impact >= 0 && double.IsFinite(a.Impact)));
            Assert.Equal(actions.Select(a => a.Impact).OrderDescending(), actions.Select(a => a.Impact));
        });
}
