using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Health;

/// <summary>DOMAIN.md section 6, rules 1–11: the laws of health scoring, as properties over generated partnerships.</summary>
public class HealthRulesTests
{
    private const double Tolerance = 1e-9;
    private static readonly HealthScorer Scorer = new();
    private static readonly double[] ScoreThresholds = [40.0, 70.0];

    /// <summary>
    /// How far rule 7 moves an item back: mostly up to five years, now and then up to forty, past the 4,096 days whose
    /// recency weights are tabulated and up to the 40 half-lives after which a weight is 0 (half-lives reach 1,000 days).
    /// </summary>
    private static readonly Gen<int> Back = Gen.Frequency((3, Gen.Choose(1, 5 * 365)), (1, Gen.Choose(1, 40 * 365)));

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    [Trait("Rule", "1")]
    public void Rule1_EveryNumberIsFiniteAndInRange(ScoringCase c, HealthModel model)
    {
        // Any partnership under any model validation accepts (DOMAIN rule 1), extremes of weights, priors, λ and κ included.
        var report = new HealthScorer(model).Score(c.Partnership, c.AsOf);

        InRange(report.Score, 0, 100);
        InRange(report.Confidence, 0, 1);
        foreach (var dimension in report.Dimensions)
        {
            InRange(dimension.Confidence, 0, 1);
            InRange(dimension.Contribution, 0, 100);
            if (dimension.Score is { } score)
            {
                InRange(score, 0, 100);
            }

            foreach (var factor in dimension.Factors)
            {
                InRange(factor.Confidence, 0, 1);
                InRange(factor.EvidenceWeight, 0, double.MaxValue);
                InRange(factor.Contribution, 0, 100);
                Assert.Equal(factor.Value is not null, factor.IsPresent);
                if (factor.Value is { } value)
                {
                    InRange(value, 0, 1);
                }

                Assert.False(string.IsNullOrWhiteSpace(factor.Reason));
            }
        }

        Assert.Equal(report.Score, report.Factors.Sum(f => f.Contribution), Tolerance);
        Assert.Equal(report.Score, report.Dimensions.Sum(d => d.Contribution), Tolerance);
        InRange(report.Interval.Lower, 0, report.Score);
        InRange(report.Interval.Upper, report.Score, 100);

        // The band: the thresholds', InsufficientEvidence when no weighted dimension is present, at most Watch at a weakest link.
        // The band from the model's threshold numbers, not from the code under test (DOMAIN section 3.1).
        var bands = model.Bands;
        var classified = !report.Dimensions.Any(d => d.Weight > 0 && d.Score is not null) || report.Confidence < bands.MinimumConfidence ? HealthBand.InsufficientEvidence
            : report.Score >= bands.Healthy ? HealthBand.Healthy
            : report.Score >= bands.Watch ? HealthBand.Watch
            : HealthBand.AtRisk;
        var capped = classified == HealthBand.Healthy && report.Signals.Any(s => s.Code == FactorCodes.WeakestLink) ? HealthBand.Watch : classified;
        Assert.Equal(capped, report.Band);
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    [Trait("Rule", "2")]
    public void Rule2_EvidenceOrderDoesNotMatter(ScoringCase c, HealthModel model, int seed)
    {
        var scorer = new HealthScorer(model);
        var shuffled = Shuffled(c.Partnership, new Random(seed));

        // Evidence sums are exact (fixed-point), so the reports are equal to the last bit.
        Assert.Equal(scorer.Score(c.Partnership, c.AsOf), scorer.Score(shuffled, c.AsOf));
    }

    /// <remarks>
    /// Signals are raised for required certifications about to expire, and a report lists them in one order whatever the
    /// order of the requirements and certifications. The general scoring case seldom has two expiring at once (about one
    /// case in a thousand), so here every required competency gets one more certification, valid on the day and expiring
    /// within the model's warning window (a window under a day warns of none, and then only the other evidence is checked).
    /// </remarks>
    [Property]
    [Trait("Rule", "2")]
    public Property Rule2_SignalOrderDoesNotFollowEvidenceOrder() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from model in ModelGenerators.HealthModel
             let warning = (int)Math.Clamp(model.ExpiryWarning.TotalDays, 1, 3 * 365)
             from obtained in Gen.Choose(0, 3 * 365).ArrayOf(ModelGenerators.Competencies.Length)
             from expires in Gen.Choose(1, warning).ArrayOf(ModelGenerators.Competencies.Length)
             from seed in Gen.Choose(int.MinValue, int.MaxValue)
             let expiring = ModelGenerators.Competencies.Select((name, i) => new Certification(name, c.AsOf.AddDays(-obtained[i]), c.AsOf.AddDays(expires[i])))
             let p = c.Partnership.With(certifications: c.Partnership.Certifications.AddRange(expiring), requiredCompetencies: ModelGenerators.Competencies)
             select (p, c.AsOf, model, seed)).ToArbitrary(),
            t =>
            {
                var scorer = new HealthScorer(t.model);
                Assert.Equal(scorer.Score(t.p, t.AsOf), scorer.Score(Shuffled(t.p, new Random(t.seed)), t.AsOf));
            });

    /// <remarks>
    /// The shift is any number of days up to a century either way (the generators' dates lie in this century, so every
    /// shifted date is valid), half the time within a year, where week and quarter boundaries move under the evidence.
    /// </remarks>
    [Property]
    [Trait("Rule", "3")]
    public Property Rule3_ShiftingEveryDateAndTheDayChangesNothing() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from model in ModelGenerators.HealthModel
             from shift in Gen.OneOf(Gen.Choose(-366, 366), Gen.Choose(-36_525, 36_525))
             select (c, model, shift)).ToArbitrary(),
            t =>
            {
                var (c, shift) = (t.c, t.shift);
                var scorer = new HealthScorer(t.model);
                var original = scorer.Score(c.Partnership, c.AsOf);
                var shifted = scorer.Score(c.Partnership.Shift(shift), c.AsOf.AddDays(shift));

                Assert.Equal(c.AsOf.AddDays(shift), shifted.AsOf);
                Assert.Equal(original.Dimensions.ToArray(), shifted.Dimensions.ToArray());
                Assert.Equal(original.Score, shifted.Score);
                Assert.Equal(original.Band, shifted.Band);
                Assert.Equal(original.Confidence, shifted.Confidence);

                // Signals name calendar dates, which move with the shift; their codes do not.
                Assert.Equal(original.Signals.Select(s => s.Code), shifted.Signals.Select(s => s.Code));
            });

    [Property]
    [Trait("Rule", "4")]
    public Property Rule4_EvidenceAfterTheDayChangesNothing() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from model in ModelGenerators.HealthModel
             from later in ModelGenerators.WithFutureEvidence(c.Partnership, c.AsOf)
             select (c, new HealthScorer(model), later)).ToArbitrary(),
            t => Assert.Equal(t.Item2.Score(t.c.Partnership, t.c.AsOf), t.Item2.Score(t.later, t.c.AsOf)));

    /// <summary>
    /// Rule 4 for items that straddle the day: how and when a commitment, a request or an escalation still open on the day
    /// ended afterwards, and when a deal created by then closed, was registered or last updated afterwards, changes nothing
    /// on the day (an answer counted from the day it was asked, not the day it came, would
    /// be look-ahead that items dated wholly after the day cannot show).
    /// </summary>
    [Property]
    [Trait("Rule", "4")]
    public Property Rule4_HowAnItemOpenOnTheDayEndedAfterItChangesNothing() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from model in ModelGenerators.HealthModel
             from rewritten in ModelGenerators.WithOtherFutureOutcomes(c.Partnership, c.AsOf)
             select (c, new HealthScorer(model), rewritten)).ToArbitrary(),
            t => Assert.Equal(t.Item2.Score(t.c.Partnership, t.c.AsOf), t.Item2.Score(t.rewritten, t.c.AsOf)));

    [Fact]
    public void Rule4_Generators_ItemsStraddleTheDay()
    {
        // The straddling property is only as strong as the cases it draws: commitments resolved, requests answered and
        // escalations resolved after the day, of items begun by then.
        var cases = ModelGenerators.ScoringCase.Sample(300);   // 300 cases at size 50

        Assert.Contains(cases, c => c.Partnership.Commitments.Any(k => k.ResolvedOn > c.AsOf));
        Assert.Contains(cases, c => c.Partnership.Interactions.Any(i => i.ResponseTime is { } r && i.Date <= c.AsOf && i.Date.AddDays((int)Math.Ceiling(r.TotalDays)) > c.AsOf));
        Assert.Contains(cases, c => c.Partnership.Interactions.Any(i => i.Date <= c.AsOf && i.ResolvedOn > c.AsOf));
        Assert.Contains(cases, c => c.Partnership.Opportunities.Any(o => o.CreatedOn <= c.AsOf && o.ClosedOn > c.AsOf));
        Assert.Contains(cases, c => c.Partnership.Opportunities.Any(o => o.CreatedOn <= c.AsOf && o.RegisteredOn > c.AsOf));
        Assert.Contains(cases, c => c.Partnership.Opportunities.Any(o => o.CreatedOn <= c.AsOf && o.LastUpdatedOn > c.AsOf));
    }

    [Fact]
    public void Rule4_Generators_DatePlanHistoryOnBothSidesOfTheDay()
    {
        // Guards rule 4 and the history property: both are only as strong as the plans they draw,
        // which must hold reviews and check-ins before and after the as-of day, in both plan forms.
        var cases = ModelGenerators.ScoringCase.Sample(300);   // 300 cases at size 50
        var plans = cases.Where(c => c.Partnership.JointPlan is not null).Select(c => (Plan: c.Partnership.JointPlan!, c.AsOf)).ToArray();
        var goals = plans.SelectMany(p => p.Plan.Goals.Select(g => (Goal: g, p.AsOf))).ToArray();

        Assert.Contains(plans, p => p.Plan.Reviews.Any(r => r.On <= p.AsOf && r.BusinessAlignment is not null) && p.Plan.Reviews.Any(r => r.On > p.AsOf));
        Assert.Contains(plans, p => p.Plan.Reviews.Any(r => r.BusinessAlignment is null));
        Assert.Contains(plans, p => p.Plan.Reviews.IsEmpty);
        Assert.Contains(goals, g => g.Goal.CheckIns.Any(c => c.On <= g.AsOf && c.On != DateOnly.MinValue) && g.Goal.CheckIns.Any(c => c.On > g.AsOf));
        Assert.Contains(goals, g => g.Goal.CheckIns is [{ On: var on }] && on == DateOnly.MinValue);
        Assert.Contains(goals, g => g.Goal.CheckIns.IsEmpty);

        // A goal without a start day runs from the plan's creation: some are due after the day, some by it.
        Assert.Contains(goals, g => g.Goal.StartsOn is null && g.Goal.DueOn > g.AsOf);
        Assert.Contains(goals, g => g.Goal.StartsOn is null && g.Goal.DueOn <= g.AsOf);

        // The future evidence of rule 4 adds reviews and check-ins after the day to a plan that exists.
        var added = cases.Where(c => c.Partnership.JointPlan is { Goals.Length: > 0 })
            .Select(c => (c, Later: ModelGenerators.WithFutureEvidence(c.Partnership, c.AsOf).Sample(1).Single().JointPlan!))
            .ToArray();
        Assert.Contains(added, t => t.Later.Reviews.Length > t.c.Partnership.JointPlan!.Reviews.Length);
        Assert.Contains(added, t => t.Later.Goals.Sum(g => g.CheckIns.Length) > t.c.Partnership.JointPlan!.Goals.Sum(g => g.CheckIns.Length));
        Assert.All(added, t => Assert.Equal(t.c.Partnership.JointPlan!.Goals.Length, t.Later.Goals.Length));
    }

    /// <summary>
    /// Without any condition in model v2: an untracked side sits at its prior rather than being left
    /// out, so the first commitment of a side moves trust the way its outcome says (v1 needed an anchor
    /// commitment; see <see cref="HealthScorerTests.FirstVendorCommitmentKept_RaisesTrust"/>).
    /// </summary>
    [Property]
    [Trait("Rule", "5")]
    public Property Rule5_AKeptCommitmentNeverLowersTrustAndABrokenOneNeverRaisesIt() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from side in ModelGenerators.Enum<Side>()
             from day in ModelGenerators.Before(c.AsOf, 3 * 365)
             select (c, side, day)).ToArbitrary(),
            t =>
            {
                var (c, side, day) = t;
                var baseline = c.Partnership;
                var before = Trust(baseline, c.AsOf);
                var kept = Trust(baseline.With(commitments: baseline.Commitments.Add(new Commitment(side, day, CommitmentOutcome.Kept, day))), c.AsOf);
                var broken = Trust(baseline.With(commitments: baseline.Commitments.Add(new Commitment(side, day, CommitmentOutcome.Broken, day))), c.AsOf);

                Assert.True(kept >= before - Tolerance, $"kept lowered trust {before} → {kept}");
                Assert.True(broken <= before + Tolerance, $"broken raised trust {before} → {broken}");
            });

    /// <summary>
    /// Rule 5 in full, for every kind of success it names and its matching failure, under any valid model: the item is
    /// added on a day of an already active week (the baseline has a meeting that day, so no new active week is made), and
    /// the item's factor, its dimension and the overall score never move against it. Each item touches its own factor
    /// only: a deal is closed the day it is registered (so it is never open, and pipeline freshness does not see it), with
    /// all three required fields filled when registered on time and none when late, so that data completeness agrees.
    /// Successes are drawn anywhere within their target, exactly at it a quarter of the time (a response at the target is
    /// a success), and failures as far past it.
    /// </summary>
    [Property]
    [Trait("Rule", "5")]
    public Property Rule5_ASuccessNeverLowersItsFactorDimensionOrScore_AndItsFailureNeverRaisesThem() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from model in ModelGenerators.HealthModel
             from kind in ModelGenerators.Enum<SuccessKind>()
             from side in ModelGenerators.Enum<Side>()
             from day in ModelGenerators.Before(c.AsOf, 3 * 365)
             from margin in Gen.Frequency((1, Gen.Constant(0.0)), (1, Gen.Constant(1.0)), (2, ModelGenerators.UnitInterval))
             select (c, model, kind, side, day, margin)).ToArbitrary(),
            t =>
            {
                var (c, model, kind, side, day, margin) = t;
                var scorer = new HealthScorer(model);
                var baseline = c.Partnership.With(interactions: c.Partnership.Interactions.Add(new Interaction(day, InteractionKind.Meeting, side)));
                var (dimension, factor) = Target(kind, side);
                var before = scorer.Score(baseline, c.AsOf);
                var success = scorer.Score(Added(baseline, kind, side, day, success: true, model, margin), c.AsOf);
                var failure = scorer.Score(Added(baseline, kind, side, day, success: false, model, margin), c.AsOf);

                NotBelow(before.Factor(factor)?.Value, success.Factor(factor)?.Value, $"{kind} success, factor {factor}");
                NotBelow(before[dimension].Score, success[dimension].Score, $"{kind} success, {dimension}");
                NotBelow(before.Score, success.Score, $"{kind} success, overall");
                NotBelow(failure.Factor(factor)?.Value, before.Factor(factor)?.Value, $"{kind} failure, factor {factor}");
                NotBelow(failure[dimension].Score, before[dimension].Score, $"{kind} failure, {dimension}");
                NotBelow(failure.Score, before.Score, $"{kind} failure, overall");
            });

    /// <summary>A response within the target (a share <paramref name="margin"/> of it), or past it by that share of a day more (never, at 1, or where it would not fit a TimeSpan).</summary>
    private static TimeSpan? Response(TimeSpan target, bool success, double margin)
    {
        if (success)
        {
            return margin >= 1.0 ? target : TimeSpan.FromTicks((long)(target.Ticks * margin));
        }

        var late = 1 + (long)(margin * TimeSpan.TicksPerDay);
        return margin >= 1.0 || target.Ticks > TimeSpan.MaxValue.Ticks - late ? null : TimeSpan.FromTicks(target.Ticks + late);
    }

    /// <summary>A resolution day within the target's whole days (a share <paramref name="margin"/> of them), or the first day past it and as many more (never, at 1, or past the calendar).</summary>
    private static DateOnly? Resolution(DateOnly day, TimeSpan target, bool success, double margin)
    {
        var days = Math.Floor(target.TotalDays);
        var on = success ? day.DayNumber + Math.Floor(days * margin) : day.DayNumber + days + 1 + Math.Floor(margin * 30);
        return (!success && margin >= 1.0) || on > DateOnly.MaxValue.DayNumber ? null : DateOnly.FromDayNumber((int)on);
    }

    /// <summary>The dimension and factor an item of <paramref name="kind"/> of <paramref name="side"/> is evidence for.</summary>
    private static (HealthDimension Dimension, string Factor) Target(SuccessKind kind, Side side) => kind switch
    {
        SuccessKind.Commitment => (HealthDimension.Trust, side == Side.Partner ? FactorCodes.TrustPartnerReliability : FactorCodes.TrustVendorReliability),

        // A request is answered by the side that did not ask.
        SuccessKind.Request => (HealthDimension.Cooperation, side == Side.Partner ? FactorCodes.CooperationVendorResponsiveness : FactorCodes.CooperationPartnerResponsiveness),
        SuccessKind.Escalation => (HealthDimension.Cooperation, FactorCodes.CooperationFrictionHandling),
        SuccessKind.Delivery => (HealthDimension.Competency, FactorCodes.CompetencyDeliveryReliability),
        _ => (HealthDimension.TrackedProgress, FactorCodes.ProgressRegistrationTimeliness),
    };

    /// <summary>
    /// The partnership with one success, or its matching failure, of <paramref name="kind"/> dated <paramref name="day"/>.
    /// <paramref name="margin"/> in [0, 1] places a success anywhere within its target — at once (0), exactly at the target
    /// (1), or between — and a failure as far past it: a request answered within the response target or after it (or never,
    /// at 1), an escalation resolved within the resolution target or after it (or never), a delivery on time at a
    /// satisfaction from the threshold up, or late below it. A registration window longer than the calendar before the
    /// day leaves no deal that can be registered late: the failure is then nothing added.
    /// </summary>
    private static Partnership Added(Partnership p, SuccessKind kind, Side side, DateOnly day, bool success, HealthModel model, double margin) => kind switch
    {
        SuccessKind.Deal when !success && day.DayNumber - Math.Ceiling(model.RegistrationWindow.TotalDays) - 1 < DateOnly.MinValue.DayNumber => p,
        SuccessKind.Commitment => p.With(commitments: p.Commitments.Add(new Commitment(side, day, success ? CommitmentOutcome.Kept : CommitmentOutcome.Broken, day))),
        SuccessKind.Request => p.With(interactions: p.Interactions.Add(new Interaction(day, InteractionKind.Request, side, Response(model.ResponseTarget, success, margin)))),
        SuccessKind.Escalation => p.With(interactions: p.Interactions.Add(new Interaction(day, InteractionKind.Escalation, side, resolvedOn: Resolution(day, model.ResolutionTarget, success, margin)))),
        SuccessKind.Delivery => p.With(deliveries: p.Deliveries.Add(success
            ? new Delivery(day, true, model.SatisfactionThreshold + (margin * (1.0 - model.SatisfactionThreshold)))
            : new Delivery(day, false, model.SatisfactionThreshold * (1.0 - margin) * 0.999))),
        _ => p.With(opportunities: p.Opportunities.Add(new Opportunity(
            new OpportunityId("rule-5-deal"),
            new AccountId("rule-5-account"),
            success ? day : day.AddDays(-(int)Math.Ceiling(model.RegistrationWindow.TotalDays) - 1),
            DealMotion.NewLogo,
            DealSource.PartnerSourced,
            RouteToMarket.Partner,
            DealOutcome.Won,
            success ? 1000m : null,
            p.Partner.Id,
            p.Partner.District,
            registeredOn: day,
            expectedCloseOn: success ? day : null,
            closedOn: day,
            stage: success ? "Closed" : null))),
    };

    /// <summary>Asserts <paramref name="higher"/> ≥ <paramref name="lower"/> within <see cref="Tolerance"/>; absent values (a factor or dimension with weight 0) are not compared.</summary>
    private static void NotBelow(double? lower, double? higher, string what)
    {
        if (lower is { } low && higher is { } high)
        {
            Assert.True(high >= low - Tolerance, $"{what}: {low} → {high}");
        }
        else
        {
            Assert.Equal(lower is null, higher is null);
        }
    }

    /// <summary>
    /// The pair must weigh the same (same day): then the reliability R falls exactly when
    /// R &gt; 1 / (1 + λ) (the law), and rises when R is below it — the pair's own rate. An untracked
    /// side counts with its prior mean 0.5. Kept commitments are added first so that both regions are
    /// tested often; only a reliability within 10⁻⁹ of the threshold, where rounding decides, is discarded
    /// (a condition such as R ≥ 0.5 discarded so many cases that 10,000 could not be reached).
    /// The default model only, unlike the other rules: the strict fall needs the pair to weigh more than 0, and a
    /// generated trust half-life of a tick or an hour rounds a pair a day old to weight 0 (then R does not move at all).
    /// </summary>
    [Property]
    [Trait("Rule", "6")]
    public Property Rule6_OneKeptPlusOneBrokenLowerAReliabilityAboveOneOverOnePlusLambda() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from side in ModelGenerators.Enum<Side>()
             from keptDays in ModelGenerators.Before(c.AsOf, 365).ArrayOf()
             from day in ModelGenerators.Before(c.AsOf, 3 * 365)
             select (c, side, keptDays, day)).ToArbitrary(),
            t =>
            {
                var (c, side, keptDays, day) = t;
                var baseline = c.Partnership.With(commitments: c.Partnership.Commitments.AddRange(keptDays.Select(d => new Commitment(side, d, CommitmentOutcome.Kept, d))));
                var before = Reliability(baseline, side, c.AsOf);
                var after = Reliability(
                    baseline.With(commitments: baseline.Commitments.Add(new Commitment(side, day, CommitmentOutcome.Kept, day)).Add(new Commitment(side, day, CommitmentOutcome.Broken, day))),
                    side,
                    c.AsOf);

                var threshold = 1 / (1 + HealthModel.Default.LossAversion);
                return (before > threshold ? after < before : after > before).When(Math.Abs(before - threshold) > 1e-9);
            });

    /// <summary>
    /// Under any valid model. Within 40 half-lives an older item weighs strictly less; beyond, its weight rounds to
    /// exactly 0 and it stops counting at all — the limit of weighing less, so the law still holds. The move here is mostly
    /// at most five years, now and then up to forty (<see cref="Back"/>), from a day at most three years back. The failures
    /// moved are a broken promise and an open one overdue past its grace (a failure dated at due + grace); an open promise
    /// not yet overdue is no failure to move (moving it back can make it one), so such a case checks nothing.
    /// </summary>
    [Property]
    [Trait("Rule", "7")]
    public Property Rule7_OlderEvidenceWeighsLess() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from side in ModelGenerators.Enum<Side>()
             from outcome in Gen.Elements(CommitmentOutcome.Kept, CommitmentOutcome.Broken, CommitmentOutcome.Open)
             from day in ModelGenerators.Before(c.AsOf, 3 * 365)
             from back in Back
             from model in ModelGenerators.HealthModel
             select (c, side, outcome, day, back, model)).ToArbitrary(),
            t =>
            {
                var (c, side, outcome, day, back, model) = t;
                if (outcome == CommitmentOutcome.Open && day.DayNumber + Math.Floor(model.GracePeriod.TotalDays) >= c.AsOf.DayNumber)
                {
                    return;
                }

                var scorer = new HealthScorer(model);
                Commitment Due(DateOnly on) => new(side, on, outcome, outcome == CommitmentOutcome.Open ? null : on);
                var recent = Trust(scorer, c.Partnership.With(commitments: c.Partnership.Commitments.Add(Due(day))), c.AsOf);
                var older = Trust(scorer, c.Partnership.With(commitments: c.Partnership.Commitments.Add(Due(day.AddDays(-back)))), c.AsOf);

                if (outcome == CommitmentOutcome.Kept)
                {
                    Assert.True(older <= recent + Tolerance, $"an older kept commitment raised trust {recent} → {older}");
                }
                else
                {
                    Assert.True(older >= recent - Tolerance, $"an older broken commitment lowered trust {recent} → {older}");
                }
            });

    /// <summary>
    /// Rule 7 for the rated evidence of the other dimensions: a delivery (competency), a request answered and an escalation
    /// resolved (co-operation), each moved back whole, its answer or resolution with it. Each is answered or resolved within
    /// 30 days and dated at least 31 days before the day, so it is visible wherever it lies and the move changes only its age.
    /// </summary>
    [Property]
    [Trait("Rule", "7")]
    public Property Rule7_OlderEvidenceWeighsLess_ForDeliveriesRequestsAndEscalations() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from kind in Gen.Elements("delivery", "request", "escalation")
             from side in ModelGenerators.Enum<Side>()
             from day in ModelGenerators.Before(c.AsOf.AddDays(-31), 3 * 365)
             from took in Gen.Choose(0, 30)
             from satisfaction in Gen.Choose(0, 100).Select(n => n / 100.0)
             from onTime in Gen.Elements(true, false)
             from back in Back
             from model in ModelGenerators.HealthModel
             select (c, kind, side, day, took, satisfaction, onTime, back, model)).ToArbitrary(),
            t =>
            {
                var scorer = new HealthScorer(t.model);
                var model = t.model;
                double Moved(DateOnly on) => t.kind switch
                {
                    "delivery" => Competency(scorer, t.c.Partnership.With(deliveries: [.. t.c.Partnership.Deliveries, new Delivery(on, t.onTime, t.satisfaction)]), t.c.AsOf),
                    "request" => Cooperation(scorer, t.c.Partnership.With(interactions: [.. t.c.Partnership.Interactions, new Interaction(on, InteractionKind.Request, t.side, TimeSpan.FromDays(t.took))]), t.c.AsOf),
                    _ => Cooperation(scorer, t.c.Partnership.With(interactions: [.. t.c.Partnership.Interactions, new Interaction(on, InteractionKind.Escalation, t.side, resolvedOn: on.AddDays(t.took))]), t.c.AsOf),
                };
                var success = t.kind switch
                {
                    "delivery" => t.onTime && t.satisfaction >= model.SatisfactionThreshold,
                    "request" => TimeSpan.FromDays(t.took) <= model.ResponseTarget,
                    _ => t.took <= model.ResolutionTarget.TotalDays,
                };
                var (recent, older) = (Moved(t.day), Moved(t.day.AddDays(-t.back)));

                if (success)
                {
                    Assert.True(older <= recent + Tolerance, $"an older success raised the dimension {recent} → {older}");
                }
                else
                {
                    Assert.True(older >= recent - Tolerance, $"an older failure lowered the dimension {recent} → {older}");
                }
            });

    /// <summary>
    /// Rule 7 for the overall score, under the condition rule 5 states for it: the move changes no week's activity (the
    /// baseline has a meeting of the same side on both days), since a commitment moved into a week with nothing else
    /// logged makes that week active and raises weekly cadence, a separate virtue (docs/scoring.md, "The laws").
    /// </summary>
    [Property]
    [Trait("Rule", "7")]
    public Property Rule7_OlderEvidenceWeighsLess_InTheOverallScore_WhenNoWeeksActivityChanges() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from side in ModelGenerators.Enum<Side>()
             from outcome in Gen.Elements(CommitmentOutcome.Kept, CommitmentOutcome.Broken)
             from day in ModelGenerators.Before(c.AsOf, 3 * 365)
             from back in Back
             from model in ModelGenerators.HealthModel
             select (c, side, outcome, day, back, new HealthScorer(model))).ToArbitrary(),
            t =>
            {
                var (c, side, outcome, day, back, scorer) = t;
                var older = day.AddDays(-back);
                var baseline = c.Partnership.With(interactions: [.. c.Partnership.Interactions, new Interaction(day, InteractionKind.Meeting, side), new Interaction(older, InteractionKind.Meeting, side)]);
                double Score(DateOnly on) => scorer.Score(baseline.With(commitments: [.. baseline.Commitments, new Commitment(side, on, outcome, on)]), c.AsOf).Score;
                var (recent, moved) = (Score(day), Score(older));

                if (outcome == CommitmentOutcome.Kept)
                {
                    Assert.True(moved <= recent + Tolerance, $"an older kept commitment raised the score {recent} → {moved}");
                }
                else
                {
                    Assert.True(moved >= recent - Tolerance, $"an older broken commitment lowered the score {recent} → {moved}");
                }
            });

    // 1,000 cases: a plan, a goal, a review or a check-in is two in six of the items added, and changes a confidence only
    // when dated by the day; a plan whose unrecorded alignment lowered confidence was first caught after about 500.
    [Property(MaxTest = 1_000)]
    [Trait("Rule", "8")]
    public Property Rule8_ConfidenceNeverFallsWhenEvidenceIsAdded() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from model in ModelGenerators.HealthModel
             from more in ModelGenerators.WithOneMoreItem(c.Partnership, c.AsOf)
             select (c, model, more)).ToArbitrary(),
            t =>
            {
                var scorer = new HealthScorer(t.model);
                var before = scorer.Score(t.c.Partnership, t.c.AsOf);
                var after = scorer.Score(t.more, t.c.AsOf);

                Assert.True(after.Confidence >= before.Confidence - 1e-12, $"confidence fell {before.Confidence} → {after.Confidence}");
                for (var d = 0; d < before.Dimensions.Length; d++)
                {
                    Assert.True(after.Dimensions[d].Confidence >= before.Dimensions[d].Confidence - 1e-12, $"{(HealthDimension)d} confidence fell");
                }
            });

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    [Trait("Rule", "9")]
    public void Rule9_OverallLiesBetweenTheLowestAndHighestPresentDimension(ScoringCase c, HealthModel model)
    {
        var report = new HealthScorer(model).Score(c.Partnership, c.AsOf);
        var present = report.Dimensions.Where(d => d.IsPresent && d.Weight > 0).Select(d => d.Score!.Value).ToArray();

        if (present.Length == 0)
        {
            // Nothing to lie between: every weighted dimension is absent. Plan alignment is always present, but a model
            // may give it weight 0 — a deeper run (30,000 cases) found competency the only weighted dimension, with
            // coverage its only weighted factor and nothing required, so vacuous. The score is then 0 and measures
            // nothing, which the band says.
            Assert.Equal(0.0, report.Score);
            Assert.Equal(HealthBand.InsufficientEvidence, report.Band);
            return;
        }

        Assert.InRange(report.Score, present.Min() - Tolerance, present.Max() + Tolerance);
    }

    [Property(Arbitrary = [typeof(ModelArbitraries), typeof(BinaryExponentArbitrary)])]
    [Trait("Rule", "10")]
    public void Rule10_MultiplyingAllWeightsByAPositiveConstantChangesNothing(ScoringCase c, PositiveInt numerator, PositiveInt denominator, BinaryExponent exponent)
    {
        // Any positive rational constant from 1/2^31 up to 2^31, times 2^e for e in [−980, 980]: the
        // default weights (0.15 to 0.6) then span every normal double, from about 1e-305 to 1e303. The
        // range stops where a scaled weight would overflow to infinity (which validation rejects) or
        // fall below the normal range (where the product itself loses digits and the ratios change).
        // Results agree to rounding error.
        var k = Math.ScaleB((double)numerator.Get / denominator.Get, exponent.Value);
        var original = Scorer.Score(c.Partnership, c.AsOf);
        var scaled = new HealthScorer(Scale(HealthModel.Default, k)).Score(c.Partnership, c.AsOf);

        Assert.Equal(original.Score, scaled.Score, Tolerance);
        Assert.Equal(original.Confidence, scaled.Confidence, Tolerance);
        for (var d = 0; d < original.Dimensions.Length; d++)
        {
            Assert.Equal(original.Dimensions[d].Score ?? -1, scaled.Dimensions[d].Score ?? -1, Tolerance);
            Assert.Equal(original.Dimensions[d].Confidence, scaled.Dimensions[d].Confidence, Tolerance);
            Assert.Equal(original.Dimensions[d].Contribution, scaled.Dimensions[d].Contribution, Tolerance);
        }

        AssertSameFactorsAndInterval(original, scaled);
        var nearThreshold = ScoreThresholds.Any(x => Math.Abs(original.Score - x) < 1e-6) || Math.Abs(original.Confidence - 0.25) < 1e-6;
        Assert.True(nearThreshold || original.Band == scaled.Band);
    }

    /// <summary>
    /// Rule 10 under any generated model, whose weights run from <see cref="double.Epsilon"/> to <see cref="double.MaxValue"/>,
    /// 0 included: a constant that keeps every positive weight a normal double, finite, changes nothing (to rounding error).
    /// The constant's binary exponent is drawn from the range that allows; a model whose weights span more than that range
    /// (a subnormal beside a large one) admits only the constant 1, and its case checks nothing beyond rule 2's identity.
    /// </summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    [Trait("Rule", "10")]
    public void Rule10_UnderAnyModel_MultiplyingAllWeightsKeepingThemNormalChangesNothing(ScoringCase c, HealthModel model, PositiveInt numerator, PositiveInt denominator, PositiveInt exponent)
    {
        double[] weights =
        [
            .. Enum.GetValues<HealthDimension>().Select(d => model.DimensionWeights[d]),
            model.CompetencyWeights.Coverage, model.CompetencyWeights.DeliveryReliability,
            model.CooperationWeights.PartnerResponsiveness, model.CooperationWeights.VendorResponsiveness, model.CooperationWeights.FrictionHandling, model.CooperationWeights.Reciprocity,
            model.PlanWeights.GoalsOnTrack, model.PlanWeights.SharedOwnership, model.PlanWeights.BusinessAlignment, model.PlanWeights.Clarity, model.PlanWeights.Freshness,
            model.ProgressWeights.RegistrationTimeliness, model.ProgressWeights.PipelineFreshness, model.ProgressWeights.DataCompleteness, model.ProgressWeights.WeeklyCadence,
        ];
        var positive = weights.Where(w => w > 0).ToArray();

        // k = r · 2^e with r in [2^-31, 2^31]: every positive weight times k stays in [2^-1022, 2^1023] when e is in [lo, hi].
        var ratio = (double)numerator.Get / denominator.Get;
        var lo = -1022 - positive.Min(Math.ILogB) + 32;
        var hi = 1022 - positive.Max(Math.ILogB) - 32;
        var k = lo <= hi ? Math.ScaleB(ratio, lo + (exponent.Get % (hi - lo + 1))) : 1.0;
        var original = new HealthScorer(model).Score(c.Partnership, c.AsOf);
        var scaled = new HealthScorer(Scale(model, k)).Score(c.Partnership, c.AsOf);

        Assert.Equal(original.Score, scaled.Score, Tolerance);
        Assert.Equal(original.Confidence, scaled.Confidence, Tolerance);
        for (var d = 0; d < original.Dimensions.Length; d++)
        {
            Assert.Equal(original.Dimensions[d].Score ?? -1, scaled.Dimensions[d].Score ?? -1, Tolerance);
            Assert.Equal(original.Dimensions[d].Confidence, scaled.Dimensions[d].Confidence, Tolerance);
            Assert.Equal(original.Dimensions[d].Contribution, scaled.Dimensions[d].Contribution, Tolerance);
        }

        AssertSameFactorsAndInterval(original, scaled);
    }

    /// <summary>
    /// Rule 10 beyond the dimensions: every factor's contribution and the interval's bounds agree to rounding error. Both
    /// read the factors' weights again after the dimension scores are summed: a slope or a share taken from a factor's own
    /// weight instead of its scaled one changed only them.
    /// </summary>
    private static void AssertSameFactorsAndInterval(HealthReport original, HealthReport scaled)
    {
        foreach (var (before, after) in original.Factors.Zip(scaled.Factors, (before, after) => (before, after)))
        {
            Assert.Equal(before.Code, after.Code);
            Assert.Equal(before.Contribution, after.Contribution, Tolerance);
        }

        Assert.Equal(original.Interval.Lower, scaled.Interval.Lower, Tolerance);
        Assert.Equal(original.Interval.Upper, scaled.Interval.Upper, Tolerance);
    }

    /// <summary>
    /// A valid certification for a required competency never lowers competency, and neither does a
    /// successful delivery — without the anchor delivery v1 needed, since the delivery factor now sits
    /// at its prior before the first delivery (see <see cref="HealthScorerTests.FirstDelivery_RaisesCompetency"/>).
    /// </summary>
    [Property]
    [Trait("Rule", "11")]
    public Property Rule11_AValidRequiredCertificationOrASuccessfulDeliveryNeverLowersCompetency() =>
        Prop.ForAll(
            (from c in ModelGenerators.ScoringCase
             from required in Gen.Elements(ModelGenerators.Competencies)
             from obtained in ModelGenerators.Before(c.AsOf, 3 * 365)
             from validFor in ModelGenerators.OrNone(Gen.Choose(1, 3 * 365))
             from delivered in ModelGenerators.Before(c.AsOf, 3 * 365)
             from model in ModelGenerators.HealthModel
             from satisfaction in Gen.Choose((int)Math.Ceiling(model.SatisfactionThreshold * 100), 100)
             select (c, required, obtained, validFor, delivered, satisfaction, new HealthScorer(model))).ToArbitrary(),
            t =>
            {
                // Under any valid model; a successful delivery meets its satisfaction threshold.
                var (c, required, obtained, validFor, delivered, satisfaction, scorer) = t;
                var expires = validFor is { } days ? c.AsOf.AddDays(days) : (DateOnly?)null;
                var requirements = c.Partnership.RequiredCompetencies.Contains(required) ? c.Partnership.RequiredCompetencies : c.Partnership.RequiredCompetencies.Add(required);
                var baseline = c.Partnership.With(requiredCompetencies: requirements);
                var before = Competency(scorer, baseline, c.AsOf);
                var certified = Competency(scorer, baseline.With(certifications: baseline.Certifications.Add(new Certification(required, obtained, expires))), c.AsOf);
                var delivery = Competency(scorer, baseline.With(deliveries: baseline.Deliveries.Add(new Delivery(delivered, true, satisfaction / 100.0))), c.AsOf);

                Assert.True(certified >= before - Tolerance, $"a valid required certification lowered competency {before} → {certified}");
                Assert.True(delivery >= before - Tolerance, $"a successful delivery lowered competency {before} → {delivery}");
            });

    internal static HealthModel Scale(HealthModel model, double k) => model with
    {
        DimensionWeights = new(model.DimensionWeights.Trust * k, model.DimensionWeights.Competency * k, model.DimensionWeights.Cooperation * k, model.DimensionWeights.PlanAlignment * k, model.DimensionWeights.TrackedProgress * k),
        CompetencyWeights = new(model.CompetencyWeights.Coverage * k, model.CompetencyWeights.DeliveryReliability * k),
        CooperationWeights = new(model.CooperationWeights.PartnerResponsiveness * k, model.CooperationWeights.VendorResponsiveness * k, model.CooperationWeights.FrictionHandling * k, model.CooperationWeights.Reciprocity * k),
        PlanWeights = new(model.PlanWeights.GoalsOnTrack * k, model.PlanWeights.SharedOwnership * k, model.PlanWeights.BusinessAlignment * k, model.PlanWeights.Clarity * k, model.PlanWeights.Freshness * k),
        ProgressWeights = new(model.ProgressWeights.RegistrationTimeliness * k, model.ProgressWeights.PipelineFreshness * k, model.ProgressWeights.DataCompleteness * k, model.ProgressWeights.WeeklyCadence * k),
    };

    private static double Trust(Partnership partnership, DateOnly asOf) => Trust(Scorer, partnership, asOf);

    /// <summary>Trust's score; −1 when the model gives trust no factor weight that counts (then both sides compare equal).</summary>
    private static double Trust(HealthScorer scorer, Partnership partnership, DateOnly asOf) => scorer.Score(partnership, asOf)[HealthDimension.Trust].Score ?? -1;

    /// <summary>Competency's score; −1 when it has none (coverage vacuous and delivery disabled).</summary>
    private static double Competency(HealthScorer scorer, Partnership partnership, DateOnly asOf) => scorer.Score(partnership, asOf)[HealthDimension.Competency].Score ?? -1;

    private static double Cooperation(HealthScorer scorer, Partnership partnership, DateOnly asOf) => scorer.Score(partnership, asOf)[HealthDimension.Cooperation].Score ?? -1;

    private static double Reliability(Partnership partnership, Side side, DateOnly asOf) =>
        Scorer.Score(partnership, asOf).Factor(side == Side.Partner ? FactorCodes.TrustPartnerReliability : FactorCodes.TrustVendorReliability)!.Value.Value ?? 0.5;

    /// <summary>The partnership with every list of its evidence, of its plan and of its requirements in another order.</summary>
    private static Partnership Shuffled(Partnership p, Random random) =>
        p.With(
            Shuffle(p.Commitments, random),
            Shuffle(p.Interactions, random),
            Shuffle(p.Certifications, random),
            Shuffle(p.Deliveries, random),
            Shuffle(p.Opportunities, random),
            plan => plan is null ? null : new JointPlan(plan.CreatedOn, Shuffle(plan.Goals.Select(g => g.WithCheckIns(Shuffle(g.CheckIns, random))), random), Shuffle(plan.Reviews, random), plan.ReviewCadence),
            Shuffle(p.RequiredCompetencies, random));

    private static T[] Shuffle<T>(IEnumerable<T> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }

    private static void InRange(double value, double low, double high)
    {
        Assert.False(double.IsNaN(value) || double.IsInfinity(value), $"{value} is not finite");
        Assert.InRange(value, low, high);
    }
}

/// <summary>A power of two to scale weights by, uniform over [−980, 980] (FsCheck's integers stay near 0).</summary>
public readonly record struct BinaryExponent(int Value);

/// <summary>The arbitrary of <see cref="BinaryExponent"/>.</summary>
public static class BinaryExponentArbitrary
{
    public static Arbitrary<BinaryExponent> BinaryExponent() => Gen.Choose(-980, 980).Select(e => new BinaryExponent(e)).ToArbitrary();
}

/// <summary>The kinds of success DOMAIN rule 5 names, each with its matching failure.</summary>
public enum SuccessKind
{
    /// <summary>A commitment kept (broken).</summary>
    Commitment,

    /// <summary>A request answered at once (never answered).</summary>
    Request,

    /// <summary>An escalation resolved the day it was raised (never resolved).</summary>
    Escalation,

    /// <summary>A delivery on time and satisfying (late and unsatisfying).</summary>
    Delivery,

    /// <summary>A deal registered on time with every required field (late, with none).</summary>
    Deal,
}
