using System.CommandLine;
using System.Globalization;
using PartnerMetrics.Serialization;

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
        var format = new Option<string>("--format") { Description = "Output format: table, json, or html (one self-contained page with charts).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "html");
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the output to this file instead of the console." };

        var demo = new Command("demo", "Score the built-in demo portfolio (50 partners, 3 districts, two years of evidence and deals) and show health, top partners and hunting versus farming.")
        {
            asOf,
            format,
            outFile,
        };
        demo.SetAction(result => Report(DemoPortfolio.Create(), result.GetValue(asOf) ?? DemoPortfolio.Today, result.GetValue(format), result.GetValue(outFile), output));

        var file = new Argument<FileInfo>("portfolio") { Description = "A portfolio exported from a CRM, in the PartnerMetrics JSON form (docs/model.md)." };
        var score = new Command("score", "Score every partnership of a portfolio JSON file and show health, top partners and hunting versus farming.")
        {
            file,
            asOf,
            format,
            outFile,
        };
        score.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            Portfolio portfolio;
            try
            {
                using var stream = path.OpenRead();
                portfolio = PartnerMetricsJson.Deserialize<Portfolio>(stream);
            }
            catch (IOException ioError)
            {
                error.WriteLine($"Cannot read {path.FullName}: {ioError.Message}");
                return ExitCodes.InputUnreadable;
            }
            catch (System.Text.Json.JsonException jsonError)
            {
                error.WriteLine($"{path.Name}: {jsonError.Message}");
                return ExitCodes.InvalidInput;
            }

            var lastDay = portfolio.AllOpportunities().Select(o => o.LastUpdatedOn ?? o.ClosedOn ?? o.CreatedOn).DefaultIfEmpty(DemoPortfolio.Today).Max();
            return Report(portfolio, result.GetValue(asOf) ?? lastDay, result.GetValue(format), result.GetValue(outFile), output);
        });

        var root = new RootCommand("PartnerMetrics: partner health scoring and hunting-versus-farming pipeline analytics on CRM data.") { demo, score, PipelineCommand.Create(output, error) };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static int Report(Portfolio portfolio, DateOnly asOf, string? format, FileInfo? outFile, TextWriter output)
    {
        using var writer = outFile is null ? null : new StreamWriter(outFile.FullName);
        var target = writer ?? output;
        if (format == "html")
        {
            HtmlReport.Write(PortfolioReport.Create(portfolio, asOf), target);
        }
        else
        {
            var summary = PortfolioSummary.Create(portfolio, asOf);
            if (format == "json")
            {
                target.WriteLine(System.Text.Json.JsonSerializer.Serialize(summary, SummaryJsonContext.Default.PortfolioSummary));
            }
            else
            {
                SummaryTable.Write(summary, target);
            }
        }

        if (outFile is not null)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {outFile.FullName}"));
        }

        return ExitCodes.Success;
    }
}
