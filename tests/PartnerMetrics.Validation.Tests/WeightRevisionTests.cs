using PartnerMetrics.Health;
using PartnerMetrics.Validation.Harness;

namespace PartnerMetrics.Validation.Tests;

public sealed class WeightRevisionTests(SmallRun run) : IClassFixture<SmallRun>
{
    private readonly Lazy<System.Collections.Immutable.ImmutableArray<RevisionRoot>> roots = new(() => WeightRevision.Measure(SmallRun.Options, [(7, RevisionRole.HeldOut)]));

    [Fact]
    public void Measure_TheRunsOwnRoot_RepeatsTheRunsPooledFigures()
    {
        // The first row simulates the run's own companies again: the default model's AUC and the best baseline's
        // must be the ones the run measured, or model 2.0 is compared with something else.
        var own = roots.Value[0];
        Assert.Equal((SmallRun.Options.RootSeed, RevisionRole.FittedAndChosen), (own.RootSeed, own.Role));
        for (var k = 0; k < run.Runs.Length; k++)
        {
            var variant = run.Runs[k];
            var best = Signal.BestBaseline(s => variant.Pooled[s].Auc);
            Assert.Equal(variant.Variant.Name, own.Cells[k].Variant);
            Assert.Equal(variant.Pooled[Signal.Model].Auc!.Value, own.Cells[k].Current.Auc!.Value, 12);
            Assert.Equal((variant.Pooled[best].Auc!.Value, best.Name), (own.Cells[k].BestBaseline.Auc!.Value, own.Cells[k].BestBaselineName));
            Assert.Equal(variant.Pooled[Signal.Model].ReferenceSpearman!.Value, own.Cells[k].Current.ReferenceSpearman!.Value, 12);
            Assert.Equal(Churn(variant.Pooled[Signal.Model]), Churn(own.Cells[k].Current));
        }
    }

    [Fact]
    public void Measure_ThePreviousAuc_IsTheBacktestOfModel2Point0OnTheSamePartnerships()
    {
        var (_, partnerships) = ValidationRun.Simulate(SmallRun.Options.Variants[0], 1, SmallRun.Options);

        var measured = ValidationRun.Measure(partnerships, new HealthScorer(WeightRevision.Previous))[Signal.Model];

        var cell = roots.Value[0].Cells[0];
        Assert.Equal(measured.Auc!.Value, cell.Previous.Auc!.Value, 12);
        Assert.Equal(measured.ReferenceSpearman!.Value, cell.Previous.ReferenceSpearman!.Value, 12);
        Assert.Equal(Churn(measured), Churn(cell.Previous));
        Assert.Equal(cell.Current.Auc!.Value - cell.Previous.Auc!.Value, cell.Gain, 12);
        Assert.Equal(cell.Current.Auc!.Value - cell.BestBaseline.Auc!.Value, cell.Margin, 12);
        Assert.Equal(roots.Value[0].Cells.Min(c => c.Gain), roots.Value[0].LeastGain, 12);
    }

    [Fact]
    public void Measure_AnotherRootSeed_SimulatesOtherCompanies()
    {
        var other = roots.Value[1];

        Assert.Equal((7UL, RevisionRole.HeldOut), (other.RootSeed, other.Role));
        Assert.Equal(roots.Value[0].Cells.Select(c => c.Variant), other.Cells.Select(c => c.Variant));
        Assert.NotEqual(roots.Value[0].Cells.Select(c => c.Current.Auc), other.Cells.Select(c => c.Current.Auc));
    }

