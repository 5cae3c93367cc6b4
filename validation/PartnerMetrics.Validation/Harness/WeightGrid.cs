using System.Collections.Immutable;
using PartnerMetrics.Health;

namespace PartnerMetrics.Validation.Harness;

/// <summary>One set of the five dimension weights, measured on every variant.</summary>
/// <param name="Weights">The weights, in <see cref="HealthDimension"/> order, summing to 1.</param>
/// <param name="Auc">The pooled AUC of the score these weights give, per variant in run order.</param>
/// <param name="Spearman">Its Spearman correlation with the latent health, per variant.</param>
/// <param name="ReferenceConfidence">The confidence these weights give the <see cref="ReferencePartnership"/>.</param>
public sealed record WeightSet(ImmutableArray<double> Weights, ImmutableArray<double> Auc, ImmutableArray<double?> Spearman, double ReferenceConfidence)
{
    /// <summary>The smallest gain in AUC over another set, across the variants.</summary>
    /// <param name="other">The set to compare with, usually the defaults.</param>
    /// <returns>The smallest difference.</returns>
    public double LeastGainOver(WeightSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Auc.Zip(other.Auc, (a, b) => a - b).Min();
    }
}

/// <summary>
/// Every set of the five dimension weights on a grid, each variant's overall score recomputed from the
/// model's own dimension scores as their weighted mean (how the model combines them, DOMAIN §3.1): which
/// default weights would gain on every variant, and what that does to a fully logged partnership's
/// confidence. The issue lets the defaults change only for a gain that holds on every variant.
/// </summary>
public sealed class WeightGrid
{
    /// <summary>The grid's steps per unit: weights move in steps of 1 / <see cref="Steps"/>.</summary>
    public const int Steps = 20;

    private WeightGrid(ImmutableArray<double?> referenceConfidences, WeightSet defaults, WeightSet bestGain, WeightSet bestKeepingConfidence, int sets, int setsKeepingConfidence)
    {
        ReferenceConfidences = referenceConfidences;
        Defaults = defaults;
        BestGain = bestGain;
        BestGainKeepingConfidence = bestKeepingConfidence;
        Sets = sets;
        SetsKeepingConfidence = setsKeepingConfidence;
    }

    /// <summary>Gets the confidence of each dimension of the reference partnership under the default model, in <see cref="HealthDimension"/> order; <see langword="null"/> when absent.</summary>
    public ImmutableArray<double?> ReferenceConfidences { get; }

    /// <summary>Gets the default weights, measured the same way (their AUC is the model's).</summary>
    public WeightSet Defaults { get; }

    /// <summary>Gets the set whose smallest gain over the defaults across the variants is largest (the first such set in grid order).</summary>
    public WeightSet BestGain { get; }

    /// <summary>Gets the same among the sets that keep the reference partnership's confidence at <see cref="ReferencePartnership.ConfidenceTarget"/> or more.</summary>
    public WeightSet BestGainKeepingConfidence { get; }

    /// <summary>Gets the number of weight sets on the grid.</summary>
    public int Sets { get; }

    /// <summary>Gets the number of them that keep the reference partnership's confidence at the target or more.</summary>
    public int SetsKeepingConfidence { get; }

