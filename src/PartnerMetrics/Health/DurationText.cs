using System.Globalization;

namespace PartnerMetrics.Health;

/// <summary>
/// A model's duration as a reason or an action writes it: in the largest of days, hours and minutes that writes it exactly
/// with at most two decimals, else in seconds. Written to two places in days, a response
/// target of 20 seconds read "within 0 days", and in hours "0.01 h".
/// </summary>
internal static class DurationText
{
    /// <summary>The duration in words: "2 days", "1 day", "1.5 days", "31 hours", "20 minutes", "20 seconds".</summary>
    public static string Words(TimeSpan span) => Write(span, " day", " days", " hour", " hours", " minute", " minutes", " second", " seconds");

    /// <summary>The duration with a unit's symbol: "2 d", "31 h", "20 min", "20 s".</summary>
    public static string Symbols(TimeSpan span) => Write(span, " d", " d", " h", " h", " min", " min", " s", " s");

    /// <summary>A duration a reason carries as a number of days (<see cref="FactorFacts.Measure"/>), in words.</summary>
    public static string Days(double days) => Words(TimeSpan.FromDays(days));

    private static string Write(TimeSpan span, string day, string days, string hour, string hours, string minute, string minutes, string second, string seconds) =>
        Exact(span.TotalDays) ? Amount(span.TotalDays, day, days)
        : Exact(span.TotalHours) ? Amount(span.TotalHours, hour, hours)
        : Exact(span.TotalMinutes) ? Amount(span.TotalMinutes, minute, minutes)
        : Amount(span.TotalSeconds, second, seconds);

    private static string Amount(double value, string one, string many) =>
        value.ToString("0.#######", CultureInfo.InvariantCulture) + (value == 1 ? one : many);

    /// <summary>Whether a number is written exactly with at most two decimals.</summary>
    private static bool Exact(double value) => Math.Round(value, 2) == value;
}
