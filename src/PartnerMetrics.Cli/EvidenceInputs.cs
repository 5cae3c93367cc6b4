using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Import;

namespace PartnerMetrics.Cli;

/// <summary>
/// The inputs of <c>import</c> and <c>score</c> that build a portfolio from CRM exports (PartnerMetrics.Import;
/// docs/import.md, "Evidence"): one option per kind of file, or a folder of files with the usual names, read through
/// an evidence profile.
/// </summary>
internal sealed class EvidenceInputs
{
    /// <summary>The file names a folder is searched for, per kind, without the extension (.csv or .xlsx).</summary>
    private static readonly (EvidenceKind Kind, string Option, string[] Names, string What)[] Kinds =
    [
        (EvidenceKind.Partners, "--partners", ["partners", "accounts", "companies"], "partner accounts (required)"),
        (EvidenceKind.Commitments, "--tasks", ["tasks", "commitments"], "tasks: promises with due days and status"),
        (EvidenceKind.Interactions, "--activities", ["activities", "events", "engagements", "interactions"], "meetings, calls, emails and events"),
        (EvidenceKind.Cases, "--cases", ["cases", "tickets"], "cases or tickets: requests and escalations"),
        (EvidenceKind.Certifications, "--certifications", ["certifications"], "partner certifications"),
        (EvidenceKind.Deliveries, "--deliveries", ["deliveries", "projects"], "projects delivered, on time or not, with satisfaction"),
        (EvidenceKind.PlanReviews, "--plans", ["plan-reviews", "plans"], "joint plans, one row per review"),
        (EvidenceKind.GoalCheckIns, "--goals", ["goal-checkins", "goals"], "joint plan goals, one row per check-in"),
        (EvidenceKind.Opportunities, "--opportunities", ["opportunities", "deals"], "deals"),
    ];

    private readonly Dictionary<EvidenceKind, Option<string?>> files = [];
    private readonly Func<Stream> standardInput;

