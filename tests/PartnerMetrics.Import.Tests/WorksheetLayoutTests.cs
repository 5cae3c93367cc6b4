using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// How a worksheet is laid out into rows and columns: cell references up to Excel's last column and past it, shared
/// strings missing from their table or a workbook without one, cells typed as numbers, rows shorter than the header,
/// a date or a number in the first column, and workbooks whose sheets cannot be read.
/// </summary>
public class WorksheetLayoutTests
{
    private static ImportProfile Skip => ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip };

    [Fact]
    public void ADateInTheFirstColumn_IsReadAsAnExcelDate()
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Created On", "Id", "Account ID", "Motion", "Outcome"], [45292.0, "O-1", "A-1", "NewLogo", "Open"]]));

        Assert.Equal(new DateOnly(2024, 1, 1), Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook)).CreatedOn);
    }

    [Fact]
    public void ANumberOutsideExcelsDays_InTheFirstColumn_IsAProblemShowingTheCell()
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Created On", "Id", "Account ID", "Motion", "Outcome"], [0.5, "O-1", "A-1", "NewLogo", "Open"]]));
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(Skip).ReadExcel(workbook, report: report));

        var problem = Assert.Single(report.Problems);
        Assert.Equal((2L, "Created On", "0.5"), (problem.Line, problem.Column, problem.Value));
    }

    [Fact]
    public void ACellTypedAsANumber_IsReadAsANumber()
    {
        using var workbook = Sheet(
            [],
            [Inline("A1", "Id"), Inline("B1", "Account ID"), Inline("C1", "Created On"), Inline("D1", "Motion"), Inline("E1", "Outcome")],
            [Inline("A2", "O-1"), Inline("B2", "A-1"), new Cell { CellReference = "C2", DataType = CellValues.Number, CellValue = new CellValue("45292") }, Inline("D2", "NewLogo"), Inline("E2", "Open")]);

        Assert.Equal(new DateOnly(2024, 1, 1), Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook)).CreatedOn);
    }

    [Fact]
    public void ASharedStringJustPastTheTable_IsNoValue()
    {
        using var workbook = Sheet(
            ["Id", "Name"],
            [Shared("A1", 0), Shared("B1", 1)],
            [Shared("A2", 2), Inline("B2", "x")]);

        using var source = ExcelSource.Open(workbook, null);

        Assert.True(source.Read());
        Assert.Equal(((string?)null, "x"), (source.Text(0), source.Text(1)));
    }

    [Fact]
    public void AWorkbookWithoutASharedStringTable_IsRead_AndASharedStringCellInItIsNoValue()
    {
        using var workbook = Sheet(
            [],
            [Inline("A1", "Id"), Inline("B1", "Name")],
            [Shared("A2", 0), Inline("B2", "x")]);

        using var source = ExcelSource.Open(workbook, null);

        Assert.Equal(["Id", "Name"], Enumerable.Range(0, source.Header.Count).Select(source.Header.Name));
        Assert.True(source.Read());
        Assert.Equal(((string?)null, "x"), (source.Text(0), source.Text(1)));
    }

    [Fact]
    public void ACellWithoutAReference_IsTheOneAfterTheCellBeforeIt_NotTheCellAtItsPlaceInTheRow()
    {
        // The row leaves B and C out, then gives D2 and two cells without references: they are E2 and F2. Placed by
        // their place in the row (third and fourth), they were C and D: the partner read a day, and D2's day was
        // overwritten by the account.
        using var workbook = Sheet(
            [],
            [Inline("A1", "Id"), Inline("B1", "District"), Inline("C1", "Partner ID"), Inline("D1", "Created On"), Inline("E1", "Registered On"), Inline("F1", "Account ID"), Inline("G1", "Motion"), Inline("H1", "Outcome")],
            [Inline("A2", "O-1"), Inline("D2", "2024-01-01"), new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("2024-02-01")) }, new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("A-1")) }, Inline("G2", "NewLogo"), Inline("H2", "Open")]);

        var deal = Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook));

        Assert.Equal((new DateOnly(2024, 1, 1), (DateOnly?)new DateOnly(2024, 2, 1), "A-1"), (deal.CreatedOn, deal.RegisteredOn, deal.AccountId.Value));
    }

    [Fact]
    public void CellsWithoutReferences_AreReadInOrderFromTheFirstColumn()
    {
        using var workbook = Sheet(
            [],
            [Inline("A1", "Id"), Inline("B1", "Name")],
            [new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("O-1")) }, new Cell { CellValue = new CellValue(5.0) }]);

        using var source = ExcelSource.Open(workbook, null);

        Assert.True(source.Read());
        Assert.Equal(("O-1", (double?)5.0), (source.Text(0), source.Number(1)));
    }

    [Fact]
    public void ACellInExcelsLastColumn_XFD_IsReadInIt()
    {
        using var workbook = Sheet(
            [],
            [Inline("A1", "Id"), Inline("XFD1", "Last")],
            [Inline("A2", "1"), Inline("XFD2", "z")]);

        using var source = ExcelSource.Open(workbook, null);

        Assert.Equal(16_384, source.Header.Count);
        Assert.Equal(("Id", "(column 2)", "Last"), (source.Header.Name(0), source.Header.Name(1), source.Header.Name(16_383)));
        Assert.True(source.Read());
        Assert.Equal(("1", (string?)null, "z"), (source.Text(0), source.Text(1), source.Text(16_383)));
    }

    [Fact]
    public void ACellWhoseReferenceNamesNoColumnOfExcel_IsReadInOrder()
    {
        // XFE is one past Excel's last column; "2" names a row but no column.
        using var workbook = Sheet(
            [],
            [Inline("A1", "Id"), Inline("XFE1", "Name")],
            [Inline("2", "7"), Inline("B2", "x")]);

        using var source = ExcelSource.Open(workbook, null);

        Assert.Equal(["Id", "Name"], Enumerable.Range(0, source.Header.Count).Select(source.Header.Name));
        Assert.True(source.Read());
        Assert.Equal(("7", "x"), (source.Text(0), source.Text(1)));
    }

    [Fact]
    public void ARowShorterThanTheHeader_IsAsWideAsTheHeader_ItsMissingCellsEmpty()
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Id", "Account ID", "Created On"], ["O-1"]]));

        using var source = ExcelSource.Open(workbook, null);

        Assert.True(source.Read());
        Assert.Equal((3, false), (source.FieldCount, source.Ragged));
        Assert.Equal(("O-1", (string?)null, (string?)null), (source.Text(0), source.Text(1), source.Text(2)));
    }

    [Fact]
    public void AWorkbookWithoutASheetList_HasNoSheets()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.AddWorkbookPart().Workbook = new Workbook();
        }

        var error = Assert.Throws<ImportException>(() => ExcelSource.Open(new MemoryStream(stream.ToArray()), null));

        Assert.Equal("the workbook has no sheets.", error.Message);
    }

    [Fact]
    public void AChartSheet_IsNotAWorksheet()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var chartPart = workbookPart.AddNewPart<ChartsheetPart>();
            chartPart.Chartsheet = new Chartsheet();
            workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(chartPart), SheetId = 1, Name = "Pipeline Chart" });
        }

        var error = Assert.Throws<ImportException>(() => ExcelSource.Open(new MemoryStream(stream.ToArray()), "pipeline chart"));

        Assert.Equal("the sheet 'Pipeline Chart' is not a worksheet (a chart sheet?).", error.Message);
    }

    [Fact]
    public void AWorkbookFromAStreamThatCannotSeek_IsRead()
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Id"], ["O-1"]]));

        using var source = ExcelSource.Open(new ForwardOnly(workbook.ToArray()), null);

        Assert.True(source.Read());
        Assert.Equal("O-1", source.Text(0));
    }

    private static Cell Inline(string reference, string text) => new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Shared(string reference, int index) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index) };

    /// <summary>A one-sheet workbook of the given rows, numbered from 1, with a shared-string table of the given texts when there are any and none otherwise.</summary>
    private static MemoryStream Sheet(string[] sharedStrings, params Cell[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(new SheetData(rows.Select((cells, r) => new Row(cells) { RowIndex = (uint)(r + 1) })));
            workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Deals" });
            if (sharedStrings.Length > 0)
            {
                workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(sharedStrings.Select(s => new SharedStringItem(new Text(s))));
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A stream that can only be read forward, as a network stream or a download.</summary>
    private sealed class ForwardOnly(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
