using System.Text;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Every way of reading an export gives its deals and fills its report: into an accumulator on one thread or many,
/// from CSV or Excel, synchronously or not, with motions inferred; cancelled, it stops where it is; refused, it closes the file.
/// </summary>
public class OpportunityImporterReadModeTests
{
    private const string DynamicsHeader = "(Do Not Modify) Opportunity,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Topic,Potential Customer,Est. Close Date,Est. Revenue,Status,Created On,Actual Close Date";

    /// <summary>Dynamics rows without a motion: the first won deal of an account is a new logo, a later one an expansion.</summary>
    private static readonly string[][] DynamicsRows =
    [
        ["a1", "x", "6/20/2024 3:22 PM", "First", "Fabrikam", "6/1/2024", "$10,000.00", "Won", "1/10/2024 9:00 AM", "6/15/2024"],
        ["a2", "x", "9/20/2024 3:22 PM", "Second", "Fabrikam", "9/1/2024", "$4,000.00", "Won", "7/1/2024 9:00 AM", "8/15/2024"],
        ["a3", "x", "9/20/2024 3:22 PM", "Third", "Northwind", "9/1/2024", "$2,000.00", "Open", "7/1/2024 9:00 AM", string.Empty],
    ];

    private static readonly DealMotion[] InferredMotions = [DealMotion.NewLogo, DealMotion.Expansion, DealMotion.NewLogo];

