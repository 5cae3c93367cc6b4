using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

public class CompetencyDimensionTests
{
    private static readonly HealthScorer Scorer = new();

    /// <summary>
    /// The certifications a history keeps (<see cref="CompetencyDimension.Undominated"/>) give every requirement the
    /// same latest valid expiry as all of them, on every day: any number of requirements and certifications, expiring
    /// or not, obtained on shared days or not, days on and around every boundary. Days are drawn from a short range
    /// so that certifications overlap, share days and dominate one another, which is what the pruning is about.
    /// </summary>
    [Property]
    public Property Undominated_KeepsTheLatestValidExpiryOfEveryDay() =>
        Prop.ForAll(
            (from requirements in Gen.Choose(1, 4)
             from held in Gen.ListOf(
                 from requirement in Gen.Choose(0, requirements - 1)
                 from obtained in Gen.Choose(0, 60)
                 from until in Gen.OneOf(Gen.Choose(obtained, 90), Gen.Constant(int.MaxValue))
                 select new HeldCertification(requirement, obtained, until))
             from day in Gen.Choose(-1, 92)
             select (requirements, held: held.ToArray(), day)).ToArbitrary(),
            c =>
            {
                var all = new int[c.requirements];
                CompetencyDimension.LatestValidExpiries(c.day, c.held, all);
                var kept = c.held.ToArray();
                var pruned = new int[c.requirements];
                CompetencyDimension.LatestValidExpiries(c.day, kept.AsSpan(0, CompetencyDimension.Undominated(kept)), pruned);

                Assert.Equal(all, pruned);
            });

