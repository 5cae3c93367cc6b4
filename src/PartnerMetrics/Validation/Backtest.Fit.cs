using System.Globalization;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Validation;

/// <content>Fitting dimension weights and a churn calibration to a company's own outcomes.</content>
public static partial class Backtest
{
    private const int DimensionCount = 5;

    /// <summary>
    /// Fits non-negative dimension weights (and, when <see cref="FitOptions.Weights"/> asks, the factor
    /// weights inside the dimensions) to a company's own churn outcomes, cross-validated, and a
    /// calibration that turns the fitted score into a churn probability over the horizon.
    /// </summary>
    /// <param name="scorer">The scorer whose model the fit starts from; every other setting of the model is kept, and a dimension it disables (weight 0) stays disabled.</param>
    /// <param name="partnerships">The partnerships, with their evidence; partner ids must be distinct.</param>
    /// <param name="asOfDays">The days to score as of, as for <see cref="Run"/>.</param>
    /// <param name="outcomes">One outcome for each partnership's partner.</param>
    /// <param name="options">The horizon and the last observed day, as for <see cref="Run"/>; the per-sample values are not used.</param>
    /// <param name="fit">The weights to fit, folds, objective, calibration, minimum of churners and seed; <see cref="FitOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Checked before each sample is scored and before each fold and the final fit.</param>
    /// <returns>
    /// The fitted model with its in-sample and cross-validated AUC beside the starting model's. Partners,
    /// not samples, are split into folds (stratified by whether the partner churned), so no partner's
    /// history is both fitted on and tested on. Deterministic for a given <see cref="FitOptions.Seed"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> and <paramref name="fit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="scorer"/> has more than one model (a <see cref="HealthModelSet"/> of segments);
    /// any reason <see cref="Run"/> gives; fewer partners with a churned sample, or fewer with a sample that
    /// stayed, than <see cref="FitOptions.MinimumChurners"/>; or fewer partners than folds.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static ModelFit Fit(HealthScorer scorer, IEnumerable<Partnership> partnerships, IEnumerable<DateOnly> asOfDays, IEnumerable<ChurnOutcome> outcomes, BacktestOptions? options = null, FitOptions? fit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        using var operation = Telemetry.Start("partnermetrics.backtest.fit", Telemetry.BacktestDuration, "fit");
        try
        {
            var result = FitScores(scorer, partnerships, asOfDays, outcomes, options, fit, cancellationToken);

            // Counted when the fit completes, as every batch is: a fit refused or canceled after scoring its samples counts none.
            Telemetry.Scored("backtest", result.Count);
            operation?.Tag("partnermetrics.samples", result.Count);
            operation?.Tag("partnermetrics.churned", result.Churned);
            return result;
        }
        catch (Exception error) when (operation is not null && operation.Fail(error))
        {
            throw;
        }
    }

    private static ModelFit FitScores(HealthScorer scorer, IEnumerable<Partnership> partnerships, IEnumerable<DateOnly> asOfDays, IEnumerable<ChurnOutcome> outcomes, BacktestOptions? options, FitOptions? fit, CancellationToken cancellationToken)
    {
        if (scorer.Models.Models.Length > 1)
        {
            // One set of weights fitted to reports of different models would reproduce none of them.
            throw new ArgumentException($"Fitting needs a scorer with one model; this one has {scorer.Models.Models.Length} ({string.Join(", ", scorer.Models.Models.Select(m => $"'{m.Name}'"))}). Fit each segment's model on its own partnerships with its own scorer.", nameof(scorer));
        }

        fit ??= FitOptions.Default;
        var backtest = options ?? BacktestOptions.Default;
        var cases = BacktestCases.Create(partnerships, asOfDays, outcomes, backtest);
        var count = cases.Items.Count;
        var churned = new bool[count];
        var stayed = new bool[count];
        var startingScores = new double[count];
        var dimensionScores = new double[count * DimensionCount];
        var fittable = WeightSearch.FittableDimensions;
        var factorCount = fittable.Sum(d => d.Codes.Length);
        var factorValues = new double[count * factorCount];
        var usesFactors = new bool[count * fittable.Length];
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = cases.Items[i];
            var report = scorer.ScoreUncounted(item.Partnership, item.AsOf);
            churned[i] = item.Churned;
            stayed[i] = !item.Churned;
            startingScores[i] = report.Score;
            for (var d = 0; d < DimensionCount; d++)
            {
                dimensionScores[(i * DimensionCount) + d] = report.Dimensions[d].Score ?? double.NaN;
            }

            var at = i * factorCount;
            for (var k = 0; k < fittable.Length; k++)
            {
                // A dimension scored without the weight record's factors (the plan's one factor when there is
                // no plan) keeps its score whatever the factor weights.
                var codes = fittable[k].Codes;
                var factors = report.Dimensions[(int)fittable[k].Dimension].Factors;
                usesFactors[(i * fittable.Length) + k] = factors.Any(f => f.Code == codes[0]);
                for (var j = 0; j < codes.Length; j++)
                {
                    factorValues[at + j] = factors.FirstOrDefault(f => f.Code == codes[j]).Value ?? double.NaN;
                }

                at += codes.Length;
            }
        }

        var churners = churned.Count(c => c);

        // Partners, not samples: several as-of days of one partner are not independent, and each day more would
        // otherwise pass the minimum with the same few churners.
        var churnedPartners = cases.Items.Where(c => c.Churned).Select(c => c.Partnership.Partner.Id).Distinct().Count();
        var stayedPartners = cases.Items.Where(c => !c.Churned).Select(c => c.Partnership.Partner.Id).Distinct().Count();
        if (churnedPartners < fit.MinimumChurners || stayedPartners < fit.MinimumChurners)
        {
            throw new ArgumentException(
                $"Fitting needs at least {fit.MinimumChurners} partners that churned within the horizon and {fit.MinimumChurners} that stayed ('{nameof(FitOptions.MinimumChurners)}'); the outcomes give {churnedPartners} churned and {stayedPartners} stayed ({churners} churned and {count - churners} stayed samples over {count}). Samples of one partner on several days are not independent, so partners are counted: fitted weights on fewer describe noise. Add partners, or keep the default model.",
                nameof(outcomes));
        }

        var partnerCount = cases.Items.Select(c => c.Partnership.Partner.Id).Distinct().Count();
        if (partnerCount < fit.Folds)
        {
            throw new ArgumentException($"Fitting with {fit.Folds} folds needs at least {fit.Folds} partners with samples; the backtest has {partnerCount}.", nameof(partnerships));
        }

        var model = scorer.Model;
        var fitFactors = fit.Weights == FitWeights.DimensionsAndFactors;
        var start = StartingWeights(model, fitFactors);
        var search = new WeightSearch(dimensionScores, factorValues, usesFactors, start, fitFactors, fit.Objective);
        var folds = FoldsOf(cases.Items, fit);

        // Out of sample: each fold scored and calibrated with what was fitted on the others.
        var heldOutScores = new double[count];
        var heldOutProbabilities = new double[count];
        var foldAucs = new double?[fit.Folds];
        for (var f = 0; f < fit.Folds; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var training = Enumerable.Range(0, count).Where(i => folds[i] != f).ToArray();
            var testing = Enumerable.Range(0, count).Where(i => folds[i] == f).ToArray();
            var weights = search.Fit(training, churned, start, cancellationToken);
            var calibration = ChurnCalibration.Fit(fit.Calibration, backtest.Horizon, [.. training.Select(i => search.Score(i, weights))], [.. training.Select(i => churned[i])]);
            foreach (var i in testing)
            {
                heldOutScores[i] = search.Score(i, weights);
                heldOutProbabilities[i] = calibration.Probability(heldOutScores[i]);
            }

            foldAucs[f] = RankStatistics.Auc([.. testing.Select(i => heldOutScores[i])], [.. testing.Select(i => stayed[i])]).Auc;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var everything = Enumerable.Range(0, count).ToArray();
        var fitted = search.Rounded(search.Fit(everything, churned, start, cancellationToken));
        var fittedModel = WithWeights(model, fitted, fitFactors);
        var fittedScores = everything.Select(i => search.Score(i, fitted)).ToArray();
        var rate = (double)churners / count;
        return new ModelFit(
            fittedModel,
            model,
            fit,
            count,
            churners,
            RankStatistics.Auc(startingScores, stayed).Auc!.Value,
            RankStatistics.Auc(fittedScores, stayed).Auc!.Value,
            RankStatistics.Auc(heldOutScores, stayed).Auc!.Value,
            [.. foldAucs],
            ChurnCalibration.Fit(fit.Calibration, backtest.Horizon, fittedScores, churned),
            everything.Average(i => Math.Pow(heldOutProbabilities[i] - (churned[i] ? 1 : 0), 2)),
            rate * (1 - rate));
    }

    /// <summary>
    /// Assigns each sample the fold of its partner. Partners are split into those whose samples only
    /// churned, those with samples of both kinds (stayed on an early day, churned within a later one's
    /// horizon) and those whose samples only stayed; each group is ordered by id and shuffled with a seeded
    /// SplitMix64, and the groups are dealt round-robin in that order, so every fold gets its share of
    /// churners and the folds depend only on the seed. The partners with a churned sample follow each
    /// other in the deal, and so do those with a sample that stayed: with at least two of each (the
    /// minimum of <see cref="FitOptions.MinimumChurners"/>), each kind reaches two folds, and every
    /// training set (all folds but one) holds churners and stayers.
    /// </summary>
    internal static int[] FoldsOf(IReadOnlyList<BacktestCase> items, FitOptions fit)
    {
        var churnedPartners = items.Where(c => c.Churned).Select(c => c.Partnership.Partner.Id).ToHashSet();
        var stayedPartners = items.Where(c => !c.Churned).Select(c => c.Partnership.Partner.Id).ToHashSet();
        var partners = items.Select(c => c.Partnership.Partner.Id).Distinct().Order().ToArray();

        var state = unchecked((ulong)fit.Seed);
        var foldOf = new Dictionary<PartnerId, int>();
        var next = 0;
        PartnerId[][] groups =
        [
            [.. partners.Where(p => !stayedPartners.Contains(p))],
            [.. partners.Where(p => churnedPartners.Contains(p) && stayedPartners.Contains(p))],
            [.. partners.Where(p => !churnedPartners.Contains(p))],
        ];
        foreach (var group in groups)
        {
            // Fisher–Yates with SplitMix64 (Steele, Lea and Flood 2014): the same seed gives the same folds on every platform.
            for (var i = group.Length - 1; i > 0; i--)
            {
                var j = (int)(SplitMix64(ref state) % (ulong)(i + 1));
                (group[i], group[j]) = (group[j], group[i]);
            }

            foreach (var partner in group)
            {
                foldOf[partner] = next++ % fit.Folds;
            }
        }

        return [.. items.Select(c => foldOf[c.Partnership.Partner.Id])];
    }

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>The model's weights in the search's layout: the five dimension weights, then, when fitting factors, the factor weights of each fittable dimension.</summary>
    private static double[] StartingWeights(HealthModel model, bool fitFactors)
    {
        var dimensions = Enum.GetValues<HealthDimension>().Select(d => model.DimensionWeights[d]);
        if (!fitFactors)
        {
            return [.. dimensions];
        }

        var (competency, cooperation, plan, progress) = (model.CompetencyWeights, model.CooperationWeights, model.PlanWeights, model.ProgressWeights);
        return
        [
            .. dimensions,
            competency.Coverage, competency.DeliveryReliability,
            cooperation.PartnerResponsiveness, cooperation.VendorResponsiveness, cooperation.FrictionHandling, cooperation.Reciprocity,
            plan.GoalsOnTrack, plan.SharedOwnership, plan.BusinessAlignment, plan.Clarity, plan.Freshness,
            progress.RegistrationTimeliness, progress.PipelineFreshness, progress.DataCompleteness, progress.WeeklyCadence,
        ];
    }

    /// <summary>
    /// The model with the fitted weights, in the layout of <see cref="StartingWeights"/>. When they differ from the starting
    /// model's, so does its version: the starting one followed by <c>+fit.</c> and eight hexadecimal digits of the weights
    /// ("2.6+fit.0c4f9e21"), as <see cref="HealthModel.WithPriorsFrom"/> marks learnt priors; a report scored with it then
    /// does not claim the starting model, and a <see cref="HealthModelSet"/> can hold both.
    /// </summary>
    private static HealthModel WithWeights(HealthModel model, double[] w, bool fitFactors)
    {
        var fitted = model with { DimensionWeights = new DimensionWeights(w[0], w[1], w[2], w[3], w[4]) };
        if (fitFactors)
        {
            fitted = fitted with
            {
                CompetencyWeights = new CompetencyWeights(w[5], w[6]),
                CooperationWeights = new CooperationWeights(w[7], w[8], w[9], w[10]),
                PlanWeights = new PlanWeights(w[11], w[12], w[13], w[14], w[15]),
                ProgressWeights = new ProgressWeights(w[16], w[17], w[18], w[19]),
            };
        }

        return fitted == model
            ? model
            : fitted with { Version = HealthModel.DerivedVersion(model.Version, "fit", w.Select((weight, i) => KeyValuePair.Create(i.ToString(CultureInfo.InvariantCulture), weight))) };
    }
}
