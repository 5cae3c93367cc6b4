namespace PartnerMetrics.Validation.Harness;

/// <summary>
/// Small, deterministic, dependency-free learners for the evidence limit: ridge-penalised logistic
/// regression by iteratively reweighted least squares, ridge linear regression, and gradient-boosted
/// depth-2 trees on quantile bins. Features are standardised on the training rows; the intercept is
/// not penalised.
/// </summary>
public static class Learners
{
    /// <summary>The ridge penalty on standardised coefficients (the same for every seed and variant; not tuned).</summary>
    public const double Ridge = 2.0;

    /// <summary>The number of boosting rounds.</summary>
    public const int Rounds = 150;

    /// <summary>The learning rate of the boosted trees.</summary>
    public const double LearningRate = 0.1;

    private const int Bins = 16;
    private const int MinLeaf = 40;

    /// <summary>Fits a logistic regression of <paramref name="y"/> on the training rows and predicts the test rows.</summary>
    /// <param name="x">Every row's features.</param>
    /// <param name="y">Every row's label.</param>
    /// <param name="train">Which rows to fit on; the others are predicted.</param>
    /// <returns>The log-odds of every row (fitted rows included).</returns>
    public static double[] Logistic(double[][] x, bool[] y, bool[] train)
    {
        var z = Standardise(x, train);
        var p = z[0].Length;
        var beta = new double[p + 1];
        for (var iteration = 0; iteration < 25; iteration++)
        {
            var hessian = new double[p + 1, p + 1];
            var gradient = new double[p + 1];
            for (var i = 0; i < z.Length; i++)
            {
                if (!train[i])
                {
                    continue;
                }

                var mu = Sigmoid(Linear(beta, z[i]));
                var w = Math.Max(mu * (1 - mu), 1e-9);
                var r = (y[i] ? 1.0 : 0.0) - mu;
                Accumulate(hessian, gradient, z[i], w, r);
            }

            Penalise(hessian, gradient, beta);
            var step = Solve(hessian, gradient);
            var change = 0.0;
            for (var j = 0; j <= p; j++)
            {
                beta[j] += step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        return [.. z.Select(row => Linear(beta, row))];
    }

    /// <summary>Fits a ridge linear regression of <paramref name="y"/> on the training rows and predicts every row.</summary>
    /// <param name="x">Every row's features.</param>
    /// <param name="y">Every row's target.</param>
    /// <param name="train">Which rows to fit on.</param>
    /// <returns>The prediction for every row.</returns>
    public static double[] Linear(double[][] x, double[] y, bool[] train)
    {
        var z = Standardise(x, train);
        var p = z[0].Length;
        var beta = new double[p + 1];
        var hessian = new double[p + 1, p + 1];
        var gradient = new double[p + 1];
        for (var i = 0; i < z.Length; i++)
        {
            if (train[i])
            {
                Accumulate(hessian, gradient, z[i], 1.0, y[i]);
            }
        }

        Penalise(hessian, gradient, beta);
        beta = Solve(hessian, gradient);
        return [.. z.Select(row => Linear(beta, row))];
    }

    /// <summary>Gradient-boosted depth-2 trees: logistic loss for a label, squared loss for a number.</summary>
    /// <param name="x">Every row's features.</param>
    /// <param name="label">Every row's label, for a classifier; or <see langword="null"/>.</param>
    /// <param name="target">Every row's target, for a regression; used when <paramref name="label"/> is <see langword="null"/>.</param>
    /// <param name="train">Which rows to fit on.</param>
    /// <returns>The log-odds (classifier) or prediction (regression) of every row.</returns>
    public static double[] Boosted(double[][] x, bool[]? label, double[]? target, bool[] train)
    {
        var n = x.Length;
        var p = x[0].Length;
        var bins = Quantise(x, train);
        var rows = Enumerable.Range(0, n).Where(i => train[i]).ToArray();
        var f = new double[n];
        var start = label is not null
            ? Logit((rows.Count(i => label[i]) + 0.5) / (rows.Length + 1.0))
            : rows.Average(i => target![i]);
        Array.Fill(f, start);
        var g = new double[n];
        var h = new double[n];
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var i in rows)
            {
                if (label is not null)
                {
                    var mu = Sigmoid(f[i]);
                    g[i] = (label[i] ? 1.0 : 0.0) - mu;
                    h[i] = Math.Max(mu * (1 - mu), 1e-6);
                }
                else
                {
                    g[i] = target![i] - f[i];
                    h[i] = 1.0;
                }
            }

            var (feature, cut) = BestSplit(rows, bins, g, h, p);
            if (feature < 0)
            {
                break;
            }

            var left = rows.Where(i => bins[i][feature] <= cut).ToArray();
            var right = rows.Where(i => bins[i][feature] > cut).ToArray();
            var (lf, lc) = BestSplit(left, bins, g, h, p);
            var (rf, rc) = BestSplit(right, bins, g, h, p);
            var leaves = new double[4];
            leaves[0] = Leaf(left, lf, lc, true, bins, g, h);
            leaves[1] = Leaf(left, lf, lc, false, bins, g, h);
            leaves[2] = Leaf(right, rf, rc, true, bins, g, h);
            leaves[3] = Leaf(right, rf, rc, false, bins, g, h);
            for (var i = 0; i < n; i++)
            {
                var (sf, sc, k) = bins[i][feature] <= cut ? (lf, lc, 0) : (rf, rc, 2);
                f[i] += LearningRate * leaves[k + (sf < 0 || bins[i][sf] <= sc ? 0 : 1)];
            }
        }

        return f;
    }

