using System.Text.Json;
using PartnerMetrics.Cli;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Fuzz;

/// <summary>
/// The fuzzing targets. Each takes any bytes; the only exceptions it lets out are bugs. The documented
/// outcomes (a <see cref="JsonException"/> from the JSON readers, a listed problem from the CSV reader)
/// are caught here. The same targets replay the committed corpus in the tests.
/// </summary>
public static class Targets
{
    /// <summary>The day the JSON target scores what it reads as of.</summary>
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    /// <summary>Gets the targets by name.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["json"] = Json,
        ["csv"] = Csv,
    };

    /// <summary>
    /// Reads the bytes as every model type the JSON form has. What reads must write back to an equal
    /// value, and a portfolio must score, analyse and advise without an exception.
    /// </summary>
    public static void Json(byte[] data)
    {
        if (Read<Portfolio>(data) is { } portfolio)
        {
            RoundTrips(portfolio);
            var scorer = new HealthScorer();
            _ = scorer.ScoreAll(portfolio, AsOf, maxDegreeOfParallelism: 1);
            _ = scorer.ScoreAll(portfolio, DateOnly.MaxValue, maxDegreeOfParallelism: 1);
            _ = new PortfolioInsights(scorer, portfolio, AsOf).TopPartners(7);
            _ = PipelineAnalytics.GroupBy(portfolio.AllOpportunities(), PipelineKeys.District);
            foreach (var partnership in portfolio.Partnerships.Take(3))
            {
                _ = new PartnershipAdvisor(scorer).Recommend(partnership, AsOf);
            }
        }

        ReadAndRoundTrip<Partnership>(data);
        ReadAndRoundTrip<Opportunity>(data);
        ReadAndRoundTrip<RevenueSnapshot>(data);
        ReadAndRoundTrip<HealthModel>(data);
        if (Read<PipelineAccumulator>(data) is { } pipeline)
        {
            _ = pipeline.Result();
            RoundTripsTo(pipeline, p => p.Result());
        }

        if (Read<RetentionAccumulator>(data) is { } retention)
        {
            _ = retention.Result();
            RoundTripsTo(retention, r => r.Result());
        }

        if (Read<BrandEquityDebtAccumulator>(data) is { } debt)
        {
            _ = debt.Result();
            RoundTripsTo(debt, d => d.Result());
        }
    }

    /// <summary>Reads the bytes as a CRM opportunities export and analyses what it reads.</summary>
    public static void Csv(byte[] data)
    {
        var accumulator = new GroupedPipelineAccumulator<string?>(PipelineKeys.District);
        var problems = new InputProblems();
        using var stream = new MemoryStream(data, writable: false);
        var records = OpportunityCsv.Read(stream, accumulator.Add, problems);
        var result = accumulator.Result();
        if (!problems.Any && result.Total.Count != records)
        {
            throw new InvalidOperationException($"{records} records read without a problem, but {result.Total.Count} analysed.");
        }

        using var report = new StringWriter();
        problems.WriteTo("fuzz.csv", report);
    }

    private static T? Read<T>(byte[] data)
        where T : class
    {
        try
        {
            return PartnerMetricsJson.Deserialize<T>(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void ReadAndRoundTrip<T>(byte[] data)
        where T : class
    {
        if (Read<T>(data) is { } value)
        {
            RoundTrips(value);
        }
    }

    private static void RoundTrips<T>(T value)
        where T : class => RoundTripsTo(value, v => v);

    /// <summary>Writes the value and reads it back: what was read must survive a round trip unchanged.</summary>
    private static void RoundTripsTo<T, TResult>(T value, Func<T, TResult> project)
        where T : class
    {
        var again = PartnerMetricsJson.Deserialize<T>(PartnerMetricsJson.Serialize(value));
        if (!EqualityComparer<TResult>.Default.Equals(project(value), project(again)))
        {
            throw new InvalidOperationException($"A {typeof(T).Name} changed in a JSON round trip.");
        }
    }
}
