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
}
