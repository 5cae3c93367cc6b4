using System.Text;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// How a UTF-8 CSV file is cut into blocks of whole records for parallel parsing: the header row found after a byte
/// order mark and across quoted line breaks, each block ending just after a line feed outside quotes and knowing its
/// first line, blocks and header rows that grow past the block size, and the files left to one reader (UTF-16 or
/// UTF-32, a lone carriage return, a line longer than the largest block).
/// </summary>
public class CsvBlocksTests
{
    [Fact]
    public void Header_AfterAByteOrderMark_IsTheFirstLineWithoutTheMark()
    {
        using var blocks = Blocks("\uFEFFId,Name\n1,a\n", 64);

        Assert.Equal("Id,Name\n", Utf8(blocks.Header()));
        Assert.Equal("Id,Name\n", Utf8(blocks.HeaderBytes));
        Assert.Equal([("1,a\n", 2L)], Cut(blocks));
    }

    [Fact]
    public void Header_LongerThanABlock_GrowsToHoldIt()
    {
        using var blocks = Blocks("Id,Account Name,Amount\n1,a,2\n", 4);

        Assert.Equal("Id,Account Name,Amount\n", Utf8(blocks.Header()));
        Assert.Equal([("1,a,2\n", 2L)], Cut(blocks));
        Assert.True(blocks.Done);
    }

    [Fact]
    public void Header_EndsAtTheFirstLineFeedOutsideQuotes_EvenWhenItStartsWithAQuote()
    {
        using var blocks = Blocks("\"Id\",\"Account\nName\"\n1,a\n", 64);

        Assert.Equal("\"Id\",\"Account\nName\"\n", Utf8(blocks.Header()));

        // The header row spans lines 1 and 2, so the first record is on line 3.
        Assert.Equal(3, blocks.NextLine);
        Assert.Equal([("1,a\n", 3L)], Cut(blocks));
    }

    [Fact]
    public void Header_OfAFileWithALoneCarriageReturn_LeavesTheWholeFileToOneReader()
    {
        const string File = "Id,Name\r1,a\r\n2,b\n";
        using var blocks = Blocks(File, 64);

        Assert.Null(blocks.Header());
        Assert.Equal(File, ReadAll(blocks.Whole()));
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void Header_OfAUtf16OrUtf32File_LeavesTheWholeFileToOneReader_HoweverSmallTheBlocks(string name)
    {
        // The byte order mark is looked for in at least four bytes, whatever the block size.
        Encoding encoding = name switch
        {
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            "utf-32le" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        };
        byte[] file = [.. encoding.GetPreamble(), .. encoding.GetBytes("Id,Name\n1,a\n")];
        using var blocks = new CsvBlocks(new MemoryStream(file), blockBytes: 1);

        Assert.Null(blocks.Header());
        using var whole = new MemoryStream();
        blocks.Whole().CopyTo(whole);
        Assert.Equal(file, whole.ToArray());
    }

    [Fact]
    public void Next_CutsAfterTheLastLineFeedOutsideQuotes_GrowsForALongRecord_AndNumbersEachBlocksFirstLine()
    {
        // Blocks of 8 bytes: the header row fills the first read exactly; then a blank line alone in its block (the
        // only line feed in the next 8 bytes is the first), a record longer than a block, a quoted line break that
        // must not end a block, and the last record without more to read.
        using var blocks = Blocks("Id,Name\n" + "\n" + "1,abcdefgh\n" + "2,\"x\ny\"\n" + "3,c\n", 8);

        Assert.Equal("Id,Name\n", Utf8(blocks.Header()));
        Assert.Equal([("\n", 2L), ("1,abcdefgh\n", 3L), ("2,\"x\ny\"\n", 4L), ("3,c\n", 6L)], Cut(blocks));
        Assert.True(blocks.Done);
        Assert.Equal(7, blocks.NextLine);
    }

    [Fact]
    public void Next_AtALoneCarriageReturn_StopsCutting_AndTheRestIsTheFileFromThere()
    {
        using var blocks = Blocks("Id,Name\n" + "1,a\r2,b\n" + "3,c\n", 8);

        Assert.Equal("Id,Name\n", Utf8(blocks.Header()));
        Assert.Null(blocks.Next());
        Assert.False(blocks.Done);
        Assert.Equal(2, blocks.NextLine);
        Assert.Equal("Id,Name\n1,a\r2,b\n3,c\n", ReadAll(blocks.Rest([], header: true)));
    }

    [Fact]
    public void Header_WithNoLineFeedWithinTheLargestBlock_LeavesTheWholeFileToOneReader()
    {
        // A first line of exactly MaxBlockBytes bytes, then its line feed: one byte too many for a block.
        var file = new byte[CsvBlocks.MaxBlockBytes + 1];
        file.AsSpan().Fill((byte)'x');
        file[^1] = (byte)'\n';
        using var blocks = new CsvBlocks(new MemoryStream(file), blockBytes: 1);

        Assert.Null(blocks.Header());
        Assert.Equal(file.Length, Length(blocks.Whole()));
    }

    [Fact]
    public void Next_WithARecordLongerThanTheLargestBlock_LeavesTheRestToOneReader()
    {
        var file = new byte[2 + CsvBlocks.MaxBlockBytes + 1];
        file.AsSpan().Fill((byte)'x');
        "a\n"u8.CopyTo(file);
        file[^1] = (byte)'\n';
        using var blocks = new CsvBlocks(new MemoryStream(file), blockBytes: 1);

        Assert.Equal("a\n", Utf8(blocks.Header()));
        Assert.Null(blocks.Next());
        Assert.False(blocks.Done);
        Assert.Equal(2, blocks.NextLine);
        Assert.Equal(file.Length - 2, Length(blocks.Rest([])));
    }

    [Fact]
    public void BlockText_ReadIntoNoBuffer_ThrowsArgumentNullException()
    {
        using var text = new BlockText().Of("a\n"u8.ToArray(), "1\n"u8);

        Assert.Equal("buffer", Assert.Throws<ArgumentNullException>(() => text.Read(null!, 0, 0)).ParamName);
    }

    private static CsvBlocks Blocks(string text, int blockBytes) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)), blockBytes);

    private static string Utf8(byte[]? bytes) => bytes is null ? "(none)" : Encoding.UTF8.GetString(bytes);

    /// <summary>Every block left, as its text and first line; each block is given back to the pool.</summary>
    private static List<(string Text, long FirstLine)> Cut(CsvBlocks blocks)
    {
        var cut = new List<(string, long)>();
        while (blocks.Next() is { } block)
        {
            cut.Add((Encoding.UTF8.GetString(block.Bytes, 0, block.Length), block.FirstLine));
            CsvBlocks.Return(block);
        }

        return cut;
    }

    private static string ReadAll(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }

    private static long Length(Stream stream)
    {
        using (stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.Length;
        }
    }
}
