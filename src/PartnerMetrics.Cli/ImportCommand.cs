using System.CommandLine;
using System.Globalization;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Cli;

/// <summary>The <c>import</c> command: CRM exports in, a portfolio JSON (docs/model.md) out, for <c>score</c>, <c>backtest</c> or an application.</summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Stream> standardInput)
    {
        var inputs = new EvidenceInputs(standardInput);
        var outFile = CommandOutput.OutFile();
        var command = new Command("import", "Build a portfolio JSON from CRM exports (partner accounts, tasks, activities, cases, certifications, deliveries, joint plans, deals), reporting per file what was read, skipped and left out.");
        foreach (var option in inputs.All)
        {
            command.Options.Add(option);
        }

        command.Options.Add(outFile);
        command.SetAction(result =>
        {
            if (!inputs.AnyGiven(result))
            {
                error.WriteLine("Give the exports: --folder DIR, or --partners FILE with the other files (partnermetrics import --help).");
                return ExitCodes.Usage;
            }

            var portfolio = inputs.Import(result, result.GetValue(outFile), error, out var exit);
            if (portfolio is null)
            {
                return exit;
            }

            exit = CommandOutput.Write(result.GetValue(outFile), output, error, writer => JsonOutput.Write(writer, stream => PartnerMetricsJson.Serialize(stream, portfolio)));
            if (exit == ExitCodes.Success)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{portfolio.Partnerships.Length:N0} partnerships and {portfolio.AllOpportunities().Count():N0} deals imported."));
            }

            return exit;
        });
        return command;
    }
}
