using System.Buffers;
using System.Text;

namespace PartnerMetrics.Import;

/// <summary>
/// A UTF-8 CSV file cut into blocks of whole records, so that blocks can be parsed on several threads: each block
/// ends just after a line feed that is outside quotes (an even number of quotes before it in the block), and knows
/// the line it starts on.
/// </summary>
/// <remarks>
/// <para>
/// The cut is only a guess at a record boundary: a quote inside an unquoted value would make it wrong. It is proved
/// by the parse: a block that starts on a boundary and is parsed to its end without an unclosed quote ends on one, so
/// by induction every block that parses starts on a boundary. A block that does not parse is read again, with the
/// rest of the file, by one sequential reader (<see cref="Rest"/>), which finds the file's real problem.
/// </para>
/// <para>
/// A block grows to hold a record longer than the block size, up to <see cref="MaxBlockBytes"/>; a file with no
/// such line feed within that (one enormous record, or old Mac line ends) is left to the sequential reader.
/// Blocks are rented from <see cref="ArrayPool{T}.Shared"/>; <see cref="Return"/> gives one back.
/// </para>
/// </remarks>
internal sealed class CsvBlocks : IDisposable
{
    /// <summary>The size of a block in bytes unless a record needs more.</summary>
    public const int DefaultBlockBytes = 1 << 18;

    /// <summary>The most bytes a block grows to before the rest of the file is left to the sequential reader.</summary>
    public const int MaxBlockBytes = 1 << 24;

    private readonly Stream stream;
    private readonly int blockBytes;
    private byte[] consumed = [];
    private byte[] carry = [];
    private int carried;
    private bool ended;
    private long nextLine;

    /// <summary>Initializes a new instance of the <see cref="CsvBlocks"/> class.</summary>
    /// <param name="stream">The file, from its start; disposed with this.</param>
    /// <param name="blockBytes">The size of a block unless a record needs more (small in tests, to make many blocks).</param>
    public CsvBlocks(Stream stream, int blockBytes = DefaultBlockBytes)
    {
        this.stream = stream;
        this.blockBytes = blockBytes;
    }

    /// <summary>
    /// Reads the header row: after a UTF-8 byte order mark, if any, up to the first line feed outside quotes.
    /// <see langword="null"/> when the file does not suit blocks (a UTF-16 or UTF-32 byte order mark, or no such line
    /// feed within <see cref="MaxBlockBytes"/>, or a lone carriage return in the first block): then <see cref="Whole"/> is the whole file.
    /// </summary>
    public byte[]? Header()
    {
        Fill(Math.Max(blockBytes, 4));
        var bytes = carry.AsSpan(0, carried);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return null;
        }

        var mark = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        if (HasLoneReturn(bytes))
        {
            return null;
        }

