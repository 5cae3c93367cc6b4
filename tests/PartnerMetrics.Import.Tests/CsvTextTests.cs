using System.Text;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// The text under the CSV reader: exactly one byte order mark dropped, strict decoding in every encoding, a header row
/// that is not CSV named as such, a block that is not CSV signalled to the parallel reader, and a prefix read that does
/// not wait on the stream behind it.
/// </summary>
public class CsvTextTests
{
    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void Text_DropsOneByteOrderMark_AndKeepsASecondAsText(string name)
    {
        var encoding = Named(name);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetPreamble(), .. encoding.GetBytes("Id")];

        using var reader = CsvSource.Text(new MemoryStream(bytes));

        Assert.Equal("\uFEFFId", reader.ReadToEnd());
    }

    [Theory]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void Text_InUtf32_WithACodePointPastUnicode_Throws(string name)
    {
        var encoding = Named(name);
        var beyond = BitConverter.GetBytes(0x110000);
        if (name == "utf-32be")
        {
            Array.Reverse(beyond);
        }

        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("a"), .. beyond];

        using var reader = CsvSource.Text(new MemoryStream(bytes));

        Assert.Throws<DecoderFallbackException>(() => reader.ReadToEnd());
    }

    [Fact]
    public void AHeaderRowThatIsNotCsv_IsAProblemOfTheFirstLine_SayingSo()
    {
        var error = Assert.Throws<ImportException>(() => CsvSource.Open(new StringReader("Id,\"Name\n1,a\n")));

        Assert.Equal(1, error.Problem!.Line);
        Assert.StartsWith("the header row is not valid CSV: ", error.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeaderRowThatIsNotCsv_IsAProblemOfTheFirstLine_ForTheAsyncReaderToo()
    {
        var error = await Assert.ThrowsAsync<ImportException>(async () => await CsvSource.OpenAsync(new StringReader("Id,\"Name\n1,a\n"), CancellationToken.None));

        Assert.Equal(1, error.Problem!.Line);
        Assert.StartsWith("the header row is not valid CSV: ", error.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABlockThatIsNotCsv_IsSignalledAsBroken_ToBeReadAgain_OrIsAProblemOfItsLine()
    {
        var header = new TableHeader(["Id", "Name"]);

        Assert.Throws<CsvBlockBrokenException>(() => CsvSource.OpenBlock(new StringReader("Id,\"Name\n"), header, 5, signalBroken: true));
        var error = Assert.Throws<ImportException>(() => CsvSource.OpenBlock(new StringReader("Id,\"Name\n"), header, 5, signalBroken: false));
        Assert.Equal(5, error.Problem!.Line);
        Assert.StartsWith("the CSV is broken from here on", error.Problem.Message, StringComparison.Ordinal);

        // A record that is not CSV, after one that is.
        using var block = CsvSource.OpenBlock(new StringReader("Id,Name\n1,a\n2,\"b\n"), header, 8, signalBroken: true);
        Assert.True(block.Read());
        Assert.Equal((8L, "a"), (block.Line, block.Text(1)));
        Assert.Throws<CsvBlockBrokenException>(() => block.Read());
    }

    [Fact]
    public async Task APrefixedStream_ReadThatThePrefixFills_DoesNotReadTheRest()
    {
        // The rest may be a network stream, where even a read of no bytes waits for data to arrive.
        var rest = new CountedStream();
        using var stream = new PrefixedStream([1, 2, 3], rest);
        var buffer = new byte[2];

        Assert.Equal(2, stream.Read(buffer.AsSpan()));
        Assert.Equal(0, rest.Reads);
        Assert.Equal(1, await stream.ReadAsync(buffer.AsMemory(1, 1)));
        Assert.Equal(0, rest.Reads);
        Assert.Equal([1, 3], buffer);

        // Past the prefix, reads go to the rest.
        Assert.Equal(1, await stream.ReadAsync(buffer.AsMemory()));
        Assert.Equal((1, (byte)9), (rest.Reads, buffer[0]));
    }

    private static Encoding Named(string name) => name switch
    {
        "utf-8" => new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        "utf-32le" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
    };

    /// <summary>A stream of one byte that counts the reads asked of it.</summary>
    private sealed class CountedStream() : MemoryStream([9])
    {
        public int Reads { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            return base.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Reads++;
            return base.ReadAsync(buffer, cancellationToken);
        }
    }
}
