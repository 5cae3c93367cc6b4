namespace PartnerMetrics.Pipeline;

/// <summary>
/// A <see cref="PipelineAccumulator"/> per group key, filled in one pass and mergeable like its
/// parts: shards grouped anywhere merge to exactly the single-pass answer.
/// </summary>
/// <typeparam name="TKey">The grouping key: a district, a <see cref="Quarter"/>, a partner, a motion class, a tuple of them, or anything with equality.</typeparam>
/// <remarks>Mutable and not thread-safe: one per thread, then <see cref="Merge"/>.</remarks>
public sealed class GroupedPipelineAccumulator<TKey>
{
    private readonly Func<Opportunity, TKey?> key;
    private readonly IEqualityComparer<TKey> comparer;
    private readonly Dictionary<GroupKey, PipelineAccumulator> groups;

    /// <summary>Initializes a new instance of the <see cref="GroupedPipelineAccumulator{TKey}"/> class.</summary>
    /// <param name="key">Picks each opportunity's group; see <see cref="PipelineKeys"/>.</param>
    /// <param name="comparer">Compares keys; <see langword="null"/> for the default equality.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public GroupedPipelineAccumulator(Func<Opportunity, TKey?> key, IEqualityComparer<TKey>? comparer = null)
    {
        this.key = key ?? throw new ArgumentNullException(nameof(key));
        this.comparer = comparer ?? EqualityComparer<TKey>.Default;
        groups = new Dictionary<GroupKey, PipelineAccumulator>(new GroupKeyComparer(this.comparer));
    }

    /// <summary>Gets the number of groups seen so far, the group of deals without a key included.</summary>
    public int Count => groups.Count;

    /// <summary>Adds one opportunity to its group.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public void Add(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        GroupOf(key(opportunity)).Add(opportunity);
    }

    /// <summary>Adds every opportunity of a sequence.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    public void AddRange(IEnumerable<Opportunity> opportunities)
    {
        Telemetry.Accumulated("accumulate", Ensure.Each(opportunities, nameof(opportunities), Add));
    }

    /// <summary>Adds every opportunity of an asynchronous stream as it arrives — rows read from a database or an import, say — without holding them.</summary>
    /// <param name="opportunities">The opportunities.</param>
    /// <param name="cancellationToken">Passed to the stream and checked before each opportunity.</param>
    /// <returns>A task that completes when the stream ends; the opportunities added before a failure or cancellation stay added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The stream contains <see langword="null"/> (from the task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled (from the task).</exception>
    public Task AddRangeAsync(IAsyncEnumerable<Opportunity> opportunities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        return Core(opportunities, cancellationToken);

        async Task Core(IAsyncEnumerable<Opportunity> opportunities, CancellationToken cancellationToken) =>
            Telemetry.Accumulated("accumulate", await Ensure.EachAsync(opportunities, nameof(opportunities), Add, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Merges another grouping of the same key into this one; the other is left unchanged.</summary>
    /// <param name="other">The grouping to merge in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this grouping, or groups by another key function (another method), or compares keys with a comparer that is not equal to this one's.</exception>
    public void Merge(GroupedPipelineAccumulator<TKey> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("A grouping cannot be merged into itself.", nameof(other));
        }

        // Groups of another key function, or keys equal under another comparer, would be mixed silently (DOMAIN rule 13, v2).
        if (other.key.Method != key.Method)
        {
            throw new ArgumentException($"The groupings have different key functions ({Describe(key)} and {Describe(other.key)}); only groupings by the same key can be merged.", nameof(other));
        }

        if (!other.comparer.Equals(comparer))
        {
            throw new ArgumentException($"The groupings compare keys differently ({comparer.GetType().Name} and {other.comparer.GetType().Name}); only groupings with the same comparer can be merged.", nameof(other));
        }

        foreach (var (groupKey, accumulator) in other.groups)
        {
            GroupOf(groupKey.Value).Merge(accumulator);
        }
    }

    /// <summary>Computes the metrics of every group and of the total.</summary>
    /// <param name="options">The target and the number of top partners, applied to every group and the total.</param>
    /// <returns>The metrics.</returns>
    public GroupedPipelineResult<TKey> Result(PipelineOptions? options = null)
    {
        var total = new PipelineAccumulator();
        var keyed = groups.Select(g => (Key: g.Key.Value, Accumulator: g.Value));
        if (typeof(IComparable<TKey>).IsAssignableFrom(typeof(TKey)) || typeof(IComparable).IsAssignableFrom(typeof(TKey)) ||
            Nullable.GetUnderlyingType(typeof(TKey)) is { } underlying && typeof(IComparable).IsAssignableFrom(underlying))
        {
            // Null sorts first, so the group without a key leads; text in ordinal order, the same in every culture.
            keyed = keyed.OrderBy(g => g.Key, typeof(TKey) == typeof(string) ? (IComparer<TKey?>)(object)StringComparer.Ordinal : Comparer<TKey?>.Default);
        }
        else
        {
            keyed = keyed.OrderBy(g => g.Key is null ? 0 : 1);
        }

        var results = new List<PipelineGroup<TKey>>(groups.Count);
        foreach (var (groupKey, accumulator) in keyed)
        {
            total.Merge(accumulator);
            results.Add(new PipelineGroup<TKey>(groupKey, accumulator.Result(options)));
        }

        return new GroupedPipelineResult<TKey>([.. results], total.Result(options));
    }

    private static string Describe(Func<Opportunity, TKey?> function) => $"{function.Method.DeclaringType?.Name}.{function.Method.Name}";

    private PipelineAccumulator GroupOf(TKey? groupKey)
    {
        var boxed = new GroupKey(groupKey);
        if (!groups.TryGetValue(boxed, out var accumulator))
        {
            accumulator = new PipelineAccumulator();
            groups.Add(boxed, accumulator);
        }

        return accumulator;
    }

    /// <summary>A key that may be <see langword="null"/>, which a dictionary key cannot.</summary>
    private readonly record struct GroupKey(TKey? Value);

    private sealed class GroupKeyComparer(IEqualityComparer<TKey> comparer) : IEqualityComparer<GroupKey>
    {
        public bool Equals(GroupKey x, GroupKey y) =>
            x.Value is null ? y.Value is null : y.Value is not null && comparer.Equals(x.Value, y.Value);

        public int GetHashCode(GroupKey key) => key.Value is null ? 0 : comparer.GetHashCode(key.Value);
    }
}
