using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// Each kind of evidence, scored on the days around the day it happened, was resolved or was recorded, reads as it
/// stood on that day (DOMAIN section 3.1: nothing after T is seen, and what changes over time is read as it stood on
/// T), and a daily history over those days equals each day's score (rule 19). Recency weights are w_a = 2^(−a / H).
/// </summary>
public class AsOfDayTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void Commitment_KeptLateAfterTheDay_IsNotDueThenInGraceThenOverdueThenKeptLate()
    {
        // A partner promise due on T − 20 (grace 14 days), kept late on T + 5. On T − 21 not due and on T − 6 (due + grace)
        // within grace: the prior 0.5 at certainty 0. From T − 5 it is overdue, a failure λ·w dated at due + grace = T − 6:
        // R = 1 / (2.5 · w_a + 2), a = 1 on T − 5 and 10 on T + 4. Kept on T + 5: half a success and half a failure of one
        // weight, still dated at T − 6 (a = 11): R = (w/2 + 1) / (w + 2) = 0.5, at certainty w / (w + 5).
        var partnership = Empty().With(commitments: [new Commitment(Side.Partner, Day(-20), CommitmentOutcome.KeptLate, Day(5))]);
        HealthFactor On(int day) => Scorer.Score(partnership, Day(day)).Factor(FactorCodes.TrustPartnerReliability)!.Value;

        Assert.Equal((0.5, 0.0), (On(-21).Value!.Value, On(-21).Confidence));
        Assert.Equal((0.5, 0.0), (On(-6).Value!.Value, On(-6).Confidence));
        Assert.Equal(1 / ((2.5 * W(1, 180)) + 2), On(-5).Value!.Value, 12);
        Assert.Equal(1 / ((2.5 * W(10, 180)) + 2), On(4).Value!.Value, 12);
        Assert.StartsWith("1 of 1 partner commitments broken (1 of them open past the grace period)", On(4).Reason, StringComparison.Ordinal);
        Assert.Equal(0.5, On(5).Value!.Value, 12);
        Assert.Equal(W(11, 180) / (W(11, 180) + 5), On(5).Confidence, 12);
        Assert.StartsWith("0 of 1 partner commitments broken, 1 kept late", On(5).Reason, StringComparison.Ordinal);
        AssertHistoryEqualsScore(partnership, Day(-22), Day(7));
    }

    [Fact]
    public void Commitment_BrokenAfterTheGracePeriodAndAfterTheDay_IsOverdueUntilRecorded_WithOneDate()
    {
        // A vendor promise due on T − 30, open, and recorded broken on T + 10. Overdue from T − 15, a failure dated at
        // due + grace = T − 16; recorded broken it keeps that date, so every day reads R = 1 / (2.5 · w_a + 2) with
        // a = day − (T − 16): on T (a = 16), the day before it was recorded (a = 25) and the day it was (a = 26).
        var partnership = Empty().With(commitments: [new Commitment(Side.Vendor, Day(-30), CommitmentOutcome.Broken, Day(10))]);
        HealthFactor On(int day) => Scorer.Score(partnership, Day(day)).Factor(FactorCodes.TrustVendorReliability)!.Value;

        Assert.Equal((0.5, 0.0), (On(-16).Value!.Value, On(-16).Confidence));
        Assert.Equal(1 / ((2.5 * W(16, 180)) + 2), On(0).Value!.Value, 12);
        Assert.Equal(1 / ((2.5 * W(25, 180)) + 2), On(9).Value!.Value, 12);
        Assert.Contains("(1 of them open past the grace period)", On(9).Reason, StringComparison.Ordinal);
        Assert.Equal(1 / ((2.5 * W(26, 180)) + 2), On(10).Value!.Value, 12);
        Assert.DoesNotContain("grace", On(10).Reason, StringComparison.Ordinal);
        AssertHistoryEqualsScore(partnership, Day(-17), Day(11));
    }

    [Fact]
    public void Request_AnsweredLateAfterTheDay_IsPendingThenUnansweredThenAnsweredLate()
    {
        // A partner request on T, answered by the vendor in 5 days (target 2 days, H = 90 days). On T and T + 1 it is
        // pending: not judged, the prior. From T + 2 it is a failure aged from T, unanswered: R = 1 / (w_a + 2). Its answer,
        // seen on T + 5, is late: still the failure, no longer unanswered.
        // A vendor request on T answered by the partner in a day counts from T + 1, the day its answer came: a success
        // aged from T, R = (w_1 + 1) / (w_1 + 2) = 0.6656.
        var partnership = Empty().With(interactions:
        [
            new Interaction(Day(0), InteractionKind.Request, Side.Partner, TimeSpan.FromDays(5)),
            new Interaction(Day(0), InteractionKind.Request, Side.Vendor, TimeSpan.FromDays(1)),
        ]);
        HealthFactor Vendor(int day) => Scorer.Score(partnership, Day(day)).Factor(FactorCodes.CooperationVendorResponsiveness)!.Value;
        HealthFactor Partner(int day) => Scorer.Score(partnership, Day(day)).Factor(FactorCodes.CooperationPartnerResponsiveness)!.Value;

        Assert.Equal((0.5, 0.0), (Vendor(1).Value!.Value, Vendor(1).Confidence));
        Assert.Equal("No partner requests due an answer from the vendor yet.", Vendor(1).Reason);
        Assert.Equal(1 / (W(2, 90) + 2), Vendor(2).Value!.Value, 12);
        Assert.EndsWith("; 1 unanswered.", Vendor(4).Reason, StringComparison.Ordinal);
        Assert.Equal(1 / (W(5, 90) + 2), Vendor(5).Value!.Value, 12);
        Assert.EndsWith("; 0 unanswered.", Vendor(5).Reason, StringComparison.Ordinal);
        Assert.Equal((0.5, 0.0), (Partner(0).Value!.Value, Partner(0).Confidence));
        Assert.Equal((W(1, 90) + 1) / (W(1, 90) + 2), Partner(1).Value!.Value, 12);
        AssertHistoryEqualsScore(partnership, Day(-1), Day(6));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(null)]
    public void Escalation_ResolvedAfterTheDayOrNever_IsPendingUntilResolvedOrPastTheTarget(int? resolvedOn)
    {
        // An escalation raised on T (target 14 days, H = 365 days). Resolved on T + 10: pending until then (the prior),
        // then a success aged from T, R = (w_a + 1) / (w_a + 2). Resolved on T + 20, or never: pending up to T + 13, a
        // failure from T + 14, R = 1 / (w_a + 2), "still open" until it is resolved.
        var partnership = Empty().With(interactions:
            [new Interaction(Day(0), InteractionKind.Escalation, Side.Partner, resolvedOn: resolvedOn is { } r ? Day(r) : null)]);
        HealthFactor On(int day) => Scorer.Score(partnership, Day(day)).Factor(FactorCodes.CooperationFrictionHandling)!.Value;

        var inTime = resolvedOn <= 14;
        var pendingUntil = inTime ? resolvedOn!.Value : 14;
        Assert.Equal((0.5, 0.0), (On(pendingUntil - 1).Value!.Value, On(pendingUntil - 1).Confidence));
        Assert.Equal("No escalations due a resolution yet.", On(pendingUntil - 1).Reason);
        var w = W(pendingUntil, 365);
        Assert.Equal(inTime ? (w + 1) / (w + 2) : 1 / (w + 2), On(pendingUntil).Value!.Value, 12);
        Assert.EndsWith(inTime ? "; 0 still open." : "; 1 still open.", On(pendingUntil).Reason, StringComparison.Ordinal);
        Assert.EndsWith(resolvedOn is null ? "; 1 still open." : "; 0 still open.", On(25).Reason, StringComparison.Ordinal);
        Assert.Equal(inTime ? (W(25, 365) + 1) / (W(25, 365) + 2) : 1 / (W(25, 365) + 2), On(25).Value!.Value, 12);
        AssertHistoryEqualsScore(partnership, Day(-1), Day(25));
    }

    [Fact]
    public void Delivery_DatedAfterTheDay_IsNotSeenUntilItsDay()
    {
        // A successful delivery on T: the day before, reliability is the prior 0.5 at certainty 0; on T, (1 + 1) / (1 + 2).
        var partnership = Empty().With(deliveries: [new Delivery(Day(0), true, 0.9)]);
        HealthFactor On(int day) => Scorer.Score(partnership, Day(day)).Factor(FactorCodes.CompetencyDeliveryReliability)!.Value;

        Assert.Equal((0.5, 0.0), (On(-1).Value!.Value, On(-1).Confidence));
        Assert.Equal(2 / 3.0, On(0).Value!.Value, 12);
        Assert.Equal(1 / 6.0, On(0).Confidence, 12);
        AssertHistoryEqualsScore(partnership, Day(-2), Day(1));
    }

    [Fact]
    public void Certification_CoversFromTheDayObtained_UpToTheDayBeforeItExpires()
    {
        // Azure required, certified on T, expiring on T + 30: not valid on T − 1 (coverage 0), valid from T to T + 29 with
        // an expiry signal ("in 30 days" on T, "tomorrow" on T + 29), and expired on T + 30: coverage 0, no signal.
        var partnership = Empty().With(requiredCompetencies: ["Azure"], certifications: [new Certification("Azure", Day(0), Day(30))]);
        HealthReport On(int day) => Scorer.Score(partnership, Day(day));
        static string? Expiry(HealthReport report) => report.Signals.Where(s => s.Code == FactorCodes.CertificationExpiring).Select(s => s.Message).SingleOrDefault();

        Assert.Equal(0.0, On(-1).Factor(FactorCodes.CompetencyCoverage)!.Value.Value);
        Assert.Null(Expiry(On(-1)));
        Assert.Equal(1.0, On(0).Factor(FactorCodes.CompetencyCoverage)!.Value.Value);
        Assert.EndsWith("expires on 2025-07-30, in 30 days, with no renewal on record.", Expiry(On(0)), StringComparison.Ordinal);
        Assert.Equal(1.0, On(29).Factor(FactorCodes.CompetencyCoverage)!.Value.Value);
        Assert.EndsWith("expires on 2025-07-30, tomorrow, with no renewal on record.", Expiry(On(29)), StringComparison.Ordinal);
        Assert.Equal(0.0, On(30).Factor(FactorCodes.CompetencyCoverage)!.Value.Value);
        Assert.Null(Expiry(On(30)));
        AssertHistoryEqualsScore(partnership, Day(-1), Day(31));
    }

    [Fact]
    public void Plan_ReviewsAndCheckIns_CountFromTheirOwnDay()
    {
        // A plan created on T (a review recording alignment 0.3), reviewed on T + 10 recording 0.6; one goal of both sides,
        // from T to T + 20, with check-ins 0.2 on T + 5 and 0.5 on T + 10. On T − 1 there is no plan. On T + 9 the alignment
        // is 0.3, the last review 9 days old (freshness 1, within the 90-day cadence), and the goal expects 9 / 20 = 0.45
        // and has 0.2: on track 0.2 / 0.45 = 0.4444. On T + 10, the day of the review and the check-in: 0.6, reviewed
        // today, and 0.5 against the 0.5 expected: on track 1.
        var plan = new JointPlan(
            Day(0),
            [new PlanGoal("Joint pipeline", GoalOwner.Both, [new GoalCheckIn(Day(5), 0.2), new GoalCheckIn(Day(10), 0.5)], new MeasurableTarget(10, "deals"), Day(0), Day(20))],
            [new PlanReview(Day(0), 0.3), new PlanReview(Day(10), 0.6)]);
        var partnership = Empty().With(plan: _ => plan);
        HealthReport On(int day) => Scorer.Score(partnership, Day(day));

        Assert.NotNull(On(-1).Factor(FactorCodes.PlanMissing));
        Assert.Null(On(0).Factor(FactorCodes.PlanMissing));
        Assert.Equal(0.3, On(9).Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value);
        Assert.Equal(0.2 / 0.45, On(9).Factor(FactorCodes.PlanGoalsOnTrack)!.Value.Value!.Value, 12);
        Assert.StartsWith("Last reviewed together 9 days ago", On(9).Factor(FactorCodes.PlanFreshness)!.Value.Reason, StringComparison.Ordinal);
        Assert.Equal(0.6, On(10).Factor(FactorCodes.PlanBusinessAlignment)!.Value.Value);
        Assert.Equal(1.0, On(10).Factor(FactorCodes.PlanGoalsOnTrack)!.Value.Value!.Value, 12);
        Assert.StartsWith("Last reviewed together today", On(10).Factor(FactorCodes.PlanFreshness)!.Value.Reason, StringComparison.Ordinal);
        AssertHistoryEqualsScore(partnership, Day(-1), Day(11));
    }

    [Fact]
    public void Deal_RegisteredAfterTheDay_IsUnknownUntilRegistered_AndOpenUntilClosed()
    {
        // A deal that originated on T − 20 and was registered on T (20 days late, window 7), won on T + 30, never updated.
        // Until T − 1 the CRM does not know it: no deal. From T it is a late registration aged from T,
        // timeliness (0 + 1) / (1 + 2) = 1/3, open and fresh (its registration is its latest activity) up to T + 14,
        // (1 + 1) / (1 + 2) = 2/3, stale from T + 15, (0 + 1) / (1 + 2) = 1/3, and closed from T + 30: no open deal.
        var deal = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), Day(-20), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Won, 1000m, Id, registeredOn: Day(0), expectedCloseOn: Day(30), closedOn: Day(30), stage: "Won");
        var partnership = Empty().With(opportunities: [deal]);
        HealthFactor On(int day, string code) => Scorer.Score(partnership, Day(day)).Factor(code)!.Value;

        Assert.Equal("No deals with a registration day yet.", On(-1, FactorCodes.ProgressRegistrationTimeliness).Reason);
        Assert.Equal("No open deals.", On(-1, FactorCodes.ProgressPipelineFreshness).Reason);
        Assert.Equal(1 / 3.0, On(0, FactorCodes.ProgressRegistrationTimeliness).Value!.Value, 12);
        Assert.Equal(2 / 3.0, On(14, FactorCodes.ProgressPipelineFreshness).Value!.Value, 12);
        Assert.Equal(1 / 3.0, On(15, FactorCodes.ProgressPipelineFreshness).Value!.Value, 12);
        Assert.Equal("1 of 1 open deals updated in the last 14 days.", On(14, FactorCodes.ProgressPipelineFreshness).Reason);
        Assert.Equal("No open deals.", On(30, FactorCodes.ProgressPipelineFreshness).Reason);
        AssertHistoryEqualsScore(partnership, Day(-1), Day(31));
    }

    [Fact]
    public void BeforeAndOnTheStartDay_EvidenceCountsAsRates_AndFactsAreUncertain()
    {
        // A partnership started on T, with a partner meeting on T and a kept partner promise on T − 5, before the start.
        // On T − 6 nothing is seen. On T − 1, before the start, the promise counts (R = (w_4 + 1) / (w_4 + 2), H = 180),
        // the meeting does not yet, and no week of the cadence has begun: 0 of 0 weeks, certainty 0. On T, the start day,
        // the meeting counts for reciprocity (the partner's initiative of weight 1: (0 + 1) / (1 + 2) = 1/3) and makes the
        // first week active, 1 of 1, at certainty 0: every fact's certainty is 0 days / 90 = 0.
        var partnership = Empty(startedDaysAgo: 0).With(
            commitments: [new Commitment(Side.Partner, Day(-5), CommitmentOutcome.Kept)],
            interactions: [new Interaction(Day(0), InteractionKind.Meeting, Side.Partner)]);
        HealthFactor On(int day, string code) => Scorer.Score(partnership, Day(day)).Factor(code)!.Value;

        Assert.Equal((0.5, 0.0), (On(-6, FactorCodes.TrustPartnerReliability).Value!.Value, On(-6, FactorCodes.TrustPartnerReliability).Confidence));
        Assert.Equal((W(4, 180) + 1) / (W(4, 180) + 2), On(-1, FactorCodes.TrustPartnerReliability).Value!.Value, 12);
        Assert.Equal("No meetings, calls, emails or joint events recorded yet.", On(-1, FactorCodes.CooperationReciprocity).Reason);
        Assert.Equal("The partnership has not started yet.", On(-1, FactorCodes.ProgressWeeklyCadence).Reason);
        Assert.Equal(1 / 3.0, On(0, FactorCodes.CooperationReciprocity).Value!.Value, 12);
        Assert.Equal((1.0, 0.0), (On(0, FactorCodes.ProgressWeeklyCadence).Value!.Value, On(0, FactorCodes.ProgressWeeklyCadence).Confidence));
        Assert.Equal(0.0, Scorer.Score(partnership, Day(0)).Factor(FactorCodes.PlanMissing)!.Value.Confidence);
        AssertHistoryEqualsScore(partnership, Day(-7), Day(1));
    }

    /// <summary>A daily history over the days equals each day's score, to the last bit (DOMAIN rule 19).</summary>
    private static void AssertHistoryEqualsScore(Partnership partnership, DateOnly from, DateOnly to)
    {
        var history = Scorer.History(partnership, from, to, TimeSpan.FromDays(1));

        Assert.Equal(to.DayNumber - from.DayNumber + 1, history.Length);
        foreach (var report in history)
        {
            HealthHistoryTests.AssertSame(Scorer.Score(partnership, report.AsOf), report);
        }
    }
}
