using System.Text;

namespace PartnerMetrics.Import.Tests;

/// <summary>A CSV export is UTF-8, or the UTF-16 or UTF-32 its byte order mark names; bytes that are not text in it stop the import with the line.</summary>
public class EncodingTests
{
    private const string Csv = "id,accountId,createdOn,motion,outcome\nO-1,A-1,2025-01-02,NewLogo,Open\nO-2,Zürich,2025-01-03,Renewal,Open\n";

    public static TheoryData<string> Encodings => ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le", "utf-32be"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EveryEncodingWithItsByteOrderMark_IsRead(string name)
    {
        var deals = Read(Bytes(Csv, name)).ToList();

        Assert.Equal(["A-1", "Zürich"], deals.Select(d => d.AccountId.Value));
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Utf16WithALoneSurrogate_StopsTheImportAtItsLine_NotAReplacementCharacter(string name)
    {
        var text = Csv.Replace("Zürich", "Z\uD800rich", StringComparison.Ordinal);
        // Each char's two bytes as they are: an encoder would replace the lone surrogate.
        var bigEndian = name == "utf-16be";
        var units = text.SelectMany(c => bigEndian ? new[] { (byte)(c >> 8), (byte)(c & 0xFF) } : [(byte)(c & 0xFF), (byte)(c >> 8)]);
        byte[] bytes = [.. bigEndian ? new byte[] { 0xFE, 0xFF } : [0xFF, 0xFE], .. units];

        var error = Assert.Throws<ImportException>(() => Read(bytes).ToList());

        // Text is decoded a buffer ahead of the rows, so the problem is "at or after" the line it names, here the first.
        Assert.InRange(error.Problem!.Line, 1, 3);
        Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf32WithAnInvalidCodePoint_StopsTheImport()
    {
        var bytes = new UTF32Encoding(false, true).GetPreamble().Concat(new UTF32Encoding(false, false).GetBytes(Csv)).ToArray();
        BitConverter.GetBytes(0x110000).CopyTo(bytes, 4 + (4 * Csv.IndexOf('Z', StringComparison.Ordinal)));   // past the last code point

        Assert.Throws<ImportException>(() => Read(bytes).ToList());
    }

    [Fact]
    public void AFileShorterThanAByteOrderMark_IsAnEmptyFileError()
    {
        var error = Assert.Throws<ImportException>(() => Read([0xFF]).ToList());

        Assert.Equal(1, error.Problem!.Line);
    }

    [Fact]
    public async Task TheAsyncReader_DecodesTheSameWay()
    {
        var deals = new List<string?>();
        await foreach (var deal in new OpportunityImporter(ImportProfile.PartnerMetrics).ReadCsvAsync(new MemoryStream(Bytes(Csv, "utf-16be"))))
        {
            deals.Add(deal.AccountId.Value);
        }

        Assert.Equal(["A-1", "Zürich"], deals);
    }

    private static IEnumerable<Pipeline.Opportunity> Read(byte[] bytes) => new OpportunityImporter(ImportProfile.PartnerMetrics).ReadCsv(new MemoryStream(bytes));

    private static byte[] Bytes(string text, string name)
    {
        Encoding encoding = name switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            "utf-32le" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }
}
