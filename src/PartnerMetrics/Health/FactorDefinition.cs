using System.Collections.Frozen;
using System.Globalization;

namespace PartnerMetrics.Health;

/// <summary>How a factor's value is made, which decides its certainty and whether a model may set its prior.</summary>
internal enum FactorKind
{
    /// <summary>A posterior share of successes, whose prior mean a model may set (<see cref="HealthModel.PriorMeans"/>).</summary>
    Rate,

    /// <summary>A balance read through a rate's posterior (reciprocity): a rate's certainty, a fixed prior.</summary>
    Balance,

    /// <summary>An observed fact, as certain as the partnership is mature.</summary>
    Fact,
}

/// <summary>
/// Everything one factor means, in one place: its stable code, its dimension, its kind, its default
/// weight, where a model keeps its weight, and how its reason reads. Each dimension declares its
/// factors next to the rules that measure them; <see cref="FactorCatalog"/> finds them by code.
/// </summary>
/// <remarks>
/// A dimension writes each reason as a method beside its definition, not as a lambda inside the static
/// initializer: a mutation tester cannot tell which tests reach code inside a static initializer, so it
/// would test every mutant of every reason against the whole test suite.
/// </remarks>
internal sealed class FactorDefinition(
    string code,
    HealthDimension dimension,
    FactorKind kind,
    double defaultWeight,
    Func<HealthModel, double> weightIn,
    Func<FactorFacts, string> reason)
{
    /// <summary>Gets the stable code, one of <see cref="FactorCodes"/>.</summary>
    public string Code { get; } = code;

    public HealthDimension Dimension { get; } = dimension;

    public FactorKind Kind { get; } = kind;

    /// <summary>Gets the weight inside its dimension in the default model.</summary>
    public double DefaultWeight { get; } = defaultWeight;

    /// <summary>The factor's weight inside its dimension under <paramref name="model"/>.</summary>
    public double WeightIn(HealthModel model) => weightIn(model);

    /// <summary>The human reason, from the counts behind the factor.</summary>
    public string Reason(FactorFacts facts) => reason(facts);

    /// <summary>A number as a reason shows it: invariant, at most two decimals.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>Every factor's definition, by code.</summary>
internal static class FactorCatalog
{
    private static readonly FrozenDictionary<string, FactorDefinition> Definitions = new[]
    {
        TrustDimension.PartnerReliability,
        TrustDimension.VendorReliability,
        CompetencyDimension.Coverage,
        CompetencyDimension.DeliveryReliability,
        CooperationDimension.PartnerResponsiveness,
        CooperationDimension.VendorResponsiveness,
        CooperationDimension.FrictionHandling,
        CooperationDimension.Reciprocity,
        PlanAlignmentDimension.Missing,
        PlanAlignmentDimension.GoalsOnTrack,
        PlanAlignmentDimension.SharedOwnership,
        PlanAlignmentDimension.BusinessAlignment,
        PlanAlignmentDimension.Clarity,
        PlanAlignmentDimension.Freshness,
        TrackedProgressDimension.RegistrationTimeliness,
        TrackedProgressDimension.PipelineFreshness,
        TrackedProgressDimension.DataCompleteness,
        TrackedProgressDimension.WeeklyCadence,
    }.ToFrozenDictionary(definition => definition.Code, StringComparer.Ordinal);

    /// <summary>The reason of the factor with code <paramref name="code"/>; the code itself for a code no factor has.</summary>
    public static string Reason(string code, FactorFacts facts) => Definitions.TryGetValue(code, out var definition) ? definition.Reason(facts) : code;

    /// <summary>Whether a code is a rate factor whose prior mean a model may set (every rate but reciprocity).</summary>
    public static bool IsSettablePrior(string code) => Definitions.TryGetValue(code, out var definition) && definition.Kind == FactorKind.Rate;
}
