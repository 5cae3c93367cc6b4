namespace PartnerMetrics.Pipeline;

/// <summary>
/// A <see cref="PipelineAccumulator"/> per group key, filled in one pass and mergeable like its
/// parts: shards grouped anywhere merge to exactly the single-pass answer.
/// </summary>
/// <typeparam name="TKey">The grouping key: a district, a <see cref="Quarter"/>, a partner, a motion class, a tuple of them, or anything with equality.</typeparam>
/// <remarks>
/// Mutable and not thread-safe: one per thread, then <see cref="Merge"/>. While nothing adds to it, a grouping may be
/// read from several threads at once: its results computed, or it merged into others. Its memory grows with the number of groups
/// and of each group's partners, accounts, years and loss reasons, never with the number of opportunities, plus a
/// buffer of won deals waiting to be applied to their groups' tallies in bursts, at most 16 MB.
/// </remarks>
public sealed class GroupedPipelineAccumulator<TKey>
{
    private readonly Func<Opportunity, TKey?> key;
    private readonly IEqualityComparer<TKey> comparer;
    private readonly Dictionary<GroupKey, PipelineAccumulator> groups;
    // Shared by every group, so that a deal's partner and account ids are hashed as text once, whatever its group.
    private readonly IdTable partnerIds = new();
    private readonly IdTable accountIds = new();
    private readonly TallyArena arena = new();
    // The groups in the order first seen, each at its index in the buffer of won deals not applied yet.
    private readonly List<PipelineAccumulator> byIndex = [];
    // Each group's key, at its index: under a comparer other than the default, keys that compare equal may differ
    // ("North", "NORTH"), and the group keeps the least in the keys' order, so that it does not depend on which came first.
    private readonly List<TKey?> keys = [];
    private readonly IComparer<TKey?>? least;
    private readonly PendingWins pending;

    /// <summary>Initializes a new instance of the <see cref="GroupedPipelineAccumulator{TKey}"/> class.</summary>
    /// <param name="key">Picks each opportunity's group; see <see cref="PipelineKeys"/>.</param>
    /// <param name="comparer">Compares keys; <see langword="null"/> for the default equality.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public GroupedPipelineAccumulator(Func<Opportunity, TKey?> key, IEqualityComparer<TKey>? comparer = null)
        : this(key, comparer, PendingWins.MaximumCapacity)
    {
    }

    /// <summary>A grouping that holds at most <paramref name="pendingCapacity"/> won deals before applying them to their groups (tests make it small).</summary>
    internal GroupedPipelineAccumulator(Func<Opportunity, TKey?> key, IEqualityComparer<TKey>? comparer, int pendingCapacity)
    {
        this.key = key ?? throw new ArgumentNullException(nameof(key));
        this.comparer = comparer ?? EqualityComparer<TKey>.Default;
        groups = new Dictionary<GroupKey, PipelineAccumulator>(new GroupKeyComparer(this.comparer));
        least = ReferenceEquals(this.comparer, EqualityComparer<TKey>.Default) ? null : KeyOrder<TKey>.Comparer;
        pending = new PendingWins(byIndex, pendingCapacity);
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
    /// <exception cref="ArgumentException"><paramref name="other"/> is this grouping, or groups by another key function (another method, or the same method on another object: a lambda with other captured values), or compares keys with a comparer that is not equal to this one's.</exception>
    /// <exception cref="OverflowException">A count or value of a group would pass its type's range (<see cref="PipelineAccumulator.Merge"/>); no group of either grouping was changed, and none was added.</exception>
    public void Merge(GroupedPipelineAccumulator<TKey> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("A grouping cannot be merged into itself.", nameof(other));
        }

        // Groups of another key function, or keys equal under another comparer, would be mixed silently (DOMAIN rule 13, v2).
        if (!other.key.Equals(key))
        {
            throw new ArgumentException(
                other.key.Method == key.Method
                    ? $"The groupings' key functions are one method ({Describe(key)}) on two objects, such as a lambda that captured other values; only groupings by the same key delegate can be merged: create it once and give it to every shard."
                    : $"The groupings have different key functions ({Describe(key)} and {Describe(other.key)}); only groupings by the same key can be merged.",
                nameof(other));
        }

        if (!other.comparer.Equals(comparer))
        {
            throw new ArgumentException($"The groupings compare keys differently ({comparer.GetType().Name} and {other.comparer.GetType().Name}); only groupings with the same comparer can be merged.", nameof(other));
        }

        // The other's tallies and its won deals not applied yet are read together, so that a result of the other
        // computed on another thread meanwhile (which applies them) cannot move deals from one to the other between reads.
        lock (other.pending)
        {
            // Whole or not at all, as an accumulator's merge: every group both have is checked before any group changes or is
            // added (a group new to this grouping starts empty, so the other's counts fit it).
            foreach (var accumulator in other.byIndex)
            {
                if (groups.TryGetValue(new GroupKey(other.keys[accumulator.Index]), out var group))
                {
                    group.EnsureRoomFor(accumulator);
                }
            }

            // One text lookup per distinct id of the other grouping, then every group's tallies merge by id.
            var partnerMap = partnerIds.Translate(other.partnerIds);
            var accountMap = accountIds.Translate(other.accountIds);
            var groupMap = new int[other.byIndex.Count];
            foreach (var accumulator in other.byIndex)
            {
                var group = GroupOf(other.keys[accumulator.Index]);
                group.MergeMapped(accumulator, partnerMap, accountMap);
                groupMap[accumulator.Index] = group.Index;
            }

            // The other's won deals not applied yet join this grouping's, translated: the merging thread copies them
            // rather than applying them to the other's tables and then merging those.
            pending.AddFrom(other.pending, groupMap, partnerMap, accountMap);
        }
    }

