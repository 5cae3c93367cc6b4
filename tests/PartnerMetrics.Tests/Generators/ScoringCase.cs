using PartnerMetrics.Partners;

namespace PartnerMetrics.Tests.Generators;

/// <summary>A partnership and the day to score it on.</summary>
public sealed record ScoringCase(Partnership Partnership, DateOnly AsOf)
{
    public override string ToString() =>
        $"as of {AsOf:yyyy-MM-dd}: {Partnership.Commitments.Length} commitments, {Partnership.Interactions.Length} interactions, " +
        $"{Partnership.Certifications.Length} certifications, {Partnership.Deliveries.Length} deliveries, {Partnership.Opportunities.Length} deals, plan: {Partnership.JointPlan is not null}";
}
