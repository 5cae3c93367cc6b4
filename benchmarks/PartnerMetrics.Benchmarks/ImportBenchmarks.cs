using System.Globalization;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using PartnerMetrics.Import;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// A Salesforce-shaped opportunity report (US dates, <c>USD 12,000.00</c> amounts, report labels) read end to end
/// from a CSV file into the per-district pipeline report: PartnerMetrics.Import with the built-in profile streaming
/// into the grouped accumulators, against DuckDB's CSV reader running the equivalent SQL on the same file in the
/// same run (per district: counts and values by outcome, hunting count and value, mean, median and 90th percentile
/// of the won cycle, and the partner and customer HHIs of won value).
/// </summary>
[Config(typeof(LargeInputConfig))]
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet classes cannot be sealed; the connection is closed in GlobalCleanup.")]
public class ImportBenchmarks
{
    /// <summary>
    /// The report in SQL, written as DuckDB runs it fastest: the two date columns read as dates by the CSV reader itself
    /// (its <c>dateformat</c>) and each concentration index as Σ w² ÷ (Σ w)² in one grouped aggregate. An earlier form
    /// read every column as text, parsed the dates with <c>strptime</c> and computed each index in a correlated
    /// subquery, which cost DuckDB about a tenth more time at 1M rows for the same figures.
    /// </summary>
    private const string Sql = """
        WITH d AS (
            SELECT "Owner Region" AS district,
                   CASE "Stage" WHEN 'Closed Won' THEN 1 WHEN 'Closed Lost' THEN 2 ELSE 0 END AS outcome,
                   CAST(nullif(replace(replace(replace("Amount", 'USD ', ''), '$', ''), ',', ''), '') AS DECIMAL(18, 2)) AS amount,
                   "Type" = 'New Customer' AS hunting,
                   nullif("Partner Account", '') AS partner,
                   "Account Name" AS account,
                   "Close Date" - "Created Date" AS cycle
            FROM read_csv('{0}', header = true, dateformat = '%m/%d/%Y', columns = {{'Opportunity ID': 'VARCHAR', 'Opportunity Name': 'VARCHAR', 'Account Name': 'VARCHAR', 'Stage': 'VARCHAR', 'Amount': 'VARCHAR', 'Close Date': 'DATE', 'Created Date': 'DATE', 'Type': 'VARCHAR', 'Lead Source': 'VARCHAR', 'Partner Account': 'VARCHAR', 'Owner Region': 'VARCHAR'}})),
        p AS (SELECT district, sum(amount) AS won FROM d WHERE outcome = 1 AND partner IS NOT NULL GROUP BY district, partner),
        h AS (SELECT district, sum(power(won::DOUBLE, 2)) / power(sum(won)::DOUBLE, 2) * 10000 AS hhi FROM p GROUP BY district HAVING sum(won) > 0),
        a AS (SELECT district, sum(amount) AS won FROM d WHERE outcome = 1 GROUP BY district, account),
        c AS (SELECT district, sum(power(won::DOUBLE, 2)) / power(sum(won)::DOUBLE, 2) * 10000 AS hhi FROM a GROUP BY district HAVING sum(won) > 0),
        g AS (SELECT district, count(*) AS n,
               count(*) FILTER (WHERE outcome = 0) AS o, count(*) FILTER (WHERE outcome = 1) AS w, count(*) FILTER (WHERE outcome = 2) AS l,
               sum(amount) FILTER (WHERE outcome = 0) AS ov, sum(amount) FILTER (WHERE outcome = 1) AS wv, sum(amount) FILTER (WHERE outcome = 2) AS lv,
               count(*) FILTER (WHERE outcome = 1 AND hunting) AS hw, sum(amount) FILTER (WHERE outcome = 1 AND hunting) AS hv,
               avg(cycle) FILTER (WHERE outcome = 1) AS mean, quantile_cont(cycle, 0.5) FILTER (WHERE outcome = 1) AS median,
               quantile_disc(cycle, 0.9) FILTER (WHERE outcome = 1) AS p90
            FROM d GROUP BY district)
        SELECT g.*, h.hhi, c.hhi FROM g LEFT JOIN h USING (district) LEFT JOIN c USING (district)
        """;

    private static readonly string[] Regions = ["EMEA", "AMER", "APAC", "LATAM"];
    private static readonly string[] Types = ["New Customer", "Existing Customer - Upgrade", "Existing Customer - Replacement", "Existing Customer - Downgrade"];
    private static readonly string[] OpenStages = ["Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review"];

    // The report computed as `partnermetrics pipeline` computes it: the groups and the total on every core.
    private static readonly ParallelOptions AllCores = new();

    private static readonly System.Text.CompositeFormat Query = System.Text.CompositeFormat.Parse(Sql);

