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
    /// dragged the partner's contribution down with it). Likewise responsiveness, the other two-sided pair: without the
    /// requests the quiet side answers (those the other side made), its responsiveness changes by exactly 0. Under the
    /// default model or any valid one.
    /// </summary>
    [Property]
    [Trait("Rule", "12")]
    public Property Rule12_AChangeOnOneSideIsAttributedToThatSideOnly() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from quiet in ModelGenerators.Enum<Side>()
             from days in Gen.Choose(-3 * 365, 3 * 365)
             from model in Gen.Frequency((1, Gen.Constant(HealthModel.Default)), (2, ModelGenerators.HealthModel))
             select (c, quiet, to: c.AsOf.AddDays(days), model)).ToArbitrary(),
            t =>
            {
                var other = t.quiet == Side.Partner ? Side.Vendor : Side.Partner;
                var partnership = t.c.Partnership.With(
                    commitments: t.c.Partnership.Commitments.Where(x => x.PromisedBy != t.quiet),
                    interactions: t.c.Partnership.Interactions.Where(i => !(i.Kind == InteractionKind.Request && i.InitiatedBy == other)));
                var delta = new HealthScorer(t.model).Compare(partnership, t.c.AsOf, t.to);
                string quietCode = t.quiet == Side.Partner ? FactorCodes.TrustPartnerReliability : FactorCodes.TrustVendorReliability,
                    otherCode = t.quiet == Side.Partner ? FactorCodes.TrustVendorReliability : FactorCodes.TrustPartnerReliability,
                    quietAnswers = t.quiet == Side.Partner ? FactorCodes.CooperationPartnerResponsiveness : FactorCodes.CooperationVendorResponsiveness;
                var trustChange = delta.After[HealthDimension.Trust].Contribution - delta.Before[HealthDimension.Trust].Contribution;

                // A generated model may let a dimension gain or lose its score between the days (coverage vacuous and
                // delivery disabled, say): the shares then differ, and the plain differences apply (docs/scoring.md), which
                // give a quiet side its share's change. With the same dimensions present on both days, a quiet side gets 0:
                // exactly for trust (the split is exact, with the other side at 0 too: a loss aversion near
                // double.MaxValue can put it there, which fell back to plain differences), and to rounding for
                // responsiveness (co-operation's points are split among its factors in proportion, so the others' change
                // moves the last bits).
                if (delta.Before.Dimensions.Select(d => d.IsPresent).SequenceEqual(delta.After.Dimensions.Select(d => d.IsPresent)))
                {
                    Assert.Equal(0.0, delta.Factors.Single(f => f.Code == quietCode).Change);
                    Assert.Equal(0.0, delta.Factors.Single(f => f.Code == quietAnswers).Change, 1e-12);
                    Assert.Equal(trustChange, delta.Factors.Single(f => f.Code == otherCode).Change, 1e-9);
                }

                Assert.Equal(delta.Change, delta.Factors.Sum(f => f.Change), 1e-9);
            });

    [Fact]
    public void Compare_ASideFallingToZero_BlamesThatSideOnly()
    {
        // A loss aversion of double.MaxValue puts a side with two broken promises at exactly 0 (λ·n overflows to ∞). The
        // vendor kept three promises before the first day and broke two between the days; the partner logged nothing and
        // sits at its prior 0.5 on both. The vendor's reliability carries the whole fall of trust and the partner's share is
        // exactly 0: with a side at 0 the split fell back to plain differences, which gave the partner half the fall.
        var scorer = new HealthScorer(HealthModel.Default with { LossAversion = double.MaxValue });
        var partnership = Empty(400).With(commitments:
        [
            .. Enumerable.Range(1, 3).Select(i => new Commitment(Side.Vendor, Day(-100 - i), CommitmentOutcome.Kept, Day(-100 - i))),
            new Commitment(Side.Vendor, Day(-20), CommitmentOutcome.Broken, Day(-20)),
            new Commitment(Side.Vendor, Day(-10), CommitmentOutcome.Broken, Day(-10)),
        ]);

        var delta = scorer.Compare(partnership, Day(-50), T);
        var trustChange = delta.After[HealthDimension.Trust].Contribution - delta.Before[HealthDimension.Trust].Contribution;

        Assert.Equal(0.0, delta.After.Factor(FactorCodes.TrustVendorReliability)!.Value.Value);
        Assert.True(trustChange < -5, $"trust {trustChange}");
        Assert.Equal(0.0, delta.Factors.Single(f => f.Code == FactorCodes.TrustPartnerReliability).Change);
        Assert.Equal(trustChange, delta.Factors.Single(f => f.Code == FactorCodes.TrustVendorReliability).Change, 1e-9);
    }

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
    public void TopMovers_LeaveOutAChangeThatIsOnlyTheRoundingOfTheAttribution()
    {
        // Over 30 days of the worked example, friction handling has the same value, weight and share on both days, yet its
        // contribution is 4.375 before and 4.374999999999999 after: the split of the score into contributions rounds.
        var delta = Scorer.Compare(WorkedExample(), T.AddDays(-30), T);
        var rounding = delta.Factors.Where(f => f.Change != 0 && Math.Abs(f.Change) <= 1e-9).Select(f => f.Code).ToArray();
        Assert.NotEmpty(rounding);

        var movers = delta.TopMovers(int.MaxValue);

        Assert.All(movers, f => Assert.True(Math.Abs(f.Change) > 1e-9, $"{f.Code} moved {f.Change:R}"));
        Assert.Equal(delta.Factors.Count(f => Math.Abs(f.Change) > 1e-9), movers.Length);
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
