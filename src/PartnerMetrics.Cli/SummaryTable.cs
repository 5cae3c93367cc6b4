using System.Globalization;
using Spectre.Console;

namespace PartnerMetrics.Cli;

/// <summary>Renders a <see cref="PortfolioSummary"/> as console tables.</summary>
internal static class SummaryTable
{
    public static void Write(PortfolioSummary summary, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = writer == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = writer == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 200);
        console.Write(new Rule($"Partner health as of {summary.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));

        var health = new Table().AddColumns("Partner", "District", "Type", "Score", "Band", "Conf.", "Trust", "Comp.", "Co-op", "Plan", "Progress", "Next action (+pts)");
        foreach (var row in summary.Partners.OrderByDescending(r => r.Score).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            string[] cells =
            [
                Markup.Escape($"{row.Id} {row.Name}"),
                Markup.Escape(row.District ?? "-"),
                row.Type,
                Number(row.Score, "0.0"),
                BandMarkup(row.Band),
                Number(row.Confidence, "0.00"),
                .. row.Dimensions.Select(d => d is { } score ? Number(score, "0") : "-"),
                Markup.Escape(row.NextAction is null ? "-" : $"{row.NextAction} (+{Number(row.NextActionImpact ?? 0, "0.0")})"),
            ];
            health.AddRow(cells);
        }

        console.Write(health);
        console.Write(new Rule("Top partners per district"));
        var top = new Table().AddColumns("District", "#", "Partner", "Ranking score");
        foreach (var row in summary.TopPartners)
        {
            top.AddRow(Markup.Escape(row.District ?? "-"), row.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape($"{row.Id} {row.Name}"), Number(row.RankingScore, "0.000"));
        }

        console.Write(top);
        console.Write(new Rule("Hunting versus farming"));
        var mix = new Table().AddColumns("District", "Won deals", "Won value", "Hunting share", "Win rate", "Profile");
        foreach (var row in summary.HuntingFarming)
        {
            mix.AddRow(
                Markup.Escape(row.District ?? "-"),
                row.WonDeals.ToString(CultureInfo.InvariantCulture),
                row.WonValue.ToString("N0", CultureInfo.InvariantCulture),
                row.HuntingShareByValue is { } h ? h.ToString("P0", CultureInfo.InvariantCulture) : "-",
                row.WinRate is { } w ? w.ToString("P0", CultureInfo.InvariantCulture) : "-",
                row.Profile ?? "-");
        }

        console.Write(mix);
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string BandMarkup(string band) => band switch
    {
        "Healthy" => "[green]Healthy[/]",
        "Watch" => "[yellow]Watch[/]",
        "AtRisk" => "[red]AtRisk[/]",
        _ => "[grey]InsufficientEvidence[/]",
    };
}