    [Fact]
    public void ReadCsvInto_OnOneThread_AddsEveryDealInFileOrder_AndFillsTheReport()
    {
        var file = ParallelCsvTests.LargeExport(50);
        var expected = new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader(file)).ToList();
        var importer = new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 };
        var report = new ImportReport();
        var deals = new List<Opportunity>();

        importer.ReadCsvInto(Bytes(file), deals, () => [], (list, deal) => list.Add(deal), (total, block) => total.AddRange(block), report);

        Assert.Equal(50, deals.Count);
        Assert.Equal(expected, deals);
        Assert.Equal((50L, 50L), (report.Rows, report.Imported));
    }

    [Fact]
    public void ReadCsvInto_OnOneThread_CancelledAfterADeal_StopsBeforeTheNext()
    {
        using var cancel = new CancellationTokenSource();
        var importer = new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 };
        var deals = new List<Opportunity>();

        Assert.ThrowsAny<OperationCanceledException>(() => importer.ReadCsvInto(
            Bytes(ParallelCsvTests.LargeExport(50)), deals, () => [], (list, deal) => AddThenCancelAt("0061", list, deal, cancel), (total, block) => total.AddRange(block), cancellationToken: cancel.Token));

        Assert.Equal(["0060", "0061"], deals.Select(d => d.Id.Value));
    }

    [Fact]
    public void ReadCsvInto_AFileForOneReader_CancelledAfterADeal_StopsBeforeTheNext()
    {
        // UTF-16 does not suit blocks: the whole file is read by one reader, on the calling thread.
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        var file = encoding.GetPreamble().Concat(encoding.GetBytes(ParallelCsvTests.LargeExport(50))).ToArray();
        using var cancel = new CancellationTokenSource();
        var importer = new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 2, BlockBytes = 512 };
        var deals = new List<Opportunity>();

        Assert.ThrowsAny<OperationCanceledException>(() => importer.ReadCsvInto(
            new MemoryStream(file), deals, () => [], (list, deal) => AddThenCancelAt("0061", list, deal, cancel), (total, block) => total.AddRange(block), cancellationToken: cancel.Token));

        Assert.Equal(["0060", "0061"], deals.Select(d => d.Id.Value));
    }

    [Fact]
    public void ReadCsvInto_TheRestOfAFileForOneReader_CancelledAfterADeal_StopsBeforeTheNext()
    {
        // A lone carriage return in a value, after some blocks: the blocks before it are parsed on the pool, and the
        // rest of the file, from the block that holds it, is read by one reader whose deals are added on the calling thread.
        var lines = ParallelCsvTests.LargeExport(100).Split("\r\n");
        lines[81] = "006CR,Acme\rInc,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA";
        using var cancel = new CancellationTokenSource();
        var importer = new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 2, BlockBytes = 1_024 };
        var deals = new List<Opportunity>();

        Assert.ThrowsAny<OperationCanceledException>(() => importer.ReadCsvInto(
            Bytes(string.Join("\r\n", lines)),
            deals,
            () => [],
            (list, deal) =>
            {
                list.Add(deal);
                if (ReferenceEquals(list, deals) && deal.Id.Value == "00690")
                {
                    cancel.Cancel();
                }
            },
            (total, block) => total.AddRange(block),
            cancellationToken: cancel.Token));

        Assert.Equal("00690", deals[^1].Id.Value);
        Assert.Equal(91, deals.Count);
        Assert.Equal("Acme\rInc", deals.Single(d => d.Id.Value == "006CR").AccountId.Value);
    }

    [Fact]
    public void ReadCsvInto_OnManyThreads_AddsEachBlockToItsOwnAccumulator_ThenMergesThemInFileOrder()
    {
        var file = ParallelCsvTests.LargeExport(400);
        var expected = new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader(file)).ToList();
        var importer = new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 8, BlockBytes = 2_048 };
        var created = 0;
        var merged = 0;
        var deals = new List<Opportunity>();

        importer.ReadCsvInto(
            Bytes(file),
            deals,
            () =>
            {
                Interlocked.Increment(ref created);
                return [];
            },
            (list, deal) => list.Add(deal),
            (total, block) =>
            {
                merged++;
                total.AddRange(block);
            });

        // About 40,000 bytes in blocks of 2 KB: many blocks, each parsed into an accumulator of its own.
        Assert.InRange(merged, 10, 400);
        Assert.Equal(merged, created);
        Assert.Equal(expected, deals);
    }

    [Fact]
    public void ReadCsvInto_InferringMotions_OnManyThreads_InfersThemFromEachAccountsHistory()
    {
        var importer = new OpportunityImporter(ImportProfile.Dynamics) { MaxDegreeOfParallelism = 2, BlockBytes = 256 };
        var deals = new List<Opportunity>();

        importer.ReadCsvInto(Bytes(DynamicsCsv()), deals, () => [], (list, deal) => list.Add(deal), (total, block) => total.AddRange(block));

        Assert.Equal(InferredMotions, deals.Select(d => d.Motion));
    }

    [Fact]
    public void ReadExcel_InferringMotions_InfersThemFromEachAccountsHistory()
    {
        var report = new ImportReport();

        var deals = new OpportunityImporter(ImportProfile.Dynamics).ReadExcel(DynamicsWorkbook(), report: report).ToList();

        Assert.Equal(InferredMotions, deals.Select(d => d.Motion));
        Assert.Equal((3L, 3L), (report.Rows, report.Imported));
    }

    [Fact]
    public async Task ReadExcelAsync_InferringMotions_InfersThemFromEachAccountsHistory_AndFillsTheReport()
    {
        var report = new ImportReport();
        var deals = new List<Opportunity>();

        await foreach (var deal in new OpportunityImporter(ImportProfile.Dynamics).ReadExcelAsync(DynamicsWorkbook(), report: report))
        {
            deals.Add(deal);
        }

        Assert.Equal(InferredMotions, deals.Select(d => d.Motion));
        Assert.Equal((3L, 3L, 0L), (report.Rows, report.Imported, report.Skipped));
        Assert.Contains(report.Notices, n => n.Contains("inferred", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadCsvAsync_FillsTheGivenReport()
    {
        var report = new ImportReport();
        var count = 0;

        await foreach (var _ in new OpportunityImporter(ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip }).ReadCsvAsync(Bytes(ParallelCsvTests.LargeExport(20) + "006Z,Acme,Closed Won,100,6/14/2024,3/2/2024,Hunting,Web,,EMEA\r\n"), report))
        {
            count++;
        }

        Assert.Equal(20, count);
        Assert.Equal("21 rows: 20 imported, 1 skipped; 0 columns ignored", report.ToString());
        Assert.Equal("Type", Assert.Single(report.Problems).Column);
    }

    [Fact]
    public void AHeaderWithoutARequiredColumn_ClosesTheFile()
    {
        var csv = Bytes("Opportunity ID,Stage,Amount\n006A1,Closed Won,1\n");

        Assert.Throws<ImportException>(() => new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 1 }.ReadCsv(csv).ToList());

        Assert.False(csv.CanRead);
    }

    [Fact]
    public void OldMacLineEnds_WithALineFeedAtTheEnd_AndAHeaderLongerThanABlock_AreAllRead()
    {
        // Every record ends in a lone carriage return, the last in CR LF, and the header is longer than a block: the
        // file's first line (up to that line feed) holds every record, so it is read by one reader, not cut into blocks.
        var header = "Opportunity ID,Account Name,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account,Owner Region" + string.Concat(Enumerable.Range(1, 30).Select(i => $",Note {i}"));
        var rows = Enumerable.Range(0, 40).Select(i => $"006R{i},Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA{new string(',', 30)}");
        var file = header + "\r" + string.Join("\r", rows) + "\r\n";
        var report = new ImportReport();

        var deals = new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 2, BlockBytes = 256 }.ReadCsv(Bytes(file), report).ToList();

        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"006R{i}"), deals.Select(d => d.Id.Value));
        Assert.Equal((40L, 40L), (report.Rows, report.Imported));
    }

    private static void AddThenCancelAt(string id, List<Opportunity> deals, Opportunity deal, CancellationTokenSource cancel)
    {
        deals.Add(deal);
        if (deal.Id.Value == id)
        {
            cancel.Cancel();
        }
    }

    private static string DynamicsCsv() => DynamicsHeader + "\n" + string.Concat(DynamicsRows.Select(r => string.Join(',', r.Select(v => v.Contains(',', StringComparison.Ordinal) ? $"\"{v}\"" : v)) + "\n"));

    private static MemoryStream DynamicsWorkbook() =>
        WorkbookFile.Create(("Opportunities", [DynamicsHeader.Split(','), .. DynamicsRows.Select(r => r.Select(v => v.Length == 0 ? null : v).ToArray())]));

    private static MemoryStream Bytes(string text) => new(Encoding.UTF8.GetBytes(text));
}
