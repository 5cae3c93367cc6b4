using System.Globalization;
using System.Text;

namespace PartnerMetrics.Reporting;

/// <summary>
/// The few inline SVG shapes the HTML report draws with: bars, labels and sparklines. Colours come
/// from CSS classes, so the palette lives in one style sheet.
/// </summary>
internal static class Svg
{
    /// <summary>The width of the ellipsis that ends a shortened label, and of the padding a label keeps.</summary>
    private const double EllipsisWidth = 12;
    private const double Padding = 8;

    /// <summary>Opens an <c>svg</c> element with an accessible name, given both as <c>aria-label</c> and as a <c>title</c> child (the tooltip).</summary>
    public static HtmlWriter OpenSvg(this HtmlWriter writer, double width, double height, string label, string? cssClass = null) =>
        writer.Open(
                "svg",
                ("class", cssClass),
                ("width", N(width)),
                ("height", N(height)),
                ("viewBox", string.Create(CultureInfo.InvariantCulture, $"0 0 {N(width)} {N(height)}")),
                ("role", "img"),
                ("aria-label", label))
            .Element("title", label);

    /// <summary>Draws a rectangle, with an optional tooltip.</summary>
    public static HtmlWriter Rect(this HtmlWriter writer, double x, double y, double width, double height, string cssClass, string? tooltip = null)
    {
        (string, string?)[] attributes = [("class", cssClass), ("x", N(x)), ("y", N(y)), ("width", N(width)), ("height", N(height))];
        return tooltip is null ? writer.Empty("rect", attributes) : writer.Open("rect", attributes).Element("title", tooltip).Close("rect");
    }

    /// <summary>Writes a text label; <paramref name="anchor"/> is <c>start</c>, <c>middle</c> or <c>end</c>.</summary>
    public static HtmlWriter Label(this HtmlWriter writer, double x, double y, string text, string? cssClass = null, string anchor = "start") =>
        writer.Element("text", text, ("class", cssClass), ("x", N(x)), ("y", N(y)), ("text-anchor", anchor == "start" ? null : anchor));

    /// <summary>Whether a 12px label fits in a width, with some padding.</summary>
    public static bool Fits(string text, double width) => Width(text) + Padding <= width;

    /// <summary>
    /// Cuts a 12px label that would not fit in a width, ending it with an ellipsis (SVG text does not wrap or clip by itself).
    /// It is cut between what a reader sees as characters (grapheme clusters), never inside one made of several code points:
    /// cut inside, a flag showed half of itself as a lone letter, a family emoji lost a child, and "Ré" written with a
    /// combining accent read "Re".
    /// </summary>
    public static string Shorten(string text, double width)
    {
        if (Fits(text, width))
        {
            return text;
        }

        var room = width - Padding - EllipsisWidth;
        var used = 0.0;
        var keep = 0;
        while (keep < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text, keep);
            used += Width(text.Substring(keep, length));
            if (used > room)
            {
                break;
            }

            keep += length;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }

    /// <summary>
    /// The width a label takes in the report's 12px bold system font, estimated generously per character: a wide
    /// (CJK, full-width) character or an emoji takes a whole em, a capital or a digit more than a lower-case letter,
    /// and a few narrow letters and punctuation less. The page has no fonts of its own, so an estimate is all there
    /// is; erring wide shortens a label that would have fit, never leaves one running under a bar.
    /// </summary>
    public static double Width(string text)
    {
        var width = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune);
        }

        return width;
    }

    private static double Width(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x1F000 => 12.5,
        'i' or 'j' or 'l' or 'f' or 't' or 'r' or 'I' or '.' or ',' or ':' or ';' or '\'' or '|' or '!' or ' ' => 4.5,
        'm' or 'w' or 'M' or 'W' => 11,
        _ when Rune.IsUpper(rune) || Rune.IsDigit(rune) => 8.8,
        _ => 7.2,
    };

    /// <summary>
    /// Draws segments side by side from <paramref name="x"/>, each as wide as its share of
    /// <paramref name="scale"/>, each with a tooltip and, when it fits, its label inside.
    /// </summary>
    public static HtmlWriter StackedBar(this HtmlWriter writer, double x, double y, double width, double height, double scale, IEnumerable<BarSegment> segments)
    {
        var left = x;
        foreach (var segment in segments.Where(s => s.Value > 0))
        {
            var size = width * segment.Value / scale;
            writer.Rect(left, y, size, height, "bar " + segment.Tone, segment.Tooltip);
            if (Fits(segment.Label, size))
            {
                writer.Label(left + (size / 2), y + (height / 2) + 4, segment.Label, "bar-text " + segment.Tone, "middle");
            }

            left += size;
        }

        return writer;
    }

    /// <summary>
    /// Draws a line through the values on a fixed vertical scale, one point per step from left to
    /// right, over shaded zones of the scale; a missing value breaks the line. The last value gets a dot.
    /// </summary>
    public static HtmlWriter Sparkline(this HtmlWriter writer, IReadOnlyList<double?> values, double width, double height, double min, double max, string dotClass, IEnumerable<SparkZone> zones)
    {
        const double Pad = 3;
        double X(int i) => values.Count == 1 ? width / 2 : Pad + ((width - (2 * Pad)) * i / (values.Count - 1));
        double Y(double value) => height - Pad - ((height - (2 * Pad)) * (Math.Clamp(value, min, max) - min) / (max - min));

        foreach (var zone in zones.Where(z => z.To > min && z.From < max))
        {
            writer.Rect(0, Y(zone.To), width, Y(zone.From) - Y(zone.To), zone.CssClass);
        }

        var path = new StringBuilder();
        var drawing = false;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                path.Append(drawing ? " L" : path.Length == 0 ? "M" : " M").Append(N(X(i))).Append(' ').Append(N(Y(value)));
                drawing = true;
            }
            else
            {
                drawing = false;
            }
        }

        if (path.Length > 0)
        {
            writer.Empty("path", ("class", "spark-line"), ("d", path.ToString()));
        }

        if (values.Count > 0 && values[^1] is { } last)
        {
            writer.Empty("circle", ("class", dotClass), ("cx", N(X(values.Count - 1))), ("cy", N(Y(last))), ("r", "3"));
        }

        return writer;
    }

    /// <summary>A horizontal line across a chart, such as a band threshold.</summary>
    public static HtmlWriter Rule(this HtmlWriter writer, double x1, double x2, double y, string cssClass) =>
        writer.Empty("line", ("class", cssClass), ("x1", N(x1)), ("x2", N(x2)), ("y1", N(y)), ("y2", N(y)));

    private static string N(double value) => HtmlWriter.Number(value);
}

/// <summary>One part of a stacked bar.</summary>
/// <param name="Value">Its size, in the bar's unit.</param>
/// <param name="Tone">The CSS class that sets its colours, such as <c>band-healthy</c>.</param>
/// <param name="Label">The text drawn inside when it fits.</param>
/// <param name="Tooltip">The text shown on hover.</param>
internal readonly record struct BarSegment(double Value, string Tone, string Label, string Tooltip);

/// <summary>A shaded range of a sparkline's scale, such as a band.</summary>
/// <param name="From">The low end, in the scale's unit.</param>
/// <param name="To">The high end.</param>
/// <param name="CssClass">Its fill.</param>
internal readonly record struct SparkZone(double From, double To, string CssClass);
