using System.Globalization;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Benchmarks;

/// <summary>
/// The full grouped analytics that <c>pipeline</c> and <c>IPipelineAnalytics</c> run, per district × motion class ×
/// quarter over the same in-memory deals: the library streaming deal by deal on one thread
/// (<see cref="PipelineAnalytics.GroupBy{TKey}(IEnumerable{Opportunity}, Func{Opportunity, TKey}, PipelineOptions?)"/>)
/// and on every core (<see cref="PipelineAnalytics.GroupBy{TKey}(IReadOnlyList{Opportunity}, Func{Opportunity, TKey}, ParallelOptions, PipelineOptions?)"/>),
/// DuckDB computing the same figures in SQL over the same rows already in an in-memory table on every core (counts and
/// values by outcome, hunting wins and value, median and 90th percentile of the won cycle, the partner HHI and the
/// customer HHI of won value; query only), and a naive LINQ version of the same figures.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LargeInputConfig))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet classes cannot be sealed; the connection is closed in GlobalCleanup.")]
public class FullAnalyticsBenchmarks
{
    /// <summary>
    /// The figures in SQL, written as DuckDB computes them fastest: each concentration index as Σ w² ÷ (Σ w)² of the
    /// group's per-partner (per-customer) won values, one grouped aggregate over the sums, rather than each share against
    /// a window total (the same index; the window form took DuckDB about 1.6 times as long at 1M and 10M deals).
    /// </summary>
    private const string Sql = """
        WITH p AS (
            SELECT district, motion_class, quarter, sum(amount) AS won
            FROM deals WHERE outcome = 1 AND partner IS NOT NULL GROUP BY district, motion_class, quarter, partner),
        h AS (
            SELECT district, motion_class, quarter, sum(power(won::DOUBLE, 2)) / power(sum(won)::DOUBLE, 2) * 10000 AS hhi
            FROM p GROUP BY district, motion_class, quarter HAVING sum(won) > 0),
        a AS (
            SELECT district, motion_class, quarter, sum(amount) AS won
            FROM deals WHERE outcome = 1 GROUP BY district, motion_class, quarter, account),
        c AS (
            SELECT district, motion_class, quarter, sum(power(won::DOUBLE, 2)) / power(sum(won)::DOUBLE, 2) * 10000 AS customer_hhi
            FROM a GROUP BY district, motion_class, quarter HAVING sum(won) > 0),
        g AS (
            SELECT district, motion_class, quarter, count(*) AS deals,
                   count(*) FILTER (WHERE outcome = 0) AS open, count(*) FILTER (WHERE outcome = 1) AS won, count(*) FILTER (WHERE outcome = 2) AS lost,
                   sum(amount) FILTER (WHERE outcome = 0) AS open_value, sum(amount) FILTER (WHERE outcome = 1) AS won_value, sum(amount) FILTER (WHERE outcome = 2) AS lost_value,
                   count(*) FILTER (WHERE outcome = 1 AND motion_class = 0) AS hunting_won, sum(amount) FILTER (WHERE outcome = 1 AND motion_class = 0) AS hunting_value,
                   quantile_cont(cycle, 0.5) FILTER (WHERE outcome = 1) AS median_cycle, quantile_disc(cycle, 0.9) FILTER (WHERE outcome = 1) AS p90_cycle
            FROM deals GROUP BY district, motion_class, quarter)
        SELECT g.*, h.hhi, c.customer_hhi FROM g LEFT JOIN h USING (district, motion_class, quarter) LEFT JOIN c USING (district, motion_class, quarter)
        """;

    private Opportunity[] deals = [];
    private DuckDBConnection duck = null!;

    /// <summary>Gets or sets the number of deals.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Deals { get; set; }

    /// <summary>Gets the sizes: a scaling series from 10k to 10M deals.</summary>
    public static IEnumerable<int> Sizes => Suite.Sizes(10_000, 10_000, 100_000, 1_000_000, 10_000_000);

