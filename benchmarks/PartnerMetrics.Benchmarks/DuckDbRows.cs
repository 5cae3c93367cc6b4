using DuckDB.NET.Data;

namespace PartnerMetrics.Benchmarks;

/// <summary>Runs a query on DuckDB and reads every row, for the benchmarks that compare with it.</summary>
internal static class DuckDbRows
{
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
