using System.Text.Json.Serialization;

namespace PartnerMetrics.Health;

/// <summary>One explained ingredient of a health score.</summary>
/// <remarks>
/// A factor is <em>present</em> when it has evidence (<see cref="EvidenceWeight"/> &gt; 0) and a
/// positive <see cref="Weight"/>; an absent factor is left out of its dimension — not scored as
/// zero — and its <see cref="Value"/> is <see langword="null"/>. The <see cref="Contribution"/>s of
/// all factors of a report add up to its overall score.
/// </remarks>
public readonly record struct HealthFactor
{
    internal HealthFactor(string code, HealthDimension dimension, double value, double evidenceWeight, double weight, double kappa, FactorFacts facts)
    {
        Code = code;
        Dimension = dimension;
        EvidenceWeight = evidenceWeight;
        Weight = weight;
        // Ratios of separately rounded sums can overshoot by an ulp; a factor is a value in [0, 1].
        Value = IsPresentFor(evidenceWeight, weight) ? Math.Clamp(value, 0.0, 1.0) : null;
        Confidence = evidenceWeight / (evidenceWeight + kappa);
        Facts = facts;
    }

    /// <summary>Gets the stable code, one of <see cref="FactorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>Gets the dimension the factor belongs to.</summary>
    public HealthDimension Dimension { get; }

    /// <summary>Gets a value indicating whether the factor has evidence and weight, and so counts.</summary>
    [JsonIgnore]
    public bool IsPresent => Value is not null;

    /// <summary>Gets the factor's value in [0, 1], or <see langword="null"/> when absent.</summary>
    public double? Value { get; private init; }

    /// <summary>Gets e, the recency-weighted amount of evidence behind the value (0 when absent).</summary>
    public double EvidenceWeight { get; private init; }

    /// <summary>Gets the factor's weight inside its dimension, from the model.</summary>
    public double Weight { get; }

    /// <summary>Gets the confidence e / (e + κ), in [0, 1).</summary>
    public double Confidence { get; }

    /// <summary>Gets the points of the overall score this factor accounts for.</summary>
    public double Contribution { get; private init; }

    /// <summary>Gets a short human reason, such as "2 of 9 partner commitments broken …".</summary>
    public string Reason => FactorReasons.Describe(this);

    internal FactorFacts Facts { get; }

    internal static bool IsPresentFor(double evidenceWeight, double weight) => evidenceWeight > 0 && weight > 0;

    internal HealthFactor WithContribution(double contribution) => this with { Contribution = contribution };

    /// <summary>The same factor at another value, present even if it had no evidence (one observation then).</summary>
    internal HealthFactor WithValue(double value) => this with
    {
        Value = value,
        EvidenceWeight = EvidenceWeight > 0 ? EvidenceWeight : 1.0,
    };
}
