using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PartnerMetrics.Health;

/// <summary>The score of one health dimension, with its factors.</summary>
public sealed record DimensionScore
{
    private readonly EquatableArray<HealthFactor> factors;

    internal DimensionScore(HealthDimension dimension, double? score, double confidence, double weight, double contribution, double share, ImmutableArray<HealthFactor> factors)
    {
        Share = share;
        Dimension = dimension;
        Score = score;
        Confidence = confidence;
        Weight = weight;
        Contribution = contribution;
        this.factors = new EquatableArray<HealthFactor>(factors);
    }

    /// <summary>Gets the dimension.</summary>
    public HealthDimension Dimension { get; }

    /// <summary>Gets the score in [0, 100], or <see langword="null"/> when no factor is present (every factor disabled, or coverage with nothing required and delivery disabled).</summary>
    public double? Score { get; }

    /// <summary>Gets a value indicating whether the dimension has a score.</summary>
    public bool IsPresent => Score is not null;

    /// <summary>Gets the confidence in [0, 1]: the weighted mean of the present factors' certainties (a disabled or vacuous factor is left out).</summary>
    public double Confidence { get; }

    /// <summary>Gets the dimension's weight in the overall score, from the model.</summary>
    public double Weight { get; }

    /// <summary>Gets the points of the overall score this dimension accounts for.</summary>
    public double Contribution { get; }

    /// <summary>The dimension's share of the overall score: its weight ÷ the weight of the present dimensions (0 when absent).</summary>
    internal double Share { get; }

    /// <summary>Gets the factors, present and absent.</summary>
    public ImmutableArray<HealthFactor> Factors => factors;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Dimension = {Dimension}, Score = {Score?.ToString(CultureInfo.InvariantCulture) ?? "absent"}, Confidence = {Confidence}, Weight = {Weight}, Contribution = {Contribution}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Factors = [{string.Join(", ", factors.Items.Select(f => $"{f.Code} {f.Value?.ToString(CultureInfo.InvariantCulture) ?? "absent"}"))}]");
        return true;
    }
}
