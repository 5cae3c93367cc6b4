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
        // H = 90 d, target 2 days. Requests, all from the partner:
        //   1 day old, unanswered  → pending (the target has not passed): not judged
        //   3 days old, unanswered → failure, w3 = 2^(−3/90)
        //   90 days old, answered in 1 day → success, w90 = 0.5
        //   10 days old, answered in 3 days → failure, w10 = 2^(−10/90)
        // responsiveness = (0.5 + 1) / (0.5 + w3 + w10 + 2)
        // reciprocity: every interaction is the partner's, wP = w1 + w3 + w10 + w90, wV = 0:
        //   p = (wP + 1) / (wP + 2); reciprocity = 1 − |2p − 1|
        // no escalations: friction is absent → cooperation = 100 × (0.4 × resp + 0.25 × recip) / 0.65
        double w1 = W(1, 90), w3 = W(3, 90), w10 = W(10, 90), w90 = W(90, 90);
        var responsiveness = 1.5 / (0.5 + w3 + w10 + 2);
        var wP = w1 + w3 + w10 + w90;
        var p = (wP + 1) / (wP + 2);
        var reciprocity = 1 - Math.Abs((2 * p) - 1);

        var report = Scorer.Score(Empty().With(interactions: Requests), T);

        Assert.Equal(responsiveness, report.Factor(FactorCodes.CooperationResponsiveness)!.Value.Value!.Value, 10);
        Assert.Equal(reciprocity, report.Factor(FactorCodes.CooperationReciprocity)!.Value.Value!.Value, 10);
        Assert.False(report.Factor(FactorCodes.CooperationFrictionHandling)!.Value.IsPresent);
        Assert.Equal(100 * ((0.4 * responsiveness) + (0.25 * reciprocity)) / 0.65, report[HealthDimension.Cooperation].Score!.Value, 9);
        Assert.Equal(0.3407, responsiveness, 4);
        Assert.Equal("1 of 3 requests answered within 2 days; 1 unanswered.", report.Factor(FactorCodes.CooperationResponsiveness)!.Value.Reason);
    }

    [Fact]
    public void Score_EscalationsResolvedLateOrStillOpen()
    {
        // Target 14 days. Vendor escalation 30 days ago resolved in 10 days → success, w = 2^(−30/90);
        // partner escalation 20 days ago still open (20 ≥ 14) → failure, w = 2^(−20/90);
        // partner escalation 5 days ago still open → pending.
        // friction = (2^(−1/3) + 1) / (2^(−1/3) + 2^(−2/9) + 2)
        // reciprocity: wP = 2^(−20/90) + 2^(−5/90), wV = 2^(−30/90), p = (wP + 1) / (wP + wV + 2)
        var report = Scorer.Score(
            Empty().With(interactions:
            [
                new Interaction(Day(-30), InteractionKind.Escalation, Side.Vendor, resolvedOn: Day(-20)),
                new Interaction(Day(-20), InteractionKind.Escalation, Side.Partner),
                new Interaction(Day(-5), InteractionKind.Escalation, Side.Partner),
            ]),
            T);
        var friction = (W(30, 90) + 1) / (W(30, 90) + W(20, 90) + 2);
        var wP = W(20, 90) + W(5, 90);
        var p = (wP + 1) / (wP + W(30, 90) + 2);
        var reciprocity = 1 - Math.Abs((2 * p) - 1);

        Assert.Equal(friction, report.Factor(FactorCodes.CooperationFrictionHandling)!.Value.Value!.Value, 10);
        Assert.Equal(reciprocity, report.Factor(FactorCodes.CooperationReciprocity)!.Value.Value!.Value, 10);
        Assert.False(report.Factor(FactorCodes.CooperationResponsiveness)!.Value.IsPresent);
        Assert.Equal(100 * ((0.35 * friction) + (0.25 * reciprocity)) / 0.6, report[HealthDimension.Cooperation].Score!.Value, 9);
        Assert.Equal("1 of 2 escalations resolved within 14 days; 1 still open.", report.Factor(FactorCodes.CooperationFrictionHandling)!.Value.Reason);
    }
}
