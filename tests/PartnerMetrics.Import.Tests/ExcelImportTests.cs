using System.Globalization;

namespace PartnerMetrics.Import.Tests;

/// <summary>Excel workbooks (.xlsx): the same export as a sheet, with real Excel dates and numbers, reads as the CSV does.</summary>
public class ExcelImportTests
{
    private static readonly string[] DateHeaders = ["Close Date", "Created Date"];

    [Fact]
    public void SalesforceExport_SavedAsAWorkbook_ReadsAsTheCsv()
    {
        var csvPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "salesforce-opportunities.csv");
        var rows = File.ReadAllLines(csvPath).Select(ParseCsvLine).ToList();
        var dateColumns = DateHeaders.Select(h => rows[0].IndexOf(h)).ToHashSet();
        var amountColumn = rows[0].IndexOf("Amount");
        using var workbook = WorkbookFile.Create(("Report", rows.Select((row, r) => row.Select<string, object?>((text, c) =>
            r == 0 || text.Length == 0 ? text
            : dateColumns.Contains(c) ? DateTime.ParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture).ToOADate()
            : c == amountColumn ? double.Parse(text.Replace("USD ", string.Empty, StringComparison.Ordinal).Replace("$", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture)
            : text).ToArray()).ToList()));
        var importer = new OpportunityImporter(ImportProfile.Salesforce);
        var report = new ImportReport();

        var fromExcel = importer.ReadExcel(workbook, "report", report).ToList();
        var fromCsv = importer.ReadCsv(File.OpenRead(csvPath)).ToList();

        Assert.Equal(fromCsv, fromExcel);
        Assert.Equal("320 rows: 320 imported, 0 skipped; 0 columns ignored", report.ToString());
    }

    [Fact]
    public void Sheet_ByName_AndRowsNumberedAsInExcel()
    {
        using var workbook = WorkbookFile.Create(
            ("Notes", [["nothing here"]]),
            ("Deals", [
                ["Id", "Account ID", "Created On", "Motion", "Outcome", "Amount"],
                ["O-1", "A-1", new DateTime(2024, 5, 1).ToOADate(), "NewLogo", "Open", 1234.5],
                [null, null, null, null, null, null],
                ["O-2", "A-1", "2024-05-02", "Expansion", "Open", "oops"],
            ]));
        var report = new ImportReport();
        var profile = ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip };

        var deals = new OpportunityImporter(profile).ReadExcel(workbook, "deals", report).ToList();

        var deal = Assert.Single(deals);
        Assert.Equal((new DateOnly(2024, 5, 1), (decimal?)1234.5m), (deal.CreatedOn, deal.Amount));
        Assert.Equal("line 4, column \"Amount\", value \"oops\": not an amount such as 1,234.50 (the profile's decimal separator is '.').", Assert.Single(report.Problems).ToString());
    }

    [Fact]
    public async Task ReadExcelAsync_EqualsReadExcel_AndStopsWhenCancelled()
    {
        using var workbook = WorkbookFile.Create(("Deals", [
            ["Id", "Account ID", "Created On", "Motion", "Outcome"],
            ["O-1", "A-1", "2024-05-01", "NewLogo", "Open"],
            ["O-2", "A-2", "2024-05-02", "Expansion", "Open"],
        ]));
        var importer = new OpportunityImporter(ImportProfile.PartnerMetrics);
        var expected = importer.ReadExcel(new MemoryStream(workbook.ToArray())).ToList();

        var streamed = new List<PartnerMetrics.Pipeline.Opportunity>();
        await foreach (var deal in importer.ReadExcelAsync(new MemoryStream(workbook.ToArray())))
        {
            streamed.Add(deal);
        }

        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, streamed);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in importer.ReadExcelAsync(new MemoryStream(workbook.ToArray()), cancellationToken: cancelled.Token))
            {
            }
        });
    }

    [Fact]
    public void NotAWorkbook_OrNoSuchSheet_StopTheImport()
    {
        var importer = new OpportunityImporter(ImportProfile.PartnerMetrics);

        var notWorkbook = Assert.Throws<ImportException>(() => importer.ReadExcel(new MemoryStream("Id,Account ID\n"u8.ToArray())).ToList());
        Assert.Contains("not an Excel workbook", notWorkbook.Message, StringComparison.Ordinal);

        using var workbook = WorkbookFile.Create(("Deals", [["Id"]]));
        var noSheet = Assert.Throws<ImportException>(() => importer.ReadExcel(workbook, "Pipeline").ToList());
        Assert.Contains("no sheet named 'Pipeline'; its sheets are 'Deals'", noSheet.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("workbook", () => importer.ReadExcel(null!));
    }

    /// <summary>
    /// Parts of a workbook that are not what they claim (found by fuzzing the import readers): each stops the import with an
    /// <see cref="ImportException"/>, as a file that is not a workbook does, instead of the Open XML SDK's own exception.
    /// </summary>
    [Theory]
    [InlineData("sheet1.xml", "<x:row r=\"1\">", "<x:row r=\"1\"<", "line 1: the sheet cannot be read after row 0: ")]
    [InlineData("sheet1.xml", "<x:row r=\"1\">", "<x:row r=\"one\">", "line 1: the sheet cannot be read after row 0: ")]
    [InlineData("sharedStrings.xml", "Partner", "Part\u0001ner", "the file is not an Excel workbook (.xlsx): ")]
    [InlineData("workbook.xml", "<x:sheets>", "<x:sheets", "the file is not an Excel workbook (.xlsx): ")]
    [InlineData("workbook.xml", "r:id=\"", "r:id=\"missing", "the sheet 'Deals' refers to no part of the workbook.")]
    [InlineData("[Content_Types].xml", "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"", "", "the file is not an Excel workbook (.xlsx): ")]
    [InlineData("workbook.xml.rels", "Target=\"", "Target=\"missing/", "the file is not an Excel workbook (.xlsx): ")]
    public void AWorkbookWithADamagedPart_StopsTheImportWithAnImportException(string part, string find, string replace, string expected)
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Partner", "Amount"], ["P1", 10.0]]));
        Damage(workbook, part, find, System.Text.RegularExpressions.Regex.Unescape(replace));
        var importer = new OpportunityImporter(ImportProfile.PartnerMetrics);

        var error = Assert.Throws<ImportException>(() => importer.ReadExcel(workbook).ToList());

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Replaces the first <paramref name="find"/> in the part of the workbook whose file name is <paramref name="part"/>.</summary>
    private static void Damage(MemoryStream workbook, string part, string find, string replace)
    {
        using (var zip = new System.IO.Compression.ZipArchive(workbook, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Single(e => e.Name == part);
            string text;
            using (var reader = new StreamReader(entry.Open()))
            {
                text = reader.ReadToEnd();
            }

            var at = text.IndexOf(find, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{part} has no {find}: {text}");
            var name = entry.FullName;
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length)));
        }

        workbook.Position = 0;
    }

    /// <summary>Splits a line of the fixtures' CSV (quotes only around values with commas).</summary>
    private static string[] ParseCsvLine(string line)
    {
        var values = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                values.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        values.Add(current.ToString());
        return [.. values];
    }
}
