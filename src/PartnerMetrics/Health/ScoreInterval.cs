using System.Globalization;

namespace PartnerMetrics.Health;

/// <summary>
/// The 80 % interval of an overall score (DOMAIN section 3.1): how far the score could move if its
/// rates were measured again, from each rate's posterior variance (facts add none), carried through
/// the dimension means by the delta method and clamped to [0, 100].
/// </summary>
public readonly record struct ScoreInterval
{
    /// <summary>The coverage of the interval.</summary>
    public const double Level = 0.8;

    /// <summary>z for a central 80 % normal interval: Φ⁻¹(0.9).</summary>
    internal const double Z = 1.2815515655446004;

    internal ScoreInterval(double lower, double upper)
    {
        Lower = lower;
        Upper = upper;
    }

    /// <summary>Gets the lower bound, in [0, 100].</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound, in [0, 100].</summary>
    public double Upper { get; }

    /// <summary>Gets the width, <see cref="Upper"/> − <see cref="Lower"/>.</summary>
    public double Width => Upper - Lower;

    /// <summary>Gets a value indicating whether the interval contains a score.</summary>
    /// <param name="score">The score.</param>
    /// <returns><see langword="true"/> when <see cref="Lower"/> ≤ <paramref name="score"/> ≤ <see cref="Upper"/>.</returns>
    public bool Contains(double score) => Lower <= score && score <= Upper;

    /// <summary>The interval around <paramref name="score"/> with standard deviation <paramref name="sd"/>.</summary>
    internal static ScoreInterval Around(double score, double sd) =>
        new(Math.Clamp(score - (Z * sd), 0.0, score), Math.Clamp(score + (Z * sd), score, 100.0));

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Lower:0.0}, {Upper:0.0}]");
}
