using System.Collections.Immutable;
using System.Text;

namespace PartnerMetrics.Reporting.Tests;

/// <summary>
/// The rows of a large page are written on all cores, a run of items each, and copied to the page in order
/// (<c>HtmlReport.EachInOrder</c>): the page must be the one written item after item, to the character.
/// </summary>
public sealed class EachInOrderTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(7, 3)]
    [InlineData(256, 256)]
    [InlineData(257, 256)]
    [InlineData(1_000, 7)]
    [InlineData(5_000, 256)]
    [InlineData(20_011, 256)]
    public void EachInOrder_WritesWhatOneItemAfterAnotherWrites(int count, int runLength)
    {
        var items = Enumerable.Range(0, count).ToImmutableArray();

        Assert.Equal(Written(html => { foreach (var item in items) { Row(html, item); } }), Written(html => HtmlReport.EachInOrder(html, items, Row, runLength)));
    }

    [Fact]
    public void EachInOrder_AnItemThatThrows_ThrowsItAsItWasThrown_AndNothingOfItsRunIsWritten()
    {
        var items = Enumerable.Range(0, 100).ToImmutableArray();
        var text = new StringBuilder();
        using var writer = new StringWriter(text);

        var error = Assert.Throws<InvalidOperationException>(() => HtmlReport.EachInOrder(new HtmlWriter(writer), items, (html, item) => Row(html, item == 42 ? throw new InvalidOperationException("row 42") : item), 10));

        Assert.Equal("row 42", error.Message);
        Assert.DoesNotContain("data-item=\"40\"", text.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A row whose markup depends on its item: text that needs encoding, an attribute, nested elements.</summary>
    private static void Row(HtmlWriter html, int item) =>
        html.Open("tr", ("data-item", item.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("class", "row-" + (item % 5)))
            .Element("td", $"<item {item} & \"more\">")
            .Close("tr").Line();

    private static string Written(Action<HtmlWriter> write)
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
        {
            write(new HtmlWriter(writer));
        }

        return text.ToString();
    }
}
