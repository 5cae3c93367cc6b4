namespace PartnerMetrics.Reporting.Tests;

/// <summary>
/// <see cref="HtmlWriter.XmlSafe"/> replaces every character XML 1.0 or HTML forbids with U+FFFD and keeps the rest: text
/// of plain ASCII is skipped by a vectorized search, so these pin that the skip changes nothing, wherever the first other
/// character falls.
/// </summary>
public class XmlSafeTests
{
    private const char Replacement = '\uFFFD';

    /// <summary>The characters the page forbids on their own, as <see cref="HtmlWriter.XmlSafe"/>'s documentation lists them.</summary>
    private static bool Forbidden(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r'))
        || c is >= '\u007F' and <= '\u009F'
        || char.IsSurrogate(c)
        || c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF';

    [Fact]
    public void EveryCharacter_AloneAmongPlainText_IsKeptOrReplacedAsTheRulesSay()
    {
        // Every UTF-16 code unit, after plain text of every length up to a few vectors, so that it falls in every lane.
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var prefix = new string('a', c % 70);
            var expected = prefix + (Forbidden((char)c) ? Replacement : (char)c) + "z";
            Assert.Equal(expected, HtmlWriter.XmlSafe(prefix + (char)c + "z"));
        }
    }

    [FsCheck.Xunit.Property]
    public Property PlainText_IsReturnedAsItIs() =>
        Prop.ForAll(
            Gen.Elements([.. "\t\n\r", .. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]).ArrayOf().Select(chars => new string(chars)).ToArbitrary(),
            text => Assert.Same(text, HtmlWriter.XmlSafe(text)));

    [FsCheck.Xunit.Property]
    public Property PlainTextBeforeAnything_ChangesNothingAfterIt() =>
        Prop.ForAll(
            Gen.Choose(' ', '~').Select(c => (char)c).ArrayOf().Select(chars => new string(chars)).ToArbitrary(),
            ArbMap.Default.ArbFor<char>().Generator.ArrayOf().Select(chars => new string(chars)).ToArbitrary(),
            (plain, rest) => Assert.Equal(plain + HtmlWriter.XmlSafe(rest), HtmlWriter.XmlSafe(plain + rest)));

    [Theory]
    [InlineData("ab\uD83D\uDE80cd", "ab\uD83D\uDE80cd")]   // a surrogate pair (a rocket) after plain text is kept
    [InlineData("ab\uD83F\uDFFEcd", "ab\uFFFDcd")]         // U+1FFFE, a noncharacter pair, is one replacement
    [InlineData("é\u0092", "é\uFFFD")]                     // Latin-1 is kept, a C1 control is not
    public void SurrogatesAndLatinText_AfterOrBeforePlainText(string text, string safe) =>
        Assert.Equal(safe, HtmlWriter.XmlSafe(text));

    [Fact]
    public void LoneSurrogates_AfterOrBeforePlainText_AreReplaced()
    {
        // Not as attribute data: an attribute's strings are stored as UTF-8, which has no lone surrogate.
        Assert.Equal("ab\uFFFD", HtmlWriter.XmlSafe("ab\uD800"));
        Assert.Equal("\uFFFDab", HtmlWriter.XmlSafe("\uDC00ab"));
        Assert.Equal("ab\uFFFD\uFFFDcd", HtmlWriter.XmlSafe("ab\uDC00\uD800cd"));
    }
}
