using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace PartnerMetrics.Reporting;

/// <summary>
/// Writes XHTML-compatible markup (every element closed, void elements self-closed) so the report
/// parses as XML as well as HTML. Every text and attribute value goes through
/// <see cref="WebUtility.HtmlEncode(string, TextWriter)"/>: partner names come from CRM users; a character XML or
/// HTML forbids (a control character, a lone surrogate, a noncharacter such as U+FFFE) is written as U+FFFD first. The markup goes
/// straight to the target writer, so a page of any size is never held whole in memory.
/// </summary>
internal sealed class HtmlWriter(TextWriter builder)
{

    /// <summary>
    /// Formats a number with the invariant culture, so the report reads the same on every machine. A format of digits
    /// only (<c>0.0</c>, <c>0.##</c>) shows the number rounded as the JSON output rounds it (<see cref="Math.Round(double, int)"/>,
    /// midpoints to even): .NET's formatting rounds the 15-digit form half away from zero, so an action worth
    /// 7.7499999999999964 points read +7.8 on the page and 7.7 in the JSON.
    /// </summary>
    public static string Number(double value, string format = "0.##") =>
        format == "0.##" && Hundredths(value) is { } hundredths ? hundredths
        : (Decimals(format) is { } decimals && double.IsFinite(value) ? Math.Round(value, decimals) : value).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>Math.Round(value, 2).ToString("0.##")</c> without parsing the format, for the charts' coordinates (a page of
    /// 20,000 partners writes about a million); <see langword="null"/> outside (−10¹², 10¹²) and for zero, which that
    /// call formats itself. In the range the rounded number is the double nearest a whole number of hundredths, which
    /// its 15 significant digits (what a custom format reads of a double) give exactly; <c>HtmlNumberTests</c> pins the
    /// two against each other over the whole range of doubles.
    /// </summary>
    internal static string? Hundredths(double value)
    {
        var rounded = Math.Round(value, 2);
        if (!(Math.Abs(rounded) < 1e12) || rounded == 0)
        {
            return null;
        }

        var count = (long)Math.Round(rounded * 100);
        var whole = Math.Abs(count) / 100;
        var cents = (int)(Math.Abs(count) % 100);
        Span<char> text = stackalloc char[24];
        var at = 0;
        if (count < 0)
        {
            text[at++] = '-';
        }

        whole.TryFormat(text[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
        if (cents != 0)
        {
            text[at++] = '.';
            text[at++] = (char)('0' + (cents / 10));
            if (cents % 10 != 0)
            {
                text[at++] = (char)('0' + (cents % 10));
            }
        }

        return new string(text[..at]);
    }

    /// <summary>
    /// <paramref name="value"/> rounded to <paramref name="decimals"/> places, but never onto or across a bound it lies strictly on one
    /// side of: a band or profile is decided by the exact number, and the number shown beside it must not say otherwise (a
    /// score of 69.97 beside "Watch" shows 69.9, not 70.0, which reads as Healthy; a hunting share of 30.004 % beside "Balanced"
    /// shows 30.1 %, not 30.0 %, which reads as Farmer). A value equal to a bound shows the bound.
    /// </summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">The places shown.</param>
    /// <param name="bounds">The bounds the number is read against, each a number of at most <paramref name="decimals"/> places.</param>
    public static double Beside(double value, int decimals, params ReadOnlySpan<double> bounds)
    {
        var shown = Math.Round(value, decimals);
        var unit = Math.Pow(10, decimals);
        foreach (var bound in bounds)
        {
            // The step below (above) the bound at most: value × unit may itself round onto the bound's step.
            if (value < bound && shown >= bound)
            {
                shown = Math.Min(Math.Floor(value * unit), Math.Round(bound * unit) - 1) / unit;
            }
            else if (value > bound && shown <= bound)
            {
                shown = Math.Max(Math.Ceiling(value * unit), Math.Round(bound * unit) + 1) / unit;
            }
        }

        return shown;
    }

    /// <summary>The decimals a format of <c>0</c>, <c>#</c> and one point shows; <see langword="null"/> for any other format (<c>N0</c>, <c>P0</c>).</summary>
    private static int? Decimals(string format)
    {
        // Called for every number of a page: a loop, where LINQ over the string allocated two enumerators a number.
        var point = -1;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '.' && point < 0)
            {
                point = i;
            }
            else if (format[i] is not ('0' or '#'))
            {
                return null;
            }
        }

        return point < 0 ? 0 : Math.Min(15, format.Length - point - 1);
    }

