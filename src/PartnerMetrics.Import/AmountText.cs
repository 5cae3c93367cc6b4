using System.Globalization;

namespace PartnerMetrics.Import;

/// <summary>Reads an amount as CRMs write it: a sign or parentheses, currency symbols, and thousands separators between groups of three digits.</summary>
internal static class AmountText
{
    private const int MaxLength = 64;

    /// <summary>
    /// An amount a worksheet holds as a double: its shortest round-trip digits; or, when those run past the four decimal
    /// places an amount may have only because binary cannot hold a decimal (a cell of =0.1+0.2 holds 0.30000000000000004),
    /// the four-decimal amount whose double lies within four units in the last place of it. A genuinely finer amount
    /// (0.12345) keeps its digits, for the model to reject.
    /// </summary>
    public static decimal FromWorksheet(double number)
    {
        var digits = decimal.Parse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
        var rounded = decimal.Round(digits, PartnerMetrics.Pipeline.Opportunity.MaxDecimals);
        var unit = Math.BitIncrement(Math.Abs(number)) - Math.Abs(number);
        return rounded != digits && Math.Abs((double)rounded - number) <= 4 * unit ? rounded : digits;
    }

    /// <summary>Reads <paramref name="text"/> (without its currency code) with <paramref name="decimalSeparator"/>, '.' or ','.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, char decimalSeparator, out decimal amount)
    {
        amount = 0;
        Span<char> number = stackalloc char[MaxLength];
        var length = 0;
        var negative = false;
        var signed = false;
        var seenDecimal = false;
        var digitsInGroup = -1;   // -1: no thousands separator seen yet
        var digits = 0;
        text = WithoutTrailingSymbols(text.Trim());
        if (text.Length > 1 && text[0] == '(' && text[^1] == ')')
        {
            negative = true;
            text = WithoutTrailingSymbols(text[1..^1]);
        }

        foreach (var c in text)
        {
            // Digits first: most characters of an amount are digits, and no digit is a symbol or a space.
            if (char.IsAsciiDigit(c))
            {
                if (length == MaxLength)
                {
                    return false;
                }

                number[length++] = c;
                digits++;
                if (digitsInGroup >= 0 && !seenDecimal)
                {
                    digitsInGroup++;
                }

                continue;
            }

            // Before the digits: currency symbols and spaces ("$ 5"), and one sign; after them a symbol only closes the amount (above).
            if (digits == 0 && (char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol || char.IsWhiteSpace(c)))
            {
                continue;
            }

            if (c is '-' or '+' && digits == 0 && !negative && !signed)
            {
                (negative, signed) = (c == '-', true);
                continue;
            }

            if (c == decimalSeparator && !seenDecimal && digits > 0 && digitsInGroup is -1 or 3)
            {
                if (length == MaxLength)
                {
                    return false;
                }

                seenDecimal = true;
                number[length++] = '.';
                continue;
            }

            // A thousands separator: the first group has one to three digits and no leading 0 ("0,500" and "1234,567" are no
            // grouped numbers), and every group after it has three.
            if (c is ',' or '.' or ' ' or '\u00A0' or '\u202F' or '\'' && c != decimalSeparator && !seenDecimal && digits > 0
                && (digitsInGroup is 3 || (digitsInGroup is -1 && digits <= 3 && number[0] != '0')))
            {
                digitsInGroup = 0;
                continue;
            }

            // Digits after the decimal separator may be grouped by spaces, as SI writes them ("3,141 59"); no other space is part of an amount.
            if (c is ' ' or '\u00A0' or '\u202F' && seenDecimal)
            {
                continue;
            }

            return false;
        }

        if (digits == 0 || digitsInGroup is 0 or 1 or 2 || (digitsInGroup > 3 && !seenDecimal) || number[length - 1] == '.')
        {
            return false;
        }

        // More digits than a decimal holds would be read rounded (0.00000000000000000000000000001 as 0): not an amount.
        if (!Exact(number[..length], out amount)
            && !(decimal.TryParse(number[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount) && DecimalText.IsExact(number[..length], amount)))
        {
            amount = 0;
            return false;
        }

        amount = negative ? -amount : amount;
        return true;
    }

    /// <summary>
    /// Digits with at most one decimal point, up to 18 digits, as the decimal <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out decimal)"/>
    /// reads them (the same value and scale, so "12.50" keeps its two decimals), without its general parser.
    /// </summary>
    /// <returns><see langword="false"/> for more digits, which the general parser reads.</returns>
    internal static bool Exact(ReadOnlySpan<char> number, out decimal amount)
    {
        amount = 0;
        ulong mantissa = 0;
        var count = 0;
        var scale = 0;
        var afterPoint = false;
        foreach (var c in number)
        {
            if (c == '.')
            {
                afterPoint = true;
                continue;
            }

            if (++count > 18)
            {
                return false;
            }

            mantissa = (mantissa * 10) + (ulong)(c - '0');
            scale += afterPoint ? 1 : 0;
        }

        amount = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, isNegative: false, (byte)scale);
        return true;
    }

    /// <summary>Currency symbols and spaces may close an amount ("1 234 €"): inside it a space is only a separator.</summary>
    private static ReadOnlySpan<char> WithoutTrailingSymbols(ReadOnlySpan<char> text)
    {
        while (text.Length > 0 && (char.IsWhiteSpace(text[^1]) || char.GetUnicodeCategory(text[^1]) == UnicodeCategory.CurrencySymbol))
        {
            text = text[..^1];
        }

        return text;
    }
}
