namespace PartnerMetrics.Import.Tests;

/// <summary>Null arguments are refused by name before anything is read.</summary>
public class ArgumentCheckTests
{
    [Fact]
    public void ImportLookup_FromCsv_WithoutAField_IsRefusedBeforeTheFileIsRead()
    {
        using var csv = new StringReader("Owner,Office\nAnna,West\n");

        Assert.Throws<ArgumentNullException>("field", () => ImportLookup.FromCsv(null!, csv, "Owner", "Region"));

        Assert.Equal("Owner,Office", csv.ReadLine());
    }

    [Fact]
    public void NumericDayFormat_OfNull_IsRefused()
    {
        Assert.Throws<ArgumentNullException>("format", () => NumericDayFormat.Of(null!));
    }
}
