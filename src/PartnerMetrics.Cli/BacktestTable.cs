using System.Globalization;
using PartnerMetrics.Reporting;
using Spectre.Console;

namespace PartnerMetrics.Cli;

/// <summary>Renders a <see cref="BacktestReport"/> as console tables; an undefined figure shows as "undefined" or "—", never 0.</summary>
internal static class BacktestTable
{
    private const string Undefined = "—";

    public static void Write(BacktestReport report, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = writer == Console.Out ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = writer == Console.Out ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Math.Max(console.Profile.Width, 120);

        // Sentences go to the writer itself, so that the console does not wrap them at its width.
        var days = report.AsOf.Count == 1 ? "1 as-of day" : Invariant($"{report.AsOf.Count} as-of days");
        console.Write(new Rule(Markup.Escape(Invariant($"Backtest of {report.Portfolio} against {report.Outcomes}: {days}, {report.HorizonDays:N0}-day horizon, {report.Model ?? "default model"}"))));
        writer.WriteLine(Invariant($"As of {string.Join(", ", report.AsOf.Select(Day))}{(report.ObservedThrough is { } observed ? $"; outcomes observed through {Day(observed)}" : string.Empty)}."));
        writer.WriteLine(Invariant($"{report.Samples:N0} samples: {report.Churned:N0} churned within {report.HorizonDays:N0} days, {report.Stayed:N0} stayed; {report.Censored:N0} censored, {report.Inactive:N0} inactive (not scored)."));
        writer.WriteLine($"AUC {Auc(report.Auc, report.AucStandardError)}");

        console.Write(new Rule("Churn per band"));
        var bands = new Table().AddColumns("Band", "Samples", "Churned", "Churn rate");
        RightAlign(bands, 1);
        foreach (var band in report.Bands)
        {
            bands.AddRow(band.Band, Count(band.Samples), Count(band.Churned), Rate(band.ChurnRate));
        }

        console.Write(bands);
        console.Write(new Rule("Churn per score decile, lowest scores first"));
        var deciles = new Table().AddColumns("Decile", "Samples", "Scores", "Mean score", "Churned", "Churn rate");
        RightAlign(deciles, 1);
        foreach (var decile in report.Deciles)
        {
            deciles.AddRow(
                Count(decile.Decile),
                Count(decile.Samples),
                Invariant($"{decile.MinScore:0.0} – {decile.MaxScore:0.0}"),
                decile.MeanScore.ToString("0.0", CultureInfo.InvariantCulture),
                Count(decile.Churned),
                Rate(decile.ChurnRate));
        }

        console.Write(deciles);
        writer.WriteLine("AUC: the chance that a sample that stayed scores above one that churned (ties half); 0.5 is chance, 1 perfect. ± DeLong's standard error.");
        writer.WriteLine("A sample is a partner on an as-of day; it churned when the partner churned after the day and within the horizon.");
        if (report.Fit is { } fit)
        {
            WriteFit(console, writer, fit);
        }
    }

    private static void WriteFit(IAnsiConsole console, TextWriter writer, FitReport fit)
    {
        console.Write(new Rule(Markup.Escape(Invariant($"Fitted {(fit.FactorWeights.Count > 0 ? "dimension and factor" : "dimension")} weights: objective {fit.Objective}, {fit.Folds} folds, seed {fit.Seed}"))));
        writer.WriteLine(Invariant($"{fit.Samples:N0} samples, {fit.Churned:N0} churned."));
        writer.WriteLine($"AUC: starting model {AucValue(fit.StartingAuc)}; fitted model {AucValue(fit.InSampleAuc)} in sample, {AucValue(fit.OutOfSampleAuc)} out of sample.");
        writer.WriteLine($"AUC of each fold, out of sample: {string.Join(", ", fit.FoldAucs.Select(a => a is { } auc ? AucValue(auc) : "undefined"))}.");
        var weights = new Table().AddColumns("Dimension", "Starting weight", "Fitted weight");
        RightAlign(weights, 1);
        foreach (var weight in fit.Weights)
        {
            weights.AddRow(weight.Dimension, Weight(weight.Starting), Weight(weight.Fitted));
        }

        console.Write(weights);
        if (fit.FactorWeights.Count > 0)
        {
            var factors = new Table().AddColumns("Dimension", "Factor", "Starting weight", "Fitted weight");
            RightAlign(factors, 2);
            foreach (var weight in fit.FactorWeights)
            {
                factors.AddRow(weight.Dimension, weight.Factor, Weight(weight.Starting), Weight(weight.Fitted));
            }

            console.Write(factors);
        }

        var probability = fit.ChurnProbability;
        var curve = probability.Intercept is { } a && probability.Slope is { } b
            ? Invariant($"p = 1 / (1 + e^-({a:0.####} {(b < 0 ? '-' : '+')} {Math.Abs(b):0.######} × score))")
            : string.Join("; ", probability.Steps.Select(s => Invariant($"from {s.FromScore:0.##}: {s.Probability:0.###}")));
        writer.WriteLine(Invariant($"Churn probability within {probability.HorizonDays:N0} days ({probability.Method}): {curve}."));
        writer.WriteLine(Invariant($"Brier score of the out-of-sample probabilities {Brier(fit.OutOfSampleBrier)}; of always predicting the churn rate {Brier(fit.BaseRateBrier)} (lower is better)."));
        writer.WriteLine("In sample: scored with the weights fitted on every sample (optimistic). Out of sample: each fold of partners scored with the weights fitted on the other folds.");
        if (fit.ModelWrittenTo is { } path)
        {
            writer.WriteLine($"Wrote the fitted model to {path}; score with it with --model.");
        }
    }

    private static string Auc(double? auc, double? standardError) => auc switch
    {
        null => "undefined (it needs samples that churned and samples that stayed)",
        { } value when standardError is { } se => Invariant($"{AucValue(value)} ± {se:0.000}"),
        { } value => $"{AucValue(value)} (standard error undefined: it needs two samples that churned and two that stayed)",
    };

    /// <summary>A weight to four places, never rounded onto 0, which reads as a disabled dimension or factor.</summary>
    internal static string Weight(double weight) => HtmlWriter.Number(HtmlWriter.Beside(weight, 4, 0), "0.0000");

    /// <summary>A Brier score to four places, never rounded onto 0, which reads as perfect predictions.</summary>
    internal static string Brier(double brier) => HtmlWriter.Number(HtmlWriter.Beside(brier, 4, 0), "0.0000");

    /// <summary>
    /// An AUC to three places, never rounded onto 0, ½ or 1 when it is not on it: 0.4996 ranks backwards and is not
    /// "0.500", chance; 0.9996 is not "1.000", a perfect ranking.
    /// </summary>
    private static string AucValue(double auc) => HtmlWriter.Number(HtmlWriter.Beside(auc, 3, 0, 0.5, 1), "0.000");

    private static void RightAlign(Table table, int from)
    {
        for (var i = from; i < table.Columns.Count; i++)
        {
            table.Columns[i].RightAligned();
        }
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A churn rate never rounded onto 0 % or 100 % when it is not on it: 1 churner of 2,001 is not "0.0 %", none.</summary>
    private static string Rate(double? rate) => rate is { } r ? Shares.Percent(r, 1) : Undefined;

    private static string Day(DateOnly day) => day.ToString(OpportunityCsv.DateFormat, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
