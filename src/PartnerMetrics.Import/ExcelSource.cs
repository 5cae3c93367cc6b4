using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartnerMetrics.Import;

/// <summary>
/// A worksheet of an Excel workbook (.xlsx) read row by row with the Open XML SDK's forward-only reader, so a large
/// sheet is never loaded whole. The first row with a value is the header; each record is numbered by its row
/// number in Excel; empty rows are skipped. Numbers (and dates, which Excel stores as day numbers) are also given as
/// <see cref="Number"/>, so that no display format has to be parsed.
/// </summary>
internal sealed class ExcelSource : ITableSource
{
    /// <summary>Days from 1899-12-30, the day 0 of the 1900 system, to 1904-01-01, the day 0 of the 1904 system.</summary>
    public const int Days1904 = 1462;

    /// <summary>The serial of Excel's fictitious 1900-02-29 (Lotus 1-2-3's leap-year error, which Excel keeps): serials below it are one day more than the OLE Automation date.</summary>
    public const int LeapDay1900 = 60;

    /// <summary>The serial a workbook of the 1900 system stores for <paramref name="day"/>: its OLE Automation date, one day less before March 1900.</summary>
    internal static double Serial1900(DateTime day) => day.ToOADate() is var oa && oa < LeapDay1900 + 1 ? oa - 1 : oa;

    /// <summary>A worksheet's number as the decimal of its shortest round-trip digits.</summary>
    internal static decimal CellNumber(double number) => decimal.Parse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private readonly SpreadsheetDocument document;
    private readonly OpenXmlReader reader;
    private readonly string[] sharedStrings;
    private readonly List<(int Ordinal, string Problem)> unreadable = [];
    /// <summary>The currency each cell style's number format shows (<see cref="CurrencyOf"/>), by style index.</summary>
    private readonly string?[] currencyOfStyle;

    /// <summary>Whether each cell style's number format shows a percentage (<see cref="ShowsPercent"/>), by style index.</summary>
    private readonly bool[] percentOfStyle;

    /// <summary>Whether each cell style's number format shows a day or a time (<see cref="IsDateFormat"/>), by style index.</summary>
    private readonly bool[] dateOfStyle;
    private string?[] texts = [];
    private double?[] numbers = [];
    private string?[] currencies = [];
    private bool[] percents = [];
    private bool[] dates = [];
    private bool rowsEnded;

    /// <summary>The row number of the last row with a value; empty rows after it, such as a template's formatted ones, are not read.</summary>
    private long lastRowRead;

    private ExcelSource(SpreadsheetDocument document, WorksheetPart sheet, string[] sharedStrings, bool dates1904, Stylesheet? styles)
    {
        this.document = document;
        this.sharedStrings = sharedStrings;
        (currencyOfStyle, percentOfStyle, dateOfStyle) = StyleFormats(styles);
        Dates1904 = dates1904;

        // The sheet is streamed, so a bound on the parts held whole (the document's setting) does not apply to it. White
        // space is kept, as OpenXmlReader.Create(part) and the shared strings keep it: a run of only a space is text.
        reader = new OpenXmlPartReader(sheet, new OpenXmlPartReaderOptions { MaxCharactersInPart = long.MaxValue, IgnoreWhitespace = false });
        Header = new TableHeader([]);
        if (NextRow())
        {
            Header = new TableHeader(texts);
            HeaderLine = Line;
        }
    }

    public TableHeader Header { get; }

    public long Line { get; private set; }

    public int FieldCount => texts.Length;

    /// <summary>A sheet's rows have no field count of their own: cells past the header are simply not read.</summary>
    public bool Ragged => false;

    /// <summary>Gets a value indicating whether the workbook counts days from 1904-01-01 (<c>date1904</c>, older Mac workbooks) rather than from 1900.</summary>
    public bool Dates1904 { get; }

    /// <summary>Gets the cells of the current row that hold no value to read: an error such as <c>#N/A</c>, or a formula never computed.</summary>
    public IReadOnlyList<(int Ordinal, string Problem)> UnreadableCells => unreadable;

    /// <inheritdoc/>
    public IEnumerable<MergedRange> MergedRanges
    {
        get
        {
            // Streamed from the rest of the sheet, as the rows are: a sheet of a million ranges does not hold them.
            while (NextMergedRange() is { } range)
            {
                yield return range;
            }
        }
    }

