using System.Collections.Immutable;
using PartnerMetrics.Health;
using PartnerMetrics.Validation.Simulation;

namespace PartnerMetrics.Validation.Harness;

/// <summary>
/// A learner of the evidence limit: fitted on one seed's own partnerships, in partner-grouped,
/// churn-stratified folds, and measured only on the fold it did not see.
/// </summary>
/// <param name="Name">Its name in the tables.</param>
/// <param name="Description">What it reads and what it is fitted to.</param>
/// <param name="UsesLatentLabels">Whether it is fitted to the hidden latent health, which no real company observes.</param>
/// <param name="Predict">Its out-of-fold prediction (higher = healthier) from the rows, the labels and the training mask.</param>
public sealed record EvidenceLearner(string Name, string Description, bool UsesLatentLabels, Func<EvidenceRows, bool[], double[]> Predict)
{
    /// <summary>The number of folds.</summary>
    public const int Folds = 5;

    /// <summary>Gets logistic regression on the four baselines, fitted to churn.</summary>
    public static EvidenceLearner SimpleLogistic { get; } = new(
        "Baselines combined (logistic, churn)",
        "Ridge logistic regression of churn on the four baselines' values.",
        false,
        (rows, train) => Negate(Learners.Logistic(rows.Simple, rows.Churned, train)));

    /// <summary>Gets logistic regression on the model's factor values only, fitted to churn: what reweighting the factors alone attains.</summary>
    public static EvidenceLearner FactorValuesLogistic { get; } = new(
        "Model's factor values only (logistic, churn)",
        "Ridge logistic regression of churn on each factor's value and whether a plan exists: the model's factors with weights fitted per seed, nothing else.",
        false,
        (rows, train) => Negate(Learners.Logistic([.. rows.Full.Select(EvidenceFeatures.FactorValues)], rows.Churned, train)));

    /// <summary>Gets logistic regression on the model's own report only, fitted to churn.</summary>
    public static EvidenceLearner ReportLogistic { get; } = new(
        "Model's factors only (logistic, churn)",
        "Ridge logistic regression of churn on the model's score, confidence and each factor's value, certainty and evidence weight, and whether a plan exists: the model's own readings, reweighted.",
        false,
        (rows, train) => Negate(Learners.Logistic([.. rows.Full.Select(r => r[..EvidenceFeatures.ModelFeatureCount])], rows.Churned, train)));

    /// <summary>Gets logistic regression on every feature, fitted to churn.</summary>
    public static EvidenceLearner FullLogistic { get; } = new(
        "All evidence (logistic, churn)",
        "Ridge logistic regression of churn on every feature: the model's factors and raw evidence.",
        false,
        (rows, train) => Negate(Learners.Logistic(rows.Full, rows.Churned, train)));

    /// <summary>Gets boosted trees on every feature, fitted to churn.</summary>
    public static EvidenceLearner FullBoosted { get; } = new(
        "All evidence (boosted trees, churn)",
        "Gradient-boosted depth-2 trees (logistic loss) on every feature.",
        false,
        (rows, train) => Negate(Learners.Boosted(rows.Full, rows.Churned, null, train)));

    /// <summary>Gets ridge regression on every feature, fitted to the latent health on the logit scale.</summary>
    public static EvidenceLearner LatentLinear { get; } = new(
        "All evidence (ridge, latent)",
        "Ridge linear regression of the latent z on every feature: hidden labels, evidence inputs.",
        true,
        (rows, train) => Learners.Linear(rows.Full, rows.Latent, train));

    /// <summary>Gets boosted trees on every feature, fitted to the latent health on the logit scale.</summary>
    public static EvidenceLearner LatentBoosted { get; } = new(
        "All evidence (boosted trees, latent)",
        "Gradient-boosted depth-2 trees (squared loss) of the latent z on every feature: hidden labels, evidence inputs.",
        true,
        (rows, train) => Learners.Boosted(rows.Full, null, rows.Latent, train));

    /// <summary>Gets every learner in table order.</summary>
    public static ImmutableArray<EvidenceLearner> All { get; } = [SimpleLogistic, FactorValuesLogistic, ReportLogistic, FullLogistic, FullBoosted, LatentLinear, LatentBoosted];

