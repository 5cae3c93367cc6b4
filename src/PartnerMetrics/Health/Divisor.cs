namespace PartnerMetrics.Health;

/// <summary>
/// Divides 32-bit numbers by one divisor with a multiplication instead of a division: the quotient is the high
/// half of the number's product with ⌈2⁶⁴ / divisor⌉, exact for every 32-bit number and divisor above 1
/// (Lemire, Kaser and Kurz, "Faster remainder by direct computation", 2019). A history divides by its step
/// for every range of every evidence item.
/// </summary>
internal readonly struct Divisor
{
    private readonly uint divisor;

    /// <summary>⌈2⁶⁴ / divisor⌉; 0 for a divisor of 1, which divides as the identity.</summary>
    private readonly ulong reciprocal;

    /// <summary>Initializes a new instance of the <see cref="Divisor"/> struct.</summary>
    /// <param name="divisor">The divisor, at least 1.</param>
    public Divisor(uint divisor)
    {
        ArgumentOutOfRangeException.ThrowIfZero(divisor);
        this.divisor = divisor;
        reciprocal = divisor == 1 ? 0 : (ulong.MaxValue / divisor) + 1;
    }

    /// <summary>The quotient of <paramref name="dividend"/> and the divisor, rounded down.</summary>
    public uint Divide(uint dividend) => divisor == 1 ? dividend : (uint)Math.BigMul(reciprocal, dividend, out _);
}
