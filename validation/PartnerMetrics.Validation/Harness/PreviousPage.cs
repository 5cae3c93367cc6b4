using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PartnerMetrics.Validation.Harness;

/// <summary>
/// The headline figures of an earlier page of this harness (the previous model's run), read back from
/// its Markdown so that the new page can set the two models side by side: the model's AUC per
/// variant, and each target row's measured cell per variant, as printed.
/// </summary>
/// <param name="Source">Where the page came from, as the new page names it.</param>
/// <param name="Auc">The model's pooled AUC per variant name, as printed ("0.625").</param>
/// <param name="Targets">Each target row's measured figures, by target name, then by variant name ("0.42").</param>
public sealed partial record PreviousPage(string Source, ImmutableDictionary<string, string> Auc, ImmutableDictionary<string, ImmutableDictionary<string, string>> Targets)
{
    /// <summary>Reads a page written by <see cref="MarkdownReport"/>.</summary>
    /// <param name="source">Where the page came from, as the new page should name it.</param>
    /// <param name="markdown">The page.</param>
    /// <returns>Its figures.</returns>
    /// <exception cref="FormatException">The page has no headline or target table of this harness.</exception>
    public static PreviousPage Parse(string source, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var auc = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var targets = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>(StringComparer.Ordinal);

        var headline = Table(lines, "## Headline figures");
        foreach (var row in headline.Rows)
        {
            auc[row[0]] = FirstNumber(row[1]);
        }

        var table = Table(lines, "## The model against the targets of DOMAIN §3.4");
        var variants = table.Header.Skip(1).ToArray();
        foreach (var row in table.Rows)
        {
            targets[row[0]] = variants.Select((v, i) => (v, Cell: row[i + 1])).ToImmutableDictionary(x => x.v, x => FirstNumber(x.Cell), StringComparer.Ordinal);
        }

        if (auc.Count == 0 || targets.Count == 0)
        {
            throw new FormatException($"'{source}' has no headline or target table of the validation harness.");
        }

        return new PreviousPage(source, auc.ToImmutable(), targets.ToImmutable());
    }

    /// <summary>The first figure of a cell: "0.625 ± 0.008" → "0.625", "+0.018 — not met" → "+0.018", "∞ — met" → "∞"; "—" when it has none ("— (undefined)").</summary>
    private static string FirstNumber(string cell)
    {
        var match = Figure().Match(cell);
        return match.Success ? match.Value : "—";
    }

    /// <summary>The table under a heading: its header cells and its rows (escaped pipes kept inside a cell).</summary>
    private static (string[] Header, List<string[]> Rows) Table(string[] lines, string heading)
    {
        var start = Array.IndexOf(lines, heading);
        if (start < 0)
        {
            throw new FormatException($"No '{heading}' section.");
        }

        string[]? header = null;
        var rows = new List<string[]>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (!lines[i].StartsWith('|'))
            {
                if (header is not null)
                {
                    break;
                }

                continue;
            }

            var cells = Cells().Split(lines[i].Trim().Trim('|')).Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells;
            }
            else if (!cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                rows.Add(cells);
            }
        }

        return (header ?? throw new FormatException($"No table under '{heading}'."), rows);
    }

    [GeneratedRegex(@"([+−-]?\d+(\.\d+)?|∞)(×)?", RegexOptions.CultureInvariant)]
    private static partial Regex Figure();

    [GeneratedRegex(@"(?<!\\)\|", RegexOptions.CultureInvariant)]
    private static partial Regex Cells();

    /// <summary>Formats a figure as <see cref="MarkdownReport"/> prints it; an infinite ratio (no Healthy partner churned) as "∞".</summary>
    internal static string Show(double value, string format) => double.IsPositiveInfinity(value) ? "∞" : value.ToString(format, CultureInfo.InvariantCulture);
}
