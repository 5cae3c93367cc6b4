using DuckDB.NET.Data;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Benchmarks;

/// <summary>Loads deals into DuckDB and reads a query's rows, for the benchmarks that compare with it.</summary>
internal static class DuckDbRows
{
    /// <summary>
    /// Creates the table <c>deals</c> in <paramref name="duck"/> and appends every deal: its district, motion class, quarter
    /// of creation (year × 4 + quarter − 1), outcome, amount (0 without one) and cycle in days (0 while open), and, with
    /// <paramref name="withParties"/>, its partner and account.
    /// </summary>
    public static void CreateDeals(DuckDBConnection duck, IEnumerable<Opportunity> deals, bool withParties)
    {
        using (var create = duck.CreateCommand())
        {
            create.CommandText = "CREATE TABLE deals (district VARCHAR, motion_class TINYINT, quarter INTEGER, outcome TINYINT, amount DECIMAL(18, 4), cycle INTEGER"
                + (withParties ? ", partner VARCHAR, account VARCHAR)" : ")");
            create.ExecuteNonQuery();
        }

        using var appender = duck.CreateAppender("deals");
        foreach (var deal in deals)
        {
            var row = appender.CreateRow()
                .AppendValue(deal.District)
                .AppendValue((sbyte)deal.MotionClass)
                .AppendValue((deal.CreatedOn.Year * 4) + ((deal.CreatedOn.Month - 1) / 3))
                .AppendValue((sbyte)deal.Outcome)
                .AppendValue(deal.Amount ?? 0m)
                .AppendValue(Cycle(deal));
            (withParties ? row.AppendValue(deal.PartnerId?.Value).AppendValue(deal.AccountId.Value) : row).EndRow();
        }
    }

    /// <summary>A deal's cycle in days: from its creation to its close, 0 while open.</summary>
    public static int Cycle(Opportunity deal) => deal.ClosedOn is { } closed ? closed.DayNumber - deal.CreatedOn.DayNumber : 0;

    /// <summary>The rows of <paramref name="sql"/>, each as its values.</summary>
    public static List<object[]> Read(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
