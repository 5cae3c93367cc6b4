using System.Globalization;

namespace PartnerMetrics.Pipeline;

/// <summary>Settings of a pipeline result that are not part of the data.</summary>
public sealed record PipelineOptions
{
    /// <summary>Gets the defaults: no target, top 5 partners and top 5 customers.</summary>
    public static PipelineOptions Default { get; } = new();

    /// <summary>Gets the remaining target the open pipeline should cover, for <see cref="PipelineResult.Coverage"/>.</summary>
    /// <value>Default <see langword="null"/>: no coverage is computed.</value>
    public decimal? RemainingTarget
    {
        get;
        init => field = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(RemainingTarget), value, $"'{nameof(RemainingTarget)}' must be positive when given; got {value?.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <summary>Gets how many of the largest partners <see cref="PipelineResult.TopPartnerShare"/> adds up.</summary>
    /// <value>Default 5.</value>
    public int TopPartners
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(TopPartners), value, $"'{nameof(TopPartners)}' must be at least 1; got {value}.");
    } = 5;

    /// <summary>Gets how many of the largest customer accounts <see cref="PipelineResult.TopCustomerShare"/> adds up.</summary>
    /// <value>Default 5.</value>
    public int TopCustomers
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(TopCustomers), value, $"'{nameof(TopCustomers)}' must be at least 1; got {value}.");
    } = 5;
}
