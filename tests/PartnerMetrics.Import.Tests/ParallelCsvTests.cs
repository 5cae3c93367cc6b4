using System.Text;
using PartnerMetrics.Pipeline;
using Property = FsCheck.Xunit.PropertyAttribute;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// A CSV export parsed in blocks on several threads gives what one reader gives: the same deals in the same order, the
/// same report, the same error, whatever the file holds (quoted line breaks, blank lines, every line ending, bad values,
/// ragged rows, stray and unclosed quotes, rows longer than a block) and wherever the blocks are cut.
/// </summary>
public class ParallelCsvTests
{
    private const string Header = "Opportunity ID,Account Name,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account,Owner Region";

    private static readonly string[] Ids = ["006A", "006B", "\"006,\"\"C\"\"\"", "\"006\nD\"", string.Empty];
    private static readonly string[] Accounts = ["Account 1", "Account 2", "\"Acme\r\nInc\"", "\"Acme\rInc\"", string.Empty];
    private static readonly string[] Stages = ["Closed Won", "Closed Lost", "Prospecting", "Closed - No Decision", "Bogus"];
    private static readonly string[] Amounts = [string.Empty, "\"USD 1,200.50\"", "500", "12x", "\"EUR 3.00\"", "(100)", "0.30"];
    private static readonly string[] Days = ["6/14/2024", "1/2/2023", "2024-13-45", string.Empty];
    private static readonly string[] Types = ["New Customer", "Existing Customer - Upgrade", string.Empty, "Other"];
    private static readonly string[] Sources = ["Web", string.Empty, "Partner"];
    private static readonly string[] Partners = [string.Empty, "Partner 3", "Partner 7"];
    private static readonly string[] Regions = ["EMEA", "AMER", string.Empty];
    // No lone carriage return ends a line here: in a file whose lines end in LF or CR LF, the CSV reader (Sylvan) takes
    // one for a line end in some places and for text in others, by where it falls in its buffer, so no two readers
    // that fill their buffers differently can agree on such a file. A file whose lines all end in a lone CR is
    // OldMacLineEnds_AreReadByOneReader; a lone CR inside a quoted value is in Accounts.
    private static readonly string[] Ends = ["\r\n", "\n"];

    /// <summary>A row of chosen values, good and bad.</summary>
    private static readonly Gen<string> Row =
        from id in Gen.Elements(Ids)
        from account in Gen.Elements(Accounts)
        from stage in Gen.Elements(Stages)
        from amount in Gen.Elements(Amounts)
        from close in Gen.Elements(Days)
        from created in Gen.Elements(Days)
        from type in Gen.Elements(Types)
        from source in Gen.Elements(Sources)
        from partner in Gen.Elements(Partners)
        from region in Gen.Elements(Regions)
        select string.Join(',', id, account, stage, amount, close, created, type, source, partner, region);

    /// <summary>A line of a file: a row, or a line a real file may hold by mistake.</summary>
    private static readonly Gen<string> Line = Gen.Frequency(
        (30, Row),
        (2, Gen.Constant(string.Empty)),
        (1, Gen.Constant("   ")),
        (1, Gen.Constant("a,b")),
        (1, Gen.Constant("006Q,x\"y,Closed Won,1,1/1/2024,1/1/2024,New Customer,Web,,EMEA")),
        (1, Gen.Choose(50, 400).Select(n => $"\"{new string('x', n)}\",Account 9,Prospecting,,1/1/2024,1/1/2024,New Customer,Web,,EMEA")));

    /// <summary>A whole file: the header, lines with their endings, and sometimes a byte order mark or an unclosed quote at the end.</summary>
    private static readonly Gen<string> File =
        from mark in Gen.Elements(string.Empty, "\uFEFF")
        from lines in (from line in Line from end in Gen.Elements(Ends) select line + end).ListOf()
        from last in Gen.Frequency((9, Gen.Constant(string.Empty)), (1, Gen.Constant("\"unclosed,")), (2, Line))
        select mark + Header + "\r\n" + string.Concat(lines) + last;

    /// <summary>How it is read: the bad-row policy, the problems the report keeps, the threads and the block size (small, so that a small file makes many blocks).</summary>
    private static readonly Gen<(BadRowPolicy Policy, int Kept, int Threads, int Block)> Reading =
        from policy in Gen.Elements(BadRowPolicy.Fail, BadRowPolicy.Skip)
        from kept in Gen.Elements(0, 1, 3, 1000)
        from threads in Gen.Choose(2, 4)
        from block in Gen.Choose(1, 400)
        select (policy, kept, threads, block);