    private static double Leaf(int[] rows, int feature, int cut, bool low, byte[][] bins, double[] g, double[] h)
    {
        double sg = 0, sh = 0;
        foreach (var i in rows)
        {
            if (feature < 0 ? low : (bins[i][feature] <= cut) == low)
            {
                sg += g[i];
                sh += h[i];
            }
        }

        return sh > 0 ? sg / (sh + 1.0) : 0.0;
    }

    private static (int Feature, int Cut) BestSplit(int[] rows, byte[][] bins, double[] g, double[] h, int p)
    {
        if (rows.Length < 2 * MinLeaf)
        {
            return (-1, 0);
        }

        double totalG = 0, totalH = 0;
        foreach (var i in rows)
        {
            totalG += g[i];
            totalH += h[i];
        }

        var parent = totalG * totalG / (totalH + 1.0);
        var best = (Feature: -1, Cut: 0, Gain: 1e-9);
        var sg = new double[Bins];
        var sh = new double[Bins];
        var count = new int[Bins];
        for (var j = 0; j < p; j++)
        {
            Array.Clear(sg);
            Array.Clear(sh);
            Array.Clear(count);
            foreach (var i in rows)
            {
                var b = bins[i][j];
                sg[b] += g[i];
                sh[b] += h[i];
                count[b]++;
            }

            double lg = 0, lh = 0;
            var ln = 0;
            for (var c = 0; c < Bins - 1; c++)
            {
                lg += sg[c];
                lh += sh[c];
                ln += count[c];
                if (ln < MinLeaf || rows.Length - ln < MinLeaf)
                {
                    continue;
                }

                var rg = totalG - lg;
                var rh = totalH - lh;
                var gain = (lg * lg / (lh + 1.0)) + (rg * rg / (rh + 1.0)) - parent;
                if (gain > best.Gain)
                {
                    best = (j, c, gain);
                }
            }
        }

        return (best.Feature, best.Cut);
    }

    /// <summary>Each feature cut into quantile bins of the training rows.</summary>
    private static byte[][] Quantise(double[][] x, bool[] train)
    {
        var p = x[0].Length;
        var cuts = new double[p][];
        for (var j = 0; j < p; j++)
        {
            var values = x.Where((_, i) => train[i]).Select(row => row[j]).Order().ToArray();
            cuts[j] = [.. Enumerable.Range(1, Bins - 1).Select(k => values[k * (values.Length - 1) / Bins]).Distinct()];
        }

        return [.. x.Select(row => Enumerable.Range(0, p).Select(j => (byte)Bin(cuts[j], row[j])).ToArray())];
    }

    private static int Bin(double[] cuts, double value)
    {
        var b = 0;
        while (b < cuts.Length && value > cuts[b])
        {
            b++;
        }

        return b;
    }

    /// <summary>Centres and scales each feature by the training rows' mean and standard deviation; a constant feature becomes 0.</summary>
    private static double[][] Standardise(double[][] x, bool[] train)
    {
        var p = x[0].Length;
        var mean = new double[p];
        var sd = new double[p];
        var n = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!train[i])
            {
                continue;
            }

            n++;
            for (var j = 0; j < p; j++)
            {
                mean[j] += x[i][j];
            }
        }

        for (var j = 0; j < p; j++)
        {
            mean[j] /= n;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (train[i])
            {
                for (var j = 0; j < p; j++)
                {
                    sd[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            sd[j] = Math.Sqrt(sd[j] / n);
        }

        return [.. x.Select(row => Enumerable.Range(0, p).Select(j => sd[j] > 1e-12 ? (row[j] - mean[j]) / sd[j] : 0.0).ToArray())];
    }

    private static void Accumulate(double[,] hessian, double[] gradient, double[] row, double w, double r)
    {
        var p = row.Length;
        hessian[0, 0] += w;
        gradient[0] += r;
        for (var j = 0; j < p; j++)
        {
            var wj = w * row[j];
            hessian[0, j + 1] += wj;
            gradient[j + 1] += row[j] * r;
            for (var k = j; k < p; k++)
            {
                hessian[j + 1, k + 1] += wj * row[k];
            }
        }
    }

    /// <summary>Adds the ridge penalty (not on the intercept) to the normal equations and mirrors the upper triangle.</summary>
    private static void Penalise(double[,] hessian, double[] gradient, double[] beta)
    {
        var size = gradient.Length;
        for (var j = 1; j < size; j++)
        {
            hessian[j, j] += Ridge;
            gradient[j] -= Ridge * beta[j];
        }

        for (var j = 0; j < size; j++)
        {
            for (var k = 0; k < j; k++)
            {
                hessian[j, k] = hessian[k, j];
            }
        }
    }

    /// <summary>Solves the symmetric positive definite system by Cholesky decomposition.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }

            l[j, j] = Math.Sqrt(Math.Max(d, 1e-12));
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }

                l[i, j] = s / l[j, j];
            }
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= l[i, k] * y[k];
            }

            y[i] = s / l[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= l[k, i] * x[k];
            }

            x[i] = s / l[i, i];
        }

        return x;
    }

    private static double Linear(double[] beta, double[] row)
    {
        var s = beta[0];
        for (var j = 0; j < row.Length; j++)
        {
            s += beta[j + 1] * row[j];
        }

        return s;
    }

    private static double Sigmoid(double t) => 1.0 / (1.0 + Math.Exp(-t));

    private static double Logit(double q) => Math.Log(q / (1 - q));
}
