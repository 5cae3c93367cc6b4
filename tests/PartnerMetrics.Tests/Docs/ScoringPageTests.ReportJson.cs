using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Docs;

/// <summary>The factor that "A report as JSON" shows, against the factor a report of its partnership writes.</summary>
public partial class ScoringPageTests
{
    /// <summary>
    /// "A partner that kept a promise ten days ago and broke one twenty days ago": the page's factor has the written
    /// factor's properties in its order, its code, counts, measure and reason as written, and each number as written,
    /// shortened to the digits the page shows.
    /// </summary>
    [Fact]
    public void ReportJson_TheFactorExampleIsWhatAReportWrites()
    {
        var section = Section("## A report as JSON", "## The model as JSON");
        var block = section[(section.IndexOf("```json\n", StringComparison.Ordinal) + 8)..];
        var shown = JsonNode.Parse(block[..block.IndexOf("```", StringComparison.Ordinal)])!.AsObject();
        var partnership = new Partnership(
            new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller),
            T.AddDays(-400),
            commitments: [new Commitment(Side.Partner, T.AddDays(-10), CommitmentOutcome.Kept), new Commitment(Side.Partner, T.AddDays(-20), CommitmentOutcome.Broken, T.AddDays(-20))]);

        var written = JsonNode.Parse(PartnerMetricsJson.Serialize(new HealthScorer().Score(partnership, T)))!["dimensions"]![0]!["factors"]![0]!.AsObject();

        Assert.Equal(written.Select(p => p.Key), shown.Select(p => p.Key));
        foreach (var (name, value) in shown)
        {
            if (value!.GetValueKind() == JsonValueKind.Number)
            {
                var text = value.ToJsonString();
                var decimals = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                var actual = Math.Round((double)written[name]!, decimals, MidpointRounding.AwayFromZero);
                Assert.True((double)value == actual, $"{name}: the page shows {text}; a report writes {((double)written[name]!).ToString("R", CultureInfo.InvariantCulture)}.");
            }
            else
            {
                Assert.True(JsonNode.DeepEquals(value, written[name]), $"{name}: the page shows {value.ToJsonString()}; a report writes {written[name]!.ToJsonString()}.");
            }
        }
    }
}
