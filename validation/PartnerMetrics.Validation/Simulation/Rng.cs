namespace PartnerMetrics.Validation.Simulation;

/// <summary>
/// A small, seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64), so that a
/// simulated portfolio depends only on its seed and never on the runtime's <see cref="Random"/>.
/// </summary>
/// <remarks>
/// Streams are derived, not shared: <see cref="Derive"/> hashes the parent seed with a key, so the
/// partnership with index 17 is the same whether it is generated first, last or in parallel.
/// </remarks>
public sealed class Rng
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Initializes a new instance of the <see cref="Rng"/> class from a seed.</summary>
    /// <param name="seed">The seed; every value, including 0, gives a valid state.</param>
    public Rng(ulong seed)
    {
        Seed = seed;
        var x = seed;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>Gets the seed this stream started from.</summary>
    public ulong Seed { get; }

    /// <summary>A new stream for a sub-object (a partnership, a variant), independent of how much this stream has been used.</summary>
    /// <param name="key">The sub-object's key.</param>
    /// <returns>The derived stream.</returns>
    public Rng Derive(ulong key)
    {
        var x = Seed ^ unchecked(key * 0xD1B54A32D192ED03UL);
        return new Rng(SplitMix(ref x) ^ SplitMix(ref x));
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = RotateLeft(s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>The value.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound.</param>
    /// <returns>The value.</returns>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>A uniform integer in [<paramref name="low"/>, <paramref name="high"/>], both inclusive.</summary>
    /// <param name="low">The lower bound.</param>
    /// <param name="high">The upper bound.</param>
    /// <returns>The value.</returns>
    public int Between(int low, int high) => Math.Min(high, low + (int)(NextDouble() * ((double)high - low + 1)));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    /// <param name="p">The probability; values outside [0, 1] act as 0 or 1.</param>
    /// <returns>The draw.</returns>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal draw (Box–Muller; one of the pair is discarded to keep the stream stateless).</summary>
    /// <returns>The value.</returns>
    public double Normal()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>A normal draw.</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="sd">The standard deviation.</param>
    /// <returns>The value.</returns>
    public double Normal(double mean, double sd) => mean + (sd * Normal());

    /// <summary>An exponential draw.</summary>
    /// <param name="mean">The mean.</param>
    /// <returns>The value.</returns>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>A Poisson count (Knuth's product method; the simulator's monthly rates are small).</summary>
    /// <param name="mean">The mean, at most a few dozen.</param>
    /// <returns>The count.</returns>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= NextDouble();
        }

        return count;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            var z = x;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
