using System.Globalization;
using System.Text.RegularExpressions;
using PartnerMetrics.Health;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Docs;

/// <summary>The figures of the page's worked example, read from the page and compared with a score of its partnership.</summary>
public partial class ScoringPageTests
{
    /// <summary>
    /// The worked example scores <see cref="PartnerMetrics.Tests.Health.Examples.WorkedExample"/> with the default model: the bold figures (the five
    /// dimension scores, the overall score, its band and the interval), the confidence table, trust's split of its points
    /// and the partner's certainty are the report's, to the digits the page prints.
    /// (<see cref="Health.HealthScorerTests.Score_WorkedExample_OfDocsScoring"/> recomputes them by hand.)
    /// </summary>
    [Fact]
    public void WorkedExample_FiguresAreTheDefaultModelsReport()
    {
        var section = Section("## Worked example", "Under model 2.1, whose reciprocity");
        var report = new HealthScorer().Score(WorkedExample(), T);
        var partner = report.Factor(FactorCodes.TrustPartnerReliability)!.Value;
        var vendor = report.Factor(FactorCodes.TrustVendorReliability)!.Value;

        var bold = Regex.Matches(section, @"\*\*(\d+\.\d+)\*\*").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(7, bold.Count);
        AssertShown(bold[..5], report.Dimensions.Select(d => d.Score!.Value));
        AssertShown(bold[5], report.Score);
        AssertShown(bold[6], report.Confidence);
        Assert.Contains($"→ band **{report.Band}**", section, StringComparison.Ordinal);
        var interval = Regex.Match(section, @"\*\*\[(\d+\.\d+), (\d+\.\d+)\]\*\*");
        AssertShown(interval.Groups[1].Value, report.Interval.Lower);
        AssertShown(interval.Groups[2].Value, report.Interval.Upper);

        // The confidence table: one row per dimension, its confidence in the last cell.
        var confidences = Regex.Matches(section, @"^\| [A-Z][^|]* \| [^|]* \| (\d+(?:\.\d+)?) \|$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        AssertShown(confidences, report.Dimensions.Select(d => d.Confidence));

        // Trust's points split by value: "the vendor's reliability … = 7.27 points, the partner's … = 4.42".
        var split = Regex.Match(section, @"= (\d+\.\d+) points, the partner's [^=]*= (\d+\.\d+)\.");
        AssertShown(split.Groups[1].Value, vendor.Contribution);
        AssertShown(split.Groups[2].Value, partner.Contribution);

        // "at certainty 1.996 / 6.996 = 0.29 it is below the 0.5 a weakest link needs": no cap, no signal.
        AssertShown(Regex.Match(section, @"at certainty\s+[\d.]+ / [\d.]+ = (\d+\.\d+)").Groups[1].Value, partner.Confidence);
        Assert.Empty(report.Signals);
    }

    /// <summary>Each figure as the page prints it equals the value rounded to the figure's decimals.</summary>
    private static void AssertShown(List<string> shown, IEnumerable<double> values)
    {
        var actual = values.ToList();
        Assert.Equal(actual.Count, shown.Count);
        foreach (var (text, value) in shown.Zip(actual))
        {
            AssertShown(text, value);
        }
    }

    private static void AssertShown(string shown, double value)
    {
        Assert.False(string.IsNullOrEmpty(shown), "a figure the test reads is missing from the page");
        var decimals = shown.Contains('.', StringComparison.Ordinal) ? shown.Length - shown.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        Assert.True(
            double.Parse(shown, NumberStyles.Float, CultureInfo.InvariantCulture) == Math.Round(value, decimals, MidpointRounding.AwayFromZero),
            $"The page shows {shown}; the code gives {value.ToString("R", CultureInfo.InvariantCulture)}.");
    }
}
