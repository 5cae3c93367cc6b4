using System.CommandLine;
using System.Globalization;
using PartnerMetrics.Health;
using PartnerMetrics.Reporting;

namespace PartnerMetrics.Cli;

/// <summary><c>partnermetrics score &lt;portfolio.json|-&gt;</c>: every partnership of a portfolio scored, with the top partners and hunting versus farming.</summary>
internal static class ScoreCommand
{
    public static Command Create(TextWriter output, TextWriter error, Func<Stream> standardInput)
    {
        var file = new Argument<FileInfo?>("portfolio")
        {
            Description = $"A portfolio in the PartnerMetrics JSON form ({DocsLinks.Docs}model.md, or what import writes); - reads it from standard input. Or give the CRM exports instead (--folder, --partners, ...).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var evidence = new EvidenceInputs(standardInput);
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The day to score as of (yyyy-MM-dd). Default: the latest day of any evidence in the portfolio (today when nothing in it is dated).",
        };
        var model = ModelFile.Option();
        var format = Format();
        var outFile = CommandOutput.OutFile();

        var command = new Command("score", "Score every partnership of a portfolio (a JSON file, or CRM exports imported on the way) and show health, top partners and hunting versus farming.")
        {
            file,
            asOf,
            model,
            format,
            outFile,
        };
        foreach (var option in evidence.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var scorer = ModelFile.Read(result.GetValue(model), error, out var exit);
            if (scorer is null)
            {
                return exit;
            }

            var path = result.GetValue(file);
            if ((path is null) == !evidence.AnyGiven(result))
            {
                error.WriteLine(path is null
                    ? "Give a portfolio JSON file (or - for standard input), or the CRM exports to import: --folder DIR, or --partners FILE with the other files."
                    : "Give a portfolio JSON file or CRM exports to import, not both.");
                return ExitCodes.Usage;
            }

            long length = 0;
            var portfolio = path is not null
                ? PortfolioFile.Read(path, standardInput, output, error, out exit, out length)
                : evidence.Import(result, error, out exit);
            if (portfolio is null)
            {
                return exit;
            }

            if (result.GetValue(asOf) is not { } day)
            {
                (day, var notice) = DefaultAsOf(portfolio, TimeProvider.System);
                error.WriteLine(notice);
            }

            return Report(portfolio, scorer, day, result.GetValue(format), result.GetValue(outFile), output, error, length);
        });
        return command;
    }

    /// <summary>Creates the <c>--format</c> option of <c>score</c> and <c>demo</c>.</summary>
    public static Option<string> Format() => CommandOutput.Format("Output format: table, json, or html (one self-contained page with charts).", "table", "json", "html");

    /// <summary>
    /// The day to score as of when <c>--as-of</c> is not given: the latest day of any evidence in the portfolio
    /// (<see cref="Portfolio.LatestEvidenceDay"/>), or today when nothing in it is dated; and a line that says which.
    /// </summary>
    /// <param name="portfolio">The portfolio read.</param>
    /// <param name="clock">Gives today, in the local time zone.</param>
    /// <returns>The day, and the notice written to the error stream, so that JSON and HTML on the output stay clean.</returns>
    public static (DateOnly Day, string Notice) DefaultAsOf(Portfolio portfolio, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(clock);
        if (portfolio.LatestEvidenceDay() is { } latest)
        {
            return (latest, $"As of {Iso(latest)} (the latest day of the evidence; --as-of to change).");
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return (today, $"As of {Iso(today)} (today: nothing in the portfolio is dated; --as-of to change).");
    }

    /// <summary>Scores every partnership of <paramref name="portfolio"/> as of <paramref name="asOf"/> and writes the report: the part of <c>score</c> that <c>demo</c> shares.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="scorer">Scores with the model of <c>--model</c>.</param>
    /// <param name="asOf">The day to score as of.</param>
    /// <param name="format"><c>table</c>, <c>json</c> or <c>html</c>.</param>
    /// <param name="outFile">The file of <c>--out</c>, or <see langword="null"/> for the output stream.</param>
    /// <param name="output">The output stream.</param>
    /// <param name="error">Where a problem is written.</param>
    /// <param name="inputLength">The size of the input in bytes, so that a large one shows a spinner; 0 when not known.</param>
    /// <returns>The exit code.</returns>
    public static int Report(Portfolio portfolio, HealthScorer scorer, DateOnly asOf, string? format, FileInfo? outFile, TextWriter output, TextWriter error, long inputLength = 0)
    {
        var status = string.Create(CultureInfo.InvariantCulture, $"Scoring {portfolio.Partnerships.Length} partnerships");
        if (format == "html")
        {
            // HtmlReport.WritePortfolio in two steps: the scoring under the spinner, before the output is opened; then the page.
            var report = CommandOutput.WithStatus(status, inputLength, output, () => PortfolioReport.Create(portfolio, asOf, scorer));
            return CommandOutput.Write(outFile, output, error, target => HtmlReport.Write(report, target, CancellationToken.None));
        }

        var summary = CommandOutput.WithStatus(status, inputLength, output, () => PortfolioSummary.Create(portfolio, asOf, scorer));
        return CommandOutput.Write(outFile, output, error, target =>
        {
            if (format == "json")
            {
                JsonOutput.WriteLine(target, summary, SummaryJsonContext.Default.PortfolioSummary);
            }
            else
            {
                SummaryTable.Write(summary, target);
            }
        });
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
