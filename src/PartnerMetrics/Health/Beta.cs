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

    /// <summary>The posterior Beta(p + α, n + β) of a rate with weighted successes p and failures n under the prior Beta(α, β).</summary>
    /// <remarks>
    /// When every term is finite but a sum overflows (failures near <see cref="double.MaxValue"/>, a loss aversion near it
    /// times a broken promise, beside a prior strength near half of it), the mean is taken of the quarters of the
    /// terms, which are exact and add up without overflow: adding first read a finite n + β as infinite, and the posterior
    /// mean as 0 where it is, for example, 1/6. An infinite term (λ · n overflowed) still gives the mean of
    /// <see cref="Of(double, double)"/>; the variance is then below 10⁻³⁰⁸ and is 0.
    /// </remarks>
    public static Beta Of(double p, double alpha, double n, double beta)
    {
        var (a, b) = (p + alpha, n + beta);
        if ((double.IsFinite(a) && double.IsFinite(b)) || !double.IsFinite(p) || !double.IsFinite(n))
        {
            return Of(a, b);
        }

        var (quarterA, quarterB) = ((p / 4) + (alpha / 4), (n / 4) + (beta / 4));
        return new Beta(quarterA / (quarterA + quarterB), 0.0);
    }
}
