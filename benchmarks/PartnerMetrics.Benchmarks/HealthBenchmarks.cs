using BenchmarkDotNet.Attributes;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Benchmarks;

/// <summary>Scoring one partnership: time and allocation per report as the evidence grows.</summary>
[MemoryDiagnoser]
[Config(typeof(DefaultJobConfig))]
public class HealthBenchmarks
{
    private readonly HealthScorer scorer = new();
    private Partnership partnership = null!;

    /// <summary>Gets or sets the number of evidence items: commitments, interactions, certifications, deliveries and deals, a fifth each.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Evidence { get; set; }

    public static IEnumerable<int> Sizes => Suite.Sizes(100, 100, 1_000, 10_000);

    [GlobalSetup]
    public void Setup() => partnership = SyntheticPortfolio.CreatePartnership(Evidence);

    [Benchmark]
    public HealthReport Score() => scorer.Score(partnership, SyntheticPortfolio.End);
}
