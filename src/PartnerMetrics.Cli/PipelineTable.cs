using System.Globalization;
using PartnerMetrics.Reporting;
using Spectre.Console;

namespace PartnerMetrics.Cli;

/// <summary>Renders a <see cref="PipelineReport"/> as a console table; an undefined rate shows as "—".</summary>
internal static class PipelineTable
{
    private const string Undefined = "—";

    private static readonly string[] Metrics =
        ["Deals", "Won", "Win rate", "Win rate (value)", "Won value", "Hunting share (value)", "Cycle mean (d)", "Cycle median (d)", "Velocity / day", "Partner HHI", "Profile"];

    public static void Write(PipelineReport report, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = writer == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = writer == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 200);
        var by = report.By.Count == 0 ? "all deals" : $"by {string.Join(" × ", report.By)}";
        console.Write(new Rule(Markup.Escape(Terminal.Safe(string.Create(CultureInfo.InvariantCulture, $"Pipeline of {report.Input}: {HtmlReport.Deals(report.Total.Deals)}, {by}")))));

        var keyColumns = report.By.Count == 0 ? ["Group"] : report.By.Select(k => char.ToUpperInvariant(k[0]) + k[1..]).ToArray();
        var table = new Table().AddColumns([.. keyColumns, .. Metrics]);
        for (var i = keyColumns.Length; i < keyColumns.Length + Metrics.Length - 1; i++)
        {
            table.Columns[i].RightAligned();
        }

        foreach (var row in report.Groups)
        {
            string[] keys = report.By.Count == 0 ? ["All deals"] : [.. report.By.Select(k => Terminal.Cell(row.Key![k] ?? "(none)"))];
            table.AddRow([.. keys, .. Cells(row)]);
        }

        if (report.By.Count > 0)
        {
            table.AddRow([.. keyColumns.Select((_, i) => i == 0 ? "[bold]Total[/]" : string.Empty), .. Cells(report.Total).Select(c => $"[bold]{c}[/]")]);
        }

        console.Write(table);
        if (report.Total.MissingAmounts > 0)
        {
            console.WriteLine(HtmlReport.MissingAmounts(report.Total.MissingAmounts));
        }

        console.WriteLine("Win rate: won ÷ (won + lost). Cycle: days from created to won. Velocity: open deals × average won size × win rate ÷ mean cycle.");
        console.WriteLine("Partner HHI: concentration of won value by partner, 0 to 10,000. —: undefined (nothing closed or won, or no amount or partner to measure it by).");
        foreach (var note in report.Total.Notes.Where(n => n.Metric is "winRateByValue" or "dealFlowReciprocity" or "routeConcentration"))
        {
            console.WriteLine(Terminal.Safe($"{note.Metric}: {note.Reason}"));
        }
    }

    private static string[] Cells(PipelineRow row) =>
    [
        row.Deals.ToString("N0", CultureInfo.InvariantCulture),
        row.Won.ToString("N0", CultureInfo.InvariantCulture),
        Rate(row.WinRateByCount),
        Rate(row.WinRateByValue),
        HtmlWriter.WholeAmount(row.WonValue),
        Rate(row.HuntingShareByValue, Shares.ProfileThresholds),
        Number(row.WonCycleMeanDays, "N1"),
        Number(row.WonCycleMedianDays, "N1"),
        row.VelocityPerDay is { } velocity ? HtmlWriter.WholeAmount(velocity) : Undefined,
        // Never rounded onto 0 or 10,000 (one partner) when it is not on them, as on the HTML page.
        row.PartnerConcentration is { } hhi ? HtmlWriter.Number(HtmlWriter.Beside(hhi, 0, 0, 10_000), "N0") : Undefined,
        row.Profile ?? Undefined,
    ];

    /// <summary>A rate to a tenth of a percent, never rounded onto 0 %, 100 % or one of <paramref name="bounds"/> it is not on (<see cref="Shares"/>).</summary>
    private static string Rate(double? value, params ReadOnlySpan<double> bounds) => value is { } share ? Shares.Percent(share, 1, bounds) : Undefined;

    private static string Number(double? value, string format) => value is { } present ? present.ToString(format, CultureInfo.InvariantCulture) : Undefined;
}
