using System.Globalization;

namespace PartnerMetrics.Cli;

/// <summary>The cells of a rejects file of <c>--skip-invalid</c>: text from the export, written so that a spreadsheet shows it and never runs it.</summary>
internal static class RejectsCsv
{
    /// <summary>
    /// A text cell, quoted as in RFC 4180 (a quote doubled). Text a spreadsheet would read as a formula — it starts with
    /// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return — starts with an apostrophe, which the
    /// spreadsheet shows as text: the rejects list what an export holds, and an export may hold
    /// <c>=HYPERLINK(…)</c>. A number such as <c>-250</c> is left as it is.
    /// </summary>
    /// <param name="text">The text; <see langword="null"/> is an empty cell.</param>
    /// <returns>The cell.</returns>
    public static string Cell(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        var shown = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(text) ? "'" + text : text;
        return $"\"{shown.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static bool IsNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);
}
