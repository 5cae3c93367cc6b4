namespace PartnerMetrics.Import;

/// <summary>
/// A day format of numbers and separators only (<c>M/d/yyyy</c>, <c>yyyy-MM-dd</c>, <c>dd.MM.yyyy</c>), read without
/// the general parser and without hashing the text: a million-row export has two or three dates a row, and looking
/// each up among the days already read took a twentieth of an import.
/// </summary>
/// <remarks>
/// It reads a day exactly as <see cref="DateTime.TryParseExact(string, string, IFormatProvider, System.Globalization.DateTimeStyles, out DateTime)"/>
/// with the invariant culture does for this one format (<c>M</c> and <c>d</c> one or two digits, <c>MM</c> and
/// <c>dd</c> two, <c>yyyy</c> four, ASCII digits only, a real calendar day), and gives up on everything else, white
/// space included: the caller then asks the general parser, which decides. So it can only be quicker, never different.
/// </remarks>
internal sealed class NumericDayFormat
{
    private readonly Part[] parts;

    private NumericDayFormat(Part[] parts) => this.parts = parts;

    /// <summary>The format as numbers and separators; <see langword="null"/> when it has anything else (a time, a month name, quotes).</summary>
    public static NumericDayFormat? Of(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var parts = new List<Part>();
        var seen = string.Empty;
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            switch (c)
            {
                case 'y' when run == 4:
                case 'M' or 'd' when run <= 2:
                    if (seen.Contains(c, StringComparison.Ordinal))
                    {
                        return null;
                    }

                    seen += c;
                    parts.Add(new Part(c, run));
                    break;
                case '/' or '-' or '.':
                    for (var n = 0; n < run; n++)
                    {
                        parts.Add(new Part(c, 0));
                    }

                    break;
                default:
                    return null;
            }

            i += run;
        }

        // Each of year, month and day once; a field of one or two digits ends at a separator or at the end, so that
        // reading it greedily (as the general parser does) cannot take a digit of the next field.
        for (var p = 0; p < parts.Count; p++)
        {
            if (parts[p].Digits == 1 && p + 1 < parts.Count && parts[p + 1].Digits > 0)
            {
                return null;
            }
        }

        return seen.Length == 3 ? new NumericDayFormat([.. parts]) : null;
    }

    /// <summary>Reads <paramref name="text"/> as a day of this format.</summary>
    /// <returns>Whether the whole text is a real day in this format; when not, nothing is decided.</returns>
    public bool TryParse(ReadOnlySpan<char> text, out DateOnly day)
    {
        day = default;
        int year = 0, month = 0, dayOfMonth = 0, at = 0;
        foreach (var part in parts)
        {
            if (part.Digits == 0)
            {
                if (at >= text.Length || text[at] != part.Token)
                {
                    return false;
                }

                at++;
                continue;
            }

            // One digit in the format reads one or two; more reads exactly that many.
            var most = part.Digits == 1 ? 2 : part.Digits;
            var value = 0;
            var read = 0;
            while (read < most && at < text.Length && char.IsAsciiDigit(text[at]))
            {
                value = (value * 10) + (text[at] - '0');
                at++;
                read++;
            }

            if (read < part.Digits)
            {
                return false;
            }

            switch (part.Token)
            {
                case 'y':
                    year = value;
                    break;
                case 'M':
                    month = value;
                    break;
                default:
                    dayOfMonth = value;
                    break;
            }
        }

        if (at != text.Length || year is < 1 or > 9999 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        day = new DateOnly(year, month, dayOfMonth);
        return true;
    }

    /// <summary>A field (<c>y</c>, <c>M</c> or <c>d</c> with its digits in the format) or, with no digits, a separator.</summary>
    private readonly record struct Part(char Token, int Digits);
}
