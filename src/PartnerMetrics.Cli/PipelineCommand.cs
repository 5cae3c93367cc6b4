using System.CommandLine;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Cli;

/// <summary><c>partnermetrics pipeline &lt;opportunities.csv|json&gt; [--by district,quarter,motion,partner]</c>: hunting-versus-farming pipeline metrics of a CRM export.</summary>
internal static class PipelineCommand
{
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
        var format = CommandOutput.Format("Output format: table or json.", "table", "json");
        var outFile = CommandOutput.OutFile();

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
                CommandOutput.WithProgress(path, length, output, report => OpportunityCsv.Read(stream, accumulator.Add, problems, () => report(stream.Position)));
            }
            else
            {
                var bytes = new byte[length];
                stream.ReadExactly(bytes);
                CommandOutput.WithProgress(path, length, output, report => OpportunityJson.Read(bytes, accumulator.Add, problems, report));
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
        return CommandOutput.Write(outFile, output, error, target =>
        {
            if (format == "json")
            {
                target.WriteLine(System.Text.Json.JsonSerializer.Serialize(report, PipelineJsonContext.Default.PipelineReport));
            }
            else
            {
                PipelineTable.Write(report, target);
            }
        });
    }
}