    [Property(MaxTest = 300)]
    public FsCheck.Property ReadCsv_InBlocks_IsOneReadersResult() => Prop.ForAll(File.ToArbitrary(), Reading.ToArbitrary(), (file, reading) =>
    {
        var profile = ImportProfile.Salesforce with { BadRows = reading.Policy };
        var one = Read(new OpportunityImporter(profile) { MaxDegreeOfParallelism = 1 }, file, reading.Kept);
        var blocks = Read(new OpportunityImporter(profile) { MaxDegreeOfParallelism = reading.Threads, BlockBytes = reading.Block }, file, reading.Kept);
        Assert.Equal(one, blocks);
    });

    [Property(MaxTest = 300)]
    public FsCheck.Property ReadCsvInto_InBlocks_AddsOneReadersDeals() => Prop.ForAll(File.ToArbitrary(), Reading.ToArbitrary(), (file, reading) =>
    {
        var profile = ImportProfile.Salesforce with { BadRows = reading.Policy };
        var one = Read(new OpportunityImporter(profile) { MaxDegreeOfParallelism = 1 }, file, reading.Kept);
        var importer = new OpportunityImporter(profile) { MaxDegreeOfParallelism = reading.Threads, BlockBytes = reading.Block };
        var report = new ImportReport(reading.Kept);
        var deals = new List<Opportunity>();
        string? error = null;
        try
        {
            importer.ReadCsvInto(Bytes(file), deals, () => [], (list, deal) => list.Add(deal), (total, block) => total.AddRange(block), report);
        }
        catch (ImportException failure)
        {
            error = failure.Message;
        }

        // On an error what the accumulator holds is not promised; without one it holds every deal, in file order here.
        Assert.Equal(one.Error, error);
        Assert.Equal(one.Report, Describe(report));
        if (error is null)
        {
            Assert.Equal(one.Deals, deals);
        }
    });

    [Fact]
    public void ReadCsvInto_GroupedPipeline_IsTheOnePassResult()
    {
        var file = LargeExport(5_000);
        var importer = new OpportunityImporter(ImportProfile.Salesforce) { BlockBytes = 4_096, MaxDegreeOfParallelism = 3 };
        var total = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        importer.ReadCsvInto(Bytes(file), total, () => new GroupedPipelineAccumulator<string>(PipelineKeys.District), (a, d) => a.Add(d), (a, b) => a.Merge(b));

        var onePass = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        foreach (var deal in new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 }.ReadCsv(Bytes(file)))
        {
            onePass.Add(deal);
        }

