using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace PartnerMetrics.Health;

/// <summary>One explained ingredient of a health score.</summary>
/// <remarks>
/// A factor is <em>present</em> whenever it has a positive <see cref="Weight"/> (DOMAIN section 3.1,
/// model v2): a rate with no evidence sits at its prior, with <see cref="Confidence"/> 0, rather than
/// being left out, so logging less moves a partner towards the prior and never past it. Only a
/// disabled factor (weight 0) and a vacuous one (coverage with nothing required) are absent, with a
/// <see cref="Value"/> of <see langword="null"/>. The <see cref="Contribution"/>s of all factors of a
/// report add up to its overall score.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly record struct HealthFactor
{
    private readonly double contribution;

    /// <summary>The value when <see cref="present"/>; 0 otherwise. A double and a flag, not a nullable double, so that the flag packs beside <see cref="definition"/> (a factor is 96 bytes, not 104).</summary>
    private readonly double value;

    private readonly bool present;

    /// <summary>The factor's <see cref="FactorDefinition.Id"/>; 0 in a default value. A number, not the definition, so that a factor holds no reference.</summary>
    private readonly byte definition;

    internal HealthFactor(FactorDefinition definition, double? value, double evidenceWeight, double weight, double certainty, double variance, FactorFacts facts)
    {
        this.definition = definition.Id;
        EvidenceWeight = evidenceWeight;
        Weight = weight;

        // Ratios of separately rounded sums can overshoot by an ulp; a factor is a value in [0, 1].
        (this.value, present) = weight > 0 && value is { } v ? (Math.Clamp(v, 0.0, 1.0), true) : (0.0, false);
        Confidence = Math.Clamp(certainty, 0.0, 1.0);
        Variance = variance;
        Facts = facts;
    }

    /// <summary>Gets the stable code, one of <see cref="FactorCodes"/>.</summary>
    public string Code => FactorDefinition.Of(definition)?.Code!;

    /// <summary>Gets the dimension the factor belongs to.</summary>
    public HealthDimension Dimension => FactorDefinition.Of(definition)?.Dimension ?? default;

    /// <summary>Gets a value indicating whether the factor counts: it has a positive weight and is not vacuous (coverage with nothing required). A rate with no evidence is present, at its prior.</summary>
    [JsonIgnore]
    public bool IsPresent => Value is not null;

    /// <summary>Gets the factor's value in [0, 1], or <see langword="null"/> when absent.</summary>
    public double? Value => present ? value : null;

    /// <summary>Gets e, the recency-weighted amount of evidence behind a rate (for a fact, the number of items it counts).</summary>
    public double EvidenceWeight { get; private init; }

    /// <summary>Gets the factor's weight inside its dimension, from the model.</summary>
    public double Weight { get; }

    /// <summary>
    /// Gets the certainty of the value, in [0, 1]: for a rate e / (e + κ); for a fact, the
    /// partnership's maturity min(1, days since start ÷ <see cref="HealthModel.FactMaturity"/>).
    /// </summary>
    public double Confidence { get; }

    /// <summary>Gets the points of the overall score this factor accounts for.</summary>
    public double Contribution => contribution;

    /// <summary>Gets a short human reason, such as "2 of 9 partner commitments broken …".</summary>
    public string Reason => Weight <= 0 ? "Disabled: the model gives this factor no weight." : FactorDefinition.Of(definition)?.Reason(Facts)!;

    internal FactorFacts Facts { get; }

    /// <summary>The posterior variance of the value (0 for a fact): its share of the score interval.</summary>
    internal double Variance { get; init; }

    /// <summary>A rate's weighted successes p (0 for a fact).</summary>
    internal double Successes { get; init; }

    /// <summary>A rate's weighted failures n (0 for a fact).</summary>
    internal double Failures { get; init; }

    /// <summary>
    /// Sets the contribution of a factor in an array the scorer has just filled and not yet published: the last
    /// step of building a report, in place rather than by copying the whole factor back (see <c>HealthScorer.Attribute</c>).
    /// </summary>
    internal static void SetContribution(ref HealthFactor factor, double contribution) => Unsafe.AsRef(in factor.contribution) = contribution;
}
