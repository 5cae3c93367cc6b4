using System.Globalization;
using System.Net;
using System.Text;

namespace PartnerMetrics.Cli;

/// <summary>
/// Writes XHTML-compatible markup (every element closed, void elements self-closed) so the report
/// parses as XML as well as HTML. Every text and attribute value goes through
/// <see cref="WebUtility.HtmlEncode(string)"/>: partner names come from CRM users.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder builder = new();

    /// <summary>Formats a number with the invariant culture, so the report reads the same on every machine.</summary>
    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Formats an amount with the invariant culture.</summary>
    public static string Number(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Writes an opening tag; attributes whose value is <see langword="null"/> are left out.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        builder.Append('>');
        return this;
    }

    /// <summary>Writes a closing tag.</summary>
    public HtmlWriter Close(string tag)
    {
        builder.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Writes an element without content, self-closed: <c>&lt;meta /&gt;</c>, <c>&lt;rect /&gt;</c>.</summary>
    public HtmlWriter Empty(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        builder.Append(" />");
        return this;
    }

    /// <summary>Writes an element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>Writes encoded text.</summary>
    public HtmlWriter Text(string text)
    {
        builder.Append(WebUtility.HtmlEncode(text));
        return this;
    }

    /// <summary>Writes trusted markup as is: the doctype and the style sheet, never data.</summary>
    public HtmlWriter Raw(string markup)
    {
        builder.Append(markup);
        return this;
    }

    /// <summary>Starts a new line, so the page source stays readable; always <c>\n</c>, whatever the platform.</summary>
    public HtmlWriter Line()
    {
        builder.Append('\n');
        return this;
    }

    public override string ToString() => builder.ToString();

    private void StartTag(string tag, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        builder.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                builder.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
            }
        }
    }
}
