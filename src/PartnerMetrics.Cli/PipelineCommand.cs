using System.CommandLine;
using System.Globalization;
using PartnerMetrics.Pipeline;
using Spectre.Console;

namespace PartnerMetrics.Cli;

/// <summary><c>partnermetrics pipeline &lt;opportunities.csv|json&gt; [--by district,quarter,motion,partner]</c>: hunting-versus-farming pipeline metrics of a CRM export.</summary>
internal static class PipelineCommand
{
    /// <summary>Inputs larger than this (about 100,000 CRM rows) show a progress bar on an interactive terminal.</summary>
    public const long ProgressThreshold = 10_000_000;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo>("opportunities")
        {
            Description = "A CRM export of opportunities: .csv (one row per deal, headers as in docs/cli.md) or .json (an array of opportunities or a portfolio, docs/model.md).",
        };
        file.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { } path && Kind(path) is null)
            {
                result.AddError($"'{path.Name}' must end in .csv or .json.");
            }
        });
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
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the output to this file instead of the console." };

        var command = new Command("pipeline", "Pipeline metrics of a CRM export of opportunities, overall or per group: deals, win rates, won value, hunting share, won cycle, velocity, partner concentration and profile.")
        {
            file,
            by,
            format,
            outFile,
        };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(by)!, result.GetValue(format), result.GetValue(outFile), output, error));
        return command;
    }

    private static string? Kind(FileInfo path) => path.Extension.ToUpperInvariant() switch
    {
        ".CSV" => "csv",
        ".JSON" => "json",
        _ => null,
    };

    private static int Run(FileInfo path, PipelineGrouping grouping, string? format, FileInfo? outFile, TextWriter output, TextWriter error)
    {
        var accumulator = new GroupedPipelineAccumulator<PipelineGroupKey>(grouping.Key);
        var problems = new InputProblems();
        try
        {
            using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var length = stream.Length;
            if (Kind(path) == "csv")
            {
                using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
                WithProgress(path, length, output, report => OpportunityCsv.Read(text, accumulator.Add, problems, () => report(stream.Position)));
            }
            else
            {
                var bytes = new byte[length];
                stream.ReadExactly(bytes);
                WithProgress(path, length, output, report => OpportunityJson.Read(bytes, accumulator.Add, problems, report));
            }
        }
        catch (Exception readError) when (readError is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {path.FullName}: {readError.Message}");
            return ExitCodes.InputUnreadable;
        }

        if (problems.Any)
        {
            problems.WriteTo(path.Name, error);
            return ExitCodes.InvalidInput;
        }

        var report = PipelineReport.Create(path.Name, grouping, accumulator.Result());
        try
        {
            using var writer = outFile is null ? null : new StreamWriter(outFile.FullName);
            var target = writer ?? output;
            if (format == "json")
            {
                target.WriteLine(System.Text.Json.JsonSerializer.Serialize(report, PipelineJsonContext.Default.PipelineReport));
            }
            else
            {
                PipelineTable.Write(report, target);
            }
        }
        catch (Exception writeError) when (writeError is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot write {outFile?.FullName}: {writeError.Message}");
            return ExitCodes.InputUnreadable;
        }

        if (outFile is not null)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {outFile.FullName}"));
        }

        return ExitCodes.Success;
    }

    /// <summary>Runs <paramref name="read"/>, showing a progress bar of the bytes read when the input is large and the console is an interactive terminal.</summary>
    private static void WithProgress(FileInfo path, long length, TextWriter output, Action<Action<long>> read)
    {
        if (!ShowsProgress(length, output))
        {
            read(_ => { });
            return;
        }

        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape($"Reading {path.Name}"), maxValue: length);
                read(position => task.Value = position);
                task.Value = length;
            });
    }

    /// <summary>Only a person watching a terminal sees a progress bar: never when the output is captured or redirected, or on CI.</summary>
    internal static bool ShowsProgress(long length, TextWriter output) =>
        length > ProgressThreshold
        && output == Console.Out
        && !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && AnsiConsole.Profile.Capabilities.Interactive;
}
