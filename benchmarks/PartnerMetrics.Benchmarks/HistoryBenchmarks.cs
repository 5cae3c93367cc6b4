using BenchmarkDotNet.Attributes;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// A year of weekly health (52 points) for one partnership: one sweep, against 52 independent scores
/// and against one score (the target: a 52-point history costs at most 10 scores); and the same sweep
/// keeping each point's score, confidence and band only (<see cref="HealthScorer.Trend"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DefaultJobConfig))]
public class HistoryBenchmarks
{
    private readonly HealthScorer scorer = new();
    private Partnership partnership = null!;

    /// <summary>Gets or sets the number of evidence items.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Evidence { get; set; }

    public static IEnumerable<int> Sizes => Suite.Sizes(100, 1_000, 10_000);

    [GlobalSetup]
    public void Setup()
    {
        partnership = SyntheticPortfolio.CreatePartnership(Evidence);
        if (Suite.Quick)
        {
            CheckTheyAgree();
        }
    }

    [Benchmark(Baseline = true)]
    public double FiftyTwoScores()
    {
        var total = 0.0;
        for (var week = 51; week >= 0; week--)
        {
            total += scorer.Score(partnership, SyntheticPortfolio.End.AddDays(-7 * week)).Score;
        }

        return total;
    }

    [Benchmark]
    public double OneScore() => scorer.Score(partnership, SyntheticPortfolio.End).Score;

    [Benchmark]
    public double OneSweep() => Total(scorer.History(partnership, FirstWeek, SyntheticPortfolio.End, Week), report => report.Score);

    [Benchmark]
    public double OneTrend() => Total(scorer.Trend(partnership, FirstWeek, SyntheticPortfolio.End, Week), point => point.Score);

    /// <summary>
    /// In quick mode (CI), the sweep and the trend must give, week by week, the scores of the 52 independent scores they
    /// are compared with, so that the history target compares the same work.
    /// </summary>
    private void CheckTheyAgree()
    {
        var scores = Enumerable.Range(0, 52).Select(week => scorer.Score(partnership, SyntheticPortfolio.End.AddDays(-7 * (51 - week))).Score).ToArray();
        var sweep = scorer.History(partnership, FirstWeek, SyntheticPortfolio.End, Week).Select(report => report.Score).ToArray();
        var trend = scorer.Trend(partnership, FirstWeek, SyntheticPortfolio.End, Week).Select(point => point.Score).ToArray();
        if (!sweep.SequenceEqual(scores) || !trend.SequenceEqual(scores))
        {
            throw new InvalidOperationException($"The sweep or the trend of {nameof(HistoryBenchmarks)} does not give the 52 scores it is compared with.");
        }
    }

    private static DateOnly FirstWeek => SyntheticPortfolio.End.AddDays(-7 * 51);

    private static TimeSpan Week => TimeSpan.FromDays(7);

    /// <summary>The scores added up, so that none of the work is optimized away.</summary>
    private static double Total<T>(System.Collections.Immutable.ImmutableArray<T> points, Func<T, double> score)
    {
        var total = 0.0;
        foreach (var point in points)
        {
            total += score(point);
        }

        return total;
    }
}
