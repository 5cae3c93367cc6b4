using PartnerMetrics.Health;

namespace PartnerMetrics.Validation;

/// <summary>
/// Finds non-negative weights that maximise an objective over samples whose dimension and factor
/// values are known: a deterministic coordinate search that moves weight from one member of a group
/// to another in shrinking steps — the dimension weights form one group, and, when factor weights are
/// fitted, each fittable dimension's factor weights another — from the starting weights and from
/// equal weights, keeping the better.
/// </summary>
/// <remarks>
/// A sample's overall score under any weights comes from <c>HealthScorer.DimensionScore</c> and
/// <c>HealthScorer.OverallScore</c>, the formulas the scorer itself uses, so the search sees exactly the
/// scores the fitted model will give.
/// </remarks>
internal sealed class WeightSearch
{
    /// <summary>
    /// The dimensions whose factor weights a model may set, with their factors in the order of the
    /// dimension's weight record (trust's sides always weigh the same).
    /// </summary>
    internal static readonly (HealthDimension Dimension, string[] Codes)[] FittableDimensions =
    [
        (HealthDimension.Competency, [FactorCodes.CompetencyCoverage, FactorCodes.CompetencyDeliveryReliability]),
        (HealthDimension.Cooperation, [FactorCodes.CooperationPartnerResponsiveness, FactorCodes.CooperationVendorResponsiveness, FactorCodes.CooperationFrictionHandling, FactorCodes.CooperationReciprocity]),
        (HealthDimension.PlanAlignment, [FactorCodes.PlanGoalsOnTrack, FactorCodes.PlanSharedOwnership, FactorCodes.PlanBusinessAlignment, FactorCodes.PlanClarity, FactorCodes.PlanFreshness]),
        (HealthDimension.TrackedProgress, [FactorCodes.ProgressRegistrationTimeliness, FactorCodes.ProgressPipelineFreshness, FactorCodes.ProgressDataCompleteness, FactorCodes.ProgressWeeklyCadence]),
    ];

    private const int DimensionCount = 5;

    /// <summary>
    /// The least weight an enabled member keeps, the smallest the four decimals of a fitted weight can write: a weight of 0
    /// disables its dimension or factor, and a dimension disabled takes its weakest-link cap with it (trust's both
    /// sides with it), so a fit that only looks at scores could make a broken relationship Healthy. A member enabled
    /// stays enabled; one the starting model disables stays disabled.
    /// </summary>
    internal const double Floor = 0.0001;
    private static readonly double[] Steps = [0.25, 0.1, 0.05, 0.02, 0.01, 0.005, 0.001];
    private readonly double[] dimensionScores;
    private readonly double[] factorValues;
    private readonly bool[] usesFactors;
    private readonly int factorCount;
    private readonly (int Start, int Length)[] groups;
    private readonly bool[] enabled;
    private readonly FitObjective objective;

    /// <param name="dimensionScores">Row-major: sample i's dimension d at [i × 5 + d]; NaN for an absent dimension.</param>
    /// <param name="factorValues">
    /// Row-major: sample i's values of the fittable factors, in the order of <see cref="FittableDimensions"/>
    /// and of each dimension's weight record, at [i × the factor count + j]; NaN for an absent factor.
    /// </param>
    /// <param name="usesFactors">At [i × 4 + k]: whether sample i's dimension k of <see cref="FittableDimensions"/> is scored from those factors (false for a plan dimension without a plan, whose one factor does not depend on the plan weights).</param>
    /// <param name="start">The starting weights: the five dimension weights, then, when <paramref name="fitFactors"/>, the fittable factor weights; a weight of 0 stays 0.</param>
    /// <param name="fitFactors">Whether the factor weights are fitted as well as the dimension weights.</param>
    /// <param name="objective">What the search maximises.</param>
    public WeightSearch(double[] dimensionScores, double[] factorValues, bool[] usesFactors, double[] start, bool fitFactors, FitObjective objective)
    {
        this.dimensionScores = dimensionScores;
        this.factorValues = factorValues;
        this.usesFactors = usesFactors;
        factorCount = FittableDimensions.Sum(d => d.Codes.Length);
        List<(int, int)> groupList = [(0, DimensionCount)];
        if (fitFactors)
        {
            var at = DimensionCount;
            foreach (var (_, codes) in FittableDimensions)
            {
                groupList.Add((at, codes.Length));
                at += codes.Length;
            }
        }

        groups = [.. groupList];
        enabled = [.. start.Select(w => w > 0)];
        this.objective = objective;
    }

