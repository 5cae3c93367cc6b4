using System.CommandLine;
using PartnerMetrics.Health;

namespace PartnerMetrics.Cli;

/// <summary>The <c>partnermetrics</c> command line: try PartnerMetrics on demo data or on a CRM export.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output streams (for tests and hosts).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The day to score as of (yyyy-MM-dd). Default: the last day of the data." };
        var format = CommandOutput.Format("Output format: table, json, or html (one self-contained page with charts).", "table", "json", "html");
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
            var scorer = ModelFile.Read(result.GetValue(model), error, out var exit);
            return scorer is null ? exit : Report(DemoPortfolio.Create(), scorer, result.GetValue(asOf) ?? DemoPortfolio.Today, result.GetValue(format), result.GetValue(outFile), output, error);
        });

        var file = new Argument<FileInfo>("portfolio") { Description = "A portfolio exported from a CRM, in the PartnerMetrics JSON form (docs/model.md)." };
        var score = new Command("score", "Score every partnership of a portfolio JSON file and show health, top partners and hunting versus farming.")
        {
            file,
            asOf,
            model,
            format,
            outFile,
        };
        score.SetAction(result =>
        {
            var scorer = ModelFile.Read(result.GetValue(model), error, out var exit);
            if (scorer is null)
            {
                return exit;
            }

            var path = result.GetValue(file)!;
            var portfolio = PortfolioFile.Read(path, output, error, out exit);
            if (portfolio is null)
            {
                return exit;
            }

            var lastDay = portfolio.AllOpportunities().Select(o => o.LastUpdatedOn ?? o.ClosedOn ?? o.CreatedOn).DefaultIfEmpty(DemoPortfolio.Today).Max();
            return Report(portfolio, scorer, result.GetValue(asOf) ?? lastDay, result.GetValue(format), result.GetValue(outFile), output, error, path.Length);
        });

        var root = new RootCommand("PartnerMetrics: partner health scoring and hunting-versus-farming pipeline analytics on CRM data.") { demo, score, ImportCommand.Create(output, error), PipelineCommand.Create(output, error), BacktestCommand.Create(output, error) };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Report(Portfolio portfolio, HealthScorer scorer, DateOnly asOf, string? format, FileInfo? outFile, TextWriter output, TextWriter error, long inputLength = 0)
    {
        if (format == "html")
        {
            var report = CommandOutput.WithStatus($"Scoring {portfolio.Partnerships.Length} partnerships", inputLength, output, () => PortfolioReport.Create(portfolio, asOf, scorer));
            return CommandOutput.Write(outFile, output, error, target => HtmlReport.Write(report, target));
        }

        var summary = CommandOutput.WithStatus($"Scoring {portfolio.Partnerships.Length} partnerships", inputLength, output, () => PortfolioSummary.Create(portfolio, asOf, scorer));
        return CommandOutput.Write(outFile, output, error, target =>
        {
            if (format == "json")
            {
                target.WriteLine(System.Text.Json.JsonSerializer.Serialize(summary, SummaryJsonContext.Default.PortfolioSummary));
            }
            else
            {
                SummaryTable.Write(summary, target);
            }
        });
    }
}
