using System.Globalization;
using Microsoft.Data.Sqlite;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>
/// An independent oracle: the same generated deals loaded into SQLite, with win rates, mix, cycle
/// statistics, partner and customer concentration per (district, motion class, quarter) computed in SQL, must
/// agree with the library's grouped accumulators.
/// </summary>
public class SqliteOracleTests
{
    private const int DealCount = 5_000;
    private static readonly string[] Columns = ["$grp", "$partner", "$account", "$outcome", "$hunting", "$cents", "$cycle"];

    private const string GroupSql = """
        WITH won AS (
            SELECT grp, cycle, ROW_NUMBER() OVER (PARTITION BY grp ORDER BY cycle) AS rn, COUNT(*) OVER (PARTITION BY grp) AS n
            FROM deal WHERE outcome = 'Won'),
        partner AS (
            SELECT grp, partner, SUM(cents) AS cents FROM deal WHERE outcome = 'Won' AND partner IS NOT NULL GROUP BY grp, partner),
        hhi AS (
            SELECT p.grp, SUM((p.cents * 1.0 / t.total) * (p.cents * 1.0 / t.total)) * 10000 AS hhi
            FROM partner p JOIN (SELECT grp, SUM(cents) AS total FROM partner GROUP BY grp) t ON t.grp = p.grp
            WHERE t.total > 0 GROUP BY p.grp),
        account AS (
            SELECT grp, account, SUM(cents) AS cents FROM deal WHERE outcome = 'Won' GROUP BY grp, account),
        customer_hhi AS (
            SELECT a.grp, SUM((a.cents * 1.0 / t.total) * (a.cents * 1.0 / t.total)) * 10000 AS hhi
            FROM account a JOIN (SELECT grp, SUM(cents) AS total FROM account GROUP BY grp) t ON t.grp = a.grp
            WHERE t.total > 0 GROUP BY a.grp)
        SELECT d.grp,
               COUNT(*),
               SUM(outcome = 'Won'),
               SUM(outcome = 'Lost'),
               SUM(CASE WHEN outcome = 'Won' THEN cents ELSE 0 END),
               SUM(CASE WHEN outcome = 'Lost' THEN cents ELSE 0 END),
               SUM(outcome = 'Won' AND hunting),
               SUM(CASE WHEN outcome = 'Won' AND hunting THEN cents ELSE 0 END),
               (SELECT AVG(cycle) FROM won w WHERE w.grp = d.grp),
               (SELECT AVG(cycle) FROM won w WHERE w.grp = d.grp AND w.rn IN ((w.n + 1) / 2, w.n / 2 + 1)),
               (SELECT cycle FROM won w WHERE w.grp = d.grp AND w.rn = (9 * w.n + 9) / 10),
               (SELECT hhi FROM hhi h WHERE h.grp = d.grp),
               SUM(outcome = 'Lost' AND cents > 0),
               (SELECT hhi FROM customer_hhi c WHERE c.grp = d.grp),
               (SELECT COUNT(*) FROM account a WHERE a.grp = d.grp)
        FROM deal d GROUP BY d.grp ORDER BY d.grp
        """;

    [Property(MaxTest = 3)]
    public Property GroupedMetrics_AgreeWithSql() =>
        Prop.ForAll(
            Gen.CollectToArray(Enumerable.Range(0, DealCount), i => ModelGenerators.DealNumbered(i, ModelGenerators.CentAmount)).ToArbitrary(),
            deals =>
            {
                var library = PipelineAnalytics.GroupBy(deals, o => Group(o)).Groups.ToDictionary(g => g.Key!, g => g.Result);
                var oracle = Query(deals);

                Assert.Equal(library.Keys.Order(StringComparer.Ordinal), oracle.Keys.Order(StringComparer.Ordinal));
                foreach (var (group, row) in oracle)
                {
                    var result = library[group];
                    Assert.Equal(row.Count, result.Count);
                    Assert.Equal((row.Won, row.Lost), (result.WonCount, result.LostCount));
                    Assert.Equal(row.WonCents / 100m, result.WonValue);
                    Assert.Equal(row.LostCents / 100m, result.LostValue);
                    Assert.Equal(Rate(row.Won, row.Won + row.Lost), result.WinRateByCount);
                    Assert.Equal(row.LostWithAmount, result.LostWithAmountCount);
                    var valueRateDefined = row.WonCents + row.LostCents > 0 && (row.Lost == 0 || row.LostWithAmount > 0);
                    AssertClose(valueRateDefined ? (double)row.WonCents / (row.WonCents + row.LostCents) : null, result.WinRateByValue);
                    Assert.Equal(valueRateDefined, result.NoteFor(nameof(PipelineResult.WinRateByValue)) is null);
                    Assert.Equal(Rate(row.HuntingWon, row.Won), result.HuntingShareByCount);
                    AssertClose(row.WonCents == 0 ? null : (double)row.HuntingCents / row.WonCents, result.HuntingShareByValue);
                    AssertClose(row.MeanCycle, result.WonCycle?.Mean);
                    AssertClose(row.MedianCycle, result.WonCycle?.Median);
                    Assert.Equal(row.P90Cycle, result.WonCycle?.Percentile90);
                    AssertClose(row.PartnerHhi, result.PartnerConcentration);
                    AssertClose(row.CustomerHhi, result.CustomerConcentration);
                    Assert.Equal(row.Customers, result.CustomersWithWins);
                }
            });

    private static string Group(Opportunity o) => $"{o.District ?? "-"}|{o.MotionClass}|{PipelineKeys.Quarter(o)}";

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e)
        {
            Assert.Equal(e, actual!.Value, 1e-9 * Math.Max(1.0, Math.Abs(e)));
        }
    }

    private static Dictionary<string, Row> Query(Opportunity[] deals)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE deal (grp TEXT, partner TEXT, account TEXT, outcome TEXT, hunting INTEGER, cents INTEGER, cycle INTEGER)";
            create.ExecuteNonQuery();
        }

        using (var transaction = connection.BeginTransaction())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO deal VALUES ($grp, $partner, $account, $outcome, $hunting, $cents, $cycle)";
            var parameters = Columns.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
            foreach (var deal in deals)
            {
                parameters[0].Value = Group(deal);
                parameters[1].Value = (object?)deal.PartnerId?.Value ?? DBNull.Value;
                parameters[2].Value = deal.AccountId.Value;
                parameters[3].Value = deal.Outcome.ToString();
                parameters[4].Value = deal.MotionClass == MotionClass.Hunting ? 1 : 0;
                parameters[5].Value = (long)((deal.Amount ?? 0m) * 100);
                parameters[6].Value = deal.ClosedOn is { } closed ? closed.DayNumber - deal.CreatedOn.DayNumber : DBNull.Value;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        using var query = connection.CreateCommand();
        query.CommandText = GroupSql;
        using var reader = query.ExecuteReader();
        var rows = new Dictionary<string, Row>();
        while (reader.Read())
        {
            double? Real(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            rows[reader.GetString(0)] = new Row(
                reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7),
                Real(8), Real(9), reader.IsDBNull(10) ? null : reader.GetInt32(10), Real(11), reader.GetInt64(12), Real(13), reader.GetInt64(14));
        }

        return rows;
    }

    private sealed record Row(long Count, long Won, long Lost, long WonCents, long LostCents, long HuntingWon, long HuntingCents, double? MeanCycle, double? MedianCycle, int? P90Cycle, double? PartnerHhi, long LostWithAmount, double? CustomerHhi, long Customers)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} deals, {Won} won, {Lost} lost");
    }
}
