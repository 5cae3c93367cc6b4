using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Health;

namespace PartnerMetrics.Validation.Harness;

/// <summary>What fitting the model's weights to each seed's own outcomes gained, out of sample.</summary>
/// <param name="Seeds">
/// The fits of each seed, in seed order: each seed is one company fitting its own history, once the
/// dimension weights only, and once the factor weights as well (null when that fit was not run).
/// </param>
public sealed record FitSummary(ImmutableArray<(int Seed, ModelFit Fit, ModelFit? FactorFit)> Seeds)
{
    /// <summary>Gets the default model's AUC, averaged over seeds.</summary>
    public double DefaultAuc => Seeds.Average(s => s.Fit.StartingAuc);

    /// <summary>Gets the fitted model's AUC on the data it was fitted on, averaged over seeds.</summary>
    public double InSampleAuc => Seeds.Average(s => s.Fit.InSampleAuc);

    /// <summary>Gets the fitted model's cross-validated AUC, averaged over seeds.</summary>
    public double OutOfSampleAuc => Seeds.Average(s => s.Fit.OutOfSampleAuc);

    /// <summary>Gets the cross-validated AUC of the dimension and factor weights fitted together, averaged over seeds; null when not fitted.</summary>
    public double? FactorOutOfSampleAuc => Seeds.All(s => s.FactorFit is not null) ? Seeds.Average(s => s.FactorFit!.OutOfSampleAuc) : null;

    /// <summary>Gets the in-sample AUC of the dimension and factor weights fitted together, averaged over seeds; null when not fitted.</summary>
    public double? FactorInSampleAuc => Seeds.All(s => s.FactorFit is not null) ? Seeds.Average(s => s.FactorFit!.InSampleAuc) : null;

    internal string Cell() => Inv($"{OutOfSampleAuc:0.000} (default {DefaultAuc:0.000})") + (FactorOutOfSampleAuc is { } factors ? Inv($"; with factor weights {factors:0.000}") : string.Empty);

    internal string Sentence() => Inv(
        $"Fitting the five dimension weights to each seed's own outcomes (`Backtest.Fit`, 5 partner-grouped folds, AUC objective) gives a cross-validated AUC of {OutOfSampleAuc:0.000} on average against {DefaultAuc:0.000} for the default weights ({OutOfSampleAuc - DefaultAuc:+0.000;−0.000}); {InSampleAuc:0.000} in sample.") + (FactorOutOfSampleAuc is { } factors
        ? Inv($" Fitting the factor weights inside competency, co-operation, plan and progress as well (`FitWeights.DimensionsAndFactors`) gives {factors:0.000} out of sample ({factors - DefaultAuc:+0.000;−0.000} on the default weights); {FactorInSampleAuc:0.000} in sample.")
        : string.Empty);

    internal void Write(MarkdownReport.Writer w)
    {
        w.Line("What fitting the dimension weights to each seed's own outcomes gains (`Backtest.Fit` with the default `FitOptions`: 5 partner-grouped, churn-stratified folds, AUC objective, Platt calibration):");
        w.Line();
        w.Line("| Seed | Default AUC | Fitted, in sample | Fitted, out of sample | Brier out of sample (base rate) | Fitted weights: trust / competency / co-operation / plan / progress |");
        w.Line("|---|---|---|---|---|---|");
        foreach (var (seed, fit, _) in Seeds)
        {
            var weights = string.Join(" / ", Enum.GetValues<HealthDimension>().Select(d => fit.Model.DimensionWeights[d].ToString("0.00", CultureInfo.InvariantCulture)));
            w.Line(Inv($"| {seed} | {fit.StartingAuc:0.000} | {fit.InSampleAuc:0.000} | {fit.OutOfSampleAuc:0.000} | {fit.OutOfSampleBrier:0.0000} ({fit.BaseRateBrier:0.0000}) | {weights} |"));
        }

        w.Line(Inv($"| Mean | {DefaultAuc:0.000} | {InSampleAuc:0.000} | {OutOfSampleAuc:0.000} | | |"));
        w.Line();
        if (FactorOutOfSampleAuc is null)
        {
            return;
        }

        w.Line("The same fit of the dimension weights together with the factor weights inside competency, co-operation, plan alignment and tracked progress (`FitOptions.Weights = FitWeights.DimensionsAndFactors`; trust's two sides keep equal weights):");
        w.Line();
        w.Line("| Seed | Fitted, in sample | Fitted, out of sample | Brier out of sample (base rate) | Largest factor weight per dimension: competency / co-operation / plan / progress |");
        w.Line("|---|---|---|---|---|");
        foreach (var (seed, _, factorFit) in Seeds)
        {
            var m = factorFit!.Model;
            string[] largest =
            [
                Largest(("coverage", m.CompetencyWeights.Coverage), ("delivery", m.CompetencyWeights.DeliveryReliability)),
                Largest(("partner responsiveness", m.CooperationWeights.PartnerResponsiveness), ("vendor responsiveness", m.CooperationWeights.VendorResponsiveness), ("friction", m.CooperationWeights.FrictionHandling), ("reciprocity", m.CooperationWeights.Reciprocity)),
                Largest(("on track", m.PlanWeights.GoalsOnTrack), ("shared ownership", m.PlanWeights.SharedOwnership), ("alignment", m.PlanWeights.BusinessAlignment), ("clarity", m.PlanWeights.Clarity), ("freshness", m.PlanWeights.Freshness)),
                Largest(("timeliness", m.ProgressWeights.RegistrationTimeliness), ("freshness", m.ProgressWeights.PipelineFreshness), ("completeness", m.ProgressWeights.DataCompleteness), ("cadence", m.ProgressWeights.WeeklyCadence)),
            ];
            w.Line(Inv($"| {seed} | {factorFit.InSampleAuc:0.000} | {factorFit.OutOfSampleAuc:0.000} | {factorFit.OutOfSampleBrier:0.0000} ({factorFit.BaseRateBrier:0.0000}) | {string.Join(" / ", largest)} |"));
        }

        w.Line(Inv($"| Mean | {FactorInSampleAuc:0.000} | {FactorOutOfSampleAuc:0.000} | | |"));
        w.Line();
    }

    private static string Largest(params (string Name, double Weight)[] weights)
    {
        var (name, weight) = weights.MaxBy(w => w.Weight);
        return Inv($"{name} {weight:0.00}");
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
