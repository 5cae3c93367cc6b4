namespace PartnerMetrics.Pipeline;

/// <summary>The metrics of one group of opportunities.</summary>
/// <typeparam name="TKey">The grouping key.</typeparam>
public sealed record PipelineGroup<TKey>
{
    internal PipelineGroup(TKey? key, PipelineResult result)
    {
        Key = key;
        Result = result;
    }

    /// <summary>Gets the key the group's opportunities share; <see langword="null"/> for those without one (a deal without a district, say).</summary>
    public TKey? Key { get; }

    /// <summary>Gets the group's metrics.</summary>
    public PipelineResult Result { get; }
}
