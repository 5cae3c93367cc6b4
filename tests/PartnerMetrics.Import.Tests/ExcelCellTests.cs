using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>How a worksheet's cells are read: by their references, each type of cell, Excel dates and numbers at their limits.</summary>
public class ExcelCellTests
{
    private static ImportProfile Skip => ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip };

    [Fact]
    public void Cells_AreReadByTheirReferences_AndEachTypeAsItsText()
    {
        using var workbook = Sheet(
            [Cell("A1", "Id"), Cell("B1", "Account ID"), Cell("C1", "Created On"), Cell("D1", "Motion"), Cell("E1", "Outcome"), Cell("AA1", "Stage")],
            [
                Cell("A2", "O-1"),
                new Cell { CellReference = "B2", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("  A-1  ")) },
                new Cell { CellReference = "c2", CellValue = new CellValue("45292") },
                new Cell { CellReference = "D2", DataType = CellValues.String, CellValue = new CellValue(" NewLogo ") },
                Cell("E2", "Open"),
                new Cell { CellReference = "AA2", DataType = CellValues.Boolean, CellValue = new CellValue("1") },
            ]);
        var report = new ImportReport();

        var deal = Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook, report: report));

        // A boolean reads as Excel shows it (and writes it to CSV), not as the 1 it stores.
        Assert.Equal(("O-1", "A-1", new DateOnly(2024, 1, 1), DealMotion.NewLogo, "TRUE"), (deal.Id.Value, deal.AccountId.Value, deal.CreatedOn, deal.Motion, deal.Stage));
        Assert.Equal("Stage", report.Columns["stage"]);
    }

    [Fact]
    public void CellsWithoutReferences_AreReadInOrder_AndAnEmptyHeaderCellIsNamedByItsColumn()
    {
        using var workbook = Sheet(
            [new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Id")) }, Cell("C1", "Account ID")],
            [new Cell { CellValue = new CellValue("7") }, new Cell { CellReference = "B2", CellValue = new CellValue("8") }, Cell("C2", "A-1")]);

        using var source = ExcelSource.Open(workbook, null);

        Assert.Equal(["Id", "(column 2)", "Account ID"], Enumerable.Range(0, source.Header.Count).Select(source.Header.Name));
        Assert.Equal(1, source.Line);
        Assert.True(source.Read());
        Assert.Equal((2L, 3, false), (source.Line, source.FieldCount, source.Ragged));
        Assert.Equal(("7", 7.0, "8", "A-1", (double?)null), (source.Text(0), source.Number(0), source.Text(1), source.Text(2), source.Number(2)));
        Assert.Equal("7", source.Span(0).ToString());
        Assert.True(source.Span(5).IsEmpty);
        Assert.Equal(((string?)null, (double?)null, (string?)null, (double?)null), (source.Text(-1), source.Number(-1), source.Text(3), source.Number(3)));
        Assert.False(source.Read());
    }

    [Fact]
    public void RowsWithoutAValue_AreSkipped_AndRowsWithoutAnIndexAreNumberedOneAfterAnother()
    {
        using var workbook = Sheet(
            [Cell("A1", "Id")],
            [Cell("A2", " ")],
            [Cell("A5", "x")],
            [new Cell { DataType = CellValues.SharedString, CellValue = new CellValue("99") }]);

        using var source = ExcelSource.Open(new NonSeekable(workbook.ToArray()), null);

        Assert.True(source.Read());
        Assert.Equal((3L, "x"), (source.Line, source.Text(0)));

        // A shared string that is not in the table is no value, but a damaged cell, not an empty one: reading it as empty
        // lost a deal's partner without a word.
        Assert.True(source.Read());
        Assert.Equal((4L, (string?)null), (source.Line, source.Text(0)));
        Assert.Equal((0, "the cell refers to shared string 99, which the workbook does not have (3 strings)."), Assert.Single(source.UnreadableCells));
        Assert.False(source.Read());
    }

    [Theory]
    [InlineData(1.0, "1900-01-01")]       // Excel's day 1 (1899-12-31 to the OLE Automation date that Excel's count is off from)
    [InlineData(59.75, "1900-02-28")]
    [InlineData(61.0, "1900-03-01")]      // from here on the two counts agree
    [InlineData(2958465.5, "9999-12-31")]
    public void AnExcelDate_FromDayOneToTheLastDayOf9999_IsRead(double serial, string day)
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Id", "Account ID", "Created On", "Motion", "Outcome"], ["O-1", "A-1", serial, "NewLogo", "Open"]]));

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook)).CreatedOn);
    }

    [Theory]
    [InlineData(60.0)]
    [InlineData(60.5)]
    public void TheDayExcelCountsAs1900_02_29_IsAProblem(double serial)
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Id", "Account ID", "Created On", "Motion", "Outcome"], ["O-1", "A-1", serial, "NewLogo", "Open"]]));
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(Skip).ReadExcel(workbook, report: report));

        Assert.Equal(("Created On", "the day number 60 is 1900-02-29 to Excel, a day that did not exist."), (Assert.Single(report.Problems).Column, report.Problems[0].Message));
    }

    [Theory]
    [InlineData("1900-01-01", 1.0)]
    [InlineData("1900-02-28T12:00:00", 59.5)]
    [InlineData("1900-03-01", 61.0)]
    [InlineData("2024-01-01", 45292.0)]
    public void AnIsoDateCell_IsTheDayNumberExcelStores(string iso, double serial) =>
        Assert.Equal(serial, ExcelSource.Serial1900(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0.5)]
    [InlineData(2958466.0)]
    [InlineData(-3.0)]
    public void ANumberOutsideExcelsDays_IsAProblem(double serial)
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Id", "Account ID", "Created On", "Motion", "Outcome"], ["O-1", "A-1", serial, "NewLogo", "Open"]]));
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(Skip).ReadExcel(workbook, report: report));

        var problem = Assert.Single(report.Problems);
        Assert.Equal(("Created On", "not an Excel date (a day number from 1 to 2958465)."), (problem.Column, problem.Message));
        Assert.Equal(serial, double.Parse(problem.Value!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(999_999_999_999_999.0)]
    [InlineData(1e15)]
    [InlineData(-1e15)]
    public void AnAmountNumber_AboveTheModelsCap_IsTheModelsProblem(double amount)
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Id", "Account ID", "Created On", "Motion", "Outcome", "Amount"], ["O-1", "A-1", "2024-01-01", "NewLogo", "Open", amount]]));
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(Skip).ReadExcel(workbook, report: report));

        var problem = Assert.Single(report.Problems);
        Assert.Equal("Amount", problem.Column);
        Assert.StartsWith(amount > 0 ? "'amount' must be at most 10^14" : "'amount' must not be negative", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// An amount number is read to its shortest digits, but for the noise of binary arithmetic past four decimal places
    /// (=0.1+0.2 is 0.3, a sum of cents is cents); a genuinely finer amount is a problem naming its value.
    /// </summary>
    [Theory]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(1234.5678, "1234.5678")]
    [InlineData(1e11 + 0.07, "100000000000.07")]
    [InlineData(99999999999999.98, "99999999999999.98")]
    public void AnAmountNumber_IsReadToItsShortestDigits_WithinFourDecimals(double amount, string expected)
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Id", "Account ID", "Created On", "Motion", "Outcome", "Amount"], ["O-1", "A-1", "2024-01-01", "NewLogo", "Open", amount]]));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook)).Amount);
    }

    [Fact]
    public void AnAmountNumber_FinerThanFourDecimals_IsAProblem()
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Id", "Account ID", "Created On", "Motion", "Outcome", "Amount"], ["O-1", "A-1", "2024-01-01", "NewLogo", "Open", 0.12345]]));
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(Skip).ReadExcel(workbook, report: report));
        Assert.StartsWith("'amount' must have at most 4 decimal places, so that sums of amounts stay exact; got 0.12345.", Assert.Single(report.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1e15)]
    [InlineData(1e15)]
    public void AnEvidenceNumber_Beyond10ToThe15_IsAProblem(double csat)
    {
        using var workbook = WorkbookFile.Create(
            ("Accounts", [["Account ID", "Account Name", "Type", "Created Date"], ["P1", "Alpha", "Technology Partner", "1/1/2024"]]),
            ("Deliveries", [["Account ID", "Completion Date", "Delivered On Time", "CSAT"], ["P1", "6/1/2025", "Yes", csat]]));
        var bytes = workbook.ToArray();
        var report = new PortfolioImportReport();

        new PortfolioImporter(EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip }).Import(
            new Dictionary<EvidenceKind, EvidenceSource>
            {
                [EvidenceKind.Partners] = EvidenceSource.Excel(new MemoryStream(bytes), "book.xlsx", "Accounts"),
                [EvidenceKind.Deliveries] = EvidenceSource.Excel(new MemoryStream(bytes), "book.xlsx", "Deliveries"),
            },
            report);

        var problem = Assert.Single(report.Files[EvidenceKind.Deliveries].Problems);
        Assert.Equal(("CSAT", "not a number between -10^15 and 10^15."), (problem.Column, problem.Message));
    }

    [Fact]
    public void AnEvidenceNumberAndMoment_FromAWorksheet_AreRead()
    {
        using var workbook = WorkbookFile.Create(
            ("Accounts", [["Account ID", "Account Name", "Type", "Created Date"], ["P1", "Alpha", "Technology Partner", new DateTime(2024, 1, 1).ToOADate()]]),
            ("Cases", [["Account ID", "Escalated", "Date/Time Opened", "First Response"], ["P1", "0", new DateTime(2025, 5, 1, 9, 0, 0).ToOADate(), new DateTime(2025, 5, 1, 13, 30, 0).ToOADate()]]),
            ("Deliveries", [["Account ID", "Completion Date", "Delivered On Time", "CSAT"], ["P1", new DateTime(2025, 6, 1).ToOADate(), "Yes", 4.0]]));
        var bytes = workbook.ToArray();

        var portfolio = new PortfolioImporter(EvidenceProfile.Salesforce).Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Excel(new MemoryStream(bytes), "book.xlsx", "Accounts"),
            [EvidenceKind.Cases] = EvidenceSource.Excel(new MemoryStream(bytes), "book.xlsx", "Cases"),
            [EvidenceKind.Deliveries] = EvidenceSource.Excel(new MemoryStream(bytes), "book.xlsx", "Deliveries"),
        });

        var partnership = Assert.Single(portfolio.Partnerships);
        Assert.Equal(TimeSpan.FromHours(4.5), Assert.Single(partnership.Interactions).ResponseTime);
        Assert.Equal((new DateOnly(2025, 6, 1), 0.75), (Assert.Single(partnership.Deliveries).Date, partnership.Deliveries[0].Satisfaction));
    }

    [Fact]
    public void AWorkbookWithoutSheets_OrWithoutAWorkbookPart_StopsTheImport()
    {
        var empty = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(empty, SpreadsheetDocumentType.Workbook))
        {
            document.AddWorkbookPart().Workbook = new Workbook(new Sheets());
        }

        var error = Assert.Throws<ImportException>(() => ExcelSource.Open(new MemoryStream(empty.ToArray()), null));
        Assert.Equal("the workbook has no sheets.", error.Message);

        var bare = new MemoryStream();
        using (SpreadsheetDocument.Create(bare, SpreadsheetDocumentType.Workbook))
        {
        }

        Assert.Equal("the workbook has no sheets.", Assert.Throws<ImportException>(() => ExcelSource.Open(new MemoryStream(bare.ToArray()), "Deals")).Message);
        Assert.StartsWith("the file is not an Excel workbook (.xlsx): ", Assert.Throws<ImportException>(() => ExcelSource.Open(new MemoryStream([1, 2, 3]), null)).Message, StringComparison.Ordinal);
        using var two = WorkbookFile.Create(("Deals", [["Id"]]), ("Notes", [["x"]]));
        Assert.Equal("the workbook has no sheet named 'Pipeline'; its sheets are 'Deals', 'Notes'.", Assert.Throws<ImportException>(() => ExcelSource.Open(two, "Pipeline")).Message);
    }

    [Fact]
    public void AnEmptySheet_HasAnEmptyHeader()
    {
        using var workbook = WorkbookFile.Create(("Deals", []));

        using var source = ExcelSource.Open(workbook, "DEALS");

        Assert.Equal(0, source.Header.Count);
        Assert.False(source.Read());
    }

    private static Cell Cell(string reference, string text) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(text) };

    /// <summary>A one-sheet workbook of the given cells; each text cell names its text, which goes to the shared strings.</summary>
    private static MemoryStream Sheet(params Cell[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var strings = new List<string>();
            var data = new SheetData();
            foreach (var cells in rows)
            {
                var row = new Row();
                foreach (var cell in cells)
                {
                    if (cell.DataType?.Value == CellValues.SharedString && !int.TryParse(cell.CellValue!.Text, out _))
                    {
                        strings.Add(cell.CellValue.Text);
                        cell.CellValue = new CellValue(strings.Count - 1);
                    }

                    row.Append(cell);
                }

                data.Append(row);
            }

            if (strings.Count == 0)
            {
                strings.Add("Id");
            }

            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" });
            workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A stream that cannot seek, as a network stream.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
