using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;
using PartnerMetrics.Tests.Health;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>
/// DOMAIN rule 15 for the score's result: a <see cref="HealthReport"/> written as JSON reads back equal, under any valid
/// model, and a report whose parts contradict each other is rejected at the field that does.
/// </summary>
public class HealthReportJsonTests
{
    private static readonly DateOnly T = Examples.T;

    /// <summary>A factor's numbers, in the order they are written.</summary>
    private static readonly string[] Numbers = ["value", "weight", "confidence", "contribution", "evidenceWeight", "successes", "failures", "variance"];

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    [Trait("Rule", "15")]
    public void Rule15_HealthReport_RoundTrip_IsIdentity(ScoringCase c, HealthModel model)
    {
        // Any generated partnership under any valid model: weights from ε to double.MaxValue, 0 included (disabled
        // factors and dimensions, absent values), extreme half-lives and priors; signals of every kind.
        var report = new HealthScorer(model).Score(c.Partnership, c.AsOf);

        var json = PartnerMetricsJson.Serialize(report);
        var back = PartnerMetricsJson.Deserialize<HealthReport>(json);

        Assert.Equal(report, back);
        Assert.Equal(json, PartnerMetricsJson.Serialize(back));
        Assert.Equal(report.Factors.Select(f => f.Reason), back.Factors.Select(f => f.Reason));
        Assert.Equal(report, PartnerMetricsJson.Deserialize<HealthReport>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
    }

    /// <summary>
    /// Rule 15's second half over generated reports: a report written by any model for any partnership, with one number
    /// that the others determine moved up or down by 0.5 (the overall score, confidence or an interval bound; a dimension's
    /// confidence or contribution; a factor's contribution), is rejected. The examples of
    /// <see cref="Deserialize_PartsThatContradictEachOther_AreRejectedAtTheField"/> tamper with one worked report only.
    /// </summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    [Trait("Rule", "15")]
    public void Rule15_HealthReport_WithOneNumberTheOthersDetermineChanged_IsRejected(ScoringCase c, HealthModel model, byte which, byte dimension, byte factor)
    {
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(new HealthScorer(model).Score(c.Partnership, c.AsOf)))!;
        var part = json["dimensions"]![dimension % 5]!;
        var factors = part["factors"]!.AsArray();
        var (node, name, most) = (which % 6) switch
        {
            0 => (json, "score", 100.0),
            1 => (json, "confidence", 1.0),
            2 => (json["interval"]!, "lower", 100.0),
            3 => (part, "confidence", 1.0),
            4 => (part, "contribution", 100.0),
            _ => (factors[factor % factors.Count]!, "contribution", 100.0),
        };
        var (stated, step) = ((double)node[name]!, which < 128 ? 0.5 : -0.5);
        node[name] = stated + step is var moved && moved >= 0 && moved <= most ? moved : stated - step;

        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthReport>(json.ToJsonString()));
    }

    [Fact]
    public void History_AsAnArray_RoundTrips()
    {
        // A year of weekly reports, stored as one document.
        var history = new HealthScorer().History(Examples.WorkedExample(), T.AddDays(-364), T, TimeSpan.FromDays(7)).ToArray();

        var back = PartnerMetricsJson.Deserialize<HealthReport[]>(PartnerMetricsJson.Serialize(history));

        Assert.Equal(53, back.Length);
        Assert.Equal(history, back);
    }

    [Fact]
    public void History_AContradictionInOneReport_NamesItsPlaceInTheArray()
    {
        var history = JsonNode.Parse(PartnerMetricsJson.Serialize(new HealthScorer().History(Examples.WorkedExample(), T.AddDays(-7), T, TimeSpan.FromDays(7)).ToArray()))!;
        history[1]!["score"] = 101;

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthReport[]>(history.ToJsonString()));

        Assert.Equal("$[1].score", error.Path);
        Assert.Contains("'score' must be from 0 to 100; got 101.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_WorkedExample_WritesEveryPartByName()
    {
        var report = new HealthScorer().Score(Examples.WorkedExample(), T);

        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(report))!;

        Assert.Equal("P-1", (string?)json["partnerId"]);
        Assert.Equal("2025-06-30", (string?)json["asOf"]);
        Assert.Equal(("default", "2.6"), ((string?)json["model"], (string?)json["modelVersion"]));
        Assert.Equal(report.Score, (double)json["score"]!);
        Assert.Equal("Watch", (string?)json["band"]);
        Assert.Equal(report.Interval.Lower, (double)json["interval"]!["lower"]!);
        var trust = json["dimensions"]![0]!;
        Assert.Equal("Trust", (string?)trust["dimension"]);
        var partner = trust["factors"]![0]!;
        Assert.Equal(FactorCodes.TrustPartnerReliability, (string?)partner["code"]);
        Assert.Equal(report.Factor(FactorCodes.TrustPartnerReliability)!.Value.Reason, (string?)partner["reason"]);
        Assert.Equal(4, partner["counts"]!.AsArray().Count);
    }

    [Fact]
    public void Serialize_OneKeptOneBroken_WritesThePartnersFactorAsDocsScoringShowsIt()
    {
        // docs/scoring.md, "A report as JSON": kept ten days ago (weight 2^(−10/180) = 0.9622) and broken twenty days ago
        // (λ·2^(−20/180) = 2.5 × 0.9259 = 2.3147); the value (0.9622 + 1) / (0.9622 + 2.3147 + 2) = 0.3719.
        var partnership = new Partnership(
            new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller),
            T.AddDays(-400),
            commitments: [new Commitment(Side.Partner, T.AddDays(-10), CommitmentOutcome.Kept), new Commitment(Side.Partner, T.AddDays(-20), CommitmentOutcome.Broken, T.AddDays(-20))]);

        var factor = JsonNode.Parse(PartnerMetricsJson.Serialize(new HealthScorer().Score(partnership, T)))!["dimensions"]![0]!["factors"]![0]!;

        Assert.Equal(FactorCodes.TrustPartnerReliability, (string?)factor["code"]);
        Assert.Equal([0.3719, 0.5, 0.2741, 4.5977, 1.8881, 0.9622, 2.3147, 0.0372], Numbers.Select(name => Math.Round((double)factor[name]!, 4)));
        Assert.Equal([1, 0, 1, 0], factor["counts"]!.AsArray().Select(n => (int)n!));
        Assert.Equal(180, (double)factor["measure"]!);
        Assert.Equal("1 of 2 partner commitments broken, 0 kept late, 1 kept on time; recent ones weigh most (half-life 180 days).", (string?)factor["reason"]);
    }

    public static TheoryData<string, string, string> Contradictions => new()
    {
        { "score", "$.score", "must be the sum of the dimensions' contributions" },
        { "factor-contribution", "$.dimensions[0].contribution", "must be the sum of the factors' contributions" },
        { "dimension-score", "$.dimensions[0].score", "must be the weighted mean of the factors" },
        { "foreign-factor", "$.dimensions[1].factors[0].code", "must be 'competency.coverage'" },
        { "unknown-code", "$.dimensions[0].factors[0].code", "must be a factor code" },
        { "missing-factor", "$.dimensions[0].factors", "must list Trust's 2 factors" },
        { "reason", "$.dimensions[0].factors[0].reason", "must be the reason its counts give" },
        { "value", "$.dimensions[0].factors[0].value", "must be from 0 to 1; got 1.5" },
        { "disabled-value", "$.dimensions[0].factors[0].value", "must be absent, for the factor has no weight" },
        { "order", "$.dimensions[0].dimension", "must be Trust" },
        { "missing-dimension", "$.dimensions", "must list the 5 dimensions" },
        { "interval", "$.interval.lower", "must not be above the score" },
        { "counts", "$.dimensions[0].factors[0].counts", "Required property 'counts' is missing or null." },
        { "model", "$.model", "'model' must not be empty" },
        { "overall-confidence", "$.confidence", "must be the weighted mean of the dimensions' confidences" },
        { "dimension-confidence", "$.dimensions[0].confidence", "must be the weighted mean of the present factors' confidences" },
        { "swapped-contributions", "$.dimensions[0].factors[0].contribution", "must be the dimension's contribution in proportion to weight × value" },
        { "swapped-shares", "$.dimensions[0].share", "must be the dimension's weight among the present dimensions'" },
        { "unweighted-dimension", "$.dimensions[0].share", "must be the dimension's weight among the present dimensions'" },
        { "negative-counts", "$.dimensions[0].factors[0].counts", "must be numbers of at least 0 whose sum is at most 2147483647; got [-5, 0, 0, 0]" },
        { "huge-counts", "$.dimensions[0].factors[0].counts", "must be numbers of at least 0 whose sum is at most 2147483647" },
        { "missing-lower", "$.interval.lower", "Required property 'interval.lower' is missing or null." },
        { "healthy-beside-a-weak-link", "$.band", "must not be Healthy beside a weakest link (signals[0])" },
        { "unknown-signal", "$.signals[0].code", "must be a signal code" },
        { "signals-out-of-order", "$.signals[1]", "must not come before signals[0]: signals are in order of code, then message" },
        { "trust-side-weight", "$.dimensions[0].factors[0].weight", "must be 0.5: the two sides of trust weigh the same; got 0.25" },
        { "evidence-alone", "$.dimensions[0].factors[1].confidence", "must be e / (e + κ) with the κ the other rates imply" },
        { "narrower-interval", "$.interval.lower", "must be the score less z·σ from the factors' variances" },
        { "wider-interval", "$.interval.upper", "must be the score plus z·σ from the factors' variances" },
        { "variance-alone", "$.interval.lower", "must be the score less z·σ from the factors' variances" },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void Deserialize_PartsThatContradictEachOther_AreRejectedAtTheField(string change, string path, string because)
    {
        // The worked example; for the signals, the vendor that broke every promise (a weakest link caps it at Watch).
        var partnership = change is "healthy-beside-a-weak-link" or "unknown-signal" or "signals-out-of-order" ? WeakestLinkTests.VendorBreaksEveryPromise() : Examples.WorkedExample();
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(new HealthScorer().Score(partnership, T)))!;
        var dimensions = json["dimensions"]!.AsArray();
        var factor = dimensions[0]!["factors"]![0]!.AsObject();
        switch (change)
        {
            case "score": json["score"] = (double)json["score"]! + 1; break;
            case "factor-contribution": dimensions[0]!["factors"]![1]!["contribution"] = (double)dimensions[0]!["factors"]![1]!["contribution"]! + 0.5; break;
            case "dimension-score": dimensions[0]!["score"] = (double)dimensions[0]!["score"]! - 1; break;
            case "foreign-factor": dimensions[1]!["factors"]![0] = factor.DeepClone(); break;
            case "unknown-code": factor["code"] = "trust.nope"; break;
            case "missing-factor": dimensions[0]!["factors"]!.AsArray().RemoveAt(1); break;
            case "reason": factor["reason"] = "All is well."; break;
            case "value": factor["value"] = 1.5; break;
            case "disabled-value": factor["weight"] = 0; break;
            case "order": (dimensions[0], dimensions[1]) = (dimensions[1]!.DeepClone(), dimensions[0]!.DeepClone()); break;
            case "missing-dimension": dimensions.RemoveAt(4); break;
            case "interval": json["interval"]!["lower"] = (double)json["score"]! + 1; break;
            case "counts": factor.Remove("counts"); break;
            case "model": json["model"] = " "; break;
            case "overall-confidence": json["confidence"] = 0.01; break;
            case "dimension-confidence": dimensions[0]!["confidence"] = 1; break;
            case "swapped-contributions":
                var factors = dimensions[0]!["factors"]!;
                (factors[0]!["contribution"], factors[1]!["contribution"]) = (factors[1]!["contribution"]!.DeepClone(), factors[0]!["contribution"]!.DeepClone());
                break;
            case "swapped-shares": (dimensions[0]!["share"], dimensions[1]!["share"]) = (dimensions[1]!["share"]!.DeepClone(), dimensions[0]!["share"]!.DeepClone()); break;
            case "unweighted-dimension": dimensions[0]!["weight"] = 0; break;
            case "negative-counts": factor["counts"] = new JsonArray(-5, 0, 0, 0); factor.Remove("reason"); break;
            case "huge-counts": factor["counts"] = new JsonArray(int.MaxValue, int.MaxValue, int.MaxValue, 0); break;
            case "missing-lower": json["interval"]!.AsObject().Remove("lower"); break;
            case "healthy-beside-a-weak-link": json["band"] = "Healthy"; break;
            case "unknown-signal": json["signals"]![0]!["code"] = "health.all-good"; break;
            case "signals-out-of-order": json["signals"] = new JsonArray([.. json["signals"]!.AsArray().Reverse().Select(n => n!.DeepClone())]); break;
            case "trust-side-weight": factor["weight"] = 0.25; break;
            case "evidence-alone": factor["evidenceWeight"] = 1e6; break;
            case "narrower-interval": json["interval"]!["lower"] = ((double)json["interval"]!["lower"]! + (double)json["score"]!) / 2; break;
            case "wider-interval": json["interval"]!["upper"] = Math.Min(100, (double)json["interval"]!["upper"]! + 1); break;
            case "variance-alone": factor["variance"] = 4 * (double)factor["variance"]!; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthReport>(json.ToJsonString()));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid HealthReport at {path}: ", error.Message, StringComparison.Ordinal);
    }
}
