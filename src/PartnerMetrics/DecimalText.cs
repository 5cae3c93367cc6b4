using System.Globalization;

namespace PartnerMetrics;

/// <summary>
/// Whether a decimal parsed from text is the number the text writes. .NET's parsers round a number with more digits than a
/// decimal holds (28 after the point, 28 or 29 in all) rather than refuse it, so an amount of
/// <c>0.00000000000000000000000000001</c> read 0 and passed every check of its decimals. Shared, as a linked file, by the
/// readers of JSON, of CSV on the command line, of CRM exports and of configuration.
/// </summary>
internal static class DecimalText
{
    /// <summary>Whether <paramref name="value"/> is exactly the number written as <paramref name="text"/> (digits, an optional sign, point and exponent; white space around).</summary>
    public static bool IsExact(ReadOnlySpan<char> text, decimal value)
    {
        text = text.Trim();

        // Without an exponent, 28 characters hold at most 28 digits, each of which a decimal keeps.
        if (text.Length <= 28 && text.IndexOfAny('e', 'E') < 0)
        {
            return true;
        }

        Span<char> written = stackalloc char[64];
        return value.TryFormat(written, out var length, default, CultureInfo.InvariantCulture) && Canonical(text) == Canonical(written[..length]);
    }

    /// <summary>A number as its significant digits and the power of ten of the first: <c>0.0120e2</c> and <c>1.2</c> are both ("12", 0).</summary>
    private static (string Digits, long Exponent) Canonical(ReadOnlySpan<char> number)
    {
        var digits = new System.Text.StringBuilder();
        long point = -1, exponent = 0;
        var i = number.Length > 0 && number[0] is '-' or '+' ? 1 : 0;
        for (; i < number.Length && number[i] is not ('e' or 'E'); i++)
        {
            if (number[i] == '.')
            {
                point = digits.Length;
            }
            else
            {
                digits.Append(number[i]);
            }
        }

        if (i < number.Length && !long.TryParse(number[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            // An exponent past 64 bits: no decimal is that number.
            return ("?", long.MinValue);
        }

        // The power of ten of the first digit written, then of the first significant one.
        var text = digits.ToString();
        var power = (point < 0 ? text.Length : point) - 1 + exponent;
        var leading = text.Length - text.TrimStart('0').Length;
        text = text.Trim('0');
        return text.Length == 0 ? ("", 0) : (text, power - leading);
    }
}
