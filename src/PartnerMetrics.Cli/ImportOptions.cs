using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Import;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Cli;

/// <summary>
/// The options of <c>pipeline</c> that read a CRM export through an import profile (PartnerMetrics.Import; docs/import.md):
/// <c>--profile</c>, <c>--map</c>, <c>--lookup</c>, <c>--infer-motion</c>, <c>--skip-invalid</c> and <c>--strict</c>.
/// </summary>
internal sealed class ImportOptions
{
    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = $"Read the CSV with an import profile: {string.Join(", ", ImportProfile.BuiltInNames)}, or a profile JSON file ({DocsLinks.Docs}import.md).",
        HelpName = "name|file.json",
    };

    /// <summary>The <c>--profile</c> options that read a CRM's own export, as a hint gives them: "--profile a, --profile b or --profile c".</summary>
    /// <param name="names">The built-in profiles' names, at least one.</param>
    public static string ProfileChoices(IEnumerable<string> names)
    {
        var profiles = names.Select(name => $"--profile {name}").ToList();
        return profiles.Count > 1 ? $"{string.Join(", ", profiles.Take(profiles.Count - 1))} or {profiles[^1]}" : profiles[0];
    }

    public Option<string[]> Map { get; } = new("--map")
    {
        Description = "Take a field from a column the profile does not name, e.g. --map district=\"Sales Office\". Repeatable.",
        HelpName = "field=header",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Lookup { get; } = new("--lookup")
    {
        Description = "The second file of a lookup the profile declares, e.g. --lookup district=sales_teams.csv. Repeatable.",
        HelpName = "field=file.csv",
    };

    public Option<bool> InferMotion { get; } = new("--infer-motion")
    {
        Description = "Infer new logo versus farming from each account's history (the first won deal is NewLogo) instead of reading it.",
    };

    public Option<FileInfo?> SkipInvalid { get; } = new("--skip-invalid")
    {
        Description = "Skip rows that cannot be read, list each problem in this CSV file (line, column, value, problem), and compute the rest.",
        HelpName = "rejects.csv",
    };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Fail when the export has columns the profile does not use, instead of warning about them.",
    };

    public Option<string?> Sheet { get; } = new("--sheet")
    {
        Description = "The sheet of an .xlsx workbook to read. Default: the first that is not hidden.",
        HelpName = "name",
    };

    public IEnumerable<Option> All => [Profile, Map, Lookup, InferMotion, SkipInvalid, Strict, Sheet];

    /// <summary>Whether any import option is given, so that the export is read through a profile.</summary>
    public bool AnyGiven(ParseResult result) =>
        result.GetValue(Profile) is not null || result.GetValue(Map) is { Length: > 0 } || result.GetValue(Lookup) is { Length: > 0 }
        || result.GetValue(InferMotion) || result.GetValue(SkipInvalid) is not null || result.GetValue(Strict) || result.GetValue(Sheet) is not null;

    /// <summary>Builds the importer from the options; <see langword="null"/> after writing the problem to <paramref name="error"/>.</summary>
    public OpportunityImporter? Importer(ParseResult result, TextWriter error, out int exit)
    {
        exit = ExitCodes.Success;
        try
        {
            var profile = LoadProfile(result.GetValue(Profile));
            profile = WithMaps(profile, result.GetValue(Map) ?? []);
            if (result.GetValue(InferMotion))
            {
                profile = profile with { InferMotion = true };
            }

            if (result.GetValue(SkipInvalid) is not null)
            {
                profile = profile with { BadRows = BadRowPolicy.Skip };
            }

            return new OpportunityImporter(profile, Lookups(profile, result.GetValue(Lookup) ?? []));
        }
        catch (Exception problem) when (problem is ArgumentException or JsonException or ImportException)
        {
            error.WriteLine(InputProblems.Words(problem));
            exit = ExitCodes.Usage;
            return null;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read a file of the import options: {problem.Message}");
            exit = ExitCodes.InputUnreadable;
            return null;
        }
    }

    /// <summary>Reads the export into <paramref name="add"/>, or a CSV export through <paramref name="readCsv"/> when given; returns the exit code, having written the report and any problem.</summary>
    public int Read(OpportunityImporter importer, string name, Stream input, bool excel, Action<Opportunity> add, ParseResult result, TextWriter error, Action<Stream, ImportReport>? readCsv = null)
    {
        // With --skip-invalid every problem goes to the rejects file, so every one is kept.
        var report = new ImportReport(result.GetValue(SkipInvalid) is null ? ImportReport.DefaultKeptProblems : int.MaxValue);
        try
        {
            if (!excel && readCsv is not null)
            {
                readCsv(input, report);
            }
            else
            {
                foreach (var deal in excel ? importer.ReadExcel(input, result.GetValue(Sheet), report) : importer.ReadCsv(input, report))
                {
                    add(deal);
                }
            }
        }
        catch (ImportException problem)
        {
            WriteProblems(name, report, error);
            if (report.ProblemCount == 0)
            {
                error.WriteLine($"{name}: {problem.Message}");
            }

            // The input's problem is the run's: a rejects file that cannot be written is said, and the exit code stays 2.
            TryWriteRejects(report, result, error);

            // Skipping rows does not help amounts in two currencies: no row is wrong on its own.
            error.WriteLine(importer.Profile.BadRows == BadRowPolicy.Fail && report.Rows > 0 && report.MixedCurrencies() is null
                ? $"{name}: nothing was computed; --skip-invalid FILE skips bad rows, lists them in FILE and computes the rest."
                : $"{name}: nothing was computed.");
            return ExitCodes.InvalidInput;
        }

        foreach (var notice in report.Notices)
        {
            error.WriteLine($"{name}: {notice}");
        }

        // A mapped column comes first for its field, so it gives the field whenever the export has it. One the export
        // lacks left the field to the profile's own columns, or to none, unannounced: a misspelt header is a wrong option.
        foreach (var map in result.GetValue(Map) ?? [])
        {
            var (field, header) = Split(map, "--map", "field=header");
            if (!report.Columns.TryGetValue(field, out var column) || ImportProfile.Normalize(column) != ImportProfile.Normalize(header))
            {
                error.WriteLine($"{name}: --map {Terminal.Safe(map)}: the export has no column \"{Terminal.Safe(header)}\" (headers are compared ignoring case, spaces, '_' and '-'); nothing was computed.");
                TryWriteRejects(report, result, error);
                return ExitCodes.Usage;
            }
        }

        if (!report.IgnoredColumns.IsEmpty)
        {
            var columns = string.Join(", ", report.IgnoredColumns.Select(c => $"\"{Terminal.Safe(c)}\""));
            if (result.GetValue(Strict))
            {
                error.WriteLine($"{name}: the profile '{importer.Profile.Name}' does not use the columns {columns}; map them (--map field=header) or drop --strict. Nothing was computed.");
                TryWriteRejects(report, result, error);
                return ExitCodes.InvalidInput;
            }

            error.WriteLine($"{name}: warning: {(report.IgnoredColumns.Length == 1 ? $"the column {columns} is" : $"the columns {columns} are")} not used (--map field=header takes one; --strict makes this an error).");
        }

        if (result.GetValue(SkipInvalid) is { } rejects)
        {
            WriteProblems(name, report, error);
            if (!TryWriteRejects(report, result, error))
            {
                return ExitCodes.OutputUnwritable;
            }

            if (report.Skipped > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {report.Skipped:N0} of {report.Rows:N0} rows skipped; their problems are in {rejects.Name}."));
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// Writes the rejects file of <c>--skip-invalid</c>, when given, on every run that read the export, one that failed too (a
    /// missing column, <c>--strict</c>): its header alone when nothing was skipped. A file left by an earlier run would
    /// list problems this input does not have.
    /// </summary>
    /// <returns><see langword="false"/> when the file cannot be written (said on <paramref name="error"/>).</returns>
    private bool TryWriteRejects(ImportReport report, ParseResult result, TextWriter error) =>
        result.GetValue(SkipInvalid) is not { } rejects || CommandOutput.WriteFile(rejects, error, target => WriteRejects(report, target));

    private static ImportProfile LoadProfile(string? profile)
    {
        if (profile is null)
        {
            return ImportProfile.PartnerMetrics;
        }

        if (!profile.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ImportProfile.BuiltIn(profile);
        }

        using var stream = ReadErrors.OpenRead(profile, "--profile");
        try
        {
            return ImportProfile.Load(stream);
        }
        catch (JsonException problem)
        {
            throw new JsonException($"{Path.GetFileName(profile)}: {problem.Path}: {problem.Message}", problem.Path, problem.LineNumber, problem.BytePositionInLine, problem);
        }
    }

    private static ImportProfile WithMaps(ImportProfile profile, string[] maps)
    {
        var columns = profile.Columns;
        var mapped = new Dictionary<string, (string Field, string Map)>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            var (field, header) = Split(map, "--map", "field=header");
            if (!ImportProfile.Fields.Contains(field))
            {
                throw new ArgumentException($"--map {map}: '{field}' is not a field; the fields are {string.Join(", ", ImportProfile.Fields)}.");
            }

            // A column feeds one field: a second --map of the same column would take it from the first silently.
            if (mapped.TryGetValue(ImportProfile.Normalize(header), out var earlier) && earlier.Field != field)
            {
                throw new ArgumentException($"--map {map}: the column \"{header}\" is already mapped by --map {earlier.Map}; a column feeds one field.");
            }

            mapped[ImportProfile.Normalize(header)] = (field, map);

            // The mapped header replaces any field that had it, and comes first for its field.
            columns = columns.ToImmutableDictionary(c => c.Key, c => c.Value.RemoveAll(h => ImportProfile.Normalize(h) == ImportProfile.Normalize(header)))
                .Where(c => !c.Value.IsEmpty).ToImmutableDictionary();
            columns = columns.SetItem(field, [header, .. columns.GetValueOrDefault(field, [])]);
        }

        return profile with { Columns = columns };
    }

    private static List<ImportLookup> Lookups(ImportProfile profile, string[] files)
    {
        var lookups = new List<ImportLookup>();
        foreach (var given in files)
        {
            var (field, file) = Split(given, "--lookup", "field=file.csv");
            var column = profile.Lookups.FirstOrDefault(l => l.Field == field)
                ?? throw new ArgumentException($"--lookup {given}: the profile '{profile.Name}' declares no lookup of '{field}' ({DocsLinks.Docs}import.md, \"Lookups\").");
            if (column.ValueColumn is null)
            {
                throw new ArgumentException($"--lookup {given}: the profile's lookup of '{field}' names no 'valueColumn' to read from {file}.");
            }

            using var reader = new StreamReader(ReadErrors.OpenRead(file, "--lookup"));
            lookups.Add(Named(given, file, () => ImportLookup.FromCsv(field, reader, column.KeyColumn, column.ValueColumn)));
        }

        return lookups;
    }

    /// <summary>Reads a lookup file; a problem in it names the file and the option, beside the export's own problems.</summary>
    internal static T Named<T>(string option, string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ImportException problem)
        {
            throw new ImportException($"{Path.GetFileName(file)} (--lookup {option}): {problem.Message}", problem);
        }
    }

    /// <summary>
    /// The files the import options read besides the export — a profile file (one ending in <c>.json</c>; any other name is
    /// a built-in profile) and each <c>--lookup</c>'s file — for <see cref="CommandOutput.Clash"/>, so that an output never
    /// replaces them. A lookup without a file is left to its own check.
    /// </summary>
    internal static IEnumerable<(string What, string? Path)> FilesRead(string? profile, string[]? lookups)
    {
        if (profile is not null && profile.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            yield return ("the --profile file", profile);
        }

        foreach (var lookup in lookups ?? [])
        {
            var equals = lookup.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && equals < lookup.Length - 1)
            {
                yield return ($"the --lookup file of {lookup[..equals].Trim()}", lookup[(equals + 1)..].Trim());
            }
        }
    }

    private static (string Left, string Right) Split(string text, string option, string form)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && equals < text.Length - 1
            ? (text[..equals].Trim(), text[(equals + 1)..].Trim())
            : throw new ArgumentException($"{option} {text}: expected {form}.");
    }

    /// <summary>The problems per column with their counts, then the first ones with their lines.</summary>
    internal static void WriteProblems(string name, ImportReport report, TextWriter error)
    {
        if (report.ProblemCount == 0)
        {
            return;
        }

        var columns = string.Join("; ", report.ProblemsByColumn.Select(c => string.Create(CultureInfo.InvariantCulture, $"{Terminal.Safe(c.Key)} {c.Value:N0}")));
        var (problems, rows) = (report.ProblemCount == 1 ? "problem" : "problems", report.Rows == 1 ? "row" : "rows");
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {report.ProblemCount:N0} {problems} in {report.Rows:N0} {rows} read, by column: {columns}."));
        foreach (var problem in report.Problems.Take(20))
        {
            error.WriteLine($"  {Terminal.Safe(problem.ToString())}");
        }

        if (report.ProblemCount > 20)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {report.ProblemCount - 20:N0} more."));
        }
    }

    private static void WriteRejects(ImportReport report, TextWriter target)
    {
        target.WriteLine("line,column,value,problem");
        foreach (var problem in report.Problems)
        {
            target.WriteLine(string.Join(',', [problem.Line.ToString(CultureInfo.InvariantCulture), RejectsCsv.Cell(problem.Column), RejectsCsv.Cell(problem.Value), RejectsCsv.Cell(problem.Message)]));
        }
    }
}
