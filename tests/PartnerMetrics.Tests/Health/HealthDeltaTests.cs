using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

public class HealthDeltaTests
{
    private static readonly HealthScorer Scorer = new();

    [Property]
    [Trait("Rule", "12")]
    public Property Rule12_FactorChangesAddUpToTheChangeInScore() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from days in Gen.Choose(-3 * 365, 3 * 365)
             select (c, to: c.AsOf.AddDays(days))).ToArbitrary(),
            t =>
            {
                var delta = Scorer.Compare(t.c.Partnership, t.c.AsOf, t.to);

                Assert.Equal(delta.Change, delta.Factors.Sum(f => f.Change), 1e-9);
                Assert.Equal(Scorer.Score(t.c.Partnership, t.c.AsOf), delta.Before);
                Assert.Equal(Scorer.Score(t.c.Partnership, t.to), delta.After);
                Assert.All(delta.Appeared, d => Assert.True(delta.After[d].IsPresent && !delta.Before[d].IsPresent));
                Assert.All(delta.Disappeared, d => Assert.True(delta.Before[d].IsPresent && !delta.After[d].IsPresent));
            });

    [Fact]
    public void Compare_ABrokenPromise_IsTheTopMover()
    {
        // Between the two days the partner breaks a commitment (an open one passes its grace period)
        // and nothing else changes: the partner's reliability is what moved the score.
        var partnership = Empty().With(commitments:
        [
            new Commitment(Side.Partner, Day(-100), CommitmentOutcome.Kept, Day(-100)),
            new Commitment(Side.Vendor, Day(-100), CommitmentOutcome.Kept, Day(-100)),
            new Commitment(Side.Partner, Day(-20), CommitmentOutcome.Open),
        ]);

        var delta = Scorer.Compare(partnership, Day(-10), T);

        Assert.True(delta.Change < 0);
        Assert.Equal(FactorCodes.TrustPartnerReliability, delta.TopMovers(1)[0].Code);
        Assert.Equal(delta.Change, delta.Factors.Sum(f => f.Change), 12);
    }

    [Fact]
    public void Compare_AcrossThePlansCreation_ReportsTheDimensionFactorsThatAppearAndVanish()
    {
        var partnership = Empty().With(plan: _ => Plan, commitments: TrustCommitments);

        var delta = Scorer.Compare(partnership, Day(-250), T);

        Assert.Contains(delta.Factors, f => f.Code == FactorCodes.PlanMissing && f.After == 0);
        Assert.Contains(delta.Factors, f => f.Code == FactorCodes.PlanFreshness && f.Before == 0 && f.After > 0);
        Assert.Contains(HealthDimension.Trust, delta.Appeared);
        Assert.Empty(delta.Disappeared);
        Assert.Equal(delta.Change, delta.Factors.Sum(f => f.Change), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => delta.TopMovers(-1));
    }
}