        while (true)
        {
            var end = FirstCut(carry.AsSpan(mark, carried - mark));
            if (end > 0)
            {
                var header = carry.AsSpan(mark, end).ToArray();
                consumed = carry.AsSpan(0, mark + end).ToArray();
                HeaderBytes = header;
                Take(mark + end);
                nextLine = 1 + LineBreaks(header);
                return header;
            }

            if (ended || carried >= MaxBlockBytes)
            {
                return null;
            }

            Fill(carried * 2);
        }
    }

    /// <summary>Reads the next block of whole records; <see langword="null"/> at the end of the file (<see cref="Done"/>), or when the rest of it does not suit blocks (then <see cref="Rest"/> has it): a record longer than <see cref="MaxBlockBytes"/>, or a lone carriage return.</summary>
    public CsvBlock? Next()
    {
        if (carried < blockBytes)
        {
            Fill(blockBytes);
        }

        while (true)
        {
            if (carried == 0)
            {
                return null;
            }

            var end = ended ? carried : LastCut(carry.AsSpan(0, carried));
            if (end > 0)
            {
                if (HasLoneReturn(carry.AsSpan(0, end)))
                {
                    return null;
                }

                var block = ArrayPool<byte>.Shared.Rent(end);
                carry.AsSpan(0, end).CopyTo(block);
                var line = nextLine;
                nextLine += LineBreaks(block.AsSpan(0, end));
                Take(end);
                return new CsvBlock(block, end, line);
            }

            if (carried >= MaxBlockBytes)
            {
                return null;
            }

            Fill(carried * 2);
        }
    }

    /// <summary>Gets the header row's bytes (without a byte order mark), once <see cref="Header"/> has found them: each block's text starts with them.</summary>
    public byte[] HeaderBytes { get; private set; } = [];

    /// <summary>Gets the line the bytes not yet in a block start on.</summary>
    public long NextLine => nextLine;

    /// <summary>Gets a value indicating whether the whole file has been cut into blocks.</summary>
    public bool Done => ended && carried == 0;

    /// <summary>The whole file as one stream, from its first byte, when no block has been taken.</summary>
    public Stream Whole() => new PrefixedStream(consumed, Rest([]));

    /// <summary>The rest of the file as one stream: the given blocks' bytes (not yet parsed, in order), then what has not been cut into a block, then the unread file.</summary>
    /// <param name="unparsed">The blocks taken but not parsed, in order.</param>
    /// <param name="header">Whether the stream starts with the header row (<see cref="HeaderBytes"/>).</param>
    public Stream Rest(IEnumerable<CsvBlock> unparsed, bool header = false)
    {
        var prefix = new MemoryStream();
        if (header)
        {
            prefix.Write(HeaderBytes);
        }

        foreach (var block in unparsed)
        {
            prefix.Write(block.Bytes, 0, block.Length);
        }

        prefix.Write(carry, 0, carried);
        carried = 0;
        return new PrefixedStream(prefix.ToArray(), stream);
    }

    /// <summary>Gives a block's bytes back to the pool.</summary>
    public static void Return(CsvBlock block) => ArrayPool<byte>.Shared.Return(block.Bytes);

    public void Dispose() => stream.Dispose();

    /// <summary>Counts line breaks: CR LF, LF and a lone CR each end a line, as <see cref="CsvSource.LineBreaks"/> does.</summary>
    internal static long LineBreaks(ReadOnlySpan<byte> text)
    {
        var returns = text.Count((byte)'\r');
        return text.Count((byte)'\n') + (returns == 0 ? 0 : returns - text.Count("\r\n"u8));
    }

    /// <summary>
    /// Whether the bytes hold a carriage return that is not followed by a line feed. The CSV reader ends a record at
    /// such a return or not depending on the text around it, so a file is read in blocks only up to the first block
    /// that holds one: from there one reader reads the rest, as it would read the whole file.
    /// </summary>
    private static bool HasLoneReturn(ReadOnlySpan<byte> bytes)
    {
        var returns = bytes.Count((byte)'\r');
        return returns > 0 && returns != bytes.Count("\r\n"u8);
    }

    /// <summary>The end of the first line that ends outside quotes (just after its line feed); 0 when none.</summary>
    private static int FirstCut(ReadOnlySpan<byte> bytes)
    {
        var quotes = 0;
        var at = 0;
        while (true)
        {
            var next = bytes[at..].IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0)
            {
                return 0;
            }

            at += next;
            if (bytes[at] == '"')
            {
                quotes++;
            }
            else if (quotes % 2 == 0)
            {
                return at + 1;
            }

            at++;
        }
    }

    /// <summary>The end of the last line that ends outside quotes (just after its line feed); 0 when none.</summary>
    private static int LastCut(ReadOnlySpan<byte> bytes)
    {
        var quotes = bytes.Count((byte)'"');
        var end = bytes.Length;
        while (true)
        {
            var feed = bytes[..end].LastIndexOf((byte)'\n');
            if (feed < 0)
            {
                return 0;
            }

            quotes -= bytes[feed..end].Count((byte)'"');
            if (quotes % 2 == 0)
            {
                return feed + 1;
            }

            end = feed;
        }
    }

    /// <summary>Reads until <paramref name="size"/> bytes are held or the file ends.</summary>
    private void Fill(int size)
    {
        if (carry.Length < size)
        {
            var bigger = new byte[size];
            carry.AsSpan(0, carried).CopyTo(bigger);
            carry = bigger;
        }

        while (!ended && carried < size)
        {
            var read = stream.Read(carry, carried, size - carried);
            ended = read == 0;
            carried += read;
        }
    }

    /// <summary>Drops the first <paramref name="count"/> bytes held.</summary>
    private void Take(int count)
    {
        carry.AsSpan(count, carried - count).CopyTo(carry);
        carried -= count;
    }
}

/// <summary>A block of whole records of a CSV file.</summary>
/// <param name="Bytes">The bytes, from the pool (longer than <paramref name="Length"/>).</param>
/// <param name="Length">The number of bytes of the block.</param>
/// <param name="FirstLine">The line its first record starts on.</param>
internal sealed record CsvBlock(byte[] Bytes, int Length, long FirstLine)
{
    /// <summary>Strict UTF-8: bytes that are not text throw.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The block's text after the file's header row, decoded strictly into <paramref name="text"/>, which keeps its memory from block to block.</summary>
    /// <exception cref="CsvBlockBrokenException">The block is not UTF-8.</exception>
    public TextReader Text(byte[] header, BlockText text) => text.Of(header, Bytes.AsSpan(0, Length));
}

/// <summary>
/// The text of a file's header row and one block, decoded strictly, into memory kept from block to block: a thread that
/// parses hundreds of blocks makes no stream reader, stream or buffers for each (they were a tenth of what an import
/// allocated). Not thread-safe: one per thread.
/// </summary>
internal sealed class BlockText : TextReader
{
    private char[] chars = [];
    private int length;
    private int position;

    /// <summary>Decodes <paramref name="header"/> then <paramref name="block"/>, and reads from the start of the header.</summary>
    /// <exception cref="CsvBlockBrokenException">The bytes are not UTF-8.</exception>
    public BlockText Of(byte[] header, ReadOnlySpan<byte> block)
    {
        // A UTF-8 byte is at most one char; the header row ends with its line break, so no character spans the two.
        if (chars.Length < header.Length + block.Length)
        {
            chars = new char[header.Length + block.Length];
        }

        try
        {
            length = CsvBlock.StrictUtf8.GetChars(header, chars);
            length += CsvBlock.StrictUtf8.GetChars(block, chars.AsSpan(length));
        }
        catch (DecoderFallbackException error)
        {
            length = 0;
            throw new CsvBlockBrokenException("The block is not UTF-8.", error);
        }

        position = 0;
        return this;
    }

    public override int Peek() => position < length ? chars[position] : -1;

    public override int Read() => position < length ? chars[position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return Read(buffer.AsSpan(index, count));
    }

    public override int Read(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, length - position);
        chars.AsSpan(position, count).CopyTo(buffer);
        position += count;
        return count;
    }
}

/// <summary>A block of a CSV file that is not CSV from some point on, or not UTF-8: it is read again with the rest of the file by one reader, which names the problem.</summary>
internal sealed class CsvBlockBrokenException : Exception
{
    public CsvBlockBrokenException()
        : base("The block is not CSV from some point on.")
    {
    }

    public CsvBlockBrokenException(string message)
        : base(message)
    {
    }

    public CsvBlockBrokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
