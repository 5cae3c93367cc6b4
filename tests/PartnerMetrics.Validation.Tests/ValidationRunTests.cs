using PartnerMetrics.Health;
using PartnerMetrics.Validation.Harness;

namespace PartnerMetrics.Validation.Tests;

public sealed class ValidationRunTests(SmallRun run) : IClassFixture<SmallRun>
{
    public static TheoryData<string> SignalNames => [.. Signal.All.Select(s => s.Name)];

    [Fact]
    public void Execute_SmallRun_LatentLimitBeatsEverySignal()
    {
        foreach (var variant in run.Runs)
        {
            var limit = variant.LimitAuc!.Value;
            foreach (var signal in Signal.All.Where(s => s != Signal.Limit))
            {
                var auc = variant.Pooled[signal].Auc!.Value;
                Assert.True(auc < limit, $"{variant.Variant.Name}: {signal.Name} has AUC {auc:0.000}, the latent limit {limit:0.000}.");
            }
        }
    }

    [Fact]
    public void Execute_OneSeed_TheLimitIsTheLatentHealthsAuc()
    {
        // Within a seed the churn probability orders partnerships as the latent health does (the hazard falls as health
        // rises), so on one seed the two AUCs are one; pooled over seeds with other hazards they differ.
        foreach (var variant in run.Runs)
        {
            Assert.Equal(variant.Pooled[Signal.Limit].Auc!.Value, variant.LimitAuc!.Value, 12);
        }
    }

    [Fact]
    public void ChurnProbability_IsOneMinusStayingEveryMonth_AndFallsAsHealthRises()
    {
        foreach (var variant in run.Runs)
        {
            var parameters = variant.Seeds[0].Parameters;
            var hazard = Simulation.Latent.MonthlyHazard(0.3, parameters);
            Assert.Equal(1 - Math.Pow(1 - hazard, 6), ValidationRun.ChurnProbability(0.3, parameters), 15);

            // Over the latent's usual range (σ(z) from 0.12 to 0.98), where the probability has not rounded to 1 or 0.
            var previous = double.PositiveInfinity;
            for (var z = -2.0; z <= 4.0; z += 0.25)
            {
                var p = ValidationRun.ChurnProbability(z, parameters);
                Assert.True(p < previous, $"{variant.Variant.Name}: P(churn | z = {z}) = {p}, not below {previous}.");
                previous = p;
            }
        }
    }

    [Fact]
    public void Execute_EveryVariant_HasChurnersAndStayers()
    {
        Assert.Equal(3, run.Runs.Length);
        foreach (var variant in run.Runs)
        {
            var model = variant.Pooled[Signal.Model];
            Assert.Equal(SmallRun.Options.Partnerships, model.Count);
            Assert.InRange(model.Churned, 1, model.Count - 1);
        }
    }

