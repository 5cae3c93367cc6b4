namespace PartnerMetrics.Health;

/// <summary>A rate's posterior, as its mean and variance: what a factor's value and its share of the score interval are made of.</summary>
internal readonly record struct Beta(double Mean, double Variance)
{
    /// <summary>The Beta(a, b) distribution: mean a / (a + b), variance ab / ((a + b)²(a + b + 1)).</summary>
    /// <remarks>
    /// a is finite and b may be infinite (a loss aversion near <see cref="double.MaxValue"/> times broken promises). When
    /// a + b overflows, the mean is taken of the halves, which are exact, and the variance is 0 — the exact variance is
    /// then below 10⁻³⁰⁸.
    /// </remarks>
    public static Beta Of(double a, double b)
    {
        var n = a + b;
        var mean = double.IsFinite(n) ? a / n : (a / 2) / ((a / 2) + (b / 2));
        return new Beta(mean, mean * (1.0 - mean) / (n + 1.0));
    }

    /// <summary>
    /// The balance of a share q with this posterior — how evenly two sides contribute, 1 when even, 0 when one side does
    /// all — as one minus the root mean square of the imbalance 2q − 1 under the posterior:
    /// 1 − √E[(2q − 1)²] = 1 − √(4·Var(q) + (2·E[q] − 1)²). Its variance is that of 1 − |2q − 1| to first order, 4·Var(q).
    /// </summary>
    /// <remarks>
    /// Not 1 − |2·E[q] − 1|, the balance of the mean, which is 1 with no evidence (the prior mean is an even share), so
    /// that every logged interaction could only lower it or leave it at its maximum: logging nothing would score best.
    /// Here the prior's own spread counts as uncertainty about the balance (1 − 1/√(s + 1) at prior strength s, 0.42 for
    /// s = 2), even evidence raises the balance towards 1 and lopsided evidence lowers it towards its own balance. It is
    /// a lower bound of the posterior's expected balance 1 − E|2q − 1| (Jensen), in closed form; the two agree as evidence grows.
    /// </remarks>
    public Beta Balance()
    {
        var imbalance = (2.0 * Mean) - 1.0;
        var spread = 4.0 * Variance;
        return new Beta(1.0 - Math.Sqrt(spread + (imbalance * imbalance)), spread);
    }
}
