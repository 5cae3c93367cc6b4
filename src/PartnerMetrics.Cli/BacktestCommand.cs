using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using PartnerMetrics.Import;
using PartnerMetrics.Partners;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Cli;

/// <summary>
/// <c>partnermetrics backtest PORTFOLIO --outcomes OUTCOMES.csv --as-of D1,D2,… [--fit …]</c>: how well the health
/// score predicted each partner's churn (<see cref="Backtest.Run"/>), and optionally dimension weights fitted to it
/// (<see cref="Backtest.Fit"/>).
/// </summary>
internal static class BacktestCommand
{
    /// <summary>The longest horizon accepted: a hundred years of days, far beyond any CRM history.</summary>
    private const int MaxHorizonDays = 36_500;

    private static readonly string[] Objectives = ["auc", "loglik"];
    private static readonly string[] Calibrations = ["platt", "isotonic"];
    private static readonly string[] WeightSets = ["dimensions", "factors"];

    public static Command Create(TextWriter output, TextWriter error, Func<Stream> standardInput)
    {
        var portfolio = new Argument<FileInfo>("portfolio") { Description = $"The partnerships and their evidence, in the PartnerMetrics JSON form ({DocsLinks.Docs}model.md); - reads it from standard input." };
        var outcomes = new Option<FileInfo>("--outcomes")
        {
            Description = "Each partner's outcome: a CSV file with the header partnerId,churnedOn and one row per partner; churnedOn is yyyy-MM-dd, empty while the partner is still active. - reads it from standard input (the portfolio or the outcomes, not both).",
            HelpName = "outcomes.csv",
            Required = true,
        };
        var asOf = new Option<IReadOnlyList<DateOnly>>("--as-of")
        {
            Description = "The days to score every partnership as of (yyyy-MM-dd), comma-separated or the option repeated.",
            HelpName = "yyyy-MM-dd,…",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            CustomParser = ParseDays,
        };
        var horizon = new Option<int>("--horizon")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"A sample churned when its partner churned within this many days after the as-of day; 1 to {MaxHorizonDays:N0}."),
            HelpName = "days",
            DefaultValueFactory = _ => (int)BacktestOptions.Default.Horizon.TotalDays,
            CustomParser = result => OptionValues.WholeNumber(result, "--horizon", "a number of days", 1, MaxHorizonDays),
        };
        var observedThrough = new Option<DateOnly?>("--observed-through")
        {
            CustomParser = result => OptionValues.Day(result, "--observed-through"),
            Description = "The last day outcomes are known (the export day). A sample whose horizon runs past it is left out as censored, churned or not; a churn after it is an error. Default: every horizon is taken as observed.",
            HelpName = "yyyy-MM-dd",
        };
        var model = ModelFile.Option();
        var fit = new Option<bool>("--fit") { Description = "Also fit the five dimension weights to the outcomes, cross-validated, and show the starting, in-sample and out-of-sample AUC." };
        var folds = new Option<int>("--folds")
        {
            Description = "With --fit: the cross-validation folds, 2 to 100; partners, not samples, are split.",
            DefaultValueFactory = _ => FitOptions.Default.Folds,
            CustomParser = result => OptionValues.WholeNumber(result, "--folds", "a number of folds", 2, 100),
        };
        var seed = new Option<int>("--seed") { Description = "With --fit: the seed of the assignment of partners to folds.", DefaultValueFactory = _ => FitOptions.Default.Seed };
        var objective = new Option<string>("--objective") { Description = "With --fit: what the weights maximise: auc (ranking) or loglik (log-likelihood of churn under a logistic calibration).", DefaultValueFactory = _ => Objectives[0] };
        objective.AcceptOnlyFromAmong(Objectives);
        var calibration = new Option<string>("--calibration") { Description = "With --fit: how a score becomes a churn probability: platt (logistic) or isotonic (steps).", DefaultValueFactory = _ => Calibrations[0] };
        calibration.AcceptOnlyFromAmong(Calibrations);
        var weightSet = new Option<string>("--weights")
        {
            Description = "With --fit: which weights to fit: dimensions (the five dimension weights) or factors (those and the factor weights inside competency, co-operation, plan alignment and tracked progress).",
            DefaultValueFactory = _ => WeightSets[0],
        };
        weightSet.AcceptOnlyFromAmong(WeightSets);
        var outFile = new Option<FileInfo?>("--out") { Description = "With --fit: write the fitted model to this file, as JSON that --model reads.", HelpName = "model.json" };
        var format = CommandOutput.Format("Output format: table or json.", "table", "json");

        var command = new Command("backtest", "Score a portfolio's history as of chosen days and measure the scores against what happened next: AUC for churn, churn per band and per score decile; with --fit, fit the dimension weights (and, with --weights factors, the factor weights) to the outcomes.")
        {
            portfolio,
            outcomes,
            asOf,
            horizon,
            observedThrough,
            model,
            fit,
            folds,
            seed,
            objective,
            calibration,
            weightSet,
            outFile,
            format,
        };
        command.Validators.Add(result =>
        {
            if (OptionValues.Readable(() => result.GetValue(portfolio)) is { } file && OptionValues.Readable(() => result.GetValue(outcomes)) is { } outcomeFile && StandardInput.Is(file) && StandardInput.Is(outcomeFile))
            {
                result.AddError("Standard input can be read once: give the portfolio or the outcomes as a file.");
            }

            if (OptionValues.Readable(() => result.GetValue(fit)))
            {
                return;
            }

            var fitOnly = new Option[] { folds, seed, objective, calibration, weightSet, outFile }.Where(o => result.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
            if (fitOnly.Count > 0)
            {
                result.AddError($"{string.Join(", ", fitOnly)} {(fitOnly.Count == 1 ? "needs" : "need")} --fit.");
            }

        });
        command.SetAction(result =>
        {
            var options = new BacktestOptions { Horizon = TimeSpan.FromDays(result.GetValue(horizon)), ObservedThrough = result.GetValue(observedThrough) };
            var fitOptions = result.GetValue(fit)
                ? new FitOptions
                {
                    Folds = result.GetValue(folds),
                    Seed = result.GetValue(seed),
                    Objective = result.GetValue(objective) == "loglik" ? FitObjective.LogLikelihood : FitObjective.Auc,
                    Calibration = result.GetValue(calibration) == "isotonic" ? CalibrationMethod.Isotonic : CalibrationMethod.Platt,
                    Weights = result.GetValue(weightSet) == "factors" ? FitWeights.DimensionsAndFactors : FitWeights.Dimensions,
                }
                : null;
            var run = new Run(result.GetValue(portfolio)!, result.GetValue(outcomes)!, result.GetValue(asOf)!, result.GetValue(model), options, fitOptions, result.GetValue(outFile));
            return Execute(run, result.GetValue(format), output, error, standardInput);
        });
        return command;
    }

    /// <summary>Parses the as-of days: one or more tokens, each a comma-separated list of yyyy-MM-dd days; a day given twice is an error.</summary>
    private static IReadOnlyList<DateOnly> ParseDays(ArgumentResult result)
    {
        var days = new SortedSet<DateOnly>();
        foreach (var token in result.Tokens)
        {
            foreach (var text in token.Value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!OptionValues.TryDay(text, out var day))
                {
                    result.AddError(text.Length == 0
                        ? $"--as-of '{token.Value}' has an empty day; separate days with single commas."
                        : OptionValues.NotADay("--as-of", text));
                }
                else if (!days.Add(day))
                {
                    result.AddError($"--as-of: {text} is given twice.");
                }
            }
        }

        return [.. days];
    }

    private static int Execute(Run run, string? format, TextWriter output, TextWriter error, Func<Stream> standardInput)
    {
        if (CommandOutput.BesideTheReport("--out", run.ModelOut, "the fitted model") is { } dash)
        {
            error.WriteLine(dash);
            return ExitCodes.Usage;
        }

        // A model fitted from --model may replace it; the portfolio and the outcomes are the history, which it may not.
        if (CommandOutput.Clash([("--out", run.ModelOut)], [("the portfolio", run.Portfolio.ToString()), ("the --outcomes file", run.Outcomes.ToString())]) is { } clash)
        {
            error.WriteLine(clash);
            return ExitCodes.Usage;
        }

        var scorer = ModelFile.Read(run.Model, error, out var exit);
        if (scorer is null)
        {
            return exit;
        }

        var portfolio = PortfolioFile.Read(run.Portfolio, standardInput, output, error, out exit, out var length);
        if (portfolio is null)
        {
            return exit;
        }

        var outcomeLines = ReadOutcomes(run.Outcomes, standardInput, run.Options.ObservedThrough, error, out exit);
        if (outcomeLines is null)
        {
            return exit;
        }

        // The library would stop at the first partnership without an outcome; name them all.
        var outcomes = outcomeLines.Select(o => o.Outcome).ToList();
        var known = outcomes.Select(o => o.PartnerId).ToHashSet();
        var missing = portfolio.Partnerships.Select(p => p.Partner.Id).Where(id => !known.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            var listed = string.Join(", ", missing.Take(InputProblems.Shown).Select(id => $"'{id}'{NearMiss(id, outcomeLines)}"));
            var more = missing.Count > InputProblems.Shown ? string.Create(CultureInfo.InvariantCulture, $" and {missing.Count - InputProblems.Shown} more") : string.Empty;
            var count = missing.Count == 1 ? "1 partnership" : string.Create(CultureInfo.InvariantCulture, $"{missing.Count} partnerships");
            error.WriteLine($"{StandardInput.NameOf(run.Outcomes)}: no outcome for {count} of {StandardInput.NameOf(run.Portfolio)}: {listed}{more}. Give every partner a row, with an empty {OutcomeCsv.ChurnedOnColumn} while it is still active; nothing was computed.");
            return ExitCodes.InvalidInput;
        }

        // A churn before its partnership's start, which the library refuses too, is a problem of its row: named by line.
        var starts = portfolio.Partnerships.ToDictionary(p => p.Partner.Id, p => p.StartedOn);
        var early = new InputProblems();
        foreach (var (outcome, line) in outcomeLines.OrderBy(o => o.Line))
        {
            if (outcome.ChurnedOn is { } churnedOn && starts.TryGetValue(outcome.PartnerId, out var started) && churnedOn < started)
            {
                var day = churnedOn.ToString(OpportunityCsv.DateFormat, CultureInfo.InvariantCulture);
                early.Add(line, line, $"column \"{OutcomeCsv.ChurnedOnColumn}\"", day, $"before {outcome.PartnerId}'s partnership started on {started.ToString(OpportunityCsv.DateFormat, CultureInfo.InvariantCulture)} ({StandardInput.NameOf(run.Portfolio)}); it would never be scored.");
            }
        }

        if (early.Any)
        {
            early.WriteTo(StandardInput.NameOf(run.Outcomes), error);
            return ExitCodes.InvalidInput;
        }

        var partnerships = portfolio.Partnerships;
        BacktestResult result;
        try
        {
            result = CommandOutput.WithStatus($"Scoring {partnerships.Length} partnerships on {run.AsOf.Count} days", length, output, () => Backtest.Run(scorer, partnerships, run.AsOf, outcomes, run.Options));
        }
        catch (ArgumentException invalid) when (invalid.ParamName is "outcomes" or "partnerships")
        {
            error.WriteLine($"{StandardInput.NameOf(run.Outcomes)}: {ArgumentSentence.Of(invalid)}");
            return ExitCodes.InvalidInput;
        }

        ModelFit? fitted = null;
        if (run.Fit is { } fitOptions)
        {
            try
            {
                fitted = CommandOutput.WithStatus("Fitting the dimension weights", length, output, () => Backtest.Fit(scorer, partnerships, run.AsOf, outcomes, run.Options, fitOptions));
            }
            catch (ArgumentException refusal) when (refusal.ParamName is "outcomes" or "partnerships")
            {
                // Too few churners or stayers, or fewer partners than folds: the library's sentence gives the counts.
                error.WriteLine($"Cannot fit the weights: {ArgumentSentence.Of(refusal)}");
                return ExitCodes.InvalidInput;
            }
        }

        if (fitted is not null && run.ModelOut is { } modelOut && !CommandOutput.WriteFile(modelOut, error, writer => ModelFile.Write(fitted.Model, writer)))
        {
            return ExitCodes.OutputUnwritable;
        }

        var report = BacktestReport.Create(StandardInput.NameOf(run.Portfolio), StandardInput.NameOf(run.Outcomes), run.Model?.Name, run.AsOf, run.Options, result, fitted, run.ModelOut);
        return CommandOutput.WriteStandardOutput(output, error, target =>
        {
            if (format == "json")
            {
                JsonOutput.WriteLine(target, report, BacktestJsonContext.Default.BacktestReport);
            }
            else
            {
                BacktestTable.Write(report, target);
            }
        });
    }

    /// <summary>
    /// A row whose id differs from a partnership's only in case or in white space at either end, said beside that
    /// partnership: ids are compared exactly, and a row the file seems to have is not what the user should add.
    /// </summary>
    private static string NearMiss(PartnerId partner, List<(ChurnOutcome Outcome, long Line)> outcomeLines)
    {
        var text = partner.Value!.Trim();
        var near = outcomeLines.Where(o => string.Equals(o.Outcome.PartnerId.Value, text, StringComparison.OrdinalIgnoreCase)).OrderBy(o => o.Line).Take(1).ToList();
        if (near.Count == 0)
        {
            return string.Empty;
        }

        var (row, line) = (near[0].Outcome.PartnerId.Value!, near[0].Line);
        var space = text != partner.Value;
        var differs = (row != text, space) switch
        {
            (true, true) => "case and in white space at either end",
            (true, false) => "case",
            _ => "white space at either end",
        };
        var why = space ? "the outcomes file's values are trimmed, so correct the id in the portfolio" : "partner ids are compared exactly";
        return string.Create(CultureInfo.InvariantCulture, $" (line {line} has '{row}', which differs in {differs}: {why})");
    }

    private static List<(ChurnOutcome Outcome, long Line)>? ReadOutcomes(FileInfo path, Func<Stream> standardInput, DateOnly? observedThrough, TextWriter error, out int exit)
    {
        exit = ExitCodes.Success;
        var outcomes = new List<(ChurnOutcome Outcome, long Line)>();
        var problems = new InputProblems();
        var fromStandardInput = StandardInput.Is(path);
        try
        {
            using var stream = fromStandardInput ? standardInput() : new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            OutcomeCsv.Read(stream, observedThrough, (outcome, line) => outcomes.Add((outcome, line)), problems);
        }
        catch (Exception readError) when (readError is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {(fromStandardInput ? StandardInput.Name : path.FullName)}: {ReadErrors.Why(readError, path.FullName)}");
            exit = ExitCodes.InputUnreadable;
            return null;
        }

        if (problems.Any)
        {
            problems.WriteTo(StandardInput.NameOf(path), error);
            exit = ExitCodes.InvalidInput;
            return null;
        }

        return outcomes;
    }

    /// <summary>What one <c>backtest</c> run reads and how it measures.</summary>
    private sealed record Run(FileInfo Portfolio, FileInfo Outcomes, IReadOnlyList<DateOnly> AsOf, FileInfo? Model, BacktestOptions Options, FitOptions? Fit, FileInfo? ModelOut);
}
