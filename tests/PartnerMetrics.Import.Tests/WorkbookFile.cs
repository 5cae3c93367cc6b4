using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PartnerMetrics.Import.Tests;

/// <summary>Writes small Excel workbooks for tests (also compiled into the command line's tests).</summary>
internal static class WorkbookFile
{
    /// <summary>Writes a workbook: text as shared strings, numbers as numbers, a (number, format) pair as a number shown in that custom number format, null as no cell.</summary>
    public static MemoryStream Create(params (string Name, List<object?[]> Rows)[] sheets)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            var strings = new List<string>();
            var formats = new List<string>();
            var stringPart = workbookPart.AddNewPart<SharedStringTablePart>();
            uint id = 1;
            foreach (var (name, rows) in sheets)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < rows.Count; r++)
                {
                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < rows[r].Length; c++)
                    {
                        var reference = $"{(char)('A' + (c % 26))}{r + 1}";
                        reference = c >= 26 ? $"A{reference}" : reference;
                        switch (rows[r][c])
                        {
                            case string text:
                                strings.Add(text);
                                row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Count - 1) });
                                break;
                            case double number:
                                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                                break;
                            case (double number, string format):
                                formats.Add(format);
                                row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number), StyleIndex = (uint)formats.Count });
                                break;
                        }
                    }

                    data.Append(row);
                }

                sheetPart.Worksheet = new Worksheet(data);
                workbookPart.Workbook.Sheets!.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = id++, Name = name });
            }

            stringPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            if (formats.Count > 0)
            {
                // Style 0 is the default; style k + 1 shows custom format 164 + k.
                var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
                stylesPart.Stylesheet = new Stylesheet(
                    new NumberingFormats(formats.Select((f, k) => new NumberingFormat { NumberFormatId = (uint)(164 + k), FormatCode = f })),
                    new CellFormats([new CellFormat(), .. formats.Select((_, k) => new CellFormat { NumberFormatId = (uint)(164 + k), ApplyNumberFormat = true })]));
            }
        }

        stream.Position = 0;
        return stream;
    }
}
