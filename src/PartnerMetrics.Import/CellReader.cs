using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PartnerMetrics.Import;

/// <summary>
/// Turns the rows of one file into records, reading each cell as the profile says (days in its forms, numbers with its
/// decimal separator, values through its maps) and recording every problem with its line, column and value. A bad row
/// stops the import or is skipped, by the profile's <see cref="BadRowPolicy"/>.
/// </summary>
/// <typeparam name="TRecord">What a row becomes.</typeparam>
internal abstract class CellReader<TRecord>
    where TRecord : class
{
    /// <summary>
    /// How a day or a timestamp is parsed: white space around it allowed, and a time with a zone (<c>Z</c>, <c>+02:00</c>)
    /// read in UTC. Without <see cref="DateTimeStyles.AdjustToUniversal"/> .NET converts such a time to the machine's
    /// zone, so one export would give another day on a machine west of Greenwich; a time without a zone is read as written.
    /// </summary>
    private const DateTimeStyles Zones = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal;

    /// <summary>How many merged ranges <see cref="Ended"/> names, each in a notice of its own.</summary>
    private const int MergedNotices = 20;

    /// <summary>
    /// The date format that reads a timestamp in Unix milliseconds, as HubSpot's API writes every date and datetime value:
    /// twelve or thirteen digits (1973 to 2286), read as the moment in UTC. A number of other lengths is no such timestamp
    /// (<c>20240626</c> is not a moment of 1 January 1970), so it stays a problem rather than a wrong day.
    /// </summary>
    internal const string UnixMilliseconds = "unix-ms";

    private readonly List<ImportProblem> problems = [];
    private readonly BadRowPolicy badRows;
    private readonly string[] dateFormats;
    private readonly string[] parsedFormats;              // the formats .NET parses: all but UnixMilliseconds
    private readonly bool unixMilliseconds;
    private readonly NumericDayFormat? firstDayFormat;   // the first format, when it is numbers and separators only
    private readonly char decimalSeparator;

    // An export repeats a few thousand days; each is parsed once.
    private readonly TextCache<DateOnly> days = new();
    private bool excluded;

    protected CellReader(ImportReport report, BadRowPolicy badRows, IEnumerable<string> dateFormats, char decimalSeparator)
    {
        Report = report;
        this.badRows = badRows;
        this.dateFormats = [.. dateFormats];
        parsedFormats = [.. this.dateFormats.Where(f => f != UnixMilliseconds)];
        unixMilliseconds = parsedFormats.Length < this.dateFormats.Length;
        firstDayFormat = this.dateFormats.Length > 0 ? NumericDayFormat.Of(this.dateFormats[0]) : null;
        this.decimalSeparator = decimalSeparator;
    }

    /// <summary>Gets or sets the report the rows are counted in: a reader of blocks of a file moves from one block's report to the next.</summary>
    public ImportReport Report { get; set; }

    /// <summary>Gets the problems of the current row so far.</summary>
    protected int ProblemCount => problems.Count;

    protected ITableSource Source { get; private set; } = null!;

    /// <summary>Reads the current row of <paramref name="row"/>.</summary>
    /// <returns>The record; <see langword="null"/> when the row is skipped for its problems or left out on purpose.</returns>
    /// <exception cref="ImportException">The row has a problem and the policy is <see cref="BadRowPolicy.Fail"/>.</exception>
    public TRecord? Read(ITableSource row)
    {
        Source = row;
        Report.Rows++;
        problems.Clear();
        excluded = false;
        var record = Source.Ragged ? Ragged() : Unreadable() ? null : Convert();
        if (problems.Count == 0)
        {
            if (record is not null)
            {
                Report.Imported++;
                return record;
            }

            if (excluded)
            {
                Report.Excluded++;
                return null;
            }
        }

        foreach (var problem in problems)
        {
            Report.Add(problem);
        }

        if (badRows == BadRowPolicy.Fail)
        {
            throw new ImportException(problems[0]);
        }

        Report.Skipped++;
        return null;
    }

    /// <summary>The names of an enum's values, for a message; the profile's own values are in its maps. Built once per enum: it is an argument of every read.</summary>
    protected static string Listed<T>()
        where T : struct, Enum => EnumNames<T>.Listed;


    /// <summary>The record of a row whose fields have been read; <see langword="null"/> when it has problems or is <see cref="Exclude">left out</see>.</summary>
    protected abstract TRecord? Convert();

    /// <summary>The columns the rows are read from (a lookup's key column included), for the cells that hold no value to read.</summary>
    protected abstract IEnumerable<Column> ColumnsRead { get; }

    /// <summary>Leaves the row out on purpose (it is not for this import): counted in <see cref="ImportReport.Excluded"/>, not a problem.</summary>
    /// <returns><see langword="null"/>, to return from <see cref="Convert"/>.</returns>
    protected TRecord? Exclude()
    {
        excluded = true;
        return null;
    }

    /// <summary>The field's text: its column's, else its lookup's, else the profile's default; <see langword="null"/> when none.</summary>
    protected string? Text(Column column)
    {
        if (column.Ordinal >= 0)
        {
            if (column.Strings is { } strings)
            {
                var span = Source.Span(column.Ordinal);
                if (!span.IsEmpty)
                {
                    if (strings.TryGetValue(span, out var same))
                    {
                        return same;
                    }

                    var text = span.ToString();
                    return strings.Add(text, text);
                }
            }
            else if (Source.Text(column.Ordinal) is { } cell)
            {
                return cell;
            }
        }

        if (column.Lookup is { } lookup && Source.Text(column.KeyOrdinal) is { } key && lookup.TryGetValue(key, out var looked))
        {
            return looked;
        }

        return column.Default;
    }

    protected string? Required(Column column)
    {
        var text = Text(column);
        if (text is null)
        {
            Problem(column, null, "a value is required.");
        }

        return text;
    }

    /// <summary>Whether the field's own cell holds a text already read, and what it was read as; no string is made for the cell.</summary>
    protected bool Cached<T>(Column column, TextCache<T> cache, out T value)
        where T : struct
    {
        value = default;
        if (column.Ordinal < 0)
        {
            return false;
        }

        var text = Source.Span(column.Ordinal);
        return !text.IsEmpty && cache.TryGetValue(text, out value);
    }

    /// <summary>The number in the field's own column, when the table keeps numbers (a worksheet) and the cell holds one.</summary>
    protected double? Number(Column column) => column.Ordinal >= 0 ? Source.Number(column.Ordinal) : null;

    /// <summary>
    /// Whether the field's own cell is a worksheet number Excel shows as a day or a time (1/1/2024 for 45292, 12:00 for
    /// 0.5), a problem of the row when a number is read: the day number behind it is no amount, hours or score.
    /// </summary>
    protected bool ShowsDate(Column column)
    {
        if (column.Ordinal < 0 || !Source.ShowsDate(column.Ordinal))
        {
            return false;
        }

        Problem(column, Raw(column), "the cell shows a date or a time, not a number: format the column as a number in Excel.");
        return true;
    }

    /// <summary>The cell's own text, for a message.</summary>
    protected string? Raw(Column column) => column.Ordinal >= 0 ? Source.Text(column.Ordinal) : null;

    protected DateOnly? Day(Column column, bool required = false)
    {
        if (Number(column) is { } serial)
        {
            return ExcelDate(column, serial) is { } moment ? DateOnly.FromDateTime(moment) : null;
        }

        // A day in the first format is that day, whatever the later formats (the general parser tries them in order).
        if (firstDayFormat is { } first && column.Ordinal >= 0 && first.TryParse(Source.Span(column.Ordinal), out var quick))
        {
            return quick;
        }

        if (Cached(column, days, out var seen))
        {
            return seen;
        }

        var text = required ? Required(column) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (days.TryGetValue(text, out var known))
        {
            return known;
        }

        if (TryParseMoment(text, out var parsed))
        {
            return days.Add(text, DateOnly.FromDateTime(parsed));
        }

        Problem(column, text, $"not a day in the form {string.Join(" or ", dateFormats)}.");
        return null;
    }

    /// <summary>A day with its time of day (a timestamp), for durations such as a response time.</summary>
    protected DateTime? Moment(Column column, bool required = false)
    {
        if (Number(column) is { } serial)
        {
            return ExcelDate(column, serial);
        }

        var text = required ? Required(column) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (TryParseMoment(text, out var parsed))
        {
            return parsed;
        }

        Problem(column, text, $"not a day in the form {string.Join(" or ", dateFormats)}.");
        return null;
    }

    /// <summary>A moment in one of the profile's formats: a .NET format, or <see cref="UnixMilliseconds"/> when the profile lists it.</summary>
    private bool TryParseMoment(string text, out DateTime moment)
    {
        if (parsedFormats.Length > 0 && DateTime.TryParseExact(text, parsedFormats, CultureInfo.InvariantCulture, Zones, out moment))
        {
            return true;
        }

        var digits = text.AsSpan().Trim();
        if (unixMilliseconds && digits.Length is 12 or 13 && !digits.ContainsAnyExceptInRange('0', '9') && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            moment = DateTime.UnixEpoch.AddMilliseconds(milliseconds);
            return true;
        }

        moment = default;
        return false;
    }

    /// <summary>Whether the number of the cell is a percentage: a worksheet's number shown as one, or text ending in a percent sign ("85%").</summary>
    protected bool WrittenAsPercentage(Column column) =>
        Number(column) is not null ? Source.Percent(column.Ordinal) : Text(column) is { } text && text.EndsWith('%');

    /// <summary>A number written with the profile's decimal separator (thousands separators allowed), or a worksheet's number.</summary>
    protected decimal? Decimal(Column column, bool required = false)
    {
        if (Number(column) is { } number)
        {
            if (ShowsDate(column))
            {
                return null;
            }

            if (number is > -1e15 and < 1e15)
            {
                // A worksheet number: a double, read to its shortest round-trip digits; a percentage as the number it shows.
                var cell = ExcelSource.CellNumber(number);
                return Source.Percent(column.Ordinal) ? cell * 100 : cell;
            }

            Problem(column, Raw(column), "not a number between -10^15 and 10^15.");
            return null;
        }

        var text = required ? Required(column) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (AmountText.TryParse(text, decimalSeparator, out var value))
        {
            return value;
        }

        // A percentage as a worksheet shows it and writes it to CSV ("85%"): the number shown, as a percent cell is read.
        if (text.EndsWith('%') && AmountText.TryParse(text.AsSpan(0, text.Length - 1).TrimEnd(), decimalSeparator, out var percent))
        {
            return percent;
        }

        Problem(column, text, $"not a number such as {(decimalSeparator == '.' ? "1,234.5" : "1.234,5")}.");
        return null;
    }

    /// <summary>A value through a map of normalized texts; <paramref name="missing"/> for an empty cell (a problem, <paramref name="required"/>, when it is null), <paramref name="other"/> for an unmapped text.</summary>
    protected T? Choice<T>(Column column, FrozenDictionary<string, T> map, TextCache<T> cache, T? missing, T? other, string expected, string required = "a value is required.")
        where T : struct
    {
        if (Cached(column, cache, out var seen))
        {
            return seen;
        }

        var text = Text(column);
        if (text is null)
        {
            if (missing is null)
            {
                Problem(column, null, required);
            }

            return missing;
        }

        if (cache.TryGetValue(text, out var known))
        {
            return known;
        }

        if (map.TryGetValue(ImportProfile.Normalize(text), out var value))
        {
            return cache.Add(text, value);
        }

        if (other is { } fallback)
        {
            return cache.Add(text, fallback);
        }

        Problem(column, text, $"not one of {expected}.");
        return null;
    }

    protected void Problem(Column? column, string? value, string message) => problems.Add(new ImportProblem(Source.Line, column?.Name, value, message));

    /// <summary>
    /// After the last row of <paramref name="source"/>: a notice for each merged range of a sheet that hides values of
    /// columns the import reads, up to <see cref="MergedNotices"/>, and one notice counting the rest. Excel shows a merged
    /// range's first value across it but stores it in the first cell only, so the range's other cells are read as empty;
    /// the import does not guess that the value was meant for them.
    /// </summary>
    public void Ended(ITableSource source)
    {
        Finished();
        var named = 0;
        var more = 0;
        var moreHidden = new List<string>();
        foreach (var range in source.MergedRanges)
        {
            var hidden = ColumnsRead
                .Select(c => c.Lookup is not null && range.HidesValuesIn(c.KeyOrdinal) ? source.Header.Name(c.KeyOrdinal) : range.HidesValuesIn(c.Ordinal) ? c.Name : null)
                .OfType<string>()
                .Select(name => $"\"{name}\"")
                .Distinct()
                .ToList();
            if (hidden.Count > 0 && named < MergedNotices)
            {
                Report.Notice($"Cells {range.Reference} are merged: Excel shows the value of their first cell across them, but stores it in that cell only, so the other cells of {string.Join(", ", hidden)} were read as empty.");
                named++;
            }
            else if (hidden.Count > 0)
            {
                // A sheet may hold a million ranges: the report names a few, and counts the rest.
                more++;
                moreHidden.AddRange(hidden.Except(moreHidden));
            }
        }

        if (more > 0)
        {
            Report.Notice(string.Create(CultureInfo.InvariantCulture, $"{more:N0} more merged ranges hide cells of {string.Join(", ", moreHidden)}, which were read as empty; only the first {MergedNotices} are named."));
        }
    }

    /// <summary>After the last row: the notices a reader gives once a file, such as a count of the rows it left out for a reason of its own.</summary>
    protected virtual void Finished()
    {
    }

    /// <summary>Whether a cell the import reads holds no value to read (a worksheet's error or uncomputed formula), each a problem of the row; cells of other columns are not read.</summary>
    private bool Unreadable()
    {
        var cells = Source.UnreadableCells;
        if (cells.Count == 0)
        {
            return false;
        }

        foreach (var column in ColumnsRead)
        {
            foreach (var (ordinal, problem) in cells)
            {
                if (ordinal == column.Ordinal || (ordinal == column.KeyOrdinal && column.Lookup is not null))
                {
                    Problem(column, null, problem);
                }
            }
        }

        return problems.Count > 0;
    }

    private TRecord? Ragged()
    {
        // A line of one field under a wider header is no deal with a stray comma: it is a line of text, such as the title,
        // copyright and "Generated By" lines a Salesforce Classic report export ends with.
        Problem(null, Source.FieldCount == 1 ? Source.Text(0) : null, Source.FieldCount == 1
            ? string.Create(CultureInfo.InvariantCulture, $"the row has 1 field where the header has {Source.Header.Count}: a line of text such as a report's title or footer? Export the report's rows only (Salesforce: Details Only), or delete such lines.")
            : string.Create(CultureInfo.InvariantCulture, $"the row has {Source.FieldCount} fields where the header has {Source.Header.Count}; is a value with a comma or a quote not quoted?"));
        return null;
    }

    private DateTime? ExcelDate(Column column, double serial)
    {
        // An Excel date: a day number (with the time as a fraction) from 1899-12-30.
        // A workbook of the 1904 system counts from 1904-01-01: its day 0 is day 1462 of the 1900 system.
        var (first, day) = Source.Dates1904 ? (0, serial + ExcelSource.Days1904) : (1, serial);
        if (!Source.Dates1904 && serial is >= ExcelSource.LeapDay1900 and < ExcelSource.LeapDay1900 + 1)
        {
            Problem(column, Raw(column), "the day number 60 is 1900-02-29 to Excel, a day that did not exist.");
            return null;
        }

        if (serial >= first && day < 2_958_466)
        {
            // Excel counts 1900 as a leap year: its serials before that day are one more than the OLE Automation date's.
            return DateTime.FromOADate(!Source.Dates1904 && serial < ExcelSource.LeapDay1900 ? day + 1 : day);
        }

        Problem(column, Raw(column), string.Create(CultureInfo.InvariantCulture, $"not an Excel date (a day number from {first} to {2_958_465 - (Source.Dates1904 ? ExcelSource.Days1904 : 0)})."));
        return null;
    }
}

