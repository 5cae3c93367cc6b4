using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Serialization;

/// <summary>
/// Reads a portfolio document (the form of <see cref="PartnerMetricsJson"/>) one partnership at a time, so that a
/// portfolio larger than memory can be scored: each partnership can be dropped once it is used.
/// </summary>
/// <remarks>
/// <para>
/// The document is read through a buffer that holds the largest single partnership (with the white space that separates
/// it from the next), not the document. Each
/// partnership is read and validated exactly as <see cref="PartnerMetricsJson.Deserialize{T}(Stream)"/> reads it
/// inside a <see cref="Portfolio"/>, and a bad one throws the same <see cref="JsonException"/>, naming the same path
/// (<c>$.partnerships[3].partner.id</c>). The rules that span partnerships are checked as the partnerships come:
/// one partnership per partner, one opportunity per id across the portfolio; for that, the reader keeps every
/// partner and opportunity id it has seen.
/// </para>
/// <para>
/// A document with more than one problem may have another one reported than when it is read whole: this reader
/// reports the first problem in the order of the document, while reading whole checks the form of the whole document
/// (unknown properties, values of the wrong kind) before any value the model rejects.
/// </para>
/// <para>
/// The portfolio's own deals (<see cref="Portfolio.Opportunities"/>) and its revenue snapshots are kept whole, wherever
/// they stand in the document: they are available once <see cref="ReadPartnerships"/> has run to its end, which is
/// also when the last rules (no repeated snapshot; no deal outside the partnership of its partner) are checked. A
/// reader reads its stream once, on one thread.
/// </para>
/// </remarks>
public sealed class PortfolioJsonReader
{
    private const string TypeName = nameof(Portfolio);
    /// <summary>The buffer a reader starts with: large, so that few partnerships are cut off by its end and read again (<see cref="Element"/>).</summary>
    private const int FirstBuffer = 1 << 20;

    private readonly Stream utf8Json;
    private readonly int firstBuffer;
    private readonly PortfolioReader elements = new();
    private readonly HashSet<PartnerId> partners = [];
    private readonly HashSet<OpportunityId> deals = [];
    private readonly List<Opportunity> opportunities = [];
    private readonly List<RevenueSnapshot> snapshots = [];

    private ImmutableArray<Opportunity> ownDeals = [];
    private ImmutableArray<RevenueSnapshot> revenueSnapshots = [];
    private byte[] buffer = [];
    private bool pooled;
    private int start;

    /// <summary>The lines before <see cref="start"/>, and the bytes of its line before it: where a value is in the document.</summary>
    private long line;
    private long column;
    private int end;
    private bool final;
    private bool byteOrderMarkChecked;
    private JsonReaderState state = new(new JsonReaderOptions { MaxDepth = PartnerMetricsJson.MaxDepth });
    private Stage stage;
    private uint seen;
    private int index;
    private int partnershipCount;
    private bool started;
    private bool enumerated;
    private bool finished;

    /// <summary>Initializes a new instance of the <see cref="PortfolioJsonReader"/> class.</summary>
    /// <param name="utf8Json">A UTF-8 stream holding one portfolio document; read from its current position to its end, and not disposed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public PortfolioJsonReader(Stream utf8Json)
        : this(utf8Json, FirstBuffer)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PortfolioJsonReader"/> class whose buffer starts at <paramref name="firstBuffer"/> bytes: tests cut elements at every byte with a small one.</summary>
    internal PortfolioJsonReader(Stream utf8Json, int firstBuffer)
    {
        this.utf8Json = Ensure.NotNull(utf8Json, nameof(utf8Json));

        // Room for a byte-order mark and a token at the first read.
        this.firstBuffer = Math.Max(16, firstBuffer);
    }

    private enum Stage
    {
        Document,
        Properties,
        Partnerships,
        Opportunities,
        Snapshots,
        End,
    }