    /// <summary>Gets the row number of the header.</summary>
    public long HeaderLine { get; }

    /// <summary>Opens a sheet of a workbook: the named one, or the first that is not hidden.</summary>
    /// <param name="stream">The workbook.</param>
    /// <param name="sheetName">The sheet's name, ignoring case; <see langword="null"/> for the first that is not hidden.</param>
    /// <param name="maxPartCharacters">The most characters a part held whole in memory (the workbook, the shared strings, the styles) may have; <see langword="null"/> for no limit. The sheet, which is streamed, is not bound.</param>
    public static ExcelSource Open(Stream stream, string? sheetName, long? maxPartCharacters = null)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = maxPartCharacters ?? 0 });
        }
        catch (Exception error) when (Unreadable(error))
        {
            throw new ImportException(new ImportProblem(0, null, null, $"the file is not an Excel workbook (.xlsx): {error.Message}"));
        }

        try
        {
            var workbook = document.WorkbookPart ?? throw Problem("the workbook has no sheets.");
            var sheets = Held(workbook, maxPartCharacters, () => workbook.Workbook.Sheets?.Elements<Sheet>().ToList()) ?? [];
            var sheet = (sheetName is null
                    ? sheets.FirstOrDefault(s => s.State is null || s.State.Value == SheetStateValues.Visible) ?? sheets.FirstOrDefault()
                    : sheets.FirstOrDefault(s => string.Equals(s.Name?.Value, sheetName, StringComparison.OrdinalIgnoreCase)))
                ?? throw Problem(sheetName is null ? "the workbook has no sheets." : $"the workbook has no sheet named '{sheetName}'; its sheets are {string.Join(", ", sheets.Select(s => $"'{s.Name?.Value}'"))}.");
            if (sheet.Id?.Value is not { } id || !workbook.TryGetPartById(id, out var found))
            {
                throw Problem($"the sheet '{sheet.Name?.Value}' refers to no part of the workbook.");
            }

            if (found is not WorksheetPart part)
            {
                throw Problem($"the sheet '{sheet.Name?.Value}' is not a worksheet (a chart sheet?).");
            }

            var strings = workbook.SharedStringTablePart is { } stringsPart
                ? Held(stringsPart, maxPartCharacters, () => stringsPart.SharedStringTable?.Elements<SharedStringItem>().Select(PlainText).ToArray())
                : null;
            var styles = workbook.WorkbookStylesPart is { } stylesPart ? Held(stylesPart, maxPartCharacters, () => stylesPart.Stylesheet) : null;
            return new ExcelSource(document, part, strings ?? [], workbook.Workbook.WorkbookProperties?.Date1904?.Value == true, styles);
        }
        catch (Exception error) when (Unreadable(error))
        {
            document.Dispose();
            throw Problem($"the file is not an Excel workbook (.xlsx): {error.Message}");
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public bool Read() => NextRow();

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(NextRow());
    }

    public string? Text(int ordinal) => ordinal >= 0 && ordinal < texts.Length ? texts[ordinal] : null;

    public ReadOnlySpan<char> Span(int ordinal) => Text(ordinal).AsSpan();

    public double? Number(int ordinal) => ordinal >= 0 && ordinal < numbers.Length ? numbers[ordinal] : null;

    public string? Currency(int ordinal) => ordinal >= 0 && ordinal < currencies.Length ? currencies[ordinal] : null;

    public bool Percent(int ordinal) => ordinal >= 0 && ordinal < percents.Length && percents[ordinal];

    public bool ShowsDate(int ordinal) => ordinal >= 0 && ordinal < dates.Length && dates[ordinal];

    /// <summary>
    /// Whether a number format shows its number as a percentage: Excel's built-in formats 9 (<c>0%</c>) and 10
    /// (<c>0.00%</c>), or a custom format whose first section has a <c>%</c> that is not quoted, escaped, a width
    /// (<c>_%</c>), a fill (<c>*%</c>) or inside brackets.
    /// </summary>
    internal static bool ShowsPercent(uint id, string? format) =>
        id is 9 or 10 || (format is not null && Codes(format).Any(code => code is ('%', null)));

    /// <summary>
    /// Whether a number format shows its number as a day or a time of day: Excel's built-in date and time formats (ids 14
    /// to 22, 45 to 47, and the East Asian 27 to 36 and 50 to 58), or a format whose first section has a <c>y</c>,
    /// <c>m</c>, <c>d</c>, <c>h</c> or <c>s</c> (an elapsed <c>[h]</c>, <c>[mm]</c>, <c>[ss]</c> included) that is not
    /// quoted, escaped, a width (<c>_</c>), a fill (<c>*</c>) or inside other brackets.
    /// </summary>
    internal static bool IsDateFormat(uint id, string? format) => format is null
        ? id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58)
        : Codes(format).Any(code => code.Bracket is { } inside
            ? inside.Length > 0 && inside.AsSpan().Trim(inside[0]).IsEmpty && char.ToLowerInvariant(inside[0]) is 'h' or 'm' or 's'   // an elapsed time: [h]:mm shows 1.5 as 36:00
            : char.ToLowerInvariant(code.Code) is 'y' or 'm' or 'd' or 'h' or 's');

    /// <summary>
    /// The codes of a number format's first section, as Excel reads them: each character that is not quoted, escaped
    /// (<c>\</c>), a width (<c>_</c>) or a fill (<c>*</c>) and the character after it, and each bracket as one code
    /// <c>[</c> with its text (<c>Red</c>, <c>h</c>, <c>$€-2</c>).
    /// </summary>
    private static IEnumerable<(char Code, string? Bracket)> Codes(string format)
    {
        for (var i = 0; i < format.Length && format[i] != ';'; i++)
        {
            switch (format[i])
            {
                case '_' or '*' or '\\':
                    i++;
                    break;
                case '"':
                    i = format.IndexOf('"', i + 1) is var quoteEnd and >= 0 ? quoteEnd : format.Length;
                    break;
                case '[':
                    var bracketEnd = format.IndexOf(']', i + 1);
                    yield return ('[', bracketEnd < 0 ? format[(i + 1)..] : format[(i + 1)..bracketEnd]);
                    i = bracketEnd < 0 ? format.Length : bracketEnd;
                    break;
                default:
                    yield return (format[i], null);
                    break;
            }
        }
    }

    /// <summary>The custom number formats of a stylesheet, by id; the first of an id given twice.</summary>
    private static Dictionary<uint, string> CustomFormats(Stylesheet? styles) =>
        styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode!.Value!) ?? [];

    /// <summary>
    /// The currency a custom number format shows in its first section (positive numbers): the code or sign of a
    /// <c>[$…]</c> part (<c>[$EUR]</c>, <c>[$€-2]</c>, <c>[$$-409]</c>), or its text when it names a currency in letters
    /// (<c>[$kr-41D]</c>, <c>[$R$-416]</c>: the caller cannot tell which, and must not read it as none); a quoted code
    /// (<c>#,##0 "USD"</c>), or a sign written as it is (<c>"$"#,##0.00</c>, <c>\€</c>, <c>$#,##0</c>), but not one after
    /// <c>_</c> (a width) or <c>*</c> (a fill); <see langword="null"/> for none, or for signs of two currencies. Excel's built-in currency formats (ids 5 to 8, 42, 44) show the currency of the reader's locale, which
    /// the file does not say: they count as none.
    /// </summary>
    internal static string? CurrencyOf(string format)
    {
        var signs = new HashSet<char>();
        string? code = null, named = null;
        for (var i = 0; i < format.Length && format[i] != ';'; i++)
        {
            var c = format[i];
            if (c is '_' or '*')
            {
                // "_€" only keeps the width of a €, "* " fills with spaces: neither shows the character after it.
                i++;
            }
            else if (c == '"')
            {
                var end = format.IndexOf('"', i + 1);
                var quoted = end < 0 ? format[(i + 1)..] : format[(i + 1)..end];
                code ??= CurrencySigns.IsCode(quoted.Trim()) ? quoted.Trim() : null;
                signs.UnionWith(quoted.Where(CurrencySigns.IsSign));
                i = end < 0 ? format.Length : end;
            }
            else if (c == '\\' && i + 1 < format.Length)
            {
                signs.UnionWith(CurrencySigns.IsSign(format[++i]) ? [format[i]] : []);
            }
            else if (c == '[')
            {
                var end = format.IndexOf(']', i + 1);
                var inside = end < 0 ? format[(i + 1)..] : format[(i + 1)..end];
                if (inside.StartsWith('$'))
                {
                    var shown = inside[1..].Split('-')[0];
                    if (CurrencySigns.IsCode(shown))
                    {
                        code ??= shown;
                    }
                    else if (shown is [var sign] && CurrencySigns.IsSign(sign))
                    {
                        signs.Add(sign);
                    }
                    else if (shown.Length > 0)
                    {
                        // A currency written in letters, or letters and a sign: kr, Fr., zł, R$.
                        named ??= shown;
                    }
                }

                i = end < 0 ? format.Length : end;
            }
            else if (CurrencySigns.IsSign(c))
            {
                signs.Add(c);
            }
        }

        return named ?? code ?? (signs.Count == 1 ? signs.First().ToString() : null);
    }

    /// <summary>
    /// What each cell style's number format shows, by style index: its currency, from custom formats only (see
    /// <see cref="CurrencyOf"/>), whether it shows a percentage (<see cref="ShowsPercent"/>), and whether a day or a
    /// time (<see cref="IsDateFormat"/>).
    /// </summary>
    private static (string?[] Currencies, bool[] Percents, bool[] Dates) StyleFormats(Stylesheet? styles)
    {
        var custom = CustomFormats(styles);
        var ids = (styles?.CellFormats?.Elements<CellFormat>() ?? []).Select(f => f.NumberFormatId?.Value).ToArray();
        var currencies = new string?[ids.Length];
        var percents = new bool[ids.Length];
        var dates = new bool[ids.Length];
        for (var style = 0; style < ids.Length; style++)
        {
            if (ids[style] is { } id)
            {
                var code = custom.GetValueOrDefault(id);
                (currencies[style], percents[style], dates[style]) = (code is null ? null : CurrencyOf(code), ShowsPercent(id, code), IsDateFormat(id, code));
            }
        }

        return (currencies, percents, dates);
    }

    public void Dispose()
    {
        reader.Dispose();
        document.Dispose();
    }

    private static ImportException Problem(string message) => new(new ImportProblem(0, null, null, message));

    /// <summary>
    /// Loads a part the import holds whole in memory; a part longer than <paramref name="limit"/> characters stops the
    /// import naming the part and the limit. The XML reader's limit exception names the setting it enforces
    /// (<see cref="XmlReaderSettings.MaxCharactersInDocument"/>) in every language, which tells it from XML that is not well-formed.
    /// </summary>
    private static T? Held<T>(OpenXmlPart part, long? limit, Func<T?> load)
    {
        try
        {
            return load();
        }
        catch (XmlException error) when (limit is not null && error.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal))
        {
            throw Problem($"the workbook's part {part.Uri} is longer than {limit.Value.ToString("N0", CultureInfo.InvariantCulture)} characters, the most the import holds in memory from one part (MaxWorkbookPartCharacters).");
        }
    }

    /// <summary>
    /// What the Open XML SDK throws for a package whose parts are not what they claim: XML that is not well-formed or
    /// holds a character XML forbids, an attribute whose text is not of its type (a row number "x"), a damaged entry,
    /// and whatever the SDK or the packaging under it throws, such as the <see cref="InvalidOperationException"/> of a
    /// relationship to a part the package does not have.
    /// </summary>
    private static bool Unreadable(Exception error) =>
        error is XmlException or FormatException or InvalidDataException or OpenXmlPackageException or FileFormatException
        || error.Source is "System.IO.Packaging"
        || error.Source?.StartsWith("DocumentFormat.OpenXml", StringComparison.Ordinal) == true;

    /// <summary>Moves to the next row with a value; an unreadable part of the sheet stops the import at the row after the last one read.</summary>
    private bool NextRow()
    {
        try
        {
            return NextRowOrThrow();
        }
        catch (Exception error) when (Unreadable(error))
        {
            throw new ImportException(new ImportProblem(Line + 1, null, null, $"the sheet cannot be read after row {Line}: {error.Message}"));
        }
    }

    /// <summary>The next merged range below the header, read after the rows (the merged cells follow them); <see langword="null"/> at the end of the sheet.</summary>
    private MergedRange? NextMergedRange()
    {
        try
        {
            while (reader.Read())
            {
                if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement
                    && MergedRange.Parse(((MergeCell)reader.LoadCurrentElement()!).Reference?.Value) is { } range && range.FirstRow <= lastRowRead
                    && (range.LastRow > lastRowRead ? range with { LastRow = lastRowRead } : range) is var read && read.LastRow > HeaderLine)
                {
                    // Only its cells in rows read hide values: the empty rows below the last are not rows of the import.
                    return read;
                }
            }

            return null;
        }
        catch (Exception error) when (Unreadable(error))
        {
            throw new ImportException(new ImportProblem(Line + 1, null, null, $"the sheet cannot be read after row {Line}: {error.Message}"));
        }
    }

    /// <summary>Moves to the next row with a value; false at the end of the rows, where the reader stays for <see cref="MergedRanges"/>.</summary>
    private bool NextRowOrThrow()
    {
        while (!rowsEnded && reader.Read())
        {
            if (reader.ElementType == typeof(SheetData) && reader.IsEndElement)
            {
                rowsEnded = true;
                break;
            }

            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            Line = row.RowIndex?.Value ?? Line + 1;
            var cells = row.Elements<Cell>().ToList();

            // A cell without a reference is the one after the cell before it (as Excel places it), not the cell at its
            // place in the list: after "D2", an unreferenced cell is E2, whatever cells before D were left out.
            var columns = new int[cells.Count];
            for (var i = 0; i < cells.Count; i++)
            {
                columns[i] = Column(cells[i].CellReference?.Value) ?? (i == 0 ? 0 : columns[i - 1] + 1);
            }

            var width = Math.Max(Header?.Count ?? 0, cells.Count == 0 ? 0 : columns.Max() + 1);
            texts = new string?[width];
            numbers = new double?[width];
            currencies = new string?[width];
            percents = new bool[width];
            dates = new bool[width];
            unreadable.Clear();
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var column = columns[i];
                var earlier = i > 0 && column <= columns[i - 1] ? Array.IndexOf(columns, column, 0, i) : -1;
                if (earlier >= 0)
                {
                    // A damaged row (Excel refuses it): one value would replace the other unseen. A problem of the row
                    // when the import reads the column, as an error cell is.
                    var first = texts[column] ?? cells[earlier].CellValue?.Text;
                    var second = Value(cell, column).Text ?? cell.CellValue?.Text;
                    unreadable.Add((column, $"the row has two cells at {cell.CellReference?.Value ?? cells[earlier].CellReference?.Value}, '{first}' and '{second}': the workbook is damaged; open it in Excel and save it again."));
                    (texts[column], numbers[column], currencies[column], percents[column], dates[column]) = (null, null, null, false, false);
                    continue;
                }

                (texts[column], numbers[column]) = Value(cell, column);
                dates[column] = numbers[column] is not null && cell.DataType?.Value == CellValues.Date;
                if (numbers[column] is { } number && cell.StyleIndex?.Value is { } style && style < currencyOfStyle.Length)
                {
                    currencies[column] = currencyOfStyle[style];
                    dates[column] |= dateOfStyle[style];
                    // A number no decimal holds (1E+300, NaN) keeps its stored text: a column the import reads refuses it by its range.
                    if (percentOfStyle[style] && number is > -1e15 and < 1e15)
                    {
                        // Shown as 85 %, stored as 0.85: read as the number shown, and named so in a message.
                        percents[column] = true;
                        texts[column] = (CellNumber(number) * 100).ToString("G29", CultureInfo.InvariantCulture) + "%";
                    }
                }
            }

            if (texts.Any(t => t is not null) || unreadable.Count > 0)
            {
                lastRowRead = Line;
                return true;
            }
        }

        return false;
    }

    private (string? Text, double? Number) Value(Cell cell, int column)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        // A formula with no value element, or an empty one (<v/>), unless it computed an empty text (t="str").
        if (cell.CellFormula is { } formula && (cell.CellValue is null || (cell.CellValue.Text.Length == 0 && type != CellValues.String)))
        {
            // Written by a program that does not compute formulas: there is no value to read, only the formula.
            unreadable.Add((column, $"the cell holds the formula ={formula.Text} with no computed value: open the workbook in Excel and save it, or export values only."));
            return (null, null);
        }

        if (type == CellValues.SharedString)
        {
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Length)
            {
                return (Trimmed(sharedStrings[index]), null);
            }

            // A damaged workbook: the text the cell refers to is not there, and reading it as empty would lose it unseen.
            unreadable.Add((column, $"the cell refers to shared string {raw}, which the workbook does not have ({sharedStrings.Length} strings)."));
            return (null, null);
        }

        if (type == CellValues.Boolean)
        {
            // As Excel shows it and writes it to CSV.
            return (raw?.Trim() switch { "1" => "TRUE", "0" => "FALSE", var other => Trimmed(other) }, null);
        }

        if (type == CellValues.InlineString)
        {
            return (cell.InlineString is { } inline ? Trimmed(PlainText(inline)) : null, null);
        }

        if (type == CellValues.Error)
        {
            unreadable.Add((column, $"the cell holds the error {raw}."));
            return (null, null);
        }

        if (type == CellValues.Date)
        {
            // An ISO 8601 date cell (t="d"): given as the day number the workbook would store, so it reads as any date does.
            // A time without a day ("12:00:00") is Excel's time of day 0, its fraction alone, not a time of today.
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.NoCurrentDateDefault, out var day)
                ? (raw, day.Date == DateTime.MinValue && !raw!.TrimStart().StartsWith("0001", StringComparison.Ordinal) ? day.TimeOfDay.TotalDays : Dates1904 ? day.ToOADate() - Days1904 : Serial1900(day))
                : (Trimmed(raw), null);
        }

        if (type is null || type == CellValues.Number)
        {
            // Its text is the number Excel shows, not the stored spelling: "9000000000.0" and "9E9" (as programs other than
            // Excel write numbers) are the id 9000000000 that Excel shows and a CSV of the same sheet holds.
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? (number is > -1e15 and < 1e15 ? CellNumber(number).ToString(CultureInfo.InvariantCulture) : Trimmed(raw), number)
                : (Trimmed(raw), null);
        }

        return (Trimmed(raw), null);
    }

    /// <summary>
    /// The text of a shared or inline string: its own text and its runs', without the phonetic guides (<c>rPh</c>) that
    /// Japanese workbooks keep beside a name, which Excel does not show and which would make "株式会社東京" another account.
    /// </summary>
    private static string PlainText(OpenXmlElement item) =>
        string.Concat(item.ChildElements.Select(child => child switch
        {
            Text text => text.Text,
            Run run => run.Text?.Text,
            _ => null,
        }));

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The zero-based column of a cell reference such as <c>AB12</c>.</summary>
    internal static int? Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            if (column > 16_384)
            {
                return null;
            }
        }

        return column == 0 ? null : column - 1;
    }
}

