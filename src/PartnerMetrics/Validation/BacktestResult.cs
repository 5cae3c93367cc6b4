using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Health;

namespace PartnerMetrics.Validation;

/// <summary>How well a score predicted churn and outcomes over a set of samples (<see cref="Backtest"/>).</summary>
/// <remarks>
/// Every measure is exact and deterministic: it depends only on the samples, not on their order. A
/// measure that is undefined for the samples (an AUC without churners, a correlation of a constant)
/// is <see langword="null"/>, never NaN.
/// </remarks>
public sealed class BacktestResult
{
    private BacktestResult(ImmutableArray<BacktestSample> samples, int censored, int inactive, bool banded)
    {
        Samples = samples;
        Censored = censored;
        Inactive = inactive;
        Count = samples.Length;
        Churned = samples.Count(s => s.Churned);
        var scores = samples.Select(s => s.Score).ToArray();
        var stayed = samples.Select(s => !s.Churned).ToArray();
        (Auc, AucStandardError) = RankStatistics.Auc(scores, stayed);
        Bands = BandsOf(samples, banded);
        Calibration = CalibrationOf(samples, scores);
        OutcomeSpearman = SpearmanOf(samples, s => s.Outcome);
        ReferenceSpearman = SpearmanOf(samples, s => s.Reference);
        ConfidenceErrorSpearman = ConfidenceErrorOf(samples);
    }

    /// <summary>Gets the number of samples measured.</summary>
    public int Count { get; }

    /// <summary>Gets the number of samples that churned within the horizon.</summary>
    public int Churned { get; }

    /// <summary>Gets the number of samples that did not churn within the horizon.</summary>
    public int Stayed => Count - Churned;

    /// <summary>Gets the number of (partner, day) pairs left out because their horizon ran past <see cref="BacktestOptions.ObservedThrough"/>, whether or not the partner churned within it.</summary>
    public int Censored { get; }

    /// <summary>Gets the number of (partner, day) pairs left out because the partnership had not started or the partner had already churned on the day.</summary>
    public int Inactive { get; }

    /// <summary>
    /// Gets the area under the ROC curve for churn: the probability that a sample that stayed scores
    /// above one that churned, ties counting half. 0.5 is chance, 1 is perfect; <see langword="null"/>
    /// without both churners and stayers.
    /// </summary>
    public double? Auc { get; }

    /// <summary>
    /// Gets DeLong's standard error of <see cref="Auc"/>; <see langword="null"/> with fewer than two
    /// churners or two stayers. It treats samples as independent: several as-of days of one partner
    /// are not, so with many days per partner the true error is larger.
    /// </summary>
    public double? AucStandardError { get; }

    /// <summary>
    /// Gets the churn of each health band, in the order of <see cref="HealthBand"/>. <see cref="Backtest.Run"/> lists every
    /// band, even when no sample was scored (every rate then <see langword="null"/>), for its scorer bands every sample;
    /// <see cref="Backtest.Measure"/> lists them when a sample has a band, and none otherwise.
    /// </summary>
    public ImmutableArray<BandChurn> Bands { get; }

    /// <summary>Gets the churn rate of each score decile, lowest scores first (see <see cref="CalibrationBin"/>).</summary>
    public ImmutableArray<CalibrationBin> Calibration { get; }

    /// <summary>Gets Spearman's ρ between score and <see cref="BacktestSample.Outcome"/> over the samples that have one; <see langword="null"/> with fewer than two or a constant side.</summary>
    public double? OutcomeSpearman { get; }

    /// <summary>Gets Spearman's ρ between score and <see cref="BacktestSample.Reference"/> over the samples that have one; <see langword="null"/> with fewer than two or a constant side.</summary>
    public double? ReferenceSpearman { get; }

    /// <summary>
    /// Gets Spearman's ρ between <see cref="BacktestSample.Confidence"/> and |score − reference| over
    /// the samples that have both; negative when confidence knows when the score is unsure.
    /// <see langword="null"/> with fewer than two or a constant side.
    /// </summary>
    public double? ConfidenceErrorSpearman { get; }

    /// <summary>Gets the samples measured, by as-of day and then partner id (ordinal).</summary>
    public ImmutableArray<BacktestSample> Samples { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Count} {(Count == 1 ? "sample" : "samples")}, {Churned} churned, AUC {(Auc is { } auc ? auc.ToString("0.000", CultureInfo.InvariantCulture) : "undefined")}");