    /// <summary>Out-of-fold predictions of every learner on one seed's partnerships, measured with the backtest API.</summary>
    /// <param name="partnerships">The seed's partnerships.</param>
    /// <param name="reports">The model's report on each, in the same order.</param>
    /// <returns>The measures per learner.</returns>
    public static ImmutableDictionary<EvidenceLearner, BacktestResult> Measure(IReadOnlyList<SimulatedPartnership> partnerships, IReadOnlyList<HealthReport> reports)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        ArgumentNullException.ThrowIfNull(reports);
        var rows = new EvidenceRows(
            [.. partnerships.Select((s, i) => EvidenceFeatures.Full(s, reports[i]))],
            [.. partnerships.Select(EvidenceFeatures.Simple)],
            [.. partnerships.Select(s => s.Churned)],
            [.. partnerships.Select(s => s.CombinedLatent)]);
        var fold = FoldOf(partnerships);
        var predictions = All.ToDictionary(l => l, _ => new double[partnerships.Count]);
        Parallel.For(0, Folds * All.Length, job =>
        {
            var (learner, k) = (All[job / Folds], job % Folds);
            var train = fold.Select(f => f != k).ToArray();
            var predicted = learner.Predict(rows, train);
            var target = predictions[learner];
            for (var i = 0; i < fold.Length; i++)
            {
                if (fold[i] == k)
                {
                    target[i] = predicted[i];
                }
            }
        });

        return All.ToImmutableDictionary(l => l, l => Backtest.Measure(partnerships.Select((s, i) =>
            new BacktestSample(s.PartnerId, s.AsOf, predictions[l][i], s.Churned, reference: 100.0 * s.LatentHealth))));
    }

    /// <summary>
    /// The confidence limit: how well anything read from the evidence can know when the model's score is
    /// off. Ridge regression of |score − 100·latent| on every feature, out of fold (hidden labels, evidence
    /// inputs); returns Spearman(−predicted error, error), the best a confidence built from this evidence
    /// could reach for the target's measure, to set beside the model's confidence.
    /// </summary>
    /// <param name="partnerships">The seed's partnerships.</param>
    /// <param name="reports">The model's report on each, in the same order.</param>
    /// <returns>The correlation; <see langword="null"/> when undefined.</returns>
    public static double? ConfidenceLimit(IReadOnlyList<SimulatedPartnership> partnerships, IReadOnlyList<HealthReport> reports)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        ArgumentNullException.ThrowIfNull(reports);
        double[][] x = [.. partnerships.Select((s, i) => EvidenceFeatures.Full(s, reports[i]))];
        double[] error = [.. partnerships.Select((s, i) => Math.Abs(reports[i].Score - (100 * s.LatentHealth)))];
        var fold = FoldOf(partnerships);
        var predicted = new double[error.Length];
        for (var k = 0; k < Folds; k++)
        {
            var fitted = Learners.Linear(x, error, [.. fold.Select(f => f != k)]);
            for (var i = 0; i < fold.Length; i++)
            {
                if (fold[i] == k)
                {
                    predicted[i] = -fitted[i];
                }
            }
        }

        return Stats.Spearman(predicted, error);
    }

    /// <summary>Partner-grouped, churn-stratified folds: partners sorted by churn and a hash of their id, dealt round-robin.</summary>
    private static int[] FoldOf(IReadOnlyList<SimulatedPartnership> partnerships)
    {
        var partners = partnerships
            .GroupBy(s => s.PartnerId)
            .Select(g => (Id: g.Key, Churned: g.Any(s => s.Churned)))
            .OrderBy(p => p.Churned)
            .ThenBy(p => Hash(p.Id.ToString()))
            .ThenBy(p => p.Id.ToString(), StringComparer.Ordinal)
            .Select((p, rank) => (p.Id, Fold: rank % Folds))
            .ToDictionary(p => p.Id, p => p.Fold);
        return [.. partnerships.Select(s => partners[s.PartnerId])];
    }

    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }

    /// <summary>Churn log-odds turned into a health reading: higher = healthier, as for every signal.</summary>
    private static double[] Negate(double[] logOdds) => [.. logOdds.Select(v => -v)];
}

/// <summary>One seed's partnerships as the learners see them.</summary>
/// <param name="Full">Every feature of <see cref="EvidenceFeatures.Full"/>, per partnership.</param>
/// <param name="Simple">The four baselines, per partnership.</param>
/// <param name="Churned">Whether each churned within the horizon.</param>
/// <param name="Latent">Each one's latent z on T (logit scale); only the latent-label learners read it.</param>
public sealed record EvidenceRows(double[][] Full, double[][] Simple, bool[] Churned, double[] Latent);
