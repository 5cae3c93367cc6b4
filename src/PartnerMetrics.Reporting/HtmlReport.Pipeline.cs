using System.Text.Json;
using PartnerMetrics.Pipeline;
using static System.FormattableString;

namespace PartnerMetrics.Reporting;

/// <content>The pipeline page: the metrics of each group and of all deals, and why a figure is missing.</content>
public static partial class HtmlReport
{
    /// <summary>Writes the pipeline page of deals taken as one group: won value, win rates, hunting share, cycle, velocity and partner concentration, and why a figure is undefined.</summary>
    /// <param name="output">Where the page goes; it is written as it is built and not flushed or closed.</param>
    /// <param name="pipeline">The metrics of the deals (<see cref="PipelineAnalytics.Summarize(IEnumerable{Opportunity}, PipelineOptions?)"/>).</param>
    /// <param name="source">What the deals are, for the title and the subtitle ("Pipeline of <paramref name="source"/>"): a file name, a segment, a quarter.</param>
    /// <param name="cancellationToken">Stops the writing between sections.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/>, <paramref name="pipeline"/> or <paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; part of the page may have been written.</exception>
    public static void WritePipeline(TextWriter output, PipelineResult pipeline, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(source);
        WritePipeline(output, source, [], [([], pipeline)], pipeline, cancellationToken);
    }

