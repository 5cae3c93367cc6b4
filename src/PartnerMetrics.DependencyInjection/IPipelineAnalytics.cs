using PartnerMetrics.Pipeline;

namespace PartnerMetrics.DependencyInjection;

/// <summary>
/// Pipeline analytics with the configured <see cref="PipelineOptions"/> and the host's
/// <see cref="TimeProvider"/> for "today": thin wrappers over <see cref="PipelineAnalytics"/>,
/// <see cref="RetentionAccumulator"/> and <see cref="BrandEquityDebtAccumulator"/>, whose results
/// they equal exactly.
/// </summary>
/// <remarks>The registered implementation is a thread-safe singleton; each call works on its own accumulators.</remarks>
public interface IPipelineAnalytics
{
    /// <summary>Gets the options used by the calls that take none (<see cref="PartnerMetricsOptions.Pipeline"/>).</summary>
    PipelineOptions Options { get; }

    /// <summary>Gets today's date from the host's clock.</summary>
    DateOnly Today { get; }

    /// <summary>Computes the pipeline metrics of opportunities with the configured <see cref="Options"/>.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    PipelineResult Summarize(IEnumerable<Opportunity> opportunities);

    /// <summary>Computes the pipeline metrics of opportunities with other options, such as this quarter's remaining target.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="options">The target and the number of top partners.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    PipelineResult Summarize(IEnumerable<Opportunity> opportunities, PipelineOptions options);

    /// <summary>Computes the metrics of each group of opportunities, and of the total, with the configured <see cref="Options"/>.</summary>
    /// <typeparam name="TKey">The grouping key.</typeparam>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="key">Picks each opportunity's group; see <see cref="PipelineKeys"/>.</param>
    /// <returns>The metrics per group and in total.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    GroupedPipelineResult<TKey> GroupBy<TKey>(IEnumerable<Opportunity> opportunities, Func<Opportunity, TKey?> key);

    /// <summary>Computes the metrics of each group of opportunities, and of the total, with other options.</summary>
    /// <typeparam name="TKey">The grouping key.</typeparam>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="key">Picks each opportunity's group; see <see cref="PipelineKeys"/>.</param>
    /// <param name="options">The target and the number of top partners, applied to every group and the total.</param>
    /// <returns>The metrics per group and in total.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    GroupedPipelineResult<TKey> GroupBy<TKey>(IEnumerable<Opportunity> opportunities, Func<Opportunity, TKey?> key, PipelineOptions options);

    /// <summary>Computes the pipeline metrics of an asynchronous stream of opportunities (a database reader, a paged API) in one pass, holding none of them.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="options">The target and the number of top partners; <see langword="null"/> for the configured <see cref="Options"/>.</param>
    /// <param name="cancellationToken">Passed to the stream and checked before each opportunity.</param>
    /// <returns>The metrics, equal to <see cref="Summarize(IEnumerable{Opportunity}, PipelineOptions)"/> of the same opportunities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream contains <see langword="null"/> (from the task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (from the task).</exception>
    Task<PipelineResult> SummarizeAsync(IAsyncEnumerable<Opportunity> opportunities, PipelineOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Computes the metrics of each group of an asynchronous stream of opportunities, and of the total, in one pass, holding none of them.</summary>
    /// <typeparam name="TKey">The grouping key.</typeparam>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="key">Picks each opportunity's group; see <see cref="PipelineKeys"/>.</param>
    /// <param name="options">The target and the number of top partners; <see langword="null"/> for the configured <see cref="Options"/>.</param>
    /// <param name="cancellationToken">Passed to the stream and checked before each opportunity.</param>
    /// <returns>The metrics per group and in total, equal to <see cref="GroupBy{TKey}(IEnumerable{Opportunity}, Func{Opportunity, TKey}, PipelineOptions)"/> of the same opportunities.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream contains <see langword="null"/> (from the task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (from the task).</exception>
    Task<GroupedPipelineResult<TKey>> GroupByAsync<TKey>(IAsyncEnumerable<Opportunity> opportunities, Func<Opportunity, TKey?> key, PipelineOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Computes net and gross revenue retention from a day up to and including today.</summary>
    /// <param name="snapshots">The revenue snapshots; those after today are ignored.</param>
    /// <param name="windowStart">The first day of the window; for the trailing year, <c>Today.AddYears(-1)</c>.</param>
    /// <returns>NRR, GRR and their parts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowStart"/> is after today.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>, or two snapshots of one account on the day its ARR at the window's start or end is read from.</exception>
    RetentionResult Retention(IEnumerable<RevenueSnapshot> snapshots, DateOnly windowStart);

    /// <summary>Computes net and gross revenue retention over a window.</summary>
    /// <param name="snapshots">The revenue snapshots; those after <paramref name="windowEnd"/> are ignored.</param>
    /// <param name="windowStart">The first day of the window.</param>
    /// <param name="windowEnd">The last day of the window.</param>
    /// <returns>NRR, GRR and their parts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowEnd"/> is before <paramref name="windowStart"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>, or two snapshots of one account on the day its ARR at the window's start or end is read from.</exception>
    RetentionResult Retention(IEnumerable<RevenueSnapshot> snapshots, DateOnly windowStart, DateOnly windowEnd);

    /// <summary>Computes brand equity debt: the share of won new-logo value whose account churned or halved within a year of the close.</summary>
    /// <param name="opportunities">The opportunities; only won new-logo deals count.</param>
    /// <param name="snapshots">The revenue snapshots of their accounts.</param>
    /// <returns>The judged and indebted deals and their value.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A sequence contains <see langword="null"/>, or two snapshots of one account on one day.</exception>
    BrandEquityDebtResult BrandEquityDebt(IEnumerable<Opportunity> opportunities, IEnumerable<RevenueSnapshot> snapshots);
}