    [Fact]
    public void Previous_ChangesOnlyTheVersionAndWeights_AndBothKeepTheReferenceConfidence()
    {
        var defaults = HealthModel.Default;
        var previous = WeightRevision.Previous;

        // Everything but the version and the weights 2.1 changed is the default model's (version 2.3, whose reciprocity
        // formula and failure dating are not settings), co-operation's weights included.
        Assert.Equal(("default", "2.0", "2.6", "2.1"), (previous.Name, previous.Version, defaults.Version, WeightRevision.WeightsVersion));
        Assert.Equal(defaults, previous with { Version = defaults.Version, DimensionWeights = defaults.DimensionWeights, CompetencyWeights = defaults.CompetencyWeights, PlanWeights = defaults.PlanWeights, ProgressWeights = defaults.ProgressWeights });
        Assert.Equal(defaults.CooperationWeights, previous.CooperationWeights);
        Assert.NotEqual(defaults.DimensionWeights, previous.DimensionWeights);
        Assert.NotEqual(defaults.CompetencyWeights, previous.CompetencyWeights);
        Assert.NotEqual(defaults.PlanWeights, previous.PlanWeights);
        Assert.NotEqual(defaults.ProgressWeights, previous.ProgressWeights);

        // DOMAIN §3.1 asks 0.85 of a fully logged partnership; new defaults must keep it.
        Assert.InRange(WeightRevision.ReferenceConfidence(defaults, SmallRun.Options.AsOf), ReferencePartnership.ConfidenceTarget, 1.0);
        Assert.InRange(WeightRevision.ReferenceConfidence(previous, SmallRun.Options.AsOf), ReferencePartnership.ConfidenceTarget, 1.0);
        Assert.All(WeightRevision.Roles, r => Assert.NotEqual(SmallRun.Options.RootSeed, r.RootSeed));
    }

    [Fact]
    public void FitStart_FitsTheDimensionAndFactorWeightsOf2Point0_ToTheSteadyAndSparseSeedsPooled()
    {
        var fit = WeightRevision.FitStart(SmallRun.Options);
        var previous = WeightRevision.Previous;

        Assert.Equal(2 * SmallRun.Options.Seeds * SmallRun.Options.Partnerships, fit.Count);
        Assert.Equal(FitWeights.DimensionsAndFactors, fit.Options.Weights);
        Assert.Equal(previous, fit.StartingModel);

        // Only weights move; trust's two sides have no weights of their own to move.
        Assert.Equal(previous, fit.Model with { DimensionWeights = previous.DimensionWeights, CompetencyWeights = previous.CompetencyWeights, CooperationWeights = previous.CooperationWeights, PlanWeights = previous.PlanWeights, ProgressWeights = previous.ProgressWeights, Version = previous.Version });
        Assert.StartsWith(previous.Version + "+fit.", fit.Model.Version, StringComparison.Ordinal);
        Assert.NotEqual(previous, fit.Model);
    }

    [Fact]
    public void ModelFile_OnThePage_ReadsBackAsModel2Point0()
    {
        // The page offers 2.0's weights as a model file to copy: what it shows must be the model it measured.
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd", revision: roots.Value);
        var start = page.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Equal(WeightRevision.Previous, PartnerMetrics.Serialization.PartnerMetricsJson.Deserialize<HealthModel>(json));
        Assert.Contains("\"competencyWeights\": {\"coverage\":0.4,\"deliveryReliability\":0.6},", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithTheRevision_ShowsARowPerRootSeed()
    {
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd", revision: roots.Value);
        var without = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd");

        Assert.Contains("## Dimension and factor weights: 2.0 against 2.1", page, StringComparison.Ordinal);
        Assert.Contains($"| {SmallRun.Options.RootSeed} | fitted and used to choose | ", page, StringComparison.Ordinal);
        Assert.Contains("| 7 | held out | ", page, StringComparison.Ordinal);
        Assert.Contains("competency coverage 0.20 (0.40), delivery reliability 0.80 (0.60);", page, StringComparison.Ordinal);
        Assert.DoesNotContain("## Dimension and factor weights", without, StringComparison.Ordinal);

        // Without a held-out root the summary says nothing of one, rather than a least gain of nothing (NaN).
        var ownOnly = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd", revision: [roots.Value[0]]);
        Assert.DoesNotContain("on the held-out ones", ownOnly, StringComparison.Ordinal);
        Assert.Contains("on the held-out ones", MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd", revision: roots.Value), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", ownOnly, StringComparison.Ordinal);
    }

    /// <summary>Each band's count and churn rate: a backtest's bands compared by value.</summary>
    private static (HealthBand Band, int Count, double? ChurnRate)[] Churn(BacktestResult result) =>
        [.. result.Bands.Select(b => (b.Band, b.Count, b.ChurnRate))];
}
