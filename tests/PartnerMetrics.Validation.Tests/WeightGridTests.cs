using PartnerMetrics.Health;
using PartnerMetrics.Validation.Harness;

namespace PartnerMetrics.Validation.Tests;

public sealed class WeightGridTests(SmallRun run) : IClassFixture<SmallRun>
{
    private readonly Lazy<WeightGrid> grid = new(() => WeightGrid.Of(run.Runs, SmallRun.Options.AsOf));

    private WeightGrid Grid => grid.Value;

    [Fact]
    public void Of_TheDefaultsRow_IsTheModelsOwnAuc()
    {
        // The grid rescores each partnership as the weighted mean of the model's dimension scores; under the default
        // weights that must be the model's score, so the AUC the backtest measured for the model comes back.
        for (var k = 0; k < run.Runs.Length; k++)
        {
            Assert.Equal(run.Runs[k].Pooled[Signal.Model].Auc!.Value, Grid.Defaults.Auc[k], 9);
        }

        Assert.Equal([0.25, 0.2, 0.25, 0.15, 0.15], Grid.Defaults.Weights.ToArray());
        Assert.Equal(0.0, Grid.Defaults.LeastGainOver(Grid.Defaults));
    }

    [Fact]
    public void WeightedMean_OfTheReferencesConfidences_IsTheConfidenceTheScorerGivesIt()
    {
        // The grid's constraint is only as good as this identity: a model with other dimension weights gives the
        // reference the weighted mean of its dimensions' confidences (which the weights do not change).
        var asOf = SmallRun.Options.AsOf;
        var reference = ReferencePartnership.Create(asOf);
        foreach (var weights in new[] { Grid.Defaults.Weights, Grid.BestGain.Weights, Grid.BestGainKeepingConfidence.Weights, [0.05, 0.6, 0.0, 0.3, 0.05] })
        {
            var model = HealthModel.Default with { DimensionWeights = new DimensionWeights(weights[0], weights[1], weights[2], weights[3], weights[4]) };
            var confidence = new HealthScorer(model).Score(reference, asOf).Confidence;
            Assert.Equal(confidence, WeightGrid.WeightedMean(weights, Grid.ReferenceConfidences)!.Value, 12);
        }

        Assert.Equal(Grid.Defaults.ReferenceConfidence, new HealthScorer().Score(reference, asOf).Confidence, 12);
        Assert.True(Grid.Defaults.ReferenceConfidence >= ReferencePartnership.ConfidenceTarget, $"reference confidence {Grid.Defaults.ReferenceConfidence}");
    }

    [Fact]
    public void Of_TheBestSets_BeatEverySetOnTheGrid_AndKeepTheirConstraint()
    {
        // Each grid point in steps of 0.05 with the weights summing to 1: C(24, 4) of them.
        Assert.Equal(10_626, Grid.Sets);
        Assert.InRange(Grid.SetsKeepingConfidence, 1, Grid.Sets);
        foreach (var set in new[] { Grid.BestGain, Grid.BestGainKeepingConfidence })
        {
            Assert.Equal(1.0, set.Weights.Sum(), 12);
            Assert.All(set.Weights, w => Assert.Equal(0.0, (w * WeightGrid.Steps) - Math.Round(w * WeightGrid.Steps), 9));
        }

        Assert.True(Grid.BestGainKeepingConfidence.ReferenceConfidence >= ReferencePartnership.ConfidenceTarget);
        var bestLeast = Grid.BestGain.LeastGainOver(Grid.Defaults);
        var keepingLeast = Grid.BestGainKeepingConfidence.LeastGainOver(Grid.Defaults);
        Assert.True(bestLeast >= keepingLeast && keepingLeast >= 0, $"least gains {bestLeast} and {keepingLeast}");

        // Recomputed here, independently of the grid's own loop: no grid set drawn at random does better than the best.
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var cuts = Enumerable.Range(0, 4).Select(_ => random.Next(WeightGrid.Steps + 1)).Order().ToArray();
            double[] weights = [.. new[] { cuts[0], cuts[1] - cuts[0], cuts[2] - cuts[1], cuts[3] - cuts[2], WeightGrid.Steps - cuts[3] }.Select(s => s / (double)WeightGrid.Steps)];
            var least = run.Runs.Select((r, k) => LeastAuc(r, weights) - Grid.Defaults.Auc[k]).Min();
            Assert.True(least <= bestLeast + 1e-12, $"weights {string.Join('/', weights)} gain {least} on every variant, more than the best's {bestLeast}");
            if (WeightGrid.WeightedMean(weights, Grid.ReferenceConfidences) >= ReferencePartnership.ConfidenceTarget)
            {
                Assert.True(least <= keepingLeast + 1e-12, $"weights {string.Join('/', weights)} keep the reference and gain {least}, more than {keepingLeast}");
            }
        }
    }

    [Fact]
    public void Render_WithTheGrid_ShowsItsThreeRowsAndWhatTheyMean()
    {
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd", grid: Grid);
        var without = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd");

        Assert.Contains("## Dimension weights on a grid", page, StringComparison.Ordinal);
        Assert.Contains("| Defaults: 0.25 / 0.20 / 0.25 / 0.15 / 0.15 |", page, StringComparison.Ordinal);
        Assert.Contains("| Best least gain: ", page, StringComparison.Ordinal);
        Assert.Contains("| Best least gain keeping the reference ≥ 0.85 (", page, StringComparison.Ordinal);
        Assert.DoesNotContain("## Dimension weights on a grid", without, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_RunsWithoutTheirDiagnosis_AreRejected()
    {
        var bare = ValidationRun.Execute(SmallRun.Options with { Partnerships = 20, EvidenceLimit = false });

        var error = Assert.Throws<ArgumentException>(() => WeightGrid.Of(bare, SmallRun.Options.AsOf));
        Assert.Equal("runs", error.ParamName);
    }

    private static double LeastAuc(VariantRun variant, double[] weights)
    {
        var rows = variant.Diagnosis!.Rows;
        return Stats.Auc([.. rows.Select(r => WeightGrid.WeightedMean(weights, r.Dimensions)!.Value)], [.. rows.Select(r => r.Churned)])!.Value;
    }
}
