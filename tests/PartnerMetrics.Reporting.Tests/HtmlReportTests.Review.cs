using System.Xml.Linq;

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

    /// <summary>
    /// A name's own pop directional isolate (U+2069) closed the page's isolate around it in tooltips and chart labels, so
    /// that an override after it (U+202E) reversed the figures that follow; a line break ended the isolate too.
    /// </summary>
    [Theory]
    [InlineData("Acme\u2069\u202Eevil")]
    [InlineData("Acme\u2067\u202Eevil")]
    [InlineData("Acme\n\u202Eevil")]
    public void WritePortfolio_ANameThatClosesOrOpensAnIsolate_StaysInsideItsOwn(string name)
    {
        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, ReportPage.Portfolio(name, name), ReportPage.AsOf));

        var isolated = page.Document.Descendants().SelectMany(e => e.Attributes().Select(a => a.Value).Concat(e.Nodes().OfType<XText>().Select(t => t.Value)))
            .Where(v => v.Contains('\u2068', StringComparison.Ordinal) && v.Contains("evil", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(isolated);
        foreach (var value in isolated)
        {
            Assert.True(Balanced(value), $"Unbalanced isolates in: {value}");
            Assert.DoesNotContain('\n', value);
        }
    }

    /// <summary>Whether every isolate initiator (U+2066 to U+2068) in <paramref name="text"/> is closed by a pop directional isolate (U+2069) and no pop closes nothing.</summary>
    private static bool Balanced(string text)
    {
        var open = 0;
        foreach (var c in text)
        {
            open += c switch { '\u2066' or '\u2067' or '\u2068' => 1, '\u2069' => -1, _ => 0 };
            if (open < 0)
            {
                return false;
            }
        }

        return open == 0;
    }
}