    /// <summary>
    /// Sorting certifications as packed keys (<see cref="CompetencyDimension.SortObtainedFirst"/>) orders them as the
    /// comparer does: days drawn from every day a <see cref="DateOnly"/> has, with and without an expiry, and from a
    /// short range so that days are shared; requirements up to and beyond what a key holds, and days below the first,
    /// which send the whole sort to the comparer.
    /// </summary>
    [Property]
    public Property SortObtainedFirst_OrdersAsTheComparer() =>
        Prop.ForAll(
            (from fits in Gen.Elements(true, false)
             from held in Gen.ListOf(
                 from requirement in fits ? Gen.OneOf(Gen.Choose(0, 3), Gen.Constant((1 << 19) - 1)) : Gen.OneOf(Gen.Choose(0, 3), Gen.Constant(1 << 19))
                 from obtained in Gen.OneOf(Gen.Choose(0, 60), Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber), Gen.Choose(fits ? 0 : -60, 60))
                 from until in Gen.OneOf(Gen.Choose(obtained, obtained + 30), Gen.Constant(DateOnly.MaxValue.DayNumber), Gen.Constant(int.MaxValue))
                 select new HeldCertification(requirement, obtained, until))
             select held.ToArray()).ToArbitrary(),
            held =>
            {
                var expected = held.ToArray();
                Array.Sort(expected, default(ObtainedFirst));

                CompetencyDimension.SortObtainedFirst(held);

                Assert.Equal(expected, held);
            });

    [Fact]
    public void Undominated_LeavesOutACertificationAnotherCovers()
    {
        // Requirement 0: [10, 50) covers [20, 40) and is covered by nothing; [30, ∞) is kept, expiring later.
        // Requirement 1: one certification, kept.
        HeldCertification[] held = [new(0, 20, 40), new(1, 5, 6), new(0, 30, int.MaxValue), new(0, 10, 50)];

        var kept = CompetencyDimension.Undominated(held);

        Assert.Equal([new(0, 10, 50), new(0, 30, int.MaxValue), new(1, 5, 6)], held[..kept]);
    }

    /// <summary>
    /// A certification read once as day numbers is valid on exactly the days <see cref="Certification.IsValidOn"/>
    /// says, over every valid day, with and without an expiry (on, before and after its boundaries).
    /// </summary>
    [Property]
    public Property HeldCertification_IsValidOnTheDaysTheCertificationIs() =>
        Prop.ForAll(
            (from obtained in Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber)
             from expires in obtained == DateOnly.MaxValue.DayNumber ? Gen.Constant((int?)null) : Gen.OneOf(
                 Gen.Constant((int?)null),
                 Gen.Choose(obtained + 1, DateOnly.MaxValue.DayNumber).Select(day => (int?)day))   // a certification expires after the day obtained
             from day in Gen.OneOf(
                 Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber),
                 Gen.Elements(obtained - 1, obtained, obtained + 1, (expires ?? obtained) - 1, expires ?? obtained, (expires ?? obtained) + 1)
                     .Where(d => d >= DateOnly.MinValue.DayNumber && d <= DateOnly.MaxValue.DayNumber))
             select (obtained, expires, day)).ToArbitrary(),
            c =>
            {
                var certification = new Certification("Cloud", DateOnly.FromDayNumber(c.obtained), c.expires is { } e ? DateOnly.FromDayNumber(e) : null);
                var held = HeldCertification.Of(3, certification);

                Assert.Equal(3, held.Requirement);
                Assert.Equal(certification.IsValidOn(DateOnly.FromDayNumber(c.day)), HeldCertification.IsValidOn(held.From, held.Until, c.day));
            });

    [Fact]
    public void Score_ExpiredCertificationAndMixedDeliveries()
    {
        // Coverage (a fact): Azure expired 30 days ago, Security valid → 1 of 2 = 0.5; its certainty is the
        //   partnership's maturity, min(1, 100 days / 90) = 1.
        // Deliveries (H = 365 d): today on time at 0.9 → success w = 1; a year ago on time at 0.5
        //   (< 0.7) → failure w = 0.5; two years ago late → failure w = 0.25.
        //   reliability = (1 + 1) / (1 + 0.75 + 2) = 2 / 3.75 = 0.53333…, e = 1.75, certainty 1.75 / (1.75 + 5)
        // Competency = 100 × (0.2 × 0.5 + 0.8 × 0.53333…) / (0.2 + 0.8) = 10 + 128/3 = 158/3 = 52.6666…
        // Confidence = (0.2 × 1 + 0.8 × 1.75 / 6.75) / 1 = 0.2 + 0.20741 = 0.40741
        var report = Scorer.Score(Empty().With(requiredCompetencies: Required, certifications: Certifications, deliveries: Deliveries), T);
        var coverage = report.Factor(FactorCodes.CompetencyCoverage)!.Value;
        var delivery = report.Factor(FactorCodes.CompetencyDeliveryReliability)!.Value;
        var competency = report[HealthDimension.Competency];

        Assert.Equal(0.5, coverage.Value);
        Assert.Equal(2 / 3.75, delivery.Value!.Value, 10);
        Assert.Equal(158 / 3.0, competency.Score!.Value, 9);
        Assert.Equal(1.0, coverage.Confidence);
        Assert.Equal(1.75 / 6.75, delivery.Confidence, 12);
        Assert.Equal(0.2 + (0.8 * (1.75 / 6.75)), competency.Confidence, 10);
        Assert.Equal("1 of 2 required competencies hold a valid certification.", coverage.Reason);
        Assert.Equal("1 of 3 deliveries on time with satisfaction of at least 0.7.", delivery.Reason);

        // Azure expired, Security never expires: nothing to warn about. (The 100-day-old partnership has
        // no plan and no activity logged in 12 weeks, certain facts, so it does carry weakest-link signals
        // for plan alignment and tracked progress.)
        Assert.DoesNotContain(report.Signals, s => s.Code == FactorCodes.CertificationExpiring);
    }

    [Fact]
    public void Score_CertificationExpiringSoon_CoversAndSignals()
    {
        // "azure" matches the required "Azure" ignoring case; valid today, expiring in 45 days (≤ 60): a signal.
        // A Security certification obtained tomorrow is not valid yet: coverage 1 of 2 = 0.5.
        // No deliveries: reliability sits at its prior (0 + 1) / (0 + 2) = 0.5 with certainty 0, present.
        // Competency = 100 × (0.2 × 0.5 + 0.8 × 0.5) = 50; confidence = 0.2 × 1 (coverage, mature) + 0.8 × 0 = 0.2.
        var report = Scorer.Score(
            Empty().With(requiredCompetencies: Required, certifications: [new Certification("azure", Day(-300), Day(45)), new Certification("Security", Day(1))]),
            T);
        var delivery = report.Factor(FactorCodes.CompetencyDeliveryReliability)!.Value;

        Assert.Equal(0.5, report.Factor(FactorCodes.CompetencyCoverage)!.Value.Value);
        Assert.Equal(0.5, delivery.Value);
        Assert.Equal(0.0, delivery.Confidence);
        Assert.Equal(50.0, report[HealthDimension.Competency].Score!.Value, 9);
        Assert.Equal(0.2, report[HealthDimension.Competency].Confidence, 12);
        var signal = Assert.Single(report.Signals, s => s.Code == FactorCodes.CertificationExpiring);
        Assert.Equal(FactorCodes.CertificationExpiring, signal.Code);
        Assert.Contains("'Azure' expires on 2025-08-14, in 45 days", signal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SeveralExpiringCertifications_SignalInNameOrderWhateverTheRequirementOrder()
    {
        var certifications = new[] { new Certification("Security", Day(-300), Day(10)), new Certification("Azure", Day(-300), Day(50)) };

        // Only the certification signals: the 100-day-old partnership without a plan or logged activity also has weakest links.
        var signals = Scorer.Score(Empty().With(requiredCompetencies: ["Security", "Azure"], certifications: certifications), T)
            .Signals.Where(s => s.Code == FactorCodes.CertificationExpiring).ToArray();

        Assert.Equal(2, signals.Length);
        Assert.Contains("'Azure'", signals[0].Message, StringComparison.Ordinal);
        Assert.Contains("'Security'", signals[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SeveralExpiringCertifications_SignalInNameOrder_WithNoOtherSignalToSortThemAmong()
    {
        // As above, without the weights of plan alignment and tracked progress: no dimension is a weakest link, so the two
        // certification signals are the report's only signals, and their order is their own sort's, on the day and in a
        // history alike. Under the default weights (model 2.1) tracked progress is a weakest link too: nothing logged in
        // 12 weeks is the cadence fact 0 at certainty 1 (100 days ≥ 90), the rates sit at 0.5 with certainty 0, so it scores
        // 100 × (0.1 × 0.5 + 0.05 × 0.5 + 0.05 × 0.5 + 0.8 × 0) = 10 < 40 at confidence 0.8 × 1 = 0.8 ≥ 0.5 (2.0 gave it
        // 37.5 at confidence 0.25, no weakest link). So its weight goes with the plan's; the others keep their defaults:
        // trust 50, competency 100 × (0.2 × 1 + 0.8 × 0.5) = 60 and co-operation 62.5, none below 40.
        var certifications = new[] { new Certification("Security", Day(-300), Day(10)), new Certification("Azure", Day(-300), Day(50)) };
        var scorer = new HealthScorer(HealthModel.Default with { DimensionWeights = new DimensionWeights(0.25, 0.2, 0.25, 0, 0) });
        var partnership = Empty().With(requiredCompetencies: ["Security", "Azure"], certifications: certifications);

        foreach (var report in new[] { scorer.Score(partnership, T), scorer.History(partnership, T.AddDays(-7), T, TimeSpan.FromDays(7))[^1] })
        {
            Assert.Equal(2, report.Signals.Length);
            Assert.Contains("'Azure'", report.Signals[0].Message, StringComparison.Ordinal);
            Assert.Contains("'Security'", report.Signals[1].Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Score_RenewedCertification_DoesNotSignal()
    {
        // The one expiring in 20 days was renewed 5 days ago until day 700: the latest valid expiry is far off.
        var renewed = Scorer.Score(
            Empty().With(requiredCompetencies: ["Azure"], certifications: [new Certification("Azure", Day(-300), Day(20)), new Certification("Azure", Day(-5), Day(700))]),
            T);
        var notRenewed = Scorer.Score(Empty().With(requiredCompetencies: ["Azure"], certifications: [new Certification("Azure", Day(-300), Day(20))]), T);

        Assert.DoesNotContain(renewed.Signals, s => s.Code == FactorCodes.CertificationExpiring);
        Assert.Contains(notRenewed.Signals, s => s.Code == FactorCodes.CertificationExpiring);
    }

    [Fact]
    public void Score_NothingRequiredAndNoDeliveries_SitsAtThePriorWithConfidenceZero()
    {
        // Nothing required: coverage is vacuous and left out (its certifications are beside the point).
        // No deliveries: reliability is present at its prior (0 + 1) / (0 + 2) = 0.5 with certainty 0 / (0 + 5) = 0.
        // Competency = 100 × 0.5 = 50 at confidence 0; it still counts, with its weight 0.2 of the
        // dimension weights 0.25 + 0.2 + 0.25 + 0.15 + 0.15 = 1: contribution 0.2 × 50 = 10 points.
        var competency = Scorer.Score(Empty().With(certifications: Certifications), T)[HealthDimension.Competency];
        var coverage = competency.Factors.Single(f => f.Code == FactorCodes.CompetencyCoverage);
        var delivery = competency.Factors.Single(f => f.Code == FactorCodes.CompetencyDeliveryReliability);

        Assert.False(coverage.IsPresent);
        Assert.Equal(0.0, coverage.Contribution);
        Assert.Equal("No required competencies are set for this partnership.", coverage.Reason);
        Assert.Equal((0.5, 0.0, 0.0), (delivery.Value, delivery.EvidenceWeight, delivery.Confidence));
        Assert.True(competency.IsPresent);
        Assert.Equal(50.0, competency.Score!.Value, 12);
        Assert.Equal(0.0, competency.Confidence);
        Assert.Equal(10.0, competency.Contribution, 12);
        Assert.Equal(10.0, delivery.Contribution, 12);
    }
}
