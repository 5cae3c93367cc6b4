using System.Text.Json;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// What a reader of the command line's tables and JSON takes from them agrees with what the library computed: a number
/// printed beside a band or a profile never reads as the other side of its threshold, and a share short of 100 % never
/// reads 100 %, as on the HTML page (HtmlReportReadingTests).
/// </summary>
public sealed class ReadingTests
{
    /// <summary>
    /// The demo's P-036 has a confidence of 0.2476, below the minimum of 0.25, and so is InsufficientEvidence; the table
    /// and the JSON printed it as 0.25 beside that band (the HTML page, 0.24).
    /// </summary>
    [Fact]
    public void Demo_AConfidenceOrScoreBesideItsBand_IsNotRoundedAcrossTheBandsThreshold()
    {
        var (_, json, _) = Run("demo", "--format", "json");
        var (_, table, _) = Run("demo");

        using var document = JsonDocument.Parse(json);
        var partners = document.RootElement.GetProperty("partners").EnumerateArray().ToList();
        Assert.Contains(partners, p => p.GetProperty("band").GetString() == "InsufficientEvidence");
        foreach (var partner in partners)
        {
            var (band, score, confidence) = (partner.GetProperty("band").GetString(), partner.GetProperty("score").GetDouble(), partner.GetProperty("confidence").GetDouble());
            Assert.True(band == "InsufficientEvidence" ? confidence < 0.25 : confidence >= 0.25, $"{partner.GetProperty("id")}: {band} with confidence {confidence}");
            Assert.True(band != "Healthy" || score >= 70, $"{partner.GetProperty("id")}: {band} with score {score}");
            Assert.True(band != "AtRisk" || score < 40, $"{partner.GetProperty("id")}: {band} with score {score}");
        }

        var p036 = partners.Single(p => p.GetProperty("id").GetString() == "P-036");
        Assert.Equal(0.24, p036.GetProperty("confidence").GetDouble());
        Assert.Contains(table.Split('\n'), line => line.Contains("P-036", StringComparison.Ordinal) && line.Contains("│ Insufficient │ 0.24 │", StringComparison.Ordinal));
    }
}
