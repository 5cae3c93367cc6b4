using System.IO.Compression;
using System.Text;

namespace PartnerMetrics.Import.Tests;

/// <summary>Workbooks written part by part as Excel and other programs write them (hand-written XML in a zip), for what the SDK's own writer never produces.</summary>
public class ExcelPackageTests
{
    private const string Header =
        """<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c><c r="B1" t="inlineStr"><is><t>Account ID</t></is></c><c r="C1" t="inlineStr"><is><t>Created On</t></is></c><c r="D1" t="inlineStr"><is><t>Motion</t></is></c><c r="E1" t="inlineStr"><is><t>Outcome</t></is></c><c r="F1" t="inlineStr"><is><t>Amount</t></is></c><c r="G1" t="inlineStr"><is><t>Note</t></is></c></row>""";

    private static string Deal(int row, string amount = """<c r="F{0}"><v>100</v></c>""", string note = "") =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, """<row r="{0}"><c r="A{0}" t="inlineStr"><is><t>O-{0}</t></is></c><c r="B{0}" t="inlineStr"><is><t>A-1</t></is></c><c r="C{0}"><v>45292</v></c><c r="D{0}" t="inlineStr"><is><t>NewLogo</t></is></c><c r="E{0}" t="inlineStr"><is><t>Open</t></is></c>""" + amount + note + "</row>", row);

    [Theory]
    [InlineData("1E+300")]
    [InlineData("1E+30")]
    [InlineData("NaN")]
    [InlineData("INF")]
    public void APercentCellBeyondADecimal_InAColumnNotRead_IsIgnored(string stored)
    {
        // A note column shown as a percentage, holding a number no decimal holds: it escaped as OverflowException
        // (or stopped the whole import as an unreadable sheet), though the import does not read that column.
        var book = Workbook(Header + Deal(2, note: $"""<c r="G2" s="1"><v>{stored}</v></c>"""), PercentStyles);

        var deal = Assert.Single(new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcel(book));

        Assert.Equal(100m, deal.Amount);
    }

    [Theory]
    [InlineData("1E+300")]
    [InlineData("1E+30")]
    [InlineData("NaN")]
    public void APercentAmountBeyondADecimal_IsAProblemOfItsRow(string stored)
    {
        var book = Workbook(Header + Deal(2, amount: $"""<c r="F2" s="1"><v>{stored}</v></c>"""), PercentStyles);

        var error = Assert.Throws<ImportException>(() => new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcel(book).ToList());

        Assert.StartsWith($"line 2, column \"Amount\", value \"{stored}\": not an amount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoCellsAtOneReference_InAColumnRead_AreAProblemNamingBoth()
    {
        // A damaged row (Excel refuses it) with B2 twice: the second value replaced the first unseen.
        var rows = Header + Deal(2).Replace("""<c r="B2" t="inlineStr"><is><t>A-1</t></is></c>""", """<c r="B2" t="inlineStr"><is><t>A-1</t></is></c><c r="B2" t="inlineStr"><is><t>A-2</t></is></c>""", StringComparison.Ordinal);
        var report = new ImportReport();

        Assert.Empty(new OpportunityImporter(ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip }).ReadExcel(Workbook(rows), report: report));

        var problem = Assert.Single(report.Problems);
        Assert.Equal((2L, "Account ID"), (problem.Line, problem.Column));
        Assert.Equal("the row has two cells at B2, 'A-1' and 'A-2': the workbook is damaged; open it in Excel and save it again.", problem.Message);
    }

    [Fact]
    public void TwoCellsAtOneReference_InAColumnNotRead_AreIgnored()
    {
        var book = Workbook(Header + Deal(2, note: """<c r="G2" t="inlineStr"><is><t>x</t></is></c><c r="G2"><v>1</v></c>"""));

        Assert.Equal("O-2", Assert.Single(new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcel(book)).Id.Value);
    }

    [Theory]
    [InlineData("9000000000.0")]   // a float as Python writes it (pandas, openpyxl: an id column with a blank is float)
    [InlineData("9E9")]
    [InlineData(" 9000000000 ")]
    public void ANumberCell_ReadAsText_IsTheNumberExcelShows_NotItsStoredSpelling(string stored)
    {
        // A company id stored as a number Excel shows as 9000000000: it was read as "9000000000.0", another account than
        // the 9000000000 of a CSV or a cell Excel wrote, so a partner's tasks or deals did not meet it.
        var book = Workbook(Header + Deal(2).Replace("""<c r="B2" t="inlineStr"><is><t>A-1</t></is></c>""", $"""<c r="B2"><v>{stored}</v></c>""", StringComparison.Ordinal));

        Assert.Equal("9000000000", Assert.Single(new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcel(book)).AccountId.Value);
    }

    [Fact]
    public void ARunOfOnlyASpace_WithoutPreserve_KeepsItsSpace_AsInASharedString()
    {
        // A rich-text name in runs "Acme", " ", "Corp" whose space run has no xml:space="preserve": the sheet's reader
        // dropped the space ("AcmeCorp") while the same string in the shared-string table kept it.
        const string Runs = "<r><t>Acme</t></r><r><t> </t></r><r><t>Corp</t></r>";
        var inline = Workbook(Header + Deal(2).Replace("""<c r="B2" t="inlineStr"><is><t>A-1</t></is></c>""", $"""<c r="B2" t="inlineStr"><is>{Runs}</is></c>""", StringComparison.Ordinal));
        var shared = Workbook(
            Header + Deal(2).Replace("""<c r="B2" t="inlineStr"><is><t>A-1</t></is></c>""", """<c r="B2" t="s"><v>0</v></c>""", StringComparison.Ordinal),
            sharedStrings: $"""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>{Runs}</si></sst>""");

        Assert.Equal("Acme Corp", Assert.Single(new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcel(inline)).AccountId.Value);
        Assert.Equal("Acme Corp", Assert.Single(new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcel(shared)).AccountId.Value);
    }

    /// <summary>Style 1 shows Excel's built-in format 9, "0%".</summary>
    private const string PercentStyles = """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/></cellXfs></styleSheet>""";

    /// <summary>A one-sheet workbook of the given rows of sheet XML (and the sheet's elements after them), with the given styles part, written entry by entry.</summary>
    internal static MemoryStream Workbook(string rows, string? styles = null, string? sharedStrings = null, string workbookProperties = "", string afterRows = "")
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }

            Entry("[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>{(styles is null ? "" : """<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""")}{(sharedStrings is null ? "" : """<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>""")}</Types>""");
            Entry("_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Entry("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="{Relationships}">{workbookProperties}<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Entry("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{Relationships}/worksheet" Target="worksheets/sheet1.xml"/>{(styles is null ? "" : $"""<Relationship Id="rId2" Type="{Relationships}/styles" Target="styles.xml"/>""")}{(sharedStrings is null ? "" : $"""<Relationship Id="rId3" Type="{Relationships}/sharedStrings" Target="sharedStrings.xml"/>""")}</Relationships>""");
            Entry("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData>{rows}</sheetData>{afterRows}</worksheet>""");
            if (styles is not null)
            {
                Entry("xl/styles.xml", styles);
            }

            if (sharedStrings is not null)
            {
                Entry("xl/sharedStrings.xml", sharedStrings);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
