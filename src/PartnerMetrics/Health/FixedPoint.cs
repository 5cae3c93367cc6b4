namespace PartnerMetrics.Health;

/// <summary>
/// Evidence weights as integers in units of 2⁻⁴⁰. Integer sums are exact, so a score does not
/// depend on the order of the evidence (DOMAIN rule 2) down to the last bit, and a weight that
/// rounds to 0 — evidence older than about 40 half-lives — carries no evidence at all.
/// </summary>
internal static class FixedPoint
{
    /// <summary>2⁴⁰: one unit of evidence. Sums stay exact up to about eight million items of weight 1.</summary>
    public const double One = 1099511627776.0;

    public static long From(double weight) => (long)Math.Round(weight * One);

    public static double ToDouble(long units) => units / One;
}
