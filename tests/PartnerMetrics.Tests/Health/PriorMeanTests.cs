using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>Per-factor prior means (DOMAIN section 3.1: "settable per factor, and derivable from a portfolio").</summary>
public class PriorMeanTests
{
    [Fact]
    public void PriorMean_OfAFactor_IsWhereItsEvidenceStartsFrom()
    {
        // Partner reliability with prior mean m = 0.8 and strength s = α + β = 2:
        //   no partner commitments → 0.8 with certainty 0;
        //   one kept today (p = 1) → (1 + 2 × 0.8) / (1 + 2) = 2.6 / 3;
        // the vendor side keeps α / (α + β) = 0.5.
        var model = HealthModel.Default with { PriorMeans = new Dictionary<string, double> { [FactorCodes.TrustPartnerReliability] = 0.8 } };
        var scorer = new HealthScorer(model);
        var kept = Empty().With(commitments: [new Commitment(Side.Partner, T, CommitmentOutcome.Kept, T)]);

        Assert.Equal(0.8, scorer.Score(Empty(), T).Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 15);
        Assert.Equal(2.6 / 3, scorer.Score(kept, T).Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 12);
        Assert.Equal(0.5, scorer.Score(kept, T).Factor(FactorCodes.TrustVendorReliability)!.Value.Value);
        Assert.Equal(0.8, model.PriorMeanOf(FactorCodes.TrustPartnerReliability));
        Assert.Equal(0.5, model.PriorMeanOf(FactorCodes.TrustVendorReliability));
    }

    [Fact]
    public void WithPriorsFrom_APortfolio_PoolsItsEvidence()
    {
        // Two partners as of T: one kept three promises today (p = 3), the other broke one today
        // (n = λ × 1 = 2.5). Partner reliability's prior becomes the posterior of the pooled evidence,
        // (3 + 2 × 0.5) / (3 + 2.5 + 2) = 4 / 7.5; the vendor sides have no evidence, so vendor reliability
        // keeps its prior and gets no entry.
        var keeper = new Partnership(new Partner(new PartnerId("K"), "Keeper", PartnerType.Reseller, "Gold", "North", Day(-400)), Day(-400))
            .With(commitments: Enumerable.Repeat(new Commitment(Side.Partner, T, CommitmentOutcome.Kept, T), 3));
        var breaker = new Partnership(new Partner(new PartnerId("B"), "Breaker", PartnerType.Reseller, "Gold", "North", Day(-400)), Day(-400))
            .With(commitments: [new Commitment(Side.Partner, T, CommitmentOutcome.Broken, T)]);

        var model = HealthModel.Default.WithPriorsFrom(new Portfolio([keeper, breaker]), T);

        Assert.Equal(4 / 7.5, model.PriorMeans[FactorCodes.TrustPartnerReliability], 12);
        Assert.False(model.PriorMeans.ContainsKey(FactorCodes.TrustVendorReliability));
        Assert.Equal(4 / 7.5, new HealthScorer(model).Score(Empty(), T).Factor(FactorCodes.TrustPartnerReliability)!.Value.Value!.Value, 12);
        Assert.Equal(HealthModel.Default with { PriorMeans = model.PriorMeans, Version = model.Version }, model);
        Assert.StartsWith("2.6+priors.", model.Version, StringComparison.Ordinal);   // a report tells it from the default
    }

    [Fact]
    public void WithPriorsFrom_AnEmptyPortfolio_ChangesNothing() =>
        Assert.Equal(HealthModel.Default, HealthModel.Default.WithPriorsFrom(new Portfolio([]), T));

    [Theory]
    [InlineData("cooperation.reciprocity", 0.5)]
    [InlineData("plan.freshness", 0.5)]
    [InlineData("no.such-factor", 0.5)]
    public void PriorMeans_OfAFactorThatIsNotASettableRate_AreRejected(string code, double mean)
    {
        var error = Assert.Throws<ArgumentException>(() => HealthModel.Default with { PriorMeans = new Dictionary<string, double> { [code] = mean } });

        Assert.Equal("PriorMeans", error.ParamName);
        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void PriorMeans_OutsideTheOpenUnitInterval_AreRejected(double mean) =>
        Rejects.Field<ArgumentOutOfRangeException>(
            () => HealthModel.Default with { PriorMeans = new Dictionary<string, double> { [FactorCodes.CompetencyDeliveryReliability] = mean } },
            "PriorMeans",
            mean.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Json_PriorMeans_RoundTripAndAreValidated()
    {
        var model = HealthModel.Default with { PriorMeans = new Dictionary<string, double> { [FactorCodes.ProgressDataCompleteness] = 0.65 } };

        var json = PartnerMetricsJson.Serialize(model);

        Assert.Contains("\"priorMeans\":{\"progress.data-completeness\":0.65}", json, StringComparison.Ordinal);
        Assert.Equal(model, PartnerMetricsJson.Deserialize<HealthModel>(json));
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>("""{"priorMeans":{"trust.vendor-reliability":1.5}}"""));
        Assert.Contains("$.priorMeans", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.5", error.Message, StringComparison.Ordinal);
    }
}
