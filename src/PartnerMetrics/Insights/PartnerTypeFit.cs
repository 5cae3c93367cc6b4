using PartnerMetrics.Partners;

namespace PartnerMetrics.Insights;

/// <summary>
/// How well one partner type performs (seed 003: "blaming the partners as not suitable, rather than
/// considering they have simply selected the wrong … partner types").
/// </summary>
public sealed record PartnerTypeFit
{
    internal PartnerTypeFit(PartnerType type, int partners, long won, long closed, double? winRate, double? winRateLow, double? winRateHigh, double meanHealth, double healthyShare, double healthyShareLow, double healthyShareHigh, bool flagged)
    {
        Type = type;
        Partners = partners;
        Won = won;
        Closed = closed;
        WinRate = winRate;
        WinRateLow = winRateLow;
        WinRateHigh = winRateHigh;
        MeanHealth = meanHealth;
        HealthyShare = healthyShare;
        HealthyShareLow = healthyShareLow;
        HealthyShareHigh = healthyShareHigh;
        Flagged = flagged;
    }

    /// <summary>Gets the partner type.</summary>
    public PartnerType Type { get; }

    /// <summary>Gets the number of partners of this type.</summary>
    public int Partners { get; }

    /// <summary>Gets the number of their won deals.</summary>
    public long Won { get; }

    /// <summary>Gets the number of their won and lost deals.</summary>
    public long Closed { get; }

    /// <summary>Gets won ÷ closed; <see langword="null"/> when nothing closed.</summary>
    public double? WinRate { get; }

    /// <summary>Gets the lower bound of the Wilson 95 % interval of the win rate.</summary>
    public double? WinRateLow { get; }

    /// <summary>Gets the upper bound of the Wilson 95 % interval of the win rate.</summary>
    public double? WinRateHigh { get; }

    /// <summary>Gets the mean overall health score of the type's partners, those in <see cref="Health.HealthBand.InsufficientEvidence"/> included.</summary>
    public double MeanHealth { get; }

    /// <summary>Gets the share of the type's partners in the Healthy band; a partner in <see cref="Health.HealthBand.InsufficientEvidence"/> counts, as not Healthy.</summary>
    public double HealthyShare { get; }

    /// <summary>Gets the lower bound of the Wilson 95 % interval of that share.</summary>
    public double HealthyShareLow { get; }

    /// <summary>Gets the upper bound of the Wilson 95 % interval of that share.</summary>
    public double HealthyShareHigh { get; }

    /// <summary>
    /// Gets a value that is <see langword="true"/> when the type's whole win-rate interval lies below the portfolio's win rate:
    /// won ÷ closed over the deals of every partnership in the views, this type's included, and none of <see cref="Portfolio.Opportunities"/>.
    /// </summary>
    public bool Flagged { get; }
}
