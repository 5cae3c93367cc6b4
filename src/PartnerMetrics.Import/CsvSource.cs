using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace PartnerMetrics.Import;

/// <summary>
/// A CSV export read row by row: comma-separated, strict UTF-8 (or UTF-16 or UTF-32 with a byte order mark), one
/// header row, blank lines and rows of empty fields skipped, no comment lines, each record numbered by the physical line it starts on, and
/// rows of any length up to <see cref="MaxRowLength"/> characters. A file that cannot be read as CSV from some point
/// on throws <see cref="ImportException"/> naming the line.
/// </summary>
internal sealed class CsvSource : ITableSource
{
    /// <summary>The longest row read, in characters: a bound on memory, far above any real export's row.</summary>
    public const int MaxRowLength = 16 * 1024 * 1024;

    /// <summary>
    /// The CSV reader's comment character, which no line of text starts with: Sylvan cannot turn comments off, and skips
    /// every line that starts with its comment character (a '\0' one made a line starting with NUL vanish, uncounted). A
    /// low surrogate only ever follows a high one, and the strict decoders refuse a lone one.
    /// </summary>
    internal const char NoComment = '\uDFFF';

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly CsvDataReader csv;
    private readonly bool signalBroken;
    private long nextLine;

    private CsvSource(CsvDataReader csv)
    {
        this.csv = csv;
        // A byte-order mark left in text a caller decoded (a file read into a string) is no part of the first header.
        Header = new TableHeader([.. Enumerable.Range(0, csv.FieldCount).Select(i => i == 0 && csv.GetName(0).StartsWith('\uFEFF') ? csv.GetName(0)[1..] : csv.GetName(i))]);
        nextLine = 2;
        for (var ordinal = 0; ordinal < csv.FieldCount; ordinal++)
        {
            nextLine += LineBreaks(csv.GetName(ordinal));
        }
    }

    private CsvSource(CsvDataReader csv, TableHeader header, long firstLine, bool signalBroken)
    {
        this.csv = csv;
        this.signalBroken = signalBroken;
        Header = header;
        nextLine = firstLine;
    }

    /// <summary>Gets the header row.</summary>
    public TableHeader Header { get; }

    /// <summary>Gets the line the current record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>Gets the number of fields of the current record.</summary>
    public int FieldCount => csv.RowFieldCount;

    public bool Ragged => csv.RowFieldCount != Header.Count;

