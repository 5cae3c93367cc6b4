using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
using PartnerMetrics.Tests.Health;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Insights;

/// <summary>
/// One pinned example per action code, computed by hand from DOMAIN section 3 with the default model (2.6): dimension
/// weights trust 0.25, competency 0.2, co-operation 0.25, plan 0.15, progress 0.15 (they sum to 1, every dimension is
/// present, so the overall score moves by a dimension's weight times its change); factor weights competency coverage 0.2,
/// delivery 0.8; co-operation 0.2 / 0.2 / 0.35 / 0.25; plan on track 0.15, shared ownership 0.1, business alignment
/// 0.55, clarity 0.1, freshness 0.1; progress timeliness 0.1, freshness 0.05, completeness 0.05, weekly cadence 0.8
/// (each dimension's factor weights sum to 1); priors α = β = 1; κ = 5. A rate
/// with weighted successes p and failures n is (p + 1) / (p + n + 2) with certainty e / (e + 5); trust is
/// 100 × √(partner × vendor); reciprocity is the rate whose successes are the initiatives the other side matched,
/// 2·min(w_p, w_v), and whose failures are the excess, |w_p − w_v|. Each example starts from <see cref="Base"/>, whose
/// week is already active.
/// </summary>
public partial class RecommendationTests
{
    private const int Digits = 9;

    [Fact]
    public void KeepVendorPromises_ThreeKeptToday()
    {
        // Vendor broke a promise 30 days ago: n = 2.5 w, w = 2^(−30/180); p = 0 → v = 1 / (2.5 w + 2) ≈ 0.235.
        // Three kept today (weight 1 each): v' = 4 / (2.5 w + 5). The partner side sits at 0.5.
        // Δ = 0.25 × 100 × √0.5 × (√v' − √v); certainty of the vendor side w / (w + 5) → (w + 3) / (w + 8), half of trust's.
        var w = W(30, 180);
        var action = Act(Base().With(commitments: [new Commitment(Side.Vendor, Day(-30), CommitmentOutcome.Broken, Day(-30))]), RecommendationCodes.KeepVendorPromises);

        Assert.Equal(RecommendationTrigger.ObservedFailure, action.Trigger);
        Assert.Equal("Keep the next 3 vendor promises", action.Action);
        Assert.Equal(0.25 * 100 * Math.Sqrt(0.5) * (Math.Sqrt(4 / ((2.5 * w) + 5)) - Math.Sqrt(1 / ((2.5 * w) + 2))), action.Impact, Digits);
        Assert.Equal(0.25 * 0.5 * (((w + 3) / (w + 8)) - (w / (w + 5))), action.ConfidenceGain, Digits);
    }

    [Fact]
    public void KeepPartnerPromises_OneKeptSoFar_IsEvidenceGathering()
    {
        // One kept 10 days ago, w = 2^(−10/180): the partner side is (w + 1) / (w + 2), certainty w / (w + 5) ≈ 0.16 < 0.5.
        // Three more kept today: (w + 4) / (w + 5), certainty (w + 3) / (w + 8).
        var w = W(10, 180);
        var action = Act(Base().With(commitments: [new Commitment(Side.Partner, Day(-10), CommitmentOutcome.Kept, Day(-10))]), RecommendationCodes.KeepPartnerPromises);

        Assert.Equal(RecommendationTrigger.TooLittleEvidence, action.Trigger);
        Assert.Equal(0.25 * 100 * Math.Sqrt(0.5) * (Math.Sqrt((w + 4) / (w + 5)) - Math.Sqrt((w + 1) / (w + 2))), action.Impact, Digits);
        Assert.Equal(0.25 * 0.5 * (((w + 3) / (w + 8)) - (w / (w + 5))), action.ConfidenceGain, Digits);
    }

    [Fact]
    public void CloseCertificationGaps_RenewsTheExpiredOne()
    {
        // Azure expired 30 days ago, Security valid: coverage 1/2 → 2/2. Competency = 0.2 coverage + 0.8 delivery,
        // so it gains 100 × 0.2 × 0.5 = 10 points and the overall score 0.2 × 10 = 2.0. A fact's certainty is the
        // partnership's age, so confidence does not move.
        var partnership = new Partnership(
            Examples.Partner,
            Day(-365),
            ["Azure", "Security"],
            certifications: [new Certification("Azure", Day(-400), Day(-30)), new Certification("Security", Day(-100)), new Certification("Marker", T)]);

        var action = Act(partnership, RecommendationCodes.CloseCertificationGaps);

        Assert.Equal("Renew Azure certification", action.Action);
        Assert.Equal(2.0, action.Impact, Digits);
        Assert.Equal(0.0, action.ConfidenceGain, Digits);
    }

    [Theory]
    [InlineData(new[] { "Azure", "Security" }, "A certification in 'Azure' added, obtained 2025-06-30, without expiry (1 more required competency lacks one).")]
    [InlineData(new[] { "Azure", "Security", "Data" }, "A certification in 'Azure' added, obtained 2025-06-30, without expiry (2 more required competencies lack one).")]
    [InlineData(new[] { "Azure" }, "A certification in 'Azure' added, obtained 2025-06-30, without expiry.")]
    public void CloseCertificationGaps_CountsTheOtherGapsInTheRightNumber(string[] required, string change)
    {
        // None of the required competencies is certified: the first is certified today, and the change says how many more
        // lack one. One more read "(1 more required competencies lack one)".
        var partnership = new Partnership(Examples.Partner, Day(-365), required, certifications: [new Certification("Marker", T)]);

        var action = Act(partnership, RecommendationCodes.CloseCertificationGaps);

        Assert.Equal(change, action.Change);
    }

