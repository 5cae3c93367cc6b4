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
/// Memory grows with the number of accounts. Two snapshots of one account on one day are an error when
/// that day is the one read — the account's latest on or before the start or the end — whatever order
/// they came in and however they were split among merged accumulators: <see cref="Result"/> then
/// throws, naming the account and the day. Two snapshots on a day a later snapshot supersedes are not
/// read and not an error; snapshots after the end are ignored. Mutable and not thread-safe: one per
/// thread, then <see cref="Merge"/>.
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
    /// <remarks>
    /// A second snapshot of the account on a day already added is kept as a mark, not thrown at once: whether the day
    /// is read depends on snapshots that may still come, so <see cref="Result"/> gives the verdict.
    /// </remarks>
    public void Add(RevenueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Date > End)
        {
            return;
        }

        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(accounts, snapshot.AccountId, out _);
        var latest = new Latest(snapshot.Date.DayNumber, snapshot.AnnualRecurringRevenue, twice: false);
        if (latest.Day <= Start.DayNumber)
        {
            state.AtStart.Take(latest);
        }

        state.AtEnd.Take(latest);
    }

    /// <summary>Adds every snapshot of a sequence.</summary>
    /// <param name="snapshots">The snapshots.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    public void AddRange(IEnumerable<RevenueSnapshot> snapshots)
    {
        Ensure.Each(snapshots, nameof(snapshots), Add);
    }

    /// <summary>Merges another accumulator of the same window; the other is left unchanged.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The windows differ, or <paramref name="other"/> is this accumulator.</exception>
    /// <remarks>Both holding a snapshot of one account on one day is marked as two snapshots of that day, as <see cref="Add"/> marks it.</remarks>
    public void Merge(RetentionAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException($"An accumulator cannot be merged into itself; merge a copy (another accumulator of the window {Ensure.Iso(Start)} to {Ensure.Iso(End)}).", nameof(other));
        }

        if (other.Start != Start || other.End != End)
        {
            throw new ArgumentException($"Only another accumulator of the window {Ensure.Iso(Start)} to {Ensure.Iso(End)} can be merged in; got one of {Ensure.Iso(other.Start)} to {Ensure.Iso(other.End)}.", nameof(other));
        }

        foreach (var (account, theirs) in other.accounts)
        {
            ref var mine = ref CollectionsMarshal.GetValueRefOrAddDefault(accounts, account, out _);
            mine.AtStart.Take(theirs.AtStart);
            mine.AtEnd.Take(theirs.AtEnd);
        }
    }

    /// <summary>Computes retention over the window.</summary>
    /// <returns>NRR, GRR and their parts.</returns>
    /// <exception cref="InvalidOperationException">
    /// Two snapshots of one account were added on the day its ARR at the start or the end is read from; the message names
    /// the first such account in order of <see cref="AccountId"/> and the day.
    /// </exception>
    public RetentionResult Result()
    {
        if (Duplicate() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

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
            added);
    }

    /// <summary>The problem <see cref="Result"/> throws for: the first account, in order, with two snapshots on a day that is read.</summary>
    /// <returns>The message, or <see langword="null"/> when there is none.</returns>
    private string? Duplicate()
    {
        var first = accounts.Where(a => a.Value.AtStart.Twice || a.Value.AtEnd.Twice).Select(a => (AccountId?)a.Key).Min();
        if (first is not { } account)
        {
            return null;
        }

        var (atStart, atEnd) = (accounts[account].AtStart, accounts[account].AtEnd);
        var (day, reading) = atStart.Twice ? (atStart.Day, "start") : (atEnd.Day, "end");
        return $"Two revenue snapshots of account '{account}' on {Ensure.Iso(DateOnly.FromDayNumber(day))}, the day its ARR at the window's {reading} is read from: keep one snapshot a day.";
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
                StartTwice = a.Value.AtStart.Twice ? true : null,
                EndOn = DateOnly.FromDayNumber(a.Value.AtEnd.Day),
                EndArr = a.Value.AtEnd.Arr,
                EndTwice = a.Value.AtEnd.Twice ? true : null,
            }),
        ],
    };

    /// <summary>Restores the latest snapshots of a document, checked by the document.</summary>
    internal void Restore(AccountId accountId, DateOnly? startOn, decimal startArr, bool startTwice, DateOnly endOn, decimal endArr, bool endTwice)
    {
        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(accounts, accountId, out var exists);
        if (exists)
        {
            throw new ArgumentException($"Account '{accountId}' is listed twice.", nameof(accountId));
        }

        if (startOn is { } day)
        {
            state.AtStart.Take(new Latest(day.DayNumber, startArr, startTwice));
        }

        state.AtEnd.Take(new Latest(endOn.DayNumber, endArr, endTwice));
    }

    /// <summary>An account's latest ARR on or before the start, and on or before the end.</summary>
    private struct AccountArr
    {
        public Latest AtStart;
        public Latest AtEnd;
    }

    /// <summary>The latest snapshot seen for one day of the window, and whether a second snapshot came on its day.</summary>
    private struct Latest(int day, decimal arr, bool twice)
    {
        public bool Has = true;
        public int Day = day;
        public decimal Arr = arr;
        public bool Twice = twice;

        /// <summary>Keeps the later of the two; on the same day, marks the day as holding two snapshots.</summary>
        public void Take(in Latest other)
        {
            if (!other.Has)
            {
                return;
            }

            if (!Has || other.Day > Day)
            {
                this = other;
            }
            else if (other.Day == Day)
            {
                Twice = true;
            }
        }
    }
}
