using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// Net and gross revenue retention over a window, from <see cref="RevenueSnapshot"/>s added in any
/// order and merged in any order. An account's ARR on a day is its latest snapshot on or before it.
/// </summary>
/// <remarks>
/// Memory grows with the number of accounts. Two snapshots of one account on one day are rejected
/// whenever the day could matter (the latest on or before the start or the end); snapshots after the
/// end are ignored. Mutable and not thread-safe: one per thread, then <see cref="Merge"/>.
/// </remarks>
[JsonConverter(typeof(DocumentConverter<RetentionAccumulator, RetentionAccumulatorDocument>))]
public sealed class RetentionAccumulator
{
    private readonly Dictionary<AccountId, AccountArr> accounts = [];

    /// <summary>Initializes a new instance of the <see cref="RetentionAccumulator"/> class.</summary>
    /// <param name="start">The first day of the window.</param>
    /// <param name="end">The last day of the window.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public RetentionAccumulator(DateOnly start, DateOnly end)
    {
        Start = start;
        End = Ensure.NotBefore(end, start, nameof(end), nameof(start))!.Value;
    }

    /// <summary>Gets the first day of the window.</summary>
    public DateOnly Start { get; }

    /// <summary>Gets the last day of the window.</summary>
    public DateOnly End { get; }

    /// <summary>Adds one snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Another snapshot of the account on the same day was added, and that day matters.</exception>
    public void Add(RevenueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Date > End)
        {
            return;
        }

        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(accounts, snapshot.AccountId, out _);
        var day = snapshot.Date.DayNumber;
        var duplicate = (day <= Start.DayNumber && !state.AtStart.Take(day, snapshot.AnnualRecurringRevenue)) | !state.AtEnd.Take(day, snapshot.AnnualRecurringRevenue);
        if (duplicate)
        {
            throw new ArgumentException(Duplicate(snapshot.AccountId, day), nameof(snapshot));
        }
    }

    /// <summary>Adds every snapshot of a sequence.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/> or a duplicate that matters.</exception>
    public void AddRange(IEnumerable<RevenueSnapshot> snapshots)
    {
        Ensure.Each(snapshots, nameof(snapshots), Add);
    }

    /// <summary>Merges another accumulator of the same window; the other is left unchanged.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The windows differ, <paramref name="other"/> is this accumulator, or both hold a snapshot of one account on the same day.</exception>
    public void Merge(RetentionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this) || other.Start != Start || other.End != End)
        {
            throw new ArgumentException($"Only another accumulator of the window {Ensure.Iso(Start)} to {Ensure.Iso(End)} can be merged in.", nameof(other));
        }

        // Every duplicate is found before anything changes: a merge that is refused leaves this accumulator as it was.
        foreach (var (account, theirs) in other.accounts)
        {
            if (accounts.TryGetValue(account, out var mine) && (mine.AtStart.Clashes(theirs.AtStart) || mine.AtEnd.Clashes(theirs.AtEnd)))
            {
                throw new ArgumentException(Duplicate(account, mine.AtStart.Clashes(theirs.AtStart) ? theirs.AtStart.Day : theirs.AtEnd.Day), nameof(other));
            }
        }

        foreach (var (account, theirs) in other.accounts)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(accounts, account, out _);
            if (theirs.AtStart.Has)
            {
                mine.AtStart.Take(theirs.AtStart.Day, theirs.AtStart.Arr);
            }

            if (theirs.AtEnd.Has)
            {
                mine.AtEnd.Take(theirs.AtEnd.Day, theirs.AtEnd.Arr);
            }
        }
    }

    /// <summary>Computes retention over the window.</summary>
    /// <returns>NRR, GRR and their parts.</returns>
    public RetentionResult Result()
    {
        long cohort = 0, churned = 0, added = 0;
        decimal start = 0, end = 0, expansion = 0, contraction = 0, churn = 0;
        foreach (var (_, state) in accounts.OrderBy(a => a.Key))
        {
            var (first, last) = (state.AtStart.Arr, state.AtEnd.Arr);
            if (!state.AtStart.Has || first == 0)
            {
                added += last > 0 ? 1 : 0;
                continue;
            }

            cohort++;
            start += first;
            end += last;
            if (last == 0)
            {
                churn += first;
                churned++;
            }
            else if (last < first)
            {
                contraction += first - last;
            }
            else
            {
                expansion += last - first;
            }
        }

        return new RetentionResult(
            cohort,
            start,
            end,
            expansion,
            contraction,
            churn,
            churned,
            added,
            start > 0 ? (double)((start + expansion - contraction - churn) / start) : null,
            start > 0 ? (double)((start - contraction - churn) / start) : null);
    }

    internal RetentionAccumulatorDocument ToDocument() => new()
    {
        Start = Start,
        End = End,
        Accounts =
        [
            .. accounts.OrderBy(a => a.Key).Select(a => new AccountArrDocument
            {
                AccountId = a.Key,
                StartOn = a.Value.AtStart.Has ? DateOnly.FromDayNumber(a.Value.AtStart.Day) : null,
                StartArr = a.Value.AtStart.Has ? a.Value.AtStart.Arr : null,
                EndOn = DateOnly.FromDayNumber(a.Value.AtEnd.Day),
                EndArr = a.Value.AtEnd.Arr,
            }),
        ],
    };

    /// <summary>Restores the latest snapshots of a document, through the same checks as <see cref="Add"/>.</summary>
    internal void Restore(AccountId accountId, DateOnly? startOn, decimal startArr, DateOnly endOn, decimal endArr)
    {
        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(accounts, accountId, out var exists);
        if (exists)
        {
            throw new ArgumentException($"Account '{accountId}' is listed twice.", nameof(accountId));
        }

        if (startOn is { } day)
        {
            state.AtStart.Take(day.DayNumber, startArr);
        }

        state.AtEnd.Take(endOn.DayNumber, endArr);
    }

    private static string Duplicate(AccountId account, int day) =>
        $"Two revenue snapshots of account '{account}' on {Ensure.Iso(DateOnly.FromDayNumber(day))}.";

    /// <summary>An account's latest ARR on or before the start, and on or before the end.</summary>
    private struct AccountArr
    {
        public Latest AtStart;
        public Latest AtEnd;
    }

    /// <summary>The latest snapshot seen for one day of the window.</summary>
    private struct Latest
    {
        public bool Has;
        public int Day;
        public decimal Arr;

        /// <summary>Whether both hold a snapshot of the same day: merging them would take a second snapshot on the kept day.</summary>
        public readonly bool Clashes(in Latest other) => Has && other.Has && Day == other.Day;

        /// <summary>Keeps the snapshot if it is later; returns <see langword="false"/> for a second snapshot on the kept day.</summary>
        public bool Take(int day, decimal arr)
        {
            if (Has && day == Day)
            {
                return false;
            }

            if (!Has || day > Day)
            {
                (Has, Day, Arr) = (true, day, arr);
            }

            return true;
        }
    }
}
