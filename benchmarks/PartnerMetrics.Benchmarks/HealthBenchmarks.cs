using BenchmarkDotNet.Attributes;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Benchmarks;

/// <summary>Scoring one partnership: time and allocation per report as the evidence grows.</summary>
[MemoryDiagnoser]
public class HealthBenchmarks
{
    private readonly HealthScorer scorer = new();
    private Partnership partnership = null!;

    /// <summary>Gets or sets the number of evidence items: commitments, interactions, certifications, deliveries and deals, a fifth each.</summary>
    [Params(100, 1_000, 10_000)]
    public int Evidence { get; set; }

    [GlobalSetup]
    public void Setup() => partnership = SyntheticPortfolio.CreatePartnership(Evidence);

    [Benchmark]
    public HealthReport Score() => scorer.Score(partnership, SyntheticPortfolio.End);
}
