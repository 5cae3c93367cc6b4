using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

public class CooperationDimensionTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void Score_UnansweredAndLateRequests()
    {
        // H = 90 d, target 2 days. Requests, all from the partner, so the vendor answers them:
        //   1 day old, unanswered  → pending (the target has not passed): not judged
        //   3 days old, unanswered → failure, w3 = 2^(−3/90)
        //   90 days old, answered in 1 day → success, w90 = 0.5
        //   10 days old, answered in 3 days → failure, w10 = 2^(−10/90)
        // vendor responsiveness = (0.5 + 1) / (0.5 + w3 + w10 + 2)
        // partner responsiveness and friction: no evidence → the prior 0.5, certainty 0 (present, not left out)
        // reciprocity: requests are judged as responsiveness, not counted again → no initiatives, the prior 0.5
        // cooperation = 100 × (0.2 × 0.5 + 0.2 × resp + 0.35 × 0.5 + 0.25 × 0.5) ÷ 1
        double w3 = W(3, 90), w10 = W(10, 90);
        var responsiveness = 1.5 / (0.5 + w3 + w10 + 2);

        var report = Scorer.Score(Empty().With(interactions: Requests), T);

        Assert.Equal(responsiveness, report.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Value!.Value, 10);
        Assert.Equal(0.5, report.Factor(FactorCodes.CooperationPartnerResponsiveness)!.Value.Value);
        Assert.Equal(0.0, report.Factor(FactorCodes.CooperationPartnerResponsiveness)!.Value.Confidence);
        Assert.Equal(0.5, report.Factor(FactorCodes.CooperationReciprocity)!.Value.Value);
        Assert.Equal(0.5, report.Factor(FactorCodes.CooperationFrictionHandling)!.Value.Value);
        Assert.Equal(100 * ((0.2 * 0.5) + (0.2 * responsiveness) + (0.35 * 0.5) + (0.25 * 0.5)), report[HealthDimension.Cooperation].Score!.Value, 9);
        Assert.Equal(0.3407, responsiveness, 4);
        Assert.Equal("1 of 3 partner requests answered by the vendor within 2 days; 1 unanswered.", report.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Reason);
    }

    [Fact]
    public void Score_EachSideAnswersTheOthersRequests()
    {
        // The vendor asked twice: the partner answered one in 5 days (failure) and one in 1 day (success);
        // the partner asked once and the vendor answered in 1 day. Meetings: 2 by the vendor, 1 by the partner.
        // partner responsiveness = (w20 + 1) / (w20 + w30 + 2); vendor responsiveness = (w10 + 1) / (w10 + 2)
        // reciprocity (a rate of matched initiatives): the partner's weight w5 is matched by the vendor's w6 + w7 > w5,
        // so 2·w5 are successes and (w6 + w7) − w5 failures: (2·w5 + 1) / (w5 + w6 + w7 + 2)
        var report = Scorer.Score(
            Empty().With(interactions:
            [
                new Interaction(Day(-30), InteractionKind.Request, Side.Vendor, TimeSpan.FromDays(5)),
                new Interaction(Day(-20), InteractionKind.Request, Side.Vendor, TimeSpan.FromDays(1)),
                new Interaction(Day(-10), InteractionKind.Request, Side.Partner, TimeSpan.FromDays(1)),
                new Interaction(Day(-7), InteractionKind.Meeting, Side.Vendor),
                new Interaction(Day(-6), InteractionKind.Meeting, Side.Vendor),
                new Interaction(Day(-5), InteractionKind.Meeting, Side.Partner),
            ]),
            T);
        var partner = (W(20, 90) + 1) / (W(20, 90) + W(30, 90) + 2);
        var vendor = (W(10, 90) + 1) / (W(10, 90) + 2);
        var reciprocity = ((2 * W(5, 90)) + 1) / (W(5, 90) + W(6, 90) + W(7, 90) + 2);

        Assert.Equal(partner, report.Factor(FactorCodes.CooperationPartnerResponsiveness)!.Value.Value!.Value, 12);
        Assert.Equal(vendor, report.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Value!.Value, 12);
        Assert.Equal(reciprocity, report.Factor(FactorCodes.CooperationReciprocity)!.Value.Value!.Value, 12);
        Assert.Equal("1 of 2 vendor requests answered by the partner within 2 days; 0 unanswered.", report.Factor(FactorCodes.CooperationPartnerResponsiveness)!.Value.Reason);
        Assert.Equal("1 of 3 meetings, calls, emails and joint events initiated by the partner.", report.Factor(FactorCodes.CooperationReciprocity)!.Value.Reason);
    }

    [Fact]
    public void Reciprocity_CountsMeetingsCallsEmailsAndJointEvents_NotRequestsOrEscalations()
    {
        // On T: a call and a joint event by the partner, an email and a meeting by the vendor: 2 each, all 4 matched →
        // (4 + 1) / (4 + 2) = 5/6, e = 4 (DOMAIN section 3.2). A partner request the vendor answered at once and a partner
        // escalation still open, on T too, are judged by vendor responsiveness and friction handling, not counted again:
        // vendor responsiveness (1 + 1) / (1 + 2) = 2/3; the escalation is pending, so friction handling sits at its prior.
        var partnership = Empty(365).With(interactions:
        [
            new Interaction(T, InteractionKind.Call, Side.Partner),
            new Interaction(T, InteractionKind.JointEvent, Side.Partner),
            new Interaction(T, InteractionKind.Email, Side.Vendor),
            new Interaction(T, InteractionKind.Meeting, Side.Vendor),
            new Interaction(T, InteractionKind.Request, Side.Partner, TimeSpan.Zero),
            new Interaction(T, InteractionKind.Escalation, Side.Partner),
        ]);

        var report = Scorer.Score(partnership, T);
        var reciprocity = report.Factor(FactorCodes.CooperationReciprocity)!.Value;

        Assert.Equal(5 / 6.0, reciprocity.Value!.Value, 12);
        Assert.Equal(4.0, reciprocity.EvidenceWeight, 12);
        Assert.Equal("2 of 4 meetings, calls, emails and joint events initiated by the partner.", reciprocity.Reason);
        Assert.Equal(2 / 3.0, report.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Value!.Value, 12);
        Assert.Equal((0.5, 0.0), (report.Factor(FactorCodes.CooperationFrictionHandling)!.Value.Value!.Value, report.Factor(FactorCodes.CooperationFrictionHandling)!.Value.EvidenceWeight));
    }

    [Fact]
    public void Reciprocity_NothingLogged_SitsAtItsPriorNotAtItsBest()
    {
        // Model 2.1 took the balance of the posterior share, 1 − |2·E[q] − 1| with E[q] = 0.5 without initiatives: 1, its
        // best value, so any logged initiative could only keep it there or lower it. Model 2.2's rate of matched
        // initiatives sits at its prior 0.5 without them (docs/scoring.md, "Why reciprocity changed in model 2.2").
        // A year in, weight w = 2^(−1/90) a day-old meeting; co-operation's other rates at their prior 0.5.
        //   nothing logged:              reciprocity 0.5;                             score 36.5 (HealthScorerTests)
        //   a meeting each way:          2w matched → (2w + 1) / (2w + 2) = 0.7490;   the week active: + 0.15 × 100 × 0.8 / 12 = 1
        //   only the partner's meeting:  w in excess → 1 / (w + 2) = 0.3341
        //   two by the partner:          2w in excess → 1 / (2w + 2) = 0.2508
        // The score moves by 0.25 (co-operation) × 0.25 (reciprocity) × 100 × the change, plus the active week.
        var w = W(1, 90);
        Interaction Meeting(Side side) => new(Day(-1), InteractionKind.Meeting, side);
        double Reciprocity(HealthReport report) => report.Factor(FactorCodes.CooperationReciprocity)!.Value.Value!.Value;
        var nothing = Scorer.Score(Empty(365), T);
        var eachWay = Scorer.Score(Empty(365).With(interactions: [Meeting(Side.Partner), Meeting(Side.Vendor)]), T);
        var partnerOnly = Scorer.Score(Empty(365).With(interactions: [Meeting(Side.Partner)]), T);
        var partnerTwice = Scorer.Score(Empty(365).With(interactions: [Meeting(Side.Partner), Meeting(Side.Partner)]), T);

        Assert.Equal((0.5, 0.0), (Reciprocity(nothing), nothing.Factor(FactorCodes.CooperationReciprocity)!.Value.Confidence));
        Assert.Equal(((2 * w) + 1) / ((2 * w) + 2), Reciprocity(eachWay), 12);
        Assert.Equal(1 / (w + 2), Reciprocity(partnerOnly), 12);
        Assert.Equal(1 / ((2 * w) + 2), Reciprocity(partnerTwice), 12);
        Assert.Equal(36.5, nothing.Score, 12);
        Assert.Equal(36.5 + (0.25 * 0.25 * 100 * ((((2 * w) + 1) / ((2 * w) + 2)) - 0.5)) + 1, eachWay.Score, 9);
        Assert.Equal(36.5 + (0.25 * 0.25 * 100 * ((1 / (w + 2)) - 0.5)) + 1, partnerOnly.Score, 9);
        Assert.Equal(36.5 + (0.25 * 0.25 * 100 * ((1 / ((2 * w) + 2)) - 0.5)) + 1, partnerTwice.Score, 9);
        Assert.Equal((39.06, 36.46, 35.94), (Math.Round(eachWay.Score, 2), Math.Round(partnerOnly.Score, 2), Math.Round(partnerTwice.Score, 2)));   // docs/scoring.md
        Assert.True(eachWay.Score > nothing.Score + 2.5, $"{eachWay.Score} against {nothing.Score}");
        Assert.True(partnerTwice.Score < partnerOnly.Score, $"{partnerTwice.Score} against {partnerOnly.Score}");
    }

    [Fact]
    public void Score_EscalationsResolvedLateOrStillOpen()
    {
        // Target 14 days; escalations have their own half-life, 365 days (a rare event).
        // Vendor escalation 30 days ago resolved in 10 days → success, w = 2^(−30/365);
        // partner escalation 20 days ago still open (20 ≥ 14) → failure, w = 2^(−20/365);
        // partner escalation 5 days ago still open → pending.
        // friction = (2^(−30/365) + 1) / (2^(−30/365) + 2^(−20/365) + 2)
        // reciprocity: escalations are judged as friction, not counted again → no initiatives, the prior 0.5;
        // responsiveness: priors 0.5
        var report = Scorer.Score(
            Empty().With(interactions:
            [
                new Interaction(Day(-30), InteractionKind.Escalation, Side.Vendor, resolvedOn: Day(-20)),
                new Interaction(Day(-20), InteractionKind.Escalation, Side.Partner),
                new Interaction(Day(-5), InteractionKind.Escalation, Side.Partner),
            ]),
            T);
        var friction = (W(30, 365) + 1) / (W(30, 365) + W(20, 365) + 2);

        Assert.Equal(friction, report.Factor(FactorCodes.CooperationFrictionHandling)!.Value.Value!.Value, 10);
        Assert.Equal(0.5, report.Factor(FactorCodes.CooperationReciprocity)!.Value.Value);
        Assert.Equal(0.5, report.Factor(FactorCodes.CooperationVendorResponsiveness)!.Value.Value);
        Assert.Equal(100 * ((0.2 * 0.5) + (0.2 * 0.5) + (0.35 * friction) + (0.25 * 0.5)), report[HealthDimension.Cooperation].Score!.Value, 9);
        Assert.Equal("1 of 2 escalations resolved within 14 days; 1 still open.", report.Factor(FactorCodes.CooperationFrictionHandling)!.Value.Reason);
    }

    [Fact]
    public void Score_RareEscalationsAllResolvedPassThePrior()
    {
        // Issue: quarterly escalations, 8 of 8 resolved on time, left friction at 0.665 with the 90-day
        // half-life. With their own 365-day half-life (aged from the day raised): p = Σ 2^(−91k/365), k = 1..8, n = 0,
        // friction = (p + 1) / (p + 2) ≈ 0.83.
        var escalations = Enumerable.Range(1, 8)
            .Select(k => new Interaction(Day(-91 * k), InteractionKind.Escalation, Side.Partner, resolvedOn: Day((-91 * k) + 5)))
            .ToArray();
        var p = Enumerable.Range(1, 8).Sum(k => W(91 * k, 365));

        var friction = Scorer.Score(Empty().With(interactions: escalations), T).Factor(FactorCodes.CooperationFrictionHandling)!.Value.Value!.Value;

        Assert.Equal((p + 1) / (p + 2), friction, 12);
        Assert.True(friction > 0.8, $"friction {friction}");
    }
}
