using System.Globalization;
using System.Text;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// <c>pipeline</c> reads a JSON array of deals from the stream one item at a time: whatever the window size and
/// however the stream hands its bytes over, it reads the same deals and reports the same problems, on the same
/// lines, as a read of the whole file; and a window no larger than one deal reads an array of any length.
/// </summary>
public sealed class OpportunityJsonTests
{
    private static readonly string Deals = Document(DemoPortfolio.Create().AllOpportunities().Take(60), seed: 7);

    public static TheoryData<string> Documents => new()
    {
        "opportunities.json",
        "bad-items.json",
        "generated",
        "generated-with-bom",
        "portfolio",
        "empty",
        "whitespace",
        "number",
        "unclosed",
        "after-the-array",
        "broken-inside-an-item",
        "empty-array",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void AnyWindow_AnyTrickle_ReadsWhatTheWholeFileReads(string name)
    {
        var bytes = Bytes(name);
        var expected = ReadAll(new MemoryStream(bytes), window: bytes.Length + 1);

        foreach (var window in (int[])[16, 17, 64, 100, 1000])
        {
            foreach (var trickle in (int[])[1, 7, int.MaxValue])
            {
                var actual = ReadAll(new TrickleStream(bytes, trickle), window);
                Assert.True(expected == actual, $"window {window}, {trickle} bytes a read:\n{actual}\nexpected:\n{expected}");
            }
        }
    }

    [Fact]
    public void TheWholeFileRead_IsWhatTheFixtureHolds()
    {
        // The reference the other cases are compared with is itself right: every deal, in order, none lost.
        var (count, deals, problems) = Read(new MemoryStream(Encoding.UTF8.GetBytes(Deals)), OpportunityJson.DefaultWindow);

        Assert.Equal(60, count);
        Assert.Null(problems.Fatal);
        Assert.Equal(0, problems.Count);
        Assert.Equal(DemoPortfolio.Create().AllOpportunities().Take(60).Select(d => d.Id.ToString()), deals.Select(d => d.Id.ToString()));
    }

    [Fact]
    public void AWindowAsSmallAsOneDeal_ReadsAnArrayOfAnyLength()
    {
        var deal = PartnerMetricsJson.Serialize(DemoPortfolio.Create().AllOpportunities().First());
        var largest = deal.Length + 16;
        var stream = new GeneratedArray(20_000, i => deal.Replace("\"id\":\"", $"\"id\":\"{i}-", StringComparison.Ordinal), separator: ",\n");

        var (count, deals, problems) = Read(stream, window: 16, largestWindow: largest);

        Assert.Null(problems.Fatal);
        Assert.Equal(0, problems.Count);
        Assert.Equal(20_000, count);
        Assert.Equal(20_000, deals.Count);
        Assert.Equal("19999-", deals[^1].Id.ToString()[..6]);
    }

    [Fact]
    public void ADealLargerThanTheLargestWindow_IsAProblemThatNamesIt()
    {
        var deal = PartnerMetricsJson.Serialize(DemoPortfolio.Create().AllOpportunities().First());
        var bytes = Encoding.UTF8.GetBytes($"[\n{deal},\n{deal.Replace("\"id\":\"", "\"id\":\"x", StringComparison.Ordinal).Replace("{", "{\"notes\": \"" + new string('n', 400) + "\",", StringComparison.Ordinal)}\n]");

        var (count, deals, problems) = Read(new MemoryStream(bytes), window: 16, largestWindow: deal.Length + 100);

