using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// Every factor's human reason, in both of its forms — no evidence yet, and the counts behind the
/// value — and the records' printed form. The counts are worked out by hand from <see cref="Examples"/>.
/// </summary>
public class FactorReasonTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void Reasons_WithoutEvidence_SayWhatIsMissing() =>
        AssertReasons(
            Scorer.Score(Empty(), T),
            ("trust.partner-reliability", "No partner commitments resolved or overdue yet: the partner side is not tracked, so it sits at the prior."),
            ("trust.vendor-reliability", "No vendor commitments resolved or overdue yet: the vendor side is not tracked, so it sits at the prior."),
            ("competency.coverage", "No required competencies are set for this partnership."),
            ("competency.delivery-reliability", "No deliveries recorded yet."),
            ("cooperation.partner-responsiveness", "No vendor requests due an answer from the partner yet."),
            ("cooperation.vendor-responsiveness", "No partner requests due an answer from the vendor yet."),
            ("cooperation.friction-handling", "No escalations due a resolution yet."),
            ("cooperation.reciprocity", "No meetings, calls, emails or joint events recorded yet."),
            ("plan.missing", "No joint business plan: build one together (seed 002, step 4: \"Have a Plan\")."),
            ("progress.registration-timeliness", "No deals with a registration day yet."),
            ("progress.pipeline-freshness", "No open deals."),
            ("progress.data-completeness", "No deals recorded yet."),
            ("progress.weekly-cadence", "Activity logged in 0 of the last 12 weeks."));

    [Fact]
    public void Reasons_OfAPlanWithoutGoals_SayItHasNone()
    {
        var report = Scorer.Score(Empty().With(plan: _ => new JointPlan(Day(-10), 0.1234)), T);

        // Goals on track said "No plan goal has a due day to measure progress against.", as if the plan had goals without one
        // (those count as behind since model 2.5, so only a plan without goals gets here).
        Assert.Equal("The plan has no goals.", report.Factor("plan.goals-on-track")!.Value.Reason);
        Assert.Equal("The plan has no goals.", report.Factor("plan.shared-ownership")!.Value.Reason);
        Assert.Equal("The plan has no goals.", report.Factor("plan.clarity")!.Value.Reason);
        // One decimal of a percentage.
        Assert.Equal("12.3 % of the partner's business is aligned to ours.", report.Factor("plan.business-alignment")!.Value.Reason);
        Assert.Equal("Last reviewed together 10 days ago; the review cadence is 90 days.", report.Factor("plan.freshness")!.Value.Reason);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(0.1234, "12.3")]
    [InlineData(0.2996, "29.9")] // rounded: 30, a bound it is below
    [InlineData(0.3, "30")]
    [InlineData(0.7999999999999999, "80")] // 0.7 + 0.1 in doubles: binary noise, not a share below 80 %
    [InlineData(0.9996, "99.9")] // rounded: 100, though not all of the business is aligned
    [InlineData(1.0, "100")]
    public void Percent_CutsToOneDecimal(double share, string expected) =>
        Assert.Equal(expected, FactorDefinition.Percent(share));

    /// <summary>
    /// Over every share: the percentage written is never above the share by more than the noise let through, and below it
    /// by less than a tenth; so it is on the share's side of every bound of a tenth of a percent.
    /// </summary>
    [Property]
    public Property Percent_IsTheShareCutToATenth() =>
        Prop.ForAll(
            Gen.OneOf(
                Gen.Choose(0, 1_000_000).Select(n => n / 1_000_000.0),
                Gen.Choose(0, 1000).Select(n => n / 1000.0),
                Gen.Choose(0, int.MaxValue).Select(n => (double)n / int.MaxValue)).ToArbitrary(),
            share =>
            {
                var written = double.Parse(FactorDefinition.Percent(share), System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange((share * 100) - written, -1e-6, 0.1);
                Assert.Equal(written, Math.Round(written, 1));
            });

    [Fact]
    public void Reason_OfAPartnershipNotYetStarted_SaysSo() =>
        Assert.Equal("The partnership has not started yet.", Scorer.Score(Empty(startedDaysAgo: -7), T).Factor("progress.weekly-cadence")!.Value.Reason);

    [Theory]
    [InlineData(0, 12, "Activity logged in 0 of the last 1 week.")] // read "in 0 of the last 1 weeks"
    [InlineData(3, 12, "Activity logged in 1 of the last 1 week.")] // read "in 1 of the last 1 weeks"
    [InlineData(10, 12, "Activity logged in 1 of the last 2 weeks.")]
    [InlineData(100, 1, "Activity logged in 1 of the last 1 week.")] // a model that counts one week
    public void WeeklyCadenceReason_OfOneWeek_SaysWeek(int startedDaysAgo, int cadenceWeeks, string reason)
    {
        // A partnership started today has one week observed: the week ending today (one call logged today, except from 0).
        var partnership = Empty(startedDaysAgo).With(interactions: startedDaysAgo == 0 ? [] : [new Interaction(T, InteractionKind.Call, Side.Vendor)]);
        var scorer = new HealthScorer(HealthModel.Default with { CadenceWeeks = cadenceWeeks });

        Assert.Equal(reason, scorer.Score(partnership, T).Factor(FactorCodes.ProgressWeeklyCadence)!.Value.Reason);
    }

    [Fact]
    public void Reasons_WithEvidence_GiveTheCounts() =>
        AssertReasons(
            Scorer.Score(WorkedExample(), T),
            ("trust.partner-reliability", "1 of 2 partner commitments broken (1 of them open past the grace period), 0 kept late, 1 kept on time; recent ones weigh most (half-life 180 days)."),
            ("trust.vendor-reliability", "0 of 1 vendor commitments broken, 0 kept late, 1 kept on time; recent ones weigh most (half-life 180 days)."),
            ("competency.coverage", "1 of 2 required competencies hold a valid certification."),
            ("competency.delivery-reliability", "1 of 3 deliveries on time with satisfaction of at least 0.7."),
            // The worked example's interactions are all partner requests: the vendor answers them, and
            // requests are not counted again in reciprocity.
            ("cooperation.partner-responsiveness", "No vendor requests due an answer from the partner yet."),
            ("cooperation.vendor-responsiveness", "1 of 3 partner requests answered by the vendor within 2 days; 1 unanswered."),
            ("cooperation.friction-handling", "No escalations due a resolution yet."),
            ("cooperation.reciprocity", "No meetings, calls, emails or joint events recorded yet."),

            // Goals with a due day: "Certify engineers" (0.5 of the way at half time: on track) and
            // "Joint pipeline" (0.2 at half time: behind); only the first is owned by both and measurable.
            ("plan.goals-on-track", "1 of 3 goals at or ahead of the progress their elapsed time expects; 1 goal without a due day counted as behind."),
            ("plan.shared-ownership", "1 of 3 goals owned by both sides."),
            ("plan.business-alignment", "40 % of the partner's business is aligned to ours."),
            ("plan.clarity", "1 of 3 goals have a measurable target and a due day."),
            ("plan.freshness", "Last reviewed together 120 days ago; the review cadence is 90 days."),

            // O4 starts tomorrow and is not counted. Registered within 7 days: O1 (2 days), O3 (1 day), not O2 (20 days).
            // Open: O1 (updated 2 days ago) and O3 (30 days ago). Fields: O1 has all 3, O2 none, O3 the amount.
            ("progress.registration-timeliness", "2 of 3 deals registered within 7 days of originating."),
            ("progress.pipeline-freshness", "1 of 2 open deals updated in the last 14 days."),
            ("progress.data-completeness", "4 of 9 required deal fields (amount, expected close, stage) filled in."),
            ("progress.weekly-cadence", "Activity logged in 6 of the last 12 weeks."));

    [Fact]
    public void RegistrationTimeliness_IsTheTimelyShareOfTheWeight()
    {
        // Two of three deals registered in time, each weighted by recency: strictly between 0 and 1, above a half.
        var timeliness = Scorer.Score(WorkedExample(), T).Factor(FactorCodes.ProgressRegistrationTimeliness)!.Value.Value!.Value;

        Assert.InRange(timeliness, 0.5, 0.99);
    }

    /// <summary>
    /// The review cadence was written as whole days (a 36-hour cadence "2 days", a 12-hour one "0 days"; now as the other durations of the reasons are written, 1.5 and 0.5 days), and a review a day
    /// ago "1 days ago", one today "0 days ago".
    /// </summary>
    [Theory]
    [InlineData(36.0, -1, "Last reviewed together 1 day ago; the review cadence is 1.5 days.")]
    [InlineData(12.0, 0, "Last reviewed together today; the review cadence is 0.5 days.")]
    [InlineData(24.0 * 14, -20, "Last reviewed together 20 days ago; the review cadence is 14 days.")]
    [InlineData(24.0, -1, "Last reviewed together 1 day ago; the review cadence is 1 day.")]
    public void FreshnessReason_WritesTheCadenceAndTheDaysAsTheyAre(double cadenceHours, int reviewedOn, string reason)
    {
        var report = Scorer.Score(Empty(365).With(plan: _ => new JointPlan(Day(-120), 0.5, lastReviewedOn: Day(reviewedOn), reviewCadence: TimeSpan.FromHours(cadenceHours))), T);

        Assert.Equal(reason, report.Factor(FactorCodes.PlanFreshness)!.Value.Reason);
    }

    [Fact]
    public void FreshnessReason_OfAPlanCreatedTodayAndNeverReviewed_SaysToday()
    {
        var report = Scorer.Score(Empty(365).With(plan: _ => new JointPlan(T, reviews: [])), T);

        Assert.Equal("Not reviewed together since the plan was created today; the review cadence is 90 days.", report.Factor(FactorCodes.PlanFreshness)!.Value.Reason);
    }

    /// <summary>A report written before the measure held the cadence (its measure 0) reads back with the cadence's whole days.</summary>
    [Fact]
    public void FreshnessReason_OfAReportWrittenWithoutTheCadencesMeasure_ReadsItsWholeDays()
    {
        var report = Scorer.Score(Empty(365).With(plan: _ => new JointPlan(Day(-120), 0.5, lastReviewedOn: Day(-30), reviewCadence: TimeSpan.FromDays(14))), T);
        var document = System.Text.Json.Nodes.JsonNode.Parse(PartnerMetrics.Serialization.PartnerMetricsJson.Serialize(report))!;
        var freshness = document["dimensions"]!.AsArray().SelectMany(d => d!["factors"]!.AsArray()).Single(f => (string?)f!["code"] == FactorCodes.PlanFreshness)!;
        Assert.Equal(14.0, (double)freshness["measure"]!);
        freshness["measure"] = 0;

        var read = PartnerMetrics.Serialization.PartnerMetricsJson.Deserialize<HealthReport>(document.ToJsonString());

        Assert.Equal("Last reviewed together 30 days ago; the review cadence is 14 days.", read.Factor(FactorCodes.PlanFreshness)!.Value.Reason);
    }

    [Fact]
    public void FreshnessReason_OfAPlanNeverReviewed_DoesNotClaimAReview()
    {
        // A plan created 120 days ago with no review on or before T: freshness counts from its creation, and its reason
        // must not say it was "last reviewed together 120 days ago". A review after T is not seen (as of T it never happened).
        var never = Scorer.Score(Empty(365).With(plan: _ => new JointPlan(Day(-120), reviews: [new PlanReview(Day(5), 0.5)])), T);
        var reviewed = Scorer.Score(Empty(365).With(plan: _ => new JointPlan(Day(-120), reviews: [new PlanReview(Day(-120), 0.5)])), T);

        Assert.Equal("Not reviewed together since the plan was created 120 days ago; the review cadence is 90 days.", never.Factor("plan.freshness")!.Value.Reason);
        Assert.Equal("Last reviewed together 120 days ago; the review cadence is 90 days.", reviewed.Factor("plan.freshness")!.Value.Reason);
        Assert.Equal(never.Factor("plan.freshness")!.Value.Value, reviewed.Factor("plan.freshness")!.Value.Value);

        // The report's JSON carries the counts its reason is written from, and reads back equal.
        var json = PartnerMetrics.Serialization.PartnerMetricsJson.Serialize(never);
        Assert.Equal(never, PartnerMetrics.Serialization.PartnerMetricsJson.Deserialize<HealthReport>(json));
    }

    [Fact]
    public void Reason_OfAFactorWithoutWeight_SaysItIsDisabled()
    {
        var model = new HealthModel { CooperationWeights = new CooperationWeights(1, 1, 1, 0) };

        var report = new HealthScorer(model).Score(WorkedExample(), T);

        var reciprocity = report.Factor("cooperation.reciprocity")!.Value;
        Assert.Equal("Disabled: the model gives this factor no weight.", reciprocity.Reason);
        Assert.False(reciprocity.IsPresent);
        Assert.Equal("1 of 3 partner requests answered by the vendor within 2 days; 1 unanswered.", report.Factor("cooperation.vendor-responsiveness")!.Value.Reason);
    }

    /// <summary>
    /// A reason states the model's setting as it is: a duration in the largest unit that writes it exactly to two places, a
    /// threshold in full. A 31-hour response target, 1.2916… days, read "within 1.29 days"; a 20-second one "within 0 days";
    /// a satisfaction threshold of 0.705 "at least 0.7".
    /// </summary>
    [Theory]
    [InlineData(31 * 3600, "31 hours")]
    [InlineData(36 * 3600, "1.5 days")]
    [InlineData(24 * 3600, "1 day")]
    [InlineData(20, "20 seconds")]
    [InlineData(90, "1.5 minutes")]
    [InlineData(7, "7 seconds")]
    [InlineData(3 * 86400 + 1, "259201 seconds")]
    public void Reason_WritesAResponseTargetAsItIs(int seconds, string written)
    {
        var model = new HealthModel { ResponseTarget = TimeSpan.FromSeconds(seconds) };

        var report = new HealthScorer(model).Score(WorkedExample(), T);

        Assert.Contains($" partner requests answered by the vendor within {written}; ", report.Factor("cooperation.vendor-responsiveness")!.Value.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reason_WritesASatisfactionThresholdAsItIs()
    {
        var delivery = new Delivery(T.AddDays(-10), onTime: true, satisfaction: 0.9);
        var partnership = new Partnership(WorkedExample().Partner, T.AddDays(-400), deliveries: [delivery]);

        var report = new HealthScorer(new HealthModel { SatisfactionThreshold = 0.705 }).Score(partnership, T);

        Assert.Equal("1 of 1 deliveries on time with satisfaction of at least 0.705.", report.Factor(FactorCodes.CompetencyDeliveryReliability)!.Value.Reason);
    }

    [Fact]
    public void Records_PrintTheirScoresAndFactors()
    {
        // Started 100 days ago (facts certain: 100 ÷ 90 ≥ 1); a plan created 10 days ago with alignment
        // 0.123 and no goals; nothing else. Every rate sits at its prior 0.5 with certainty 0:
        //   trust = 100 × √(0.5 × 0.5) = 50; competency = delivery 0.5 (coverage vacuous) = 50;
        //   co-operation = 100 × (0.2 × 0.5 + 0.2 × 0.5 + 0.35 × 0.5 + 0.25 × 0.5) = 50 (reciprocity at its prior too);
        //   plan = 100 × (0.15 × 0 + 0.1 × 0 + 0.55 × 0.123 + 0.1 × 0 + 0.1 × 1) = 6.765 + 10 = 16.765, confidence 1;
        //   tracked progress: the plan's creation is the one active week of 12:
        //     100 × (0.1 × 0.5 + 0.05 × 0.5 + 0.05 × 0.5 + 0.8 × 1/12) = 10 + 6.666… = 16.666…, confidence 0.8 (cadence only).
        // Overall = 0.25 × 50 + 0.2 × 50 + 0.25 × 50 + 0.15 × 16.765 + 0.15 × 16.666…
        //         = 12.5 + 10 + 12.5 + 2.51475 + 2.5 = 40.01475;
        // confidence = 0.15 × 1 + 0.15 × 0.8 = 0.27 ≥ 0.25, and 40.01 ≥ 40: Watch (a weakest link caps no lower band).
        // Plan alignment, 16.765 at confidence 1, and tracked progress, 16.666… at confidence 0.8, are weakest links: two signals.
        var report = Scorer.Score(Empty().With(plan: _ => new JointPlan(Day(-10), 0.123)), T);

        Assert.Equal(40.01475, report.Score, 10);
        Assert.Equal(0.27, report.Confidence, 12);
        Assert.Equal(16.765, report[HealthDimension.PlanAlignment].Score!.Value, 10);
        Assert.Equal([FactorCodes.WeakestLink, FactorCodes.WeakestLink], report.Signals.Select(s => s.Code));
        Assert.Equal(100 * ((0.1 * 0.5) + (0.05 * 0.5) + (0.05 * 0.5) + (0.8 / 12)), report[HealthDimension.TrackedProgress].Score!.Value, 10);
        Assert.StartsWith("HealthReport { PartnerId = P-1, AsOf = 2025-06-30, Model = default 2.6, Score = 40.01475", report.ToString(), StringComparison.Ordinal);
        Assert.Contains(
            "Band = Watch, Confidence = 0.27, Dimensions = [Trust 50, Competency 50, Cooperation 50, PlanAlignment 16.765, TrackedProgress 16.666666666666668], Signals = 2 }",
            report.ToString(),
            StringComparison.Ordinal);
        Assert.StartsWith(
            "DimensionScore { Dimension = PlanAlignment, Score = 16.765, Confidence = 1, Weight = 0.15, Contribution = 2.51475",
            report[HealthDimension.PlanAlignment].ToString(),
            StringComparison.Ordinal);
        Assert.EndsWith(
            "Factors = [plan.goals-on-track 0, plan.shared-ownership 0, plan.business-alignment 0.123, plan.clarity 0, plan.freshness 1] }",
            report[HealthDimension.PlanAlignment].ToString(),
            StringComparison.Ordinal);
        Assert.Equal(
            "DimensionScore { Dimension = Trust, Score = 50, Confidence = 0, Weight = 0.25, Contribution = 12.5, Factors = [trust.partner-reliability 0.5, trust.vendor-reliability 0.5] }",
            report[HealthDimension.Trust].ToString());
    }

    private static void AssertReasons(HealthReport report, params (string Code, string Reason)[] expected) =>
        Assert.Equal(expected, Enum.GetValues<HealthDimension>().SelectMany(d => report[d].Factors).Select(f => (f.Code, f.Reason)));
}
