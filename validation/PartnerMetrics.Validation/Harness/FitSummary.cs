using System.Globalization;

namespace PartnerMetrics.Validation.Harness;

/// <summary>What fitting the model's weights to a variant's own outcomes gained, out of sample.</summary>
/// <param name="DefaultAuc">The default model's AUC on the same samples.</param>
/// <param name="InSampleAuc">The fitted model's AUC on the folds it was fitted on.</param>
/// <param name="OutOfSampleAuc">The fitted model's cross-validated AUC on held-out folds.</param>
/// <param name="Weights">The fitted dimension weights, in words.</param>
/// <param name="Scope">What the fit ran on, in words.</param>
public sealed record FitSummary(double DefaultAuc, double InSampleAuc, double OutOfSampleAuc, string Weights, string Scope)
{
    internal string Cell() => string.Create(CultureInfo.InvariantCulture, $"{OutOfSampleAuc:0.000} (default {DefaultAuc:0.000})");

    internal string Sentence() => string.Create(
        CultureInfo.InvariantCulture,
        $"Fitting the weights to this variant's outcomes ({Scope}) gives a cross-validated AUC of {OutOfSampleAuc:0.000} against {DefaultAuc:0.000} for the default weights ({OutOfSampleAuc - DefaultAuc:+0.000;−0.000}); in sample {InSampleAuc:0.000}.");

    internal void Write(MarkdownReport.Writer w)
    {
        w.Line("What fitting the weights gains (`Backtest.Fit`):");
        w.Line();
        w.Line("| | AUC |");
        w.Line("|---|---|");
        w.Line(string.Create(CultureInfo.InvariantCulture, $"| Default weights | {DefaultAuc:0.000} |"));
        w.Line(string.Create(CultureInfo.InvariantCulture, $"| Fitted, in sample | {InSampleAuc:0.000} |"));
        w.Line(string.Create(CultureInfo.InvariantCulture, $"| Fitted, out of sample (cross-validated) | {OutOfSampleAuc:0.000} |"));
        w.Line();
        w.Line($"Fitted on {Scope}; weights: {Weights}.");
        w.Line();
    }
}
