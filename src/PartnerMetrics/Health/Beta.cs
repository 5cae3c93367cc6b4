namespace PartnerMetrics.Health;

/// <summary>A rate's posterior, as its mean and variance: what a factor's value and its share of the score interval are made of.</summary>
internal readonly record struct Beta(double Mean, double Variance)
{
    /// <summary>The Beta(a, b) distribution: mean a / (a + b), variance ab / ((a + b)²(a + b + 1)).</summary>
    public static Beta Of(double a, double b)
    {
        var n = a + b;
        var mean = a / n;
        return new Beta(mean, mean * (1.0 - mean) / (n + 1.0));
    }
}
