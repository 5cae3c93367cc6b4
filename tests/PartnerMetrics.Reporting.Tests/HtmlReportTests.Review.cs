namespace PartnerMetrics.Reporting.Tests;

/// <summary>Partnerships that start after the day, and names that would break the page's text direction or its validity as HTML.</summary>
public partial class HtmlReportTests
{
    /// <summary>
    /// C1 controls (a CRM's Windows-1252 apostrophe read as Latin-1 is U+0092) and noncharacters are allowed by XML, so the
    /// page kept them, but they are parse errors in HTML, raw or as the character references the encoder writes.
    /// </summary>
    [Fact]
    public void WritePortfolio_NamesWithCharactersHtmlForbids_AreReplaced()
    {
        const string Name = "O\u0092Brien\u0085\u007F\uFDD0\uFFFF\U0001FFFE\U0010FFFF\U0001F680";

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, ReportPage.Portfolio(Name, "North\u0080"), ReportPage.AsOf));

        Assert.DoesNotContain(page.Html, c => c is >= '\u007F' and <= '\u009F' or >= '\uFDD0' and <= '\uFDEF');
        Assert.DoesNotContain("&#131070;", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#1114111;", page.Html, StringComparison.Ordinal);
        Assert.Contains(page.All("span"), s => s.Value == "O\uFFFDBrien\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\U0001F680");
        Assert.Contains(page.Document.Descendants().Select(e => e.Value), v => v.Contains("North\uFFFD", StringComparison.Ordinal));
    }
}
