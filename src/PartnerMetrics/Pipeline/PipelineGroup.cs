namespace PartnerMetrics.Pipeline;

/// <summary>The metrics of one group of opportunities.</summary>
/// <typeparam name="TKey">The grouping key.</typeparam>
/// <param name="Key">The key the group's opportunities share; <see langword="null"/> for those without one (a deal without a district, say).</param>
/// <param name="Result">The group's metrics.</param>
public sealed record PipelineGroup<TKey>(TKey? Key, PipelineResult Result);