    /// <summary>Formats an amount with the invariant culture.</summary>
    public static string Number(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>
    /// An amount to the whole unit (<c>N0</c>), but never rounded onto 0 when it is not 0: an amount above 0 and below 0.5
    /// reads "under 1", for a won value of 0 says nothing was won and a velocity of 0 that nothing is open.
    /// </summary>
    /// <param name="amount">The amount, not negative.</param>
    public static string WholeAmount(decimal amount) => amount is > 0m and < 0.5m ? "under 1" : Number(amount, "N0");

    /// <summary>Writes an opening tag; attributes whose value is <see langword="null"/> are left out.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        builder.Write('>');
        return this;
    }

    /// <summary>Writes a closing tag.</summary>
    public HtmlWriter Close(string tag)
    {
        builder.Write("</");
        builder.Write(tag);
        builder.Write('>');
        return this;
    }

    /// <summary>Writes an element without content, self-closed: <c>&lt;meta /&gt;</c>, <c>&lt;rect /&gt;</c>.</summary>
    public HtmlWriter Empty(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        builder.Write(" />");
        return this;
    }

    /// <summary>Writes an element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>Writes encoded text.</summary>
    public HtmlWriter Text(string text)
    {
        WebUtility.HtmlEncode(XmlSafe(text), builder);
        return this;
    }

    /// <summary>
    /// Replaces every character XML 1.0 or HTML does not allow with U+FFFD: C0 controls but tab and line breaks, lone
    /// surrogates, U+FFFE and U+FFFF, which XML forbids; and the C1 controls (U+007F to U+009F, as a CRM that decoded
    /// Windows-1252 text as Latin-1 leaves them: U+0092 for an apostrophe) and the other noncharacters (U+FDD0 to U+FDEF,
    /// the last two of every plane), which XML allows but are parse errors in HTML, raw or as character references.
    /// </summary>
    public static string XmlSafe(string text)
    {
        var first = FirstForbidden(text);
        if (first < 0)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (Noncharacter(c, text[i + 1]))
                {
                    safe.Append('\uFFFD');
                }
                else
                {
                    safe.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else
            {
                safe.Append(Forbidden(c) ? '\uFFFD' : c);
            }
        }

        return safe.ToString();
    }

    /// <summary>Tab, the line breaks and printable ASCII: what most of a page's text is, and all allowed.</summary>
    private static readonly SearchValues<char> PlainText = SearchValues.Create([.. "\t\n\r", .. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);

    private static int FirstForbidden(string text)
    {
        // A vectorized search skips the plain text, which cannot be part of a surrogate pair; the rest is read a character at a time.
        var plain = text.AsSpan().IndexOfAnyExcept(PlainText);
        if (plain < 0)
        {
            return -1;
        }

        for (var i = plain; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (Noncharacter(c, text[++i]))
                {
                    return i - 1;
                }
            }
            else if (Forbidden(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A character XML or HTML forbids on its own: a surrogate reaches here only when it is not part of a pair.</summary>
    private static bool Forbidden(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c) || c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF';

    /// <summary>Whether a surrogate pair is a noncharacter: one of the last two code points of a plane above the first (U+1FFFE, U+10FFFF).</summary>
    private static bool Noncharacter(char high, char low) => (char.ConvertToUtf32(high, low) & 0xFFFE) == 0xFFFE;

    /// <summary>Writes trusted markup as is: the doctype and the style sheet, never data.</summary>
    public HtmlWriter Raw(string markup)
    {
        builder.Write(markup);
        return this;
    }

    /// <summary>Writes markup that another <see cref="HtmlWriter"/> wrote, as is.</summary>
    public HtmlWriter Raw(StringBuilder markup)
    {
        foreach (var chunk in markup.GetChunks())
        {
            builder.Write(chunk.Span);
        }

        return this;
    }

    /// <summary>Starts a new line, so the page source stays readable; always <c>\n</c>, whatever the platform.</summary>
    public HtmlWriter Line()
    {
        builder.Write('\n');
        return this;
    }

    private void StartTag(string tag, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        builder.Write('<');
        builder.Write(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                builder.Write(' ');
                builder.Write(name);
                builder.Write("=\"");
                WebUtility.HtmlEncode(XmlSafe(value), builder);
                builder.Write('"');
            }
        }
    }
}
