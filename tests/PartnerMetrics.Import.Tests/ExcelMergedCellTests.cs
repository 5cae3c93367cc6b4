namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Merged cells: Excel shows a merged range's first value across it but stores it in the first cell only. The import
/// reads the other cells as empty, as the sheet stores them, and says so in a notice when they are in a column it reads.
/// </summary>
public class ExcelMergedCellTests
{
    private const string Header =
        """<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c><c r="B1" t="inlineStr"><is><t>Account ID</t></is></c><c r="C1" t="inlineStr"><is><t>Created On</t></is></c><c r="D1" t="inlineStr"><is><t>Motion</t></is></c><c r="E1" t="inlineStr"><is><t>Outcome</t></is></c><c r="F1" t="inlineStr"><is><t>Amount</t></is></c><c r="G1" t="inlineStr"><is><t>Note</t></is></c></row>""";

    /// <summary>A deal whose amount and note are given only when not null, as a merged range's other cells are.</summary>
    private static string Deal(int row, int? amount, string? note = null) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, """<row r="{0}"><c r="A{0}" t="inlineStr"><is><t>O-{0}</t></is></c><c r="B{0}" t="inlineStr"><is><t>A-1</t></is></c><c r="C{0}"><v>45292</v></c><c r="D{0}" t="inlineStr"><is><t>NewLogo</t></is></c><c r="E{0}" t="inlineStr"><is><t>Open</t></is></c>""", row)
        + (amount is null ? string.Empty : $"""<c r="F{row}"><v>{amount}</v></c>""")
        + (note is null ? string.Empty : $"""<c r="G{row}" t="inlineStr"><is><t>{note}</t></is></c>""")
        + "</row>";

    private static string Merged(params string[] references) =>
        $"""<mergeCells count="{references.Length}">{string.Concat(references.Select(r => $"""<mergeCell ref="{r}"/>"""))}</mergeCells>""";

    /// <summary>The notices of merged cells, apart from the others an import gives (a column the profile finds in no header, say).</summary>
    private static List<string> Merges(IEnumerable<string> notices) => [.. notices.Where(n => n.StartsWith("Cells ", StringComparison.Ordinal))];

    private static (List<PartnerMetrics.Pipeline.Opportunity> Deals, ImportReport Report) Read(string rows, string merged)
    {
        var report = new ImportReport();
        var deals = new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcel(ExcelPackageTests.Workbook(rows, afterRows: merged), report: report).ToList();
        return (deals, report);
    }

    [Fact]
    public void AMergedAmount_IsReadInItsFirstRowOnly_AndANoticeSaysSo()
    {
        // F2:F4 merged, shown as 500 on three rows: the sheet stores 500 in F2 only, so deals 3 and 4 have no amount.
        var (deals, report) = Read(Header + Deal(2, 500) + Deal(3, null) + Deal(4, null), Merged("F2:F4"));

        Assert.Equal([500m, null, null], deals.Select(d => d.Amount));
        Assert.Equal("Cells F2:F4 are merged: Excel shows the value of their first cell across them, but stores it in that cell only, so the other cells of \"Amount\" were read as empty.", Assert.Single(Merges(report.Notices)));
    }

    [Fact]
    public void AMergedAmount_ReadAsynchronously_HasTheSameNotice()
    {
        var report = new ImportReport();
        var book = ExcelPackageTests.Workbook(Header + Deal(2, 500) + Deal(3, null), afterRows: Merged("F2:F3"));

        var deals = new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcelAsync(book, report: report).ToBlockingEnumerable().ToList();

        Assert.Equal([500m, null], deals.Select(d => d.Amount));

        // The notice a synchronous read of the same sheet gives, word for word.
        Assert.Equal(Assert.Single(Merges(Read(Header + Deal(2, 500) + Deal(3, null), Merged("F2:F3")).Report.Notices)), Assert.Single(Merges(report.Notices)));
        Assert.StartsWith("Cells F2:F3 are merged", Assert.Single(Merges(report.Notices)), StringComparison.Ordinal);
    }

    [Fact]
    public void ARangeAcrossColumns_NamesOnlyTheReadColumnsWhoseCellsItHides()
    {
        // E2:F2 shows the outcome across the amount's cell too: the outcome is read, the amount is empty.
        var (deals, report) = Read(Header + Deal(2, null) + Deal(3, 7), Merged("E2:F2"));

        Assert.Equal([null, 7m], deals.Select(d => d.Amount));
        Assert.EndsWith("so the other cells of \"Amount\" were read as empty.", Assert.Single(Merges(report.Notices)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("G2:G3")]
    [InlineData("A1:B1")]
    [InlineData("F1:G1")]
    [InlineData("H2:H3")]
    public void MergedCells_ThatHideNothingTheImportReads_AreNotNoticed(string range)
    {
        // A note column the import does not read, the header row, or a column beyond the sheet's.
        var (deals, report) = Read(Header + Deal(2, 1, "x") + Deal(3, 2), Merged(range));

        Assert.Equal(2, deals.Count);
        Assert.Empty(Merges(report.Notices));
    }

    [Theory]
    [InlineData("F10:F11")]
    [InlineData("F3:F5")]
    [InlineData("F2:F3", "F4:F9")]
    public void MergedCells_BelowTheLastRowRead_AreNotNoticed(params string[] ranges)
    {
        // Deals in rows 2 and 3, and a template's merged cells in the empty rows below them (row 9 is formatted, with no
        // value): no cell of a row the import read is hidden, yet each range was a notice saying amounts were read as empty.
        var (deals, report) = Read(Header + Deal(2, 1) + Deal(3, 2) + """<row r="9"><c r="F9" s="1"/></row>""", Merged(ranges));

        Assert.Equal([1m, 2m], deals.Select(d => d.Amount));
        Assert.Equal(ranges.Where(r => r == "F2:F3"), Merges(report.Notices).Select(n => n.Split(' ')[1]));
    }

    [Fact]
    public void EachRange_HasItsOwnNotice_InTheSheetsOrder()
    {
        var (_, report) = Read(Header + Deal(2, 1) + Deal(3, null) + Deal(4, 2) + Deal(5, null), Merged("F4:F5", "F2:F3", "G2:G5"));

        Assert.Equal(["F4:F5", "F2:F3"], Merges(report.Notices).Select(n => n.Split(' ')[1]));
    }

    [Fact]
    public void ThousandsOfRanges_AreNamedUpToTwenty_AndTheRestCounted()
    {
        // 1,000 ranges F2:F3, F4:F5, … each hiding an amount: each was a notice (and every range was held until the
        // end), so a small workbook of many ranges filled the report without bound.
        var rows = new System.Text.StringBuilder(Header);
        for (var row = 2; row <= 2_001; row++)
        {
            rows.Append(Deal(row, row % 2 == 0 ? row : null));
        }

        var (deals, report) = Read(rows.ToString(), Merged([.. Enumerable.Range(0, 1_000).Select(i => $"F{2 + (2 * i)}:F{3 + (2 * i)}")]));

        Assert.Equal(2_000, deals.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"F{2 + (2 * i)}:F{3 + (2 * i)}"), Merges(report.Notices).Select(n => n.Split(' ')[1]));
        Assert.Equal("980 more merged ranges hide cells of \"Amount\", which were read as empty; only the first 20 are named.", report.Notices[^1]);
    }

    [Fact]
    public void AnEvidenceSheet_InAPortfolioImport_HasTheNoticeInItsFilesReport()
    {
        const string Accounts = """<row r="1"><c r="A1" t="inlineStr"><is><t>Account ID</t></is></c><c r="B1" t="inlineStr"><is><t>Account Name</t></is></c><c r="C1" t="inlineStr"><is><t>Type</t></is></c><c r="D1" t="inlineStr"><is><t>Created Date</t></is></c></row>"""
            + """<row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2" t="inlineStr"><is><t>Alpha</t></is></c><c r="C2" t="inlineStr"><is><t>Technology Partner</t></is></c><c r="D2" t="inlineStr"><is><t>1/1/2024</t></is></c></row>"""
            + """<row r="3"><c r="A3" t="inlineStr"><is><t>P2</t></is></c><c r="C3" t="inlineStr"><is><t>Technology Partner</t></is></c><c r="D3" t="inlineStr"><is><t>1/1/2024</t></is></c></row>""";
        var report = new PortfolioImportReport();

        // The name is required: the row whose name the merged range hides is skipped, a problem, and the notice says why it was
        // empty. (An empty Type is no problem: an account without a type is no partner.)
        var portfolio = new PortfolioImporter(EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip }).Import(
            new Dictionary<EvidenceKind, EvidenceSource> { [EvidenceKind.Partners] = EvidenceSource.Excel(ExcelPackageTests.Workbook(Accounts, afterRows: Merged("B2:B3")), "accounts.xlsx") },
            report);

        Assert.Equal("P1", Assert.Single(portfolio.Partnerships).Partner.Id.Value);
        Assert.Equal("line 3, column \"Account Name\": a value is required.", Assert.Single(report.Files[EvidenceKind.Partners].Problems).ToString());
        Assert.Equal("Cells B2:B3 are merged: Excel shows the value of their first cell across them, but stores it in that cell only, so the other cells of \"Account Name\" were read as empty.", Assert.Single(Merges(report.Files[EvidenceKind.Partners].Notices)));
    }

    [Theory]
    [InlineData("B2:B6", 1, 2L, 1, 6L)]
    [InlineData("C6:B2", 1, 2L, 2, 6L)]
    [InlineData("AA10:AB11", 26, 10L, 27, 11L)]
    public void ARange_IsParsed_FirstCellFirst(string reference, int firstColumn, long firstRow, int lastColumn, long lastRow)
    {
        Assert.Equal(new MergedRange(reference, firstColumn, firstRow, lastColumn, lastRow), MergedRange.Parse(reference));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("B2")]
    [InlineData("B2:B2")]
    [InlineData("B2:")]
    [InlineData("2:3")]
    [InlineData("B0:B3")]
    [InlineData("B2:C3:D4")]
    public void NotARange_IsNone(string? reference)
    {
        Assert.Null(MergedRange.Parse(reference));
    }
}
