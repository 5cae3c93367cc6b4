namespace PartnerMetrics.Pipeline;

/// <summary>One-call entry points over in-memory opportunities; for streaming, sharding or merging use <see cref="PipelineAccumulator"/> and <see cref="GroupedPipelineAccumulator{TKey}"/> directly.</summary>
public static class PipelineAnalytics
{
    /// <summary>Computes the pipeline metrics of a sequence of opportunities.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="options">The target and the number of top partners.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    public static PipelineResult Summarize(IEnumerable<Opportunity> opportunities, PipelineOptions? options = null)
    {
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(opportunities);
        return accumulator.Result(options);
    }

    /// <summary>Computes the pipeline metrics of a span of opportunities.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="options">The target and the number of top partners.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">The span contains <see langword="null"/>.</exception>
    public static PipelineResult Summarize(ReadOnlySpan<Opportunity> opportunities, PipelineOptions? options = null)
    {
        var accumulator = new PipelineAccumulator();
        for (var i = 0; i < opportunities.Length; i++)
        {
            accumulator.Add(Ensure.Item(opportunities[i], i, nameof(opportunities)));
        }

        return accumulator.Result(options);
    }

    /// <summary>Computes the metrics of each group of opportunities, and of the total, in one pass.</summary>
    /// <typeparam name="TKey">The grouping key.</typeparam>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="key">Picks each opportunity's group; see <see cref="PipelineKeys"/>.</param>
    /// <param name="options">The target and the number of top partners.</param>
    /// <returns>The metrics per group and in total.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    public static GroupedPipelineResult<TKey> GroupBy<TKey>(IEnumerable<Opportunity> opportunities, Func<Opportunity, TKey?> key, PipelineOptions? options = null)
    {
        var grouping = new GroupedPipelineAccumulator<TKey>(key);
        grouping.AddRange(opportunities);
        return grouping.Result(options);
    }
}
