using static System.FormattableString;

namespace PartnerMetrics.Cli;

/// <content>The page of <c>pipeline --format html</c>: the metrics of each group and of all deals, and why a figure is missing.</content>
internal static partial class HtmlReport
{
    /// <summary>Renders the pipeline page as a string; lines end with <c>\n</c> on every platform.</summary>
    public static string Render(PipelineReport report)
    {
        using var page = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(report, page);
        return page.ToString();
    }

    /// <summary>Writes the pipeline page to <paramref name="writer"/> as it goes; lines end with <c>\n</c> on every platform.</summary>
    public static void Write(PipelineReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        var total = report.Total;
        var by = report.By.Count == 0 ? "all deals" : $"by {string.Join(" × ", report.By)}";
        var html = Page(writer, $"Pipeline of {report.Input}");
        html.Open("header").Line()
            .Element("h1", "Hunting versus farming").Line()
            .Element("p", Invariant($"Pipeline of {report.Input} · {total.Deals:N0} deals, {by}"), ("class", "subtitle")).Line()
            .Open("ul", ("class", "kpis")).Line();
        Kpi(html, "Won value", Money(total.WonValue), Invariant($"{total.Won:N0} deals won"));
        Kpi(html, "Win rate", Percent(total.WinRateByCount), "of closed deals, by count");
        Kpi(html, "Win rate by value", Percent(total.WinRateByValue), total.WinRateByValue is null ? "undefined: see below" : "of closed value");
        Kpi(html, "Hunting share", Percent(total.HuntingShareByValue), "of won value: new logos");
        Kpi(html, "Profile", total.Profile ?? "–", "hunter, farmer or balanced");
        html.Close("ul").Line().Close("header").Line();

        Section(html, "groups", "Metrics per group", "Win rates, won value, hunting share, won cycle in days, velocity (value per day) and partner concentration (HHI, 0 to 10,000). A dash is a figure that is undefined.", () =>
        {
            string[] columns = ["Deals", "Won", "Win rate", "By value", "Won value", "Hunting", "Cycle mean", "Cycle median", "Velocity", "Partner HHI", "Profile"];
            html.Open("table").Line().Open("thead").Open("tr");
            foreach (var key in report.By.Count == 0 ? ["Group"] : report.By)
            {
                html.Element("th", char.ToUpperInvariant(key[0]) + key[1..], ("scope", "col"));
            }

            foreach (var column in columns)
            {
                html.Element("th", column, ("scope", "col"));
            }

            html.Close("tr").Close("thead").Line().Open("tbody").Line();
            foreach (var row in report.Groups)
            {
                html.Open("tr");
                foreach (var key in report.By.Count == 0 ? ["All deals"] : report.By.Select(k => row.Key![k] ?? "(none)"))
                {
                    html.Element("th", key, ("scope", "row"));
                }

                Cells(html, row);
                html.Close("tr").Line();
            }

            html.Close("tbody").Line();
            if (report.By.Count > 0)
            {
                html.Open("tfoot").Open("tr").Element("th", "Total", ("scope", "row"), ("colspan", Invariant($"{report.By.Count}")));
                Cells(html, total);
                html.Close("tr").Close("tfoot").Line();
            }

            html.Close("table").Line();
        });

        Section(html, "notes", "What the figures leave out", "Why a figure of all deals is undefined, and which deals a figure does not count (an unknown source or route).", () =>
        {
            html.Open("ul").Line();
            foreach (var note in total.Notes)
            {
                html.Open("li").Element("strong", note.Metric).Text(": " + note.Reason).Close("li").Line();
            }

            if (total.MissingAmounts > 0)
            {
                html.Element("li", Invariant($"{total.MissingAmounts:N0} deals have no amount; they count as 0 in value metrics.")).Line();
            }

            html.Close("ul").Line();
        });

        End(html, "Made with partnermetrics. The metrics follow docs/pipeline.md.");
    }

    private static void Cells(HtmlWriter html, PipelineRow row)
    {
        html.Element("td", Invariant($"{row.Deals:N0}"))
            .Element("td", Invariant($"{row.Won:N0}"))
            .Element("td", Percent(row.WinRateByCount))
            .Element("td", Percent(row.WinRateByValue))
            .Element("td", Money(row.WonValue))
            .Element("td", Percent(row.HuntingShareByValue))
            .Element("td", Score(row.WonCycleMeanDays, "0.0"))
            .Element("td", Score(row.WonCycleMedianDays, "0.0"))
            .Element("td", row.VelocityPerDay is { } velocity ? Money(velocity) : "–")
            .Element("td", Score(row.PartnerConcentration, "N0"))
            .Element("td", row.Profile ?? "–");
    }
}
