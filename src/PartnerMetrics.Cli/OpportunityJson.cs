using System.Buffers;
using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Cli;

/// <summary>
/// Reads opportunities from JSON in the PartnerMetrics form (docs/model.md): an array of opportunities,
/// or a whole portfolio object, whose opportunities are all read (<see cref="Portfolio.AllOpportunities"/>).
/// </summary>
/// <remarks>
/// <para>
/// An array is read from the stream one item at a time through a window that holds only the item being read,
/// so an array of any length is read in bounded memory (apart from the ids seen, kept to reject a repeated
/// one). <see cref="PartnerMetricsJson"/> reads one <see cref="Opportunity"/>, not a bare array, so each item
/// is read on its own: a bad item is reported with its line and JSON path (<c>$[3].amount</c>) and the others
/// are still read, so one run lists every problem.
/// </para>
/// <para>
/// A portfolio is one validated value, so its document is read whole; one larger than the largest buffer
/// .NET allows (about 2 GiB) is reported as a problem that says to give the deals as an array or a CSV file.
/// </para>
/// </remarks>
internal static class OpportunityJson
{
    /// <summary>The size of the window the stream is read into; it grows only for an item larger than this.</summary>
    internal const int DefaultWindow = 1 << 16;

    /// <summary>Reads every opportunity of a JSON document, passing each valid one to <paramref name="add"/>.</summary>
    /// <param name="utf8Json">The document, UTF-8, with or without a byte-order mark; read to its end, never sought.</param>
    /// <param name="add">Receives each opportunity read.</param>
    /// <param name="problems">Receives every problem.</param>
    /// <param name="progress">Called every few thousand items with the number of bytes read so far.</param>
    /// <param name="window">The initial window size in bytes (tests make it small to cross many window edges).</param>
    /// <param name="largestWindow">The most the window may grow to: the largest item, or portfolio, that can be read.</param>
    /// <returns>The number of opportunities in the document, valid or not.</returns>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static long Read(Stream utf8Json, Action<Opportunity> add, InputProblems problems, Action<long>? progress = null, int window = DefaultWindow, int largestWindow = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(add);
        ArgumentNullException.ThrowIfNull(problems);
        using var input = new Window(utf8Json, window, Math.Min(largestWindow, Array.MaxLength));
        return new ArrayReader(input, add, problems, progress).Read();
    }

    private static string TooLarge(long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"over {limit:N0} bytes, the most that is read whole");

    /// <summary>
    /// The walk of the document. The array's own punctuation (<c>[</c>, <c>,</c>, <c>]</c> and the whitespace
    /// between) is read here, so that whitespace of any length is passed over without being kept; each item is
    /// read by a <see cref="Utf8JsonReader"/> of its own once the window holds all of it.
    /// </summary>
    private sealed class ArrayReader(Window input, Action<Opportunity> add, InputProblems problems, Action<long>? progress)
    {
        private static readonly JsonReaderOptions Options = new() { MaxDepth = PartnerMetricsJson.MaxDepth };

        private readonly Dictionary<string, (long Index, long Line)> seen = new(StringComparer.Ordinal);

        /// <summary>Where the walk stands in the window.</summary>
        private int position;

        /// <summary>Where the value last read by <see cref="TryReadValue"/> starts in the window.</summary>
        private int valueStart;

        public long Read()
        {
            position = input.Start();
            if (!SkipWhitespace())
            {
                problems.Fail($"the file is empty: expected a JSON array of opportunities or a portfolio object ({DocsLinks.Docs}model.md).");
                return 0;
            }

            if (input.Span(position) is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            {
                problems.Fail("the file is UTF-16 text (it starts with a UTF-16 byte-order mark); opportunities in JSON are read as UTF-8: save it as UTF-8.");
                return 0;
            }

            switch (input[position])
            {
                case (byte)'{':
                    return ReadPortfolio();
                case not (byte)'[':
                    if (TryReadValue(out var first, out _))
                    {
                        problems.Fail($"line {input.LineAt(position)}: expected a JSON array of opportunities or a portfolio object, found {first} ({DocsLinks.Docs}model.md).");
                    }

                    return 0;
            }

            position++;
            var index = 0L;
            while (true)
            {
                if (!SkipWhitespace())
                {
                    problems.Fail("the array is not closed: the file ends too early.");
                    return index;
                }

                if (input[position] == ']')
                {
                    if (index > 0)
                    {
                        NotJson(input.LineAt(position), "a ',' is followed by ']'; an array has no comma after its last item.");
                        return index;
                    }

                    position++;
                    break;
                }

                var line = input.LineAt(position);
                if (!TryReadValue(out _, out var error, index))
                {
                    if (error is not null)
                    {
                        NotJson(line + (error.LineNumber ?? 0), error.Message);
                    }

                    return index;
                }

                ReadItem(input.Slice(valueStart, position), index, line);
                index++;
                if (progress is not null && index % 4096 == 0)
                {
                    progress(input.Discarded + position);
                }

                if (!SkipWhitespace())
                {
                    problems.Fail("the array is not closed: the file ends too early.");
                    return index;
                }

                if (input[position] == ']')
                {
                    position++;
                    break;
                }

                if (input[position] != ',')
                {
                    NotJson(input.LineAt(position), string.Create(CultureInfo.InvariantCulture, $"expected ',' or ']' after $[{index - 1}], found '{(char)input[position]}'."));
                    return index;
                }

                position++;
            }

            if (SkipWhitespace())
            {
                problems.Fail(string.Create(CultureInfo.InvariantCulture, $"line {input.LineAt(position)}: there is more after the array; a file holds one array."));
            }

            return index;
        }

        /// <summary>Passes over JSON whitespace, reading more of the stream as needed.</summary>
        /// <returns><see langword="false"/> at the end of the stream.</returns>
        private bool SkipWhitespace()
        {
            while (true)
            {
                var skip = input.Span(position).IndexOfAnyExcept(" \t\r\n"u8);
                if (skip >= 0)
                {
                    position += skip;
                    return true;
                }

                position = input.Filled;
                if (!Refill())
                {
                    return false;
                }
            }
        }

        /// <summary>Reads the value at <see cref="position"/> whole into the window and moves past it: it then starts at <see cref="valueStart"/>.</summary>
        /// <param name="token">The value's last token: its only one, for a value that is not an object or an array.</param>
        /// <param name="error">The reason the value is not valid JSON, with a line relative to its first line; <see langword="null"/> when the problem is recorded already.</param>
        /// <param name="index">The index of the item in the array, for a problem; -1 for the document itself.</param>
        /// <returns><see langword="false"/> when the value is not valid JSON, or cannot be read whole.</returns>
        private bool TryReadValue(out JsonTokenType token, out JsonException? error, long index = -1)
        {
            var line = input.LineAt(position);
            while (true)
            {
                // A value read in part is read again from its start once the window holds more of it.
                var reader = new Utf8JsonReader(input.Span(position), input.Final, new JsonReaderState(Options));
                try
                {
                    if (reader.Read() && reader.TrySkip())
                    {
                        token = reader.TokenType;
                        valueStart = position;
                        position += (int)reader.BytesConsumed;
                        error = null;
                        return true;
                    }
                }
                catch (JsonException invalid)
                {
                    (token, error) = (JsonTokenType.None, invalid);
                    if (index < 0)
                    {
                        NotJson(line + (invalid.LineNumber ?? 0), invalid.Message);
                        error = null;
                    }

                    return false;
                }

                if (!Refill())
                {
                    problems.Fail(input.Full
                        ? string.Create(CultureInfo.InvariantCulture, $"line {line}: {(index < 0 ? "the value" : $"$[{index}]")} is {TooLarge(input.Largest)}.")
                        : "the array is not closed: the file ends too early.");
                    (token, error) = (JsonTokenType.None, null);
                    return false;
                }
            }
        }

        /// <summary>Records that the document is not valid JSON, with the line counted from the start of the file.</summary>
        private void NotJson(long line, string message)
        {
            // The reader's own position is relative to the value it read; the line given here is the file's.
            var at = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
            problems.Fail(string.Create(CultureInfo.InvariantCulture, $"line {line}: not valid JSON: {(at < 0 ? message : message[..at])}"));
        }

        /// <summary>Reads more of the stream, keeping the window from <see cref="position"/> on.</summary>
        private bool Refill()
        {
            if (input.Final)
            {
                return false;
            }

            var from = position;
            position = 0;
            return input.Refill(from);
        }

        private long ReadPortfolio()
        {
            // A portfolio is validated as a whole: read the rest of the document into the window.
            var line = input.LineAt(position);
            while (Refill())
            {
            }

            if (input.Full)
            {
                problems.Fail($"the portfolio document is {TooLarge(input.Largest)}; give its deals as a JSON array (read one deal at a time, of any length) or as a CSV file.");
                return 0;
            }

            Portfolio portfolio;
            try
            {
                portfolio = PartnerMetricsJson.Deserialize<Portfolio>(input.Slice(position, input.Filled));
            }
            catch (JsonException error)
            {
                problems.Fail(error.LineNumber is { } relative ? string.Create(CultureInfo.InvariantCulture, $"line {line + relative}: {error.Message}") : error.Message);
                return 0;
            }

            var count = 0L;
            foreach (var opportunity in portfolio.AllOpportunities())
            {
                add(opportunity);
                count++;
            }

            return count;
        }

        private void ReadItem(ReadOnlySpan<byte> item, long index, long line)
        {
            Opportunity opportunity;
            try
            {
                opportunity = PartnerMetricsJson.Deserialize<Opportunity>(item);
            }
            catch (JsonException error)
            {
                var relative = error.Path is ['$', .. var rest] ? rest : string.Empty;
                var message = error.Message;
                var details = message.IndexOf(" Path: ", StringComparison.Ordinal);
                message = details < 0 ? message : message[..details];
                var prefix = $"Invalid {nameof(Opportunity)} at {error.Path}: ";
                message = message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
                problems.Add(line + (error.LineNumber ?? 0), line, string.Create(CultureInfo.InvariantCulture, $"$[{index}]{relative}"), null, message);
                return;
            }

            var id = opportunity.Id.ToString();
            if (seen.TryGetValue(id, out var first))
            {
                problems.Add(line, line, string.Create(CultureInfo.InvariantCulture, $"$[{index}].id"), id, string.Create(CultureInfo.InvariantCulture, $"the same opportunity id is at $[{first.Index}] (line {first.Line}); a file has each opportunity once."));
                return;
            }

            seen.Add(id, (index, line));
            add(opportunity);
        }
    }

    /// <summary>
    /// The part of the stream being read: bytes before the reader's position are dropped when more is read, and
    /// the window grows only when what it must keep fills it. It counts the lines of what it drops.
    /// </summary>
    private sealed class Window(Stream stream, int size, int largest) : IDisposable
    {
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(size, 16, largest));

        /// <summary>The line of the first byte of the window, and how far the lines are counted from there.</summary>
        private long line = 1;
        private int lineCountedTo;

        /// <summary>Gets a value indicating whether the window holds the end of the stream.</summary>
        public bool Final { get; private set; }

        /// <summary>Gets the number of bytes of the window that hold data.</summary>
        public int Filled { get; private set; }

        /// <summary>Gets the number of bytes of the stream dropped before the window.</summary>
        public long Discarded { get; private set; }

        /// <summary>Gets the most the window may hold.</summary>
        public int Largest { get; } = largest;

        /// <summary>Gets a value indicating whether the window is as large as it may be, full, and the stream goes on.</summary>
        public bool Full => !Final && Filled == Capacity && Capacity == Largest;

        private int Capacity => Math.Min(buffer.Length, Largest);

        /// <summary>Reads the first bytes of the stream.</summary>
        /// <returns>The length of the UTF-8 byte-order mark they start with: 0 or 3.</returns>
        public int Start()
        {
            Refill(0);
            return buffer.AsSpan(0, Filled).StartsWith("\uFEFF"u8) ? 3 : 0;
        }

        /// <summary>Gets a byte of the window.</summary>
        public byte this[int offset] => buffer[offset];

        /// <summary>Gets the bytes of the window from <paramref name="from"/> on.</summary>
        public ReadOnlySpan<byte> Span(int from) => buffer.AsSpan(from, Filled - from);

        public ArraySegment<byte> Slice(int start, int end) => new(buffer, start, end - start);

        /// <summary>Gets the 1-based line of a byte of the window; bytes are asked for in order.</summary>
        public long LineAt(int offset)
        {
            line += buffer.AsSpan(lineCountedTo, offset - lineCountedTo).Count((byte)'\n');
            lineCountedTo = offset;
            return line;
        }

        /// <summary>
        /// Drops the bytes before <paramref name="keepFrom"/>, by which every offset into the window moves down, and
        /// reads until the window is full or the stream ends, growing the window when what is kept fills it.
        /// </summary>
        /// <returns>
        /// <see langword="true"/> when the window holds more than before: more bytes, or the news that the stream has ended;
        /// <see langword="false"/> at the end of the stream, or when the window is <see cref="Full"/>.
        /// </returns>
        public bool Refill(int keepFrom)
        {
            if (Final)
            {
                return false;
            }

            if (keepFrom > 0)
            {
                LineAt(keepFrom);
                buffer.AsSpan(keepFrom, Filled - keepFrom).CopyTo(buffer);
                Filled -= keepFrom;
                Discarded += keepFrom;
                lineCountedTo = 0;
            }
            else if (Filled == Capacity)
            {
                if (Capacity == Largest)
                {
                    return false;
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)Capacity * 2, Largest));
                buffer.AsSpan(0, Filled).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            // A pipe hands over a little at a time: fill the window, so that an item is not scanned again for each piece.
            while (Filled < Capacity)
            {
                var read = stream.Read(buffer, Filled, Capacity - Filled);
                if (read == 0)
                {
                    Final = true;
                    break;
                }

                Filled += read;
            }

            return true;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}
