using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

public class CompetencyDimensionTests
{
    private static readonly HealthScorer Scorer = new();

    [Fact]
    public void Score_ExpiredCertificationAndMixedDeliveries()
    {
        // Coverage: Azure expired 30 days ago, Security valid → 1 of 2 = 0.5, e = 2.
        // Deliveries (H = 365 d): today on time at 0.9 → success w = 1; a year ago on time at 0.5
        //   (< 0.7) → failure w = 0.5; two years ago late → failure w = 0.25.
        //   reliability = (1 + 1) / (1 + 0.75 + 2) = 2 / 3.75 = 0.53333…, e = 1.75
        // Competency = 100 × (0.4 × 0.5 + 0.6 × 0.53333…) / (0.4 + 0.6) = 52
        var report = Scorer.Score(Empty().With(requiredCompetencies: Required, certifications: Certifications, deliveries: Deliveries), T);
        var coverage = report.Factor(FactorCodes.CompetencyCoverage)!.Value;
        var delivery = report.Factor(FactorCodes.CompetencyDeliveryReliability)!.Value;
        var competency = report[HealthDimension.Competency];

        Assert.Equal(0.5, coverage.Value);
        Assert.Equal(2 / 3.75, delivery.Value!.Value, 10);
        Assert.Equal(52.0, competency.Score!.Value, 9);
        Assert.Equal((0.4 * (2 / 7.0)) + (0.6 * (1.75 / 6.75)), competency.Confidence, 10);
        Assert.Equal("1 of 2 required competencies hold a valid certification.", coverage.Reason);
        Assert.Equal("1 of 3 deliveries on time with satisfaction of at least 0.7.", delivery.Reason);
        Assert.Empty(report.Signals);
    }

    [Fact]
    public void Score_CertificationExpiringSoon_CoversAndSignals()
    {
        // "azure" matches the required "Azure" ignoring case; valid today, expiring in 45 days (≤ 60): a signal.
        // A Security certification obtained tomorrow is not valid yet. Coverage 1 of 2; no deliveries → coverage alone.
        var report = Scorer.Score(
            Empty().With(requiredCompetencies: Required, certifications: [new Certification("azure", Day(-300), Day(45)), new Certification("Security", Day(1))]),
            T);

        Assert.Equal(50.0, report[HealthDimension.Competency].Score);
        Assert.False(report.Factor(FactorCodes.CompetencyDeliveryReliability)!.Value.IsPresent);
        var signal = Assert.Single(report.Signals);
        Assert.Equal(FactorCodes.CertificationExpiring, signal.Code);
        Assert.Contains("'Azure' expires on 2025-08-14, in 45 days", signal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SeveralExpiringCertifications_SignalInNameOrderWhateverTheRequirementOrder()
    {
        var certifications = new[] { new Certification("Security", Day(-300), Day(10)), new Certification("Azure", Day(-300), Day(50)) };

        var signals = Scorer.Score(Empty().With(requiredCompetencies: ["Security", "Azure"], certifications: certifications), T).Signals;

        Assert.Equal(2, signals.Length);
        Assert.Contains("'Azure'", signals[0].Message, StringComparison.Ordinal);
        Assert.Contains("'Security'", signals[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_RenewedCertification_DoesNotSignal() =>
        Assert.Empty(Scorer.Score(
            Empty().With(requiredCompetencies: ["Azure"], certifications: [new Certification("Azure", Day(-300), Day(20)), new Certification("Azure", Day(-5), Day(700))]),
            T).Signals);

    [Fact]
    public void Score_NothingRequiredAndNoDeliveries_IsAbsent()
    {
        var competency = Scorer.Score(Empty().With(certifications: Certifications), T)[HealthDimension.Competency];

        Assert.False(competency.IsPresent);
        Assert.Null(competency.Score);
        Assert.Equal(0.0, competency.Confidence);
        Assert.Equal(0.0, competency.Contribution);
    }
}
