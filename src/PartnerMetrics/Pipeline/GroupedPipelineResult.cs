using System.Collections.Immutable;

namespace PartnerMetrics.Pipeline;

/// <summary>Pipeline metrics per group, plus the total over every group.</summary>
/// <typeparam name="TKey">The grouping key.</typeparam>
public sealed record GroupedPipelineResult<TKey>
{
    private readonly EquatableArray<PipelineGroup<TKey>> groups;

    internal GroupedPipelineResult(ImmutableArray<PipelineGroup<TKey>> groups, PipelineResult total)
    {
        this.groups = new EquatableArray<PipelineGroup<TKey>>(groups);
        Total = total;
    }

    /// <summary>Gets the groups: the group without a key first, then in key order when keys are comparable, else in first-seen order.</summary>
    public ImmutableArray<PipelineGroup<TKey>> Groups => groups;

    /// <summary>Gets the metrics over every opportunity.</summary>
    public PipelineResult Total { get; }
}