    [Fact]
    public void DeliverOnTime_ThreeGoodDeliveriesToday()
    {
        // A late delivery 30 days ago: n = w = 2^(−30/365) → v = 1 / (w + 2); three on time today rated 0.9 ≥ 0.7:
        // v' = 4 / (w + 5). Coverage is vacuous, so competency is delivery alone: Δ = 0.2 × 100 × (v' − v).
        var w = W(30, 365);
        var action = Act(Base().With(deliveries: [new Delivery(Day(-30), false, 0.9)]), RecommendationCodes.DeliverOnTime);

        Assert.Equal(0.2 * 100 * ((4 / (w + 5)) - (1 / (w + 2))), action.Impact, Digits);
        Assert.Equal(0.2 * (((w + 3) / (w + 8)) - (w / (w + 5))), action.ConfidenceGain, Digits);
    }

    [Theory]
    [InlineData(0.7, "satisfaction 0.9 (the threshold is 0.7)")]
    [InlineData(0.999, "satisfaction 0.999 (the threshold is 0.999)")] // read "satisfaction 1 (the threshold is 1)"
    [InlineData(0.905, "satisfaction 0.905 (the threshold is 0.905)")] // read "satisfaction 0.91 (the threshold is 0.91)"
    public void DeliverOnTime_WritesTheSatisfactionAndTheThresholdAsTheyAre(double threshold, string written)
    {
        // Below a threshold above 0.9, the deliveries are rated at the threshold itself: the change names the rating it adds.
        var scorer = new HealthScorer(HealthModel.Default with { SatisfactionThreshold = threshold });

        var action = Assert.Single(new PartnershipAdvisor(scorer).Recommend(Base().With(deliveries: [new Delivery(Day(-30), false, 0.9)]), T), a => a.Code == RecommendationCodes.DeliverOnTime);

        Assert.Equal($"3 deliveries added, completed on time 2025-06-30 with {written}.", action.Change);
    }

    [Theory]
    [InlineData(Side.Vendor, RecommendationCodes.AgreeResponseTargets, FactorCodes.CooperationPartnerResponsiveness)]
    [InlineData(Side.Partner, RecommendationCodes.AnswerRequestsFaster, FactorCodes.CooperationVendorResponsiveness)]
    public void ResponseActions_ThreeRequestsAnsweredInADay(Side asker, string code, string factor)
    {
        // A request asked 10 days ago, unanswered past the 2-day target: a failure of weight w = 2^(−10/90).
        // Three asked yesterday and answered in a day: successes of weight u = 2^(−1/90) each.
        // v = 1 / (w + 2) → (3u + 1) / (3u + w + 2); the factor weighs 0.2 of co-operation (weights sum to 1), and
        // co-operation 0.25 of the score: Δ = 0.25 × 100 × 0.2 × (v' − v); certainty w / (w + 5) → (w + 3u) / (w + 3u + 5).
        var (w, u) = (W(10, 90), W(1, 90));
        var action = Act(Base().With(interactions: [new Interaction(Day(-10), InteractionKind.Request, asker)]), code);

        Assert.Equal(factor, action.FactorCode);
        Assert.Equal(0.25 * 100 * 0.2 * ((((3 * u) + 1) / ((3 * u) + w + 2)) - (1 / (w + 2))), action.Impact, Digits);
        Assert.Equal(0.25 * 0.2 * (((w + (3 * u)) / (w + (3 * u) + 5)) - (w / (w + 5))), action.ConfidenceGain, Digits);
    }

    [Theory]
    [InlineData(2 * 24 * 60 * 60, "1 d (the target is 2 d)")]
    [InlineData(90 * 60, "1.5 h (the target is 1.5 h)")]
    [InlineData(20, "20 s (the target is 20 s)")] // read "0.01 h (the target is 0.01 h)"
    [InlineData(1, "1 s (the target is 1 s)")] // read "0 h (the target is 0 h)"
    [InlineData(7 * 60, "7 min (the target is 7 min)")] // read "0.12 h (the target is 0.12 h)"
    public void ResponseActions_WriteTheResponseTimeAndTheTargetWithoutRoundingThemAway(int targetSeconds, string written)
    {
        // Answered in a day, or in the target when it is shorter: the change names the time it adds, in a unit that shows it.
        var scorer = new HealthScorer(HealthModel.Default with { ResponseTarget = TimeSpan.FromSeconds(targetSeconds) });

        var action = Assert.Single(new PartnershipAdvisor(scorer).Recommend(Base().With(interactions: [new Interaction(Day(-10), InteractionKind.Request, Side.Vendor)]), T), a => a.Code == RecommendationCodes.AgreeResponseTargets);

        Assert.EndsWith($"answered by the partner in {written}.", action.Change, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RecommendationCodes.AgreeResponseTargets)]
    [InlineData(RecommendationCodes.AnswerRequestsFaster)]
    public void ResponseActions_OnThePartnershipsFirstDay_AskNothingBeforeItStarted(string code)
    {
        // A partnership started today, with nothing logged: each side's responsiveness sits at its prior, certainty 0. The
        // requests were asked yesterday, the day before the partnership existed, and the change said so ("asked
        // 2025-06-29"). Asked today and answered the same day, they are known, and count, today as well.
        var partnership = new Partnership(Examples.Partner, T);

        var action = Act(partnership, code);
        var changed = Advisor.ChangeOf(partnership, T, action);

        Assert.All(changed.Interactions, i => Assert.Equal(T, i.Date));
        Assert.Contains($"asked {T:yyyy-MM-dd} and answered", action.Change, StringComparison.Ordinal);
        Assert.Equal(RecommendationTrigger.TooLittleEvidence, action.Trigger);
        Assert.True(action.ConfidenceGain > 0, action.ToString());
    }