    /// <summary>
    /// Writes the pipeline page of deals grouped by one key, such as <see cref="PipelineKeys.District"/>: a row per
    /// group, in the order of <see cref="GroupedPipelineResult{TKey}.Groups"/>, each named by its key as the same text on every
    /// machine (a <see cref="DateOnly"/> as yyyy-MM-dd, a <see cref="DateTime"/> as yyyy-MM-ddTHH:mm:ss, any other
    /// <see cref="IFormattable"/> in the invariant culture, else its <see cref="object.ToString"/>; <c>(none)</c> for the
    /// group without a key), and a total row.
    /// </summary>
    /// <typeparam name="TKey">The grouping key.</typeparam>
    /// <param name="output">Where the page goes; it is written as it is built and not flushed or closed.</param>
    /// <param name="pipeline">The metrics per group (<see cref="PipelineAnalytics.GroupBy{TKey}(IEnumerable{Opportunity}, Func{Opportunity, TKey}, PipelineOptions?)"/>).</param>
    /// <param name="source">What the deals are, for the title and the subtitle ("Pipeline of <paramref name="source"/>").</param>
    /// <param name="groupedBy">The key's name as the subtitle shows it ("by district"); the column heading starts it with a capital.</param>
    /// <param name="cancellationToken">Stops the writing between sections.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/>, <paramref name="pipeline"/>, <paramref name="source"/> or <paramref name="groupedBy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="groupedBy"/> is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; part of the page may have been written.</exception>
    public static void WritePipeline<TKey>(TextWriter output, GroupedPipelineResult<TKey> pipeline, string source, string groupedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupedBy);
        WritePipeline(output, pipeline, source, [groupedBy], key => [KeyText(key)], order: null, cancellationToken);
    }

    /// <summary>
    /// Writes the pipeline page of deals grouped by several keys at once, such as district and quarter: a column per
    /// key, a row per group and a total row.
    /// </summary>
    /// <typeparam name="TKey">The grouping key, which holds a value of each key.</typeparam>
    /// <param name="output">Where the page goes; it is written as it is built and not flushed or closed.</param>
    /// <param name="pipeline">The metrics per group (<see cref="PipelineAnalytics.GroupBy{TKey}(IEnumerable{Opportunity}, Func{Opportunity, TKey}, PipelineOptions?)"/>).</param>
    /// <param name="source">What the deals are, for the title and the subtitle ("Pipeline of <paramref name="source"/>").</param>
    /// <param name="groupedBy">The keys' names, in column order, as the subtitle shows them ("by district × quarter"); each column heading starts with a capital.</param>
    /// <param name="keyValues">A group's value of each key, in the order of <paramref name="groupedBy"/>; <see langword="null"/> shows as <c>(none)</c>. It is not called for the group without a key, which shows <c>(none)</c> in every column.</param>
    /// <param name="order">The order of the rows; <see langword="null"/> keeps the order of <see cref="GroupedPipelineResult{TKey}.Groups"/>.</param>
    /// <param name="cancellationToken">Stops the writing between sections.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/>, <paramref name="pipeline"/>, <paramref name="source"/>, <paramref name="groupedBy"/> or <paramref name="keyValues"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="groupedBy"/> is empty or has an empty name, or <paramref name="keyValues"/> returns a list of another length.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; part of the page may have been written.</exception>
    public static void WritePipeline<TKey>(
        TextWriter output,
        GroupedPipelineResult<TKey> pipeline,
        string source,
        IReadOnlyList<string> groupedBy,
        Func<TKey, IReadOnlyList<string?>> keyValues,
        IComparer<TKey>? order = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(groupedBy);
        ArgumentNullException.ThrowIfNull(keyValues);
        if (groupedBy.Count == 0 || groupedBy.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Name at least one key, none of them empty; for deals taken as one group, pass the PipelineResult.", nameof(groupedBy));
        }

        // Every row is checked before the first character is written, so a bad key leaves the output untouched.
        var groups = order is null ? pipeline.Groups.AsEnumerable() : pipeline.Groups.OrderBy(g => g.Key!, order);
        var rows = groups.Select(g =>
        {
            IReadOnlyList<string?> values = g.Key is null ? new string?[groupedBy.Count] : keyValues(g.Key);
            if (values is null || values.Count != groupedBy.Count)
            {
                throw new ArgumentException(Invariant($"The key values of a group must be {groupedBy.Count}, one per key of groupedBy; got {values?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}."), nameof(keyValues));
            }

            return ((IReadOnlyList<string>)[.. values.Select(v => v ?? "(none)")], g.Result);
        }).ToList();
        WritePipeline(output, source, [.. groupedBy], rows, pipeline.Total, cancellationToken);
    }

    /// <summary>A key as the page shows it, the same on every machine: a day as yyyy-MM-dd, any other formattable value in the invariant culture.</summary>
    private static string? KeyText<TKey>(TKey key) => key switch
    {
        null => null,
        DateOnly day => Day(day),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => key.ToString(),
    };

    /// <summary>Writes the page: <paramref name="by"/> empty means one row of all deals and no total row.</summary>
    private static void WritePipeline(TextWriter writer, string source, IReadOnlyList<string> by, IReadOnlyList<(IReadOnlyList<string> Keys, PipelineResult Result)> rows, PipelineResult total, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var grouping = by.Count == 0 ? "all deals" : $"by {string.Join(" × ", by)}";
        var html = Page(writer, $"Pipeline of {source}");
        html.Open("header").Line()
            .Element("h1", "Hunting versus farming").Line()
            .Element("p", Invariant($"Pipeline of {Isolated(source)} · {Deals(total.Count)}, {grouping}"), ("class", "subtitle")).Line()
            .Open("ul", ("class", "kpis")).Line();
        Kpi(html, "Won value", Money(total.WonValue), Deals(total.WonCount) + " won");
        Kpi(html, "Win rate", Percent(total.WinRateByCount), Why(total, nameof(PipelineResult.WinRateByCount), total.WinRateByCount is null, "of closed deals, by count"));
        Kpi(html, "Win rate by value", Percent(total.WinRateByValue), Why(total, nameof(PipelineResult.WinRateByValue), total.WinRateByValue is null, "of closed value"));
        Kpi(html, "Hunting share", HuntingShare(total.HuntingShareByValue), Why(total, nameof(PipelineResult.HuntingShareByValue), total.HuntingShareByValue is null, "of won value: new logos"));
        Kpi(html, "Profile", total.Profile?.ToString() ?? "–", Why(total, nameof(PipelineResult.Profile), total.Profile is null, "hunter, farmer or balanced"));
        html.Close("ul").Line().Close("header").Line();

        cancellationToken.ThrowIfCancellationRequested();
        Section(html, "groups", "Metrics per group", "Win rates, won value, hunting share, won cycle in days, velocity (value per day) and partner concentration (HHI, 0 to 10,000). A dash is a figure that is undefined.", () =>
        {
            string[] columns = ["Deals", "Won", "Win rate", "By value", "Won value", "Hunting", "Cycle mean", "Cycle median", "Velocity", "Partner HHI", "Profile"];
            html.Open("table").Line().Open("thead").Open("tr");
            foreach (var key in by.Count == 0 ? ["Group"] : by)
            {
                html.Element("th", char.ToUpperInvariant(key[0]) + key[1..], ("scope", "col"));
            }

            foreach (var column in columns)
            {
                html.Element("th", column, ("scope", "col"));
            }

            html.Close("tr").Close("thead").Line().Open("tbody").Line();
            foreach (var row in rows)
            {
                html.Open("tr");
                foreach (var key in by.Count == 0 ? ["All deals"] : row.Keys)
                {
                    html.Element("th", key, ("scope", "row"));
                }

                Cells(html, row.Result);
                html.Close("tr").Line();
            }

            html.Close("tbody").Line();
            if (by.Count > 0)
            {
                html.Open("tfoot").Open("tr").Element("th", "Total", ("scope", "row"), ("colspan", Invariant($"{by.Count}")));
                Cells(html, total);
                html.Close("tr").Close("tfoot").Line();
            }

            html.Close("table").Line();
        });

        cancellationToken.ThrowIfCancellationRequested();
        Section(html, "notes", "What the figures leave out", "Why a figure of all deals is undefined, and which deals a figure does not count (an unknown source or route).", () =>
        {
            html.Open("ul").Line();
            foreach (var note in total.Notes)
            {
                // The metric as the JSON output names it (camelCase), so the page and the JSON read alike.
                html.Open("li").Element("strong", JsonNamingPolicy.CamelCase.ConvertName(note.Metric)).Text(": " + note.Reason).Close("li").Line();
            }

            if (total.MissingAmountCount > 0)
            {
                html.Element("li", MissingAmounts(total.MissingAmountCount)).Line();
            }

            html.Close("ul").Line();
        });

        End(html, "Made with partnermetrics. The metrics follow docs/pipeline.md.");
    }

    private static void Cells(HtmlWriter html, PipelineResult result)
    {
        html.Element("td", Invariant($"{result.Count:N0}"))
            .Element("td", Invariant($"{result.WonCount:N0}"));
        Figure(html, result, nameof(PipelineResult.WinRateByCount), result.WinRateByCount is null, Percent(result.WinRateByCount));
        Figure(html, result, nameof(PipelineResult.WinRateByValue), result.WinRateByValue is null, Percent(result.WinRateByValue));
        html.Element("td", Money(result.WonValue));
        Figure(html, result, nameof(PipelineResult.HuntingShareByValue), result.HuntingShareByValue is null, HuntingShare(result.HuntingShareByValue));
        Figure(html, result, nameof(PipelineResult.WonCycle), result.WonCycle is null, Score(result.WonCycle?.Mean, "0.0"));
        Figure(html, result, nameof(PipelineResult.WonCycle), result.WonCycle is null, Score(result.WonCycle?.Median, "0.0"));
        Figure(html, result, nameof(PipelineResult.Velocity), result.Velocity is null, result.Velocity is { } velocity ? Money(velocity) : "–");
        Figure(html, result, nameof(PipelineResult.PartnerConcentration), result.PartnerConcentration is null, result.PartnerConcentration is { } hhi ? HtmlWriter.Number(HtmlWriter.Beside(hhi, 0, 0, 10_000), "N0") : "–");
        Figure(html, result, nameof(PipelineResult.Profile), result.Profile is null, result.Profile?.ToString() ?? "–");
    }

    /// <summary>
    /// A table cell of a figure of <paramref name="result"/>; when the figure is undefined (a dash), the result's note
    /// saying why is its tooltip, as the notes section says it for the figures of all deals.
    /// </summary>
    private static void Figure(HtmlWriter html, PipelineResult result, string metric, bool undefined, string text, string? cssClass = null) =>
        html.Element("td", text, ("class", cssClass), ("title", undefined ? result.NoteFor(metric) : null));

    /// <summary>A number of deals, in the singular for one: "1 deal", "1,234 deals".</summary>
    /// <param name="count">The deals.</param>
    internal static string Deals(long count) => Invariant($"{count:N0} {(count == 1 ? "deal" : "deals")}");

    /// <summary>The note on deals without an amount, under the pipeline's figures on the page and in the tool's table alike.</summary>
    /// <param name="count">The deals without an amount, at least 1.</param>
    internal static string MissingAmounts(long count) =>
        Invariant($"{count:N0} {(count == 1 ? "deal has no amount; it counts" : "deals have no amount; they count")} as 0 in value metrics.");
}
