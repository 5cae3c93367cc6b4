namespace PartnerMetrics.Cli;

/// <summary>
/// A read-only stream over another that notes whether anything but white space and a byte-order mark came through it, so
/// that a document with nothing in it is told as empty rather than in System.Text.Json's words ("The input does not
/// contain any JSON tokens … LineNumber: 0 | BytePositionInLine: 0").
/// </summary>
internal sealed class BlankWatch(Stream inner) : Stream
{
    private int seen;
    private int firstTwo;

    /// <summary>Gets a value indicating whether every byte read so far was white space or part of a UTF-8 byte-order mark.</summary>
    public bool Blank { get; private set; } = true;

    /// <summary>Gets a value indicating whether the input starts with a UTF-16 byte-order mark (FF FE or FE FF): text saved as UTF-16, which JSON read as UTF-8 is not.</summary>
    public bool Utf16 => seen >= 2 && firstTwo is 0xFFFE or 0xFEFF;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Watch(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Watch(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static readonly System.Buffers.SearchValues<byte> BlankBytes = System.Buffers.SearchValues.Create([(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF]);

    private void Watch(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length && seen < 2; i++, seen++)
        {
            firstTwo = (firstTwo << 8) | bytes[i];
        }

        Blank = Blank && bytes.IndexOfAnyExcept(BlankBytes) < 0;
    }
}
