namespace PartnerMetrics.Validation;

/// <summary>
/// Finds non-negative dimension weights that maximise an objective over samples whose dimension scores
/// are known: a deterministic coordinate search on the simplex that moves weight from one dimension to
/// another in shrinking steps, from the starting weights and from equal weights, keeping the better.
/// </summary>
/// <remarks>
/// A sample's overall score under any weights comes from <c>HealthScorer.OverallScore</c>, the formula
/// the scorer itself uses, so the search sees exactly the scores the fitted model will give.
/// </remarks>
internal sealed class DimensionWeightSearch
{
    private static readonly double[] Steps = [0.25, 0.1, 0.05, 0.02, 0.01, 0.005, 0.001];
    private readonly double[] dimensionScores;
    private readonly int dimensions;
    private readonly bool[] enabled;
    private readonly FitObjective objective;

    /// <param name="dimensionScores">Row-major: sample i's dimension d at [i × dimensions + d]; NaN for an absent dimension.</param>
    /// <param name="start">The starting weights; a dimension with weight 0 stays disabled.</param>
    /// <param name="objective">What the search maximises.</param>
    public DimensionWeightSearch(double[] dimensionScores, double[] start, FitObjective objective)
    {
        this.dimensionScores = dimensionScores;
        dimensions = start.Length;
        enabled = [.. start.Select(w => w > 0)];
        this.objective = objective;
    }

    /// <summary>The overall score of one sample under <paramref name="weights"/>.</summary>
    public double Score(int sample, ReadOnlySpan<double> weights) =>
        Health.HealthScorer.OverallScore(dimensionScores.AsSpan(sample * dimensions, dimensions), weights);

    /// <summary>The best weights found for the samples <paramref name="rows"/>, summing to 1.</summary>
    public double[] Fit(int[] rows, bool[] churned, double[] start)
    {
        var fromStart = Climb(rows, churned, Normalised(start));
        var equal = Normalised([.. enabled.Select(e => e ? 1.0 : 0.0)]);
        var fromEqual = Climb(rows, churned, equal);
        return fromEqual.Value > fromStart.Value ? fromEqual.Weights : fromStart.Weights;
    }

    /// <summary>The objective for the samples <paramref name="rows"/> under <paramref name="weights"/>: higher is better.</summary>
    public double Objective(int[] rows, bool[] churned, ReadOnlySpan<double> weights)
    {
        var scores = new double[rows.Length];
        var labels = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            scores[i] = Score(rows[i], weights);
            labels[i] = objective == FitObjective.Auc ? !churned[rows[i]] : churned[rows[i]];
        }

        return objective == FitObjective.Auc
            ? RankStatistics.Auc(scores, labels).Auc ?? 0.5
            : ChurnCalibration.PlattLogLikelihood(scores, labels);
    }

    private (double[] Weights, double Value) Climb(int[] rows, bool[] churned, double[] weights)
    {
        var best = Objective(rows, churned, weights);
        var candidate = new double[dimensions];
        foreach (var step in Steps)
        {
            // Each pass tries every move of `step` weight from one enabled dimension to another and keeps
            // any that improves; 200 passes bound the work (each accepted move strictly improves).
            for (var pass = 0; pass < 200; pass++)
            {
                var improved = false;
                for (var to = 0; to < dimensions; to++)
                {
                    for (var from = 0; from < dimensions; from++)
                    {
                        if (to == from || !enabled[to] || !enabled[from] || weights[from] <= 0)
                        {
                            continue;
                        }

                        weights.CopyTo(candidate, 0);
                        var move = Math.Min(step, weights[from]);
                        candidate[to] += move;
                        candidate[from] -= move;
                        var value = Objective(rows, churned, candidate);
                        if (value > best + 1e-12)
                        {
                            best = value;
                            candidate.CopyTo(weights, 0);
                            improved = true;
                        }
                    }
                }

                if (!improved)
                {
                    break;
                }
            }
        }

        return (weights, best);
    }

    private static double[] Normalised(double[] weights)
    {
        // Scaled by the largest first, so that weights near double.MaxValue cannot overflow the sum.
        var max = weights.Max();
        var sum = weights.Sum(w => w / max);
        return [.. weights.Select(w => w / max / sum)];
    }
}
