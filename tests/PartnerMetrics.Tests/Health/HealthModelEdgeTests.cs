using System.Collections;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>Edges of the model, its priors, the interval and the texts of reports that the full mutation run of Health/ found untested.</summary>
public class HealthModelEdgeTests
{
    [Fact]
    public void WithPriorsFrom_MostlyFailures_MovesThePriorDown_ByTheBetaMean()
    {
        // One vendor promise kept and three broken, all on T: the vendor side's weighted evidence has
        // fewer successes than failures, and its prior mean becomes (p + κ·m₀) / (p + n + κ).
        var partnership = new Partnership(Examples.Partner, T.AddDays(-100), commitments:
        [
            new Commitment(Side.Vendor, T, CommitmentOutcome.Kept, T),
            .. Enumerable.Range(0, 3).Select(_ => new Commitment(Side.Vendor, T, CommitmentOutcome.Broken, T)),
        ]);
        var model = HealthModel.Default;
        var vendor = new HealthScorer(model).Score(partnership, T).Factor(FactorCodes.TrustVendorReliability)!.Value;
        Assert.True(vendor.Successes < vendor.Failures);

        var fitted = model.WithPriorsFrom(new Portfolio([partnership]), T);

        Assert.Equal((vendor.Successes + (2 * 0.5)) / (vendor.Successes + vendor.Failures + 2), fitted.PriorMeans[FactorCodes.TrustVendorReliability], 12);
        Assert.False(fitted.PriorMeans.ContainsKey(FactorCodes.CompetencyDeliveryReliability));   // no evidence: no prior set
        Assert.Equal("portfolio", Assert.Throws<ArgumentNullException>(() => model.WithPriorsFrom(null!, T)).ParamName);
    }

    [Fact]
    public void PriorMeans_AreKeptInCodeOrder_AndNullIsRejectedByName()
    {
        var model = HealthModel.Default with
        {
            PriorMeans = new Dictionary<string, double> { [FactorCodes.TrustVendorReliability] = 0.6, [FactorCodes.CooperationFrictionHandling] = 0.7, [FactorCodes.TrustPartnerReliability] = 0.8 },
        };

        Assert.Equal([FactorCodes.CooperationFrictionHandling, FactorCodes.TrustPartnerReliability, FactorCodes.TrustVendorReliability], model.PriorMeans.Keys);
        var json = PartnerMetricsJson.Serialize(model);
        Assert.True(json.IndexOf(FactorCodes.CooperationFrictionHandling, StringComparison.Ordinal) < json.IndexOf(FactorCodes.TrustVendorReliability, StringComparison.Ordinal), json);
        Assert.Equal("PriorMeans", Assert.Throws<ArgumentNullException>(() => HealthModel.Default with { PriorMeans = null! }).ParamName);
    }

    [Fact]
    public void PriorStrengths_MustBePositiveAndFinite_NamingTheValue() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => HealthModel.Default with { PriorPositive = -1 }, "PriorPositive", "'PriorPositive' must be a positive finite number; got -1.");

    [Fact]
    public void Interval_ContainsItsBounds_AndNothingOutside()
    {
        var interval = new ScoreInterval(40, 60);

        Assert.True(interval.Contains(40));
        Assert.True(interval.Contains(60));
        Assert.True(interval.Contains(50));
        Assert.False(interval.Contains(39.999));
        Assert.False(interval.Contains(60.001));
    }

    [Fact]
    public void Report_AndDimension_PrintTheirScores()
    {
        var report = new HealthScorer().Score(Empty(), T);

        Assert.Contains("Dimensions = [Trust 50, Competency ", report.ToString(), StringComparison.Ordinal);
        Assert.EndsWith($"], Signals = {report.Signals.Length} }}", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("Factors = [trust.partner-reliability 0.5, trust.vendor-reliability 0.5]", report[HealthDimension.Trust].ToString(), StringComparison.Ordinal);
        Assert.Contains("Dimension = Trust, Score = 50, ", report[HealthDimension.Trust].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ByTier_ATierListedTwice_IsRejected()
    {
        var gold = HealthModel.Default with { Name = "gold" };

        var error = Assert.Throws<ArgumentException>("byTier", () => HealthModelSet.ByTier(HealthModel.Default, new TwiceTheSameTier("Gold", gold)));

        Assert.Contains("tier 'Gold' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_WhenASidesReliabilityUnderflowsToZero_StillAddsUp()
    {
        // With the smallest positive prior α, ten vendor promises broken on T give the vendor side
        // α / (10·λ + α + 1), which rounds to 0; before them it was α / (α + 1) > 0. The split of trust's
        // change between the sides needs both sides above 0 on both days, so it falls back to values.
        var scorer = new HealthScorer(HealthModel.Default with { PriorPositive = double.Epsilon });
        var partnership = new Partnership(Examples.Partner, T.AddDays(-100), commitments: [.. Enumerable.Range(0, 10).Select(_ => new Commitment(Side.Vendor, T, CommitmentOutcome.Broken, T))]);

        var delta = scorer.Compare(partnership, T.AddDays(-1), T);

        Assert.Equal(0.0, delta.After.Factor(FactorCodes.TrustVendorReliability)!.Value.Value);
        Assert.True(delta.Before.Factor(FactorCodes.TrustVendorReliability)!.Value.Value > 0);
        Assert.All(delta.Factors, f => Assert.True(double.IsFinite(f.Change), $"{f.Code}: {f.Change}"));
        Assert.Equal(delta.Change, delta.Factors.Sum(f => f.Change), 9);
    }

    /// <summary>A dictionary that enumerates one tier twice, as a faulty implementation of the interface can.</summary>
    private sealed class TwiceTheSameTier(string tier, HealthModel model) : IReadOnlyDictionary<string, HealthModel>
    {
        public int Count => 2;

        public IEnumerable<string> Keys => [tier, tier];

        public IEnumerable<HealthModel> Values => [model, model];

        public HealthModel this[string key] => model;

        public bool ContainsKey(string key) => key == tier;

        public bool TryGetValue(string key, out HealthModel value)
        {
            value = model;
            return key == tier;
        }

        public IEnumerator<KeyValuePair<string, HealthModel>> GetEnumerator()
        {
            yield return new(tier, model);
            yield return new(tier, model);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
