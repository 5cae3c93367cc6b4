using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PartnerMetrics.Cli;

/// <summary>Writes a JSON document to a <see cref="TextWriter"/> as it is serialized, never holding it whole in memory.</summary>
internal static class JsonOutput
{
    /// <summary>Serializes <paramref name="value"/> to <paramref name="target"/>, then a line break.</summary>
    public static void WriteLine<T>(TextWriter target, T value, JsonTypeInfo<T> typeInfo)
    {
        Write(target, stream => JsonSerializer.Serialize(stream, value, typeInfo));
        target.WriteLine();
    }

    /// <summary>Runs <paramref name="serialize"/> on a stream whose UTF-8 bytes go to <paramref name="target"/> as text.</summary>
    public static void Write(TextWriter target, Action<Stream> serialize)
    {
        using var stream = new TextWriterStream(target);
        serialize(stream);
    }

    /// <summary>A write-only stream that decodes the UTF-8 bytes written to it onto a <see cref="TextWriter"/>.</summary>
    private sealed class TextWriterStream(TextWriter target) : Stream
    {
        private readonly Decoder decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        private char[] chars = [];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = decoder.GetCharCount(buffer, flush: false);
            if (chars.Length < needed)
            {
                chars = new char[needed];
            }

            var written = decoder.GetChars(buffer, chars, flush: false);
            target.Write(chars, 0, written);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
