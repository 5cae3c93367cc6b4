using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// Weights at the ends of the double range that validation accepts: a score depends only on ratios of
/// weights, so equal weights of any size score as equal weights of 1.
/// </summary>
public class ExtremeWeightTests
{
    public static TheoryData<double> EqualWeights => [1e307, double.MaxValue, double.Epsilon, 1e-300, 3.0];

    private static HealthModel Equal(double w) => HealthModel.Default with
    {
        DimensionWeights = new(w, w, w, w, w),
        CompetencyWeights = new(w, w),
        CooperationWeights = new(w, w, w, w),
        PlanWeights = new(w, w, w, w, w),
        ProgressWeights = new(w, w, w, w),
    };

    [Theory]
    [MemberData(nameof(EqualWeights))]
    public void Score_EqualWeightsOfAnySize_AsEqualWeightsOfOne(double weight)
    {
        var partnership = Examples.WorkedExample();
        var expected = new HealthScorer(Equal(1.0)).Score(partnership, Examples.T);

        var actual = new HealthScorer(Equal(weight)).Score(partnership, Examples.T);

        // Weights are scaled by a power of two before use, which is exact; equal weights then sum
        // the same values in the same order, so results agree to the last bits (1.5 + 1.5 rounds
        // where 1 + 1 does not, hence a tolerance rather than equality).
        Assert.Equal(expected.Band, actual.Band);
        Assert.Equal(expected.Score, actual.Score, 1e-12);
        Assert.Equal(expected.Confidence, actual.Confidence, 1e-12);
        foreach (var (e, a) in expected.Factors.Zip(actual.Factors))
        {
            Assert.Equal(e.Contribution, a.Contribution, 1e-12);
        }
    }

    [Fact]
    public void Score_OneWeightAtMaxValueAndOneAtEpsilon_StaysFinite()
    {
        // Ratios of 2^2098: the tiny weights vanish beside the huge one, and nothing overflows.
        var model = HealthModel.Default with { DimensionWeights = new(double.MaxValue, double.Epsilon, double.Epsilon, double.Epsilon, double.Epsilon) };
        var trustOnly = HealthModel.Default with { DimensionWeights = new(1, 0, 0, 0, 0) };
        var partnership = Examples.WorkedExample();

        var report = new HealthScorer(model).Score(partnership, Examples.T);
        var expected = new HealthScorer(trustOnly).Score(partnership, Examples.T);

        Assert.True(double.IsFinite(report.Score) && double.IsFinite(report.Confidence));
        Assert.Equal(expected.Score, report.Score, 12);
    }

    [Fact]
    public void OverallScore_OfWeightsWhoseSumOverflows_IsTheMeanOfEqualWeights()
    {
        // Two weights of double.MaxValue add up to infinity unless they are scaled first (∞ ÷ ∞ is not a number); scaled
        // into [1, 2), they are equal weights, and the mean is 60 to the last few bits.
        Assert.Equal(60.0, HealthScorer.OverallScore([40.0, 80.0], [double.MaxValue, double.MaxValue]), 12);
    }

    [Theory]
    [MemberData(nameof(EqualWeights))]
    public void DimensionScore_OfTheWeightFit_EqualWeightsOfAnySize_AsEqualWeightsOfOne(double weight)
    {
        // The weight fit's own dimension score (Validation.Backtest reads it): 100 × the mean of 0.2 and 0.6 under equal
        // weights is 40, and weights of double.MaxValue (whose sum overflows) or of 5e-324 (whose products with the
        // values round away) must give it too, scaled by a power of two first.
        Assert.Equal(40.0, HealthScorer.DimensionScore(HealthDimension.Cooperation, [0.2, 0.6], [weight, weight]), 12);
    }

    [Fact]
    public void DimensionScore_OfTheWeightFit_CountsOnlyValuesWithAPositiveWeight()
    {
        // A value without a number (an absent factor) counts in no mean, whatever its weight; nor does a value of weight
        // 0. So 0.8 alone gives 80, and a dimension whose only value has weight 0 has no score at all.
        Assert.Equal(80.0, HealthScorer.DimensionScore(HealthDimension.Cooperation, [0.8, double.NaN, 0.2], [1.0, 5.0, 0.0]), 12);
        Assert.True(double.IsNaN(HealthScorer.DimensionScore(HealthDimension.Cooperation, [double.NaN, 0.2], [1.0, 0.0])));
    }

    [Theory]
    [InlineData(0.3, 0.0)]                 // the only weighted factor
    [InlineData(1e300, double.Epsilon)]    // beside a weight lost in the scaling: ε × 2⁻⁹⁹⁶ is 0, so that factor adds nothing
    public void ADimensionWithOneWeightedFactor_ScoresExactlyItsValue(double partner, double vendor)
    {
        // Co-operation weighted by the partner's responsiveness alone: its score is 100 × that factor's value to the last
        // bit, not (w·v) / w, which can be an ulp off (w is the weight scaled into [1, 2), here 1.2 and about 1.497).
        // Every mix of up to 6 requests answered in a day and 6 answered in 5 days (the target is 2), each at its own age.
        var scorer = new HealthScorer(HealthModel.Default with { CooperationWeights = new CooperationWeights(partner, vendor, 0, 0) });
        for (var onTime = 0; onTime <= 6; onTime++)
        {
            for (var late = 0; late <= 6; late++)
            {
                Interaction[] requests =
                [
                    .. Enumerable.Range(0, onTime).Select(i => new Interaction(Day(-5 - (7 * i)), InteractionKind.Request, Side.Vendor, TimeSpan.FromDays(1))),
                    .. Enumerable.Range(0, late).Select(i => new Interaction(Day(-8 - (11 * i)), InteractionKind.Request, Side.Vendor, TimeSpan.FromDays(5))),
                ];

                var report = scorer.Score(Empty().With(interactions: requests), T);

                var value = report.Factor(FactorCodes.CooperationPartnerResponsiveness)!.Value.Value!.Value;
                Assert.Equal(100 * value, report[HealthDimension.Cooperation].Score!.Value);
            }
        }
    }
}
