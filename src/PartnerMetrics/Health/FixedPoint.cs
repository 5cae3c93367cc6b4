namespace PartnerMetrics.Health;

/// <summary>
/// Evidence weights as 128-bit integers in units of 2⁻¹⁰⁰. Every recency weight is a double of at
/// least 2⁻⁴⁰ (older evidence weighs exactly 0), so scaling it by 2¹⁰⁰ loses nothing and the integer
/// sum is the exact sum of the weights, whatever their order (DOMAIN rule 2, to the last bit).
/// </summary>
internal static class FixedPoint
{
    /// <summary>2¹⁰⁰ as a double: one unit of evidence.</summary>
    public const double One = 1267650600228229401496703205376.0;

    /// <summary>Evidence older than this many half-lives weighs exactly 0.</summary>
    public const double MaxHalfLives = 40;

    /// <summary>One unit of evidence as an integer.</summary>
    public static readonly Int128 Unit = Int128.One << 100;

    public static Int128 From(double weight) => (Int128)Math.Round(weight * One);

    public static double ToDouble(Int128 units) => (double)units / One;
}
