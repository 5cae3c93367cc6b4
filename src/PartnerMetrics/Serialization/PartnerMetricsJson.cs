using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PartnerMetrics.Serialization;

/// <summary>
/// The JSON form of the PartnerMetrics model: camelCase properties, enums as their names, dates as
/// ISO <c>yyyy-MM-dd</c>, durations as <c>d.hh:mm:ss</c>, absent optional values omitted.
/// </summary>
/// <remarks>
/// <para>
/// Reading is strict, because a CRM export that does not say what the model expects should fail
/// loudly rather than score the wrong thing: an unknown property, a duplicate property (on .NET 10;
/// on .NET 8 the last one wins), a number where a name is expected, an unknown enum name, a missing
/// required property or a value the model rejects all throw <see cref="JsonException"/> whose
/// <see cref="JsonException.Path"/> names the field, for example
/// <c>$.partnerships[3].commitments[0].resolvedOn</c>, and whose message names the path and says in
/// words what is wrong there, or what the form expects there and what the document holds, never a .NET
/// type: <c>Invalid Portfolio at $.partnerships[0]: Expected an object, got an array.</c> Text that is not
/// JSON at all is located by <see cref="JsonException.LineNumber"/> and <see cref="JsonException.BytePositionInLine"/>
/// instead. Nesting deeper than <see cref="MaxDepth"/>
/// is rejected. The model types carry their converters, so <see cref="JsonSerializer"/> with any
/// options produces the same format.
/// </para>
/// <para>
/// All members are thread-safe and trimming/AOT-safe (the metadata is source-generated).
/// </para>
/// </remarks>
public static class PartnerMetricsJson
{
    /// <summary>The deepest nesting a document may have; a portfolio needs eight levels (a goal's check-in: docs/model.md).</summary>
    public const int MaxDepth = 32;

    /// <summary>How much of a stream <see cref="DescribeAgain{T}"/> reads again to say what a document of the wrong kind holds.</summary>
    private const int DescribedBytes = 1 << 16;

    /// <summary>Gets the read-only serializer options for every PartnerMetrics model type.</summary>
    /// <value>Options backed by source-generated metadata; pass them to <see cref="JsonSerializer"/>, or copy them to change a setting.</value>
    public static JsonSerializerOptions Options => PartnerMetricsJsonContext.Default.Options;

