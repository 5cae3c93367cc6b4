using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Cells whose stored value differs from what Excel shows: percentages (0.85 shown as 85 %), booleans (1 shown as TRUE),
/// and formulas written without a computed value. Each was read without a problem as something the sheet does not say.
/// </summary>
public class ExcelShownValueTests
{
    private const string Accounts = "Account ID,Account Name,Type,Created Date\nP1,Alpha,Technology Partner,1/1/2024\n";

    [Theory]
    [InlineData(0.85, 0.85)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(0.333, 0.333)]
    public void APercentCell_OnAScaleOfAHundred_IsTheShare(double stored, double alignment)
    {
        // Shows 85 %, stores 0.85: on the profile's [0, 100] scale it read as 0.0085 before.
        var plans = Book(PercentStyle, [[Text("Account ID"), Text("Plan Created"), Text("Review Date"), Text("Business Alignment %")], [Text("P1"), Text("1/1/2025"), Text("3/1/2025"), Number(stored, style: 1)]]);

        var portfolio = new PortfolioImporter(EvidenceProfile.Salesforce).Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Csv(Utf8(Accounts), "accounts.csv"),
            [EvidenceKind.PlanReviews] = EvidenceSource.Excel(Copy(plans), "plans.xlsx"),
        });

        Assert.Equal(alignment, Assert.Single(portfolio.Partnerships[0].JointPlan!.Reviews).BusinessAlignment!.Value, 12);
    }

    [Fact]
    public void APercentCell_OnAScaleOfOne_IsAProblemNamingThePercentage()
    {
        // Read as the 85 it shows, it is off a [0, 1] scale: a problem, not a hundredth read silently.
        var reviews = EvidenceProfile.Salesforce.Tables[EvidenceKind.PlanReviews];
        var profile = EvidenceProfile.Salesforce with { Tables = EvidenceProfile.Salesforce.Tables.SetItem(EvidenceKind.PlanReviews, reviews with { Scales = reviews.Scales.SetItem("alignment", [0m, 1m]) }) };
        var plans = Book(PercentStyle, [[Text("Account ID"), Text("Plan Created"), Text("Review Date"), Text("Business Alignment %")], [Text("P1"), Text("1/1/2025"), Text("3/1/2025"), Number(0.85, style: 1)]]);

        var error = Assert.Throws<ImportException>(() => new PortfolioImporter(profile).Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Csv(Utf8(Accounts), "accounts.csv"),
            [EvidenceKind.PlanReviews] = EvidenceSource.Excel(Copy(plans), "plans.xlsx"),
        }));

        Assert.Contains("value \"85%\": not between 0 and 1, the profile's scale of 'alignment'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APercentAmount_IsTheNumberShown()
    {
        var deals = Book(PercentStyle, [[Text("Id"), Text("Account ID"), Text("Created On"), Text("Motion"), Text("Outcome"), Text("Amount")], [Text("O-1"), Text("A-1"), Text("2024-01-01"), Text("NewLogo"), Text("Open"), Number(12.5, style: 1)]]);

        Assert.Equal(1250m, Assert.Single(new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcel(deals)).Amount);
    }

    [Theory]
    [InlineData(9u, null, true)]
    [InlineData(10u, null, true)]
    [InlineData(2u, null, false)]        // 0.00
    [InlineData(14u, null, false)]       // a short date
    [InlineData(164u, "0.0%", true)]
    [InlineData(164u, "#,##0.00 %;[Red]-#,##0.00 %", true)]
    [InlineData(164u, "0.00;0.00%", false)]   // only a negative number would show a percentage
    [InlineData(164u, "0.00\"%\"", false)]    // a quoted sign is text beside the number, not a percentage
    [InlineData(164u, "0.00\\%", false)]
    [InlineData(164u, "0.00_%", false)]
    [InlineData(164u, "0.00*%", false)]
    [InlineData(164u, "[$%-409]0.00", false)]
    [InlineData(164u, "\"unclosed", false)]
    public void APercentFormat_IsOneThatShowsTheNumberTimesAHundred(uint id, string? format, bool percent) =>
        Assert.Equal(percent, ExcelSource.ShowsPercent(id, format));

    [Fact]
    public void AFormulaWithAnEmptyValue_IsAProblemNamingIt_AndAnEmptyTextResultIsEmpty()
    {
        // <f>1000*2</f><v/>: written by a program that does not compute formulas. It read as a deal without an amount.
        var deals = Book(null, [
            [Text("Id"), Text("Account ID"), Text("Created On"), Text("Motion"), Text("Outcome"), Text("Amount"), Text("Stage")],
            [Text("O-1"), Text("A-1"), Text("2024-01-01"), Text("NewLogo"), Text("Open"), new Cell { CellFormula = new CellFormula("1000*2"), CellValue = new CellValue(string.Empty) }, Text("Proposal")],
            [Text("O-2"), Text("A-1"), Text("2024-01-01"), Text("NewLogo"), Text("Open"), Number(5), new Cell { DataType = CellValues.String, CellFormula = new CellFormula("\"\""), CellValue = new CellValue(string.Empty) }],
        ]);
        var report = new ImportReport();

        var read = new OpportunityImporter(ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip }).ReadExcel(deals, report: report).ToList();

        var deal = Assert.Single(read);
        Assert.Equal(("O-2", (string?)null), (deal.Id.Value, deal.Stage));
        var problem = Assert.Single(report.Problems);
        Assert.Equal((2L, "Amount"), (problem.Line, problem.Column));
        Assert.Contains("the cell holds the formula =1000*2 with no computed value", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABooleanCell_ReadsAsExcelShowsIt_SoTheProfilesMapsMatch()
    {
        // HubSpot's evidence profile maps Escalated true to an escalation: the 1 a boolean cell stores matched nothing.
        var tickets = Book(null, [
            [Text("Associated Company IDs"), Text("Create date"), Text("Escalated"), Text("First agent reply date"), Text("Close date")],
            [Text("101"), Text("2025-03-01 09:00"), new Cell { DataType = CellValues.Boolean, CellValue = new CellValue("1") }, Text("2025-03-01 10:00"), Text("2025-03-02 10:00")],
        ]);

        var portfolio = new PortfolioImporter(EvidenceProfile.HubSpot).Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Csv(Utf8("Record ID,Company name,Type,Create Date\n101,Alpha,Partner,2024-01-01 10:00\n"), "companies.csv"),
            [EvidenceKind.Cases] = EvidenceSource.Excel(Copy(tickets), "tickets.xlsx"),
        });

        Assert.Equal(Evidence.InteractionKind.Escalation, Assert.Single(portfolio.Partnerships[0].Interactions).Kind);
    }

    [Theory]
    [InlineData(14u, null)]              // Excel's short date, m/d/yyyy
    [InlineData(20u, null)]              // h:mm
    [InlineData(46u, null)]              // [h]:mm:ss
    [InlineData(164u, "yyyy-mm-dd")]
    [InlineData(164u, "[h]:mm")]
    [InlineData(164u, "[$-409]h:mm AM/PM;@")]
    public void ANumberShownAsADateOrATime_InAnAmountColumn_IsAProblem(uint id, string? format)
    {
        // Excel shows 1/1/2024 (or 12:00): the amount read was the day number behind it, 45292 (or 0.5), without a word.
        var deals = Book(Style(id, format), [DealHeader, [Text("O-1"), Text("A-1"), Text("2024-01-01"), Text("NewLogo"), Text("Open"), Number(45292.5, style: 1)]]);
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip }).ReadExcel(deals, report: report));

        var problem = Assert.Single(report.Problems);
        Assert.Equal((2L, "Amount", "45292.5"), (problem.Line, problem.Column, problem.Value));
        Assert.Equal("the cell shows a date or a time, not a number: format the column as a number in Excel.", problem.Message);
    }

    [Fact]
    public void AnIsoDateCell_InAnAmountColumn_IsAProblem()
    {
        var deals = Book(null, [DealHeader, [Text("O-1"), Text("A-1"), Text("2024-01-01"), Text("NewLogo"), Text("Open"), new Cell { DataType = CellValues.Date, CellValue = new CellValue("2024-01-01") }]]);
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip }).ReadExcel(deals, report: report));

        Assert.Equal(("Amount", "2024-01-01"), (Assert.Single(report.Problems).Column, report.Problems[0].Value));
    }

    [Fact]
    public void AResponseTimeShownAsHours_IsAProblem_NotAFractionOfADayReadAsHours()
    {
        // A case's "Hours to First Response" computed as =C2-B2 and shown as [h]:mm, 12:00: it was read as 0.5 hours.
        var cases = Book(Style(164u, "[h]:mm"), [
            [Text("Account ID"), Text("Date/Time Opened"), Text("Escalated"), Text("Hours to First Response")],
            [Text("P1"), Text("3/1/2025 9:00 AM"), Text("0"), Number(0.5, style: 1)],
        ]);

        var error = Assert.Throws<ImportException>(() => new PortfolioImporter(EvidenceProfile.Salesforce).Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Csv(Utf8(Accounts), "accounts.csv"),
            [EvidenceKind.Cases] = EvidenceSource.Excel(Copy(cases), "cases.xlsx"),
        }));

        Assert.Equal((2L, "Hours to First Response", "0.5"), (error.Problem!.Line, error.Problem.Column, error.Problem.Value));
    }

    [Theory]
    [InlineData(14u, null, true)]
    [InlineData(22u, null, true)]
    [InlineData(45u, null, true)]        // mm:ss
    [InlineData(0u, null, false)]        // General
    [InlineData(4u, null, false)]        // #,##0.00
    [InlineData(164u, "General", false)]
    [InlineData(164u, "dd/mm/yyyy", true)]
    [InlineData(164u, "[ss]", true)]
    [InlineData(164u, "#,##0.00 \"days\"", false)]
    [InlineData(164u, "0.00\\h", false)]
    [InlineData(164u, "[Red]#,##0;[Blue]-#,##0", false)]
    [InlineData(164u, "[$EUR] #,##0.00", false)]
    [InlineData(164u, "0.00E+00", false)]
    [InlineData(164u, "_-* #,##0.00 \"€\"_-", false)]
    [InlineData(164u, "#,##0;\"dd\"", false)]
    public void ADateFormat_IsOneThatShowsADayOrATime(uint id, string? format, bool date) =>
        Assert.Equal(date, ExcelSource.IsDateFormat(id, format));

    /// <summary>Style 1 shows Excel's built-in format 9, "0%".</summary>
    private static Stylesheet PercentStyle => new(new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true }));

    private static Cell[] DealHeader => [Text("Id"), Text("Account ID"), Text("Created On"), Text("Motion"), Text("Outcome"), Text("Amount")];

    /// <summary>Style 1 shows the number format of <paramref name="id"/>, with <paramref name="format"/> as its code when given.</summary>
    private static Stylesheet Style(uint id, string? format) => new(
        new NumberingFormats(format is null ? [] : [new NumberingFormat { NumberFormatId = id, FormatCode = format }]),
        new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = id, ApplyNumberFormat = true }));

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static MemoryStream Copy(MemoryStream book) => new(book.ToArray());

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };

    private static Cell Number(double number, uint? style = null) => new() { CellValue = new CellValue(number), StyleIndex = style };

    /// <summary>A one-sheet workbook of the given rows, with the given styles; cells are referenced A1, B1, ….</summary>
    private static MemoryStream Book(Stylesheet? styles, Cell[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            if (styles is not null)
            {
                workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles;
            }

            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    rows[r][c].CellReference = $"{(char)('A' + c)}{r + 1}";
                    row.Append(rows[r][c]);
                }

                data.Append(row);
            }

            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Sheet1" });
        }

        stream.Position = 0;
        return stream;
    }
}
