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

    /// <summary>
    /// Rule 12, second half: a change on one side is attributed to that side only. The generated
    /// partnership's commitments of one side are removed, so that side sits at its prior on both days
    /// whatever else moves; its trust factor's change is then exactly 0 and the other side's carries the
    /// whole change of trust (v1 split trust's points in proportion to value, so a collapsing vendor
    /// dragged the partner's contribution down with it).
    /// </summary>
    [Property]
    [Trait("Rule", "12")]
    public Property Rule12_AChangeOnOneSideIsAttributedToThatSideOnly() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from quiet in ModelGenerators.Enum<Side>()
             from days in Gen.Choose(-3 * 365, 3 * 365)
             select (c, quiet, to: c.AsOf.AddDays(days))).ToArbitrary(),
            t =>
            {
                var partnership = t.c.Partnership.With(commitments: t.c.Partnership.Commitments.Where(x => x.PromisedBy != t.quiet));
                var delta = Scorer.Compare(partnership, t.c.AsOf, t.to);
                string quietCode = t.quiet == Side.Partner ? FactorCodes.TrustPartnerReliability : FactorCodes.TrustVendorReliability,
                    otherCode = t.quiet == Side.Partner ? FactorCodes.TrustVendorReliability : FactorCodes.TrustPartnerReliability;
                var trustChange = delta.After[HealthDimension.Trust].Contribution - delta.Before[HealthDimension.Trust].Contribution;

                Assert.Equal(0.0, delta.Factors.Single(f => f.Code == quietCode).Change);
                Assert.Equal(trustChange, delta.Factors.Single(f => f.Code == otherCode).Change, 1e-9);
                Assert.Equal(delta.Change, delta.Factors.Sum(f => f.Change), 1e-9);
            });

    [Fact]
    public void Compare_VendorCollapses_BlamesTheVendorOnly()
    {
        // The case: the partner kept ten promises about 300 days ago; the vendor breaks five in
        // the last month. Between day −40 and T only the vendor's evidence is new. Aging moves the
        // partner side a little too, and its Shapley share is that small aging effect, not the vendor's
        // collapse (v1 moved the partner's contribution with the vendor's value).
        var partnership = Empty(400).With(commitments:
        [
            .. Enumerable.Range(1, 10).Select(i => new Commitment(Side.Partner, Day(-300 - i), CommitmentOutcome.Kept, Day(-300 - i))),
            .. Enumerable.Range(1, 5).Select(i => new Commitment(Side.Vendor, Day(-6 * i), CommitmentOutcome.Broken, Day(-6 * i))),
        ]);

        var delta = Scorer.Compare(partnership, Day(-40), T);
        var partner = delta.Factors.Single(f => f.Code == FactorCodes.TrustPartnerReliability);
        var vendor = delta.Factors.Single(f => f.Code == FactorCodes.TrustVendorReliability);

        Assert.True(vendor.Change < -5, $"vendor {vendor.Change}");
        Assert.True(Math.Abs(partner.Change) < Math.Abs(vendor.Change) / 5, $"partner {partner.Change} against vendor {vendor.Change}");
        Assert.Equal(FactorCodes.TrustVendorReliability, delta.TopMovers(1)[0].Code);
    }

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
    public void Compare_AcrossThePlansCreation_ReportsTheFactorsThatAppearAndVanish()
    {
        var partnership = Empty().With(plan: _ => Plan, commitments: TrustCommitments);

        var delta = Scorer.Compare(partnership, Day(-250), T);

        Assert.Contains(delta.Factors, f => f.Code == FactorCodes.PlanMissing && f.After == 0);
        Assert.Contains(delta.Factors, f => f.Code == FactorCodes.PlanFreshness && f.Before == 0 && f.After > 0);

        // Every dimension is scored on both days in model v2 (untracked rates sit at their priors).
        Assert.Empty(delta.Appeared);
        Assert.Empty(delta.Disappeared);
        Assert.Equal(delta.Change, delta.Factors.Sum(f => f.Change), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => delta.TopMovers(-1));
    }
}