    private string path = string.Empty;
    private DuckDBConnection duck = null!;

    /// <summary>Gets or sets the number of rows of the export.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Rows { get; set; }

    /// <summary>Gets the sizes: the published 1M rows.</summary>
    public static IEnumerable<int> Sizes => Suite.Sizes(2_000, 1_000_000);

    [GlobalSetup]
    public void Setup()
    {
        path = Path.Combine(Path.GetTempPath(), $"partnermetrics-import-{Rows}.csv");
        Write(path, Rows);
        duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        if (Suite.Quick)
        {
            CheckTheSqlAgrees();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        duck.Dispose();
        File.Delete(path);
    }

    [Benchmark(Baseline = true)]
    public int DuckDbCsv() => RunSql().Count;

    /// <summary>What <c>partnermetrics pipeline</c> runs: blocks of the file parsed and accumulated on both cores, merged in file order, each block's grouping cleared and reused.</summary>
    [Benchmark]
    public int LibraryImport() => Library().Groups.Length;

    /// <summary>As <see cref="LibraryImport"/>, with a new grouping for every block instead of cleared ones reused.</summary>
    [Benchmark]
    public int LibraryImportNewPerBlock() => Library(reuse: false).Groups.Length;

    /// <summary>The deals enumerated in file order (parsed on both cores) and added on the enumerating thread.</summary>
    [Benchmark]
    public int LibraryImportInOrder() => InOrder(Environment.ProcessorCount).Groups.Length;

    /// <summary>The same on one thread: parsing and adding on the enumerating thread.</summary>
    [Benchmark]
    public int LibraryImportOneThread() => InOrder(1).Groups.Length;

    /// <summary>
    /// Times DuckDB and <see cref="LibraryImport"/> in alternation, one of each per round, the first of a round
    /// alternating, after two rounds of warm-up, and writes each round and the medians as markdown. On a machine whose
    /// speed drifts from minute to minute (a shared virtual machine), the ratio within a round compares the two at the
    /// same moment, where separate runs of each compare different moments. The SQL is first checked to compute the
    /// library's figures, and the heap is collected before each run, as BenchmarkDotNet does before each iteration.
    /// </summary>
    public static void Paired(int rows, int rounds, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var benchmark = new ImportBenchmarks { Rows = rows };
        benchmark.Setup();
        try
        {
            benchmark.CheckTheSqlAgrees();
            var times = new List<(double Duck, double Library)>();
            for (var round = -2; round < rounds; round++)
            {
                var duckFirst = round % 2 == 0;
                var first = Time(duckFirst ? benchmark.DuckDbCsv : benchmark.LibraryImport);
                var second = Time(duckFirst ? benchmark.LibraryImport : benchmark.DuckDbCsv);
                if (round >= 0)
                {
                    times.Add(duckFirst ? (first, second) : (second, first));
                }
            }

            var invariant = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(invariant, $"{rows:N0} rows, {rounds} rounds after 2 of warm-up, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
            output.WriteLine();
            output.WriteLine("| Round | First | DuckDbCsv (ms) | LibraryImport (ms) | Ratio |");
            output.WriteLine("| ---: | --- | ---: | ---: | ---: |");
            for (var i = 0; i < times.Count; i++)
            {
                output.WriteLine(string.Create(invariant, $"| {i + 1} | {(i % 2 == 0 ? "DuckDB" : "library")} | {times[i].Duck:F1} | {times[i].Library:F1} | {times[i].Library / times[i].Duck:F3} |"));
            }

            var ratios = times.Select(t => t.Library / t.Duck).ToArray();
            output.WriteLine();
            output.WriteLine(string.Create(invariant, $"Median: DuckDbCsv {Median(times.Select(t => t.Duck)):F1} ms, LibraryImport {Median(times.Select(t => t.Library)):F1} ms; ratio within a round: median {Median(ratios):F3}, from {ratios.Min():F3} to {ratios.Max():F3}; the library was faster in {ratios.Count(r => r < 1)} of {ratios.Length} rounds."));
        }
        finally
        {
            benchmark.Cleanup();
        }

        static double Time(Func<int> run)
        {
            // As BenchmarkDotNet does before each iteration: no collection of the run before may overlap this one.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            GC.KeepAlive(run());
            return watch.Elapsed.TotalMilliseconds;
        }

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    /// <summary>In quick mode (CI), the SQL must compute the library's figures, so that the two sides do the same work, and the four library paths the same figures.</summary>
    private void CheckTheSqlAgrees()
    {
        var figures = Library();
        foreach (var other in (ReadOnlySpan<GroupedPipelineResult<string>>)[Library(reuse: false), InOrder(Environment.ProcessorCount), InOrder(1)])
        {
            if (!figures.Groups.Select(g => (g.Key, g.Result)).SequenceEqual(other.Groups.Select(g => (g.Key, g.Result))))
            {
                throw new InvalidOperationException($"The library's import paths of {nameof(ImportBenchmarks)} do not compute the same figures.");
            }
        }

        var library = figures.Groups.ToDictionary(g => g.Key!, g => g.Result);
        var rows = RunSql();
        if (rows.Count != library.Count)
        {
            throw new InvalidOperationException($"The SQL of {nameof(ImportBenchmarks)} returns {rows.Count} districts where the library has {library.Count}.");
        }

        // Every figure the SQL computes: counts and values by outcome, hunting count and value, mean, median and 90th
        // percentile of the won cycle, and both concentration indexes.
        foreach (var row in rows)
        {
            var agree = library.TryGetValue((string)row[0], out var result)
                && result.Count == Convert.ToInt64(row[1], CultureInfo.InvariantCulture)
                && result.OpenCount == Convert.ToInt64(row[2], CultureInfo.InvariantCulture)
                && result.WonCount == Convert.ToInt64(row[3], CultureInfo.InvariantCulture)
                && result.LostCount == Convert.ToInt64(row[4], CultureInfo.InvariantCulture)
                && result.OpenValue == Value(row[5])
                && result.WonValue == Value(row[6])
                && result.LostValue == Value(row[7])
                && result.HuntingWonCount == Convert.ToInt64(row[8], CultureInfo.InvariantCulture)
                && result.HuntingWonValue == Value(row[9])
                && Math.Abs(result.WonCycle!.Mean - Convert.ToDouble(row[10], CultureInfo.InvariantCulture)) < 1e-9
                && result.WonCycle.Median == Convert.ToDouble(row[11], CultureInfo.InvariantCulture)
                && result.WonCycle.Percentile90 == Convert.ToInt32(row[12], CultureInfo.InvariantCulture)
                && Math.Abs(result.PartnerConcentration!.Value - Convert.ToDouble(row[13], CultureInfo.InvariantCulture)) < 1e-6
                && Math.Abs(result.CustomerConcentration!.Value - Convert.ToDouble(row[14], CultureInfo.InvariantCulture)) < 1e-6;
            if (!agree)
            {
                throw new InvalidOperationException($"The SQL of {nameof(ImportBenchmarks)} does not compute the library's figures for district {row[0]}.");
            }
        }

        static decimal Value(object cell) => cell is DBNull ? 0m : Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
    }

    private List<object[]> RunSql() =>
        DuckDbRows.Read(duck, string.Format(CultureInfo.InvariantCulture, Query, path.Replace("'", "''", StringComparison.Ordinal)));

    private GroupedPipelineResult<string> Library(bool reuse = true)
    {
        var accumulator = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        using var file = Open();
        var importer = new OpportunityImporter(ImportProfile.Salesforce);
        if (reuse)
        {
            importer.ReadCsvInto(file, accumulator, Create, static (block, deal) => block.Add(deal), static (total, block) => total.Merge(block), static block => block.Clear());
        }
        else
        {
            importer.ReadCsvInto(file, accumulator, Create, static (block, deal) => block.Add(deal), static (total, block) => total.Merge(block));
        }

        return accumulator.Result(options: null, AllCores);

        static GroupedPipelineAccumulator<string> Create() => new(PipelineKeys.District);
    }

    private GroupedPipelineResult<string> InOrder(int threads)
    {
        var accumulator = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        using var file = Open();
        foreach (var deal in new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = threads }.ReadCsv(file))
        {
            accumulator.Add(deal);
        }

        return accumulator.Result(options: null, AllCores);
    }

    private FileStream Open() => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>Writes a deterministic Salesforce-shaped report of <paramref name="rows"/> rows.</summary>
    public static void Write(string file, int rows, int seed = 16)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
        writer.Write("Opportunity ID,Opportunity Name,Account Name,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account,Owner Region\r\n");
        var start = new DateOnly(2022, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            var created = start.AddDays(random.Next(0, 1000));
            var close = created.AddDays(random.Next(0, 300));
            var outcome = random.Next(10);
            var stage = outcome < 4 ? "Closed Won" : outcome < 7 ? "Closed Lost" : OpenStages[random.Next(OpenStages.Length)];
            var amount = random.Next(20) == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"\"USD {random.Next(500, 500_000):N0}.{random.Next(100):D2}\"");
            var partner = random.Next(4) == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"Partner {random.Next(400)}");
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"006{i:D12},Deal {i},Account {random.Next(50_000)},{stage},{amount},{close.Month}/{close.Day}/{close.Year},{created.Month}/{created.Day}/{created.Year},{Types[random.Next(Types.Length)]},Web,{partner},{Regions[random.Next(Regions.Length)]}\r\n"));
        }
    }
}
