using System.Globalization;
using BenchmarkDotNet.Attributes;
using PartnerMetrics.Health;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// Scoring a whole portfolio, about 100 evidence items per partnership, with the public bulk API on
/// all cores (<see cref="HealthScorer.ScoreAll"/>), against a straightforward sequential LINQ
/// implementation of two of the five dimensions (trust and tracked progress) as the baseline.
/// The portfolio's size in memory is printed at setup, to compare with the allocation per run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LargeInputAllCollectorsConfig))]
public class PortfolioBenchmarks
{
    private readonly HealthScorer scorer = new();
    private Portfolio portfolio = null!;

    /// <summary>Gets or sets the number of partnerships.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Partnerships { get; set; }

    /// <summary>Gets the sizes: the published 100,000, and 100 to 10,000 for the scaling series.</summary>
    public static IEnumerable<int> Sizes => Suite.Sizes(100, 100, 1_000, 10_000, 100_000);

    [GlobalSetup]
    public void Setup()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        portfolio = SyntheticPortfolio.Create(Partnerships, evidencePerPartnership: 100);
        var size = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Portfolio in memory: {Partnerships} partnerships, {size / 1_000_000.0:F1} MB"));

        // The baseline must compute what the library computes, or the comparison means nothing.
        LinqHealthBaseline.Verify(portfolio, SyntheticPortfolio.End, HealthModel.Default, Math.Min(Partnerships, 200));
    }

    [Benchmark(Baseline = true)]
    public double LinqTrustAndProgress() => LinqHealthBaseline.Total(portfolio, SyntheticPortfolio.End, HealthModel.Default);

    [Benchmark]
    public int ScoreAll() => scorer.ScoreAll(portfolio, SyntheticPortfolio.End).Length;
}