/// <summary>What a text of one field has been read as, for the texts an export repeats; it forgets everything past 65,536 texts, so memory stays bounded.</summary>
/// <typeparam name="T">What a text is read as.</typeparam>
/// <remarks>
/// While a field has at most eight texts (a stage, a region, a lead source), they are also kept in a short list
/// compared in order, which is quicker than hashing the text.
/// </remarks>
internal sealed class TextCache<T>
    where T : notnull
{
    private const int Capacity = 1 << 16;
    private const int FewTexts = 8;
    private readonly Dictionary<string, T> known = new(StringComparer.Ordinal);
    private readonly string[] fewTexts = new string[FewTexts];
    private readonly T[] fewValues = new T[FewTexts];
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> spans;

    public TextCache() => spans = known.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    public bool TryGetValue(string text, [MaybeNullWhen(false)] out T value) => TryGetValue(text.AsSpan(), out value);

    public bool TryGetValue(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out T value)
    {
        if (known.Count <= FewTexts)
        {
            for (var i = 0; i < known.Count; i++)
            {
                if (text.SequenceEqual(fewTexts[i]))
                {
                    value = fewValues[i];
                    return true;
                }
            }

            value = default;
            return false;
        }

#if NET9_0_OR_GREATER
        return spans.TryGetValue(text, out value);
#else
        return known.TryGetValue(text.ToString(), out value);
#endif
    }

    public T Add(string text, T value)
    {
        if (known.Count == Capacity)
        {
            known.Clear();
        }

        if (known.TryAdd(text, value))
        {
            if (known.Count <= FewTexts)
            {
                fewTexts[known.Count - 1] = text;
                fewValues[known.Count - 1] = value;
            }
        }
        else
        {
            known[text] = value;
            var few = Array.IndexOf(fewTexts, text, 0, Math.Min(known.Count, FewTexts));
            if (few >= 0)
            {
                fewValues[few] = value;
            }
        }

        return value;
    }
}

/// <summary>The names of an enum's values, for messages, built once.</summary>
/// <typeparam name="T">The enum.</typeparam>
internal static class EnumNames<T>
    where T : struct, Enum
{
    public static readonly string Listed = $"{string.Join(", ", Enum.GetNames<T>())} (or a value the profile maps)";
}
