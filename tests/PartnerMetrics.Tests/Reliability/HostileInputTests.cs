using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Reliability;

/// <summary>Issue 18's rows about the library: each input that once threw an undocumented exception or gave a wrong number (docs/reliability.md).</summary>
public partial class HostileInputTests
{
    [Fact]
    public void History_FromTheFirstDayOfTheCalendarWithAOneDayHalfLife_StaysFiniteAndEqualsScore()
    {
        // Row 3: evidence millions of half-lives after the history's start once overflowed the recency weights.
        var model = HealthModel.Default with
        {
            TrustHalfLife = TimeSpan.FromDays(1),
            CooperationHalfLife = TimeSpan.FromDays(1),
            CompetencyHalfLife = TimeSpan.FromDays(1),
            TrackedProgressHalfLife = TimeSpan.FromDays(1),
            EscalationHalfLife = TimeSpan.FromDays(1),
        };
        var scorer = new HealthScorer(model);
        var end = new DateOnly(2025, 6, 30);
        var partnership = new Partnership(
            new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller),
            DateOnly.MinValue,
            commitments: [new Commitment(Side.Partner, end.AddDays(-10), CommitmentOutcome.Kept, end.AddDays(-10)), new Commitment(Side.Vendor, end.AddDays(-3), CommitmentOutcome.Broken, end.AddDays(-3))]);

        var history = scorer.History(partnership, DateOnly.MinValue, end, TimeSpan.FromDays(30_000));

        Assert.All(history, r => Assert.True(double.IsFinite(r.Score) && double.IsFinite(r.Confidence)));
        Assert.All(history, r => Assert.Equal(scorer.Score(partnership, r.AsOf).Score, r.Score));
    }

    [Theory]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("0.0001")]
    public void Result_WithATinyRemainingTarget_GivesAFiniteCoverage(string target)
    {
        // Row 15: open value ÷ 1e-28 left decimal's range and Result() threw OverflowException.
        var accumulator = new PipelineAccumulator();
        accumulator.Add(Deal("O-1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Open, Opportunity.MaxAmount, D, null, null));
        var remaining = decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture);

        var coverage = accumulator.Result(new PipelineOptions { RemainingTarget = remaining }).Coverage;

        Assert.NotNull(coverage);
        Assert.True(double.IsFinite(coverage.Value));
        Assert.Equal((double)Opportunity.MaxAmount / (double)remaining, coverage.Value, 1e-12 * coverage.Value);
    }

    [Fact]
    public void Result_WithAnOrdinaryTarget_GivesTheExactCoverage()
    {
        // 300 open ÷ 120 remaining = 2.5.
        var accumulator = new PipelineAccumulator();
        accumulator.Add(Deal("O-1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Open, 300m, D, null, null));

        Assert.Equal(2.5, accumulator.Result(new PipelineOptions { RemainingTarget = 120m }).Coverage);
    }
}