        var expected = onePass.Result();
        var actual = total.Result();
        Assert.Equal(5_000, expected.Total.Count);
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Groups.Select(g => (g.Key, g.Result)), actual.Groups.Select(g => (g.Key, g.Result)));
    }

    [Fact]
    public void ReadCsvInto_ReusingClearedGroupings_IsTheOnePassResult()
    {
        // Blocks of 4 KB: a 5,000-row file is about a hundred blocks, so that each grouping is cleared and reused many times.
        var file = LargeExport(5_000);
        var importer = new OpportunityImporter(ImportProfile.Salesforce) { BlockBytes = 4_096, MaxDegreeOfParallelism = 3 };
        var created = 0;
        var cleared = 0;
        var total = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        importer.ReadCsvInto(
            Bytes(file),
            total,
            () =>
            {
                Interlocked.Increment(ref created);
                return new GroupedPipelineAccumulator<string>(PipelineKeys.District);
            },
            (a, d) => a.Add(d),
            (a, b) => a.Merge(b),
            b =>
            {
                cleared++;
                b.Clear();
            });

        var onePass = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        onePass.AddRange(new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 }.ReadCsv(Bytes(file)));
        var expected = onePass.Result();
        var actual = total.Result();
        Assert.Equal(expected.Total, actual.Total);
        Assert.Equal(expected.Groups.Select(g => (g.Key, g.Result)), actual.Groups.Select(g => (g.Key, g.Result)));
        // Every block's grouping is cleared after its merge, and a few groupings (about one per block in flight) serve them all.
        Assert.True(cleared > 50, $"{cleared} blocks");
        Assert.InRange(created, 1, 13);
    }

    [Fact]
    public void ReadCsvInto_Cancelled_StopsWithOperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var deals = new List<Opportunity>();

        Assert.ThrowsAny<OperationCanceledException>(() => new OpportunityImporter(ImportProfile.Salesforce) { BlockBytes = 4_096 }.ReadCsvInto(
            Bytes(LargeExport(2_000)), deals, () => [], (l, d) => l.Add(d), (t, b) => t.AddRange(b), cancellationToken: cancel.Token));
    }

    [Fact]
    public void ReadCsvInto_ChecksItsArguments()
    {
        var importer = new OpportunityImporter(ImportProfile.Salesforce);
        var list = new List<Opportunity>();
        Func<List<Opportunity>> create = () => [];
        Action<List<Opportunity>, Opportunity> add = (l, d) => l.Add(d);
        Action<List<Opportunity>, List<Opportunity>> merge = (t, b) => t.AddRange(b);

        Assert.Equal("csv", Assert.Throws<ArgumentNullException>(() => importer.ReadCsvInto(null!, list, create, add, merge)).ParamName);
        Assert.Equal("accumulator", Assert.Throws<ArgumentNullException>(() => importer.ReadCsvInto(Bytes(Header), null!, create, add, merge)).ParamName);
        Assert.Equal("create", Assert.Throws<ArgumentNullException>(() => importer.ReadCsvInto(Bytes(Header), list, null!, add, merge)).ParamName);
        Assert.Equal("add", Assert.Throws<ArgumentNullException>(() => importer.ReadCsvInto(Bytes(Header), list, create, null!, merge)).ParamName);
        Assert.Equal("merge", Assert.Throws<ArgumentNullException>(() => importer.ReadCsvInto(Bytes(Header), list, create, add, null!)).ParamName);
        Assert.Equal("clear", Assert.Throws<ArgumentNullException>(() => importer.ReadCsvInto(Bytes(Header), list, create, add, merge, clear: null!)).ParamName);
        var error = Assert.Throws<InvalidOperationException>(() => importer.ReadCsvInto(Bytes(LargeExport(10)), list, () => null!, add, merge));
        Assert.Equal("The create function returned null instead of an accumulator.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void MaxDegreeOfParallelism_BelowOne_IsRejected(int threads)
    {
        // Named as the model's settings name theirs: by the property, in the library's words.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = threads });
        Assert.Equal("MaxDegreeOfParallelism", error.ParamName);
        Assert.StartsWith($"'MaxDegreeOfParallelism' must be at least 1; got {threads}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxDegreeOfParallelism_DefaultsToTheProcessorCount()
    {
        Assert.Equal(Environment.ProcessorCount, new OpportunityImporter(ImportProfile.Salesforce).MaxDegreeOfParallelism);
    }

    [Fact]
    public void AnEnumerationStoppedEarly_LeavesNoBlockBehind()
    {
        var importer = new OpportunityImporter(ImportProfile.Salesforce) { BlockBytes = 1_024, MaxDegreeOfParallelism = 4 };
        for (var i = 0; i < 20; i++)
        {
            using var enumerator = importer.ReadCsv(Bytes(LargeExport(2_000))).GetEnumerator();
            Assert.True(enumerator.MoveNext());
        }

        // The pending blocks were waited for and their bytes returned; a full read afterwards is still whole.
        Assert.Equal(2_000, importer.ReadCsv(Bytes(LargeExport(2_000))).Count());
    }

    [Fact]
    public void NotUtf8_AfterSomeBlocks_NamesALineAtOrBeforeTheBadBytes()
    {
        var text = LargeExport(400);
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        var at = bytes.Count * 3 / 4;
        bytes.Insert(at, 0xFF);
        var badLine = 1 + bytes.Take(at).Count(b => b == (byte)'\n');
        var one = Read(new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 }, [.. bytes], 1000);
        var blocks = Read(new OpportunityImporter(ImportProfile.Salesforce) { BlockBytes = 2_048 }, [.. bytes], 1000);

        // Both stop with the same sentence; the line each names is the one its reader had reached when the decoder
        // met the bytes, so it depends on how far ahead that reader decodes ("at or after this line").
        Assert.NotNull(blocks.Error);
        Assert.Equal(Sentence(one.Error!), Sentence(blocks.Error));
        Assert.InRange(Line(blocks.Error), 1, badLine);
        Assert.InRange(Line(one.Error!), 1, badLine);
        Assert.Equal(one.Deals.Take(Math.Min(one.Deals.Count, blocks.Deals.Count)), blocks.Deals.Take(Math.Min(one.Deals.Count, blocks.Deals.Count)));

        static string Sentence(string message) => message[message.IndexOf(':', StringComparison.Ordinal)..];
        static long Line(string message) => long.Parse(message.AsSpan(5, message.IndexOf(':', StringComparison.Ordinal) - 5), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_IsReadByOneReader(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var file = encoding.GetPreamble().Concat(encoding.GetBytes(LargeExport(300))).ToArray();
        var one = Read(new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 }, file, 1000);
        var blocks = Read(new OpportunityImporter(ImportProfile.Salesforce) { BlockBytes = 512 }, file, 1000);

        Assert.Equal(300, one.Deals.Count);
        Assert.Equal(one, blocks);
    }

    [Fact]
    public void OldMacLineEnds_AreReadByOneReader_PastTheLargestBlock()
    {
        // No line feed at all: no block can be cut, so the whole file is left to one reader.
        var text = LargeExport(300).Replace("\r\n", "\r", StringComparison.Ordinal);
        var one = Read(new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 }, text, 1000);
        var blocks = Read(new OpportunityImporter(ImportProfile.Salesforce) { BlockBytes = 256 }, text, 1000);

        Assert.Equal(300, one.Deals.Count);
        Assert.Equal(one, blocks);
    }

    [Fact]
    public void ARowLongerThanABlockReadersStartingBuffer_IsReadAsOneReaderReadsIt()
    {
        // 70,000 characters: past the 65,536 of a block reader's starting buffer, which the CSV reader grows to hold
        // the record, as one reader's own buffer grows.
        var rows = LargeExport(600).Split("\r\n");
        rows[300] = $"006L,\"{new string('n', 70_000)}\",Prospecting,,1/1/2024,1/1/2024,New Customer,Web,,EMEA";
        var file = string.Join("\r\n", rows);
        var one = Read(new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 }, file, 1000);
        var blocks = Read(new OpportunityImporter(ImportProfile.Salesforce) { BlockBytes = 4_096 }, file, 1000);

        Assert.Null(one.Error);
        Assert.Equal(600, one.Deals.Count);
        Assert.Equal(70_000, one.Deals.Single(d => d.Id.Value == "006L").AccountId.Value!.Length);
        Assert.Equal(one, blocks);
    }

    [Fact]
    public void ARowLongerThanTheLongestRead_StopsWithOneReadersError()
    {
        // 17 million characters: past the 16 MB a block grows to, so the rest is read by one reader that starts there,
        // and past the 16,777,216 characters any reader holds. The CSV reader's own sentence numbered the row from where
        // that reader started ("Row 1 was too large" in blocks, "Row 2" on one thread).
        var rows = LargeExport(10).Split("\r\n");
        rows[5] = $"006L,\"{new string('n', 17_000_000)}\",Prospecting,,1/1/2024,1/1/2024,New Customer,Web,,EMEA";
        var file = string.Join("\r\n", rows);
        var one = Read(new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 }, file, 1000);
        var blocks = Read(new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 2 }, file, 1000);

        Assert.Equal(one, blocks);
        Assert.Equal("line 6: the CSV is broken from here on (a row longer than 16,777,216 characters, or an unclosed quote?), so reading stopped.", one.Error);
        Assert.Equal(4, one.Deals.Count);
    }

    /// <summary>A valid Salesforce-shaped export.</summary>
    internal static string LargeExport(int rows)
    {
        var random = new Random(rows);
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var stage = Stages[random.Next(3)];
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"006{i},Account {random.Next(300)},{stage},\"USD {random.Next(1, 99)},{random.Next(100, 999)}.{random.Next(10, 99)}\",{1 + random.Next(12)}/{1 + random.Next(28)}/2024,{1 + random.Next(12)}/{1 + random.Next(28)}/2023,{Types[random.Next(2)]},Web,{Partners[random.Next(3)]},{Regions[random.Next(2)]}\r\n");
        }

        return text.ToString();
    }

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private static Outcome Read(OpportunityImporter importer, string file, int kept) => Read(importer, Encoding.UTF8.GetBytes(file), kept);

    /// <summary>Everything a read gives: the deals before it stopped, the report, and the error that stopped it.</summary>
    private static Outcome Read(OpportunityImporter importer, byte[] file, int kept)
    {
        var report = new ImportReport(kept);
        var deals = new List<Opportunity>();
        string? error = null;
        try
        {
            foreach (var deal in importer.ReadCsv(new MemoryStream(file), report))
            {
                deals.Add(deal);
            }
        }
        catch (ImportException failure)
        {
            error = failure.Message;
        }

        return new Outcome(deals, Describe(report), error);
    }

    private static string Describe(ImportReport report) => string.Join(
        "\n",
        report.ToString(),
        report.Excluded,
        report.ProblemCount,
        string.Join("|", report.Problems),
        string.Join("|", report.ProblemsByColumn),
        string.Join("|", report.Columns),
        string.Join("|", report.IgnoredColumns),
        string.Join("|", report.Notices));

    private sealed record Outcome(List<Opportunity> Deals, string Report, string? Error)
    {
        public bool Equals(Outcome? other) => other is not null && Deals.SequenceEqual(other.Deals) && Report == other.Report && Error == other.Error;

        public override int GetHashCode() => HashCode.Combine(Deals.Count, Report, Error);

        public override string ToString() => $"{Deals.Count} deals; error {Error ?? "none"}; report {Report}";
    }
}