    /// <summary>
    /// The text of a CSV file: UTF-8, or the UTF-16 or UTF-32 its byte order mark names, each decoded strictly, so that
    /// bytes that are not text (a lone surrogate, a legacy code page) stop the reading with the line rather than becoming U+FFFD.
    /// </summary>
    /// <remarks>The byte order mark is looked for in the first four bytes, read before the text is.</remarks>
    public static TextReader Text(Stream stream)
    {
        var start = new byte[4];
        var length = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var (encoding, mark) = start.AsSpan(0, length) switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => ((Encoding)new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
            [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
            _ => (StrictUtf8, 0),
        };
        return new StreamReader(new PrefixedStream(start[mark..length], stream), encoding, detectEncodingFromByteOrderMarks: false);
    }

    public static CsvSource Open(TextReader text) => Guard(1, () => new CsvSource(CsvDataReader.Create(text, Options)));

    public static async ValueTask<ITableSource> OpenAsync(TextReader text, CancellationToken cancellationToken)
    {
        try
        {
            return new CsvSource(await CsvDataReader.CreateAsync(text, Options, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception error) when (error is CsvMissingHeadersException or CsvFormatException or DecoderFallbackException)
        {
            throw Problem(1, error);
        }
    }

    /// <summary>
    /// Opens the records of a file from a record boundary on (<see cref="CsvBlocks"/>), numbered from
    /// <paramref name="firstLine"/>. The text starts with the file's header row again, so that the CSV reader is in the
    /// state the whole file's reader is in after its header (it learns from the header how lines end).
    /// </summary>
    /// <param name="text">The header row, then the text from the boundary on.</param>
    /// <param name="header">The file's header.</param>
    /// <param name="firstLine">The line the text after the header starts on.</param>
    /// <param name="signalBroken">
    /// Whether text that is not CSV throws <see cref="CsvBlockBrokenException"/>, so that the caller reads the block
    /// again as part of the rest of the file, rather than <see cref="ImportException"/>.
    /// </param>
    /// <param name="buffer">The CSV reader's starting buffer, reused from block to block; the reader grows past it, up to <see cref="MaxRowLength"/>, for a record that does not fit. <see langword="null"/> for a buffer of the reader's own.</param>
    public static CsvSource OpenBlock(TextReader text, TableHeader header, long firstLine, bool signalBroken, char[]? buffer = null)
    {
        try
        {
            var options = Options;
            var csv = buffer is null ? CsvDataReader.Create(text, options) : CsvDataReader.Create(text, buffer, options);
            return new(csv, header, firstLine, signalBroken);
        }
        catch (Exception error) when (error is CsvFormatException or DecoderFallbackException or CsvMissingHeadersException)
        {
            throw signalBroken ? new CsvBlockBrokenException() : Problem(firstLine, error);
        }
    }

    /// <summary>Reads every record of a small file (a lookup) with a reader chosen from its header.</summary>
    public static void Read(TextReader text, Func<TableHeader, Action<CsvSource, long>> start)
    {
        using var source = Open(text);
        var record = start(source.Header);
        while (source.Read())
        {
            record(source, source.Line);
        }
    }

    /// <summary>Moves to the next record that is not a blank line or a row of empty fields.</summary>
    public bool Read()
    {
        while (true)
        {
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (Exception error) when (error is CsvFormatException or DecoderFallbackException)
            {
                throw signalBroken ? new CsvBlockBrokenException() : Problem(nextLine, error);
            }

            if (!more)
            {
                return false;
            }

            if (Next())
            {
                return true;
            }
        }
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            bool more;
            try
            {
                more = await csv.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is CsvFormatException or DecoderFallbackException)
            {
                throw Problem(nextLine, error);
            }

            if (!more)
            {
                return false;
            }

            if (Next())
            {
                return true;
            }
        }
    }

    /// <summary>The trimmed text of a field of the current record; <see langword="null"/> when it is empty or the record is short of it.</summary>
    public string? Text(int ordinal)
    {
        if (ordinal < 0 || ordinal >= csv.RowFieldCount)
        {
            return null;
        }

        var span = csv.GetFieldSpan(ordinal).Trim();
        return span.IsEmpty ? null : span.ToString();
    }

    public ReadOnlySpan<char> Span(int ordinal) => ordinal >= 0 && ordinal < csv.RowFieldCount ? csv.GetFieldSpan(ordinal).Trim() : default;

    /// <summary>CSV has only text.</summary>
    public double? Number(int ordinal) => null;

    public void Dispose() => csv.Dispose();

    private static CsvDataReaderOptions Options => new()
    {
        // A fixed delimiter (Sylvan guesses one otherwise) and no comment lines: a CRM export has neither, and an
        // id starting with '#' (or NUL) must not make a row disappear.
        Delimiter = ',',
        Comment = NoComment,
        HasHeaders = true,
        MaxBufferSize = MaxRowLength,
    };

    private static T Guard<T>(long line, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is CsvMissingHeadersException or CsvFormatException or DecoderFallbackException)
        {
            throw Problem(line, error);
        }
    }

    private static ImportException Problem(long line, Exception error) => new(new ImportProblem(line, null, null, error switch
    {
        CsvMissingHeadersException => "the file is empty: the first line must be the header row.",
        DecoderFallbackException => "the file is not UTF-8 text at or after this line (an export in a legacy code page such as Windows-1252?), or, after a UTF-16 or UTF-32 byte order mark, not valid in that encoding, so reading stopped: save it as \"CSV UTF-8\", or as UTF-16 with a byte order mark.",
        _ when line == 1 => $"the header row is not valid CSV: {error.Message}",
        _ => Broken(error),
    }));

    /// <summary>
    /// Why reading stopped at a record the CSV reader could not read, for a problem of its line: the import's and the
    /// tool's own reader give the same sentence.
    /// </summary>
    internal static string Broken(Exception error) => string.Create(
        CultureInfo.InvariantCulture,
        // Sylvan's sentence for a row too long counts rows from where its reader started, which is not the file's start
        // for a block read on another thread, nor the line the problem names: it is left out.
        $"the CSV is broken from here on (a row longer than {MaxRowLength:N0} characters, or an unclosed quote?), so reading stopped{(error is CsvRecordTooLargeException ? "." : $": {error.Message}")}");

    /// <summary>Numbers the record just read; false for a blank line.</summary>
    private bool Next()
    {
        // Lines are counted from the raw records, which include their line endings, so a quoted value with line
        // breaks in it moves the count on exactly as it moves the file on.
        Line = nextLine;
        nextLine += LineBreaks(csv.GetRawRecordSpan());
        return !Blank();
    }

    /// <summary>
    /// Whether every field of the record just read is empty or white space: a blank line, or the commas a spreadsheet
    /// saved as CSV writes for an empty row (",,,,"), which holds nothing to read, as an empty worksheet row does.
    /// </summary>
    private bool Blank()
    {
        for (var ordinal = 0; ordinal < csv.RowFieldCount; ordinal++)
        {
            if (!csv.GetFieldSpan(ordinal).IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts line breaks: CR LF, LF and a lone CR each end a line.</summary>
    internal static long LineBreaks(ReadOnlySpan<char> text)
    {
        var returns = text.Count('\r');
        return text.Count('\n') + (returns == 0 ? 0 : returns - text.Count("\r\n"));
    }
}

/// <summary>A table read row by row: a CSV file or a worksheet.</summary>
internal interface ITableSource : IDisposable
{
    TableHeader Header { get; }

    /// <summary>Gets the line (CSV) or row number (worksheet) of the current record.</summary>
    long Line { get; }

    int FieldCount { get; }

    /// <summary>Gets a value indicating whether the current record has another number of fields than the header (a CSV value with an unquoted comma shifts every later column).</summary>
    bool Ragged { get; }

    bool Read();

    ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>The trimmed text of a field; <see langword="null"/> when it is empty or missing.</summary>
    string? Text(int ordinal);

    /// <summary>The trimmed text of a field without a string; empty when it is empty or missing.</summary>
    ReadOnlySpan<char> Span(int ordinal);

    /// <summary>The value of a numeric cell (a worksheet's numbers and dates); <see langword="null"/> for text.</summary>
    double? Number(int ordinal);

    /// <summary>
    /// The currency a numeric cell's format shows it in — an ISO 4217 code (<c>[$EUR]</c>, <c>"USD"</c>) or a sign
    /// (<c>"$"#,##0.00</c>, <c>[$€-2]</c>) — for a worksheet's numbers; <see langword="null"/> when the format shows none or
    /// the field is text.
    /// </summary>
    string? Currency(int ordinal) => null;

    /// <summary>Whether a numeric cell's format shows it as a percentage (<c>0%</c>): it is read as the number shown, 100 times the one stored.</summary>
    bool Percent(int ordinal) => false;

    /// <summary>Whether a numeric cell shows a day or a time of day (a date or time format, an ISO date cell): its number is a day number, not a quantity.</summary>
    bool ShowsDate(int ordinal) => false;

    /// <summary>Gets a value indicating whether a numeric date counts days from 1904-01-01 (a workbook's <c>date1904</c>) rather than from 1899-12-30.</summary>
    bool Dates1904 => false;

    /// <summary>Gets the cells of the current record that hold no value to read, with why: a worksheet's error or uncomputed formula.</summary>
    IReadOnlyList<(int Ordinal, string Problem)> UnreadableCells => [];

    /// <summary>Gets the merged ranges of a sheet below its header, up to its last row with a value, read once after the last row (a sheet's are streamed from the rest of it). A CSV file has none.</summary>
    IEnumerable<MergedRange> MergedRanges => [];
}

/// <summary>The header row of a table; a column without a name (a CSV header ending in commas, an empty header cell) is named by its place, "(column 3)".</summary>
internal sealed class TableHeader(string?[] given)
{
    private readonly string[] names = [.. given.Select((name, i) => string.IsNullOrWhiteSpace(name) ? string.Create(CultureInfo.InvariantCulture, $"(column {i + 1})") : name)];

    public int Count => names.Length;

    public string Name(int ordinal) => names[ordinal];

    /// <summary>The ordinal of a header, compared as <see cref="ImportProfile.Normalize"/> does; -1 when absent.</summary>
    public int Find(string header)
    {
        var wanted = ImportProfile.Normalize(header);
        return Array.FindIndex(names, n => ImportProfile.Normalize(n) == wanted);
    }

    /// <summary>The first headers, quoted, for a message.</summary>
    public string Describe()
    {
        var shown = string.Join(", ", names.Take(12).Select(n => $"\"{n}\""));
        return names.Length > 12 ? string.Create(CultureInfo.InvariantCulture, $"{shown} and {names.Length - 12} more") : shown;
    }
}

/// <summary>A read-only stream that gives some bytes already read from another stream, then the rest of it; disposing it disposes the other.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position < prefix.Length)
        {
            // The prefix and, in the same read, as much of the rest as one read gives: the CSV reader learns how lines
            // end (LF, CR LF, or a lone CR) from the text of its first read, so that read must hold whole lines.
            var count = Math.Min(buffer.Length, prefix.Length - position);
            prefix.AsSpan(position, count).CopyTo(buffer);
            position += count;
            return count == buffer.Length ? count : count + rest.Read(buffer[count..]);
        }

        return rest.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position < prefix.Length)
        {
            var count = Math.Min(buffer.Length, prefix.Length - position);
            prefix.AsMemory(position, count).CopyTo(buffer);
            position += count;
            return count == buffer.Length ? count : count + await rest.ReadAsync(buffer[count..], cancellationToken).ConfigureAwait(false);
        }

        return await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
