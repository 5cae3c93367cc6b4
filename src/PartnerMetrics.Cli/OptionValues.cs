using System.CommandLine.Parsing;
using System.Globalization;

namespace PartnerMetrics.Cli;

/// <summary>
/// Option values in one form whatever the machine's culture: a day as yyyy-MM-dd, a whole number in digits. A value in any
/// other form is a usage error that names the option and the value — never a day read in another order (05/06/2025 as
/// 6 May), never a crash.
/// </summary>
internal static class OptionValues
{
    /// <summary>One day in the form yyyy-MM-dd.</summary>
    /// <param name="result">The option's tokens.</param>
    /// <param name="option">The option's name, for the error.</param>
    /// <returns>The day; <see langword="null"/> with an error added when the value is not one.</returns>
    public static DateOnly? Day(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (TryDay(text, out var day))
        {
            return day;
        }

        result.AddError(NotADay(option, text));
        return null;
    }

    /// <summary>Reads a day in the form yyyy-MM-dd only.</summary>
    public static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, OpportunityCsv.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>The error of a value that is not a day.</summary>
    public static string NotADay(string option, string text) => $"{option}: '{text}' is not a day in the form {OpportunityCsv.DateFormat}.";

    /// <summary>
    /// A value read by a check of the command line (a validator), or the default when the parser could not read one: an
    /// option that takes one value given twice, or an empty file name. The parser reports those itself, as usage errors;
    /// reading the value would throw instead.
    /// </summary>
    /// <param name="read">Reads the value, such as <c>() =&gt; result.GetValue(option)</c>.</param>
    /// <returns>The value, or the default.</returns>
    public static T? Readable<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    /// <summary>A whole number from <paramref name="least"/> to <paramref name="most"/>.</summary>
    /// <param name="result">The option's tokens.</param>
    /// <param name="option">The option's name, for the error.</param>
    /// <param name="what">What the number is, for the error: "a number of days".</param>
    /// <param name="least">The smallest value accepted.</param>
    /// <param name="most">The largest value accepted.</param>
    /// <returns>The number; <paramref name="least"/> with an error added when the value is not one in range.</returns>
    public static int WholeNumber(ArgumentResult result, string option, string what, int least, int most)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= least && value <= most)
        {
            return value;
        }

        result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option} must be {what} from {least:N0} to {most:N0}; got '{text}'."));
        return least;
    }
}
