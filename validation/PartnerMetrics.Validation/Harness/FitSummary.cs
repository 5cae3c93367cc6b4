using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Health;

namespace PartnerMetrics.Validation.Harness;

/// <summary>What fitting the model's dimension weights to each seed's own outcomes gained, out of sample.</summary>
/// <param name="Seeds">The fit of each seed, in seed order: each seed is one company fitting its own history.</param>
public sealed record FitSummary(ImmutableArray<(int Seed, ModelFit Fit)> Seeds)
{
    /// <summary>Gets the default model's AUC, averaged over seeds.</summary>
    public double DefaultAuc => Seeds.Average(s => s.Fit.StartingAuc);

    /// <summary>Gets the fitted model's AUC on the data it was fitted on, averaged over seeds.</summary>
    public double InSampleAuc => Seeds.Average(s => s.Fit.InSampleAuc);

    /// <summary>Gets the fitted model's cross-validated AUC, averaged over seeds.</summary>
    public double OutOfSampleAuc => Seeds.Average(s => s.Fit.OutOfSampleAuc);

    internal string Cell() => Inv($"{OutOfSampleAuc:0.000} (default {DefaultAuc:0.000})");

    internal string Sentence() => Inv(
        $"Fitting the five dimension weights to each seed's own outcomes (`Backtest.Fit`, 5 partner-grouped folds, AUC objective) gives a cross-validated AUC of {OutOfSampleAuc:0.000} on average against {DefaultAuc:0.000} for the default weights ({OutOfSampleAuc - DefaultAuc:+0.000;−0.000}); {InSampleAuc:0.000} in sample.");

    internal void Write(MarkdownReport.Writer w)
    {
        w.Line("What fitting the dimension weights to each seed's own outcomes gains (`Backtest.Fit` with the default `FitOptions`: 5 partner-grouped, churn-stratified folds, AUC objective, Platt calibration):");
        w.Line();
        w.Line("| Seed | Default AUC | Fitted, in sample | Fitted, out of sample | Brier out of sample (base rate) | Fitted weights: trust / competency / co-operation / plan / progress |");
        w.Line("|---|---|---|---|---|---|");
        foreach (var (seed, fit) in Seeds)
        {
            var weights = string.Join(" / ", Enum.GetValues<HealthDimension>().Select(d => fit.Model.DimensionWeights[d].ToString("0.00", CultureInfo.InvariantCulture)));
            w.Line(Inv($"| {seed} | {fit.StartingAuc:0.000} | {fit.InSampleAuc:0.000} | {fit.OutOfSampleAuc:0.000} | {fit.OutOfSampleBrier:0.0000} ({fit.BaseRateBrier:0.0000}) | {weights} |"));
        }

        w.Line(Inv($"| Mean | {DefaultAuc:0.000} | {InSampleAuc:0.000} | {OutOfSampleAuc:0.000} | | |"));
        w.Line();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