    [GlobalSetup]
    public void Setup()
    {
        deals = SyntheticPipeline.Create(Deals);
        duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        DuckDbRows.CreateDeals(duck, deals, withParties: true);

        if (Suite.Quick)
        {
            CheckTheyAgree();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => duck.Dispose();

    [Benchmark(Baseline = true)]
    public int DuckDbFull() => RunSql().Count;

    [Benchmark]
    public int LibraryStreaming() => Library().Groups.Length;

    [Benchmark]
    public int LibraryParallel() => LibraryOnEveryCore().Groups.Length;

    [Benchmark]
    public int NaiveLinqFull() => NaiveLinq().Count;

    private static (string?, MotionClass, Quarter) Key(Opportunity deal) => (deal.District, deal.MotionClass, Quarter.Of(deal.CreatedOn));

    private GroupedPipelineResult<(string?, MotionClass, Quarter)> Library() => PipelineAnalytics.GroupBy(deals, Key);

    private GroupedPipelineResult<(string?, MotionClass, Quarter)> LibraryOnEveryCore() => PipelineAnalytics.GroupBy(deals, Key, new ParallelOptions());

    /// <summary>The same figures the obvious way: group, then filter, sort and sum each group again for each figure.</summary>
    private List<(int Deals, long Open, long Won, long Lost, decimal OpenValue, decimal WonValue, decimal LostValue, long HuntingWon, decimal HuntingValue, double? Median, int? Percentile90, double? Hhi, double? CustomerHhi)> NaiveLinq() =>
        [.. deals.GroupBy(d => (d.District, d.MotionClass, Quarter.Of(d.CreatedOn)))
            .Select(g =>
            {
                var won = g.Where(d => d.Outcome == DealOutcome.Won).ToList();
                var cycles = won.Select(d => d.ClosedOn!.Value.DayNumber - d.CreatedOn.DayNumber).Order().ToList();
                double? median = cycles.Count == 0 ? null : cycles.Count % 2 == 1 ? cycles[cycles.Count / 2] : (cycles[(cycles.Count / 2) - 1] + cycles[cycles.Count / 2]) / 2.0;
                int? p90 = cycles.Count == 0 ? null : cycles[(int)Math.Ceiling(0.9 * cycles.Count) - 1];
                var byPartner = won.Where(d => d.PartnerId is not null).GroupBy(d => d.PartnerId).Select(p => p.Sum(d => d.Amount ?? 0m)).ToList();
                var total = byPartner.Sum();
                double? hhi = total > 0 ? (double)byPartner.Sum(v => v / total * (v / total)) * 10_000 : null;
                var byAccount = won.GroupBy(d => d.AccountId).Select(a => a.Sum(d => d.Amount ?? 0m)).ToList();
                var wonValue = byAccount.Sum();
                double? customerHhi = wonValue > 0 ? (double)byAccount.Sum(v => v / wonValue * (v / wonValue)) * 10_000 : null;
                var hunting = won.Where(d => d.MotionClass == MotionClass.Hunting).ToList();
                return (
                    g.Count(),
                    (long)g.Count(d => d.Outcome == DealOutcome.Open),
                    (long)won.Count,
                    (long)g.Count(d => d.Outcome == DealOutcome.Lost),
                    g.Where(d => d.Outcome == DealOutcome.Open).Sum(d => d.Amount ?? 0m),
                    won.Sum(d => d.Amount ?? 0m),
                    g.Where(d => d.Outcome == DealOutcome.Lost).Sum(d => d.Amount ?? 0m),
                    (long)hunting.Count,
                    hunting.Sum(d => d.Amount ?? 0m),
                    median,
                    p90,
                    hhi,
                    customerHhi);
            })];

    /// <summary>In quick mode (CI), the SQL and the LINQ version must compute the library's figures, so that all three do the same work.</summary>
    private void CheckTheyAgree()
    {
        var library = Library().Groups.ToDictionary(g => (g.Key.Item1, (int)g.Key.Item2, (g.Key.Item3.Year * 4) + g.Key.Item3.Number - 1), g => g.Result);
        var rows = RunSql();

        // One row per group of the library's, no more and no fewer (a group the SQL left out would otherwise pass).
        if (rows.Count != library.Count)
        {
            throw new InvalidOperationException($"The SQL of {nameof(FullAnalyticsBenchmarks)} returns {rows.Count} groups where the library has {library.Count}.");
        }

        foreach (var row in rows)
        {
            var key = ((string?)(row[0] is DBNull ? null : row[0]), Convert.ToInt32(row[1], CultureInfo.InvariantCulture), Convert.ToInt32(row[2], CultureInfo.InvariantCulture));
            var agree = library.TryGetValue(key, out var result)
                && result.Count == Convert.ToInt64(row[3], CultureInfo.InvariantCulture)
                && result.OpenCount == Convert.ToInt64(row[4], CultureInfo.InvariantCulture)
                && result.WonCount == Convert.ToInt64(row[5], CultureInfo.InvariantCulture)
                && result.LostCount == Convert.ToInt64(row[6], CultureInfo.InvariantCulture)
                && result.OpenValue == Value(row[7])
                && result.WonValue == Value(row[8])
                && result.LostValue == Value(row[9])
                && result.HuntingWonCount == Convert.ToInt64(row[10], CultureInfo.InvariantCulture)
                && result.HuntingWonValue == Value(row[11])
                && result.WonCycle?.Median == (row[12] is DBNull ? null : Convert.ToDouble(row[12], CultureInfo.InvariantCulture))
                && result.WonCycle?.Percentile90 == (row[13] is DBNull ? null : Convert.ToInt32(row[13], CultureInfo.InvariantCulture))
                && Math.Abs((result.PartnerConcentration ?? -1) - (row[14] is DBNull ? -1 : Convert.ToDouble(row[14], CultureInfo.InvariantCulture))) < 1e-6
                && Math.Abs((result.CustomerConcentration ?? -1) - (row[15] is DBNull ? -1 : Convert.ToDouble(row[15], CultureInfo.InvariantCulture))) < 1e-6;
            if (!agree)
            {
                throw new InvalidOperationException($"The SQL of {nameof(FullAnalyticsBenchmarks)} does not compute the library's figures for group {key}.");
            }
        }

        if (!LibraryOnEveryCore().Equals(Library()))
        {
            throw new InvalidOperationException($"The library's grouping on every core does not equal its grouping on one thread in {nameof(FullAnalyticsBenchmarks)}.");
        }

        // Every figure of the LINQ version, concentrations included (to a millionth of a point: LINQ divides decimals).
        var linq = NaiveLinq().OrderBy(l => (l.Deals, l.Won, l.WonValue, l.OpenValue, l.LostValue)).ToList();
        var fromLibrary = Library().Groups.Select(g => g.Result).OrderBy(r => ((int)r.Count, r.WonCount, r.WonValue, r.OpenValue, r.LostValue)).ToList();
        var linqAgrees = linq.Count == fromLibrary.Count && linq.Zip(fromLibrary).All(pair =>
            (pair.First.Deals, pair.First.Open, pair.First.Won, pair.First.Lost, pair.First.OpenValue, pair.First.WonValue, pair.First.LostValue, pair.First.HuntingWon, pair.First.HuntingValue, pair.First.Median, pair.First.Percentile90)
                == ((int)pair.Second.Count, pair.Second.OpenCount, pair.Second.WonCount, pair.Second.LostCount, pair.Second.OpenValue, pair.Second.WonValue, pair.Second.LostValue, pair.Second.HuntingWonCount, pair.Second.HuntingWonValue, pair.Second.WonCycle?.Median, pair.Second.WonCycle?.Percentile90)
            && Math.Abs((pair.First.Hhi ?? -1) - (pair.Second.PartnerConcentration ?? -1)) < 1e-6
            && Math.Abs((pair.First.CustomerHhi ?? -1) - (pair.Second.CustomerConcentration ?? -1)) < 1e-6);
        if (!linqAgrees)
        {
            throw new InvalidOperationException($"The LINQ version of {nameof(FullAnalyticsBenchmarks)} does not compute the library's figures.");
        }

        static decimal Value(object cell) => cell is DBNull ? 0m : Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
    }

    private List<object[]> RunSql() => DuckDbRows.Read(duck, Sql);
}
