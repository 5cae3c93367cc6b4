using System.CommandLine;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Reporting;

namespace PartnerMetrics.Cli;

/// <summary><c>partnermetrics pipeline &lt;opportunities.csv|json&gt; [--by district,quarter,motion,partner]</c>: hunting-versus-farming pipeline metrics of a CRM export.</summary>
internal static class PipelineCommand
{
    // The groups' metrics are computed on every core, as the export is read on every core.
    private static readonly ParallelOptions AllCores = new();

    public static Command Create(TextWriter output, TextWriter error, Func<Stream> standardInput)
    {
        var file = new Argument<FileInfo>("opportunities")
        {
            Description = $"A CRM export of opportunities: .csv (one row per deal, headers as in {DocsLinks.Docs}cli.md, or any CRM's with --profile), .xlsx (a sheet of such rows) or .json (an array of opportunities or a portfolio, {DocsLinks.Docs}model.md); - reads CSV from standard input.",
        };
        file.Validators.Add(result =>
        {
            // A directory is an input that cannot be read (exit 3, said when it is opened), whatever its name.
            if (OptionValues.Readable(result.GetValueOrDefault<FileInfo>) is { } path && !StandardInput.Is(path) && Kind(path) is null && !Directory.Exists(path.FullName))
            {
                result.AddError($"'{path.Name}' must end in .csv, .xlsx or .json.");
            }
        });
        var import = new ImportOptions();
        var by = new Option<PipelineGrouping>("--by")
        {
            Description = "Group the deals by these keys, comma-separated, in order: district, quarter (created), motion (hunting or farming), partner. Default: one group of every deal.",
            HelpName = "district,quarter,motion,partner",
            DefaultValueFactory = _ => PipelineGrouping.None,
            CustomParser = result =>
            {
                if (PipelineGrouping.TryParse(result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty, out var grouping, out var problem))
                {
                    return grouping;
                }

                result.AddError(problem!);
                return PipelineGrouping.None;
            },
        };
        var format = CommandOutput.Format("Output format: table, json, or html (one self-contained page).", "table", "json", "html");
        var outFile = CommandOutput.OutFile();

        var command = new Command("pipeline", "Pipeline metrics of a CRM export of opportunities, overall or per group: deals, win rates, won value, hunting share, won cycle, velocity, partner concentration and profile.")
        {
            file,
            by,
            format,
            outFile,
        };
        foreach (var option in import.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!StandardInput.Is(path) && Kind(path) == "json" && import.AnyGiven(result))
            {
                error.WriteLine($"--profile, --map, --lookup, --infer-motion, --skip-invalid, --strict and --sheet read a CSV or Excel export; '{path.Name}' is not one.");
                return ExitCodes.Usage;
            }

            if (CommandOutput.BesideTheReport("--skip-invalid", result.GetValue(import.SkipInvalid), "the rejects") is { } dash)
            {
                error.WriteLine(dash);
                return ExitCodes.Usage;
            }

            if (CommandOutput.Clash([("--out", result.GetValue(outFile)), ("--skip-invalid", result.GetValue(import.SkipInvalid))], [("the opportunities file", path.ToString()), .. ImportOptions.FilesRead(result.GetValue(import.Profile), result.GetValue(import.Lookup))]) is { } clash)
            {
                error.WriteLine(clash);
                return ExitCodes.Usage;
            }

            if (Kind(path) != "xlsx" && result.GetValue(import.Sheet) is not null)
            {
                error.WriteLine($"--sheet names a sheet of an Excel workbook (.xlsx); '{path.Name}' is not one.");
                return ExitCodes.Usage;
            }

            // Standard input without an import option is read as a CSV file is, by the same rules: the same bytes give the
            // same result, or the same problems, whichever way they come in.
            return Kind(path) == "xlsx" || import.AnyGiven(result)
                ? RunImport(path, standardInput, import, result, output, error)
                : Run(path, standardInput, result.GetValue(by)!, result.GetValue(format), result.GetValue(outFile), output, error);
        });
        return command;
    }

    /// <summary>Reads a CSV export through an import profile (PartnerMetrics.Import), from a file or standard input.</summary>
    private static int RunImport(FileInfo path, Func<Stream> standardInput, ImportOptions import, ParseResult result, TextWriter output, TextWriter error)
    {
        var importer = import.Importer(result, error, out var exit);
        if (importer is null)
        {
            return exit;
        }

        var grouping = result.GetRequiredValue<PipelineGrouping>("--by");
        var accumulator = new GroupedPipelineAccumulator<PipelineGroupKey>(grouping.Key);
        var name = StandardInput.NameOf(path);
        try
        {
            using var stream = StandardInput.Is(path) ? standardInput() : new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            // A CSV export is parsed and accumulated in blocks on every core, each block into its own grouping, merged in file order.
            exit = import.Read(
                importer,
                name,
                stream,
                !StandardInput.Is(path) && Kind(path) == "xlsx",
                accumulator.Add,
                result,
                error,
                (csv, report) => importer.ReadCsvInto(csv, accumulator, () => new GroupedPipelineAccumulator<PipelineGroupKey>(grouping.Key), static (block, deal) => block.Add(deal), static (total, block) => total.Merge(block), static block => block.Clear(), report));
        }
        catch (Exception readError) when (readError is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {(StandardInput.Is(path) ? name : path.FullName)}: {ReadErrors.Why(readError, path.FullName)}");
            return ExitCodes.InputUnreadable;
        }

        return exit != ExitCodes.Success ? exit : Write(name, grouping, accumulator.Result(options: null, AllCores), result.GetValue<string>("--format"), result.GetValue<FileInfo?>("--out"), output, error);
    }

    private static int Write(string input, PipelineGrouping grouping, GroupedPipelineResult<PipelineGroupKey> result, string? format, FileInfo? outFile, TextWriter output, TextWriter error) =>
        CommandOutput.Write(outFile, output, error, target =>
        {
            if (format == "html")
            {
                if (grouping.Dimensions.IsEmpty)
                {
                    HtmlReport.WritePipeline(target, result.Total, input);
                }
                else
                {
                    HtmlReport.WritePipeline(target, result, input, [.. grouping.Dimensions.Select(d => PipelineGrouping.Names[(int)d])], grouping.Values, grouping);
                }

                return;
            }

            var report = PipelineReport.Create(input, grouping, result);
            if (format == "json")
            {
                JsonOutput.WriteLine(target, report, PipelineJsonContext.Default.PipelineReport);
            }
            else
            {
                PipelineTable.Write(report, target);
            }
        });

    private static string? Kind(FileInfo path) => path.Extension.ToUpperInvariant() switch
    {
        ".CSV" => "csv",
        ".JSON" => "json",
        ".XLSX" => "xlsx",
        _ => null,
    };

    private static int Run(FileInfo path, Func<Stream> standardInput, PipelineGrouping grouping, string? format, FileInfo? outFile, TextWriter output, TextWriter error)
    {
        var accumulator = new GroupedPipelineAccumulator<PipelineGroupKey>(grouping.Key);
        var problems = new InputProblems();
        var fromStandardInput = StandardInput.Is(path);
        var name = StandardInput.NameOf(path);
        try
        {
            // A named pipe (or /dev/stdin, or standard input) has no length: it is read to its end, without progress.
            using var stream = fromStandardInput ? standardInput() : new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var length = stream.CanSeek ? stream.Length : 0;
            if (fromStandardInput || Kind(path) == "csv")
            {
                CommandOutput.WithProgress(path, length, output, report => OpportunityCsv.Read(stream, accumulator.Add, problems, () => report(stream.CanSeek ? stream.Position : 0)));
            }
            else
            {
                CommandOutput.WithProgress(path, length, output, report => OpportunityJson.Read(stream, accumulator.Add, problems, report));
            }
        }
        catch (Exception readError) when (readError is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {(fromStandardInput ? name : path.FullName)}: {ReadErrors.Why(readError, path.FullName)}");
            return ExitCodes.InputUnreadable;
        }

        if (problems.Any)
        {
            problems.WriteTo(name, error);
            return ExitCodes.InvalidInput;
        }

        return Write(name, grouping, accumulator.Result(options: null, AllCores), format, outFile, output, error);
    }
}