    /// <summary>
    /// Removes every deal and every group, so that the grouping equals a new one with the same key function and
    /// comparer, and keeps the memory of its partner and account tallies for the deals to come: a grouping that is
    /// filled, merged and emptied over and over (one per block of a file read on several threads) then allocates
    /// little once warm.
    /// </summary>
    public void Clear()
    {
        groups.Clear();
        byIndex.Clear();
        keys.Clear();
        pending.Clear();
        partnerIds.Clear();
        accountIds.Clear();
        arena.Clear();
    }

    /// <summary>Gets how many partner and account ids the grouping has interned (for tests: <see cref="Clear"/> forgets them).</summary>
    internal (int Partners, int Accounts) InternedIds => (partnerIds.Count, accountIds.Count);

    /// <summary>
    /// Gives the memory of the groups' partner and account tallies back to the shared pool, for a grouping that will not be
    /// used again: the analytics functions discard their own groupings once they have their results (and merged the parts
    /// of a parallel grouping). Discarding twice does nothing.
    /// </summary>
    internal void Discard() => arena.Release();

    /// <summary>Applies the won deals held back (<see cref="PendingWins"/>) to their groups' tallies, so that a grouping filled on one thread of several does that work on its thread too.</summary>
    internal void ApplyPending() => pending.Release();

    /// <summary>Computes the metrics of every group and of the total.</summary>
    /// <param name="options">The target and the number of top partners, applied to every group and the total.</param>
    /// <returns>The metrics.</returns>
    public GroupedPipelineResult<TKey> Result(PipelineOptions? options = null) => Result(options, parallelOptions: null);

    /// <summary>
    /// Computes the metrics of every group and of the total on several threads at once: the same result as
    /// <see cref="Result(PipelineOptions?)"/>, to the bit. The groups are only read, and no code of the caller runs on
    /// the threads.
    /// </summary>
    /// <param name="options">The target and the number of top partners, applied to every group and the total.</param>
    /// <param name="parallelOptions">
    /// How many threads at most (<see cref="ParallelOptions.MaxDegreeOfParallelism"/>) and the cancellation token;
    /// <see langword="null"/> computes on the calling thread alone.
    /// </param>
    /// <returns>The metrics.</returns>
    /// <exception cref="OperationCanceledException">The token of <paramref name="parallelOptions"/> was canceled.</exception>
    public GroupedPipelineResult<TKey> Result(PipelineOptions? options, ParallelOptions? parallelOptions)
    {
        // Results read from several threads at once (nothing adding) apply the held deals once, one at a time, and give the
        // buffer back to the pool.
        lock (pending)
        {
            pending.Release();
        }

        var keyed = byIndex.Select(accumulator => (Key: keys[accumulator.Index], Accumulator: accumulator));
        if (KeyOrder<TKey>.Comparer is { } order)
        {
            // Null sorts first, so the group without a key leads; text in ordinal order, in tuples too, the same in every culture.
            keyed = keyed.OrderBy(g => g.Key, order);
        }
        else
        {
            keyed = keyed.OrderBy(g => g.Key is null ? 0 : 1);
        }

        var ordered = keyed.ToArray();
        var results = new PipelineGroup<TKey>[ordered.Length];
        PipelineResult? total = null;
        if (parallelOptions is null)
        {
            total = Total();
            for (var i = 0; i < ordered.Length; i++)
            {
                results[i] = GroupResult(ordered[i]);
            }
        }
        else
        {
            // Item 0 is the total, the largest piece of work, so that it starts first.
            ParallelParts.Run(ordered.Length + 1, parallelOptions, i =>
            {
                if (i == 0)
                {
                    total = Total();
                }
                else
                {
                    results[i - 1] = GroupResult(ordered[i - 1]);
                }
            });
        }

        return new GroupedPipelineResult<TKey>([.. results], total!);

        PipelineGroup<TKey> GroupResult((TKey? Key, PipelineAccumulator Accumulator) group) => new(group.Key, group.Accumulator.Result(options));

        // The groups' counts merged in key order, and each partner's and account's tallies summed over the groups by id
        // (the groups share the id tables).
        PipelineResult Total()
        {
            var sum = new PipelineAccumulator();
            var partnerTotals = new WinTally[partnerIds.Count];
            var accountTotals = new WinTally[accountIds.Count];
            foreach (var (_, accumulator) in ordered)
            {
                sum.MergeCounts(accumulator);
                accumulator.AddTalliesTo(partnerTotals, accountTotals);
            }

            return sum.ResultOf(options, Won(partnerTotals), Won(accountTotals));
        }

        static WinTally[] Won(WinTally[] byId) => Array.FindAll(byId, tally => tally.Count > 0);
    }

    private static string Describe(Func<Opportunity, TKey?> function) => $"{function.Method.DeclaringType?.Name}.{function.Method.Name}";

    private PipelineAccumulator GroupOf(TKey? groupKey)
    {
        var boxed = new GroupKey(groupKey);
        if (!groups.TryGetValue(boxed, out var accumulator))
        {
            accumulator = new PipelineAccumulator(partnerIds, accountIds, arena, pending, byIndex.Count);
            groups.Add(boxed, accumulator);
            byIndex.Add(accumulator);
            keys.Add(groupKey);
        }
        else if (least is not null && least.Compare(groupKey, keys[accumulator.Index]) < 0)
        {
            keys[accumulator.Index] = groupKey;
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