    /// <summary>Writes a model value as JSON.</summary>
    /// <typeparam name="T">A PartnerMetrics model type, such as <see cref="Portfolio"/>.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a PartnerMetrics model type.</exception>
    public static string Serialize<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is Portfolio portfolio)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                PortfolioWriter.Write(writer, portfolio);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        return JsonSerializer.Serialize(value, Info<T>());
    }

    /// <summary>Writes a model value as UTF-8 JSON to a stream.</summary>
    /// <typeparam name="T">A PartnerMetrics model type, such as <see cref="Portfolio"/>.</typeparam>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a PartnerMetrics model type.</exception>
    public static void Serialize<T>(Stream utf8Json, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(value);
        if (value is Portfolio portfolio)
        {
            using var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
            PortfolioWriter.Write(writer, portfolio);
            return;
        }

        SerializeDocument(utf8Json, value);
    }

    /// <summary>Writes a value through its document, never the one-pass <see cref="PortfolioWriter"/>.</summary>
    internal static void SerializeDocument<T>(Stream utf8Json, T value)
        where T : class => JsonSerializer.Serialize(utf8Json, value, Info<T>());

    /// <summary>The options the serializer writes with: its encoder, no indentation.</summary>
    private static JsonWriterOptions WriterOptions => new()
    {
        Encoder = Options.Encoder,
        Indented = Options.WriteIndented,
        MaxDepth = Options.MaxDepth,
    };

    /// <summary>Reads a model value from JSON text.</summary>
    /// <typeparam name="T">A PartnerMetrics model type, such as <see cref="Portfolio"/>.</typeparam>
    /// <param name="json">The JSON text; a leading byte-order mark (U+FEFF, left by some file readers) is allowed.</param>
    /// <returns>The validated value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The text is not valid JSON, is the literal <c>null</c>, or does not describe a valid value; the message and <see cref="JsonException.Path"/> say where.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a PartnerMetrics model type.</exception>
    public static T Deserialize<T>(string json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        // One byte-order mark, as the byte and stream readers allow: a second one is not JSON.
        var text = json.StartsWith('\uFEFF') ? json.AsSpan(1) : json.AsSpan();
        try
        {
            T? value;
            try
            {
                value = JsonSerializer.Deserialize(text, Info<T>());
            }
            catch (JsonException error) when (!DocumentException.IsReported(error) || JsonShape.IsBlank(text))
            {
                throw Unreadable<T>(error, JsonShape.Describe(error, Info<T>(), System.Text.Encoding.UTF8.GetBytes(text.ToArray())));
            }
            catch (JsonException error) when (ItemInfo<T>() is not null)
            {
                throw Located<T>(error, System.Text.Encoding.UTF8.GetBytes(text.ToArray()));
            }
            catch (JsonException error) when (Placed(error, Before(text)) is { } placed)
            {
                throw placed;
            }
            catch (ArgumentException error) when (Ensure.UnpairedSurrogate(text) is { } at)
            {
                // The serializer transcodes the text to UTF-8 first, and refuses a lone half of a surrogate pair with an ArgumentException.
                throw new JsonException(
                    string.Create(CultureInfo.InvariantCulture, $"The JSON text holds half of a surrogate pair alone (U+{(int)text[at]:X4}) at character {at}: it is not valid UTF-16, so no value can be read from it."),
                    null,
                    null,
                    null,
                    error);
            }

            return NotNull(value);
        }
        catch (JsonException) when (Rejected<T>())
        {
            throw;
        }
    }

    /// <summary>Reads a model value from UTF-8 JSON.</summary>
    /// <typeparam name="T">A PartnerMetrics model type, such as <see cref="Portfolio"/>.</typeparam>
    /// <param name="utf8Json">The UTF-8 JSON bytes; a leading byte-order mark is allowed.</param>
    /// <returns>The validated value.</returns>
    /// <exception cref="JsonException">The bytes are not valid JSON, are the literal <c>null</c>, or do not describe a valid value.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a PartnerMetrics model type.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : class
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8Json.StartsWith(bom))
        {
            utf8Json = utf8Json[bom.Length..];
        }

        if (typeof(T) == typeof(Portfolio) && PortfolioReader.TryRead(utf8Json, out var portfolio))
        {
            return (T)(object)portfolio!;
        }

        return ReadDocument<T>(utf8Json);
    }

    /// <summary>Reads a value through its document (System.Text.Json, then the model's constructor), never the one-pass <see cref="PortfolioReader"/>.</summary>
    /// <param name="utf8Json">The UTF-8 JSON bytes, without a byte-order mark.</param>
    internal static T ReadDocument<T>(ReadOnlySpan<byte> utf8Json)
        where T : class
    {
        try
        {
            T? value;
            try
            {
                value = JsonSerializer.Deserialize(utf8Json, Info<T>());
            }
            catch (JsonException error) when (!DocumentException.IsReported(error) || JsonShape.IsBlank(utf8Json))
            {
                throw Unreadable<T>(error, JsonShape.Describe(error, Info<T>(), utf8Json));
            }
            catch (JsonException error) when (ItemInfo<T>() is not null)
            {
                throw Located<T>(error, utf8Json);
            }
            catch (JsonException error) when (Placed(error, Before(utf8Json)) is { } placed)
            {
                throw placed;
            }

            return NotNull(value);
        }
        catch (JsonException) when (Rejected<T>())
        {
            throw;
        }
    }

    /// <summary>Reads a model value from a UTF-8 JSON stream.</summary>
    /// <typeparam name="T">A PartnerMetrics model type, such as <see cref="Portfolio"/>.</typeparam>
    /// <param name="utf8Json">The stream to read to its end.</param>
    /// <returns>The validated value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The stream is not valid JSON, is the literal <c>null</c>, or does not describe a valid value.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a PartnerMetrics model type.</exception>
    public static T Deserialize<T>(Stream utf8Json)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        if (typeof(T) == typeof(Portfolio))
        {
            return (T)(object)ReadPortfolio(utf8Json);
        }

        return ReadDocument<T>(utf8Json);
    }

    /// <summary>
    /// Reads a portfolio from a stream: the document is read whole (as the document path would buffer it anyway)
    /// and given to the one-pass <see cref="PortfolioReader"/>; a document it leaves is read through the documents,
    /// from the same bytes.
    /// </summary>
    private static Portfolio ReadPortfolio(Stream utf8Json)
    {
        // A file's length is known: one buffer of that size (the pool would round a large one up to a power of two).
        var pooled = !utf8Json.CanSeek;
        var buffer = pooled ? ArrayPool<byte>.Shared.Rent(1 << 16) : GC.AllocateUninitializedArray<byte>(WholeLength(utf8Json));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length == Array.MaxLength)
                    {
                        throw TooLarge();
                    }

                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * length, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    if (pooled)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }

                    (buffer, pooled) = (larger, true);
                }

                var read = utf8Json.Read(buffer, length, buffer.Length - length);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            var bytes = buffer.AsSpan(0, length);
            if (PortfolioReader.TryRead(bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes, out var portfolio))
            {
                return portfolio!;
            }

            using var copy = new MemoryStream(buffer, 0, length, writable: false);
            return ReadDocument<Portfolio>(copy);
        }
        finally
        {
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        static int WholeLength(Stream stream)
        {
            // One byte more than the rest, so that the end is seen without growing the buffer.
            var rest = stream.Length - stream.Position + 1;
            return rest <= Array.MaxLength ? (int)Math.Max(rest, 1) : throw TooLarge();
        }

        static JsonException TooLarge()
        {
            Telemetry.Rejected(nameof(Portfolio));
            return new JsonException(string.Create(CultureInfo.InvariantCulture, $"A portfolio document is read whole, and this one is longer than {Array.MaxLength:N0} bytes, the most .NET can hold in one buffer."));
        }
    }

    /// <summary>Reads a value from a stream through its document, never the one-pass <see cref="PortfolioReader"/>.</summary>
    internal static T ReadDocument<T>(Stream utf8Json)
        where T : class
    {
        long? start = utf8Json.CanSeek ? utf8Json.Position : null;
        var counted = new FirstValueByte(utf8Json);
        try
        {
            T? value;
            try
            {
                value = JsonSerializer.Deserialize(counted, Info<T>());
            }
            catch (JsonException error) when (!DocumentException.IsReported(error))
            {
                throw Unreadable<T>(error, DescribeAgain<T>(error, utf8Json, start));
            }
            catch (JsonException error) when (counted.Blank || JsonShape.IsBlank(utf8Json, start))
            {
                throw Unreadable<T>(error, JsonShape.Describe(error, Info<T>(), ReadOnlySpan<byte>.Empty));
            }
            catch (JsonException error) when (start is { } from && ItemInfo<T>() is not null)
            {
                // A stream that can go back: the bytes again, to say which item the error is in.
                utf8Json.Position = from;
                using var copy = new MemoryStream();
                utf8Json.CopyTo(copy);
                var bytes = copy.GetBuffer().AsSpan(0, (int)copy.Length);
                throw Located<T>(error, bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes);
            }
            catch (JsonException error) when (Placed(error, counted.Before) is { } placed)
            {
                throw placed;
            }

            return NotNull(value);
        }
        catch (JsonException) when (Rejected<T>())
        {
            throw;
        }
    }

    /// <summary>
    /// The words for an error System.Text.Json raised itself while reading a stream (a document of the wrong kind, such as an
    /// object where a list belongs): what the form expects there and, as the text and the bytes say it, what the document
    /// holds, from its first bytes read again when the stream can go back to where the document starts. A stream that cannot
    /// has moved on, and only what is expected is said.
    /// </summary>
    /// <param name="error">The error.</param>
    /// <param name="utf8Json">The stream read.</param>
    /// <param name="start">Where the document starts in <paramref name="utf8Json"/>; <see langword="null"/> when it cannot seek.</param>
    private static string DescribeAgain<T>(JsonException error, Stream utf8Json, long? start)
    {
        if (start is not { } from || !utf8Json.CanSeek)
        {
            return JsonShape.Describe(error, Info<T>());
        }

        // Only the start of the document, where such an error is: a document of the wrong kind may be a large one.
        utf8Json.Position = from;
        var buffer = ArrayPool<byte>.Shared.Rent(DescribedBytes);
        try
        {
            var length = 0;
            int read;
            while (length < DescribedBytes && (read = utf8Json.Read(buffer, length, DescribedBytes - length)) > 0)
            {
                length += read;
            }

            var bytes = buffer.AsSpan(0, length);
            bytes = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

            // White space up to the bound is not an empty document: its value lies further on.
            return length == DescribedBytes && JsonShape.IsBlank(bytes) ? JsonShape.Describe(error, Info<T>()) : JsonShape.Describe(error, Info<T>(), bytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads a JSON array of opportunities (<c>[{"id": …}, …]</c>) one deal at a time, so that a list of any length
    /// is read in bounded memory. Each deal is validated as it is read.
    /// </summary>
    /// <param name="utf8Json">A UTF-8 stream holding one JSON array; read to its end.</param>
    /// <param name="cancellationToken">Stops the reading between deals.</param>
    /// <returns>The deals, in the order of the array.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">While enumerating: the stream is not a JSON array, or an element is <c>null</c> or not a valid opportunity; <see cref="JsonException.Path"/> names it.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was cancelled.</exception>
    public static IAsyncEnumerable<Pipeline.Opportunity> DeserializeOpportunitiesAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Elements(utf8Json, cancellationToken);

        static async IAsyncEnumerable<Pipeline.Opportunity> Elements(Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var index = 0;
            long? start = stream.CanSeek ? stream.Position : null;

            // The serializer reads a document that is the literal null as no elements: watched, so that it is refused as reading the list whole refuses it.
            var utf8Json = new FirstValueByte(stream);

            // The serializer reads the elements a buffer holds before it hands over the first: an element's error is met while an
            // earlier one is asked for. The counter says which element was being read.
            var counter = new CountedElements();
            var elements = JsonSerializer.DeserializeAsyncEnumerable(utf8Json, counter.Info, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (elements.ConfigureAwait(false))
            {
                while (true)
                {
                    Pipeline.Opportunity? opportunity;
                    bool ended;
                    try
                    {
                        ended = !await elements.MoveNextAsync().ConfigureAwait(false);
                        opportunity = ended ? null : elements.Current;
                    }
                    catch (JsonException error) when (error.InnerException is DocumentException { ReportedFor: { } model } problem)
                    {
                        // The element's reader names a field relative to the element; name the element too.
                        throw Counted(problem.Under(string.Create(CultureInfo.InvariantCulture, $"[{counter.Current}]")).ToJsonException(model, error.LineNumber, error.BytePositionInLine));
                    }
                    catch (JsonException error) when (!DocumentException.IsReported(error))
                    {
                        throw Counted(Unreadable<Pipeline.Opportunity[]>(error, DescribeAgain<Pipeline.Opportunity[]>(error, stream, start)));
                    }
                    catch (JsonException error) when (index == 0 && (utf8Json.Blank || JsonShape.IsBlank(stream, start)))
                    {
                        throw Counted(Unreadable<Pipeline.Opportunity[]>(error, JsonShape.Describe(error, Info<Pipeline.Opportunity[]>(), ReadOnlySpan<byte>.Empty)));
                    }
                    catch (JsonException error)
                    {
                        // Text that is not JSON, found by the serializer's reader: its path counts from the list ($[2]) already.
                        throw Counted(error);
                    }

                    if (ended)
                    {
                        // A document that is the literal null, in the words reading the list whole gives.
                        if (index == 0 && utf8Json.First == (byte)'n')
                        {
                            throw Counted(NullDocument<Pipeline.Opportunity[]>());
                        }

                        yield break;
                    }

                    // In the words reading the list whole gives.
                    yield return opportunity ?? throw Counted(DocumentException.NullItem(string.Empty, index).ToJsonException(Name<Pipeline.Opportunity[]>()));
                    index++;
                }
            }
        }
    }

    /// <summary>
    /// A stream read through, noting the first byte of its value: the first that is not white space or part of a byte-order
    /// mark (<see cref="DeserializeOpportunitiesAsync"/>). Its first read hands over at least the three bytes of a byte-order
    /// mark when the stream holds them: the serializer looks for the mark in the bytes of its first read only, so a stream
    /// that handed over one or two bytes first (a pipe, a network stream) had the mark read as text that is not JSON.
    /// </summary>
    private sealed class FirstValueByte(Stream inner) : Stream
    {
        /// <summary>The length of a UTF-8 byte-order mark.</summary>
        private const int MarkLength = 3;

        /// <summary>Whether the first read has been made.</summary>
        private bool begun;

        /// <summary>Gets the first byte of the value, once it has been read.</summary>
        public byte? First { get; private set; }

        /// <summary>
        /// Gets a value indicating whether every byte handed over so far is JSON's white space, after a byte-order mark at
        /// the start: once the serializer fails having read it all, the document is empty, though the stream cannot be read again.
        /// </summary>
        public bool Blank { get; private set; } = true;

        /// <summary>Gets the place of the value's first byte: the lines of white space before it, and the bytes of its line before it (a byte-order mark not counted, as the serializer does not count it).</summary>
        public (long Line, long Byte) Before { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <summary>Whether the first read must read on: it has some bytes, but fewer than a mark's, and room for more.</summary>
        private bool FirstShort(int read, int room) => !begun && read > 0 && read < Math.Min(MarkLength, room);

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            int more;
            while (FirstShort(read, buffer.Length) && (more = inner.Read(buffer[read..])) > 0)
            {
                read += more;
            }

            var first = !begun;
            begun = true;
            return Note(buffer[..read], first);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            int more;
            while (FirstShort(read, buffer.Length) && (more = await inner.ReadAsync(buffer[read..], cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += more;
            }

            var first = !begun;
            begun = true;
            return Note(buffer.Span[..read], first);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Note(ReadOnlySpan<byte> read, bool first)
        {
            // The first read holds a whole byte-order mark when the stream starts with one (FirstShort).
            if (Blank)
            {
                var text = first && read.StartsWith("\uFEFF"u8) ? read[MarkLength..] : read;
                Blank = text.IndexOfAnyExcept(" \t\r\n"u8) < 0;
            }

            // White space, and the bytes of a byte-order mark (anything else they could start is not JSON, and is refused).
            ReadOnlySpan<byte> blank = [0x20, 0x09, 0x0D, 0x0A, 0xEF, 0xBB, 0xBF];
            if (First is not null)
            {
                return read.Length;
            }

            var at = read.IndexOfAnyExcept(blank);
            var before = at >= 0 ? read[..at] : read;
            var lines = before.Count((byte)'\n');
            var line = lines == 0 ? before : before[(before.LastIndexOf((byte)'\n') + 1)..];
            var bytes = line.Length - line.Count((byte)0xEF) - line.Count((byte)0xBB) - line.Count((byte)0xBF);
            Before = lines == 0 ? (Before.Line, Before.Byte + bytes) : (Before.Line + lines, bytes);
            if (at >= 0)
            {
                First = read[at];
            }

            return read.Length;
        }
    }

    /// <summary>
    /// The elements of a deal list read one at a time, each through the deal's own converter, counted as they are read, so
    /// that an error is reported at the element it is in (<see cref="DeserializeOpportunitiesAsync"/>).
    /// </summary>
    private sealed class CountedElements : System.Text.Json.Serialization.JsonConverter<Pipeline.Opportunity>
    {
        private static readonly System.Text.Json.Serialization.JsonConverter<Pipeline.Opportunity> Element =
            (System.Text.Json.Serialization.JsonConverter<Pipeline.Opportunity>)Info<Pipeline.Opportunity>().Converter;

        private int started;

        public CountedElements() => Info = JsonMetadataServices.CreateValueInfo<Pipeline.Opportunity>(Options, this);

        /// <summary>Gets the metadata that reads the elements through this counter.</summary>
        public JsonTypeInfo<Pipeline.Opportunity> Info { get; }

        /// <summary>Gets the index of the element being read, or read last.</summary>
        public int Current => started - 1;

        /// <summary>Gets a value indicating that a <c>null</c> element is counted too: it is handed over, and refused in its turn.</summary>
        public override bool HandleNull => true;

        public override Pipeline.Opportunity? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            started++;
            return reader.TokenType == JsonTokenType.Null ? null : Element.Read(ref reader, typeToConvert, options);
        }

        public override void Write(Utf8JsonWriter writer, Pipeline.Opportunity value, JsonSerializerOptions options) => throw new NotSupportedException("Only reads.");
    }

    /// <summary>
    /// Reads one element of a portfolio's list from its whole text through its document, for an element the one-pass
    /// <see cref="PortfolioReader"/> leaves (<see cref="PortfolioJsonReader"/>): the value, or the exception reading the
    /// whole portfolio would throw, with the element's path under the portfolio (<c>$.partnerships[3].partner.id</c>).
    /// </summary>
    /// <param name="utf8Json">The element's text.</param>
    /// <param name="list">The portfolio's property that holds the element.</param>
    /// <param name="index">The element's index in the list.</param>
    /// <param name="at">The line of the element's first byte in the document, and that byte's position in its line.</param>
    internal static T ReadElement<T>(ReadOnlySpan<byte> utf8Json, string list, int index, (long Line, long Byte) at)
        where T : class
    {
        var segment = string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
        try
        {
            try
            {
                return JsonSerializer.Deserialize(utf8Json, Info<T>()) ?? throw DocumentException.NullItem(list, index).ToJsonException(nameof(Portfolio));
            }
            catch (JsonException error) when (error.InnerException is DocumentException { ReportedFor: not null } problem && problem.ReportedFor != nameof(Portfolio))
            {
                throw problem.Under(segment).ToJsonException(nameof(Portfolio), error.LineNumber + at.Line, error.LineNumber == 0 ? error.BytePositionInLine + at.Byte : error.BytePositionInLine);
            }
            catch (JsonException error) when (!DocumentException.IsReported(error))
            {
                throw DocumentException.Reading(error, JsonShape.Describe(error, Info<T>())).Under(segment).ToJsonException(nameof(Portfolio), error.LineNumber + at.Line, error.LineNumber == 0 ? error.BytePositionInLine + at.Byte : error.BytePositionInLine);
            }
        }
        catch (JsonException) when (Rejected<Portfolio>())
        {
            throw;
        }
    }

    /// <summary>Counts a rejected document for the telemetry (docs/observability.md); <see langword="false"/>, so that an exception filter lets the exception go on unchanged.</summary>
    private static bool Rejected<T>()
    {
        Telemetry.Rejected(Name<T>());
        return false;
    }

    /// <summary>Counts a rejected element of <see cref="DeserializeOpportunitiesAsync"/> and returns its exception.</summary>
    private static JsonException Counted(JsonException error)
    {
        Telemetry.Rejected(nameof(Pipeline.Opportunity));
        return error;
    }

    /// <summary>
    /// The metadata of the items of <typeparamref name="T"/> when it is an array, a list or a dictionary of a model type
    /// read through its document; null otherwise. Such an item's converter reports paths from the item's start.
    /// </summary>
    private static JsonTypeInfo? ItemInfo<T>()
    {
        var type = typeof(T);
        var item = type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[^1] : null;
        return item is not null && Options.TryGetTypeInfo(item, out var info) && info.Converter is IDocumentConverter ? info : null;
    }

    /// <summary>
    /// An error a model's converter reported for one item of a top-level array or dictionary, with the item's place
    /// before its path (<c>$[1].score</c>, not <c>$.score</c>): the items are read again one by one, up to the first
    /// that fails. Only when reading has already failed; <paramref name="error"/> itself when no item fails alone, or
    /// when the walk meets text that is not JSON (a trailing comma, a comment) before an item fails: that is the error,
    /// and the serializer has already said where, with its path.
    /// </summary>
    private static JsonException Located<T>(JsonException error, ReadOnlySpan<byte> utf8Json)
    {
        var info = ItemInfo<T>()!;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartArray or JsonTokenType.StartObject))
            {
                return error;
            }

            var index = 0;
            while (reader.Read() && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
            {
                var segment = string.Create(CultureInfo.InvariantCulture, $"[{index++}]");
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    segment = KeySegment(reader.GetString()!);
                    reader.Read();
                }

                var from = (int)reader.TokenStartIndex;
                try
                {
                    JsonSerializer.Deserialize(ref reader, info);
                }
                catch (JsonException item) when (item.InnerException is DocumentException { ReportedFor: { } name } problem)
                {
                    // The item is read on its own, so its line and byte count from its start: counted from the document's.
                    var before = utf8Json[..from];
                    var (line, column) = (before.Count((byte)'\n'), before.Length - 1 - before.LastIndexOf((byte)'\n'));
                    return problem.Under(segment).ToJsonException(name, item.LineNumber + line, item.LineNumber == 0 ? item.BytePositionInLine + column : item.BytePositionInLine);
                }
            }

            // Every item read: the error is in text after the document, where the serializer's path names an item after the
            // last, which does not exist ($[2] after two items, $[0] after none). At the document, as reading a stream says.
            reader.Read();
        }
        catch (JsonException) when (reader.CurrentDepth == 0 && reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
        {
            var words = error.Message.IndexOf(" Path: ", StringComparison.Ordinal) is >= 0 and var cut ? error.Message[..cut] : error.Message;
            return new JsonException(
                string.Create(CultureInfo.InvariantCulture, $"{words} Path: $ | LineNumber: {error.LineNumber} | BytePositionInLine: {error.BytePositionInLine}."),
                "$",
                error.LineNumber,
                error.BytePositionInLine,
                error);
        }
        catch (JsonException)
        {
            // The reader's own exception, without a path: the serializer's, which has one, is the answer.
            return error;
        }

        return error;
    }

    /// <summary>
    /// An error the model's converter reported for the document's value, placed from the document's start: the serializer reads
    /// a converter's value through a reader of its own, whose line and byte count from the value's first token, so a value
    /// after white space (a blank line, an indent) was placed that far short. <see langword="null"/> for any other error, and
    /// for a value at the start, whose place is right as it is.
    /// </summary>
    /// <param name="error">The error.</param>
    /// <param name="before">The lines of white space before the value, and the bytes of its own line before it.</param>
    private static JsonException? Placed(JsonException error, (long Line, long Byte) before) =>
        error.InnerException is DocumentException { ReportedFor: { } name } problem && error.LineNumber is { } line && before != default
            ? problem.ToJsonException(name, line + before.Line, line == 0 ? error.BytePositionInLine + before.Byte : error.BytePositionInLine)
            : null;

    /// <summary>The place of the first byte that is not white space: the lines before it, and the bytes of its line before it.</summary>
    private static (long Line, long Byte) Before(ReadOnlySpan<byte> utf8Json) => Before(utf8Json, " \t\r\n"u8, (byte)'\n');

    /// <summary>The place of the first character that is not white space, in the bytes of its line (white space is one byte a character).</summary>
    private static (long Line, long Byte) Before(ReadOnlySpan<char> json) => Before(json, " \t\r\n", '\n');

    /// <summary>The place of the first unit (byte or character) not in <paramref name="blank"/>: the lines before it, and the units of its line before it.</summary>
    private static (long Line, long Byte) Before<T>(ReadOnlySpan<T> json, ReadOnlySpan<T> blank, T newLine)
        where T : IEquatable<T>
    {
        var before = json.IndexOfAnyExcept(blank) is >= 0 and var end ? json[..end] : json;
        var lines = before.Count(newLine);
        return lines == 0 ? (0, before.Length) : (lines, before.Length - 1 - before.LastIndexOf(newLine));
    }

    /// <summary>A dictionary key as a step of a path: <c>South</c>, or <c>['a.b']</c> for any key but letters and digits, whose dot or space would misread.</summary>
    private static string KeySegment(string key) =>
        key.Length > 0 && key.All(char.IsAsciiLetterOrDigit) ? key : $"['{key.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static JsonTypeInfo<T> Info<T>() =>
        Options.TryGetTypeInfo(typeof(T), out var info) && info is JsonTypeInfo<T> typed
            ? typed
            : throw new NotSupportedException($"{typeof(T).FullName} is not a PartnerMetrics model type.");

    /// <summary>The exception for an error System.Text.Json raised itself: the path and <paramref name="shape"/>, <see cref="JsonShape"/>'s words, or a converter's own.</summary>
    private static JsonException Unreadable<T>(JsonException error, string shape) =>
        DocumentException.Reading(error, shape).ToJsonException(Name<T>(), error.LineNumber, error.BytePositionInLine);

    /// <summary>The name an error message gives the value read: the model type's, or "document" for a list.</summary>
    private static string Name<T>() => typeof(T) is { IsArray: false, IsGenericType: false } type ? type.Name : "document";

    /// <summary>The exception for a document that is the literal null, in the words of any other value of the wrong kind there.</summary>
    private static JsonException NullDocument<T>()
    {
        var list = typeof(T).IsArray || (typeof(T).IsGenericType && typeof(T).GetGenericTypeDefinition() == typeof(List<>));
        return DocumentException.At("$", list ? "Expected an array, got the literal null." : "Expected an object, got the literal null.").ToJsonException(Name<T>());
    }

    /// <summary>The value read, which must not be the literal null, nor hold a null item when it is a list or dictionary of a model type.</summary>
    private static T NotNull<T>(T? value)
        where T : class
    {
        var read = value ?? throw NullDocument<T>();
        if (ItemInfo<T>() is null)
        {
            return read;
        }

        var at = read switch
        {
            System.Collections.IList list => Enumerable.Range(0, list.Count).Where(i => list[i] is null).Select(i => (int?)i).FirstOrDefault() is { } i
                ? DocumentException.NullItem(string.Empty, i)
                : null,
            System.Collections.IDictionary dictionary => dictionary.Keys.Cast<object>().FirstOrDefault(key => dictionary[key] is null) is { } key
                ? DocumentException.Invalid(KeySegment(key.ToString()!), "An item must not be null.")
                : null,
            _ => null,
        };
        return at is null ? read : throw at.ToJsonException(Name<T>());
    }
}
