using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Workbooks as programs other than Excel's default write them: days counted from 1904, phonetic guides beside a name,
/// formulas never computed, error cells, ISO date cells and a hidden first sheet. Each was read wrongly without a word
/// before: four years early, another account, an empty amount, "#N/A" as an account, a problem, the wrong sheet.
/// </summary>
public class ExcelWorkbookKindsTests
{
    private static readonly Cell[] Header = [Text("A1", "Id"), Text("B1", "Account ID"), Text("C1", "Created On"), Text("D1", "Motion"), Text("E1", "Outcome"), Text("F1", "Amount")];

    private static ImportProfile Skip => ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip };

    [Theory]
    [InlineData(false, 45720.0, "2025-03-04")]
    [InlineData(true, 44258.0, "2025-03-04")]
    [InlineData(true, 0.0, "1904-01-01")]
    [InlineData(true, 2_957_003.0, "9999-12-31")]
    public void ADayNumber_CountsFromTheWorkbooksFirstDay(bool dates1904, double serial, string day)
    {
        using var workbook = Workbook(dates1904, ("Deals", null, [Header, Row(2, new Cell { CellReference = "C2", CellValue = new CellValue(serial) })]));

        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook)).CreatedOn);
    }

    [Fact]
    public void ADayNumberPastTheLastDay_OfA1904Workbook_IsAProblemNamingItsRange()
    {
        using var workbook = Workbook(true, ("Deals", null, [Header, Row(2, new Cell { CellReference = "C2", CellValue = new CellValue(2_957_004.0) })]));
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(Skip).ReadExcel(workbook, report: report));
        Assert.Equal("not an Excel date (a day number from 0 to 2957003).", Assert.Single(report.Problems).Message);
    }

    [Fact]
    public void AnIsoDateCell_IsReadAsTheDayItNames_InEitherDateSystem()
    {
        foreach (var dates1904 in new[] { false, true })
        {
            using var workbook = Workbook(dates1904, ("Deals", null, [Header, Row(2, new Cell { CellReference = "C2", DataType = CellValues.Date, CellValue = new CellValue("2025-03-04T00:00:00") })]));

            Assert.Equal(new DateOnly(2025, 3, 4), Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook)).CreatedOn);
        }
    }

    [Fact]
    public void AnIsoTimeCell_IsATimeOfDay_NotTodaysDate()
    {
        // A time without a day (t="d" "12:00:00", as openpyxl writes a time): Excel shows 12:00:00, the day number 0.5. It
        // was read as today at noon, a day taken from the clock, and imported without a word.
        using var workbook = Workbook(false, ("Deals", null, [Header, Row(2, new Cell { CellReference = "C2", DataType = CellValues.Date, CellValue = new CellValue("12:00:00") })]));
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(Skip).ReadExcel(workbook, report: report));

        var problem = Assert.Single(report.Problems);
        Assert.Equal((2L, "Created On", "12:00:00", "not an Excel date (a day number from 1 to 2958465)."), (problem.Line, problem.Column, problem.Value, problem.Message));
    }

    [Fact]
    public void PhoneticGuides_AreNotPartOfTheText()
    {
        var name = new SharedStringItem(
            new Text("株式会社東京"),
            new PhoneticRun(new Text("カブシキガイシャトウキョウ")) { BaseTextStartIndex = 0, EndingBaseIndex = 6 },
            new PhoneticProperties { FontId = 1 });
        var runs = new InlineString(new Run(new Text("Acme ")), new Run(new Text("Corp")), new PhoneticRun(new Text("アクメ")) { BaseTextStartIndex = 0, EndingBaseIndex = 4 });
        using var workbook = Workbook(false, ("Deals", null, [Header, Row(2, Shared("B2", name))]), ("Other", null, [Header, Row(2, new Cell { CellReference = "B2", DataType = CellValues.InlineString, InlineString = runs })]));

        Assert.Equal("株式会社東京", Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook, "Deals")).AccountId.Value);
        Assert.Equal("Acme Corp", Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook, "Other")).AccountId.Value);
    }

    [Fact]
    public void AFormulaWithoutAComputedValue_OrAnErrorCell_IsAProblemOfTheRow_WhenTheImportReadsIt()
    {
        using var workbook = Workbook(
            false,
            ("Deals", null,
            [
                [.. Header, Text("G1", "Notes")],
                Row(2, new Cell { CellReference = "F2", CellFormula = new CellFormula("1000*2") }),
                Row(3, new Cell { CellReference = "B3", DataType = CellValues.Error, CellValue = new CellValue("#N/A") }),
                Row(4, new Cell { CellReference = "G4", DataType = CellValues.Error, CellValue = new CellValue("#REF!") }, new Cell { CellReference = "F4", CellFormula = new CellFormula("2*3"), CellValue = new CellValue("6") }),
            ]));
        var report = new ImportReport();

        var deal = Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook, report: report));

        Assert.Equal(("O-4", 6m), (deal.Id.Value, deal.Amount));   // an error in a column not read, and a formula with its value: read
        Assert.Equal(
            [
                (2L, "Amount", "the cell holds the formula =1000*2 with no computed value: open the workbook in Excel and save it, or export values only."),
                (3L, "Account ID", "the cell holds the error #N/A."),
            ],
            report.Problems.Select(p => (p.Line, p.Column, p.Message)));
    }

    [Fact]
    public void WithoutASheetName_TheFirstVisibleSheetIsRead()
    {
        using var workbook = Workbook(false, ("Lookups", SheetStateValues.VeryHidden, [[Text("A1", "Code")]]), ("Old", SheetStateValues.Hidden, [[Text("A1", "Code")]]), ("Deals", null, [Header, Row(2)]));

        Assert.Equal("O-2", Assert.Single(new OpportunityImporter(Skip).ReadExcel(workbook)).Id.Value);
    }

    /// <summary>A deal row with its own id, and the other cells given replacing the usual ones of their columns.</summary>
    private static Cell[] Row(int line, params Cell[] replacing)
    {
        Cell[] usual = [Text($"A{line}", $"O-{line}"), Text($"B{line}", "A-1"), new Cell { CellReference = $"C{line}", CellValue = new CellValue(45292.0) }, Text($"D{line}", "NewLogo"), Text($"E{line}", "Open")];
        return [.. usual.Where(u => replacing.All(r => r.CellReference!.Value![0] != u.CellReference!.Value![0])), .. replacing];
    }

    private static Cell Text(string reference, string text) => new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };

    /// <summary>A cell of a shared string; its index is set when the workbook is written.</summary>
    private static Cell Shared(string reference, SharedStringItem item) => new(item) { CellReference = reference, DataType = CellValues.SharedString };

    private static MemoryStream Workbook(bool dates1904, params (string Name, SheetStateValues? State, Cell[][] Rows)[] sheets)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var part = document.AddWorkbookPart();
            part.Workbook = new Workbook(new WorkbookProperties { Date1904 = dates1904 }, new Sheets());
            var strings = new List<SharedStringItem>();
            uint id = 1;
            foreach (var (name, state, rows) in sheets)
            {
                var data = new SheetData();
                foreach (var cells in rows)
                {
                    var row = new Row();
                    foreach (var cell in cells)
                    {
                        var copy = (Cell)cell.CloneNode(true);
                        if (copy.GetFirstChild<SharedStringItem>() is { } item)
                        {
                            item.Remove();
                            strings.Add(item);
                            copy.CellValue = new CellValue(strings.Count - 1);
                        }

                        row.Append(copy);
                    }

                    data.Append(row);
                }

                var sheetPart = part.AddNewPart<WorksheetPart>();
                sheetPart.Worksheet = new Worksheet(data);
                part.Workbook.Sheets!.Append(new Sheet { Id = part.GetIdOfPart(sheetPart), SheetId = id++, Name = name, State = state });
            }

            part.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(strings);
        }

        stream.Position = 0;
        return stream;
    }
}