    /// <summary>The measures of <paramref name="samples"/>, in the order of their day and partner.</summary>
    /// <param name="samples">The samples.</param>
    /// <param name="censored">The pairs left out as censored.</param>
    /// <param name="inactive">The pairs left out as inactive.</param>
    /// <param name="banded">
    /// Whether the signal has bands whatever the samples: a scorer's does, so its bands are listed, each empty, even when
    /// every pair was censored or inactive, as they are when others have samples; otherwise the bands are listed only when a
    /// sample has one.
    /// </param>
    internal static BacktestResult Create(IEnumerable<BacktestSample> samples, int censored, int inactive, bool banded)
    {
        var items = new List<BacktestSample>();
        Ensure.Each(samples, nameof(samples), items.Add);
        items.Sort(static (a, b) => a.AsOf != b.AsOf ? a.AsOf.CompareTo(b.AsOf) : a.PartnerId.CompareTo(b.PartnerId));
        for (var i = 1; i < items.Count; i++)
        {
            // A partner is one sample a day: two would count its outcome twice, in an order that depends on the input's.
            if (items[i].AsOf == items[i - 1].AsOf && items[i].PartnerId == items[i - 1].PartnerId)
            {
                throw new ArgumentException($"'{nameof(samples)}' lists partner '{items[i].PartnerId}' on {Ensure.Iso(items[i].AsOf)} more than once.", nameof(samples));
            }
        }

        return new BacktestResult([.. items], censored, inactive, banded);
    }

    private static ImmutableArray<BandChurn> BandsOf(ImmutableArray<BacktestSample> samples, bool banded)
    {
        var bands = Enum.GetValues<HealthBand>();
        var counts = new int[bands.Length];
        var churned = new int[bands.Length];
        var any = banded;
        foreach (var sample in samples)
        {
            if (sample.Band is { } band)
            {
                any = true;
                var i = Array.IndexOf(bands, band);
                counts[i]++;
                churned[i] += sample.Churned ? 1 : 0;
            }
        }

        return any ? [.. bands.Select((band, i) => new BandChurn(band, counts[i], churned[i]))] : [];
    }

    private static ImmutableArray<CalibrationBin> CalibrationOf(ImmutableArray<BacktestSample> samples, double[] scores)
    {
        const int Deciles = 10;
        var ranks = RankStatistics.MidRanks(scores);
        var count = new int[Deciles];
        var churned = new int[Deciles];
        var sum = new double[Deciles];
        var min = new double[Deciles];
        var max = new double[Deciles];
        var scaled = new double[Deciles];

        // ⌊10 (r − ½) / N⌋ in integers: 2r − 1 is a whole number because mid-ranks are multiples of ½.
        int DecileOf(int i) => (int)(Deciles * (long)((2 * ranks[i]) - 1) / (2L * scores.Length));

        for (var i = 0; i < scores.Length; i++)
        {
            var d = DecileOf(i);
            if (count[d]++ == 0)
            {
                min[d] = max[d] = scores[i];
            }
            else
            {
                min[d] = Math.Min(min[d], scores[i]);
                max[d] = Math.Max(max[d], scores[i]);
            }

            sum[d] += scores[i];
            churned[d] += samples[i].Churned ? 1 : 0;
        }

        // A sum past double's range (a signal near ±1.8e308) is summed again as the terms divided by the count, which cannot overflow.
        for (var i = 0; i < scores.Length; i++)
        {
            var d = DecileOf(i);
            if (!double.IsFinite(sum[d]))
            {
                scaled[d] += scores[i] / count[d];
            }
        }

        return [.. Enumerable.Range(0, Deciles).Where(d => count[d] > 0)
            .Select(d => new CalibrationBin(d + 1, count[d], min[d], max[d], Math.Clamp(double.IsFinite(sum[d]) ? sum[d] / count[d] : scaled[d], min[d], max[d]), churned[d]))];
    }

    private static double? SpearmanOf(ImmutableArray<BacktestSample> samples, Func<BacktestSample, double?> other)
    {
        var pairs = samples.Where(s => other(s) is not null).ToArray();
        return RankStatistics.Spearman(pairs.Select(s => s.Score).ToArray(), pairs.Select(s => other(s)!.Value).ToArray());
    }

    private static double? ConfidenceErrorOf(ImmutableArray<BacktestSample> samples)
    {
        var pairs = samples.Where(s => s.Confidence is not null && s.Reference is not null).ToArray();
        var errors = pairs.Select(s => Math.Abs(s.Score - s.Reference!.Value)).ToArray();
        if (errors.Any(double.IsInfinity))
        {
            // A score and a reference near ±1.8e308 of opposite signs differ past double's range: as +∞ such errors would
            // tie with each other, whatever their size, and all of them would read as a constant side. Halved, every term
            // is exact above the subnormals and every difference is finite, so the errors keep their order.
            errors = [.. pairs.Select(s => Math.Abs((s.Score / 2) - (s.Reference!.Value / 2)))];
        }

        return RankStatistics.Spearman(pairs.Select(s => s.Confidence!.Value).ToArray(), errors);
    }
}