    /// <summary>Gets the portfolio's own deals, those of no partnership in it (<see cref="Portfolio.Opportunities"/>).</summary>
    /// <exception cref="InvalidOperationException"><see cref="ReadPartnerships"/> has not run to its end.</exception>
    public ImmutableArray<Opportunity> Opportunities => finished ? ownDeals : throw NotFinished();

    /// <summary>Gets the portfolio's revenue snapshots (<see cref="Portfolio.RevenueSnapshots"/>).</summary>
    /// <exception cref="InvalidOperationException"><see cref="ReadPartnerships"/> has not run to its end.</exception>
    public ImmutableArray<RevenueSnapshot> RevenueSnapshots => finished ? revenueSnapshots : throw NotFinished();

    /// <summary>Reads the partnerships, in the order of the document.</summary>
    /// <param name="cancellationToken">Checked before each partnership.</param>
    /// <returns>The partnerships, each validated; the sequence can be enumerated once.</returns>
    /// <exception cref="InvalidOperationException">The partnerships were read already; or, while enumerating, the sequence is enumerated a second time.</exception>
    /// <exception cref="JsonException">While enumerating: the stream is not a valid portfolio document; the message and <see cref="JsonException.Path"/> name the value, as <see cref="PartnerMetricsJson.Deserialize{T}(Stream)"/> would.</exception>
    /// <exception cref="IOException">While enumerating: the stream cannot be read.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: <paramref name="cancellationToken"/> was canceled.</exception>
    public IEnumerable<Partnership> ReadPartnerships(CancellationToken cancellationToken = default)
    {
        if (started)
        {
            throw new InvalidOperationException("The partnerships of this reader were read already: a reader reads its stream once.");
        }

        started = true;
        return Partnerships(cancellationToken);
    }

    private static InvalidOperationException NotFinished() =>
        new("The portfolio's own deals and snapshots are known once the partnerships have been read to the end.");

    private static JsonException Invalid(string path, string message, (long Line, long Byte) at)
    {
        Telemetry.Rejected(TypeName);
        return DocumentException.At(path, message).ToJsonException(TypeName, at.Line, at.Byte);
    }

    /// <summary>A rule of <see cref="Portfolio"/> broken, in the words and at the path its constructor gives when the document path reads the portfolio whole.</summary>
    private static JsonException Rejected(string property, string message)
    {
        Telemetry.Rejected(TypeName);
        return DocumentException.Invalid(property, message).ToJsonException(TypeName);
    }

