using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Insights;

/// <summary>A partner's standing in its district: what the top-partner ranking reads.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Report">Its health report.</param>
/// <param name="WonValue">The value it won by the as-of day.</param>
/// <param name="PipelineContribution">Its won value ÷ the largest won value in its district, in [0, 1] (0 when nobody won).</param>
/// <param name="RankingScore">The value the ranking sorted on.</param>
public sealed record PartnerStanding(Partner Partner, HealthReport Report, decimal WonValue, double PipelineContribution, double RankingScore);
