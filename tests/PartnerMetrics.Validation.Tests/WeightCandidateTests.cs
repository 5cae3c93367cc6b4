using PartnerMetrics.Health;
using PartnerMetrics.Validation.Harness;

namespace PartnerMetrics.Validation.Tests;

public sealed class WeightCandidateTests(SmallRun run) : IClassFixture<SmallRun>
{
    private readonly Lazy<System.Collections.Immutable.ImmutableArray<CandidateRoot>> roots = new(() => WeightCandidate.Measure(SmallRun.Options, [(7, CandidateRole.HeldOut)]));

    [Fact]
    public void Measure_TheRunsOwnRoot_RepeatsTheRunsPooledFigures()
    {
        // The first row simulates the run's own companies again: the default model's AUC and the best baseline's
        // must be the ones the run measured, or the candidate is compared with something else.
        var own = roots.Value[0];
        Assert.Equal((SmallRun.Options.RootSeed, CandidateRole.FittedAndChosen), (own.RootSeed, own.Role));
        for (var k = 0; k < run.Runs.Length; k++)
        {
            var variant = run.Runs[k];
            var best = Signal.BestBaseline(s => variant.Pooled[s].Auc);
            Assert.Equal(variant.Variant.Name, own.Cells[k].Variant);
            Assert.Equal(variant.Pooled[Signal.Model].Auc!.Value, own.Cells[k].Default.Auc!.Value, 12);
            Assert.Equal((variant.Pooled[best].Auc!.Value, best.Name), (own.Cells[k].BestBaseline.Auc!.Value, own.Cells[k].BestBaselineName));
            Assert.Equal(variant.Pooled[Signal.Model].ReferenceSpearman!.Value, own.Cells[k].Default.ReferenceSpearman!.Value, 12);
            Assert.Equal(Churn(variant.Pooled[Signal.Model]), Churn(own.Cells[k].Default));
        }
    }

    [Fact]
    public void Measure_TheCandidatesAuc_IsTheBacktestOfItsModelOnTheSamePartnerships()
    {
        var (_, partnerships) = ValidationRun.Simulate(SmallRun.Options.Variants[0], 1, SmallRun.Options);

        var measured = ValidationRun.Measure(partnerships, new HealthScorer(WeightCandidate.Model))[Signal.Model];

        var cell = roots.Value[0].Cells[0];
        Assert.Equal(measured.Auc!.Value, cell.Candidate.Auc!.Value, 12);
        Assert.Equal(measured.ReferenceSpearman!.Value, cell.Candidate.ReferenceSpearman!.Value, 12);
        Assert.Equal(Churn(measured), Churn(cell.Candidate));
        Assert.Equal(cell.Candidate.Auc!.Value - cell.Default.Auc!.Value, cell.Gain, 12);
        Assert.Equal(cell.Candidate.Auc!.Value - cell.BestBaseline.Auc!.Value, cell.Margin, 12);
        Assert.Equal(roots.Value[0].Cells.Min(c => c.Gain), roots.Value[0].LeastGain, 12);
    }

    [Fact]
    public void Measure_AnotherRootSeed_SimulatesOtherCompanies()
    {
        var other = roots.Value[1];

        Assert.Equal((7UL, CandidateRole.HeldOut), (other.RootSeed, other.Role));
        Assert.Equal(roots.Value[0].Cells.Select(c => c.Variant), other.Cells.Select(c => c.Variant));
        Assert.NotEqual(roots.Value[0].Cells.Select(c => c.Default.Auc), other.Cells.Select(c => c.Default.Auc));
    }

    [Fact]
    public void Model_ChangesOnlyWeights_AndKeepsTheReferenceConfidence()
    {
        var defaults = HealthModel.Default;
        var model = WeightCandidate.Model;

        // Everything but the name and the weights is the default model's, co-operation's weights included.
        Assert.Equal(("candidate", defaults.Version), (model.Name, model.Version));
        Assert.Equal(defaults, model with { Name = defaults.Name, DimensionWeights = defaults.DimensionWeights, CompetencyWeights = defaults.CompetencyWeights, PlanWeights = defaults.PlanWeights, ProgressWeights = defaults.ProgressWeights });
        Assert.Equal(defaults.CooperationWeights, model.CooperationWeights);
        Assert.NotEqual(defaults, model);

        // DOMAIN §3.1 asks 0.85 of a fully logged partnership; a candidate for the defaults must keep it.
        Assert.InRange(WeightCandidate.ReferenceConfidence(SmallRun.Options.AsOf), ReferencePartnership.ConfidenceTarget, 1.0);
        Assert.All(WeightCandidate.Roles, r => Assert.NotEqual(SmallRun.Options.RootSeed, r.RootSeed));
    }

    [Fact]
    public void FitStart_FitsTheDimensionAndFactorWeights_ToTheSteadyAndSparseSeedsPooled()
    {
        var fit = WeightCandidate.FitStart(SmallRun.Options);
        var defaults = HealthModel.Default;

        Assert.Equal(2 * SmallRun.Options.Seeds * SmallRun.Options.Partnerships, fit.Count);
        Assert.Equal(FitWeights.DimensionsAndFactors, fit.Options.Weights);
        Assert.Equal(defaults, fit.StartingModel);

        // Only weights move; trust's two sides have no weights of their own to move.
        Assert.Equal(defaults, fit.Model with { DimensionWeights = defaults.DimensionWeights, CompetencyWeights = defaults.CompetencyWeights, CooperationWeights = defaults.CooperationWeights, PlanWeights = defaults.PlanWeights, ProgressWeights = defaults.ProgressWeights });
        Assert.NotEqual(defaults, fit.Model);
    }

    [Fact]
    public void ModelFile_OnThePage_ReadsBackAsTheCandidate()
    {
        // The page offers the candidate as a model file to copy: what it shows must be the model it measured.
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd", candidate: roots.Value);
        var start = page.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var json = page[start..page.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Equal(WeightCandidate.Model, PartnerMetrics.Serialization.PartnerMetricsJson.Deserialize<HealthModel>(json));
        Assert.Contains("\"competencyWeights\": {\"coverage\":0.2,\"deliveryReliability\":0.8},", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithTheCandidate_ShowsARowPerRootSeed()
    {
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd", candidate: roots.Value);
        var without = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd");

        Assert.Contains("## Dimension and factor weights: a candidate", page, StringComparison.Ordinal);
        Assert.Contains($"| {SmallRun.Options.RootSeed} | fitted and used to choose | ", page, StringComparison.Ordinal);
        Assert.Contains("| 7 | held out | ", page, StringComparison.Ordinal);
        Assert.Contains("competency coverage 0.20 (0.40), delivery reliability 0.80 (0.60);", page, StringComparison.Ordinal);
        Assert.DoesNotContain("## Dimension and factor weights: a candidate", without, StringComparison.Ordinal);

        // Without a held-out root the summary says nothing of one, rather than a least gain of nothing (NaN).
        var ownOnly = MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd", candidate: [roots.Value[0]]);
        Assert.DoesNotContain("on the held-out ones", ownOnly, StringComparison.Ordinal);
        Assert.Contains("on the held-out ones", MarkdownReport.Render(run.Runs, SmallRun.Options, "cmd", candidate: roots.Value), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", ownOnly, StringComparison.Ordinal);
    }

    /// <summary>Each band's count and churn rate: a backtest's bands compared by value.</summary>
    private static (HealthBand Band, int Count, double? ChurnRate)[] Churn(BacktestResult result) =>
        [.. result.Bands.Select(b => (b.Band, b.Count, b.ChurnRate))];
}
