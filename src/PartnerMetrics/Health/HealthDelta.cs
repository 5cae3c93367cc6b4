using System.Collections.Immutable;

namespace PartnerMetrics.Health;

/// <summary>
/// "Why did it drop?": the change of a partnership's overall score between two days, attributed to
/// its factors. The factor changes add up to the change in score (DOMAIN rule 12).
/// </summary>
public sealed record HealthDelta
{
    private readonly EquatableArray<FactorChange> factors;
    private readonly EquatableArray<HealthDimension> appeared;
    private readonly EquatableArray<HealthDimension> disappeared;

    internal HealthDelta(HealthReport before, HealthReport after)
    {
        Before = before;
        After = after;
        var codes = new List<(string Code, HealthDimension Dimension)>();
        foreach (var factor in before.Factors.Concat(after.Factors))
        {
            if (!codes.Exists(c => c.Code == factor.Code))
            {
                codes.Add((factor.Code, factor.Dimension));
            }
        }

        var trust = TrustShares(before, after);
        factors = new EquatableArray<FactorChange>([.. codes.Select(c =>
        {
            double from = Points(before, c.Code), to = Points(after, c.Code);
            var change = trust is { } t && c.Dimension == HealthDimension.Trust ? (c.Code == FactorCodes.TrustPartnerReliability ? t.Partner : t.Vendor) : to - from;
            return new FactorChange(c.Code, c.Dimension, from, to, change);
        })]);
        appeared = new EquatableArray<HealthDimension>([.. after.Dimensions.Where(d => d.IsPresent && !before[d.Dimension].IsPresent).Select(d => d.Dimension)]);
        disappeared = new EquatableArray<HealthDimension>([.. before.Dimensions.Where(d => d.IsPresent && !after[d.Dimension].IsPresent).Select(d => d.Dimension)]);
    }

    /// <summary>Gets the report on the first day.</summary>
    public HealthReport Before { get; }

    /// <summary>Gets the report on the second day.</summary>
    public HealthReport After { get; }

    /// <summary>Gets the change in overall score, in points.</summary>
    public double Change => After.Score - Before.Score;

    /// <summary>Gets every factor of either report with its contribution on both days, in report order.</summary>
    public ImmutableArray<FactorChange> Factors => factors;

    /// <summary>Gets the dimensions with a score on the second day but not on the first.</summary>
    public ImmutableArray<HealthDimension> Appeared => appeared;

    /// <summary>Gets the dimensions with a score on the first day but not on the second.</summary>
    public ImmutableArray<HealthDimension> Disappeared => disappeared;

    /// <summary>Gets the factors that moved the score most, either way.</summary>
    /// <param name="count">How many to return.</param>
    /// <returns>
    /// Up to <paramref name="count"/> factors by absolute change, largest first, ties by code; factors that did not move are
    /// left out, and so are those whose contribution moved by at most <see cref="Unmoved"/> points, the rounding of the attribution.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public ImmutableArray<FactorChange> TopMovers(int count = 3)
    {
        Ensure.AtLeast(count, 0, nameof(count));
        return [.. factors.Items.Where(f => Math.Abs(f.Change) > Unmoved).OrderByDescending(f => Math.Abs(f.Change)).ThenBy(f => f.Code, StringComparer.Ordinal).Take(count)];
    }

    /// <summary>
    /// The largest change of a contribution, in points, that is not a move: the contributions add up to the score to within
    /// this (DOMAIN rule 12), and a factor with the same value, weight and share on both days can differ by 10⁻¹⁵ from the
    /// rounding of how they are split (4.375 and 4.374999999999999), which <see cref="TopMovers"/> listed as a mover of −0.0.
    /// </summary>
    private const double Unmoved = 1e-9;

    private static double Points(HealthReport report, string code) => report.Factor(code)?.Contribution ?? 0.0;

    /// <summary>
    /// Each side's Shapley share of the change in trust points: the mean, over both orders, of the change
    /// of the geometric mean when that side's value moves (a side at 0 included). Null (plain differences then) unless
    /// both days have both sides valued and trust weighs the same share of the score on both.
    /// </summary>
    private static (double Partner, double Vendor)? TrustShares(HealthReport before, HealthReport after)
    {
        DimensionScore b = before[HealthDimension.Trust], a = after[HealthDimension.Trust];
        if (b.Share != a.Share || b.Share == 0
            || before.Factor(FactorCodes.TrustPartnerReliability) is not { Value: { } p0 } partner
            || before.Factor(FactorCodes.TrustVendorReliability) is not { Value: { } v0 } vendor
            || after.Factor(FactorCodes.TrustPartnerReliability) is not { Value: { } p1 }
            || after.Factor(FactorCodes.TrustVendorReliability) is not { Value: { } v1 })
        {
            return null;
        }

        // The partner's exponent in the weighted geometric mean, from the ratio of the side weights alone. A side at 0
        // (a loss aversion near double.MaxValue can put it there) makes the mean 0 unless its exponent is 0: its logarithm
        // is −∞, and 0 × −∞ would be NaN.
        var exponent = partner.Weight <= 0 ? 0.0 : 1.0 / (1.0 + (vendor.Weight / partner.Weight));
        double Trust(double p, double v) =>
            (p <= 0 && exponent > 0) || (v <= 0 && exponent < 1) ? 0.0
            : 100.0 * Math.Exp((exponent > 0 ? exponent * Math.Log(p) : 0.0) + (exponent < 1 ? (1.0 - exponent) * Math.Log(v) : 0.0));
        double t00 = Trust(p0, v0), t10 = Trust(p1, v0), t01 = Trust(p0, v1), t11 = Trust(p1, v1);
        var share = a.Share;
        return (share * ((t10 - t00) + (t11 - t01)) / 2, share * ((t01 - t00) + (t11 - t10)) / 2);
    }
}