    [Fact]
    public void ResolveEscalations_TheOpenOneToday()
    {
        // One escalation raised 100 days ago and resolved 40 days later (past the 14-day target): a failure weighing
        // f = 2^(−100/365) (escalations' half-life). One raised 3 days ago is open, within the target: not counted yet.
        // Resolved today, it is a success weighing s = 2^(−3/365): v = 1 / (f + 2) → (s + 1) / (s + f + 2); weight 0.35
        // of co-operation, which weighs 0.25: Δ = 0.25 × 100 × 0.35 × (v' − v).
        var (f, s) = (W(100, 365), W(3, 365));
        var action = Act(
            Base().With(interactions: [new Interaction(Day(-100), InteractionKind.Escalation, Side.Partner, resolvedOn: Day(-60)), new Interaction(Day(-3), InteractionKind.Escalation, Side.Vendor)]),
            RecommendationCodes.ResolveEscalations);

        Assert.Equal("Resolve open escalation today", action.Action);
        Assert.Equal(0.25 * 100 * 0.35 * (((s + 1) / (s + f + 2)) - (1 / (f + 2))), action.Impact, Digits);
        Assert.Equal(0.25 * 0.35 * (((s + f) / (s + f + 5)) - (f / (f + 5))), action.ConfidenceGain, Digits);
    }

