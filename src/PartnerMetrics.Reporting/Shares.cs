namespace PartnerMetrics.Reporting;

/// <summary>
/// A share as the reports print it: a percentage never rounded onto 0 %, 100 % or a threshold it is read against when it
/// is not on it (<see cref="HtmlWriter.Beside"/>), in the HTML report and the tool's tables alike. A value win rate of
/// 99.99 % is not 100.0 %, which would say no value was lost; a hunting share of 69.96 % beside "Balanced" is not 70.0 %,
/// a Hunter's.
/// </summary>
internal static class Shares
{
    /// <summary>A hunting share of at least this makes a Hunter (docs/pipeline.md).</summary>
    public const double Hunter = 0.7;

    /// <summary>A hunting share of at most this makes a Farmer.</summary>
    public const double Farmer = 0.3;

    /// <summary>Gets the shares a hunting share is read against: the Farmer and the Hunter thresholds.</summary>
    public static ReadOnlySpan<double> ProfileThresholds => [Farmer, Hunter];

    /// <summary>The percentage of <paramref name="share"/> to <paramref name="decimals"/> places, then " %".</summary>
    /// <param name="share">The share, a fraction of 1.</param>
    /// <param name="decimals">The places shown: 0 or 1.</param>
    /// <param name="bounds">Shares the number is read against, besides 0 and 1.</param>
    public static string Percent(double share, int decimals, params ReadOnlySpan<double> bounds) =>
        HtmlWriter.Number(Shown(share, decimals, bounds), decimals == 0 ? "0" : "0.0") + " %";

    /// <summary>The percentage <see cref="Percent"/> shows of <paramref name="share"/>, as a number.</summary>
    /// <param name="share">The share, a fraction of 1.</param>
    /// <param name="decimals">The places shown.</param>
    /// <param name="bounds">Shares the number is read against, besides 0 and 1.</param>
    public static double Shown(double share, int decimals, params ReadOnlySpan<double> bounds)
    {
        Span<double> percents = stackalloc double[bounds.Length + 2];
        percents[0] = 0;
        percents[1] = 100;
        for (var i = 0; i < bounds.Length; i++)
        {
            percents[i + 2] = 100 * bounds[i];
        }

        return HtmlWriter.Beside(100 * share, decimals, percents);
    }
}
