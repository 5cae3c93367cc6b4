using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// Next actions for one partnership (DOMAIN section 3.3): every action is its change applied and the partnership
/// scored again, so recommending costs one score plus one per action. Target: under 200 µs at 1,000 evidence items.
/// The baseline is one score of the same partnership.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DefaultJobConfig))]
public class RecommendBenchmarks
{
    private readonly HealthScorer scorer = new();
    private PartnershipAdvisor advisor = null!;
    private Partnership partnership = null!;

    /// <summary>Gets or sets the number of evidence items: commitments, interactions, certifications, deliveries and deals, a fifth each.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Evidence { get; set; }

    public static IEnumerable<int> Sizes => Suite.Sizes(100, 100, 1_000, 10_000);

    [GlobalSetup]
    public void Setup()
    {
        advisor = new PartnershipAdvisor(scorer);
        partnership = SyntheticPortfolio.CreatePartnership(Evidence);
        var actions = advisor.Recommend(partnership, SyntheticPortfolio.End);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {Evidence} evidence items: {actions.Length} actions ({string.Join(", ", actions.Select(a => a.Code))})"));
    }

    [Benchmark(Baseline = true)]
    public HealthReport Score() => scorer.Score(partnership, SyntheticPortfolio.End);

    [Benchmark]
    public ImmutableArray<Recommendation> Recommend() => advisor.Recommend(partnership, SyntheticPortfolio.End);
}
