using System.Globalization;
using PartnerMetrics.Reporting;
using Spectre.Console;

namespace PartnerMetrics.Cli;

/// <summary>Renders a <see cref="PortfolioSummary"/> as console tables.</summary>
internal static class SummaryTable
{
    public static void Write(PortfolioSummary summary, TextWriter writer) => Write(summary, writer, plainWhenItFits: true);

    /// <summary>Writes the summary; with <paramref name="plainWhenItFits"/>, the health table as plain text when it may be (<see cref="PlainTable"/>).</summary>
    internal static void Write(PortfolioSummary summary, TextWriter writer, bool plainWhenItFits)
    {
        var terminal = writer == Console.Out;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, Width);
        console.Write(new Rule($"Partner health as of {summary.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));

        // Fits a 120-column terminal: light borders, the five dimensions (trust, competency, co-operation, plan,
        // progress) in one column, the band in at most 12 characters, and the next action in words
        // (Recommendation.Action, at most 32 characters for every action but a long certification name) with its points.
        // Best score first, ties by id, as the HTML report's profiles (PortfolioReport.Partners): by the exact score, not the
        // one shown, or two partners whose scores round alike are in another order than on the page.
        var rows = summary.Partners.OrderByDescending(r => r.ExactScore).ThenBy(r => r.Id, StringComparer.Ordinal).Select(HealthCells).ToList();
        var partnerWidth = PartnerColumnWidth(rows);
        foreach (var row in rows)
        {
            row[0] = Terminal.PlainCell(row[0], partnerWidth);
        }

        // Without colours, a table whose every character takes one column is written as Spectre.Console lays it out,
        // without laying it out whole: 20,000 partners took it seconds and a hundred megabytes.
        if (!(plainWhenItFits && !terminal && PlainTable.TryWrite(writer, console.Profile.Width, HealthHeaders, rows)))
        {
            var health = new Table().Border(TableBorder.Minimal).AddColumns(HealthHeaders);
            foreach (var cells in rows)
            {
                health.AddRow([.. cells.Select((cell, column) => column == BandColumn ? BandMarkup(cell) : Markup.Escape(cell))]);
            }

            console.Write(health);
        }

        if (summary.NotStarted > 0)
        {
            // "More" than the partners above; with none above, just the count.
            var more = rows.Count > 0 ? " more" : string.Empty;
            console.WriteLine(summary.NotStarted == 1
                ? $"1{more} partnership starts after this day and is left out: it has no score yet."
                : string.Create(CultureInfo.InvariantCulture, $"{summary.NotStarted}{more} partnerships start after this day and are left out: they have no score yet."));
        }

        console.Write(new Rule("Top partners per district"));
        var top = new Table().AddColumns("District", "#", "Partner", "Ranking score");
        foreach (var row in summary.TopPartners)
        {
            top.AddRow(Terminal.Cell(row.District ?? "No district"), row.Rank.ToString(CultureInfo.InvariantCulture), Terminal.Cell($"{row.Id} {row.Name}"), Number(row.RankingScore, "0.000"));
        }

        console.Write(top);
        console.Write(new Rule("Hunting versus farming"));
        var mix = new Table().AddColumns("District", "Won deals", "Won value", "Hunting share", "Win rate", "Profile");
        foreach (var row in summary.HuntingFarming)
        {
            mix.AddRow(
                Terminal.Cell(row.District ?? "No district"),
                row.WonDeals.ToString(CultureInfo.InvariantCulture),
                HtmlWriter.WholeAmount(row.WonValue),
                row.HuntingShareByValue is { } h ? Shares.Percent(h, 0, Shares.ProfileThresholds) : "-",
                row.WinRate is { } w ? Shares.Percent(w, 0) : "-",
                row.Profile ?? "-");
        }

        console.Write(mix);

        // What each table's figures and letters mean, as the pipeline table says under it; each line fits 120 columns.
        foreach (var line in Legend)
        {
            console.WriteLine(line);
        }
    }

    /// <summary>The lines under the tables that say what their columns mean.</summary>
    internal static readonly string[] Legend =
    [
        "Score: health, 0 to 100. Conf: confidence, 0 to 1. T C Co P Pr: trust, competency, co-operation, plan alignment,",
        "tracked progress, 0 to 100 (-: not scored). Next action: the one that adds the most points; for an Insufficient",
        "partner, the evidence-gathering one that gains the most confidence. Points: the score's change if it is done.",
        "Ranking score: the mean of competency ÷ 100, plan alignment ÷ 100 and won value ÷ the district's largest, 0 to 1.",
        "Hunting share: new-logo share of won value (-: no value won). Win rate: won ÷ (won + lost).",
        string.Create(CultureInfo.InvariantCulture, $"Profile: Hunter from {Shares.Hunter:P0}, Farmer up to {Shares.Farmer:P0} of the won value, or of the won deals when no value was won."),
    ];

    /// <summary>The width the tables are laid out for: a 120-column terminal.</summary>
    public const int Width = 120;

    /// <summary>The least the partner column is given: a short id and the start of a name.</summary>
    private const int PartnerWidth = 22;

    private const int BandColumn = 2;

    private static readonly string[] HealthHeaders = ["Partner", "Score", "Band", "Conf", "  T   C  Co   P  Pr", "Next action: points"];

    /// <summary>
    /// The partner column's width: the room the other columns leave in <see cref="Width"/>, at least
    /// <see cref="PartnerWidth"/>, and no more than its longest "id name". An 18-character CRM id left two letters of a
    /// name in a fixed 22.
    /// </summary>
    private static int PartnerColumnWidth(List<string[]> rows)
    {
        var others = 0;
        var longest = 0;
        for (var column = 0; column < HealthHeaders.Length; column++)
        {
            var widest = HealthHeaders[column].Length;
            foreach (var row in rows)
            {
                widest = Math.Max(widest, row[column].Length);
            }

            (others, longest) = column == 0 ? (others, widest) : (others + widest, longest);
        }

        // An edge, each column with a space either side, a line between two columns, an edge (PlainTable's layout).
        var room = Width - (2 + others + (3 * HealthHeaders.Length) - 1);
        return Math.Max(PartnerWidth, Math.Min(room, longest));
    }

    /// <summary>A partner's row of the health table as the text it shows, without markup; the partner's id and name whole, to be cut to the column's width.</summary>
    private static string[] HealthCells(PartnerRow row) =>
    [
        $"{row.Id} {row.Name}",
        Number(row.Score, "0.0"),
        row.Band is "Healthy" or "Watch" or "AtRisk" ? row.Band : "Insufficient",
        Number(row.Confidence, "0.00"),
        string.Join(" ", row.Dimensions.InReportOrder().Select(d => (d is { } score ? Number(score, "0") : "-").PadLeft(3))),
        row.NextActionText is null ? "-" : $"{Terminal.PlainCell(row.NextActionText)}: {(row.NextActionImpact >= 0 ? "+" : string.Empty)}{Number(row.NextActionImpact ?? 0, "0.0")}",
    ];

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string BandMarkup(string band) => band switch
    {
        "Healthy" => "[green]Healthy[/]",
        "Watch" => "[yellow]Watch[/]",
        "AtRisk" => "[red]AtRisk[/]",
        _ => "[grey]Insufficient[/]",
    };
}
