using System.Collections.Immutable;
using System.Globalization;

namespace PartnerMetrics.Validation;

/// <summary>
/// Turns a health score into the probability that the partner churns within the horizon, fitted on a
/// company's own outcomes by <see cref="Backtest.Fit"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. The probability never rises as the score rises.</remarks>
public sealed class ChurnCalibration
{
    private ChurnCalibration(CalibrationMethod method, TimeSpan horizon, double? intercept, double? slope, ImmutableArray<CalibrationStep> steps)
    {
        Method = method;
        Horizon = horizon;
        Intercept = intercept;
        Slope = slope;
        Steps = steps;
    }

    /// <summary>Gets how the calibration was fitted.</summary>
    public CalibrationMethod Method { get; }

    /// <summary>Gets the horizon the probability is over.</summary>
    public TimeSpan Horizon { get; }

    /// <summary>Gets the intercept a of a Platt calibration, p = 1 ÷ (1 + e^−(a + b·score)); <see langword="null"/> for an isotonic one.</summary>
    public double? Intercept { get; }

    /// <summary>Gets the slope b per score point of a Platt calibration (at most 0); <see langword="null"/> for an isotonic one.</summary>
    public double? Slope { get; }

    /// <summary>Gets the steps of an isotonic calibration, lowest score first; empty for a Platt one.</summary>
    public ImmutableArray<CalibrationStep> Steps { get; }

    /// <summary>The probability that a partner with this score churns within <see cref="Horizon"/>.</summary>
    /// <param name="score">The score.</param>
    /// <returns>A probability in [0, 1]; for a score below the lowest isotonic step, that step's probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not finite.</exception>
    public double Probability(double score)
    {
        if (!double.IsFinite(score))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"'{nameof(score)}' must be a finite number; got {score.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (Intercept is { } a && Slope is { } b)
        {
            return Logistic(a + (b * score));
        }

        var step = Steps[0];
        foreach (var next in Steps)
        {
            if (next.FromScore > score)
            {
                break;
            }

            step = next;
        }

        return step.Probability;
    }

    /// <inheritdoc/>
    public override string ToString() => Method == CalibrationMethod.Platt
        ? string.Create(CultureInfo.InvariantCulture, $"Platt: p = 1 / (1 + e^-({Intercept:0.####} + {Slope:0.######} × score))")
        : $"Isotonic: {string.Join("; ", Steps)}";

    /// <summary>Fits a calibration of <paramref name="scores"/> to <paramref name="churned"/>; both classes must be present.</summary>
    internal static ChurnCalibration Fit(CalibrationMethod method, TimeSpan horizon, ReadOnlySpan<double> scores, ReadOnlySpan<bool> churned)
    {
        if (method == CalibrationMethod.Platt)
        {
            var (a, b) = Platt(scores, churned);
            return new ChurnCalibration(method, horizon, a, b, []);
        }

        return new ChurnCalibration(method, horizon, null, null, Isotonic(scores, churned));
    }

    /// <summary>
    /// The mean log-likelihood of the hard labels under the Platt curve fitted to them: the
    /// <see cref="FitObjective.LogLikelihood"/> objective.
    /// </summary>
    internal static double PlattLogLikelihood(ReadOnlySpan<double> scores, ReadOnlySpan<bool> churned)
    {
        var (a, b) = Platt(scores, churned);
        double sum = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var z = a + (b * scores[i]);

            // log σ(z) = −log(1 + e^−z), written so that neither branch overflows.
            sum -= churned[i] ? Softplus(-z) : Softplus(z);
        }

        return sum / scores.Length;
    }

    /// <summary>
    /// Platt (1999): logistic regression of churn on the score by Newton's method with a halving line
    /// search, on the targets (N₊ + 1) ÷ (N₊ + 2) and 1 ÷ (N₋ + 2), which keep the fit finite even when
    /// the score separates the classes perfectly. The score is scaled by ÷ 100 while fitting.
    /// </summary>
    private static (double Intercept, double Slope) Platt(ReadOnlySpan<double> scores, ReadOnlySpan<bool> churned)
    {
        var positives = 0;
        foreach (var c in churned)
        {
            positives += c ? 1 : 0;
        }

        var negatives = churned.Length - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);

        // Start at the prior log-odds with a flat slope.
        double a = Math.Log((positives + 1.0) / (negatives + 1.0)), b = 0;
        var loss = PlattLoss(scores, churned, high, low, a, b);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var x = scores[i] / 100.0;
                var p = Logistic(a + (b * x));
                var t = churned[i] ? high : low;
                var w = Math.Max(p * (1 - p), 1e-12);
                ga += p - t;
                gb += (p - t) * x;
                haa += w;
                hab += w * x;
                hbb += w * x * x;
            }

            // A tiny ridge keeps the Hessian invertible when every score is equal.
            hbb += 1e-9;
            haa += 1e-9;
            var det = (haa * hbb) - (hab * hab);
            var da = ((hbb * ga) - (hab * gb)) / det;
            var db = ((haa * gb) - (hab * ga)) / det;
            var step = 1.0;
            var improved = false;
            for (var halving = 0; halving < 40; halving++)
            {
                var candidate = PlattLoss(scores, churned, high, low, a - (step * da), b - (step * db));
                if (candidate <= loss)
                {
                    a -= step * da;
                    b -= step * db;
                    improved = loss - candidate > 1e-15 * Math.Max(1, Math.Abs(loss));
                    loss = candidate;
                    break;
                }

                step /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        // A calibration never lets churn rise with health: a rising fit (a score that ranks backwards) is flattened.
        if (b > 0)
        {
            a = Math.Log((positives + 1.0) / (negatives + 1.0));
            b = 0;
        }

        return (a, b / 100.0);
    }

    private static double PlattLoss(ReadOnlySpan<double> scores, ReadOnlySpan<bool> churned, double high, double low, double a, double b)
    {
        double loss = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var z = a + (b * scores[i] / 100.0);
            var t = churned[i] ? high : low;
            loss += (t * Softplus(-z)) + ((1 - t) * Softplus(z));
        }

        return loss;
    }

    /// <summary>
    /// Pool-adjacent-violators for a churn rate that never rises with the score: equal scores are one
    /// block; a block whose rate exceeds the block before it (lower scores) is merged into it.
    /// </summary>
    private static ImmutableArray<CalibrationStep> Isotonic(ReadOnlySpan<double> scores, ReadOnlySpan<bool> churned)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = scores.ToArray();
        Array.Sort(keys, order);
        var blocks = new List<(double From, double Churned, double Count)>();
        for (var k = 0; k < keys.Length;)
        {
            // Equal scores form one group before any pooling, so the fit does not depend on their order.
            double groupChurned = 0, groupCount = 0;
            var from = keys[k];
            for (; k < keys.Length && keys[k] == from; k++)
            {
                groupChurned += churned[order[k]] ? 1 : 0;
                groupCount++;
            }

            blocks.Add((from, groupChurned, groupCount));

            // Rates compared by cross-multiplication: exact for whole counts.
            while (blocks.Count > 1 && blocks[^1].Churned * blocks[^2].Count > blocks[^2].Churned * blocks[^1].Count)
            {
                var last = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                var into = blocks[^1];
                blocks[^1] = (into.From, into.Churned + last.Churned, into.Count + last.Count);
            }
        }

        return [.. blocks.Select(b => new CalibrationStep(b.From, b.Churned / b.Count))];
    }

    private static double Logistic(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>log(1 + eᶻ) without overflow.</summary>
    private static double Softplus(double z) => z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z));
}
