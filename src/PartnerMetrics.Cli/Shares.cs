using PartnerMetrics.Reporting;

namespace PartnerMetrics.Cli;

/// <summary>
/// A share as the tables print it: a percentage never rounded onto 0 %, 100 % or a threshold it is read against when it
/// is not on it (<see cref="HtmlWriter.Beside"/>), as the HTML report prints it. A value win rate of 99.99 % is not
/// 100.0 %, which would say no value was lost; a hunting share of 69.96 % beside "Balanced" is not 70.0 %, a Hunter's.
/// </summary>
internal static class Shares
{
    /// <summary>The hunting share from which a group is a Hunter, and the one up to which it is a Farmer (docs/pipeline.md).</summary>
    public static ReadOnlySpan<double> ProfileThresholds => [0.3, 0.7];

    /// <summary>The percentage of <paramref name="share"/> to <paramref name="decimals"/> places, then " %".</summary>
    /// <param name="share">The share, a fraction of 1.</param>
    /// <param name="decimals">The places shown: 0 or 1.</param>
    /// <param name="bounds">Shares the number is read against, besides 0 and 1.</param>
    public static string Percent(double share, int decimals, params ReadOnlySpan<double> bounds)
    {
        Span<double> percents = stackalloc double[bounds.Length + 2];
        percents[0] = 0;
        percents[1] = 100;
        for (var i = 0; i < bounds.Length; i++)
        {
            percents[i + 2] = 100 * bounds[i];
        }

        return HtmlWriter.Number(HtmlWriter.Beside(100 * share, decimals, percents), decimals == 0 ? "0" : "0.0") + " %";
    }
}
