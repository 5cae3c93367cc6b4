using System.Text;

namespace PartnerMetrics.Cli;

/// <summary>
/// Writes a table as Spectre.Console lays out a <c>Table</c> with the <c>TableBorder.Minimal</c> border and no colours:
/// a blank line, the headers, a rule under them when rows follow, the rows, a blank line; each cell padded to its column's widest and
/// set between single spaces, columns divided by a vertical line. Row by row, so a table of many rows is never held
/// laid out whole. <c>SummaryTableTests</c> compares the two over generated tables.
/// </summary>
internal static class PlainTable
{
    /// <summary>Writes the table, if each of its characters takes one column and it fits <paramref name="width"/>.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="width">The columns the table may take.</param>
    /// <param name="headers">The headers.</param>
    /// <param name="rows">The rows: a cell per header, the text it shows.</param>
    /// <returns>Whether the table was written; when it was not, nothing was.</returns>
    public static bool TryWrite(TextWriter writer, int width, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var widths = new int[headers.Count];
        if (!Measure(headers, widths))
        {
            return false;
        }

        foreach (var row in rows)
        {
            if (row.Length != headers.Count || !Measure(row, widths))
            {
                return false;
            }
        }

        // An edge, each column with a space either side, a line between two columns, an edge.
        var total = 2 + widths.Sum() + (3 * widths.Length) - 1;
        if (total > width)
        {
            return false;
        }

        var line = new StringBuilder(total + Environment.NewLine.Length);
        var blank = new string(' ', total) + Environment.NewLine;
        writer.Write(blank);
        writer.Write(Row(line, headers, widths));
        if (rows.Count > 0)
        {
            // The rule under the headers, only above rows.
            line.Clear().Append(' ');
            for (var column = 0; column < widths.Length; column++)
            {
                line.Append(column == 0 ? string.Empty : "┼").Append('─', widths[column] + 2);
            }

            writer.Write(line.Append(' ').Append(Environment.NewLine).ToString());
        }

        foreach (var row in rows)
        {
            writer.Write(Row(line, row, widths));
        }

        writer.Write(blank);
        return true;
    }

    /// <summary>Widens <paramref name="widths"/> to the cells; false when a cell has a character that may not take exactly one column.</summary>
    private static bool Measure(IReadOnlyList<string> cells, int[] widths)
    {
        for (var column = 0; column < cells.Count; column++)
        {
            foreach (var c in cells[column])
            {
                // Printable ASCII, and the ellipsis a shortened cell ends with.
                if (c is (< ' ' or > '~') and not '…')
                {
                    return false;
                }
            }

            widths[column] = Math.Max(widths[column], cells[column].Length);
        }

        return true;
    }

    private static string Row(StringBuilder line, IReadOnlyList<string> cells, int[] widths)
    {
        line.Clear().Append(' ');
        for (var column = 0; column < widths.Length; column++)
        {
            line.Append(column == 0 ? " " : "│ ").Append(cells[column]).Append(' ', widths[column] - cells[column].Length + 1);
        }

        return line.Append(' ').Append(Environment.NewLine).ToString();
    }
}