    [Fact]
    public void Execute_SameOptionsTwice_IdenticalResults()
    {
        var again = ValidationRun.Execute(SmallRun.Options);

        Assert.Equal(run.Runs.Length, again.Length);
        for (var v = 0; v < run.Runs.Length; v++)
        {
            foreach (var signal in Signal.All)
            {
                var first = run.Runs[v].Pooled[signal];
                var second = again[v].Pooled[signal];
                Assert.Equal(first.Auc, second.Auc);
                Assert.Equal(first.ReferenceSpearman, second.ReferenceSpearman);
                Assert.Equal(
                    first.Samples.Select(s => (s.PartnerId, s.Score, s.Churned, s.Confidence, s.Band, s.Outcome, s.Reference)),
                    second.Samples.Select(s => (s.PartnerId, s.Score, s.Churned, s.Confidence, s.Band, s.Outcome, s.Reference)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(SignalNames))]
    public void Measure_RunSamples_AucEqualsBruteForcePairCount(string name)
    {
        var signal = Signal.All.Single(s => s.Name == name);
        foreach (var variant in run.Runs)
        {
            var result = variant.Pooled[signal];
            var stayers = result.Samples.Where(s => !s.Churned).Select(s => s.Score).ToArray();
            var churners = result.Samples.Where(s => s.Churned).Select(s => s.Score).ToArray();

            // P(a stayer scores above a churner) over all pairs, a tie counting half.
            double wins = 0;
            foreach (var stayer in stayers)
            {
                foreach (var churner in churners)
                {
                    wins += stayer > churner ? 1.0 : stayer == churner ? 0.5 : 0.0;
                }
            }

            var bruteForce = wins / ((double)stayers.Length * churners.Length);
            Assert.Equal(bruteForce, result.Auc!.Value, 12);
        }
    }

    [Fact]
    public void Render_SmallRun_QuotesCommandAndEveryVariant()
    {
        const string Command = "dotnet run -c Release --project validation/PartnerMetrics.Validation -- --partnerships 400 --seeds 1";

        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, Command);

        Assert.Contains(Command, page, StringComparison.Ordinal);
        foreach (var variant in run.Runs)
        {
            Assert.Contains($"## Variant \"{variant.Variant.Name}\"", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("NaN", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoHealthyPartnerChurned_AtRiskChurnTargetIsMetWithAnInfiniteRatio()
    {
        // On the small run no partnership banded Healthy churned (0 of 8, 2 and 3) while AtRisk ones did (19 of 49, 29 of
        // 65, 43 of 160): AtRisk churn ≥ 3 × 0 holds, and AtRisk ÷ Healthy is infinite, not undefined.
        foreach (var variant in run.Runs)
        {
            var bands = variant.Pooled[Signal.Model].Bands;
            Assert.True(
                bands.Single(b => b.Band == HealthBand.Healthy) is { Count: > 0, Churned: 0 } && bands.Single(b => b.Band == HealthBand.AtRisk).Churned > 0,
                $"{variant.Variant.Name}: the small run no longer has a Healthy band without churn beside AtRisk churn; the test has nothing to see.");
        }

        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "now");

        var row = page.Split('\n').Single(l => l.StartsWith("| AtRisk churn ≥ 3 × Healthy churn |", StringComparison.Ordinal));
        Assert.Equal("| AtRisk churn ≥ 3 × Healthy churn | ∞ — met | ∞ — met | ∞ — met |", row);
        Assert.Equal("∞", PreviousPage.Parse("earlier.md", page).Targets["AtRisk churn ≥ 3 × Healthy churn"]["steady"]);
    }

    [Fact]
    public void Render_WithAPreviousPage_SetsEachFigureBesideItsPrevious()
    {
        // A page rendered from this run, read back as the "previous" page: every cell of the comparison
        // then reads "x → x", the previous figure as printed and the current one formatted alike.
        var earlier = MarkdownReport.Render(run.Runs, SmallRun.Options, "earlier");
        var previous = PreviousPage.Parse("docs/earlier.md", earlier);

        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "now", previous: [previous]);

        Assert.Contains("## The previous model against this one", page, StringComparison.Ordinal);
        Assert.Contains($"`HealthModel.Default` (version {PartnerMetrics.Health.HealthModel.Default.Version})", page, StringComparison.Ordinal);
        Assert.Contains("`docs/earlier.md`", page, StringComparison.Ordinal);
        Assert.Equal(5, previous.Targets.Count);
        foreach (var variant in run.Runs)
        {
            var auc = previous.Auc[variant.Variant.Name];
            Assert.Equal(variant.Pooled[Signal.Model].Auc!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), auc);
            Assert.Contains($"{auc} → {auc}", page, StringComparison.Ordinal);
            // The churn ratio is infinite where a small run has AtRisk churners but no Healthy one: "∞" on both sides then.
            var ratio = previous.Targets["AtRisk churn ≥ 3 × Healthy churn"][variant.Variant.Name];
            Assert.True(ratio == "∞" || ratio.EndsWith('×'), ratio);
            Assert.Contains($"{ratio} → {ratio}", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_WithTwoPreviousPages_ShowsATablePerPageInTheirOrder()
    {
        // `--previous` repeated: the oldest model first, then the one this page replaces.
        var earlier = MarkdownReport.Render(run.Runs, SmallRun.Options, "earlier");
        var (oldest, latest) = (PreviousPage.Parse("docs/oldest.md", earlier), PreviousPage.Parse("docs/latest.md", earlier));

        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "now", previous: [oldest, latest]);

        Assert.Contains("## Earlier models against this one", page, StringComparison.Ordinal);
        Assert.DoesNotContain("## The previous model against this one", page, StringComparison.Ordinal);
        var first = page.IndexOf("### `docs/oldest.md` against this page", StringComparison.Ordinal);
        var second = page.IndexOf("### `docs/latest.md` against this page", StringComparison.Ordinal);
        Assert.True(first > 0 && second > first, $"{first}, {second}");
        var auc = oldest.Auc[run.Runs[0].Variant.Name];
        Assert.Equal(2, page.Split($"| Model AUC | {auc} → {auc}").Length - 1);
    }

    [Fact]
    public void PreviousPage_NotAPageOfTheHarness_IsAFormatError() =>
        Assert.Throws<FormatException>(() => PreviousPage.Parse("notes.md", "# Notes\n\nNothing here.\n"));
}