    public EvidenceInputs(Func<Stream> standardInput)
    {
        this.standardInput = standardInput;
        foreach (var (kind, option, names, what) in Kinds)
        {
            files[kind] = new Option<string?>(option) { Description = $"The export of {what}: .csv or .xlsx; - reads stdin.", HelpName = "file" };
        }
    }

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = $"The evidence profile of the exports: {string.Join(", ", EvidenceProfile.BuiltInNames)}, or a profile JSON file ({DocsLinks.Docs}import.md). Default: the files are in PartnerMetrics' own column names.",
        HelpName = "name|file.json",
    };

    public Option<DirectoryInfo?> Folder { get; } = new("--folder")
    {
        Description = $"A folder of exports with the usual names ({string.Join(", ", Kinds.Select(k => k.Names[0]))}, .csv or .xlsx); a file option overrides its file.",
        HelpName = "dir",
    };

    public Option<string?> Competencies { get; } = new("--competencies")
    {
        Description = "The competencies every partner is measured against (the vendor's focus workloads), comma-separated, e.g. \"Security,Data & AI\". Default: the profile's.",
        HelpName = "list",
    };

    public Option<string[]> Lookup { get; } = new("--lookup")
    {
        Description = "The second file of a lookup the profile declares, as kind.field=file.csv, e.g. --lookup commitments.side=users.csv. Repeatable.",
        HelpName = "kind.field=file.csv",
    };

    public Option<FileInfo?> SkipInvalid { get; } = new("--skip-invalid")
    {
        Description = "Skip rows that cannot be read, list each problem in this CSV file (file, line, column, value, problem), and import the rest.",
        HelpName = "rejects.csv",
    };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Fail when an export has columns the profile does not use, instead of warning about them.",
    };

    public IEnumerable<Option> All => [Profile, Folder, .. files.Values, Competencies, Lookup, SkipInvalid, Strict];

    /// <summary>Whether an option of the import itself is given (profile, competencies, lookups, bad rows, strictness): they apply to exports only.</summary>
    public bool AnyImportOptionGiven(ParseResult result) =>
        result.GetValue(Profile) is not null || result.GetValue(Competencies) is not null || result.GetValue(Lookup) is { Length: > 0 }
        || result.GetValue(SkipInvalid) is not null || result.GetValue(Strict);

    /// <summary>Whether any evidence input is given, so that the portfolio comes from exports.</summary>
    public bool AnyGiven(ParseResult result) => result.GetValue(Folder) is not null || files.Values.Any(o => result.GetValue(o) is not null);

    /// <summary>Imports the portfolio, writing per file what was read, skipped, left out and ignored; <see langword="null"/> after writing why not.</summary>
    /// <param name="result">The command line.</param>
    /// <param name="outFile">The file of <c>--out</c>, which may be neither an export nor the rejects file; <see langword="null"/> for the output stream.</param>
    /// <param name="error">Where the reports and any problem are written.</param>
    /// <param name="exit">The exit code.</param>
    /// <returns>The portfolio, or <see langword="null"/> when <paramref name="exit"/> is not success.</returns>
    public Portfolio? Import(ParseResult result, FileInfo? outFile, TextWriter error, out int exit)
    {
        exit = ExitCodes.Success;
        EvidenceProfile profile;
        Dictionary<EvidenceKind, string> paths;
        PortfolioImporter importer;
        try
        {
            if (CommandOutput.BesideTheReport("--skip-invalid", result.GetValue(SkipInvalid), "the rejects") is { } dash)
            {
                throw new ArgumentException(dash);
            }

            profile = LoadProfile(result.GetValue(Profile));
            if (result.GetValue(Competencies) is { } competencies)
            {
                string[] names = competencies.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (EvidenceProfile.Repeated(names) is { } twice)
                {
                    error.WriteLine(Terminal.Safe($"--competencies lists '{twice}' more than once (names are compared ignoring case)."));
                    exit = ExitCodes.Usage;
                    return null;
                }

                profile = profile with { RequiredCompetencies = [.. names] };
            }

            if (result.GetValue(SkipInvalid) is not null)
            {
                profile = profile with { BadRows = BadRowPolicy.Skip };
            }

            paths = Paths(result);
            if (CommandOutput.Clash([("--out", outFile), ("--skip-invalid", result.GetValue(SkipInvalid))], paths.Select(p => ($"the {files[p.Key].Name} export", (string?)p.Value)).Concat(ImportOptions.FilesRead(result.GetValue(Profile), result.GetValue(Lookup)))) is { } clash)
            {
                throw new ArgumentException(clash);
            }

            importer = new PortfolioImporter(profile, Lookups(profile, result.GetValue(Lookup) ?? []));
        }
        catch (Exception problem) when (problem is ArgumentException or JsonException or ImportException)
        {
            error.WriteLine(Terminal.Safe(InputProblems.Words(problem)));
            exit = ExitCodes.Usage;
            return null;
        }
        catch (FolderUnreadableException problem)
        {
            error.WriteLine(Terminal.Safe(problem.Message));
            exit = ExitCodes.InputUnreadable;
            return null;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read the profile or a lookup file: {problem.Message}");
            exit = ExitCodes.InputUnreadable;
            return null;
        }

        var streams = new List<Stream>();
        var report = new PortfolioImportReport();
        string? opening = null;
        try
        {
            var sources = new Dictionary<EvidenceKind, EvidenceSource>();
            foreach (var (kind, path) in paths)
            {
                opening = path;
                var stream = path == "-" ? standardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                opening = null;
                streams.Add(stream);
                var name = path == "-" ? StandardInput.Name : Path.GetFileName(path);
                sources[kind] = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? EvidenceSource.Excel(stream, name) : EvidenceSource.Csv(stream, name);
            }

            var portfolio = importer.Import(sources, report);
            exit = Summarize(report, profile, result, error);
            if (exit != ExitCodes.Success)
            {
                return null;
            }

            WarnOfUncertifiedCompetencies(portfolio, profile, result.GetValue(Competencies) is not null, error);
            return portfolio;
        }
        catch (ImportException problem)
        {
            Summarize(report, profile, result, error, failed: problem);
            exit = ExitCodes.InvalidInput;
            return null;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            // A file that would not open is named (a directory given for one is said to be one); a failure while reading is the stream's.
            error.WriteLine(opening is null ? $"Cannot read an export: {problem.Message}" : Terminal.Safe($"Cannot read {opening}: {ReadErrors.Why(problem, opening)}"));
            exit = ExitCodes.InputUnreadable;
            return null;
        }
        finally
        {
            foreach (var stream in streams)
            {
                stream.Dispose();
            }
        }
    }

    private static EvidenceProfile LoadProfile(string? profile)
    {
        if (profile is null)
        {
            return new EvidenceProfile { Name = "partnermetrics" };
        }

        if (!profile.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return EvidenceProfile.BuiltIn(profile);
        }

        using var stream = ReadErrors.OpenRead(profile, "--profile");
        try
        {
            return EvidenceProfile.Load(stream);
        }
        catch (JsonException problem)
        {
            throw new JsonException($"{Path.GetFileName(profile)}: {problem.Path}: {problem.Message}", problem.Path, problem.LineNumber, problem.BytePositionInLine, problem);
        }
    }

    /// <summary>The values of each <c>--lookup kind.field=file.csv</c>, read with the key and value columns the profile declares.</summary>
    private static List<EvidenceLookup> Lookups(EvidenceProfile profile, string[] given)
    {
        var lookups = new List<EvidenceLookup>();
        foreach (var text in given)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || equals <= dot + 1 || equals == text.Length - 1)
            {
                throw new ArgumentException($"--lookup {text}: expected kind.field=file.csv, such as commitments.side=users.csv.");
            }

            var (kindName, field, file) = (text[..dot], text[(dot + 1)..equals], text[(equals + 1)..]);
            var kind = Kinds.Select(k => k.Kind).FirstOrDefault(k => string.Equals(EvidenceSchema.JsonName(k), kindName, StringComparison.OrdinalIgnoreCase), (EvidenceKind)(-1));
            var declared = kind switch
            {
                (EvidenceKind)(-1) => throw new ArgumentException($"--lookup {text}: '{kindName}' is not a kind of file; the kinds are {string.Join(", ", Kinds.Select(k => EvidenceSchema.JsonName(k.Kind)))}."),
                EvidenceKind.Opportunities => (profile.Opportunities ?? ImportProfile.PartnerMetrics).Lookups,
                _ => profile.Tables.GetValueOrDefault(kind)?.Lookups ?? [],
            };
            var column = declared.FirstOrDefault(l => l.Field == field)
                ?? throw new ArgumentException($"--lookup {text}: the profile '{profile.Name}' declares no lookup of '{field}' in the {EvidenceSchema.JsonName(kind)} file ({DocsLinks.Docs}import.md, \"Lookups\").");
            if (column.ValueColumn is null)
            {
                throw new ArgumentException($"--lookup {text}: the profile's lookup of '{field}' names no 'valueColumn' to read from {file}.");
            }

            using var reader = new StreamReader(ReadErrors.OpenRead(file, "--lookup"));
            lookups.Add(new EvidenceLookup(kind, ImportOptions.Named(text, file, () => ImportLookup.FromCsv(field, reader, column.KeyColumn, column.ValueColumn))));
        }

        return lookups;
    }

    /// <summary>The file of each kind: the option's, else the folder's file with one of the kind's names.</summary>
    private Dictionary<EvidenceKind, string> Paths(ParseResult result)
    {
        var paths = new Dictionary<EvidenceKind, string>();
        var folder = result.GetValue(Folder);
        if (folder is { Exists: false })
        {
            throw new FolderUnreadableException(File.Exists(folder.FullName)
                ? $"Cannot read --folder {folder.FullName}: it is a file; give the folder of the exports, or the file with its option (--partners, --tasks, ...)."
                : $"Cannot read --folder {folder.FullName}: no such folder.");
        }

        // A folder's file names match whatever their case (Tasks.csv, events.CSV: exports and file systems differ), and a
        // kind with two files (tasks.csv and commitments.csv) is a question to ask, not one file to drop.
        var inFolder = folder?.EnumerateFiles().ToArray() ?? [];
        foreach (var (kind, option, names, _) in Kinds)
        {
            if (result.GetValue(files[kind]) is { } path)
            {
                if (string.IsNullOrWhiteSpace(path))
                {
                    throw new ArgumentException($"{option} '{path}' names no file; give a .csv or .xlsx export, or - for standard input.");
                }

                paths[kind] = path;
                continue;
            }

            var found = inFolder
                .Where(file => names.Any(n => file.Name.Equals($"{n}.csv", StringComparison.OrdinalIgnoreCase) || file.Name.Equals($"{n}.xlsx", StringComparison.OrdinalIgnoreCase)))
                .Select(file => file.FullName)
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (found.Length > 1)
            {
                throw new ArgumentException($"--folder {folder}: {string.Join(" and ", found.Select(Path.GetFileName))} could each be the {EvidenceSchema.JsonName(kind)} file; name the one to read with {option}.");
            }

            if (found.Length == 1)
            {
                paths[kind] = found[0];
            }
        }

        if (!paths.ContainsKey(EvidenceKind.Partners))
        {
            throw new ArgumentException(folder is null
                ? "--partners is required: the export of the partner accounts, to which every other file's evidence belongs."
                : $"--folder {folder}: no partner accounts file ({string.Join(", ", Kinds[0].Names.Select(n => n + ".csv"))} or .xlsx); name one with --partners.");
        }

        if (paths.Values.Count(p => p == "-") > 1)
        {
            throw new ArgumentException("Only one export can be read from stdin (-).");
        }

        return paths;
    }

    /// <summary>Writes each file's report; the exit code of the run (an error with --strict and ignored columns, or with rejects that cannot be written).</summary>
    private int Summarize(PortfolioImportReport report, EvidenceProfile profile, ParseResult result, TextWriter error, ImportException? failed = null)
    {
        var exit = ExitCodes.Success;
        foreach (var (kind, file) in report.Files.OrderBy(f => f.Key))
        {
            var name = Terminal.Safe(file.Source ?? kind.ToString());
            ImportOptions.WriteProblems(name, file, error);
            if (failed is not null)
            {
                continue;
            }

            // A row is left out as another account's or for a value the profile skips, or for a reason of the file's own that a
            // notice gives (a task without a due day, requests of a case file without a response column).
            var leftOut = file.Excluded == 0 || file.Notices.Count == 0 ? "not a partner's, or a value the profile skips" : "not a partner's, a value the profile skips, or as a notice below says";
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {file.Rows:N0} {(file.Rows == 1 ? "row" : "rows")}: {file.Imported:N0} read, {file.Skipped:N0} skipped, {file.Excluded:N0} left out ({leftOut})."));
            foreach (var notice in file.Notices)
            {
                error.WriteLine($"{name}: {Terminal.Safe(notice)}");
            }

            if (!file.IgnoredColumns.IsEmpty)
            {
                var columns = string.Join(", ", file.IgnoredColumns.Select(c => $"\"{Terminal.Safe(c)}\""));
                if (result.GetValue(Strict))
                {
                    error.WriteLine($"{name}: the profile '{profile.Name}' does not use the columns {columns}; drop --strict or use a profile that maps them.");
                    exit = ExitCodes.InvalidInput;
                }
                else
                {
                    error.WriteLine($"{name}: warning: {(file.IgnoredColumns.Length == 1 ? $"the column {columns} is" : $"the columns {columns} are")} not used (--strict makes this an error).");
                }
            }
        }

        if (failed is not null)
        {
            if (report.Files.Values.All(f => f.ProblemCount == 0))
            {
                error.WriteLine(Terminal.Safe(failed.Message));
            }

            // Without --profile the headers are PartnerMetrics' own field names; a CRM's export then lacks them all.
            if (result.GetValue(Profile) is null && failed.Problem is { Line: 1 } && failed.Message.Contains(" has no column ", StringComparison.Ordinal))
            {
                error.WriteLine($"Without --profile the exports are read by PartnerMetrics' own column names; {ImportOptions.ProfileChoices(EvidenceProfile.BuiltInNames)} reads that CRM's exports ({DocsLinks.Docs}import.md).");
            }

            // Skipping bad rows helps with a row, not with a file that has no header (empty, a missing column): no hint then.
            error.WriteLine(profile.BadRows == BadRowPolicy.Fail && failed.Problem is not { Line: <= 1 }
                ? "Nothing was imported; --skip-invalid FILE skips bad rows, lists them in FILE and imports the rest."
                : "Nothing was imported.");

            // The rejects file is written on a failed run too, with its problems: one left by an earlier run would list problems
            // these exports do not have. The exports' problem is the run's: one writing the file is said, and the exit code stays 2.
            if (result.GetValue(SkipInvalid) is { } failedRejects)
            {
                CommandOutput.WriteFile(failedRejects, error, target => WriteRejects(report, target));
            }

            return ExitCodes.InvalidInput;
        }

        foreach (var notice in report.Notices)
        {
            error.WriteLine(Terminal.Safe(notice));
        }

        // The rejects file is written on every run, its header alone when nothing was skipped: one left by an earlier run
        // would list problems these exports do not have.
        if (result.GetValue(SkipInvalid) is { } rejects)
        {
            if (!CommandOutput.WriteFile(rejects, error, target => WriteRejects(report, target)))
            {
                return ExitCodes.OutputUnwritable;
            }

            var skipped = report.Files.Values.Sum(f => f.Skipped);
            if (skipped > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{skipped:N0} {(skipped == 1 ? "row" : "rows")} skipped; their problems are in {rejects.Name}."));
            }
        }

        return exit;
    }

    /// <summary>
    /// Warns of each required competency that no certification of any partner names: it counts as missing for every
    /// partner, and lowers every competency score, so a misspelt name ("Cloud Migraton") must not pass unannounced. A focus
    /// workload no partner is certified in yet is a fact, so the import goes on.
    /// </summary>
    private static void WarnOfUncertifiedCompetencies(Portfolio portfolio, EvidenceProfile profile, bool fromOption, TextWriter error)
    {
        // Names match ignoring case, as coverage matches them (docs/scoring.md, Competency).
        var certified = portfolio.Partnerships.SelectMany(p => p.Certifications).Select(c => c.Competency).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var competency in profile.RequiredCompetencies.Where(c => !certified.Contains(c)))
        {
            error.WriteLine(Terminal.Safe($"warning: no certification in the exports names the required competency '{competency}' (names are compared ignoring case), so every partner lacks it; check its spelling in {(fromOption ? "--competencies" : "the profile's requiredCompetencies")}."));
        }
    }

    private static void WriteRejects(PortfolioImportReport report, TextWriter target)
    {
        target.WriteLine("file,line,column,value,problem");
        foreach (var (kind, file) in report.Files.OrderBy(f => f.Key))
        {
            foreach (var problem in file.Problems)
            {
                target.WriteLine(string.Join(',', [RejectsCsv.Cell(file.Source ?? kind.ToString()), problem.Line.ToString(CultureInfo.InvariantCulture), RejectsCsv.Cell(problem.Column), RejectsCsv.Cell(problem.Value), RejectsCsv.Cell(problem.Message)]));
            }
        }
    }

    /// <summary>A <c>--folder</c> that is not a folder: an input that cannot be read (exit 3), as a missing file is.</summary>
    private sealed class FolderUnreadableException(string message) : IOException(message);
}