        Assert.Equal(1, count);
        Assert.Single(deals);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"line 3: $[1] is over {deal.Length + 100:N0} bytes, the most that is read whole."), problems.Fatal);
    }

    [Fact]
    public void APortfolioLargerThanTheLargestWindow_SaysToGiveTheDealsAsAnArray()
    {
        var bytes = Bytes("portfolio");

        var (count, _, problems) = Read(new MemoryStream(bytes), window: 16, largestWindow: bytes.Length - 1);

        Assert.Equal(0, count);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"the portfolio document is over {bytes.Length - 1:N0} bytes, the most that is read whole; give its deals as a JSON array (read one deal at a time, of any length) or as a CSV file."), problems.Fatal);
    }

    [Fact]
    public void AnArrayOver2GiB_IsReadToTheEnd()
    {
        // Issue 18, row 8: the whole file was read into one array, so a file over 2 GiB threw OverflowException.
        // 34 deals with 64 MiB of whitespace after each: 2.1 GiB, generated as it is read and never held whole.
        var deal = PartnerMetricsJson.Serialize(DemoPortfolio.Create().AllOpportunities().First());
        var whitespace = string.Concat(Enumerable.Repeat("\n" + new string(' ', 1023), 1 << 16));
        var stream = new GeneratedArray(34, i => deal.Replace("\"id\":\"", $"\"id\":\"{i}-", StringComparison.Ordinal), separator: whitespace + ",");
        var problems = new InputProblems();
        var ids = new List<string>();

        var count = OpportunityJson.Read(stream, d => ids.Add(d.Id.ToString()), problems);

        Assert.True(stream.Position > int.MaxValue, $"the document is {stream.Position:N0} bytes");
        Assert.Null(problems.Fatal);
        Assert.Equal(0, problems.Count);
        Assert.Equal(34, count);
        Assert.Equal(Enumerable.Range(0, 34).Select(i => $"{i}-"), ids.Select(id => id[..(id.IndexOf('-', StringComparison.Ordinal) + 1)]));
    }

    [Fact]
    public void Progress_IsTheEndOfEvery4096thDeal()
    {
        var deal = PartnerMetricsJson.Serialize(DemoPortfolio.Create().AllOpportunities().First());
        string Item(int i) => deal.Replace("\"id\":\"", $"\"id\":\"{i}-", StringComparison.Ordinal);
        var stream = new GeneratedArray(10_000, Item, separator: ",");
        var progress = new List<long>();

        Read(stream, window: 1000, progress: progress.Add);

        // "[", then the deals and the commas between them, up to the end of deal 4,096 and of deal 8,192.
        long EndOf(int deals) => 1 + Enumerable.Range(0, deals).Sum(i => (long)Item(i).Length) + deals - 1;
        Assert.Equal([EndOf(4096), EndOf(8192)], progress);
    }

    private static (long Count, List<Opportunity> Deals, InputProblems Problems) Read(Stream stream, int window, int largestWindow = int.MaxValue, Action<long>? progress = null)
    {
        var deals = new List<Opportunity>();
        var problems = new InputProblems();
        var count = OpportunityJson.Read(stream, deals.Add, problems, progress, window, largestWindow);
        return (count, deals, problems);
    }

    /// <summary>Everything a read says: its count, each deal as JSON, and the problem report.</summary>
    private static string ReadAll(Stream stream, int window)
    {
        var (count, deals, problems) = Read(stream, window);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine(count.ToString(CultureInfo.InvariantCulture));
        foreach (var deal in deals)
        {
            text.WriteLine(PartnerMetricsJson.Serialize(deal));
        }

        problems.WriteTo("file", text);
        return text.ToString();
    }

    private static byte[] Bytes(string name) => name switch
    {
        "generated" => Encoding.UTF8.GetBytes(Deals),
        "generated-with-bom" => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Deals)],
        "portfolio" => Encoding.UTF8.GetBytes(PartnerMetricsJson.Serialize(DemoPortfolio.Create())),
        "empty" => [],
        "whitespace" => Encoding.UTF8.GetBytes(" \n\t \r\n  "),
        "number" => "  12345"u8.ToArray(),
        "unclosed" => Encoding.UTF8.GetBytes(Deals[..Deals.LastIndexOf(']')]),
        "after-the-array" => Encoding.UTF8.GetBytes(Deals + "\n[]"),
        "broken-inside-an-item" => Encoding.UTF8.GetBytes(Deals.Insert(Deals.IndexOf("\"amount\"", 2000, StringComparison.Ordinal), "\"oops\" ")),
        "empty-array" => "[\n]"u8.ToArray(),
        _ => File.ReadAllBytes(TestFiles.Fixture(name)),
    };

    /// <summary>A JSON array of the deals, with separators of varied whitespace so that lines and offsets vary.</summary>
    private static string Document(IEnumerable<Opportunity> deals, int seed)
    {
        var random = new Random(seed);
        string[] separators = [",", ",\n", ",\r\n\t", " ,\n\n  ", ",\n" + new string(' ', 90) + "\n"];
        var text = new StringBuilder("[\n");
        var first = true;
        foreach (var deal in deals)
        {
            text.Append(first ? string.Empty : separators[random.Next(separators.Length)]);
            var json = PartnerMetricsJson.Serialize(deal);
            text.Append(random.Next(3) == 0 ? json.Replace(",\"", ",\n    \"", StringComparison.Ordinal) : json);
            first = false;
        }

        return text.Append("\n]\n").ToString();
    }

    /// <summary>A stream that cannot seek and hands over at most a few bytes a read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, most)]);
    }

    /// <summary>A JSON array of generated items, written as it is read, so that its length is not limited by memory.</summary>
    private sealed class GeneratedArray(int items, Func<int, string> item, string separator) : Stream
    {
        private readonly byte[] separatorBytes = Encoding.UTF8.GetBytes(separator);
        private readonly Queue<byte[]> pending = new([ "["u8.ToArray() ]);
        private int pendingAt;
        private int next;
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (pending.Count > 0 && pendingAt == pending.Peek().Length)
            {
                pending.Dequeue();
                pendingAt = 0;
            }

            if (pending.Count == 0)
            {
                if (next > items)
                {
                    return 0;
                }

                if (next > 0 && next < items)
                {
                    pending.Enqueue(separatorBytes);
                }

                pending.Enqueue(next == items ? [.. "]"u8] : Encoding.UTF8.GetBytes(item(next)));
                next++;
            }

            var current = pending.Peek();
            var count = Math.Min(buffer.Length, current.Length - pendingAt);
            current.AsSpan(pendingAt, count).CopyTo(buffer);
            pendingAt += count;
            position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
