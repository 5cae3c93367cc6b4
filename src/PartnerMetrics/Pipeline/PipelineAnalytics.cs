namespace PartnerMetrics.Pipeline;

/// <summary>One-call entry points over in-memory opportunities or an asynchronous stream of them; for sharding or merging use <see cref="PipelineAccumulator"/> and <see cref="GroupedPipelineAccumulator{TKey}"/> directly.</summary>
public static class PipelineAnalytics
{
    private const string SummarizeActivity = "partnermetrics.pipeline.summarize";
    private const string GroupByActivity = "partnermetrics.pipeline.group_by";
    // A part of fewer deals costs more to merge than it saves: on two cores, 960 groups of 100,000 deals cut in two parts
    // took 1.45 times as long as one thread, 1,000,000 deals cut in two 0.57 times (docs/benchmarks.md).
    internal const int MinimumPart = 262_144;

    /// <summary>Computes the pipeline metrics of a sequence of opportunities.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="options">The target and the number of top partners.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    public static PipelineResult Summarize(IEnumerable<Opportunity> opportunities, PipelineOptions? options = null)
    {
        using var operation = Telemetry.Start(SummarizeActivity, Telemetry.PipelineDuration, "summarize");
        try
        {
            var accumulator = new PipelineAccumulator();
            accumulator.AddRange(opportunities);
            return Described(operation, accumulator.Result(options));
        }
        catch (Exception error) when (operation is not null && operation.Fail(error))
        {
            throw;
        }
    }

    /// <summary>Computes the pipeline metrics of a span of opportunities.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="options">The target and the number of top partners.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentException">The span contains <see langword="null"/>.</exception>
    public static PipelineResult Summarize(ReadOnlySpan<Opportunity> opportunities, PipelineOptions? options = null)
    {
        using var operation = Telemetry.Start(SummarizeActivity, Telemetry.PipelineDuration, "summarize");
        try
        {
            var accumulator = new PipelineAccumulator();
            for (var i = 0; i < opportunities.Length; i++)
            {
                accumulator.Add(Ensure.Item(opportunities[i], i, nameof(opportunities)));
            }

            Telemetry.Accumulated("accumulate", opportunities.Length);
            return Described(operation, accumulator.Result(options));
        }
        catch (Exception error) when (operation is not null && operation.Fail(error))
        {
            throw;
        }
    }

    /// <summary>Computes the pipeline metrics of an asynchronous stream of opportunities — rows read from a database, say — in one pass, holding none of them.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="options">The target and the number of top partners.</param>
    /// <param name="cancellationToken">Passed to the stream and checked before each opportunity.</param>
    /// <returns>The metrics, equal to <see cref="Summarize(IEnumerable{Opportunity}, PipelineOptions?)"/> of the same opportunities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream contains <see langword="null"/> (from the task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (from the task).</exception>
    public static Task<PipelineResult> SummarizeAsync(IAsyncEnumerable<Opportunity> opportunities, PipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        return Core(opportunities, options, cancellationToken);

        static async Task<PipelineResult> Core(IAsyncEnumerable<Opportunity> opportunities, PipelineOptions? options, CancellationToken cancellationToken)
        {
            using var operation = Telemetry.Start(SummarizeActivity, Telemetry.PipelineDuration, "summarize");
            try
            {
                var accumulator = new PipelineAccumulator();
                await accumulator.AddRangeAsync(opportunities, cancellationToken).ConfigureAwait(false);
                return Described(operation, accumulator.Result(options));
            }
            catch (Exception error) when (operation is not null && operation.Fail(error))
            {
                throw;
            }
        }
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
        using var operation = Telemetry.Start(GroupByActivity, Telemetry.PipelineDuration, "group_by");
        try
        {
            grouping.AddRange(opportunities);
            return Described(operation, grouping.Result(options));
        }
        catch (Exception error) when (operation is not null && operation.Fail(error))
        {
            throw;
        }
        finally
        {
            grouping.Discard();
        }
    }

    /// <summary>
    /// Computes the metrics of each group of a list of opportunities, and of the total, on several threads at once:
    /// each thread groups a contiguous part of the list, the parts are merged in list order (DOMAIN rule 13), and the
    /// groups' metrics are computed in parallel too. The result equals
    /// <see cref="GroupBy{TKey}(IEnumerable{Opportunity}, Func{Opportunity, TKey}, PipelineOptions?)"/> of the same
    /// list, to the bit.
    /// </summary>
    /// <typeparam name="TKey">The grouping key.</typeparam>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="key">
    /// Picks each opportunity's group; see <see cref="PipelineKeys"/>. It is called on several threads at once, so it
    /// must be safe to call that way (every function of <see cref="PipelineKeys"/> is).
    /// </param>
    /// <param name="parallelOptions">How many threads at most (<see cref="ParallelOptions.MaxDegreeOfParallelism"/>, -1 for one per processor) and the cancellation token.</param>
    /// <param name="options">The target and the number of top partners.</param>
    /// <returns>The metrics per group and in total.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The list contains <see langword="null"/> (the message gives its position).</exception>
    /// <exception cref="OperationCanceledException">The token of <paramref name="parallelOptions"/> was canceled.</exception>
    public static GroupedPipelineResult<TKey> GroupBy<TKey>(IReadOnlyList<Opportunity> opportunities, Func<Opportunity, TKey?> key, ParallelOptions parallelOptions, PipelineOptions? options = null) =>
        GroupBy(opportunities, key, parallelOptions, options, MinimumPart);

