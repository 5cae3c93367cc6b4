using System.Text;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// <c>MaxWorkbookPartCharacters</c>: the parts of a workbook the import holds whole in memory (the list of sheets, the
/// shared strings, the styles) are bound by it, and the sheet, which is streamed, is not.
/// </summary>
public class ExcelPartLimitTests
{
    private const string Header =
        """<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c><c r="B1" t="inlineStr"><is><t>Account ID</t></is></c><c r="C1" t="inlineStr"><is><t>Created On</t></is></c><c r="D1" t="inlineStr"><is><t>Motion</t></is></c><c r="E1" t="inlineStr"><is><t>Outcome</t></is></c></row>""";

    /// <summary>A deal whose account is shared string 0.</summary>
    private static string Deal(int row) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, """<row r="{0}"><c r="A{0}" t="inlineStr"><is><t>O-{0}</t></is></c><c r="B{0}" t="s"><v>0</v></c><c r="C{0}"><v>45292</v></c><c r="D{0}" t="inlineStr"><is><t>NewLogo</t></is></c><c r="E{0}" t="inlineStr"><is><t>Open</t></is></c></row>""", row);

    /// <summary>A shared-string table of one string of <paramref name="length"/> characters.</summary>
    private static string Strings(int length) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{new string('x', length)}</t></si></sst>""";

    private static OpportunityImporter Importer(long? limit) => new(ImportProfile.PartnerMetrics) { MaxWorkbookPartCharacters = limit };

    [Fact]
    public void SharedStringsLongerThanTheLimit_StopTheImport_NamingThePartAndTheLimit()
    {
        var book = ExcelPackageTests.Workbook(Header + Deal(2), sharedStrings: Strings(5_000));

        var error = Assert.Throws<ImportException>(() => Importer(2_000).ReadExcel(book).ToList());

        Assert.Equal("the workbook's part /xl/sharedStrings.xml is longer than 2,000 characters, the most the import holds in memory from one part (MaxWorkbookPartCharacters).", error.Problem!.Message);
    }

    [Fact]
    public void SharedStringsWithinTheLimit_OrWithoutOne_AreRead()
    {
        var strings = Strings(5_000);

        Assert.Equal(new string('x', 5_000), Assert.Single(Importer(10_000).ReadExcel(ExcelPackageTests.Workbook(Header + Deal(2), sharedStrings: strings))).AccountId.Value);
        Assert.Equal(new string('x', 5_000), Assert.Single(Importer(null).ReadExcel(ExcelPackageTests.Workbook(Header + Deal(2), sharedStrings: strings))).AccountId.Value);
    }

    [Fact]
    public void StylesLongerThanTheLimit_StopTheImport_NamingThePart()
    {
        var styles = $"""<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0"/></cellXfs><!--{new string('y', 5_000)}--></styleSheet>""";
        var book = ExcelPackageTests.Workbook(Header + Deal(2), styles: styles, sharedStrings: Strings(10));

        var error = Assert.Throws<ImportException>(() => Importer(2_000).ReadExcel(book).ToList());

        Assert.StartsWith("the workbook's part /xl/styles.xml is longer than 2,000 characters", error.Problem!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSheet_IsNotBound_ForItIsStreamed()
    {
        // A sheet of about 1,000 × 500 characters against a limit of 2,000: every deal is read.
        var rows = new StringBuilder(Header);
        for (var row = 2; row <= 1_001; row++)
        {
            rows.Append(Deal(row));
        }

        var deals = Importer(2_000).ReadExcel(ExcelPackageTests.Workbook(rows.ToString(), sharedStrings: Strings(10))).ToList();

        Assert.Equal(1_000, deals.Count);
        Assert.Equal("O-1001", deals[^1].Id.Value);
    }

    [Fact]
    public void BrokenSharedStrings_UnderALimit_AreStillABrokenWorkbook()
    {
        // Only the reader's limit exception is read as the limit: XML that is not well-formed keeps its own message.
        var book = ExcelPackageTests.Workbook(Header + Deal(2), sharedStrings: """<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>x</si></sst>""");

        var error = Assert.Throws<ImportException>(() => Importer(2_000).ReadExcel(book).ToList());

        Assert.StartsWith("the file is not an Excel workbook (.xlsx): ", error.Problem!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void ALimitBelowOne_IsRefused_ByBothImporters(long limit)
    {
        var opportunities = Assert.Throws<ArgumentOutOfRangeException>("MaxWorkbookPartCharacters", () => Importer(limit));
        var portfolio = Assert.Throws<ArgumentOutOfRangeException>("MaxWorkbookPartCharacters", () => new PortfolioImporter(EvidenceProfile.Salesforce) { MaxWorkbookPartCharacters = limit });

        Assert.Contains($"got {limit}", opportunities.Message, StringComparison.Ordinal);
        Assert.Contains($"got {limit}", portfolio.Message, StringComparison.Ordinal);
        Assert.Null(new PortfolioImporter(EvidenceProfile.Salesforce).MaxWorkbookPartCharacters);
        Assert.Null(new OpportunityImporter(ImportProfile.PartnerMetrics).MaxWorkbookPartCharacters);
    }

    [Fact]
    public void APortfolioImport_BindsItsEvidenceWorkbooks_AndItsDeals()
    {
        var accounts = """<row r="1"><c r="A1" t="inlineStr"><is><t>Account ID</t></is></c><c r="B1" t="inlineStr"><is><t>Account Name</t></is></c><c r="C1" t="inlineStr"><is><t>Type</t></is></c><c r="D1" t="inlineStr"><is><t>Created Date</t></is></c></row>"""
            + """<row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>Technology Partner</t></is></c><c r="D2" t="inlineStr"><is><t>1/1/2024</t></is></c></row>""";
        var importer = new PortfolioImporter(EvidenceProfile.Salesforce) { MaxWorkbookPartCharacters = 2_000 };

        var partners = Assert.Throws<ImportException>(() => importer.Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Excel(ExcelPackageTests.Workbook(accounts, sharedStrings: Strings(5_000)), "accounts.xlsx"),
        }));
        Assert.Contains("/xl/sharedStrings.xml is longer than 2,000 characters", partners.Message, StringComparison.Ordinal);

        var imported = importer.Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Excel(ExcelPackageTests.Workbook(accounts, sharedStrings: Strings(50)), "accounts.xlsx"),
        });
        Assert.Equal(new string('x', 50), Assert.Single(imported.Partnerships).Partner.Name);

        var dealsImporter = new PortfolioImporter(EvidenceProfile.Salesforce with { Opportunities = ImportProfile.PartnerMetrics }) { MaxWorkbookPartCharacters = 2_000 };
        var deals = Assert.Throws<ImportException>(() => dealsImporter.Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Excel(ExcelPackageTests.Workbook(accounts, sharedStrings: Strings(50)), "accounts.xlsx"),
            [EvidenceKind.Opportunities] = EvidenceSource.Excel(ExcelPackageTests.Workbook(Header + Deal(2), sharedStrings: Strings(5_000)), "deals.xlsx"),
        }));
        Assert.Contains("/xl/sharedStrings.xml is longer than 2,000 characters", deals.Message, StringComparison.Ordinal);
    }
}
