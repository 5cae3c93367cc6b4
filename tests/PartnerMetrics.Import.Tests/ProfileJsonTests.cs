using System.Text;
using System.Text.Json;

namespace PartnerMetrics.Import.Tests;

/// <summary>How both kinds of profile are read from JSON: a byte order mark, the literal null, and text that is not JSON.</summary>
public class ProfileJsonTests
{
    [Fact]
    public void AByteOrderMark_IsSkipped_BothInAProfileAndInAMistakesDescription()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];

        Assert.Equal("ours", ImportProfile.Load(new MemoryStream([.. bom, .. """{"name":"ours"}"""u8])).Name);
        Assert.Equal("ours", EvidenceProfile.Load(new MemoryStream([.. bom, .. """{"name":"ours"}"""u8])).Name);

        var plain = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream("""{"columns":{"amount":"Amount"}}"""u8.ToArray())));
        var marked = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream([.. bom, .. """{"columns":{"amount":"Amount"}}"""u8])));
        Assert.Equal(plain.Message, marked.Message);
        Assert.Equal(plain.Path, marked.Path);
        Assert.StartsWith("Expected an array, got the string \"Amount\".", marked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLiteralNull_SaysWhichProfileWasExpected()
    {
        var deals = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream("null"u8.ToArray())));
        var evidence = Assert.Throws<JsonException>(() => EvidenceProfile.Load(new MemoryStream("null"u8.ToArray())));

        Assert.Equal(("Expected an import profile object, got the literal null.", "$"), (deals.Message, deals.Path));
        Assert.Equal(("Expected an evidence profile object, got the literal null.", "$"), (evidence.Message, evidence.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \r\n\t")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF\n")]
    public void AnEmptyFile_SaysItIsEmpty_NotThatItHasNoTokensOnLineZero(string text)
    {
        // System.Text.Json's own words: "The input does not contain any JSON tokens. ... LineNumber: 0 | BytePositionInLine: 0."
        var deals = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))));
        var evidence = Assert.Throws<JsonException>(() => EvidenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(text))));

        Assert.Equal(("The file is empty: expected an import profile object.", "$"), (deals.Message, deals.Path));
        Assert.Equal(("The file is empty: expected an evidence profile object.", "$"), (evidence.Message, evidence.Path));
    }

    [Fact]
    public void TextThatIsNotJson_IsAJsonExceptionWithItsLine()
    {
        var error = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes("{\n  \"name\": ours\n}"))));

        Assert.Equal(1, error.LineNumber);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProfileCheckError_IsAJsonExceptionAtThePath_CarryingTheArgumentError()
    {
        var error = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream("""{"decimalSeparator":";"}"""u8.ToArray())));

        var cause = Assert.IsType<ArgumentException>(error.InnerException);
        Assert.Equal(("$.decimalSeparator", "decimalSeparator"), (error.Path, cause.ParamName));
        Assert.StartsWith("'decimalSeparator' must be \".\" or \",\"; got ';'.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
        Assert.Null(error.LineNumber);
    }
}