    /// <summary>How many parts a list of <paramref name="count"/> deals is grouped in: one per whole <paramref name="minimumPart"/> deals, so that no part has fewer, at least one, at most one per thread allowed.</summary>
    internal static int Parts(int count, int minimumPart, ParallelOptions parallelOptions)
    {
        var threads = parallelOptions.MaxDegreeOfParallelism > 0 ? parallelOptions.MaxDegreeOfParallelism : Environment.ProcessorCount;
        return Math.Clamp(count / minimumPart, 1, threads);
    }

    /// <summary>The parallel grouping, with parts of at least <paramref name="minimumPart"/> deals (tests cut small lists into many parts).</summary>
    internal static GroupedPipelineResult<TKey> GroupBy<TKey>(IReadOnlyList<Opportunity> opportunities, Func<Opportunity, TKey?> key, ParallelOptions parallelOptions, PipelineOptions? options, int minimumPart)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(parallelOptions);
        using var operation = Telemetry.Start(GroupByActivity, Telemetry.PipelineDuration, "group_by");
        var parts = Parts(opportunities.Count, minimumPart, parallelOptions);
        var groupings = new GroupedPipelineAccumulator<TKey>[parts];
        try
        {
            var token = parallelOptions.CancellationToken;
            ParallelParts.Run(parts, parallelOptions, part =>
            {
                var grouping = new GroupedPipelineAccumulator<TKey>(key);
                var start = (int)((long)opportunities.Count * part / parts);
                var end = (int)((long)opportunities.Count * (part + 1) / parts);
                for (var i = start; i < end; i++)
                {
                    if ((i & 0xFFF) == 0)
                    {
                        token.ThrowIfCancellationRequested();
                    }

                    grouping.Add(Ensure.Item(opportunities[i], i, nameof(opportunities)));
                }

                // On this thread, not in the merge that follows on one.
                grouping.ApplyPending();
                groupings[part] = grouping;
            });
            for (var part = 1; part < parts; part++)
            {
                groupings[0].Merge(groupings[part]);
                groupings[part].Discard();
            }

            Telemetry.Accumulated("accumulate", opportunities.Count);
            return Described(operation, groupings[0].Result(options, parallelOptions));
        }
        catch (Exception error) when (operation is not null && operation.Fail(error))
        {
            throw;
        }
        finally
        {
            // The groupings never leave this call, and the parts' threads are done with them; a part that failed left null.
            foreach (var grouping in groupings)
            {
                grouping?.Discard();
            }
        }
    }

    /// <summary>Computes the metrics of each group of an asynchronous stream of opportunities, and of the total, in one pass, holding none of them.</summary>
    /// <typeparam name="TKey">The grouping key.</typeparam>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="key">Picks each opportunity's group; see <see cref="PipelineKeys"/>.</param>
    /// <param name="options">The target and the number of top partners.</param>
    /// <param name="cancellationToken">Passed to the stream and checked before each opportunity.</param>
    /// <returns>The metrics per group and in total, equal to <see cref="GroupBy{TKey}(IEnumerable{Opportunity}, Func{Opportunity, TKey}, PipelineOptions?)"/> of the same opportunities.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream contains <see langword="null"/> (from the task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (from the task).</exception>
    public static Task<GroupedPipelineResult<TKey>> GroupByAsync<TKey>(IAsyncEnumerable<Opportunity> opportunities, Func<Opportunity, TKey?> key, PipelineOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        var grouping = new GroupedPipelineAccumulator<TKey>(key);
        return Core(grouping, opportunities, options, cancellationToken);

        static async Task<GroupedPipelineResult<TKey>> Core(GroupedPipelineAccumulator<TKey> grouping, IAsyncEnumerable<Opportunity> opportunities, PipelineOptions? options, CancellationToken cancellationToken)
        {
            using var operation = Telemetry.Start(GroupByActivity, Telemetry.PipelineDuration, "group_by");
            try
            {
                await grouping.AddRangeAsync(opportunities, cancellationToken).ConfigureAwait(false);
                return Described(operation, grouping.Result(options));
            }
            catch (Exception error) when (operation is not null && operation.Fail(error))
            {
                throw;
            }
            finally
            {
                grouping.Discard();
            }
        }
    }

    private static PipelineResult Described(Telemetry.Operation? operation, PipelineResult result)
    {
        operation?.Tag("partnermetrics.deals", result.Count);
        return result;
    }

    private static GroupedPipelineResult<TKey> Described<TKey>(Telemetry.Operation? operation, GroupedPipelineResult<TKey> result)
    {
        operation?.Tag("partnermetrics.deals", result.Total.Count);
        operation?.Tag("partnermetrics.groups", result.Groups.Length);
        return result;
    }
}
