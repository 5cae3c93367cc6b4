using System.Globalization;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// The district × motion class × quarter cube (count, open, won, lost, values, won cycle) over 10k to
/// 10M in-memory deals: naive LINQ (baseline), the library from records and from a columnar batch,
/// DuckDB running the same SQL over the same rows already in an in-memory table (query only), the
/// library's full grouped analytics streamed deal by deal, and the physical limit: a plain sum over as
/// many bytes as the columnar path reads.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LargeInputConfig))]
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

    /// <summary>
    /// The same cube over a precomputed dense cell number per deal, as the columnar batch holds one
    /// (<see cref="OpportunityBatch.From(IEnumerable{Opportunity})"/> assigns it before <see cref="LibraryColumnar"/> is timed):
    /// DuckDB given the same head start.
    /// </summary>
    private const string CellSql = """
        SELECT cell, count(*),
               count(*) FILTER (WHERE outcome = 0), count(*) FILTER (WHERE outcome = 1), count(*) FILTER (WHERE outcome = 2),
               sum(amount) FILTER (WHERE outcome = 0), sum(amount) FILTER (WHERE outcome = 1), sum(amount) FILTER (WHERE outcome = 2),
               sum(cycle) FILTER (WHERE outcome = 1)
        FROM cells GROUP BY cell
        """;

    private Opportunity[] deals = [];
    private OpportunityBatch batch = null!;
    private DuckDBConnection duck = null!;
    private ulong[] columnBytes = [];

    /// <summary>Gets or sets the number of deals.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Deals { get; set; }

    /// <summary>Gets the sizes: the published 1M and 10M, and 10k and 100k for the scaling series.</summary>
    public static IEnumerable<int> Sizes => Suite.Sizes(10_000, 10_000, 100_000, 1_000_000, 10_000_000);

    [GlobalSetup]
    public void Setup()
    {
        deals = SyntheticPipeline.Create(Deals);
        batch = OpportunityBatch.From(deals);

        // As many bytes as the columnar path reads (17 a deal), written so that every page is real memory.
        columnBytes = new ulong[((17L * Deals) + 7) / 8];
        for (var i = 0; i < columnBytes.Length; i++)
        {
            columnBytes[i] = (ulong)i;
        }

        duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        DuckDbRows.CreateDeals(duck, deals, withParties: false);

        // Each deal's cell as a dense number, in the order cells are first seen.
        using (var create = duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE cells (cell INTEGER, outcome TINYINT, amount DECIMAL(18, 4), cycle INTEGER)";
            create.ExecuteNonQuery();
        }

        var cells = new Dictionary<(string?, MotionClass, Quarter), int>();
        using (var appender = duck.CreateAppender("cells"))
        {
            foreach (var deal in deals)
            {
                var key = (deal.District, deal.MotionClass, Quarter.Of(deal.CreatedOn));
                if (!cells.TryGetValue(key, out var cell))
                {
                    cells[key] = cell = cells.Count;
                }

                appender.CreateRow().AppendValue(cell).AppendValue((sbyte)deal.Outcome).AppendValue(deal.Amount ?? 0m).AppendValue(DuckDbRows.Cycle(deal)).EndRow();
            }
        }

        if (Suite.Quick)
        {
            CheckTheyAgree(cells);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => duck.Dispose();

    [Benchmark(Baseline = true)]
    public int NaiveLinq() => NaiveLinqCells().Count;

    [Benchmark]
    public int LibraryRecords() => PipelineCube.Compute(deals).Length;

    [Benchmark]
    public int LibraryColumnar() => PipelineCube.Compute(batch).Length;

    /// <summary>The grouped analytics of the pipeline issue (win rates, values, cycle median and p90, partner concentration, profile), one deal at a time.</summary>
    [Benchmark]
    public int LibraryStreaming() => PipelineAnalytics.GroupBy(deals, d => (d.District, d.MotionClass, Quarter.Of(d.CreatedOn))).Groups.Length;

    /// <summary>The physical limit: a vectorised sum over the columnar path's bytes, on all cores.</summary>
    [Benchmark]
    public ulong MemoryBandwidth()
    {
        var partitions = Environment.ProcessorCount;
        var sums = new ulong[partitions];
        Parallel.For(0, partitions, p =>
        {
            var span = columnBytes.AsSpan();
            var from = (int)((long)span.Length * p / partitions);
            var to = (int)((long)span.Length * (p + 1) / partitions);
            var lanes = System.Numerics.Vector<ulong>.Zero;
            var part = span[from..to];
            var i = 0;
            for (; i <= part.Length - System.Numerics.Vector<ulong>.Count; i += System.Numerics.Vector<ulong>.Count)
            {
                lanes += new System.Numerics.Vector<ulong>(part[i..]);
            }

            var sum = System.Numerics.Vector.Sum(lanes);
            for (; i < part.Length; i++)
            {
                sum += part[i];
            }

            sums[p] = sum;
        });

        return unchecked(sums.Aggregate(0UL, (a, b) => a + b));
    }

    [Benchmark]
    public int DuckDb() => Count(Sql);

    /// <summary>DuckDB over the precomputed cell numbers (<see cref="CellSql"/>): the comparison for <see cref="LibraryColumnar"/>.</summary>
    [Benchmark]
    public int DuckDbCells() => Count(CellSql);

    /// <summary>The cube the obvious way: group, then one <c>Count</c> or <c>Sum</c> per figure (one object per cell, as an anonymous type would be).</summary>
    private List<LinqCell> NaiveLinqCells() =>
        deals.GroupBy(d => (d.District, d.MotionClass, Quarter.Of(d.CreatedOn)))
            .Select(g => new LinqCell(
                g.Key,
                g.Count(),
                g.Count(d => d.Outcome == DealOutcome.Open),
                g.Count(d => d.Outcome == DealOutcome.Won),
                g.Count(d => d.Outcome == DealOutcome.Lost),
                g.Where(d => d.Outcome == DealOutcome.Open).Sum(d => d.Amount ?? 0m),
                g.Where(d => d.Outcome == DealOutcome.Won).Sum(d => d.Amount ?? 0m),
                g.Where(d => d.Outcome == DealOutcome.Lost).Sum(d => d.Amount ?? 0m),
                g.Where(d => d.Outcome == DealOutcome.Won).Sum(d => (long)(d.ClosedOn!.Value.DayNumber - d.CreatedOn.DayNumber))))
            .ToList();

    /// <summary>
    /// In quick mode (CI), every cube must hold the columnar path's cells with every figure (counts, values by outcome and
    /// won cycle days), not only as many rows, so that all six rows of the table do the same work.
    /// </summary>
    private void CheckTheyAgree(Dictionary<(string?, MotionClass, Quarter), int> cells)
    {
        static (long, long, long, long, decimal, decimal, decimal, long) Figures(PipelineCell c) =>
            (c.Count, c.OpenCount, c.WonCount, c.LostCount, c.OpenValue, c.WonValue, c.LostValue, c.WonCycleDays);
        static long Long(object cell) => Convert.ToInt64(cell, CultureInfo.InvariantCulture);
        static decimal Value(object cell) => cell is DBNull ? 0m : Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
        static long Days(object cell) => cell switch
        {
            DBNull => 0,
            System.Numerics.BigInteger days => (long)days, // DuckDB sums integers as HUGEINT
            _ => Convert.ToInt64(cell, CultureInfo.InvariantCulture),
        };
        static (long, long, long, long, decimal, decimal, decimal, long) FromSql(object[] row, int at) =>
            (Long(row[at]), Long(row[at + 1]), Long(row[at + 2]), Long(row[at + 3]), Value(row[at + 4]), Value(row[at + 5]), Value(row[at + 6]), Days(row[at + 7]));
        void Fail(string what) => throw new InvalidOperationException($"{what} of {nameof(PipelineBenchmarks)} does not compute the columnar path's cells.");

        var columnar = PipelineCube.Compute(batch).ToDictionary(c => (c.District, c.MotionClass, c.Quarter), Figures);
        if (columnar.Count != cells.Count || !cells.Keys.All(columnar.ContainsKey))
        {
            Fail("The columnar path");
        }

        var records = PipelineCube.Compute(deals);
        if (records.Length != columnar.Count || !records.All(c => columnar.TryGetValue((c.District, c.MotionClass, c.Quarter), out var f) && f == Figures(c)))
        {
            Fail("The record path");
        }

        var linq = NaiveLinqCells();
        if (linq.Count != columnar.Count || !linq.All(c => columnar.TryGetValue(c.Key, out var f)
            && f == (c.Count, c.Open, c.Won, c.Lost, c.OpenValue, c.WonValue, c.LostValue, c.CycleDays)))
        {
            Fail("The LINQ version");
        }

        var byDistrict = DuckDbRows.Read(duck, Sql);
        if (byDistrict.Count != columnar.Count || !byDistrict.All(row => columnar.TryGetValue(
                ((string?)(row[0] is DBNull ? null : row[0]), (MotionClass)Convert.ToInt32(row[1], CultureInfo.InvariantCulture), QuarterOf(Convert.ToInt32(row[2], CultureInfo.InvariantCulture))),
                out var f) && f == FromSql(row, 3)))
        {
            Fail("The SQL grouped by district, motion class and quarter");
        }

        var numbers = cells.ToDictionary(c => c.Value, c => columnar[c.Key]);
        var byCell = DuckDbRows.Read(duck, CellSql);
        if (byCell.Count != columnar.Count || !byCell.All(row => numbers.TryGetValue(Convert.ToInt32(row[0], CultureInfo.InvariantCulture), out var f) && f == FromSql(row, 1)))
        {
            Fail("The SQL over the precomputed cells");
        }

        // The table's quarter is year × 4 + quarter − 1 (DuckDbRows.CreateDeals).
        static Quarter QuarterOf(int number) => Quarter.Of(new DateOnly(number / 4, ((number % 4) * 3) + 1, 1));
    }

    private sealed record LinqCell((string?, MotionClass, Quarter) Key, int Count, int Open, int Won, int Lost, decimal OpenValue, decimal WonValue, decimal LostValue, long CycleDays);

    private int Count(string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return rows;
    }
}