    /// <summary>The overall score of one sample under <paramref name="weights"/> (the layout of the starting weights).</summary>
    public double Score(int sample, ReadOnlySpan<double> weights)
    {
        var dimensions = dimensionScores.AsSpan(sample * DimensionCount, DimensionCount);
        if (groups.Length == 1)
        {
            return HealthScorer.OverallScore(dimensions, weights);
        }

        Span<double> scores = stackalloc double[DimensionCount];
        dimensions.CopyTo(scores);
        var values = factorValues.AsSpan(sample * factorCount, factorCount);
        var at = 0;
        for (var k = 0; k < FittableDimensions.Length; k++)
        {
            var (dimension, codes) = FittableDimensions[k];
            var count = codes.Length;
            if (usesFactors[(sample * FittableDimensions.Length) + k])
            {
                scores[(int)dimension] = HealthScorer.DimensionScore(dimension, values.Slice(at, count), weights.Slice(DimensionCount + at, count));
            }

            at += count;
        }

        return HealthScorer.OverallScore(scores, weights[..DimensionCount]);
    }

    /// <summary>The best weights found for the samples <paramref name="rows"/>; each group sums to 1.</summary>
    public double[] Fit(int[] rows, bool[] churned, double[] start, CancellationToken cancellationToken = default)
    {
        var fromStart = Climb(rows, churned, Normalised(start), cancellationToken);
        var equal = Normalised([.. enabled.Select(e => e ? 1.0 : 0.0)]);
        var fromEqual = Climb(rows, churned, equal, cancellationToken);
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

    /// <summary>Each group of <paramref name="weights"/> rounded to four decimals, still summing to 1: its largest absorbs the rounding.</summary>
    public double[] Rounded(double[] weights)
    {
        // An enabled member keeps at least the floor, which four decimals write, rather than rounding to 0 and being disabled.
        var rounded = weights.Select((w, i) => enabled[i] ? Math.Max(Floor, Math.Round(w, 4, MidpointRounding.ToEven)) : Math.Round(w, 4, MidpointRounding.ToEven)).ToArray();
        foreach (var (start, length) in groups)
        {
            var group = rounded.AsSpan(start, length);
            var largest = group.IndexOf(group.ToArray().Max());
            var others = 0.0;
            for (var i = 0; i < length; i++)
            {
                others += i == largest ? 0 : group[i];
            }

            group[largest] = Math.Round(1 - others, 4, MidpointRounding.ToEven);
        }

        return rounded;
    }

    /// <remarks>The token is checked before each pass: a pass over many samples and factor weights takes seconds.</remarks>
    private (double[] Weights, double Value) Climb(int[] rows, bool[] churned, double[] weights, CancellationToken cancellationToken)
    {
        var best = Objective(rows, churned, weights);
        var candidate = new double[weights.Length];
        foreach (var step in Steps)
        {
            // Each pass tries every move of `step` weight from one enabled member of a group to another
            // and keeps any that improves; 200 passes bound the work (each accepted move strictly improves).
            for (var pass = 0; pass < 200; pass++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var improved = false;
                foreach (var (start, length) in groups)
                {
                    for (var to = start; to < start + length; to++)
                    {
                        for (var from = start; from < start + length; from++)
                        {
                            if (to == from || !enabled[to] || !enabled[from] || weights[from] <= Floor)
                            {
                                continue;
                            }

                            weights.CopyTo(candidate, 0);
                            var move = Math.Min(step, weights[from] - Floor);
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
                }

                if (!improved)
                {
                    break;
                }
            }
        }

        return (weights, best);
    }

    /// <summary>Each group scaled to sum to 1.</summary>
    private double[] Normalised(double[] weights)
    {
        var normalised = new double[weights.Length];
        foreach (var (start, length) in groups)
        {
            // Scaled by the largest first, so that weights near double.MaxValue cannot overflow the sum.
            var group = weights.AsSpan(start, length);
            var max = group.ToArray().Max();
            var sum = 0.0;
            foreach (var w in group)
            {
                sum += w / max;
            }

            for (var i = 0; i < length; i++)
            {
                normalised[start + i] = group[i] / max / sum;
            }
        }

        return normalised;
    }
}