    [Theory]
    [InlineData(14 * 24 * 60 * 60, "14 days")]
    [InlineData(36 * 60 * 60, "1.5 days")]
    [InlineData(20, "20 seconds")] // read "within the 0-day target"
    public void ResolveEscalations_TheOpenOne_NamesTheTargetAsItIs(int targetSeconds, string written)
    {
        // An escalation raised today is open within any target; resolving it today is the change.
        var scorer = new HealthScorer(HealthModel.Default with { ResolutionTarget = TimeSpan.FromSeconds(targetSeconds) });

        var action = Assert.Single(new PartnershipAdvisor(scorer).Recommend(Base().With(interactions: [new Interaction(Day(-100), InteractionKind.Escalation, Side.Partner, resolvedOn: Day(-60)), new Interaction(T, InteractionKind.Escalation, Side.Vendor)]), T), a => a.Code == RecommendationCodes.ResolveEscalations);

        Assert.EndsWith($"resolved {T:yyyy-MM-dd}, within the target of {written}.", action.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveEscalations_NoneOpen_TheNextThreeInTime()
    {
        // The same late escalation, none open: three raised and resolved today, weight 1 each: v' = 4 / (f + 5).
        // Δ = 0.25 × 100 × 0.35 × (4 / (f + 5) − 1 / (f + 2)).
        var f = W(100, 365);
        var action = Act(Base().With(interactions: [new Interaction(Day(-100), InteractionKind.Escalation, Side.Partner, resolvedOn: Day(-60))]), RecommendationCodes.ResolveEscalations);

        Assert.Equal(0.25 * 100 * 0.35 * ((4 / (f + 5)) - (1 / (f + 2))), action.Impact, Digits);
    }

    [Fact]
    public void BalanceInitiative_ThePartnerStartsTheNextTwoMeetings()
    {
        // Two meetings 10 days ago, both initiated by the vendor (u = 2^(−10/90) each): nothing matched, 2u in excess,
        // reciprocity 1 / (2u + 2). Two partner-initiated meetings today (weight 1 each, 2 > 2u): 2·2u matched and
        // 2 − 2u in excess, so (4u + 1) / (2u + 4).
        // Reciprocity weighs 0.25 of co-operation, co-operation 0.25 of the score: Δ = 0.25 × 100 × 0.25 × (balance' − balance);
        // certainty 2u / (2u + 5) → (2u + 2) / (2u + 7).
        var u = W(10, 90);
        var meetings = Enumerable.Repeat(new Interaction(Day(-10), InteractionKind.Meeting, Side.Vendor), 2);
        var action = Act(Base().With(interactions: meetings), RecommendationCodes.BalanceInitiative);

        Assert.Equal("Partner starts next 2 meetings", action.Action);
        Assert.Equal(0.25 * 100 * 0.25 * ((((4 * u) + 1) / ((2 * u) + 4)) - (1 / ((2 * u) + 2))), action.Impact, Digits);
        Assert.Equal(0.25 * 0.25 * ((((2 * u) + 2) / ((2 * u) + 7)) - (2 * u / ((2 * u) + 5))), action.ConfidenceGain, Digits);
    }

    [Fact]
    public void BalanceInitiative_TheSideWhoseInitiativesWeighLess_StartsTheNext()
    {
        // The partner met 2 days ago (p = 2^(−2/90)); the vendor twice, 200 and 201 days ago (v = 2^(−200/90) + 2^(−201/90)
        // ≈ 0.43 < p). By the counts the partner lags (1 of 3), but another partner meeting would only add to its excess.
        // The vendor's weigh less by p − v ≈ 0.56, so one vendor meeting today (weight 1): v + 1 > p, matched 2p, excess
        // v + 1 − p. Reciprocity (2v + 1) / (p + v + 2) → (2p + 1) / (p + v + 3); the week is already active.
        var (p, v) = (W(2, 90), W(200, 90) + W(201, 90));
        Interaction Meeting(int day, Side side) => new(Day(day), InteractionKind.Meeting, side);
        var action = Act(Base().With(interactions: [Meeting(-2, Side.Partner), Meeting(-200, Side.Vendor), Meeting(-201, Side.Vendor)]), RecommendationCodes.BalanceInitiative);

        Assert.Equal("We start next meeting", action.Action);
        Assert.Equal(0.25 * 100 * 0.25 * ((((2 * p) + 1) / (p + v + 3)) - (((2 * v) + 1) / (p + v + 2))), action.Impact, Digits);
    }

    [Fact]
    public void BalanceInitiative_AnExcessOfHalfAMeetingOrLess_ProposesNone()
    {
        // One vendor meeting 226 days ago: the vendor leads by 2^(−226/90) ≈ 0.175 of a meeting. A partner meeting today
        // (weight 1) would leave the partner 0.825 ahead: reciprocity (2 × 0.175 + 1) / (1.175 + 2) ≈ 0.425 against
        // 1 / (0.175 + 2) ≈ 0.460 today. It was proposed (its points came from the week it made active) and lowered the
        // factor it was for (the review).
        var partnership = new Partnership(Examples.Partner, Day(-300), interactions: [new Interaction(Day(-226), InteractionKind.Meeting, Side.Vendor)]);

        Assert.DoesNotContain(Advisor.Recommend(partnership, T), a => a.Code == RecommendationCodes.BalanceInitiative);
    }

    [Fact]
    public void BalanceInitiative_AsManyInitiativesAsTheVendorButRecent_IsAFailureToRepair()
    {
        // The partner called on each of the last 10 days (p = Σ 2^(−k/90), k = 0…9 ≈ 9.66); the vendor 10 times, 400 to 409
        // days ago (v = Σ 2^(−(400 + k)/90) ≈ 0.44). Equal counts, but reciprocity's failures are the excess p − v ≈ 9.2:
        // reciprocity (2v + 1) / (p + v + 2) ≈ 0.16 at certainty (p + v) / (p + v + 5) ≈ 0.67. Nothing was proposed, as the
        // counts were read for failure. Three vendor meetings today (v + 3 < p): (2v + 7) / (p + v + 5); the week is already
        // active, so Δ = 0.25 × 100 × 0.25 × (balance' − balance).
        var p = Enumerable.Range(0, 10).Sum(k => W(k, 90));
        var v = Enumerable.Range(400, 10).Sum(k => W(k, 90));
        var calls = Enumerable.Range(0, 10).Select(k => new Interaction(Day(-k), InteractionKind.Call, Side.Partner))
            .Concat(Enumerable.Range(400, 10).Select(k => new Interaction(Day(-k), InteractionKind.Call, Side.Vendor)));

        var action = Act(Base().With(interactions: calls), RecommendationCodes.BalanceInitiative);

        Assert.Equal(RecommendationTrigger.ObservedFailure, action.Trigger);
        Assert.Equal("We start next 3 meetings", action.Action);
        Assert.Equal(0.25 * 100 * 0.25 * ((((2 * v) + 7) / (p + v + 5)) - (((2 * v) + 1) / (p + v + 2))), action.Impact, Digits);
    }

    [Fact]
    public void BalanceInitiative_FewerInitiativesOfEqualWeight_IsNoFailure()
    {
        // The partner called 20 times 180 days ago (20 × 2^(−2) = 5), the vendor 5 times today (5): unequal counts, equal
        // weights, so nothing in excess — reciprocity (2 × 5 + 1) / (10 + 2) = 11/12, below 1 only by its prior, at certainty
        // 10 / 15 ≥ 0.5. It was an observed failure by the counts, and "each side initiates a meeting" was proposed.
        var calls = Enumerable.Repeat(new Interaction(Day(-180), InteractionKind.Call, Side.Partner), 20)
            .Concat(Enumerable.Repeat(new Interaction(T, InteractionKind.Call, Side.Vendor), 5));
        var partnership = Base().With(interactions: calls);
        var reciprocity = Scorer.Score(partnership, T).Factor(FactorCodes.CooperationReciprocity)!.Value;

        Assert.Equal(11 / 12.0, reciprocity.Value!.Value, Digits);
        Assert.Equal(10 / 15.0, reciprocity.Confidence, Digits);
        Assert.DoesNotContain(Advisor.Recommend(partnership, T), a => a.FactorCode == FactorCodes.CooperationReciprocity);
    }

    [Fact]
    public void ResolveEscalations_NoEscalationEver_ProposesNone()
    {
        // Friction handling at its prior, with nothing to handle: three escalations invented and resolved won points for
        // raising friction (the review).
        var partnership = new Partnership(Examples.Partner, Day(-400));

        Assert.DoesNotContain(Advisor.Recommend(partnership, T), a => a.Code == RecommendationCodes.ResolveEscalations);
    }

    [Fact]
    public void Recommend_BeforeThePartnershipStarts_ProposesNothing()
    {
        // Three days before the start, no week was observed: weekly cadence read the fact 0, an observed failure of High
        // severity whose message said the partnership had not started (the review).
        var partnership = new Partnership(Examples.Partner, T.AddDays(3), requiredCompetencies: ["Azure"]);

        Assert.Empty(Advisor.Recommend(partnership, T));
        Assert.NotEmpty(Advisor.Recommend(partnership, T.AddDays(3)));
    }

    [Fact]
    public void Recommend_OnThePartnershipsFirstDay_ClaimsNoFailureOfAFactNothingWasObservedFor()
    {
        // Started today with Azure and Security required and nothing logged: every fact — no plan, coverage 0 of 2, no active
        // week — has certainty 0 (0 days of a 90-day maturity), so nothing about them is observed yet. They were proposed as
        // observed failures of High severity ("Hold a joint planning session", "Certify Azure today", "Log this week's
        // follow-up call", the last with "Activity logged in 0 of the last 1 week"), on a report with confidence 0. The
        // evidence-gathering actions stay: the proof of concept and each rate's too-little-evidence action.
        var partnership = new Partnership(Examples.Partner, T, requiredCompetencies: Required);
        var report = Scorer.Score(partnership, T);

        var actions = Advisor.Recommend(partnership, T);

        Assert.All(report.Factors.Where(f => !IsRate(f.Code) && f.IsPresent), f => Assert.Equal(0.0, f.Confidence));
        Assert.DoesNotContain(actions, a => a.Trigger == RecommendationTrigger.ObservedFailure);
        Assert.Contains(actions, a => a.Code == RecommendationCodes.ExpandProofOfConcept);
        Assert.Contains(actions, a => a.Code == RecommendationCodes.DeliverOnTime && a.Trigger == RecommendationTrigger.TooLittleEvidence);

        // A day later the facts have some certainty (1/90), and their shortfalls are observed failures again.
        Assert.Contains(Advisor.Recommend(partnership, T.AddDays(1)), a => a.FactorCode == FactorCodes.PlanMissing && a.Trigger == RecommendationTrigger.ObservedFailure);
    }

    [Fact]
    public void ScheduleJointPlanning_APlanWithOneSharedMeasurableGoal()
    {
        // No plan: plan alignment 0. A plan created today with one shared, measurable goal due in 90 days (nothing
        // expected yet, so left out of goals on track: no goal measured, the fact 0), no alignment recorded (the fact 0),
        // fresh: 100 × (0.15 × 0 + 0.1 × 1 + 0.55 × 0 + 0.1 × 1 + 0.1 × 1) = 30, so the overall score gains 0.15 × 30 = 4.5.
        // Every plan fact is as certain as the year-old partnership: confidence stays.
        var action = Act(Base(), RecommendationCodes.ScheduleJointPlanning);

        Assert.Equal(4.5, action.Impact, Digits);
        Assert.Equal(0.0, action.ConfidenceGain, Digits);
    }

    [Fact]
    public void GetGoalsOnTrack_ACheckInAtTheExpectedProgress()
    {
        // A goal from 100 days ago to 100 days ahead at 0.2: expected 100 / 200 = 0.5, on track 0.2 / 0.5 = 0.4.
        // A check-in today at 0.5 puts it at 1: plan alignment gains 100 × 0.15 × 0.6 = 9, the score 0.15 × 9 = 1.35.
        var plan = new JointPlan(
            Day(-100),
            [new PlanGoal("Pipeline", GoalOwner.Both, [new GoalCheckIn(Day(-20), 0.2)], new MeasurableTarget(10, "deals"), Day(-100), Day(100))],
            [new PlanReview(Day(-10), 0.5)]);

        var action = Act(Base().With(plan: _ => plan), RecommendationCodes.GetGoalsOnTrack);

        Assert.Equal(1.35, action.Impact, Digits);
    }

    [Fact]
    public void ShareGoalOwnership_TheSoloGoalBecomesShared()
    {
        // Two goals, one owned by the partner alone: shared ownership 1/2 → 1, 100 × 0.1 × 0.5 = 5 plan points, 0.15 × 5 = 0.75 overall.
        var plan = new JointPlan(
            Day(-100),
            [
                new PlanGoal("Pipeline", GoalOwner.Partner, [new GoalCheckIn(Day(-5), 0.6)], new MeasurableTarget(10, "deals"), Day(-100), Day(100)),
                new PlanGoal("Certify", GoalOwner.Both, [new GoalCheckIn(Day(-5), 0.6)], new MeasurableTarget(4, "engineers"), Day(-100), Day(100)),
            ],
            [new PlanReview(Day(-10), 0.5)]);

        var action = Act(Base().With(plan: _ => plan), RecommendationCodes.ShareGoalOwnership);

        Assert.Equal("Share ownership of 1 plan goal", action.Action);
        Assert.Equal(0.75, action.Impact, Digits);
    }

    [Fact]
    public void AlignBusiness_TenPointsMoreRecordedToday()
    {
        // Alignment 0.4 recorded 10 days ago (the plan is fresh): 0.5 recorded today, 100 × 0.55 × 0.1 = 5.5 plan points,
        // 0.15 × 5.5 = 0.825 overall.
        var plan = new JointPlan(Day(-100), reviews: [new PlanReview(Day(-10), 0.4)]);

        var action = Act(Base().With(plan: _ => plan), RecommendationCodes.AlignBusiness);

        Assert.Equal("Grow business alignment to 50 %", action.Action);
        Assert.Equal(0.825, action.Impact, Digits);
    }

    [Fact]
    public void SetMeasurableTargets_ATargetAndADueDay()
    {
        // One shared goal at 0.1 with neither target nor due day: clarity 0, and no goal to measure on track (0).
        // With a target and a due day 90 days ahead, clarity is 1, and the goal — running from the plan's creation
        // 100 days ago — expects 100 / 190 of its progress: on track 0.1 × 190 / 100 = 0.19.
        // Plan alignment gains 100 × (0.1 × 1 + 0.15 × 0.19) = 12.85; the score 0.15 × 12.85 = 1.9275.
        var plan = new JointPlan(Day(-100), [new PlanGoal("Grow together", GoalOwner.Both, 0.1)], [new PlanReview(Day(-10), 0.5)]);

        var action = Act(Base().With(plan: _ => plan), RecommendationCodes.SetMeasurableTargets);

        Assert.Equal(1.9275, action.Impact, Digits);
    }

    [Fact]
    public void SetMeasurableTargets_AGoalStartingAfterTheUsualDueDay_SaysTheDueDayItGets()
    {
        // A goal without target or due day that starts in 200 days is given its start as its due day (a due day 90 days
        // ahead would come before it). The change said "a due day where missing (T + 90)", a day no goal got.
        var plan = new JointPlan(Day(-100), [new PlanGoal("Next year's launch", GoalOwner.Both, checkIns: null, startsOn: Day(200))], [new PlanReview(Day(-10), 0.5)]);

        var action = Act(Base().With(plan: _ => plan), RecommendationCodes.SetMeasurableTargets);

        Assert.Contains(Day(200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), action.Change, StringComparison.Ordinal);
        Assert.DoesNotContain(Day(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), action.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewPlan_TodayWithAlignmentUnchanged()
    {
        // Last reviewed 200 days ago, cadence 90: freshness 2^(−(200 − 90) / 90). Reviewed today (alignment kept at
        // 0.6): freshness 1. Freshness weighs 0.1 of the plan, the plan 0.15 of the score: Δ = 0.15 × 100 × 0.1 × (1 − 2^(−110/90)).
        var plan = new JointPlan(Day(-300), reviews: [new PlanReview(Day(-200), 0.6)]);

        var action = Act(Base().With(plan: _ => plan), RecommendationCodes.ReviewPlan);

        Assert.Equal(0.15 * 100 * 0.1 * (1 - W(110, 90)), action.Impact, Digits);
        Assert.Contains("alignment unchanged (60 %)", action.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void ReviewPlan_APlanNeverReviewed_SaysItIsItsFirstReview()
    {
        // Created 200 days ago and never reviewed: the change read "(last reviewed never)".
        var action = Act(Base().With(plan: _ => new JointPlan(Day(-200))), RecommendationCodes.ReviewPlan);

        Assert.StartsWith($"A plan review on {T:yyyy-MM-dd} (its first), business alignment unchanged", action.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisterDeals_ThreeRegisteredTheDayTheyStart()
    {
        // One open deal created 30 days ago, registered 20 days later (past the 7-day window), complete, updated yesterday;
        // weighed from its registration, 10 days ago:
        //   timeliness: a failure of weight w = 2^(−10/90) → 1 / (w + 2); completeness: 3 of 3 → (w + 1) / (w + 2);
        //   freshness: 1 fresh of 1 open → 2 / 3.
        // Three deals created and registered today, complete, open (weight 1 each):
        //   timeliness 4 / (w + 5); completeness (w + 4) / (w + 5); freshness 4 fresh of 4 open → 5 / 6.
        // Progress weights: timeliness 0.1, freshness 0.05, completeness 0.05 (and cadence 0.8, unchanged: the week is
        // already active); progress weighs 0.15. Certainties: timeliness and completeness w / (w + 5) → (w + 3) / (w + 8),
        // freshness 1 / 6 → 4 / 9.
        var w = W(10, 90);
        var deal = new Opportunity(
            new OpportunityId("D1"), new AccountId("A1"), Day(-30), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Open, 100m, Id, "North", Day(-10), Day(-1), Day(30), stage: "Propose");

        var action = Act(Base().With(opportunities: [deal]), RecommendationCodes.RegisterDeals);

        var progress = (0.1 * ((4 / (w + 5)) - (1 / (w + 2)))) + (0.05 * ((5.0 / 6) - (2.0 / 3))) + (0.05 * (((w + 4) / (w + 5)) - ((w + 1) / (w + 2))));
        Assert.Equal(0.15 * 100 * progress, action.Impact, Digits);
        var certainty = (0.1 * (((w + 3) / (w + 8)) - (w / (w + 5)))) + (0.05 * ((4.0 / 9) - (1.0 / 6))) + (0.05 * (((w + 3) / (w + 8)) - (w / (w + 5))));
        Assert.Equal(0.15 * certainty, action.ConfidenceGain, Digits);
    }

    [Fact]
    public void UpdateOpenDeals_TheStaleOneToday()
    {
        // One open deal registered 60 and last updated 40 days ago (window 14): freshness 0 of 1 → 1 / 3; updated
        // today, 2 / 3. A deal keeps one last-update day, so the update of 40 days ago stops being logged activity.
        // Model 2.1 changed the premise: with weekly cadence at 0.8 of progress, losing an active week (0.8 / 12 of
        // progress) outweighs all that freshness (0.05 of progress) can gain, so updating a deal that was its week's
        // only activity scores lower and the action is not proposed. A second certification logged 40 days ago keeps
        // that week active: the cadence stays 3 of 12 weeks (today, 40 and 60 days ago), and the action is judged on
        // freshness alone again. Δ = 0.15 × 100 × 0.05 × (2/3 − 1/3) = 0.25.
        var deal = new Opportunity(
            new OpportunityId("D1"), new AccountId("A1"), Day(-60), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Open, 100m, Id, "North", Day(-60), Day(-40), Day(30), stage: "Propose");
        var partnership = Base().With(opportunities: [deal], certifications: [.. Base().Certifications, new Certification("Marker 40 days ago", Day(-40))]);

        var action = Act(partnership, RecommendationCodes.UpdateOpenDeals);

        Assert.Equal("Update the stale open deal", action.Action);
        Assert.Equal(0.25, action.Impact, Digits);
    }

    [Fact]
    public void UpdateOpenDeals_WhenTheUpdateWasItsWeeksOnlyActivity_WouldLoseThreeQuartersOfAPoint_AndIsNotProposed()
    {
        // The figures of docs/insights.md: the deal of the example above without the second certification, so its update of
        // 40 days ago is the only activity of that week. Before: weeks active today, 40 and 60 days ago, 3 of 12. Updated
        // today, the deal keeps one last-update day, so the week of 40 days ago goes: 2 of 12. The week costs
        // 0.15 × 100 × 0.8 / 12 = 1 point; freshness wins 0.15 × 100 × 0.05 × (2/3 − 1/3) = 0.25 (at most 0.15 × 100 × 0.05
        // = 0.75 from 0 to 1): the update scores 1 − 0.25 = 0.75 lower, and the action is not proposed.
        var stale = new Opportunity(
            new OpportunityId("D1"), new AccountId("A1"), Day(-60), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Open, 100m, Id, "North", Day(-60), Day(-40), Day(30), stage: "Propose");
        var updated = new Opportunity(
            new OpportunityId("D1"), new AccountId("A1"), Day(-60), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Open, 100m, Id, "North", Day(-60), T, Day(30), stage: "Propose");
        var partnership = Base().With(opportunities: [stale]);

        var before = Scorer.Score(partnership, T);
        var after = Scorer.Score(partnership.With(opportunities: [updated]), T);

        Assert.Equal(3.0 / 12, before.Factor(FactorCodes.ProgressWeeklyCadence)!.Value.Value!.Value, Digits);
        Assert.Equal(2.0 / 12, after.Factor(FactorCodes.ProgressWeeklyCadence)!.Value.Value!.Value, Digits);
        Assert.Equal(-0.75, after.Score - before.Score, Digits);
        Assert.DoesNotContain(Advisor.Recommend(partnership, T), a => a.Code == RecommendationCodes.UpdateOpenDeals);
    }

    [Theory]
    [InlineData(24, "1 day")]
    [InlineData(36, "1.5 days")]
    [InlineData(12, "0.5 days")]
    public void UpdateOpenDeals_WritesTheUpdateWindowAsTheReasonDoes(int windowHours, string window)
    {
        // The deal of the example above, last updated 40 days ago, is stale under any window shorter than that. The change
        // wrote the window as its whole days: a 1-day window read "not updated in the last 1 days", a 36-hour one "1 days"
        // and a 12-hour one "0 days", beside the factor's reason, which writes it as the model holds it ("1 day", "1.5 days").
        var model = HealthModel.Default with { UpdateWindow = TimeSpan.FromHours(windowHours) };
        var deal = new Opportunity(
            new OpportunityId("D1"), new AccountId("A1"), Day(-60), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Open, 100m, Id, "North", Day(-60), Day(-40), Day(30), stage: "Propose");
        var partnership = Base().With(opportunities: [deal], certifications: [.. Base().Certifications, new Certification("Marker 40 days ago", Day(-40))]);

        var action = Assert.Single(new PartnershipAdvisor(new HealthScorer(model)).Recommend(partnership, T), a => a.Code == RecommendationCodes.UpdateOpenDeals);

        Assert.Equal($"0 of 1 open deals updated in the last {window}.", action.Message);
        Assert.Equal($"1 open deal not updated in the last {window} updated 2025-06-30.", action.Change);
    }

    [Fact]
    public void CompleteDealData_TheMissingFieldsFilledIn()
    {
        // One deal 20 days old (w = 2^(−20/90)) with only its stage: p = w/3, n = 2w/3 → (w/3 + 1) / (w + 2); all
        // three filled: (w + 1) / (w + 2). Completeness weighs 0.05 of progress: Δ = 0.15 × 100 × 0.05 × (2w/3) / (w + 2).
        var w = W(20, 90);
        var deal = new Opportunity(
            new OpportunityId("D1"), new AccountId("A1"), Day(-20), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            DealOutcome.Open, null, Id, "North", Day(-20), Day(-1), null, stage: "Propose");

        var action = Act(Base().With(opportunities: [deal]), RecommendationCodes.CompleteDealData);

        Assert.Equal(0.15 * 100 * 0.05 * (2 * w / 3) / (w + 2), action.Impact, Digits);
    }

    [Theory]
    [InlineData(10, RecommendationCodes.LogWeeklyActivity)]
    [InlineData(40, RecommendationCodes.SetFollowUpCadence)]
    public void FollowUp_ACallAndACallBackThisWeek(int lastActivityDaysAgo, string code)
    {
        // The only activity is a certification some days ago: 1 of the 12 weeks active. A call each way today makes
        // it 2 of 12: 0.15 × 100 × 0.8 × 1/12 = 1. One call each way matches the other: 2 successes, so reciprocity rises
        // from its prior 1/2 to (2 + 1) / (2 + 2) = 3/4, 0.25 × 100 × 0.25 × 1/4 = 1.5625 more; Δ = 2.5625. Its certainty
        // rises from 0 to 2 / 7: confidence gains 0.25 × 0.25 × 2/7.
        // Forty days without activity is Stalled.
        var partnership = new Partnership(Examples.Partner, Day(-365), certifications: [new Certification("Marker", Day(-lastActivityDaysAgo))]);

        var action = Act(partnership, code);

        Assert.Equal((0.15 * 100 * 0.8 / 12) + (0.25 * 100 * 0.25 * ((3.0 / 4) - (1.0 / 2))), action.Impact, Digits);
        Assert.Equal(0.25 * 0.25 * 2 / 7, action.ConfidenceGain, Digits);
    }

    [Theory]
    [InlineData(14, 20)]
    [InlineData(30, 40)]
    [InlineData(60, 70)]
    public void SetFollowUpCadence_SaysHowLongNothingWasLogged_ByTheModelsMomentumWindow(int windowDays, int lastActivityDaysAgo)
    {
        // Momentum stalls when nothing was logged in the model's recent window (MomentumWindow), not in a month: with a
        // 14-day window the last activity 20 days ago is Stalled, and the change read "after a month without any".
        var model = HealthModel.Default with { MomentumWindow = TimeSpan.FromDays(windowDays) };
        var advisor = new PartnershipAdvisor(new HealthScorer(model));
        var partnership = new Partnership(Examples.Partner, Day(-365), certifications: [new Certification("Marker", Day(-lastActivityDaysAgo))]);
        Assert.Equal(MomentumState.Stalled, advisor.Momentum(partnership, T).State);

        var action = Assert.Single(advisor.Recommend(partnership, T), a => a.Code == RecommendationCodes.SetFollowUpCadence);

        Assert.EndsWith($"the first activity of the week ending that day, after {windowDays} days without any.", action.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void SetFollowUpCadence_ADayLongMomentumWindow_SaysOneDay()
    {
        // A 1-day recent window (the as-of day alone): nothing logged today, the last activity 20 days ago, is Stalled,
        // and the change read "after 1 days without any".
        var model = HealthModel.Default with { MomentumWindow = TimeSpan.FromDays(1) };
        var advisor = new PartnershipAdvisor(new HealthScorer(model));
        var partnership = new Partnership(Examples.Partner, Day(-365), certifications: [new Certification("Marker", Day(-20))]);
        Assert.Equal(MomentumState.Stalled, advisor.Momentum(partnership, T).State);

        var action = Assert.Single(advisor.Recommend(partnership, T), a => a.Code == RecommendationCodes.SetFollowUpCadence);

        Assert.EndsWith("the first activity of the week ending that day, after 1 day without any.", action.Change, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpandProofOfConcept_FiveCheckInsOnTheFirstDay()
    {
        // A partnership starting today: the pilot's five check-ins all fall today. Each is a meeting (vendor, partner,
        // vendor, partner, vendor) at which each side keeps a promise.
        //   before: trust 50; competency 50 (delivery at its prior); co-operation 100 × (0.2·0.5 + 0.2·0.5 + 0.35·0.5 + 0.25·0.5) = 50;
        //           plan 0; progress 100 × (0.1·0.5 + 0.05·0.5 + 0.05·0.5 + 0.8·0) = 10 (the one week observed is empty).
        //           Score 0.25 × 50 + 0.2 × 50 + 0.25 × 50 + 0.15 × 0 + 0.15 × 10 = 36.5.
        //   after:  trust 100 × 6/7 (5 kept a side: 6 / 7); reciprocity: the vendor initiated 3, the partner 2, so 2 × 2 matched
        //           and 1 in excess: (4 + 1) / (5 + 2) = 5/7; co-operation 37.5 + 25 × 5/7; progress 10 + 80 (the week is
        //           active). Score ≈ 58.768.
        //   confidence: 0 before (no evidence, facts at maturity 0); after trust 5 / 10 = 0.5 and reciprocity 0.5 × 0.25:
        //   0.25 × 0.5 + 0.25 × 0.125 = 0.15625.
        var before = (0.25 * 50) + (0.2 * 50) + (0.25 * 50) + (0.15 * 0) + (0.15 * 10);
        var after = (0.25 * 100 * 6 / 7) + (0.2 * 50) + (0.25 * (37.5 + (25.0 * 5 / 7))) + (0.15 * 0) + (0.15 * (10 + 80));

        var actions = Advisor.Recommend(Empty(0), T);

        var pilot = actions[0];
        Assert.Equal(RecommendationCodes.ExpandProofOfConcept, pilot.Code);
        Assert.Equal(before, pilot.ScoreBefore, Digits);
        Assert.Equal(after, pilot.ScoreAfter, Digits);
        Assert.Equal(0.15625, pilot.ConfidenceGain, Digits);
        Assert.Equal("1-day pilot, 5 logged events", pilot.Action);
    }
}
