using System.Globalization;
using PartnerMetrics.Validation.Harness;
using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Tests;

public sealed class EvidenceLimitTests(SmallRun run) : IClassFixture<SmallRun>
{
    [Fact]
    public void Logistic_NoisyLinearSignal_SeparatesHeldOutRows()
    {
        var (x, truth, label, train) = Synthetic(seed: 1, row => (2 * row[0]) - row[1]);

        var predicted = Learners.Logistic(x, label, train);

        // The true log-odds is the best any learner can do on these rows; the fitted one comes within 0.02 of it.
        var (auc, best) = (HeldOutAuc(predicted, label, train), HeldOutAuc(truth, label, train));
        Assert.True(auc > best - 0.02 && best > 0.75, $"held-out AUC {auc:0.000}, the true log-odds' {best:0.000}");
    }

    [Fact]
    public void Linear_ExactLinearTarget_RanksHeldOutRowsAlmostPerfectly()
    {
        var (x, target, _, train) = Synthetic(seed: 2, row => 3 + (2 * row[0]) - row[1]);

        var predicted = Learners.Linear(x, target, train);

        var heldOut = Enumerable.Range(0, x.Length).Where(i => !train[i]).ToArray();
        var rho = Stats.Spearman([.. heldOut.Select(i => predicted[i])], [.. heldOut.Select(i => target[i])])!.Value;
        Assert.True(rho > 0.99, $"held-out Spearman {rho:0.000}");
    }

    [Fact]
    public void Boosted_StepInOneFeature_SeparatesHeldOutRows()
    {
        // A step no linear model can place: the label is rare when the first feature lies in its middle band, common outside it.
        var (x, truth, label, train) = Synthetic(seed: 3, row => Math.Abs(row[0]) < 0.43 ? -5 : 5);

        var predicted = Learners.Boosted(x, label, null, train);

        var (auc, best) = (HeldOutAuc(predicted, label, train), HeldOutAuc(truth, label, train));
        Assert.True(auc > best - 0.03 && best > 0.9, $"held-out AUC {auc:0.000}, the true log-odds' {best:0.000}");
    }

    [Fact]
    public void Auc_SmallSampleWithTies_EqualsBrutePairCount()
    {
        double[] score = [0.1, 0.4, 0.4, 0.35, 0.8, 0.8, 0.2];
        bool[] churned = [true, false, true, false, false, true, true];

        // Stayers 0.4, 0.35, 0.8 against churners 0.1, 0.4, 0.8, 0.2:
        // 0.4 beats 0.1 and 0.2 and ties 0.4 (2.5); 0.35 beats 0.1 and 0.2 (2); 0.8 beats three and ties one (3.5): 8 of 12.
        Assert.Equal(8.0 / 12.0, Stats.Auc(score, churned)!.Value, 12);
    }

    [Fact]
    public void Auc_MoreThan46340Stayers_EqualsTheCountedPairs()
    {
        // stayers × (stayers + 1) passed an int at 46,341 stayers: the diagnosis and the weight grid threw at about
        // 11,000 partnerships × 5 seeds.
        const int stayers = 50_000, churners = 10;
        var score = Enumerable.Range(0, stayers + churners).Select(i => (double)((i * 7919) % 1000)).ToArray();
        var churned = Enumerable.Range(0, stayers + churners).Select(i => i >= stayers).ToArray();
        double pairs = 0;
        for (var c = stayers; c < score.Length; c++)
        {
            for (var s = 0; s < stayers; s++)
            {
                pairs += score[s] > score[c] ? 1 : score[s] == score[c] ? 0.5 : 0;
            }
        }

        Assert.Equal(pairs / ((double)stayers * churners), Stats.Auc(score, churned)!.Value, 12);
    }

