using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using static System.FormattableString;

namespace PartnerMetrics.Reporting;

/// <summary>
/// Renders PartnerMetrics results as one self-contained HTML page: inline CSS and inline SVG charts, no
/// script, nothing fetched (a Content-Security-Policy meta tag forbids it), so a portal can serve the page
/// as it is or put it in a sandboxed frame. The markup is XHTML-compatible (it parses as XML too), every
/// name from the input is encoded, and the output depends only on the arguments: the same input gives
/// the same characters, with lines ending in <c>\n</c> on every platform.
/// </summary>
public static partial class HtmlReport
{
    /// <summary>The width of the full-width charts, in CSS pixels: the content width at 1280px.</summary>
    private const double ChartWidth = 1100;

    /// <summary>The least height of a sparkline's scale, in points: a change of a point or two stays small.</summary>
    private const int MinimumSpan = 20;

    /// <summary>How many partners' rows one core writes at a time (<see cref="EachInOrder"/>): a page of fewer is written on one.</summary>
    private const int RunLength = 256;

    private static readonly HealthBand[] BandOrder = [HealthBand.Healthy, HealthBand.Watch, HealthBand.AtRisk, HealthBand.InsufficientEvidence];

    private static readonly (HealthDimension Dimension, string Name)[] DimensionNames =
    [
        (HealthDimension.Trust, "Trust"),
        (HealthDimension.Competency, "Competency"),
        (HealthDimension.Cooperation, "Co-operation"),
        (HealthDimension.PlanAlignment, "Plan alignment"),
        (HealthDimension.TrackedProgress, "Tracked progress"),
    ];

    /// <summary>
    /// Writes the portfolio health page: every partner scored as of <paramref name="asOf"/> with its history over
    /// the last 52 weeks (a point every 14 days), the band distribution across the portfolio and per district, the
    /// next actions worth most points, hunting versus farming per district, and each partner's five dimensions.
    /// </summary>
    /// <param name="output">Where the page goes; it is written as it is built and not flushed or closed.</param>
    /// <param name="portfolio">The partnerships to score.</param>
    /// <param name="asOf">The day to score them as of: the last day of the history; deals are counted as the CRM knew them on this day.</param>
    /// <param name="scorer">The scorer, whose model also sets the bands of the charts; <see langword="null"/> for the default model.</param>
    /// <param name="cancellationToken">Stops the scoring, which runs on all cores, and the writing between sections.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="portfolio"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; part of the page may have been written.</exception>
    public static void WritePortfolio(TextWriter output, Portfolio portfolio, DateOnly asOf, HealthScorer? scorer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(portfolio);
        var report = PortfolioReport.Create(portfolio, asOf, scorer ?? new HealthScorer(), cancellationToken);
        Write(report, output, cancellationToken);
    }

    /// <summary>Writes the page of a report built by <see cref="PortfolioReport.Create(Portfolio, DateOnly, HealthScorer, CancellationToken)"/>: the second half of <see cref="WritePortfolio"/>.</summary>
    internal static void Write(PortfolioReport report, TextWriter writer, CancellationToken cancellationToken)
    {
        var html = Page(writer, $"Partner health as of {Day(report.AsOf)}");
        Header(html, report);
        foreach (var section in (Action<HtmlWriter, PortfolioReport>[])[BandDistribution, NextActions, HuntingVersusFarming, ScoreHistory, Profiles])
        {
            cancellationToken.ThrowIfCancellationRequested();
            section(html, report);
        }

        End(html, "Made with partnermetrics. The scores follow docs/scoring.md; the next actions and portfolio views, docs/insights.md.");
    }

