using System.Globalization;
using PartnerMetrics.Health;
using PartnerMetrics.Validation.Harness;

namespace PartnerMetrics.Validation.Tests;

public sealed class LearntPriorsTests(SmallRun run) : IClassFixture<SmallRun>
{
    [Fact]
    public void Execute_EachSeed_LearnsItsPriorsFromItsOwnPortfolioAsOfT()
    {
        var variant = run.Runs[0];
        var (_, partnerships) = ValidationRun.Simulate(variant.Variant, 1, SmallRun.Options);
        var expected = HealthModel.Default.WithPriorsFrom(new Portfolio(partnerships.Select(s => s.Partnership)), SmallRun.Options.AsOf);

        var learnt = variant.Seeds[0].LearntPriors!;

        Assert.Equal(expected.Version, learnt.Model.Version);
        Assert.NotEqual(HealthModel.Default.Version, learnt.Model.Version);
        Assert.Equal(expected.PriorMeans.OrderBy(p => p.Key, StringComparer.Ordinal), learnt.Model.PriorMeans.OrderBy(p => p.Key, StringComparer.Ordinal));
        var again = ValidationRun.MeasureModel(partnerships, new HealthScorer(expected));
        Assert.Equal(again.Samples.Select(s => (s.PartnerId, s.Score, s.Confidence)), learnt.Result.Samples.Select(s => (s.PartnerId, s.Score, s.Confidence)));
    }

    [Fact]
    public void Execute_LearntPriors_ScoreDifferentlyFromTheDefaults()
    {
        // The point of the section: a partnership with little evidence moves from 0.5 towards the portfolio's typical
        // value, so some scores must change; identical scores would mean the learnt model was not the one measured.
        foreach (var variant in run.Runs)
        {
            var defaults = variant.Pooled[Signal.Model].Samples.ToDictionary(s => s.PartnerId, s => s.Score);
            Assert.Contains(variant.LearntPriors!.Samples, s => s.Score != defaults[s.PartnerId]);
            Assert.Equal(defaults.Count, variant.LearntPriors.Count);
        }
    }

    [Fact]
    public void Execute_WithoutTheEvidenceLimit_DoesNotLearnPriors()
    {
        var bare = ValidationRun.Execute(SmallRun.Options with { Partnerships = 20, EvidenceLimit = false });

        Assert.All(bare, r => Assert.Null(r.LearntPriors));
        Assert.DoesNotContain("## Priors learnt from the portfolio", MarkdownReport.Render(bare, SmallRun.Options with { Partnerships = 20 }, "bare"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SmallRun_SetsEachVariantsLearntFiguresBesideTheDefaults()
    {
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "now");

        var section = page[page.IndexOf("## Priors learnt from the portfolio", StringComparison.Ordinal)..];
        var aucRow = section.Split('\n').Single(l => l.StartsWith("| Model AUC (margin over the best baseline) |", StringComparison.Ordinal));
        foreach (var variant in run.Runs)
        {
            var before = variant.Pooled[Signal.Model].Auc!.Value.ToString("0.000", CultureInfo.InvariantCulture);
            var after = variant.LearntPriors!.Auc!.Value.ToString("0.000", CultureInfo.InvariantCulture);
            Assert.Matches($@"{before.Replace(".", @"\.", StringComparison.Ordinal)} \([+−]\d\.\d{{3}}\) → {after.Replace(".", @"\.", StringComparison.Ordinal)} \([+−]\d\.\d{{3}}\)", aucRow);
        }

        Assert.Contains("| `trust.partner-reliability` |", section, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", section, StringComparison.Ordinal);
    }
}
