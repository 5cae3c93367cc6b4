using PartnerMetrics.Partners;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Tests.Validation;

/// <summary>Laws of the backtest's rank measures over generated samples.</summary>
public sealed class BacktestPropertyTests
{
    private static readonly DateOnly T = new(2025, 6, 30);

    /// <summary>
    /// Scores with their churn flags. Scores are drawn from a small range of whole numbers half the
    /// time, so that ties (which count half) are common, and from all finite doubles otherwise.
    /// </summary>
    private static Arbitrary<(double Score, bool Churned)[]> Cases() =>
        Gen.OneOf(
                Gen.Choose(-5, 5).Select(i => (double)i),
                ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Get))
            .Zip(ArbMap.Default.GeneratorFor<bool>())
            .ArrayOf()
            .ToArbitrary();

    /// <summary>
    /// Pairs of finite values, each side drawn from a few whole numbers half the time (ties on either side or both,
    /// a constant side, fewer than two pairs are all common) and from all finite doubles otherwise.
    /// </summary>
    private static Arbitrary<(double X, double Y)[]> Pairs()
    {
        var value = Gen.OneOf(Gen.Choose(-3, 3).Select(i => (double)i), ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => f.Get));
        return value.Zip(value).ArrayOf().ToArbitrary();
    }

    private static BacktestSample[] Samples((double Score, bool Churned)[] cases, Func<double, double>? map = null) =>
        [.. cases.Select((c, i) => new BacktestSample(new PartnerId($"P-{i}"), T, (map ?? (s => s))(c.Score), c.Churned))];

    [Property]
    public Property Auc_OfNegatedScore_IsOneMinusAuc() => Prop.ForAll(Cases(), cases =>
    {
        var auc = Backtest.Measure(Samples(cases)).Auc;
        var negated = Backtest.Measure(Samples(cases, s => -s)).Auc;

        // Both are exact ratios U / mn; 1 − x may round differently in the last bit.
        return auc is null ? negated is null : negated is { } n && Math.Abs(n - (1 - auc.Value)) < 1e-12;
    });

    [Property]
    public Property Auc_EqualsBruteForcePairCount_TiesHalf() => Prop.ForAll(Cases(), cases =>
    {
        var stayers = cases.Where(c => !c.Churned).Select(c => c.Score).ToArray();
        var churners = cases.Where(c => c.Churned).Select(c => c.Score).ToArray();
        var auc = Backtest.Measure(Samples(cases)).Auc;
        if (stayers.Length == 0 || churners.Length == 0)
        {
            return auc is null;
        }

        double wins = 0;
        foreach (var s in stayers)
        {
            foreach (var c in churners)
            {
                wins += s > c ? 1 : s == c ? 0.5 : 0;
            }
        }

        return auc is { } a && Math.Abs(a - (wins / ((double)stayers.Length * churners.Length))) < 1e-12;
    });

    [Property]
    public Property AucStandardError_EqualsBruteForceDeLong() => Prop.ForAll(Cases(), cases =>
    {
        var stayers = cases.Where(c => !c.Churned).Select(c => c.Score).ToArray();
        var churners = cases.Where(c => c.Churned).Select(c => c.Score).ToArray();
        var result = Backtest.Measure(Samples(cases));
        if (stayers.Length < 2 || churners.Length < 2)
        {
            return result.AucStandardError is null;
        }

        // DeLong, Delong and Clarke-Pearson (1988), pair by pair: V10 of a stayer is its share of churners scored below it,
        // V01 of a churner its share of stayers scored above it, ties ½; Var = S10 / m + S01 / n with S the sample
        // variances of the placements about the AUC.
        static double Beats(double a, double b) => a > b ? 1 : a == b ? 0.5 : 0;
        var v10 = stayers.Select(s => churners.Sum(c => Beats(s, c)) / churners.Length).ToArray();
        var v01 = churners.Select(c => stayers.Sum(s => Beats(s, c)) / stayers.Length).ToArray();
        var auc = v10.Average();
        var s10 = v10.Sum(v => (v - auc) * (v - auc)) / (stayers.Length - 1);
        var s01 = v01.Sum(v => (v - auc) * (v - auc)) / (churners.Length - 1);
        var expected = Math.Sqrt((s10 / stayers.Length) + (s01 / churners.Length));
        return result.AucStandardError is { } se && Math.Abs(se - expected) < 1e-12;
    });

    [Property]
    public Property Spearman_EqualsBruteForcePearsonOfMeanRanks() => Prop.ForAll(Pairs(), pairs =>
    {
        var result = Backtest.Measure([.. pairs.Select((p, i) => new BacktestSample(new PartnerId($"P-{i}"), T, p.X, churned: false, outcome: p.Y))]);
        var x = pairs.Select(p => p.X).ToArray();
        var y = pairs.Select(p => p.Y).ToArray();
        if (x.Length < 2 || x.Distinct().Count() == 1 || y.Distinct().Count() == 1)
        {
            return result.OutcomeSpearman is null;
        }

        // Rank of a value = the count below it + (the count equal to it, itself included, + 1) / 2: tied values share the
        // mean of the ranks they occupy.
        static double[] Ranks(double[] v) => [.. v.Select(a => v.Count(b => b < a) + ((v.Count(b => b == a) + 1) / 2.0))];
        var (rx, ry) = (Ranks(x), Ranks(y));
        var (mx, my) = (rx.Average(), ry.Average());
        var sxy = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
        var expected = sxy / Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)) * ry.Sum(b => (b - my) * (b - my)));
        return result.OutcomeSpearman is { } rho && !double.IsNaN(rho) && rho is >= -1 and <= 1 && Math.Abs(rho - expected) < 1e-12;
    });

    [Property]
    public Property Measure_AnyPermutation_SameMeasures() => Prop.ForAll(Cases(), ArbMap.Default.ArbFor<int>(), (cases, seed) =>
    {
        var samples = Samples(cases);
        var shuffled = samples.OrderBy(_ => 0).ToArray();
        new Random(seed).Shuffle(shuffled);

        var result = Backtest.Measure(samples);
        var other = Backtest.Measure(shuffled);
        return result.Auc == other.Auc
            && result.AucStandardError == other.AucStandardError
            && result.Samples.SequenceEqual(other.Samples)
            && result.Calibration.Select(b => (b.Decile, b.Count, b.Churned, b.MinScore, b.MaxScore))
                .SequenceEqual(other.Calibration.Select(b => (b.Decile, b.Count, b.Churned, b.MinScore, b.MaxScore)));
    });

    [Property]
    public Property Measures_StayInRangeAndAreNeverNaN() => Prop.ForAll(Cases(), cases =>
    {
        var result = Backtest.Measure(Samples(cases));
        return (result.Auc is null || result.Auc is >= 0 and <= 1)
            && (result.AucStandardError is null || result.AucStandardError >= 0)
            && result.Calibration.Sum(b => b.Count) == cases.Length
            && result.Calibration.All(b => b.Decile is >= 1 and <= 10 && b.MinScore <= b.MeanScore && b.MeanScore <= b.MaxScore && b.ChurnRate is >= 0 and <= 1);
    });
}
