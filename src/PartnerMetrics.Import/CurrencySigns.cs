using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;

namespace PartnerMetrics.Import;

/// <summary>
/// The currencies a sign written in an amount can stand for ("$5,000", "1 234 €"), so that a sign counts as the amount's
/// currency the way a code does: two signs, or a sign and a code, of different currencies cannot be added up. Before,
/// a sign was dropped, and "$5,000" and "€5,000" summed to 10,000. A sign of several currencies ($ of the dollars and
/// pesos, ¥ of the yen and the yuan) agrees with each of them; a sign missing from this table (¢, ¤, ₿) with none.
/// </summary>
internal static class CurrencySigns
{
    /// <summary>The characters of an amount without a sign: digits, separators, a sign of the number.</summary>
    private static readonly SearchValues<char> Plain = SearchValues.Create("0123456789.,'+-() ");

    /// <summary>The dollars and pesos written with $.</summary>
    private static readonly string[] Dollars = ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD", "MXN", "ARS", "CLP", "COP", "CUP", "DOP", "UYU", "BSD", "BBD", "BZD", "BMD", "BND", "KYD", "JMD", "LRD", "NAD", "SBD", "SRD", "TTD", "XCD", "GYD", "FJD"];

    private static readonly FrozenDictionary<char, string[]> Codes = new Dictionary<char, string[]>
    {
        ['$'] = Dollars,
        ['€'] = ["EUR"],
        ['£'] = ["GBP", "EGP", "FKP", "GIP", "SHP"],
        ['¥'] = ["JPY", "CNY"],
        ['₹'] = ["INR"],
        ['₨'] = ["PKR", "LKR", "NPR", "MUR", "SCR"],
        ['₩'] = ["KRW", "KPW"],
        ['₽'] = ["RUB"],
        ['₺'] = ["TRY"],
        ['₪'] = ["ILS"],
        ['₫'] = ["VND"],
        ['₱'] = ["PHP"],
        ['₦'] = ["NGN"],
        ['₴'] = ["UAH"],
        ['₸'] = ["KZT"],
        ['฿'] = ["THB"],
        ['₡'] = ["CRC"],
        ['₲'] = ["PYG"],
        ['₭'] = ["LAK"],
        ['₮'] = ["MNT"],
        ['₼'] = ["AZN"],
        ['₾'] = ["GEL"],
        ['₵'] = ["GHS"],
        ['៛'] = ["KHR"],
        ['֏'] = ["AMD"],
        ['৳'] = ["BDT"],
        ['﷼'] = ["IRR", "SAR", "OMR", "QAR", "YER"],

        // The full-width and small forms East Asian text writes, as NFKC would fold them.
        ['＄'] = Dollars,
        ['﹩'] = Dollars,
        ['￥'] = ["JPY", "CNY"],
        ['￡'] = ["GBP", "EGP", "FKP", "GIP", "SHP"],
        ['￦'] = ["KRW", "KPW"],
    }.ToFrozenDictionary();

    /// <summary>Each known sign's <see cref="Mark"/>, made once: an import asks for it on every row.</summary>
    private static readonly FrozenDictionary<char, string> Marks = Codes.ToFrozenDictionary(sign => sign.Key, sign => sign.Value is [var only] ? only : sign.Key.ToString());

    /// <summary>Signs of letters and $ that name one currency each, longest first (US$ before S$).</summary>
    private static readonly (string Sign, string Code)[] Lettered =
        [("US$", "USD"), ("CA$", "CAD"), ("AU$", "AUD"), ("NZ$", "NZD"), ("HK$", "HKD"), ("NT$", "TWD"), ("MX$", "MXN"), ("R$", "BRL"), ("A$", "AUD"), ("S$", "SGD")];

    /// <summary>
    /// Whether <paramref name="text"/> begins or ends with a sign of letters and $ that names one currency (<c>US$5</c>,
    /// <c>R$ 5.000,00</c>, <c>5 R$</c>): its code, and the amount without it.
    /// </summary>
    public static bool TryLettered(ReadOnlySpan<char> text, out string code, out ReadOnlySpan<char> rest)
    {
        foreach (var (sign, currency) in Lettered)
        {
            if (text.StartsWith(sign, StringComparison.Ordinal) || text.EndsWith(sign, StringComparison.Ordinal))
            {
                code = currency;
                rest = (text.StartsWith(sign, StringComparison.Ordinal) ? text[sign.Length..] : text[..^sign.Length]).Trim(' ');
                return true;
            }
        }

        code = string.Empty;
        rest = text;
        return false;
    }

    /// <summary>Whether <paramref name="text"/> has the form of an ISO 4217 code: three capital letters.</summary>
    public static bool IsCode(ReadOnlySpan<char> text) => text.Length == 3 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]) && char.IsAsciiLetterUpper(text[2]);

    /// <summary>Whether <paramref name="c"/> is a currency sign (Unicode's currency symbols: $, €, ¢, ¤ …).</summary>
    public static bool IsSign(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol;

    /// <summary>The currency sign written in an amount's text: '\0' when there is none; <paramref name="several"/> when it has two different ones.</summary>
    public static char Of(ReadOnlySpan<char> text, out bool several)
    {
        var sign = '\0';
        several = false;

        // Most amounts are digits and separators only: one vectorized search says so (an import asks on every row).
        var start = text.IndexOfAnyExcept(Plain);
        if (start < 0)
        {
            return sign;
        }

        foreach (var c in text[start..])
        {
            if (!char.IsAsciiDigit(c) && IsSign(c))
            {
                several |= sign != '\0' && sign != c;
                sign = c;
            }
        }

        return sign;
    }

    /// <summary>The codes <paramref name="sign"/> stands for; empty for a sign not in the table.</summary>
    public static string[] CodesOf(char sign) => Codes.GetValueOrDefault(sign) ?? [];

    /// <summary>Whether <paramref name="sign"/> can be written for an amount in <paramref name="code"/>.</summary>
    public static bool Agrees(char sign, ReadOnlySpan<char> code)
    {
        foreach (var known in Codes.GetValueOrDefault(sign) ?? [])
        {
            if (code.SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What an amount written with <paramref name="sign"/> and no code is in, for telling two currencies apart: the code
    /// of a sign of one currency (€ is EUR, so "€5" and "EUR 5" agree), else the sign itself ("$").
    /// </summary>
    public static string Mark(char sign) => Marks.GetValueOrDefault(sign) ?? sign.ToString();

    /// <summary>The currencies a sign stands for, for a message: "EUR", "USD, CAD, …"; empty for a sign not in the table.</summary>
    public static string Describe(char sign) => Codes.GetValueOrDefault(sign) switch
    {
        null => string.Empty,
        [var only] => only,
        { Length: <= 3 } few => string.Join(", ", few),
        var several => $"{string.Join(", ", several.Take(3))}, …",
    };
}
