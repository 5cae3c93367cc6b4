using System.Reflection;

namespace PartnerMetrics.Tests;

/// <summary>
/// One style for what the library returns: a result type has no public constructor, no public setter or init and no
/// Deconstruct (sealed, get-only, built by the library), so adding a member to it never breaks a caller. The types a
/// caller builds (evidence, models, options, accumulators, scorers) are listed by name.
/// </summary>
public class PublicApiStyleTests
{
    /// <summary>The public types a caller constructs.</summary>
    private static readonly HashSet<string> Inputs =
    [
        "PartnerMetrics.Portfolio",
        "PartnerMetrics.Evidence.Certification", "PartnerMetrics.Evidence.Commitment", "PartnerMetrics.Evidence.Delivery",
        "PartnerMetrics.Evidence.GoalCheckIn", "PartnerMetrics.Evidence.Interaction", "PartnerMetrics.Evidence.JointPlan",
        "PartnerMetrics.Evidence.MeasurableTarget", "PartnerMetrics.Evidence.PlanGoal", "PartnerMetrics.Evidence.PlanReview",
        "PartnerMetrics.Health.BandThresholds", "PartnerMetrics.Health.CompetencyWeights", "PartnerMetrics.Health.CooperationWeights",
        "PartnerMetrics.Health.DimensionWeights", "PartnerMetrics.Health.HealthModel", "PartnerMetrics.Health.HealthScorer",
        "PartnerMetrics.Health.PlanWeights", "PartnerMetrics.Health.ProgressWeights",
        "PartnerMetrics.Insights.PartnershipAdvisor", "PartnerMetrics.Insights.PortfolioInsights",
        "PartnerMetrics.Partners.Partner", "PartnerMetrics.Partners.PartnerId", "PartnerMetrics.Partners.Partnership",
        "PartnerMetrics.Pipeline.AccountId", "PartnerMetrics.Pipeline.BrandEquityDebtAccumulator", "PartnerMetrics.Pipeline.GroupedPipelineAccumulator`1",
        "PartnerMetrics.Pipeline.MotionInference", "PartnerMetrics.Pipeline.Opportunity", "PartnerMetrics.Pipeline.OpportunityId",
        "PartnerMetrics.Pipeline.PipelineAccumulator", "PartnerMetrics.Pipeline.PipelineOptions", "PartnerMetrics.Pipeline.Quarter",
        "PartnerMetrics.Pipeline.RetentionAccumulator", "PartnerMetrics.Pipeline.RevenueSnapshot",
        "PartnerMetrics.Serialization.PortfolioJsonReader",
        "PartnerMetrics.Validation.BacktestOptions", "PartnerMetrics.Validation.BacktestSample", "PartnerMetrics.Validation.FitOptions",
    ];

    public static TheoryData<string> ResultTypes() => [.. Exported().Where(t => !Inputs.Contains(t.FullName!)).Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void AResultType_HasNoPublicConstructorSetterOrDeconstruct(string name)
    {
        var type = typeof(Portfolio).Assembly.GetType(name)!;

        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        Assert.Empty(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name));
        Assert.DoesNotContain(type.GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name == "Deconstruct");
    }

    [Fact]
    public void EveryInputType_IsPublic_AndNoPublicTypeDeconstructs()
    {
        var exported = Exported().Select(t => t.FullName!).ToHashSet();
        Assert.Subset(exported, Inputs);
        Assert.Empty(Exported().Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name == "Deconstruct")).Select(t => t.FullName));
        Assert.True(ResultTypes().Count >= 30, "the result types are found");
    }

    /// <summary>Public classes, records and structs that have instances (not enums, interfaces, delegates, static classes or exceptions).</summary>
    private static IEnumerable<Type> Exported() => typeof(Portfolio).Assembly.GetExportedTypes()
        .Where(t => !t.IsEnum && !t.IsInterface && !typeof(Delegate).IsAssignableFrom(t) && !(t.IsAbstract && t.IsSealed) && !typeof(Exception).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal);
}
