using System.CommandLine;
using System.Globalization;

namespace PartnerMetrics.Cli;

/// <summary>The <c>partnermetrics</c> command line: try PartnerMetrics on demo data or on a CRM export.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output streams (for tests and hosts).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The day to score as of (yyyy-MM-dd). Default: the last day of the data." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the output to this file instead of the console." };

        var demo = new Command("demo", "Score the built-in demo portfolio (50 partners, 3 districts, two years of evidence and deals) and show health, top partners and hunting versus farming.")
        {
            asOf,
            format,
            outFile,
        };
        demo.SetAction(result =>
        {
            var day = result.GetValue(asOf) ?? DemoPortfolio.Today;
            var portfolio = DemoPortfolio.Create();
            var summary = PortfolioSummary.Create(portfolio, day);
            using var writer = result.GetValue(outFile) is { } file ? new StreamWriter(file.FullName) : null;
            var target = writer ?? output;
            if (result.GetValue(format) == "json")
            {
                target.WriteLine(System.Text.Json.JsonSerializer.Serialize(summary, SummaryJsonContext.Default.PortfolioSummary));
            }
            else
            {
                SummaryTable.Write(summary, target);
            }

            if (writer is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {result.GetValue(outFile)!.FullName}"));
            }

            return 0;
        });

        var root = new RootCommand("PartnerMetrics: partner health scoring and hunting-versus-farming pipeline analytics on CRM data.") { demo };
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
