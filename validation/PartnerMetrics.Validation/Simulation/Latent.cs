namespace PartnerMetrics.Validation.Simulation;

/// <summary>The link functions of the latent model; one home for how two sides combine into one health.</summary>
public static class Latent
{
    /// <summary>The sharpness k of the soft minimum: the larger, the more the weaker side alone decides.</summary>
    public const double SoftMinSharpness = 2.0;

    /// <summary>The logistic function σ(x) = 1 / (1 + e^−x).</summary>
    /// <param name="x">A logit.</param>
    /// <returns>A value in (0, 1).</returns>
    public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <summary>The logit, the inverse of <see cref="Logistic"/>.</summary>
    /// <param name="p">A value in (0, 1).</param>
    /// <returns>ln(p / (1 − p)).</returns>
    public static double Logit(double p) => Math.Log(p / (1.0 - p));

    /// <summary>
    /// The combined health z of two sides: the soft minimum −(1/k)·ln((e^(−k·p) + e^(−k·v)) / 2). Equal sides
    /// give their common value; a broken side pulls z down to near its own value ("trust is a must on both sides").
    /// </summary>
    /// <param name="partner">The partner side's latent (logit scale).</param>
    /// <param name="vendor">The vendor side's latent (logit scale).</param>
    /// <returns>The combined latent z.</returns>
    public static double Combine(double partner, double vendor)
    {
        const double K = SoftMinSharpness;
        var low = Math.Min(partner, vendor);
        var high = Math.Max(partner, vendor);
        return low - (Math.Log((1.0 + Math.Exp(-K * (high - low))) / 2.0) / K);
    }

    /// <summary>The monthly churn hazard σ(a − b·z).</summary>
    /// <param name="combined">The combined latent z.</param>
    /// <param name="parameters">The drawn parameters (a, b).</param>
    /// <returns>The probability of churning in a month.</returns>
    public static double MonthlyHazard(double combined, VariantParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Logistic(parameters[Knob.HazardIntercept] - (parameters[Knob.HazardSlope] * combined));
    }
}
