using System.Globalization;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.DependencyInjection;

/// <summary>The registered <see cref="IPipelineAnalytics"/>: the library's accumulators with the configured options and the host's clock.</summary>
internal sealed class ConfiguredPipelineAnalytics : IPipelineAnalytics
{
    private readonly TimeProvider clock;

    public ConfiguredPipelineAnalytics(PartnerMetricsOptions options, TimeProvider clock)
    {
        this.clock = clock;
        Options = options.Pipeline;
    }

    public PipelineOptions Options { get; }

    public DateOnly Today => HostClock.Today(clock);

    public PipelineResult Summarize(IEnumerable<Opportunity> opportunities) => PipelineAnalytics.Summarize(opportunities, Options);

    public PipelineResult Summarize(IEnumerable<Opportunity> opportunities, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        ArgumentNullException.ThrowIfNull(options);
        return PipelineAnalytics.Summarize(opportunities, options);
    }

    public GroupedPipelineResult<TKey> GroupBy<TKey>(IEnumerable<Opportunity> opportunities, Func<Opportunity, TKey?> key) =>
        GroupBy(opportunities, key, Options);

    public GroupedPipelineResult<TKey> GroupBy<TKey>(IEnumerable<Opportunity> opportunities, Func<Opportunity, TKey?> key, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(options);
        return PipelineAnalytics.GroupBy(opportunities, key, options);
    }

    public Task<PipelineResult> SummarizeAsync(IAsyncEnumerable<Opportunity> opportunities, PipelineOptions? options = null, CancellationToken cancellationToken = default) =>
        PipelineAnalytics.SummarizeAsync(opportunities, options ?? Options, cancellationToken);

    public Task<GroupedPipelineResult<TKey>> GroupByAsync<TKey>(IAsyncEnumerable<Opportunity> opportunities, Func<Opportunity, TKey?> key, PipelineOptions? options = null, CancellationToken cancellationToken = default) =>
        PipelineAnalytics.GroupByAsync(opportunities, key, options ?? Options, cancellationToken);

    public RetentionResult Retention(IEnumerable<RevenueSnapshot> snapshots, DateOnly windowStart)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var today = Today;
        if (windowStart > today)
        {
            throw new ArgumentOutOfRangeException(nameof(windowStart), windowStart, $"'{nameof(windowStart)}' ({Iso(windowStart)}) must not be after today ({Iso(today)}).");
        }

        return Retention(snapshots, windowStart, today);
    }

    public RetentionResult Retention(IEnumerable<RevenueSnapshot> snapshots, DateOnly windowStart, DateOnly windowEnd)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (windowEnd < windowStart)
        {
            throw new ArgumentOutOfRangeException(nameof(windowEnd), windowEnd, $"'{nameof(windowEnd)}' ({Iso(windowEnd)}) must not be before '{nameof(windowStart)}' ({Iso(windowStart)}).");
        }

        var accumulator = new RetentionAccumulator(windowStart, windowEnd);
        accumulator.AddRange(snapshots);
        try
        {
            return accumulator.Result();
        }
        catch (InvalidOperationException duplicate)
        {
            // The accumulator's only refusal: two snapshots on a day that is read, a fault of the sequence passed here.
            throw new ArgumentException(duplicate.Message, nameof(snapshots), duplicate);
        }
    }

    public BrandEquityDebtResult BrandEquityDebt(IEnumerable<Opportunity> opportunities, IEnumerable<RevenueSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        ArgumentNullException.ThrowIfNull(snapshots);
        var accumulator = new BrandEquityDebtAccumulator();
        Each(opportunities, nameof(opportunities), accumulator.Add);
        Each(snapshots, nameof(snapshots), accumulator.Add);
        return accumulator.Result();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds each item of a caller's sequence, rejecting <see langword="null"/> items with their index as the library does,
    /// and an item the accumulator refuses (a second snapshot of an account on one day) under the call's parameter name.
    /// </summary>
    private static void Each<T>(IEnumerable<T> items, string paramName, Action<T> add)
        where T : class
    {
        var index = 0;
        foreach (var item in items)
        {
            var added = item ?? throw new ArgumentException($"'{paramName}' must not contain null; item {index} is null.", paramName);
            try
            {
                add(added);
            }
            catch (ArgumentException refused) when (refused.ParamName != paramName)
            {
                throw new ArgumentException(Unnamed(refused), paramName, refused);
            }

            index++;
        }
    }

    /// <summary>An exception's message without the "(Parameter '…')" its parameter name adds.</summary>
    private static string Unnamed(ArgumentException error) =>
        error.ParamName is { } name ? error.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : error.Message;
}
