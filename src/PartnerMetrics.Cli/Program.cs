using System.CommandLine;

namespace PartnerMetrics.Cli;

/// <summary>The <c>partnermetrics</c> command line: try PartnerMetrics on demo data or on a CRM export.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output streams (for tests and hosts); <c>-</c> reads the console's standard input.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, Console.OpenStandardInput, output, error);

    /// <summary>Runs the command line with the given streams (for tests and hosts).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="standardInput">Opens what the file argument <c>-</c> reads.</param>
    /// <param name="output">The output stream.</param>
    /// <param name="error">The error stream, which also takes notices such as the day a score defaults to.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, Func<Stream> standardInput, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(standardInput);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        error = new TerminalWriter(error);
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The day to score as of (yyyy-MM-dd). Default: the last day of the demo data, 2025-06-30.",
            CustomParser = result => OptionValues.Day(result, "--as-of"),
        };
        var format = ScoreCommand.Format();
        var outFile = CommandOutput.OutFile();
        var model = ModelFile.Option();

        var demo = new Command("demo", "Score the built-in demo portfolio (50 partners, 3 districts, two years of evidence and deals) and show health, top partners and hunting versus farming.")
        {
            asOf,
            model,
            format,
            outFile,
        };
        demo.SetAction(result =>
        {
            if (CommandOutput.Clash([("--out", result.GetValue(outFile))], [("the --model file", result.GetValue(model)?.ToString())]) is { } clash)
            {
                error.WriteLine(clash);
                return ExitCodes.Usage;
            }

            var scorer = ModelFile.Read(result.GetValue(model), error, out var exit);
            return scorer is null ? exit : ScoreCommand.Report(DemoPortfolio.Create(), scorer, result.GetValue(asOf) ?? DemoPortfolio.Today, result.GetValue(format), result.GetValue(outFile), output, error);
        });

        var root = new RootCommand("PartnerMetrics: partner health scoring and hunting-versus-farming pipeline analytics on CRM data.")
        {
            demo,
            ScoreCommand.Create(output, error, standardInput),
            ImportCommand.Create(output, error, standardInput),
            PipelineCommand.Create(output, error, standardInput),
            BacktestCommand.Create(output, error, standardInput),
        };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