    [Fact]
    public void Spearman_MonotoneAndReversed_IsPlusAndMinusOne()
    {
        double[] x = [1, 5, 2, 9, 3];

        Assert.Equal(1.0, Stats.Spearman(x, [.. x.Select(v => Math.Exp(v))])!.Value, 12);
        Assert.Equal(-1.0, Stats.Spearman(x, [.. x.Select(v => -v * v * v)])!.Value, 12);
        Assert.Null(Stats.Spearman(x, [2, 2, 2, 2, 2]));
    }

    [Fact]
    public void Spearman_FewerThanTwoPairs_IsNull()
    {
        // A correlation needs two pairs: with none or one it is undefined, as Backtest's is.
        Assert.Null(Stats.Spearman([], []));
        Assert.Null(Stats.Spearman([3], [4]));
    }

    [Property]
    public Property Spearman_EqualsBrutePearsonOfMeanRanks() => Prop.ForAll(TiedPairs(), pairs =>
    {
        double[] x = [.. pairs.Select(p => p.X)];
        double[] y = [.. pairs.Select(p => p.Y)];
        var rho = Stats.Spearman(x, y);
        if (x.Length < 2 || x.Distinct().Count() == 1 || y.Distinct().Count() == 1)
        {
            return rho is null;
        }

        // Rank = the count below + (the count equal, itself included, + 1) / 2: ties share the mean of their ranks.
        static double[] Ranks(double[] v) => [.. v.Select(a => v.Count(b => b < a) + ((v.Count(b => b == a) + 1) / 2.0))];
        var (rx, ry) = (Ranks(x), Ranks(y));
        var (mx, my) = (rx.Average(), ry.Average());
        var expected = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum() / Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)) * ry.Sum(b => (b - my) * (b - my)));
        return rho is { } r && r is >= -1 and <= 1 && Math.Abs(r - expected) < 1e-12;
    });

    [Property]
    public Property Auc_EqualsBrutePairCount_TiesHalf() => Prop.ForAll(TiedPairs(), pairs =>
    {
        // X is the score; Y's sign is the churn flag.
        double[] score = [.. pairs.Select(p => p.X)];
        bool[] churned = [.. pairs.Select(p => p.Y < 0)];
        var stayers = score.Where((_, i) => !churned[i]).ToArray();
        var churners = score.Where((_, i) => churned[i]).ToArray();
        var auc = Stats.Auc(score, churned);
        if (stayers.Length == 0 || churners.Length == 0)
        {
            return auc is null;
        }

        var wins = stayers.Sum(s => churners.Sum(c => s > c ? 1 : s == c ? 0.5 : 0));
        return auc is { } a && Math.Abs(a - (wins / ((double)stayers.Length * churners.Length))) < 1e-12;
    });

    [Fact]
    public void Execute_SmallRun_EveryLearnerScoresEveryPartnershipOutOfFoldBelowTheLatentLimit()
    {
        foreach (var variant in run.Runs)
        {
            var limit = variant.LimitAuc!.Value;
            foreach (var learner in EvidenceLearner.All)
            {
                var result = variant.Evidence[learner];
                Assert.Equal(SmallRun.Options.Partnerships, result.Count);
                Assert.True(result.Auc < limit, $"{variant.Variant.Name}: {learner.Name} has AUC {result.Auc:0.000}, the latent limit {limit:0.000}.");
            }

            Assert.Equal(SmallRun.Options.Partnerships, variant.Diagnosis!.Rows.Length);
        }
    }

    [Fact]
    public void Diagnosis_WrongWay_NamesTheFactorsThatRankAgainstHealth_AndThePageNamesThem()
    {
        // Forty partnerships, latent health 0.0125 to 0.9875, the four below 0.1 churned. The first factor falls as health
        // rises (wrong both ways), the second rises with it (right both ways), the third is 0 for the churned and falls
        // with health among the others (right for churn, AUC 1, but wrong against the latent health), every other
        // factor is constant (AUC 0.5, no Spearman: neither way).
        var count = EvidenceFeatures.FactorOrder.Length;
        var rows = Enumerable.Range(0, 40).Select(i =>
        {
            var latent = (i + 0.5) / 40;
            var factors = new double[count];
            Array.Fill(factors, 0.5);
            (factors[0], factors[1], factors[2]) = (1 - latent, latent, latent < 0.1 ? 0 : 1 - latent);
            return new DiagnosisRow(latent, latent < 0.1, 50, 0.5, [.. factors], [.. new double[count]], [.. new double?[5]], false, false, [.. new bool[DiagnosisRow.WeakCauseNames.Length]], 10);
        });

        var synthetic = ModelDiagnosis.Of(rows).WrongWay;

        Assert.Equal([EvidenceFeatures.FactorOrder[0], EvidenceFeatures.FactorOrder[2]], synthetic.Select(f => f.Name));
        Assert.Equal((0.0, -1.0), (synthetic[0].Auc, synthetic[0].LatentSpearman));
        Assert.True(synthetic[1].Auc == 1 && synthetic[1].LatentSpearman < 0, synthetic[1].ToString());

        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "now");
        var line = page[page.IndexOf("scoring higher: ", StringComparison.Ordinal)..];
        line = line[..line.IndexOf('\n')];
        foreach (var variant in run.Runs)
        {
            var wrong = variant.Diagnosis!.WrongWay;
            Assert.Contains(variant.Variant.Name + (wrong.IsEmpty ? " none" : $" `{wrong[0].Name}` ("), line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_ModelLosesWhatItsFactorsHold_OnlyWhereAReweightingOfThemBeatsIt()
    {
        // The small run's sparse model (0.685) beats both reweightings of its own factors (0.680 values alone, 0.668 with
        // certainties and evidence weights): the page must not say that the model loses in combining them there.
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "now");
        var section = page[page.IndexOf("What this says about the targets", StringComparison.Ordinal)..];
        var losesAnywhere = false;
        foreach (var variant in run.Runs)
        {
            var line = section[section.IndexOf($"- **{variant.Variant.Name}.**", StringComparison.Ordinal)..];
            line = line[..line.IndexOf('\n')];
            var reweighted = Math.Max(variant.Evidence[EvidenceLearner.FactorValuesLogistic].Auc!.Value, variant.Evidence[EvidenceLearner.ReportLogistic].Auc!.Value);
            var loses = variant.Pooled[Signal.Model].Auc < reweighted;
            losesAnywhere |= loses;
            Assert.True(
                line.Contains("the model loses it in how it combines them", StringComparison.Ordinal) == loses,
                $"{variant.Variant.Name}: model {variant.Pooled[Signal.Model].Auc:0.000}, best reweighting of its factors {reweighted:0.000}: {line}");
        }

        Assert.True(losesAnywhere && !run.Runs.All(v => v.Pooled[Signal.Model].Auc < Math.Max(v.Evidence[EvidenceLearner.FactorValuesLogistic].Auc!.Value, v.Evidence[EvidenceLearner.ReportLogistic].Auc!.Value)), "the small run should have both cases");
    }

    [Fact]
    public void Render_BestLearnerBelowATarget_SaysHowFarShortNotThatTheEvidenceCannotReachIt()
    {
        // A learner's AUC is a lower bound on what the evidence holds: falling short of a target shows that these learners
        // do not reach it, not that no score could. The small run's sparse learner falls 0.015 short with a standard error
        // of about 0.03, which the page read as "out of reach of this evidence".
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "now");
        var section = page[page.IndexOf("What this says about the targets", StringComparison.Ordinal)..];
        var below = 0;
        foreach (var variant in run.Runs)
        {
            var line = section[section.IndexOf($"- **{variant.Variant.Name}.**", StringComparison.Ordinal)..];
            line = line[..line.IndexOf('\n')];
            var needed = 0.5 + (0.85 * (variant.LimitAuc!.Value - 0.5));
            var best = variant.Evidence[variant.BestLearner!].Auc!.Value;
            if (best < needed)
            {
                below++;
                Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{needed - best:0.000} short of it: none of these learners reaches the target"), line, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("out of reach", line, StringComparison.Ordinal);
            Assert.DoesNotContain("not attainable", line, StringComparison.Ordinal);
        }

        Assert.True(below > 0, "the small run should have a learner below the captured-discrimination target");
    }

    [Fact]
    public void Render_WeakestLinkCauses_AreLabelledAsSharesOfAllPartnerships()
    {
        // Each cause's share counts the partnerships meeting it over all partnerships, not over those the rule flagged (the
        // rows above it): the label said "of which", so the small run's steady trust, 21.0 %, read as a share of the flagged 72.8 %.
        var page = MarkdownReport.Render(run.Runs, SmallRun.Options, "now");
        Assert.DoesNotContain("| … of which:", page, StringComparison.Ordinal);
        for (var k = 0; k < DiagnosisRow.WeakCauseNames.Length; k++)
        {
            var label = $"| … cause met, share of all partnerships (one may meet several): {DiagnosisRow.WeakCauseNames[k]}";
            var row = page[page.IndexOf(label, StringComparison.Ordinal)..];
            var cells = row[..row.IndexOf('\n')].Split('|', StringSplitOptions.TrimEntries)[2..^1];
            var shares = run.Runs.Select(v => v.Diagnosis!.Rows.Count(r => r.WeakCauses[k]) / (double)v.Diagnosis.Rows.Length);
            Assert.Equal(shares.Select(s => s.ToString("0.0%", CultureInfo.InvariantCulture)), cells);
        }
    }

    [Fact]
    public void Execute_SameOptionsTwice_IdenticalEvidenceLimit()
    {
        var again = ValidationRun.Execute(SmallRun.Options);

        for (var v = 0; v < run.Runs.Length; v++)
        {
            foreach (var learner in EvidenceLearner.All)
            {
                Assert.Equal(run.Runs[v].Evidence[learner].Samples.Select(s => s.Score), again[v].Evidence[learner].Samples.Select(s => s.Score));
            }

            Assert.Equal(run.Runs[v].Seeds.Select(s => s.ConfidenceLimit), again[v].Seeds.Select(s => s.ConfidenceLimit));
        }
    }

    /// <summary>800 rows of five features uniform in [−1, 1]; the label is drawn with probability σ(logit(row)); every fourth row is held out.</summary>
    private static (double[][] X, double[] Target, bool[] Label, bool[] Train) Synthetic(ulong seed, Func<double[], double> logit)
    {
        var rng = new Rng(seed);
        double[][] x = [.. Enumerable.Range(0, 800).Select(_ => Enumerable.Range(0, 5).Select(_ => rng.Uniform(-1, 1)).ToArray())];
        double[] target = [.. x.Select(logit)];
        bool[] label = [.. target.Select(t => rng.Chance(1 / (1 + Math.Exp(-t))))];
        bool[] train = [.. Enumerable.Range(0, x.Length).Select(i => i % 4 != 0)];
        return (x, target, label, train);
    }

    /// <summary>AUC of the held-out rows, a positive label being the "churned" class of a higher-is-healthier score.</summary>
    private static double HeldOutAuc(double[] predicted, bool[] label, bool[] train)
    {
        var heldOut = Enumerable.Range(0, predicted.Length).Where(i => !train[i]).ToArray();

        // The learners predict the log-odds of the label; negate so that higher means "no label", as for a health score.
        return Stats.Auc([.. heldOut.Select(i => -predicted[i])], [.. heldOut.Select(i => label[i])])!.Value;
    }

    /// <summary>
    /// Pairs of finite values, each side from a few whole numbers half the time (ties, a constant side and fewer than two
    /// pairs are common) and from all finite doubles otherwise.
    /// </summary>
    private static Arbitrary<(double X, double Y)[]> TiedPairs()
    {
        var value = Gen.OneOf(Gen.Choose(-3, 3).Select(i => (double)i), ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Get));
        return value.Zip(value).ArrayOf().ToArbitrary();
    }
}
