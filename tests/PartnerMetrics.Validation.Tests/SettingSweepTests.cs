using System.Globalization;
using System.Text.Json.Nodes;
using PartnerMetrics.Health;
using PartnerMetrics.Serialization;
using PartnerMetrics.Validation.Harness;

namespace PartnerMetrics.Validation.Tests;

public sealed class SettingSweepTests(SmallRun run) : IClassFixture<SmallRun>
{
    [Fact]
    public void Trials_EachChangesOneSettingOfTheDefaults()
    {
        var defaults = Settings(HealthModel.Default);

        foreach (var trial in SettingSweep.Trials)
        {
            var changed = Settings(trial.Model).Where(p => !JsonNode.DeepEquals(p.Value, defaults[p.Key])).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

            // The prior's strength is α and β scaled together, so that its mean stays 0.5: two fields, one setting.
            string[] expected = trial.Setting == "PriorPositive = PriorNegative" ? ["priorNegative", "priorPositive"] : [JsonNamingPolicyCamel(trial.Setting)];
            Assert.Equal(expected, changed);
            Assert.NotEqual(trial.DefaultValue, trial.Value);
        }
    }

    [Fact]
    public void Execute_EveryVariant_MeasuresEveryTrialOnEverySample()
    {
        foreach (var variant in run.Runs)
        {
            Assert.Equal(SettingSweep.Trials.Length, variant.Settings.Length);
            Assert.All(variant.Settings, r => Assert.Equal(variant.Pooled[Signal.Model].Count, r.Count));
        }
    }

    [Fact]
    public void Execute_ATrial_IsItsModelScoredAsTheDefaultIs()
    {
        var variant = run.Runs[^1];
        var k = SettingSweep.Trials.Length - 1;
        var (_, partnerships) = ValidationRun.Simulate(variant.Variant, 1, SmallRun.Options);

        var expected = ValidationRun.MeasureModel(partnerships, new HealthScorer(SettingSweep.Trials[k].Model));

        Assert.Equal(expected.Samples.Select(s => (s.PartnerId, s.Score)), variant.Seeds[0].Settings[k].Samples.Select(s => (s.PartnerId, s.Score)));
        Assert.NotEqual(variant.Pooled[Signal.Model].Samples.Select(s => s.Score), variant.Settings[k].Samples.Select(s => s.Score));
    }

    [Fact]
    public void Execute_KappaAndFactMaturity_MoveOnlyTheConfidence()
    {
        // The page says so: κ and the maturity set a factor's certainty, never its value, so every score is the default's.
        foreach (var variant in run.Runs)
        {
            var scores = variant.Pooled[Signal.Model].Samples.Select(s => s.Score).ToArray();
            var confidences = variant.Pooled[Signal.Model].Samples.Select(s => s.Confidence).ToArray();
            foreach (var k in Enumerable.Range(0, SettingSweep.Trials.Length).Where(k => SettingSweep.Trials[k].Setting is nameof(HealthModel.Kappa) or nameof(HealthModel.FactMaturity)))
            {
                Assert.Equal(scores, variant.Settings[k].Samples.Select(s => s.Score));
                if (SettingSweep.Trials[k].Setting == nameof(HealthModel.Kappa))
                {
                    // Not asked of the maturity: every simulated partnership is at least 90 days old, so halving it
                    // leaves every fact at certainty 1.
                    Assert.NotEqual(confidences, variant.Settings[k].Samples.Select(s => s.Confidence));
                }
            }
        }
    }

    [Fact]
    public void Render_SmallRun_WritesARowPerTrialAndTheDefaultsAsTheHeadline()
    {
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "now");

        var section = page[page.IndexOf("## Settings one at a time", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var rows = section.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();
        Assert.Equal(SettingSweep.Trials.Length, rows.Length);
        var defaults = section.Split('\n').Single(l => l.StartsWith("| Defaults |", StringComparison.Ordinal));
        foreach (var variant in run.Runs)
        {
            Assert.Contains(variant.Pooled[Signal.Model].Auc!.Value.ToString("0.000", CultureInfo.InvariantCulture) + ";", defaults, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("NaN", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WithoutTheEvidenceLimit_DoesNotSweep()
    {
        var bare = ValidationRun.Execute(SmallRun.Options with { Partnerships = 20, EvidenceLimit = false });

        Assert.All(bare, r => Assert.Empty(r.Settings));
        Assert.DoesNotContain("## Settings one at a time", MarkdownReport.Render(bare, SmallRun.Options with { Partnerships = 20 }, "bare"), StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonNode?> Settings(HealthModel model) =>
        JsonNode.Parse(PartnerMetricsJson.Serialize(model))!.AsObject().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
