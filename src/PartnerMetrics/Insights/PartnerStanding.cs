using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Insights;

/// <summary>A partner's standing in its district: what the top-partner ranking reads.</summary>
public sealed record PartnerStanding
{
    internal PartnerStanding(Partner partner, HealthReport report, decimal wonValue, double pipelineContribution, double rankingScore)
    {
        Partner = partner;
        Report = report;
        WonValue = wonValue;
        PipelineContribution = pipelineContribution;
        RankingScore = rankingScore;
    }

    /// <summary>Gets the partner.</summary>
    public Partner Partner { get; }

    /// <summary>Gets its health report.</summary>
    public HealthReport Report { get; }

    /// <summary>Gets the value it won by the as-of day.</summary>
    public decimal WonValue { get; }

    /// <summary>Gets its won value ÷ the largest won value in its district, in [0, 1] (0 when nobody won).</summary>
    public double PipelineContribution { get; }

    /// <summary>Gets the value the ranking sorted on.</summary>
    public double RankingScore { get; }
}
