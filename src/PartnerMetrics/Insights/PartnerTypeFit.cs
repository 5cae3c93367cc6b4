using PartnerMetrics.Partners;

namespace PartnerMetrics.Insights;

/// <summary>
/// How well one partner type performs (seed 003: "blaming the partners as not suitable, rather than
/// considering they have simply selected the wrong … partner types").
/// </summary>
/// <param name="Type">The partner type.</param>
/// <param name="Partners">Partners of this type.</param>
/// <param name="Won">Their won deals.</param>
/// <param name="Closed">Their won and lost deals.</param>
/// <param name="WinRate">Won ÷ closed; <see langword="null"/> when nothing closed.</param>
/// <param name="WinRateLow">The lower bound of the Wilson 95 % interval of the win rate.</param>
/// <param name="WinRateHigh">The upper bound of the Wilson 95 % interval of the win rate.</param>
/// <param name="MeanHealth">The mean overall health score of the type's partners.</param>
/// <param name="HealthyShare">The share of the type's partners in the Healthy band.</param>
/// <param name="HealthyShareLow">The lower bound of the Wilson 95 % interval of that share.</param>
/// <param name="HealthyShareHigh">The upper bound of the Wilson 95 % interval of that share.</param>
/// <param name="Flagged"><see langword="true"/> when the type's whole win-rate interval lies below the portfolio's win rate.</param>
public sealed record PartnerTypeFit(
    PartnerType Type,
    int Partners,
    long Won,
    long Closed,
    double? WinRate,
    double? WinRateLow,
    double? WinRateHigh,
    double MeanHealth,
    double HealthyShare,
    double HealthyShareLow,
    double HealthyShareHigh,
    bool Flagged);
