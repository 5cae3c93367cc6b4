using System.CommandLine;
using System.Globalization;
using PartnerMetrics.Health;
using PartnerMetrics.Reporting;
using PartnerMetrics.Serialization;

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
        file.Validators.Add(result =>
        {
            // The parser leaves an optional argument that names no file ('') unread until the command runs, where reading it would throw.
            if (result.Tokens.Count == 1 && OptionValues.Readable(result.GetValueOrDefault<FileInfo?>) is null)
            {
                result.AddError($"Cannot parse argument '{result.Tokens[0].Value}' for command 'score' as a file: give a portfolio JSON file, or - for standard input.");
            }
        });
        var evidence = new EvidenceInputs(standardInput);
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The day to score as of (yyyy-MM-dd). Default: the latest day of any evidence in the portfolio (today when nothing in it is dated).",
            CustomParser = result => OptionValues.Day(result, "--as-of"),
        };
        var model = ModelFile.Option();
        var formatOption = Format();
        var outFile = CommandOutput.OutFile();

        var command = new Command("score", "Score every partnership of a portfolio (a JSON file, or CRM exports imported on the way) and show health, top partners and hunting versus farming.")
        {
            file,
            asOf,
            model,
            formatOption,
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

            if (path is not null && evidence.AnyImportOptionGiven(result))
            {
                error.WriteLine("--profile, --competencies, --lookup, --skip-invalid and --strict import CRM exports (--folder, or --partners with the other files); a portfolio file is read as it is.");
                return ExitCodes.Usage;
            }

            if (CommandOutput.Clash([("--out", result.GetValue(outFile))], [("the portfolio", path?.ToString()), ("the --model file", result.GetValue(model)?.ToString())]) is { } clash)
            {
                error.WriteLine(clash);
                return ExitCodes.Usage;
            }

            var format = result.GetValue(formatOption);
            if (path is not null && !StandardInput.Is(path))
            {
                return Streamed(path, scorer, result.GetValue(asOf), format, result.GetValue(outFile), output, error);
            }

            long length = 0;
            var portfolio = path is not null
                ? PortfolioFile.Read(path, standardInput, output, error, out exit, out length)
                : evidence.Import(result, result.GetValue(outFile), error, out exit);
            if (portfolio is null)
            {
                return exit;
            }

            if (result.GetValue(asOf) is not { } day)
            {
                (day, var notice) = DefaultAsOf(portfolio, TimeProvider.System);
                error.WriteLine(notice);
            }

            return Report(portfolio, scorer, day, format, result.GetValue(outFile), output, error, length);
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
        return DefaultAsOf(portfolio.LatestEvidenceDay(), clock);
    }

    /// <summary>The day to score as of when <c>--as-of</c> is not given, from the latest day of the evidence (<see cref="Portfolio.LatestEvidenceDay"/>).</summary>
    /// <param name="latestEvidenceDay">The latest day of any evidence; <see langword="null"/> when nothing is dated.</param>
    /// <param name="clock">Gives today, in the local time zone.</param>
    /// <returns>The day, and the notice to write to the error stream.</returns>
    public static (DateOnly Day, string Notice) DefaultAsOf(DateOnly? latestEvidenceDay, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (latestEvidenceDay is { } latest)
        {
            // Only what happened counts (not expiries, expected closes or due days), so a day after today is a mistyped
            // date, which moves every score. A day after by one is a time zone: the export's today, the reader's tomorrow.
            return (latest, latest.DayNumber > today.DayNumber + 1
                ? $"As of {Iso(latest)} (the latest day of the evidence, which is after today, {Iso(today)}: is a date in the input mistyped? --as-of to change)."
                : $"As of {Iso(latest)} (the latest day of the evidence; --as-of to change).");
        }

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
        return Write(summary, format, outFile, output, error);
    }

    /// <summary>
    /// <c>score</c> of a portfolio file: the file is read one partnership at a time and each batch of partnerships is
    /// scored and dropped, so that memory holds the summary or the report, not the portfolio. Without <c>--as-of</c>, a
    /// first pass finds the latest day of the evidence. The output equals <see cref="Report"/>'s of the whole portfolio.
    /// </summary>
    private static int Streamed(FileInfo path, HealthScorer scorer, DateOnly? asOf, string? format, FileInfo? outFile, TextWriter output, TextWriter error)
    {
        if (format == "html")
        {
            return Streamed(path, scorer, asOf, output, error, (p, d, s) => PortfolioReport.Create(p, d, s), (p, d, s) => PortfolioReport.Create(p, d, s), report => CommandOutput.Write(outFile, output, error, target => HtmlReport.Write(report, target, CancellationToken.None)));
        }

        return Streamed(path, scorer, asOf, output, error, (p, d, s) => PortfolioSummary.Create(p, d, s), (p, d, s) => PortfolioSummary.Create(p, d, s), summary => Write(summary, format, outFile, output, error));
    }

    private static int Streamed<T>(
        FileInfo path,
        HealthScorer scorer,
        DateOnly? asOf,
        TextWriter output,
        TextWriter error,
        Func<Portfolio, DateOnly, HealthScorer, T> whole,
        Func<PortfolioJsonReader, DateOnly, HealthScorer, T> streamed,
        Func<T, int> write)
    {
        if (!PortfolioFile.TryStream(path, $"Scoring {path.Name}", output, error, stream => Read(stream, scorer, asOf, whole, streamed), out var read, out var exit))
        {
            return exit;
        }

        if (read.Notice is not null)
        {
            error.WriteLine(read.Notice);
        }

        return write(read.Result!);
    }

    /// <summary>
    /// Scores a portfolio file read one partnership at a time; without a day, a first pass finds the latest day of the
    /// evidence. A file that cannot seek (a named pipe) is read only once, and so whole when there is no day.
    /// </summary>
    private static (T Result, string? Notice) Read<T>(Stream stream, HealthScorer scorer, DateOnly? asOf, Func<Portfolio, DateOnly, HealthScorer, T> whole, Func<PortfolioJsonReader, DateOnly, HealthScorer, T> streamed)
    {
        if (asOf is { } given)
        {
            return (streamed(new PortfolioJsonReader(stream), given, scorer), null);
        }

        if (!stream.CanSeek)
        {
            var portfolio = PartnerMetricsJson.Deserialize<Portfolio>(stream);
            var (day, notice) = DefaultAsOf(portfolio, TimeProvider.System);
            return (whole(portfolio, day, scorer), notice);
        }

        var start = stream.Position;
        var (latest, latestNotice) = DefaultAsOf(LatestEvidenceDay(new PortfolioJsonReader(stream)), TimeProvider.System);
        stream.Position = start;
        return (streamed(new PortfolioJsonReader(stream), latest, scorer), latestNotice);
    }

    /// <summary><see cref="Portfolio.LatestEvidenceDay"/> of a portfolio read one partnership at a time.</summary>
    private static DateOnly? LatestEvidenceDay(PortfolioJsonReader reader)
    {
        DateOnly? latest = null;
        foreach (var partnership in reader.ReadPartnerships())
        {
            latest = Later(latest, partnership.LatestEvidenceDay());
        }

        return Later(latest, new Portfolio(opportunities: reader.Opportunities, revenueSnapshots: reader.RevenueSnapshots).LatestEvidenceDay());

        static DateOnly? Later(DateOnly? latest, DateOnly? day) => latest is { } known && (day is null || known >= day) ? known : day;
    }

    private static int Write(PortfolioSummary summary, string? format, FileInfo? outFile, TextWriter output, TextWriter error) =>
        CommandOutput.Write(outFile, output, error, target =>
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

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
