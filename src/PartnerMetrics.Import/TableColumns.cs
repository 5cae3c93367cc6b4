using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PartnerMetrics.Import;

/// <summary>
/// The columns of one file mapped to a profile's fields: which column gives each field (the profile's first-listed
/// header wins when several are present), which columns are ignored, and the lookups and defaults behind each field.
/// </summary>
internal sealed class TableColumns
{
    private readonly Dictionary<string, int> ordinals;
    private readonly Dictionary<string, int> lookupOrdinals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FrozenDictionary<string, string>> lookups;
    private readonly IReadOnlyDictionary<string, string> defaults;
    private readonly Dictionary<string, List<int>> others = new(StringComparer.Ordinal);

    /// <summary>Maps a header; records the used and ignored columns, and a notice for each field two columns give, in <paramref name="report"/>.</summary>
    /// <param name="header">The file's header.</param>
    /// <param name="columns">For each field, its headers in order of preference.</param>
    /// <param name="known">Headers that are not fields but not ignored either: lookup keys and the profile's unused columns.</param>
    /// <param name="lookups">The lookup values of the fields looked up by another column, with their key columns.</param>
    /// <param name="defaults">The profile's value of a field when no column gives it.</param>
    /// <param name="report">The file's report.</param>
    /// <param name="eachRow">The fields that several columns may give, each for its own rows: every column of the file that gives one is read, in the profile's order (<see cref="Others"/>).</param>
    public TableColumns(
        TableHeader header,
        IReadOnlyDictionary<string, ImmutableArray<string>> columns,
        IEnumerable<string> known,
        IReadOnlyDictionary<string, (string KeyColumn, FrozenDictionary<string, string> Values)> lookups,
        IReadOnlyDictionary<string, string> defaults,
        ImportReport report,
        IReadOnlySet<string>? eachRow = null)
    {
        Header = header;
        this.defaults = defaults;
        this.lookups = lookups.ToDictionary(l => l.Key, l => l.Value.Values, StringComparer.Ordinal);
        var fieldOfHeader = new Dictionary<string, (string Field, int Preference)>(StringComparer.Ordinal);
        foreach (var (field, headers) in columns)
        {
            for (var i = 0; i < headers.Length; i++)
            {
                fieldOfHeader.TryAdd(ImportProfile.Normalize(headers[i]), (field, i));
            }
        }

        var knownColumns = known.Concat(lookups.Values.Select(l => l.KeyColumn)).Select(ImportProfile.Normalize).ToHashSet(StringComparer.Ordinal);
        ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<int>();
        for (var ordinal = 0; ordinal < header.Count; ordinal++)
        {
            var name = ImportProfile.Normalize(header.Name(ordinal));
            if (!fieldOfHeader.TryGetValue(name, out var given))
            {
                if (!knownColumns.Contains(name))
                {
                    ignored.Add(ordinal);
                }

                continue;
            }

            if (!ordinals.TryAdd(given.Field, ordinal))
            {
                var other = ordinals[given.Field];
                var (kept, dropped) = fieldOfHeader[ImportProfile.Normalize(header.Name(other))].Preference <= given.Preference ? (other, ordinal) : (ordinal, other);
                ordinals[given.Field] = kept;
                if (eachRow?.Contains(given.Field) == true)
                {
                    // A field of each row's own column: the others are read too, in the profile's order, after the first.
                    var more = others.TryGetValue(given.Field, out var list) ? list : others[given.Field] = [];
                    more.Add(dropped);
                    more.Sort((a, b) => fieldOfHeader[ImportProfile.Normalize(header.Name(a))].Preference.CompareTo(fieldOfHeader[ImportProfile.Normalize(header.Name(b))].Preference));
                    continue;
                }

                // Two columns give the field: the one the profile lists first is read, the other is not used.
                ignored.Add(dropped);
                report.Notice($"Both \"{header.Name(kept)}\" and \"{header.Name(dropped)}\" give '{given.Field}'; \"{header.Name(kept)}\" is read, because the profile lists it first.");
            }
        }

        foreach (var (field, lookup) in lookups)
        {
            lookupOrdinals[field] = header.Find(lookup.KeyColumn);
        }

        ignored.Sort();
        report.Columns = ordinals.ToImmutableSortedDictionary(o => o.Key, o => header.Name(o.Value), StringComparer.Ordinal);
        report.IgnoredColumns = [.. ignored.Select(header.Name)];
    }

    public TableHeader Header { get; }

    /// <summary>Whether a column of the file gives the field.</summary>
    public bool InFile(string field) => ordinals.ContainsKey(field);

    /// <summary>Whether the field has a value source: a column, a lookup or a default.</summary>
    public bool Given(string field) => ordinals.ContainsKey(field) || lookups.ContainsKey(field) || defaults.ContainsKey(field);

    /// <summary>The lookups whose key column the file lacks, as field and key column.</summary>
    public IEnumerable<string> MissingLookupKeys() => lookupOrdinals.Where(l => l.Value < 0).Select(l => l.Key);

    /// <summary>The columns after the first that give a field of each row's own column, in the profile's order; none for another field.</summary>
    public IEnumerable<Column> Others(string field) => others.TryGetValue(field, out var list)
        ? list.Select(ordinal => new Column(field, ordinal, Header.Name(ordinal), -1, null, null, null))
        : [];

    /// <summary>Where a field's text comes from in this file.</summary>
    public Column Of(string field, bool interned = false) => new(
        field,
        ordinals.GetValueOrDefault(field, -1),
        ordinals.TryGetValue(field, out var ordinal) ? Header.Name(ordinal) : field,
        lookupOrdinals.GetValueOrDefault(field, -1),
        lookups.GetValueOrDefault(field),
        defaults.GetValueOrDefault(field),
        interned ? new TextCache<string>() : null);
}

/// <summary>Where one field's text comes from in a file: its own column, else a lookup keyed by another column, else the profile's default.</summary>
/// <param name="Field">The field's name in the profile.</param>
/// <param name="Ordinal">The ordinal of the field's own column; -1 when none.</param>
/// <param name="Name">The name a problem gives: the header of the field's column, or the field when no column gives it.</param>
/// <param name="KeyOrdinal">The ordinal of the column the field is looked up by; -1 when none.</param>
/// <param name="Lookup">The lookup's values.</param>
/// <param name="Default">The profile's default text.</param>
/// <param name="Strings">The strings of the texts read so far, for a field whose values repeat (partners, districts): one string per distinct text, not one per row.</param>
internal sealed record Column(string Field, int Ordinal, string Name, int KeyOrdinal, FrozenDictionary<string, string>? Lookup, string? Default, TextCache<string>? Strings);