/// <summary>A range of merged cells of a sheet, such as <c>B2:B6</c>: Excel shows its first cell's value across it, and stores the value in that cell only.</summary>
/// <param name="Reference">The range as the sheet gives it.</param>
/// <param name="FirstColumn">The zero-based column of its first cell.</param>
/// <param name="FirstRow">The row number of its first cell.</param>
/// <param name="LastColumn">The zero-based column of its last cell.</param>
/// <param name="LastRow">The row number of its last cell.</param>
internal sealed record MergedRange(string Reference, int FirstColumn, long FirstRow, int LastColumn, long LastRow)
{
    /// <summary>Whether the range holds a cell of <paramref name="column"/> other than its first cell, whose value Excel shows there but the sheet does not store.</summary>
    public bool HidesValuesIn(int column) =>
        column >= FirstColumn && column <= LastColumn && (column != FirstColumn || LastRow > FirstRow);

    /// <summary>The range of a reference such as <c>B2:C6</c>; <see langword="null"/> for one cell or a reference that is not a range.</summary>
    public static MergedRange? Parse(string? reference)
    {
        var parts = reference?.Split(':');
        if (parts is not [var first, var last]
            || ExcelSource.Column(first) is not { } firstColumn || ExcelSource.Column(last) is not { } lastColumn
            || Row(first) is not { } firstRow || Row(last) is not { } lastRow)
        {
            return null;
        }

        var range = new MergedRange(reference!, Math.Min(firstColumn, lastColumn), Math.Min(firstRow, lastRow), Math.Max(firstColumn, lastColumn), Math.Max(firstRow, lastRow));
        return range.FirstColumn == range.LastColumn && range.FirstRow == range.LastRow ? null : range;
    }

    /// <summary>The row number of a cell reference such as <c>AB12</c>.</summary>
    private static long? Row(string cell)
    {
        var digits = cell.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row >= 1 ? row : null;
    }
}
