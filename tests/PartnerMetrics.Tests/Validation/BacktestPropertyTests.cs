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
