using System.Text;

namespace PartnerMetrics.Import.Tests;

/// <summary>The pieces of the CSV reader: line numbers, the header's description, the byte order mark's stream, and the text cache.</summary>
public class CsvSourceTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 0)]
    [InlineData("a\n", 1)]
    [InlineData("a\r\n", 1)]
    [InlineData("a\r", 1)]
    [InlineData("\r\r\n\n", 3)]
    [InlineData("\n\r", 2)]
    [InlineData("a\rb\nc\r\nd", 3)]
    public void LineBreaks_CountCrLfLfAndALoneCrOnceEach(string text, long breaks)
    {
        Assert.Equal(breaks, CsvSource.LineBreaks(text));

        // The block splitter counts the bytes of a block as the CSV reader counts its text.
        Assert.Equal(breaks, CsvBlocks.LineBreaks(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Records_AreNumberedByTheLineTheyStartOn_AfterAHeaderAndValuesWithLineBreaks()
    {
        using var source = CsvSource.Open(new StringReader("\"Id\r\nKey\",Name\r\n1,\"a\nb\"\r\n\r\n2,c\r3,d\n"));

        Assert.Equal(2, source.Header.Count);
        Assert.Equal("Id\r\nKey", source.Header.Name(0));
        var lines = new List<(long, string?, string?)>();
        while (source.Read())
        {
            lines.Add((source.Line, source.Text(0), source.Text(1)));
        }

        Assert.Equal([(3L, "1", "a\nb"), (6L, "2", "c"), (7L, "3", "d")], lines);
    }

    [Fact]
    public void Fields_AreTrimmed_AndAnEmptyOrMissingFieldIsNull()
    {
        using var source = CsvSource.Open(new StringReader("a,b,c\n  x  ,   ,\nshort\n"));

        Assert.True(source.Read());
        Assert.False(source.Ragged);
        Assert.Equal(3, source.FieldCount);
        Assert.Equal(("x", (string?)null, (string?)null), (source.Text(0), source.Text(1), source.Text(2)));
        Assert.Equal("x", source.Span(0).ToString());
        Assert.True(source.Span(1).IsEmpty);
        Assert.Null(source.Text(-1));
        Assert.Null(source.Text(3));
        Assert.True(source.Span(-1).IsEmpty);
        Assert.True(source.Span(3).IsEmpty);
        Assert.Null(source.Number(0));

        Assert.True(source.Read());
        Assert.True(source.Ragged);
        Assert.Equal(1, source.FieldCount);
        Assert.Equal("short", source.Text(0));
        Assert.Null(source.Text(1));
        Assert.True(source.Span(1).IsEmpty);
        Assert.False(source.Read());
    }

    [Theory]
    [InlineData("#")]
    [InlineData("\0")]
    [InlineData("\U00010000")]
    public void ALineStartingWithAnyCharacter_IsARecord_NotACommentLineLeftOut(string first)
    {
        // The CSV reader skips lines that start with its comment character; a NUL one made such rows vanish uncounted.
        using var source = CsvSource.Open(new StringReader($"{first}Id,Name\n{first}1,a\n{first}2,b"));

        Assert.Equal(first + "Id", source.Header.Name(0));
        var lines = new List<(long, string?)>();
        while (source.Read())
        {
            lines.Add((source.Line, source.Text(0)));
        }

        Assert.Equal([(2L, first + "1"), (3L, first + "2")], lines);
    }

    [Fact]
    public void AnEmptyFile_IsAProblemOfTheFirstLine()
    {
        var error = Assert.Throws<ImportException>(() => CsvSource.Open(new StringReader(string.Empty)));

        Assert.Equal("line 1: the file is empty: the first line must be the header row.", error.Message);
    }

    [Fact]
    public void AnUnclosedQuote_InTheHeaderOrInARow_StopsTheReadingWithItsLine()
    {
        var header = Assert.Throws<ImportException>(() =>
        {
            using var source = CsvSource.Open(new StringReader("Id,\"Name\n1,a\n"));
            while (source.Read())
            {
            }
        });
        Assert.Equal(1, header.Problem!.Line);

        var row = Assert.Throws<ImportException>(() =>
        {
            using var source = CsvSource.Open(new StringReader("Id,Name\n1,a\n2,\"b\n3,c\n"));
            while (source.Read())
            {
            }
        });
        Assert.Equal(3, row.Problem!.Line);
        Assert.StartsWith("the CSV is broken from here on (a row longer than 16,777,216 characters, or an unclosed quote?), so reading stopped: ", row.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAsyncReader_NumbersLinesAndFailsAsTheOtherDoes()
    {
        var empty = await Assert.ThrowsAsync<ImportException>(async () => await CsvSource.OpenAsync(new StringReader(string.Empty), CancellationToken.None));
        Assert.Equal("line 1: the file is empty: the first line must be the header row.", empty.Message);

        using var source = await CsvSource.OpenAsync(new StringReader("Id,Name\n1,a\n\n2,\"b\nc\"\n3,d\n"), CancellationToken.None);
        var lines = new List<(long, string?)>();
        while (await source.ReadAsync(CancellationToken.None))
        {
            lines.Add((source.Line, source.Text(0)));
        }

        Assert.Equal([(2L, "1"), (4L, "2"), (6L, "3")], lines);

        using var broken = await CsvSource.OpenAsync(new StringReader("Id,Name\n1,a\n2,\"b\n"), CancellationToken.None);
        Assert.True(await broken.ReadAsync(CancellationToken.None));
        var error = await Assert.ThrowsAsync<ImportException>(async () => await broken.ReadAsync(CancellationToken.None));
        Assert.Equal(3, error.Problem!.Line);
    }

    [Fact]
    public void TheHeader_IsDescribedByItsFirstTwelveNames()
    {
        Assert.Equal("\"a\", \"b\"", new TableHeader(["a", "b"]).Describe());
        var twelve = Enumerable.Range(1, 12).Select(i => $"c{i}").ToArray();
        Assert.Equal(string.Join(", ", twelve.Select(n => $"\"{n}\"")), new TableHeader(twelve).Describe());
        var fourteen = Enumerable.Range(1, 14).Select(i => $"c{i}").ToArray();
        Assert.Equal(string.Join(", ", twelve.Select(n => $"\"{n}\"")) + " and 2 more", new TableHeader(fourteen).Describe());
    }

    [Fact]
    public void TheHeader_FindsANameAsProfilesCompareThem()
    {
        var header = new TableHeader(["Opportunity ID", "Sales_Agent", "sales agent"]);

        Assert.Equal(0, header.Find("opportunity-id"));
        Assert.Equal(1, header.Find("SALES AGENT"));
        Assert.Equal(-1, header.Find("Owner"));
        Assert.Equal(3, header.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4_096)]
    public void BlockText_IsTheHeaderThenTheBlock_DecodedInReadsOfAnySize_AndForgetsTheBlockBefore(int readSize)
    {
        var text = new BlockText();
        var header = Encoding.UTF8.GetBytes("Account Name,Amount\r\n");
        const string Long = "Société Générale,\"1,000\"\r\n東京 ☃ 😀,2\r\n";
        Assert.Equal("Account Name,Amount\r\n" + Long, ReadAll(text.Of(header, Encoding.UTF8.GetBytes(Long)), readSize));

        // The same reader for a shorter block: nothing of the longer one is left.
        Assert.Equal("Account Name,Amount\r\nx,1\n", ReadAll(text.Of(header, "x,1\n"u8), readSize));
        text.Of(header, "x,1\n"u8);
        Assert.Equal('A', text.Peek());
        Assert.Equal('A', text.Read());
        Assert.Equal('c', text.Read());

        static string ReadAll(TextReader reader, int size)
        {
            var all = new StringBuilder();
            var buffer = new char[size];
            int read;
            while ((read = reader.Read(buffer, 0, size)) > 0)
            {
                all.Append(buffer, 0, read);
            }

            Assert.Equal(-1, reader.Peek());
            Assert.Equal(-1, reader.Read());
            return all.ToString();
        }
    }

    [Fact]
    public void BlockText_OfBytesThatAreNotUtf8_MarksTheBlockBroken_AndReadsNothing()
    {
        var text = new BlockText();
        var broken = Assert.Throws<CsvBlockBrokenException>(() => text.Of("a,b\n"u8.ToArray(), [(byte)'x', 0xFF, (byte)'\n']));
        Assert.IsType<DecoderFallbackException>(broken.InnerException);
        Assert.Equal(-1, text.Read());

        // A character cut off at the end of the block is not UTF-8 either.
        Assert.Throws<CsvBlockBrokenException>(() => text.Of([], [(byte)'x', 0xE2, 0x98]));
    }

    [Fact]
    public async Task APrefixedStream_GivesThePrefixThenTheRest_AndDisposesTheRest()
    {
        var rest = new MemoryStream([4, 5, 6]);
        using (var stream = new PrefixedStream([1, 2, 3], rest))
        {
            Assert.True(stream.CanRead);
            Assert.False(stream.CanSeek);
            Assert.False(stream.CanWrite);
            var buffer = new byte[2];
            Assert.Equal(2, stream.Read(buffer, 0, 2));
            Assert.Equal([1, 2], buffer);

            // The end of the prefix and the start of the rest come in one read (the CSV reader learns how lines end
            // from its first read, which must not stop after the few bytes read to find a byte order mark).
            Assert.Equal(2, await stream.ReadAsync(buffer.AsMemory()));
            Assert.Equal([3, 4], buffer);
#pragma warning disable CA1835 // the array overload is the one under test
            Assert.Equal(2, await stream.ReadAsync(buffer, 0, 2));
#pragma warning restore CA1835
            Assert.Equal([5, 6], buffer);
            Assert.Equal(0, stream.Read(buffer.AsSpan()));
            Assert.Throws<NotSupportedException>(() => stream.Length);
            Assert.Throws<NotSupportedException>(() => stream.Position);
            Assert.Throws<NotSupportedException>(() => stream.Position = 0);
            Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
            Assert.Throws<NotSupportedException>(() => stream.SetLength(0));
            Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
            stream.Flush();
        }

        Assert.Throws<ObjectDisposedException>(() => rest.ReadByte());
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a' }, "a")]
    [InlineData(new byte[] { (byte)'a', (byte)'b' }, "ab")]
    [InlineData(new byte[] { (byte)'a' }, "a")]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, "a")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' }, "a")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0, (byte)'a', 0, 0, 0 }, "a")]
    [InlineData(new byte[] { 0, 0, 0xFE, 0xFF, 0, 0, 0, (byte)'a' }, "a")]
    public void Text_DropsTheByteOrderMark_AndDecodesByIt(byte[] bytes, string text)
    {
        using var reader = CsvSource.Text(new MemoryStream(bytes));

        Assert.Equal(text, reader.ReadToEnd());
    }

    [Fact]
    public void Text_WithoutAMark_IsStrictUtf8()
    {
        using var reader = CsvSource.Text(new MemoryStream(Encoding.Latin1.GetBytes("caf\u00e9")));

        Assert.Throws<DecoderFallbackException>(() => reader.ReadToEnd());
    }

    [Fact]
    public void TheTextCache_ForgetsEverythingPastItsCapacity()
    {
        var cache = new TextCache<int>();
        for (var i = 0; i < 65_536; i++)
        {
            Assert.Equal(i, cache.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), i));
        }

        Assert.True(cache.TryGetValue("0", out var first));
        Assert.Equal(0, first);
        Assert.True(cache.TryGetValue("65535".AsSpan(), out var last));
        Assert.Equal(65_535, last);

        cache.Add("new", -1);
        Assert.False(cache.TryGetValue("0", out _));
        Assert.False(cache.TryGetValue("65535".AsSpan(), out _));
        Assert.True(cache.TryGetValue("new", out var added));
        Assert.Equal(-1, added);
    }

    [Fact]
    public void TheTextCache_KeepsAFewTextsInAList_ThenHashes_AndAnswersTheSame()
    {
        var cache = new TextCache<int>();
        var model = new Dictionary<string, int>(StringComparer.Ordinal);
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            // Few texts at first (the list), then many (the dictionary), with values replaced now and then.
            var text = $"t{random.Next(i < 500 ? 6 : 40)}";
            Assert.Equal(model.TryGetValue(text, out var expected), cache.TryGetValue(text.AsSpan(), out var actual));
            Assert.Equal(expected, actual);
            if (!model.ContainsKey(text) || random.Next(10) == 0)
            {
                model[text] = i;
                cache.Add(text, i);
            }
        }

        Assert.All(model, pair => Assert.True(cache.TryGetValue(pair.Key, out var value) && value == pair.Value));
    }
}
