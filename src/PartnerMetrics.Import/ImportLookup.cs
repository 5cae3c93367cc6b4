using System.Collections.Immutable;
using System.Globalization;

namespace PartnerMetrics.Import;

/// <summary>
/// The values of one <see cref="ImportLookupColumn"/>: a key of the export (such as a sales agent) to the field's value
/// (such as the agent's office), usually read from a second file with <see cref="FromCsv"/>.
/// </summary>
public sealed class ImportLookup
{
    /// <summary>Initializes a new instance of the <see cref="ImportLookup"/> class.</summary>
    /// <param name="field">The field the lookup gives, as in the profile's <see cref="ImportLookupColumn.Field"/>.</param>
    /// <param name="values">Each key and its value; keys are compared exactly, after trimming.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ImportLookup(string field, IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(values);
        Field = field;
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(values));
            if (!builder.TryAdd(key.Trim(), value))
            {
                throw new ArgumentException($"The key '{key}' is given twice.", nameof(values));
            }
        }

        Values = builder.ToImmutable();
    }

    /// <summary>Gets the field the lookup gives.</summary>
    public string Field { get; }

    /// <summary>Gets each key and its value.</summary>
    public ImmutableDictionary<string, string> Values { get; }

    /// <summary>Reads a lookup from a CSV file with a header row: the key column and the value column, by header.</summary>
    /// <param name="field">The field the lookup gives.</param>
    /// <param name="csv">The CSV text (comma-separated, one header row); read to its end and closed.</param>
    /// <param name="keyColumn">The header of the key column, compared as <see cref="ImportProfile.Normalize"/> does.</param>
    /// <param name="valueColumn">The header of the value column.</param>
    /// <returns>The lookup.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ImportException">A column is missing, a key is given twice, a row has another number of fields than the header, or the file is not CSV.</exception>
    /// <remarks>A row without a key, or without a value, is skipped: a key without a value keeps the profile's default.</remarks>
    public static ImportLookup FromCsv(string field, TextReader csv, string keyColumn, string valueColumn)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(keyColumn);
        ArgumentNullException.ThrowIfNull(valueColumn);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        CsvSource.Read(csv, header =>
        {
            var key = header.Find(keyColumn);
            var value = header.Find(valueColumn);
            if (key < 0 || value < 0)
            {
                throw new ImportException(new ImportProblem(1, null, null, $"the lookup file for '{field}' needs the columns \"{keyColumn}\" and \"{valueColumn}\"; its header has {header.Describe()}."));
            }

            return (row, line) =>
            {
                // A value with an unquoted comma shifts every later column: "Smith, John,West" would map Smith to John.
                if (row.Ragged)
                {
                    throw new ImportException(new ImportProblem(line, null, null, string.Create(CultureInfo.InvariantCulture, $"the row of the lookup file for '{field}' has {row.FieldCount} {(row.FieldCount == 1 ? "field" : "fields")} where the header has {header.Count}; is a value with a comma or a quote not quoted?")));
                }

                if (row.Text(key) is not { } k)
                {
                    return;
                }

                // A key without a value leaves the field to the profile's default, as a key not listed does; it is still a key, once.
                if (!keys.Add(k) || (row.Text(value) is { } v && !values.TryAdd(k, v)))
                {
                    throw new ImportException(new ImportProblem(line, header.Name(key), k, string.Create(CultureInfo.InvariantCulture, $"the key is given twice in the lookup file for '{field}'.")));
                }
            };
        });

        return new ImportLookup(field, values);
    }
}