    /// <summary>Measures the grid on the model's diagnosis rows of every variant.</summary>
    /// <param name="runs">The variant runs, each with its diagnosis.</param>
    /// <param name="asOf">The as-of day of the runs, on which the reference partnership is scored.</param>
    /// <returns>The grid's defaults and best sets.</returns>
    /// <exception cref="ArgumentException">A run has no diagnosis.</exception>
    public static WeightGrid Of(ImmutableArray<VariantRun> runs, DateOnly asOf)
    {
        if (runs.IsDefaultOrEmpty || runs.Any(r => r.Diagnosis is null))
        {
            throw new ArgumentException("every variant run needs its diagnosis (run with the evidence limit).", nameof(runs));
        }

        var rows = runs.Select(r => r.Diagnosis!.Rows).ToArray();
        var reference = new HealthScorer().Score(ReferencePartnership.Create(asOf), asOf);
        var referenceConfidence = reference.Dimensions.Select(d => d.IsPresent ? d.Confidence : (double?)null).ToArray();
        var grid = Enumerate().ToArray();
        var least = new double[grid.Length];
        var defaults = Measure(DefaultWeights(), rows, referenceConfidence, spearman: true);
        Parallel.For(0, grid.Length, i => least[i] = Measure(grid[i], rows, referenceConfidence, spearman: false).LeastGainOver(defaults));
        var keeping = Enumerable.Range(0, grid.Length).Where(i => Confidence(grid[i], referenceConfidence) >= ReferencePartnership.ConfidenceTarget).ToArray();
        WeightSet Best(IEnumerable<int> candidates) => Measure(grid[candidates.MaxBy(i => least[i])], rows, referenceConfidence, spearman: true);
        return new WeightGrid([.. referenceConfidence], defaults, Best(Enumerable.Range(0, grid.Length)), keeping.Length == 0 ? defaults : Best(keeping), grid.Length, keeping.Length);
    }

    /// <summary>
    /// The weighted mean of the present dimensions' values: under a weight set, a partnership's overall score from
    /// its dimension scores, or its overall confidence from its dimensions' confidences (DOMAIN §3.1).
    /// </summary>
    /// <param name="weights">The weights, in <see cref="HealthDimension"/> order.</param>
    /// <param name="dimensions">Each dimension's value; <see langword="null"/> when the dimension is absent.</param>
    /// <returns>The mean, or <see langword="null"/> when no weighted dimension is present.</returns>
    public static double? WeightedMean(IReadOnlyList<double> weights, IReadOnlyList<double?> dimensions)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(dimensions);
        double sum = 0, weight = 0;
        for (var d = 0; d < weights.Count; d++)
        {
            if (weights[d] > 0 && dimensions[d] is { } score)
            {
                sum += weights[d] * score;
                weight += weights[d];
            }
        }

        return weight > 0 ? sum / weight : null;
    }

    /// <summary>The default dimension weights of the model, in <see cref="HealthDimension"/> order.</summary>
    private static double[] DefaultWeights() => [.. Enum.GetValues<HealthDimension>().Select(d => DimensionWeights.Default[d])];

    /// <summary>Every set of five weights in steps of 1 / <see cref="Steps"/> that sum to 1 (zeros included).</summary>
    private static IEnumerable<double[]> Enumerate()
    {
        for (var a = 0; a <= Steps; a++)
        {
            for (var b = 0; a + b <= Steps; b++)
            {
                for (var c = 0; a + b + c <= Steps; c++)
                {
                    for (var d = 0; a + b + c + d <= Steps; d++)
                    {
                        yield return [a / (double)Steps, b / (double)Steps, c / (double)Steps, d / (double)Steps, (Steps - a - b - c - d) / (double)Steps];
                    }
                }
            }
        }
    }

    /// <summary>The confidence a weight set gives the reference.</summary>
    private static double Confidence(double[] weights, double?[] confidence) => WeightedMean(weights, confidence) ?? 0.0;

    private static WeightSet Measure(double[] weights, ImmutableArray<DiagnosisRow>[] rows, double?[] referenceConfidence, bool spearman)
    {
        var auc = ImmutableArray.CreateBuilder<double>(rows.Length);
        var rho = ImmutableArray.CreateBuilder<double?>(rows.Length);
        foreach (var variant in rows)
        {
            // A partnership none of whose weighted dimensions is present has no score under these weights; the
            // model's dimensions are all present in every simulated partnership, so none is left out in practice.
            var scored = variant.Select(r => (Row: r, Score: WeightedMean(weights, r.Dimensions))).Where(x => x.Score is not null).ToArray();
            var scores = scored.Select(x => x.Score!.Value).ToArray();
            auc.Add(Stats.Auc(scores, [.. scored.Select(x => x.Row.Churned)]) ?? 0.5);
            rho.Add(spearman ? Stats.Spearman(scores, [.. scored.Select(x => x.Row.Latent)]) : null);
        }

        return new WeightSet([.. weights], auc.MoveToImmutable(), rho.MoveToImmutable(), Confidence(weights, referenceConfidence));
    }
}
