using System.Globalization;
using PartnerMetrics.Partners;
using PartnerMetrics.Validation;
using Sylvan.Data.Csv;

namespace PartnerMetrics.Cli;

/// <summary>
/// Reads the outcomes of <c>backtest</c> (docs/cli.md, "The outcomes file"): a CSV file with one row per partner,
/// <c>partnerId,churnedOn</c>, where an empty <c>churnedOn</c> means the partner is still active. Every problem
/// is reported with the line it is on, and reading goes on to the end so that one run lists them all.
/// </summary>
internal static class OutcomeCsv
{
    /// <summary>The header of the partner column; <see cref="OpportunityCsv.Normalize"/> compares headers, so <c>Partner ID</c> matches too.</summary>
    public const string PartnerColumn = "partnerId";

    /// <summary>The header of the churn-day column; <c>Churned On</c> matches too.</summary>
    public const string ChurnedOnColumn = "churnedOn";

    /// <summary>Reads every outcome of a CSV file: UTF-8, or UTF-16 or UTF-32 with a byte order mark.</summary>
    /// <param name="stream">The file's bytes; read to the end (or to a problem that stops the reading) and closed.</param>
    /// <param name="observedThrough">The last day outcomes are known (<c>--observed-through</c>); a churn after it is a problem. <see langword="null"/> for no limit.</param>
    /// <param name="add">Receives each outcome read, with its line (counted from 1).</param>
    /// <param name="problems">Receives every problem; when it has any, the outcomes passed to <paramref name="add"/> are not the whole file.</param>
    /// <returns>The number of records read, blank lines not included.</returns>
    public static long Read(Stream stream, DateOnly? observedThrough, Action<ChurnOutcome, long> add, InputProblems problems) =>
        Read(CsvRows.Text(stream), observedThrough, add, problems);

    /// <summary>Reads every outcome of a CSV text, passing each valid one to <paramref name="add"/>.</summary>
    /// <param name="text">The CSV text; it is read to its end (or to a problem that stops the reading) and closed.</param>
    /// <param name="observedThrough">The last day outcomes are known; a churn after it is a problem. <see langword="null"/> for no limit.</param>
    /// <param name="add">Receives each outcome read, with its line (counted from 1).</param>
    /// <param name="problems">Receives every problem.</param>
    /// <returns>The number of records read, blank lines not included.</returns>
    public static long Read(TextReader text, DateOnly? observedThrough, Action<ChurnOutcome, long> add, InputProblems problems)
    {
        int partnerOrdinal = -1, churnedOnOrdinal = -1;
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        return CsvRows.Read(
            text,
            problems,
            csv => MapHeader(csv, problems, out partnerOrdinal, out churnedOnOrdinal),
            (csv, line) =>
            {
                if (ReadRow(csv, line, partnerOrdinal, churnedOnOrdinal, observedThrough, seen, problems) is { } outcome)
                {
                    add(outcome, line);
                }
            });
    }

    private static bool MapHeader(CsvDataReader csv, InputProblems problems, out int partnerOrdinal, out int churnedOnOrdinal)
    {
        partnerOrdinal = churnedOnOrdinal = -1;
        var errors = new List<string>();
        for (var ordinal = 0; ordinal < csv.FieldCount; ordinal++)
        {
            var header = OpportunityCsv.Normalize(csv.GetName(ordinal));
            var isPartner = header == OpportunityCsv.Normalize(PartnerColumn);
            if (!isPartner && header != OpportunityCsv.Normalize(ChurnedOnColumn))
            {
                continue;
            }

            var first = isPartner ? partnerOrdinal : churnedOnOrdinal;
            if (first >= 0)
            {
                errors.Add($"columns \"{csv.GetName(first)}\" and \"{csv.GetName(ordinal)}\" are the same column; keep one");
            }
            else if (isPartner)
            {
                partnerOrdinal = ordinal;
            }
            else
            {
                churnedOnOrdinal = ordinal;
            }
        }

        if (partnerOrdinal < 0)
        {
            errors.Add($"required column \"{PartnerColumn}\" is missing");
        }

        if (churnedOnOrdinal < 0)
        {
            errors.Add($"required column \"{ChurnedOnColumn}\" is missing");
        }

        if (errors.Count == 0)
        {
            return true;
        }

        var found = string.Join(", ", Enumerable.Range(0, csv.FieldCount).Select(i => $"\"{csv.GetName(i)}\"").Take(12));
        problems.Fail($"line 1: {string.Join("; ", errors)}. The header has {found}; an outcomes file is {PartnerColumn},{ChurnedOnColumn}, comma-separated ({DocsLinks.Docs}cli.md).");
        return false;
    }

    private static ChurnOutcome? ReadRow(CsvDataReader csv, long line, int partnerOrdinal, int churnedOnOrdinal, DateOnly? observedThrough, Dictionary<string, long> seen, InputProblems problems)
    {
        if (CsvRows.FieldCountProblem(csv) is { } fieldCount)
        {
            problems.Add(line, line, null, null, fieldCount);
            return null;
        }

        var valid = true;
        var id = csv.GetString(partnerOrdinal).Trim();
        if (id.Length == 0)
        {
            Problem(partnerOrdinal, null, "a value is required.");
        }
        else if (seen.TryGetValue(id, out var first))
        {
            Problem(partnerOrdinal, id, string.Create(CultureInfo.InvariantCulture, $"the same partner id is on line {first}; a file has one row per partner."));
        }
        else
        {
            seen.Add(id, line);
        }

        DateOnly? churnedOn = null;
        var day = csv.GetString(churnedOnOrdinal).Trim();
        if (day.Length > 0)
        {
            if (!DateOnly.TryParseExact(day, OpportunityCsv.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                Problem(churnedOnOrdinal, day, $"not a day in the form {OpportunityCsv.DateFormat}; leave it empty for a partner still active.");
            }
            else if (observedThrough is { } observed && parsed > observed)
            {
                Problem(churnedOnOrdinal, day, $"after --observed-through {observed.ToString(OpportunityCsv.DateFormat, CultureInfo.InvariantCulture)}, the last day outcomes are known.");
            }
            else
            {
                churnedOn = parsed;
            }
        }

        if (!valid)
        {
            return null;
        }

        var partner = new PartnerId(id);
        return churnedOn is { } churned ? ChurnOutcome.Churned(partner, churned) : ChurnOutcome.Active(partner);

        void Problem(int ordinal, string? value, string message)
        {
            valid = false;
            problems.Add(line, line, $"column \"{csv.GetName(ordinal)}\"", value, message);
        }
    }
}
