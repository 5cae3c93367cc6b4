using System.Collections.Frozen;
using System.Collections.Immutable;
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
internal sealed class FactorDefinition
{
    /// <summary>Every definition, at its <see cref="Id"/>; entry 0 is none.</summary>
    private static readonly FactorDefinition?[] ById = new FactorDefinition?[byte.MaxValue + 1];

    private static int defined;

    private readonly Func<HealthModel, double> weightIn;
    private readonly Func<FactorFacts, string> reason;

    public FactorDefinition(string code, HealthDimension dimension, FactorKind kind, double defaultWeight, Func<HealthModel, double> weightIn, Func<FactorFacts, string> reason)
    {
        (Code, Dimension, Kind, DefaultWeight, this.weightIn, this.reason) = (code, dimension, kind, defaultWeight, weightIn, reason);
        var id = Interlocked.Increment(ref defined);
        if (id >= ById.Length)
        {
            throw new InvalidOperationException($"At most {ById.Length - 1} factors can be defined.");
        }

        ById[id] = this;
        Id = (byte)id;
    }

    /// <summary>Gets the stable code, one of <see cref="FactorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>
    /// Gets the definition's number, from 1, in the order definitions are made: what a <see cref="HealthFactor"/>
    /// keeps in place of its code, so that a factor holds no reference and an array of factors is plain memory.
    /// </summary>
    public byte Id { get; }

    public HealthDimension Dimension { get; }

    public FactorKind Kind { get; }

    /// <summary>Gets the weight inside its dimension in the default model.</summary>
    public double DefaultWeight { get; }

    /// <summary>The factor's weight inside its dimension under <paramref name="model"/>.</summary>
    public double WeightIn(HealthModel model) => weightIn(model);

    /// <summary>The human reason, from the counts behind the factor.</summary>
    public string Reason(FactorFacts facts) => reason(facts);

    /// <summary>The definition numbered <paramref name="id"/>; null for 0.</summary>
    public static FactorDefinition? Of(byte id) => ById[id];

    /// <summary>
    /// A model's setting as a reason shows it: as it is (the shortest text that reads back as it), for a reason states the
    /// rule a factor applies, and a satisfaction threshold of 0.705 written to two places read "at least 0.7". Durations
    /// are <see cref="DurationText"/>'s.
    /// </summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A share in [0, 1] as a percentage with at most one decimal, cut rather than rounded, so that a share below a bound never
    /// reads as the bound: 0.2996 is "29.9", not the "30" a relationship stage asks at least of it (which it does not meet).
    /// A millionth of a tenth of a percent is let through, so that binary noise still reads as the number meant: 0.7 + 0.1,
    /// the double 0.7999999999999999, is "80".
    /// </summary>
    public static string Percent(double share) =>
        (Math.Floor((share * 1000) + 1e-6) / 10).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>Every factor's definition, by code.</summary>
internal static class FactorCatalog
{
    /// <summary>Gets every factor's definition.</summary>
    public static ImmutableArray<FactorDefinition> All { get; } =
    [
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
    ];

    private static readonly FrozenDictionary<string, FactorDefinition> Definitions = All.ToFrozenDictionary(definition => definition.Code, StringComparer.Ordinal);

    /// <summary>The definition of a factor code; null for a code no factor has.</summary>
    public static FactorDefinition? Of(string code) => Definitions.GetValueOrDefault(code);

    /// <summary>Whether a code is a rate factor whose prior mean a model may set (every rate but reciprocity).</summary>
    public static bool IsSettablePrior(string code) => Definitions.TryGetValue(code, out var definition) && definition.Kind == FactorKind.Rate;
}
