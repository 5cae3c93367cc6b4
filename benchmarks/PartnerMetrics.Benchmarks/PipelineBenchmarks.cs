using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// The district × motion class × quarter cube (count, open, won, lost, values, won cycle) over 1M and
/// 10M in-memory deals: naive LINQ (baseline), the library from records and from a columnar batch,
/// and DuckDB running the same SQL over the same rows already in an in-memory table (query only).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet classes cannot be sealed; the connection is closed in GlobalCleanup.")]
public class PipelineBenchmarks
{
    private const string Sql = """
        SELECT district, motion_class, quarter, count(*),
               count(*) FILTER (WHERE outcome = 0), count(*) FILTER (WHERE outcome = 1), count(*) FILTER (WHERE outcome = 2),
               sum(amount) FILTER (WHERE outcome = 0), sum(amount) FILTER (WHERE outcome = 1), sum(amount) FILTER (WHERE outcome = 2),
               sum(cycle) FILTER (WHERE outcome = 1)
        FROM deals GROUP BY district, motion_class, quarter
        """;

    private Opportunity[] deals = [];
    private OpportunityBatch batch = null!;
    private DuckDBConnection duck = null!;

    /// <summary>Gets or sets the number of deals.</summary>
    [Params(1_000_000, 10_000_000)]
    public int Deals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        deals = SyntheticPipeline.Create(Deals);
        batch = OpportunityBatch.From(deals);
        duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using (var create = duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE deals (district VARCHAR, motion_class TINYINT, quarter INTEGER, outcome TINYINT, amount DECIMAL(18, 4), cycle INTEGER)";
            create.ExecuteNonQuery();
        }

        using var appender = duck.CreateAppender("deals");
        foreach (var deal in deals)
        {
            appender.CreateRow()
                .AppendValue(deal.District)
                .AppendValue((sbyte)deal.MotionClass)
                .AppendValue((deal.CreatedOn.Year * 4) + ((deal.CreatedOn.Month - 1) / 3))
                .AppendValue((sbyte)deal.Outcome)
                .AppendValue(deal.Amount ?? 0m)
                .AppendValue(deal.ClosedOn is { } closed ? closed.DayNumber - deal.CreatedOn.DayNumber : 0)
                .EndRow();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => duck.Dispose();

    [Benchmark(Baseline = true)]
    public int NaiveLinq() =>
        deals.GroupBy(d => (d.District, d.MotionClass, Quarter.Of(d.CreatedOn)))
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                Open = g.Count(d => d.Outcome == DealOutcome.Open),
                Won = g.Count(d => d.Outcome == DealOutcome.Won),
                Lost = g.Count(d => d.Outcome == DealOutcome.Lost),
                OpenValue = g.Where(d => d.Outcome == DealOutcome.Open).Sum(d => d.Amount ?? 0m),
                WonValue = g.Where(d => d.Outcome == DealOutcome.Won).Sum(d => d.Amount ?? 0m),
                LostValue = g.Where(d => d.Outcome == DealOutcome.Lost).Sum(d => d.Amount ?? 0m),
                CycleDays = g.Where(d => d.Outcome == DealOutcome.Won).Sum(d => (long)(d.ClosedOn!.Value.DayNumber - d.CreatedOn.DayNumber)),
            })
            .ToList()
            .Count;

    [Benchmark]
    public int LibraryRecords() => PipelineCube.Compute(deals).Length;

    [Benchmark]
    public int LibraryColumnar() => PipelineCube.Compute(batch).Length;

    [Benchmark]
    public int DuckDb()
    {
        using var command = duck.CreateCommand();
        command.CommandText = Sql;
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }
}