    private IEnumerable<Partnership> Partnerships(CancellationToken cancellationToken)
    {
        // The stream and the buffer stand where the first enumeration left them: a second one cannot start the document again.
        if (enumerated)
        {
            throw new InvalidOperationException("The partnerships of this reader can be enumerated once: a reader reads its stream once.");
        }

        enumerated = true;
        // The pool rounds a length up to a power of two; a test's buffer is exactly as long as it asks, to cut elements anywhere.
        (buffer, pooled) = firstBuffer == FirstBuffer ? (ArrayPool<byte>.Shared.Rent(firstBuffer), true) : (new byte[firstBuffer], false);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var partnership = Next();
                if (partnership is null)
                {
                    break;
                }

                yield return partnership;
            }
        }
        finally
        {
            Release();
            buffer = [];
        }

        Finish();
        (ownDeals, revenueSnapshots) = ([.. opportunities], [.. snapshots]);
        finished = true;
    }

    /// <summary>The next partnership; <see langword="null"/> at the end of the document.</summary>
    private Partnership? Next()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), final, state);
            Progress step;
            Partnership? partnership;
            try
            {
                step = Step(ref reader, out partnership);
            }
            catch (JsonException error) when (error.Path is null && stage == Stage.Document && final && JsonShape.IsBlank(buffer.AsSpan(start, end - start)))
            {
                // Nothing but white space, in the words reading the whole document gives.
                throw Invalid("$", $"Expected an object, got {JsonShape.Nothing}.", (error.LineNumber ?? 0, error.BytePositionInLine ?? 0));
            }
            catch (JsonException error) when (error.Path is null)
            {
                // Text that is not JSON, found by the reader, whose state carries the line and byte, in the words reading the
                // whole document gives: the path of the document, the line and byte of the text.
                Telemetry.Rejected(TypeName);
                var words = error.Message.IndexOf(" LineNumber:", StringComparison.Ordinal) is >= 0 and var cut ? error.Message[..cut] : error.Message;
                throw new JsonException($"{words} Path: $ | LineNumber: {error.LineNumber} | BytePositionInLine: {error.BytePositionInLine}.", "$", error.LineNumber, error.BytePositionInLine, error);
            }

            if (step == Progress.NeedMore)
            {
                if (final)
                {
                    throw new UnreachableException("The reader throws on a final block that ends inside the document.");
                }

                Fill();
                continue;
            }

            // The step is done: what it read is never read again.
            state = reader.CurrentState;
            var consumed = buffer.AsSpan(start, (int)reader.BytesConsumed);
            var lines = consumed.Count((byte)'\n');
            (line, column) = lines == 0 ? (line, column + consumed.Length) : (line + lines, consumed.Length - 1 - consumed.LastIndexOf((byte)'\n'));
            start += consumed.Length;
            if (step == Progress.Partnership)
            {
                return partnership;
            }

            if (step == Progress.End)
            {
                return null;
            }
        }
    }

    private enum Progress
    {
        NeedMore,
        Moved,
        Partnership,
        End,
    }

    /// <summary>One step through the document: a token of its structure, or one whole element of a list.</summary>
    private Progress Step(ref Utf8JsonReader reader, out Partnership? partnership)
    {
        partnership = null;
        if (!reader.Read())
        {
            return stage == Stage.End && final ? Progress.End : Progress.NeedMore;
        }

        switch (stage)
        {
            case Stage.Document when reader.TokenType == JsonTokenType.Null:
                Telemetry.Rejected(TypeName);
                throw DocumentException.At("$", "Expected an object, got the literal null.").ToJsonException(TypeName);
            case Stage.Document:
                stage = reader.TokenType == JsonTokenType.StartObject ? Stage.Properties : throw Invalid("$", Expected("an object", ref reader), Here(ref reader));
                return Progress.Moved;
            case Stage.Properties:
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    stage = Stage.End;
                    return Progress.Moved;
                }

                var (list, bit, name) = reader.ValueTextEquals("partnerships"u8) ? (Stage.Partnerships, 1u, "partnerships")
                    : reader.ValueTextEquals("opportunities"u8) ? (Stage.Opportunities, 2u, "opportunities")
                    : reader.ValueTextEquals("revenueSnapshots"u8) ? (Stage.Snapshots, 4u, "revenueSnapshots")
                    : throw Invalid(UnknownPath(ref reader), $"'{Name(ref reader)}' is not a property here; the properties are partnerships, opportunities, revenueSnapshots.", Here(ref reader));
                // The list's opening bracket with its name, so that a step never ends between the two.
                if (!reader.Read())
                {
                    return Progress.NeedMore;
                }

                if ((seen & bit) != 0)
                {
                    // Reported, as reading whole reports it, where the second value ends.
                    return reader.TrySkip()
                        ? throw Invalid($"$.{name}", $"The property '{name}' appears 2 times in one object; give it once.", Here(ref reader))
                        : Progress.NeedMore;
                }

                if (reader.TokenType == JsonTokenType.Null)
                {
                    seen |= bit;
                    return Progress.Moved;
                }

                stage = reader.TokenType == JsonTokenType.StartArray ? list : throw Invalid($"$.{name}", Expected("an array", ref reader), Here(ref reader));
                seen |= bit;
                index = 0;
                return Progress.Moved;
            case Stage.End:
                throw new UnreachableException("The reader throws on JSON after the document's single value.");
            default:
                return Element(ref reader, out partnership);
        }
    }

    /// <summary>One element of the list being read, whole, or the end of the list.</summary>
    private Progress Element(ref Utf8JsonReader reader, out Partnership? partnership)
    {
        partnership = null;
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            stage = Stage.Properties;
            return Progress.Moved;
        }

        var from = (int)reader.TokenStartIndex;
        if (stage == Stage.Partnerships && reader.TokenType == JsonTokenType.StartObject)
        {
            // Read in place: an element the buffer cuts off is read again once more is read (the buffer is large, so that is
            // rare); one the fast path leaves is found whole below and read through the documents.
            var first = reader;
            switch (elements.TryReadPartnership(ref reader, out partnership))
            {
                case ElementRead.Read:
                    Count(partnership!);
                    index++;
                    return Progress.Partnership;
                case ElementRead.Incomplete:
                    return Progress.NeedMore;
                default:
                    reader = first;
                    break;
            }
        }

        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
        {
            return Progress.NeedMore;
        }

        var element = buffer.AsSpan(start + from, (int)reader.BytesConsumed - from);
        switch (stage)
        {
            case Stage.Opportunities when elements.TryReadOpportunity(element, out var deal):
                opportunities.Add(deal!);
                index++;
                return Progress.Moved;
            case Stage.Snapshots when PortfolioReader.TryReadSnapshot(element, out var snapshot):
                snapshots.Add(snapshot!);
                index++;
                return Progress.Moved;
        }

        // Left to the documents, which may find it wrong: reading whole reads ahead of every element, so text after it that
        // is not JSON is reported first (a brace changed into a quote leaves a string element, then the rest of the object).
        if (!ReadsOn(reader))
        {
            return Progress.NeedMore;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            Telemetry.Rejected(TypeName);
            throw DocumentException.NullItem(ListName(), index).ToJsonException(TypeName);
        }

        var at = Position(from);
        switch (stage)
        {
            case Stage.Partnerships:
                // Left by the fast path above, or not an object at all.
                partnership = PartnerMetricsJson.ReadElement<Partnership>(element, ListName(), index, at);
                Count(partnership);
                index++;
                return Progress.Partnership;
            case Stage.Opportunities:
                opportunities.Add(PartnerMetricsJson.ReadElement<Opportunity>(element, ListName(), index, at));
                break;
            default:
                snapshots.Add(PartnerMetricsJson.ReadElement<RevenueSnapshot>(element, ListName(), index, at));
                break;
        }

        index++;
        return Progress.Moved;
    }

    /// <summary>Whether the token after the element is in the buffer; throws the reader's exception when it is not JSON.</summary>
    private static bool ReadsOn(Utf8JsonReader reader) => reader.Read();

    /// <summary>The identifiers of a partnership read: its partner once in the portfolio, each of its deals once.</summary>
    private void Count(Partnership partnership)
    {
        var id = partnership.Partner.Id;
        if (!partners.Add(id))
        {
            throw Rejected("partnerships", $"'partnerships' item {partnershipCount} repeats the partner id '{id}'.");
        }

        foreach (var opportunity in partnership.Opportunities)
        {
            if (!deals.Add(opportunity.Id))
            {
                throw Rejected("partnerships", $"'partnerships' hold the opportunity id '{opportunity.Id}' more than once.");
            }
        }

        partnershipCount++;
    }

    /// <summary>The rules that need the whole document, checked as <see cref="Portfolio"/> checks them: no deal of the portfolio's own belongs to one of its partnerships, no snapshot is repeated.</summary>
    private void Finish()
    {
        for (var i = 0; i < opportunities.Count; i++)
        {
            var opportunity = opportunities[i];
            if (!deals.Add(opportunity.Id))
            {
                throw Rejected("opportunities", $"'opportunities' item {i} repeats the opportunity id '{opportunity.Id}'.");
            }

            if (opportunity.PartnerId is { } partner && partners.Contains(partner))
            {
                throw Rejected("opportunities", $"'opportunities' item {i} ('{opportunity.Id}') belongs to partner '{partner}', whose partnership is in this portfolio; put it in that partnership's opportunities.");
            }
        }

        var days = new HashSet<(AccountId, DateOnly)>();
        for (var i = 0; i < snapshots.Count; i++)
        {
            if (!days.Add((snapshots[i].AccountId, snapshots[i].Date)))
            {
                throw Rejected("revenueSnapshots", $"'revenueSnapshots' item {i} repeats account '{snapshots[i].AccountId}' on {Ensure.Iso(snapshots[i].Date)}.");
            }
        }
    }

    /// <summary>The line of the byte <paramref name="offset"/> bytes after <see cref="start"/>, and its position in that line.</summary>
    private (long Line, long Byte) Position(long offset)
    {
        var before = buffer.AsSpan(start, (int)offset);
        var lines = before.Count((byte)'\n');
        return lines == 0 ? (line, column + before.Length) : (line + lines, before.Length - 1 - before.LastIndexOf((byte)'\n'));
    }

    /// <summary>"Expected an object, got the number 3.", as reading whole words it.</summary>
    private static string Expected(string shape, ref Utf8JsonReader reader) => $"Expected {shape}, got {JsonShape.Description(ref reader)}.";

    /// <summary>A property's name; a name that is not UTF-8 with each bad byte shown as U+FFFD, as reading whole shows it.</summary>
    private static string Name(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>
    /// The path of a property of the portfolio it does not have, as the serializer writes it: <c>$.name</c>, or <c>$['a.b']</c> for a
    /// name with a dot, a space, a quote, a bracket … (the serializer's own rule, so it is asked, with the name as written).
    /// </summary>
    private static string UnknownPath(ref Utf8JsonReader reader)
    {
        var name = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        byte[] alone = [.. "{\""u8, .. name, .. "\":0}"u8];
        try
        {
            JsonSerializer.Deserialize(alone, PartnerMetricsJsonContext.Default.PortfolioDocument);
        }
        catch (JsonException error) when (error.Path is { } path)
        {
            return path;
        }

        throw new UnreachableException("A property the portfolio does not have is refused by the serializer too.");
    }

    /// <summary>Where the reader stands, as the serializer reports a value it rejects: just after the value read.</summary>
    private (long Line, long Byte) Here(ref Utf8JsonReader reader) => Position(reader.BytesConsumed);

    private string ListName() => stage switch
    {
        Stage.Partnerships => "partnerships",
        Stage.Opportunities => "opportunities",
        _ => "revenueSnapshots",
    };

    private string Path() => stage is Stage.Document or Stage.Properties or Stage.End ? "$" : string.Create(CultureInfo.InvariantCulture, $"$.{ListName()}[{index}]");

    /// <summary>Returns the buffer to the pool it came from, if it did.</summary>
    private void Release()
    {
        if (pooled)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Keeps the bytes not yet read, at the front of the buffer, and reads more behind them; grows the buffer when one element fills it.</summary>
    private void Fill()
    {
        var unread = end - start;
        if (start > 0)
        {
            buffer.AsSpan(start, unread).CopyTo(buffer);
            (start, end) = (0, unread);
        }

        // An element that fills more than half the buffer gets a buffer twice as large: each retry of an element then
        // reads at least twice the bytes of the one before, so an element is read again only a few times in all.
        if (end > buffer.Length / 2)
        {
            if (buffer.Length == Array.MaxLength)
            {
                throw Invalid(Path(), $"One element is longer than {Array.MaxLength:N0} bytes, the most .NET can hold in one buffer.", (line, column));
            }

            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, Array.MaxLength));
            buffer.AsSpan(0, end).CopyTo(larger);
            Release();
            (buffer, pooled) = (larger, true);
        }

        // The buffer full, or the stream to its end: a stream may hand over a few bytes a read.
        while (end < buffer.Length && !final)
        {
            var read = utf8Json.Read(buffer, end, buffer.Length - end);
            end += read;
            final = read == 0;
        }

        if (!byteOrderMarkChecked)
        {
            byteOrderMarkChecked = true;
            start = buffer.AsSpan(0, end).StartsWith("\uFEFF"u8) ? 3 : 0;
        }
    }
}
