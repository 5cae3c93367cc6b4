using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

public class TrustDimensionTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void Score_OneSideOnly_IsThatSidesReliability()
    {
        // Partner only (H = 180 d, λ = 2.5, α = β = 1):
        //   kept today                       w = 1     → p += 1
        //   broken 180 days ago              w = 0.5   → n += 2.5 × 0.5 = 1.25
        //   kept late 360 days ago           w = 0.25  → p += 0.125, n += 0.125
        // p = 1.125, n = 1.375 → R = (1.125 + 1) / (1.125 + 1.375 + 2) = 2.125 / 4.5 = 0.47222…
        // Vendor has no evidence: it sits at its prior 0.5 with certainty 0 (present, not left out).
        // Trust = 100 × √(0.47222… × 0.5) = 48.5913…
        var partnership = Empty().With(commitments:
        [
            new Commitment(Side.Partner, Day(0), CommitmentOutcome.Kept, Day(0)),
            new Commitment(Side.Partner, Day(-185), CommitmentOutcome.Broken, Day(-180)),
            new Commitment(Side.Partner, Day(-370), CommitmentOutcome.KeptLate, Day(-360)),
        ]);

        var report = Scorer.Score(partnership, T);
        var trust = report[HealthDimension.Trust];
        var partner = report.Factor(FactorCodes.TrustPartnerReliability)!.Value;
        var vendor = report.Factor(FactorCodes.TrustVendorReliability)!.Value;

        Assert.Equal(2.125 / 4.5, partner.Value!.Value, 10);
        Assert.Equal(100 * Math.Sqrt(2.125 / 4.5 * 0.5), trust.Score!.Value, 9);
        Assert.Equal(48.5913, trust.Score!.Value, 4);
        Assert.Equal(1.75, partner.EvidenceWeight, 10);              // 1 + 0.5 + 0.25
        Assert.Equal(1.75 / 6.75, partner.Confidence, 10);           // e / (e + κ)
        Assert.Equal(0.5, vendor.Value);
        Assert.Equal(0.0, vendor.Confidence);
        Assert.Equal(0.5 * (1.75 / 6.75), trust.Confidence, 10);     // the untracked vendor side counts 0
        Assert.Contains("1 of 3 partner commitments broken, 1 kept late", partner.Reason, StringComparison.Ordinal);
        Assert.Contains("vendor side is not tracked", vendor.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_BrokenPromiseRecordedLate_WeighsAsMuchAsLeftOpen()
    {
        // A partner promise due 200 days ago, and one kept yesterday. Left open it has been a failure since due + grace
        // (186 days ago): λ·w = 2.5 × 2^(−186/180). Recorded yesterday as broken, it is the same failure, dated where it
        // failed — not refreshed to yesterday's weight 2^(−1/180), which scored 35.66 against 37.16 for leaving it open.
        // Kept yesterday: p = 2^(−1/180); R = (p + 1) / (p + λ·w + 2) either way.
        Partnership With(Commitment commitment) => Empty().With(commitments: [commitment, new Commitment(Side.Partner, Day(-1), CommitmentOutcome.Kept, Day(-1))]);
        var open = Scorer.Score(With(new Commitment(Side.Partner, Day(-200), CommitmentOutcome.Open)), T);
        var broken = Scorer.Score(With(new Commitment(Side.Partner, Day(-200), CommitmentOutcome.Broken, Day(-1))), T);

        var (p, w) = (Math.Pow(2, -1.0 / 180), Math.Pow(2, -186.0 / 180));
        Assert.Equal((p + 1) / (p + (2.5 * w) + 2), broken.Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 12);
        Assert.Equal(open[HealthDimension.Trust].Score, broken[HealthDimension.Trust].Score);
        Assert.True(broken.Score >= open.Score, $"{broken.Score} < {open.Score}");
    }

    /// <summary>
    /// Recording the outcome of a commitment overdue past its grace never weighs its failure more than leaving it open
    /// (docs/scoring.md: "leaving broken promises open would pay"): recorded broken on any later day up to T, trust is
    /// exactly as if it were open; recorded kept late, trust is at least that. Any generated partnership, under any
    /// valid model, with one such commitment of either side added.
    /// </summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void RecordingAnOverdueOutcome_NeverScoresTrustBelowLeavingItOpen(ScoringCase c, HealthModel model, PositiveInt failedDaysAgo, PositiveInt recorded, bool vendorSide)
    {
        var asOf = c.AsOf.DayNumber;
        var grace = (long)Math.Floor(model.GracePeriod.TotalDays);
        var failedOn = asOf - 1 - (failedDaysAgo.Get % 400);     // due + grace, before T
        var due = failedOn - grace;
        if (due < DateOnly.MinValue.DayNumber)
        {
            // A grace period longer than the calendar before T: no commitment can be overdue on T.
            return;
        }

        var resolvedOn = DateOnly.FromDayNumber((int)(failedOn + 1 + (recorded.Get % (asOf - failedOn))));   // in (due + grace, T]
        var (side, dueOn) = (vendorSide ? Side.Vendor : Side.Partner, DateOnly.FromDayNumber((int)due));
        var scorer = new HealthScorer(model);
        HealthReport With(Commitment commitment) => scorer.Score(c.Partnership.With(commitments: [.. c.Partnership.Commitments, commitment]), c.AsOf);

        var open = With(new Commitment(side, dueOn, CommitmentOutcome.Open))[HealthDimension.Trust];
        var broken = With(new Commitment(side, dueOn, CommitmentOutcome.Broken, resolvedOn))[HealthDimension.Trust];
        var late = With(new Commitment(side, dueOn, CommitmentOutcome.KeptLate, resolvedOn))[HealthDimension.Trust];

        Assert.Equal(open.Score, broken.Score);
        Assert.Equal(open.Factors.Select(f => (f.Value, f.Confidence)), broken.Factors.Select(f => (f.Value, f.Confidence)));
        Assert.True(late.Score >= open.Score, $"kept late {late.Score} < open {open.Score}");
    }

    [Fact]
    public void Score_OverdueOpenPastGrace_CountsAsBrokenAndBothSidesCombineGeometrically()
    {
        // Partner: kept today (p = 1); open, due 15 days ago > 14-day grace → a failure dated at
        //          due + grace, 1 day ago: w1 = 2^(−1/180), n = 2.5 × w1;
        //          open, due 14 days ago → still in grace, not counted.
        //   R_partner = (1 + 1) / (1 + 2.5·w1 + 2) = 2 / 5.49039… = 0.364273…
        // Vendor: kept 180 days ago, resolved on its due day: w = 0.5 → R_vendor = 1.5 / 2.5 = 0.6
        // Trust = 100 × √(0.364273… × 0.6) = 46.7508…
        var w1 = W(1, 180);
        var rPartner = 2 / (3 + (2.5 * w1));
        var report = Scorer.Score(Empty().With(commitments: TrustCommitments), T);
        var partner = report.Factor(FactorCodes.TrustPartnerReliability)!.Value;
        var vendor = report.Factor(FactorCodes.TrustVendorReliability)!.Value;
        var trust = report[HealthDimension.Trust];

        Assert.Equal(rPartner, partner.Value!.Value, 10);
        Assert.Equal(0.6, vendor.Value!.Value, 10);
        Assert.Equal(100 * Math.Sqrt(rPartner * 0.6), trust.Score!.Value, 9);
        Assert.Equal(46.7508, trust.Score!.Value, 4);
        Assert.Equal(1 + w1, partner.EvidenceWeight, 10);
        Assert.Contains("1 of 2 partner commitments broken (1 of them open past the grace period)", partner.Reason, StringComparison.Ordinal);

        // The dimension's points split over the sides in proportion to weight × value.
        Assert.Equal(trust.Contribution * rPartner / (rPartner + 0.6), partner.Contribution, 9);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-14)]
    [InlineData(-15)]
    [InlineData(-200)]
    [InlineData(-3000)]
    public void Score_APromiseKeptLateAlone_LeavesItsSideAtThePrior_HoweverLate(int dueDaysAgo)
    {
        // Half a success and half a failure of one weight: (w/2 + 1) / (w + 2) = 1/2 whatever w. Until model 2.5 the success
        // half was weighed from the day it was kept and the failure half from due + grace, so a promise kept 200 days late
        // (w_f = 2^(−186/180)) gave (1/2 + 1) / (1/2 + w_f/2 + 2) = 0.5466, above the 0.5 of one kept a day late.
        var late = Empty(5000).With(commitments: [new Commitment(Side.Partner, Day(dueDaysAgo), CommitmentOutcome.KeptLate, Day(0))]);

        Assert.Equal(0.5, Scorer.Score(late, T).Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 15);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-30)]
    [InlineData(-7300)]
    public void Score_APromiseBrokenBeforeItsDueDay_CountsFromItsDueDay(int brokenDaysAgo)
    {
        // Due yesterday, broken on its due day or any day before: one failure dated yesterday, R = 1 / (2.5 · 2^(−1/180) + 2)
        // = 0.22270. Dated by its resolution day, a break back-dated twenty years weighed 2^(−7300/180) ≈ 0 and left the
        // side at its prior, 0.5: better than not recording the outcome at all (overdue from due + grace).
        var broken = Empty(8000).With(commitments: [new Commitment(Side.Partner, Day(-1), CommitmentOutcome.Broken, Day(Math.Min(-1, brokenDaysAgo)))]);

        Assert.Equal(1 / ((2.5 * W(1, 180)) + 2), Scorer.Score(broken, T).Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 12);
    }

    [Fact]
    public void Score_APromiseBrokenBeforeItIsDue_CountsFromTheDayItWasBroken()
    {
        // Due in ten days and recorded broken five days ago: on T it is broken (DOMAIN section 3.1: a commitment is read as
        // it stood on T), a failure aged from the day it was broken, w5 = 2^(−5/180): R = 1 / (2.5 · w5 + 2) = 0.2232, certainty
        // w5 / (w5 + 5) = 0.1623 — as a promise kept early counts from the day it was kept. Until then it was open and not
        // due: the prior. From its due day on it is dated at its due day, as one broken on that day: 1 / (2.5 + 2).
        var broken = Empty().With(commitments: [new Commitment(Side.Partner, Day(10), CommitmentOutcome.Broken, Day(-5))]);
        var w5 = W(5, 180);
        var partner = Scorer.Score(broken, T).Factor(FactorCodes.TrustPartnerReliability)!.Value;

        Assert.Equal(1 / ((2.5 * w5) + 2), partner.Value!.Value, 12);
        Assert.Equal(w5 / (w5 + 5), partner.Confidence, 12);
        Assert.StartsWith("1 of 1 partner commitments broken, 0 kept late, 0 kept on time", partner.Reason, StringComparison.Ordinal);
        var before = Scorer.Score(broken, Day(-6)).Factor(FactorCodes.TrustPartnerReliability)!.Value;
        Assert.Equal((0.5, 0.0), (before.Value!.Value, before.Confidence));
        Assert.Equal(1 / ((2.5 * W(14, 180)) + 2), Scorer.Score(broken, Day(9)).Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 12);   // the day before it was due
        Assert.Equal(1 / 4.5, Scorer.Score(broken, Day(10)).Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 12);   // 1 / (2.5 + 2) on the due day

        // A history over the days around the break and the due day equals each day's score (DOMAIN rule 19).
        var history = Scorer.History(broken, Day(-8), Day(12), TimeSpan.FromDays(1));
        Assert.All(history, report => Assert.Equal(
            Scorer.Score(broken, report.AsOf).Factors.Select(f => (f.Code, f.Value, f.Confidence, f.Reason)),
            report.Factors.Select(f => (f.Code, f.Value, f.Confidence, f.Reason))));
    }

    [Fact]
    public void Score_KeptAfterTheAsOfDay_IsStillOpenAndOnlyOverdueCounts()
    {
        // As of T the commitment due 20 days ago was open (kept only 5 days later): overdue → a failure
        // dated at due + grace = 6 days ago, w6 = 2^(−6/180): R = (0 + 1) / (2.5·w6 + 2).
        var late = Empty().With(commitments: [new Commitment(Side.Partner, Day(-20), CommitmentOutcome.KeptLate, Day(5))]);
        // Due in ten days and already kept today: counted as kept now.
        var early = Empty().With(commitments: [new Commitment(Side.Partner, Day(10), CommitmentOutcome.Kept, Day(0))]);

        Assert.Equal(1 / ((2.5 * W(6, 180)) + 2), Scorer.Score(late, T).Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 10);
        Assert.Equal(2 / 3.0, Scorer.Score(early, T).Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 10);  // (1 + 1) / (1 + 2)
    }
}