    /// <summary>Starts a page: the doctype, the head with its title, the style sheet and a strict content policy, and the open body and main.</summary>
    private static HtmlWriter Page(TextWriter writer, string title) =>
        new HtmlWriter(writer).Raw("<!DOCTYPE html>").Line()
            .Open("html", ("lang", "en")).Line()
            .Open("head").Line()
            .Empty("meta", ("charset", "utf-8")).Line()
            .Empty("meta", ("http-equiv", "Content-Security-Policy"), ("content", "default-src 'none'; style-src 'unsafe-inline'")).Line()
            .Empty("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line()
            .Element("title", title).Line()
            .Open("style").Raw(Css).Close("style").Line()
            .Close("head").Line()
            .Open("body").Line()
            .Open("main").Line();

    /// <summary>Ends a page with its footer.</summary>
    private static void End(HtmlWriter html, string footer)
    {
        html.Element("footer", footer).Line()
            .Close("main").Line()
            .Close("body").Line()
            .Close("html").Line();
    }

    private static void Header(HtmlWriter html, PortfolioReport report)
    {
        var total = report.Pipeline.Total;
        // Partners without a district are in none: "no district" is not one more.
        var districts = report.Partners.Select(p => p.Partner.District).OfType<string>().Distinct().Count();
        html.Open("header").Line()
            .Element("h1", "Partner health").Line()
            .Element("p", Invariant($"As of {Day(report.AsOf)} · {Count(report.Partners.Length, "partner")} in {Count(districts, "district")}{Later(report.NotStarted)} · history over the last 52 weeks"), ("class", "subtitle")).Line()
            .Open("ul", ("class", "kpis")).Line();
        Kpi(html, "Partners", Invariant($"{report.Partners.Length}"), Invariant($"{report.Partners.Count(p => p.Report.Band == HealthBand.Healthy)} healthy"));
        Kpi(html, "Mean health", report.Partners.IsEmpty ? "–" : HtmlWriter.Number(report.Partners.Average(p => p.Report.Score), "0.0"), "score out of 100");
        Kpi(html, "Won value", Money(total.WonValue), Deals(total.WonCount) + " won");
        Kpi(html, "Win rate", Percent(total.WinRateByCount), Why(total, nameof(PipelineResult.WinRateByCount), total.WinRateByCount is null, "of closed deals, by count"));
        Kpi(html, "Hunting share", HuntingShare(total.HuntingShareByValue), Why(total, nameof(PipelineResult.HuntingShareByValue), total.HuntingShareByValue is null, "of won value: new logos"));
        html.Close("ul").Line().Close("header").Line();
    }

    /// <summary>A figure's caption: what it measures, or, when the figure is undefined, the result's note saying why.</summary>
    private static string Why(PipelineResult result, string metric, bool undefined, string caption) =>
        undefined && result.NoteFor(metric) is { } reason ? reason : caption;

    /// <summary>A count and its noun, singular for one: "1 district", "2 districts".</summary>
    private static string Count(int count, string noun) => Invariant($"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>Says how many partnerships the page leaves out because they start after the day; nothing when none does.</summary>
    private static string Later(int notStarted) => notStarted switch
    {
        0 => string.Empty,
        1 => " (1 more starts after this day and is left out)",
        _ => Invariant($" ({notStarted} more start after this day and are left out)"),
    };

    private static void Kpi(HtmlWriter html, string label, string value, string note) =>
        html.Open("li")
            .Element("span", label, ("class", "kpi-label"))
            .Element("span", value, ("class", "kpi-value"))
            .Element("span", note, ("class", "kpi-note"))
            .Close("li").Line();

    /// <summary>Opens a section with its heading and a sentence on what it shows, writes the body, and closes it.</summary>
    private static void Section(HtmlWriter html, string id, string title, string lede, Action body)
    {
        html.Open("section", ("id", id), ("aria-labelledby", id + "-title")).Line()
            .Element("h2", title, ("id", id + "-title")).Line()
            .Element("p", lede, ("class", "lede")).Line();
        body();
        html.Close("section").Line();
    }

    private static void BandDistribution(HtmlWriter html, PortfolioReport report) => Section(
        html,
        "bands",
        "Band distribution",
        Invariant($"How many partners are Healthy{Thresholds(report)}: across the portfolio and per district."),
        () =>
        {
            // Counted once: each count is read about ten times below, and a portfolio may hold many thousands of partners.
            var bands = report.Partners.GroupBy(p => p.Report.Band).ToDictionary(g => g.Key, g => g.Count());
            var districts = report.DistrictBands.GroupBy(c => (c.Key, c.Band)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
            List<(string Name, Func<HealthBand, int> Count)> rows =
            [
                ("All partners", band => bands.GetValueOrDefault(band)),
                .. report.DistrictBands.Select(c => c.Key).Distinct().Select(district =>
                    (District(district), (Func<HealthBand, int>)(band => districts.GetValueOrDefault((district, band))))),
            ];
            var (all, total) = (rows[0].Count, report.Partners.Length);
            html.Open("ul", ("class", "legend")).Line();
            foreach (var band in BandOrder)
            {
                html.Open("li", ("data-band", band.ToString()), ("data-count", Invariant($"{all(band)}")))
                    .Swatch(Tone(band))
                    .Text(BandName(band) + " ")
                    .Element("strong", Invariant($"{all(band)}"))
                    .Element("span", total == 0 ? string.Empty : Percent((double)all(band) / total), ("class", "muted"))
                    .Close("li").Line();
            }

            html.Close("ul").Line();
            BarRows(
                html,
                Invariant($"Band distribution of {Count(total, "partner")}: ") + string.Join(", ", BandOrder.Select(b => Invariant($"{BandName(b)} {all(b)}"))),
                rows.Select(row =>
                {
                    var size = BandOrder.Sum(row.Count);
                    var segments = BandOrder.Select(b => new BarSegment(row.Count(b), Tone(b), Invariant($"{row.Count(b)}"), Invariant($"{Isolated(row.Name)} · {BandName(b)}: {row.Count(b)} of {Count(size, "partner")}")));
                    return new BarRow(row.Name, size, segments, Count(size, "partner"));
                }).ToList());
        });

    private static void NextActions(HtmlWriter html, PortfolioReport report) => Section(
        html,
        "actions",
        "Top next actions",
        Invariant($"Each partner's most valuable next action, grouped by action{(report.TopActions.IsEmpty ? "." : Invariant($": the {Count(report.TopActions.Length, "action")} that {(report.TopActions.Length == 1 ? "wins" : "win")} the most points across the portfolio."))} An action is a concrete change to the evidence, such as the next 3 vendor promises kept; its points are the exact change of the partner's score when the partnership is scored again with that change. Each code is explained in docs/insights.md."),
        () =>
        {
            if (report.TopActions.IsEmpty)
            {
                html.Element("p", "No action to take: no partner has a factor with observed failure or too little evidence that a change made today would help.", ("class", "empty")).Line();
                return;
            }

            var largest = Math.Max(report.TopActions.Max(a => a.TotalImpact), 1);
            var bands = report.Partners.ToDictionary(p => p.Partner.Id, p => p.Bands);
            html.Open("table", ("class", "actions")).Line()
                .Open("thead").Open("tr")
                .Element("th", "#", ("class", "num")).Element("th", "Next action").Element("th", "Partners", ("class", "num")).Element("th", "Who, and the points each wins").Element("th", "Points in all")
                .Close("tr").Close("thead").Line()
                .Open("tbody").Line();
            foreach (var (group, rank) in report.TopActions.Select((g, i) => (g, i + 1)))
            {
                // The points shown are the difference of the scores shown, and the group's the sum of its lines: each adds
                // up on the page, as the sparklines' changes do. Signed as each line is: the action that gains a partner too little
                // known to judge the most confidence may lose points. (Adding 0.0 turns a sum rounded onto -0.0 into 0.0.)
                var total = Signed(Math.Round(group.Partners.Sum(p => Shown(p.Recommendation, bands[p.Partner.Id]).Change), 1) + 0.0);
                html.Open("tr", ("data-code", group.Code), ("data-partners", Invariant($"{group.Count}")), ("data-impact", HtmlWriter.Number(group.TotalImpact, "0.###")))
                    .Element("td", Invariant($"{rank}"), ("class", "num muted"))
                    .Open("td").Element("span", group.Title, ("class", "message")).Element("code", group.Code).Close("td")
                    .Element("td", Invariant($"{group.Count}"), ("class", "num"))
                    .Open("td").Open("ul", ("class", "who"));
                foreach (var partner in group.Partners)
                {
                    var action = partner.Recommendation;
                    var (before, after, change) = Shown(action, bands[partner.Partner.Id]);
                    html.Open("li", ("data-partner", partner.Partner.Id.ToString()), ("title", action.Change))
                        .PartnerName(partner.Partner)
                        .Element("span", Invariant($" {Signed(change)}"), ("class", "num"))
                        .Element("span", Invariant($" ({HtmlWriter.Number(before, "0.0")} → {HtmlWriter.Number(after, "0.0")}, {action.Action})"), ("class", "muted"))
                        .Close("li");
                }

                html.Close("ul").Close("td")
                    .Open("td", ("class", "impact"))
                    .OpenSvg(72, 10, $"{total} points", "meter").Rect(0, 0, 72, 10, "track").Rect(0, 0, 72 * Math.Max(group.TotalImpact, 0) / largest, 10, "bar impact").Close("svg")
                    .Element("span", total, ("class", "num"))
                    .Close("td")
                    .Close("tr").Line();
            }

            html.Close("tbody").Line().Close("table").Line();
        });

    /// <summary>
    /// An action's scores as shown, to a tenth, each beside the thresholds of the model that scored the partner (as the
    /// profiles and the history show the score: 69.96 on Watch is 69.9, not 70.0), and the change between them: the
    /// difference of the two shown.
    /// </summary>
    private static (double Before, double After, double Change) Shown(PartnerMetrics.Insights.Recommendation action, BandThresholds bands)
    {
        var (before, after) = (BandFigures.Score(action.ScoreBefore, bands), BandFigures.Score(action.ScoreAfter, bands));
        return (before, after, Math.Round(after - before, 1));
    }

    private static string Signed(double points) => (points >= 0 ? "+" : string.Empty) + HtmlWriter.Number(points, "0.0");

    private static void HuntingVersusFarming(HtmlWriter html, PortfolioReport report) => Section(
        html,
        "mix",
        "Hunting versus farming",
        "Won value per district, split into hunting (new logos) and farming (expansion, renewal, cross-sell and upsell), with the win rate of closed deals by count. A district is a Hunter when hunting brings at least 70 % of its won value, a Farmer when it brings at most 30 %.",
        () =>
        {
            var groups = report.Pipeline.Groups;
            if (groups.IsEmpty)
            {
                html.Element("p", "No deals were known on this day.", ("class", "empty")).Line();
                return;
            }

            html.Open("ul", ("class", "legend")).Line()
                .Open("li").Swatch("hunting").Text("Hunting: new logos").Close("li").Line()
                .Open("li").Swatch("farming").Text("Farming: expansion, renewal, cross-sell, upsell").Close("li").Line()
                .Close("ul").Line();
            var largest = groups.Select(g => (double)g.Result.WonValue).DefaultIfEmpty(0).Max();
            BarRows(
                html,
                "Won value per district, hunting versus farming",
                groups.Select(g =>
                {
                    var (name, result) = (District(g.Key), g.Result);
                    BarSegment[] segments =
                    [
                        new((double)result.HuntingWonValue, "hunting", $"{Money(result.HuntingWonValue)} · {HuntingShare(result.HuntingShareByValue)}", Invariant($"{Isolated(name)} · hunting: {HtmlWriter.WholeAmount(result.HuntingWonValue)} won in {Deals(result.HuntingWonCount)}")),
                        new((double)result.FarmingWonValue, "farming", $"{Money(result.FarmingWonValue)} · {FarmingShare(result.HuntingShareByValue)}", Invariant($"{Isolated(name)} · farming: {HtmlWriter.WholeAmount(result.FarmingWonValue)} won in {Deals(result.FarmingWonCount)}")),
                    ];
                    return new BarRow(name, largest, segments, $"win rate {Percent(result.WinRateByCount)} · {result.Profile?.ToString() ?? "–"}");
                }).ToList());
            html.Open("table", ("class", "mix")).Line()
                .Open("thead").Open("tr")
                .Element("th", "District").Element("th", "Won deals", ("class", "num")).Element("th", "Hunting won", ("class", "num")).Element("th", "Farming won", ("class", "num"))
                .Element("th", "Hunting share", ("class", "num")).Element("th", "Win rate", ("class", "num")).Element("th", "Profile")
                .Close("tr").Close("thead").Line()
                .Open("tbody").Line();
            foreach (var group in groups)
            {
                MixRow(html, District(group.Key), group.Result, ("data-district", group.Key ?? string.Empty));
            }

            html.Close("tbody").Line().Open("tfoot").Line();
            MixRow(html, "All districts", report.Pipeline.Total);
            html.Close("tfoot").Line().Close("table").Line();
        });

    private static void MixRow(HtmlWriter html, string name, PipelineResult result, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        html.Open("tr", attributes)
            .Element("th", name, ("scope", "row"))
            .Element("td", Invariant($"{result.WonCount}"), ("class", "num"))
            .Element("td", HtmlWriter.WholeAmount(result.HuntingWonValue), ("class", "num"))
            .Element("td", HtmlWriter.WholeAmount(result.FarmingWonValue), ("class", "num"));
        Figure(html, result, nameof(PipelineResult.HuntingShareByValue), result.HuntingShareByValue is null, HuntingShare(result.HuntingShareByValue), "num");
        Figure(html, result, nameof(PipelineResult.WinRateByCount), result.WinRateByCount is null, Percent(result.WinRateByCount), "num");
        Figure(html, result, nameof(PipelineResult.Profile), result.Profile is null, result.Profile?.ToString() ?? "–");
        html.Close("tr").Line();
    }

    private static void ScoreHistory(HtmlWriter html, PortfolioReport report) => Section(
        html,
        "history",
        "Score history",
        Invariant($"Each partner's score every {PortfolioReport.HistoryStep.Days} days from {Day(report.HistoryFrom)} to {Day(report.AsOf)}, since it started. Each line has its own scale, {MinimumSpan} points high or more, so that its trend shows; the green zone is Healthy, the red zone At risk, by the thresholds of the model that scored the partner. The dot is the band today."),
        () =>
        {
            const double Width = 188, Height = 48;
            html.Open("div", ("class", "sparks")).Line();
            EachInOrder(html, report.Partners, (html, partner) =>
            {
                // Every point since the partnership started has a score (model v2); before it, none, and the line starts later.
                List<double?> scores = [.. partner.History];
                var scale = Window(scores);
                var bands = partner.Bands;
                var start = scores.FindIndex(s => s is not null);
                var first = start >= 0 ? ScoreBeside(scores[start], bands) : null;
                var last = scores.Count == 0 ? null : ScoreBeside(scores[^1], bands);
                var since = start > 0 ? Invariant($"from {Day(report.HistoryFrom.AddDays(start * PortfolioReport.HistoryStep.Days))}, the first point after the partnership started") : "over the last 52 weeks";
                var label = Invariant($"{Isolated(partner.Partner.Name)}: score from {Score(first, "0.0")} to {Score(last, "0.0")} {since}, on a scale from {Score(scale.Low)} to {Score(scale.High)}");
                html.Open("figure", ("class", "spark"), ("data-partner", partner.Partner.Id.ToString()))
                    .Open("figcaption").PartnerName(partner.Partner).Close("figcaption")
                    .OpenSvg(Width, Height, label, "sparkline")
                    .Sparkline(scores, Width, Height, scale.Low, scale.High, "dot " + Tone(partner.Report.Band), [new(bands.Healthy, 100, "zone band-healthy"), new(0, bands.Watch, "zone band-at-risk")])
                    .Close("svg")
                    .Open("p", ("class", "spark-values")).Text(Score(first, "0.0") + " → ").Element("strong", Score(last, "0.0"));
                if (first is { } a && last is { } b)
                {
                    // From the scores shown, so the change shown is their difference.
                    var change = Math.Round(b - a, 1);
                    html.Element("span", (change > 0 ? "+" : change < 0 ? "−" : "±") + HtmlWriter.Number(Math.Abs(change), "0.0"), ("class", change > 0 ? "change up" : change < 0 ? "change down" : "change"));
                }

                html.Close("p").Close("figure").Line();
            });

            html.Close("div").Line();
        });

    /// <summary>The vertical scale of a sparkline: around its scores, <see cref="MinimumSpan"/> points high or more, within 0–100.</summary>
    private static (double Low, double High) Window(IEnumerable<double?> scores)
    {
        var known = scores.OfType<double>().DefaultIfEmpty(0).ToList();
        var (min, max) = (known.Min(), known.Max());
        var span = Math.Min(100, Math.Max(MinimumSpan, max - min + 4));
        var low = Math.Clamp(((min + max) / 2) - (span / 2), 0, 100 - span);
        return (low, low + span);
    }

    private static void Profiles(HtmlWriter html, PortfolioReport report) => Section(
        html,
        "profiles",
        "Partner profiles",
        "The five dimensions of each partner's health, each out of 100, best overall score first. A dimension with no evidence still scores, at its prior (a rate without evidence is 0.5), and counts in the overall score: it is marked \"no evidence\". Confidence (0 to 1) says how much evidence the score rests on.",
        () =>
        {
            html.Open("table", ("class", "profiles")).Line()
                .Open("colgroup");
            foreach (var column in (string[])["partner", "district", "type", "score", "confidence", "band", .. DimensionNames.Select(_ => "dim")])
            {
                html.Empty("col", ("class", column));
            }

            html.Close("colgroup").Line()
                .Open("thead").Open("tr")
                .Element("th", "Partner").Element("th", "District").Element("th", "Type").Element("th", "Score", ("class", "num")).Element("th", "Conf.", ("class", "num")).Element("th", "Band");
            foreach (var (_, name) in DimensionNames)
            {
                html.Element("th", name, ("class", "dim"));
            }

            html.Close("tr").Close("thead").Line().Open("tbody").Line();
            EachInOrder(html, report.Partners, (html, partner) =>
            {
                html.Open("tr", ("class", "profile"), ("data-partner", partner.Partner.Id.ToString()))
                    .Open("td").PartnerName(partner.Partner).Close("td")
                    .Element("td", District(partner.Partner.District))
                    .Element("td", TypeName(partner.Partner.Type))
                    .Element("td", Score(ScoreBeside(partner.Report.Score, partner.Bands), "0.0"), ("class", "num score"))
                    .Element("td", HtmlWriter.Number(BandFigures.Confidence(partner.Report.Confidence, partner.Bands), "0.00"), ("class", "num muted"))
                    .Open("td").Badge(partner.Report.Band).Close("td");
                foreach (var (dimension, name) in DimensionNames)
                {
                    html.Open("td", ("class", "dim"), ("data-dimension", dimension.ToString()));
                    if (partner.Report[dimension].Score is { } score)
                    {
                        // A bar drawn by the style sheet from --level (the score ÷ 100) behind the score as text: one element
                        // rather than an SVG of four, for this table has a row per partner and five of these in each.
                        var value = HtmlWriter.Number(BandFigures.Dimension(score, partner.Bands), "0");
                        html.Element("span", value, ("class", "level"), ("style", "--level:" + HtmlWriter.Number(score / 100, "0.###")), ("title", Invariant($"{name} {value} of 100")));

                        // Model v2: without evidence a dimension sits at its prior rather than being left out, so
                        // its score counts; the mark tells a prior from a measurement.
                        if (partner.Report[dimension].Confidence == 0)
                        {
                            html.Element("span", "no evidence", ("class", "no-evidence"));
                        }
                    }
                    else
                    {
                        // Only a dimension whose factors are all disabled or vacuous has no score (model v2).
                        html.Element("span", "not scored", ("class", "no-evidence"));
                    }

                    html.Close("td");
                }

                html.Close("tr").Line();
            });

            html.Close("tbody").Line().Close("table").Line();
        });

    /// <summary>
    /// Writes the markup of each item, in order, as <paramref name="write"/> would one after another: the items of a large
    /// page are written on all cores, a run of <paramref name="runLength"/> each into text of its own, and the runs are copied to
    /// the page in order, a few at a time, so the page is the same to the character and only those runs are held.
    /// </summary>
    /// <param name="html">The page.</param>
    /// <param name="items">The items, in the order of the page.</param>
    /// <param name="write">Writes one item's markup to the writer it is given; thread-safe, for it runs on all cores. What it throws comes out as thrown.</param>
    /// <param name="runLength">How many items one core writes at a time; tests make it small.</param>
    internal static void EachInOrder<T>(HtmlWriter html, ImmutableArray<T> items, Action<HtmlWriter, T> write, int runLength = RunLength)
    {
        if (items.Length <= runLength)
        {
            foreach (var item in items)
            {
                write(html, item);
            }

            return;
        }

        var runs = new StringBuilder[2 * Environment.ProcessorCount];
        for (var first = 0; first < items.Length; first += runs.Length * runLength)
        {
            var count = Math.Min(runs.Length, (items.Length - first + runLength - 1) / runLength);
            AllCores.For(count, run =>
            {
                var text = runs[run] ??= new StringBuilder();
                text.Clear();
                using var writer = new StringWriter(text, CultureInfo.InvariantCulture);
                var markup = new HtmlWriter(writer);
                var start = first + (run * runLength);
                for (var i = start; i < Math.Min(items.Length, start + runLength); i++)
                {
                    write(markup, items[i]);
                }
            }, CancellationToken.None);

            for (var run = 0; run < count; run++)
            {
                html.Raw(runs[run]);
            }
        }
    }

    /// <summary>
    /// The band thresholds in words: of the one model that scored every partner, or, when a model set scored them with
    /// several, of each model by name, for a band is read against the thresholds of the model that gave it.
    /// </summary>
    private static string Thresholds(PortfolioReport report)
    {
        static string Of(BandThresholds bands) =>
            Invariant($"score {bands.Healthy} or more, Watch {bands.Watch} or more, At risk below; too little evidence below confidence {bands.MinimumConfidence}");
        var models = report.Partners.Select(p => (Name: p.Report.ModelName, Version: p.Report.ModelVersion, p.Bands)).Distinct().OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Version, StringComparer.Ordinal).ToList();
        if (models.Select(m => m.Bands).Distinct().Count() <= 1)
        {
            var bands = models.Count == 0 ? report.Model.Bands : models[0].Bands;
            return Invariant($" (score {bands.Healthy} or more), on Watch ({bands.Watch} or more) or At risk, and how many cannot be judged yet because their confidence is below {bands.MinimumConfidence}");
        }

        return ", on Watch or At risk, or cannot be judged yet, each by the thresholds of the model that scored it: " + string.Join("; ", models.Select(m => Invariant($"{Isolated(m.Name)} {Isolated(m.Version)}: {Of(m.Bands)}")));
    }

    /// <summary>Draws labelled horizontal stacked bars, one per row, with a note at the right end.</summary>
    private static void BarRows(HtmlWriter html, string label, IReadOnlyList<BarRow> rows)
    {
        const double RowHeight = 26, Gap = 12, LabelWidth = 140, NoteWidth = 180, BarWidth = ChartWidth - LabelWidth - NoteWidth;
        html.OpenSvg(ChartWidth, Math.Max(0, (rows.Count * (RowHeight + Gap)) - Gap), label, "chart");
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var y = i * (RowHeight + Gap);
            html.Label(0, y + 17, Svg.Shorten(row.Name, LabelWidth - 8), "row-label")
                .Rect(LabelWidth, y, BarWidth, RowHeight, "track")
                .StackedBar(LabelWidth, y, BarWidth, RowHeight, row.Scale, row.Segments)
                .Label(LabelWidth + BarWidth + 14, y + 17, row.Note, "row-note");
        }

        html.Close("svg").Line();
    }

    /// <summary>A partner's name and id, each in an element of its own direction (<c>dir="auto"</c>, which isolates it), so that a right-to-left name cannot reorder the figures beside it.</summary>
    private static HtmlWriter PartnerName(this HtmlWriter html, Partner partner) =>
        html.Element("span", partner.Name, ("class", "name"), ("dir", "auto"), ("title", partner.Name)).Element("span", partner.Id.ToString(), ("class", "id"), ("dir", "auto"));

    private static HtmlWriter Badge(this HtmlWriter html, HealthBand band) => html.Element("span", BandName(band), ("class", "badge " + Tone(band)));

    private static HtmlWriter Swatch(this HtmlWriter html, string tone) => html.Element("span", string.Empty, ("class", "swatch " + tone), ("aria-hidden", "true"));

    private static string Tone(HealthBand band) => band switch
    {
        HealthBand.Healthy => "band-healthy",
        HealthBand.Watch => "band-watch",
        HealthBand.AtRisk => "band-at-risk",
        _ => "band-insufficient",
    };

    private static string BandName(HealthBand band) => band switch
    {
        HealthBand.Healthy => "Healthy",
        HealthBand.Watch => "Watch",
        HealthBand.AtRisk => "At risk",
        _ => "Insufficient evidence",
    };

    private static string TypeName(PartnerType type) => type switch
    {
        PartnerType.SystemIntegrator => "System integrator",
        PartnerType.ManagedServiceProvider => "Managed services",
        PartnerType.Isv => "ISV",
        _ => type.ToString(),
    };

    private static string District(string? district) => district ?? "No district";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Score(double? score, string format = "0") => score is { } s ? HtmlWriter.Number(s, format) : "–";

    /// <summary>
    /// A share as a percentage to one decimal, as the tables of the command line show it (62.5 %, not 62 %), never rounded
    /// onto 0 %, 100 % or one of <paramref name="bounds"/> (shares) it is not (<see cref="HtmlWriter.Beside"/>): a value win rate
    /// of 99.97 % is 99.9 %, for 100.0 % would say no value was lost.
    /// </summary>
    private static string Percent(double? share, params ReadOnlySpan<double> bounds) =>
        share is { } s ? Shares.Percent(s, 1, bounds) : "–";

    /// <summary>The hunting share, never rounded across the Hunter and Farmer thresholds the profile beside it is read against.</summary>
    private static string HuntingShare(double? share) => Percent(share, Shares.ProfileThresholds);

    /// <summary>The farming share: 100 % less the hunting share as shown, so that the two labels of a bar add up to 100 %.</summary>
    private static string FarmingShare(double? huntingShare) =>
        huntingShare is { } s ? HtmlWriter.Number(Math.Round(100 - Shares.Shown(s, 1, Shares.ProfileThresholds), 1), "0.0") + " %" : "–";

    /// <summary>A score to a tenth, never rounded onto or across the thresholds of its band (<see cref="HtmlWriter.Beside"/>).</summary>
    private static double? ScoreBeside(double? score, BandThresholds bands) =>
        score is { } s ? BandFigures.Score(s, bands) : null;

    /// <summary>
    /// Text of the data (a name, an id, a district) inside text of the page, such as a tooltip or a chart's label, isolated
    /// from it with Unicode's first-strong isolate, so that a right-to-left name cannot reorder the figures beside it. The
    /// isolate must hold whatever the data holds: a pop directional isolate (U+2069) of the data's own that closes nothing
    /// in it is left out, for it would close the page's isolate early and let an override after it (U+202E) reverse the
    /// figures that follow; an isolate the data opens is closed before the page's; and a line or paragraph break, which
    /// ends every isolate, is written as a space.
    /// </summary>
    private static string Isolated(string text)
    {
        var isolated = new StringBuilder(text.Length + 2).Append('\u2068');
        var open = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u2066' or '\u2067' or '\u2068':
                    open++;
                    isolated.Append(c);
                    break;
                case '\u2069' when open == 0:
                    break;
                case '\u2069':
                    open--;
                    isolated.Append(c);
                    break;
                case '\n' or '\r' or '\u0085' or '\u2028' or '\u2029':
                    isolated.Append(' ');
                    break;
                default:
                    isolated.Append(c);
                    break;
            }
        }

        return isolated.Append('\u2069', open + 1).ToString();
    }

    /// <summary>An amount in a few characters: 950, 48k, 1.2M; the unit is chosen by the amount as rounded, so 999,600 reads 1M, not 1000k, and 9,999.6 reads 10k.</summary>
    private static string Money(decimal amount) => amount switch
    {
        >= 999_500m => HtmlWriter.Number(amount / 1_000_000m, "0.#") + "M",
        >= 9_999.5m => HtmlWriter.Number(amount / 1_000m, "0") + "k",
        _ => HtmlWriter.WholeAmount(amount),
    };

    private sealed record BarRow(string Name, double Scale, IEnumerable<BarSegment> Segments, string Note);
}
