using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// Brand equity debt from won new-logo deals and revenue snapshots, added in any order and merged in
/// any order (see <see cref="BrandEquityDebtResult"/>).
/// </summary>
/// <remarks>
/// A deal closed on day c is debt when, among its account's snapshots in [c, c + 12 months] (the same
/// day of the month a year later: 365 or 366 days, a close on 29 February ending on 28 February), one is at
/// most half of an earlier one (or of the highest before it) — the account churned or lost at least
/// half its ARR. Memory grows with the won new-logo deals and the snapshots kept: this join cannot be
/// summarised smaller. Mutable and not thread-safe: one per thread, then <see cref="Merge"/>.
/// </remarks>
[JsonConverter(typeof(DocumentConverter<BrandEquityDebtAccumulator, BrandEquityDebtAccumulatorDocument>))]
public sealed class BrandEquityDebtAccumulator
{
    private readonly List<(AccountId Account, int Closed, decimal Amount)> deals = [];
    private readonly Dictionary<AccountId, SortedList<int, decimal>> snapshots = [];

    /// <summary>Adds an opportunity; only won new-logo deals count, the rest are ignored.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public void Add(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (opportunity.Outcome == DealOutcome.Won && DealClass.IsHunting(opportunity.Motion))
        {
            deals.Add((opportunity.AccountId, opportunity.ClosedOn!.Value.DayNumber, opportunity.Amount ?? 0m));
        }
    }

    /// <summary>Adds a revenue snapshot.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A snapshot of the same account and day was added before.</exception>
    public void Add(RevenueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ref var series = ref CollectionsMarshal.GetValueRefOrAddDefault(snapshots, snapshot.AccountId, out _);
        series ??= [];
        if (!series.TryAdd(snapshot.Date.DayNumber, snapshot.AnnualRecurringRevenue))
        {
            throw new ArgumentException($"Two revenue snapshots of account '{snapshot.AccountId}' on {Ensure.Iso(snapshot.Date)}.", nameof(snapshot));
        }
    }

    /// <summary>Merges another accumulator; the other is left unchanged.</summary>
    /// <param name="other">The accumulator to merge in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="other"/> is this accumulator, or both hold a snapshot of one account on the same day.</exception>
    public void Merge(BrandEquityDebtAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An accumulator cannot be merged into itself.", nameof(other));
        }

        // Every duplicate is found before anything changes: a merge that is refused leaves this accumulator as it was.
        foreach (var (account, series) in other.snapshots)
        {
            if (snapshots.TryGetValue(account, out var mine) && series.Keys.FirstOrDefault(mine.ContainsKey, int.MinValue) is var day and not int.MinValue)
            {
                throw new ArgumentException($"Two revenue snapshots of account '{account}' on {Ensure.Iso(DateOnly.FromDayNumber(day))}.", nameof(other));
            }
        }

        deals.AddRange(other.deals);
        foreach (var (account, series) in other.snapshots)
        {
            foreach (var (day, arr) in series)
            {
                Add(new RevenueSnapshot(account, DateOnly.FromDayNumber(day), arr));
            }
        }
    }

    /// <summary>Computes the debt share.</summary>
    /// <returns>The judged and indebted deals and their value.</returns>
    public BrandEquityDebtResult Result()
    {
        long judged = 0, debt = 0, unjudged = 0;
        decimal judgedValue = 0, debtValue = 0;
        foreach (var (account, closed, amount) in deals.OrderBy(d => d.Account).ThenBy(d => d.Closed).ThenBy(d => d.Amount))
        {
            switch (Judge(account, closed))
            {
                case null:
                    unjudged++;
                    break;
                case var fell:
                    judged++;
                    judgedValue += amount;
                    if (fell.Value)
                    {
                        debt++;
                        debtValue += amount;
                    }

                    break;
            }
        }

        return new BrandEquityDebtResult(judged, debt, unjudged, judgedValue, debtValue);
    }

    internal BrandEquityDebtAccumulatorDocument ToDocument() => new()
    {
        Deals = [.. deals.OrderBy(d => d.Account).ThenBy(d => d.Closed).ThenBy(d => d.Amount).Select(d => new WonNewLogoDocument { AccountId = d.Account, ClosedOn = DateOnly.FromDayNumber(d.Closed), Amount = d.Amount })],
        Snapshots = [.. snapshots.OrderBy(s => s.Key).SelectMany(s => s.Value.Select(p => new RevenueSnapshotDocument { AccountId = s.Key, Date = DateOnly.FromDayNumber(p.Key), AnnualRecurringRevenue = p.Value }))],
    };

    internal void AddWonNewLogo(AccountId account, DateOnly closedOn, decimal amount) =>
        deals.Add((account, closedOn.DayNumber, Ensure.Money(amount, nameof(amount))));

    /// <summary>
    /// Whether the account fell to half its ARR or less within the window after the close: a snapshot at most half the
    /// highest since the close, counting the ARR at the close (its latest snapshot on or before the close day, if any);
    /// <see langword="null"/> without a snapshot in the window. A fall before the close is not the deal's.
    /// </summary>
    private bool? Judge(AccountId account, int closed)
    {
        if (!snapshots.TryGetValue(account, out var series))
        {
            return null;
        }

        // Twelve months, not 365 days: a year that holds a 29 February has 366, and the last of them is still within twelve months.
        var close = DateOnly.FromDayNumber(closed);
        var last = close.Year < DateOnly.MaxValue.Year ? close.AddYears(1).DayNumber : DateOnly.MaxValue.DayNumber;
        var seen = false;
        var peak = 0m;
        foreach (var (day, arr) in series)
        {
            if (day <= closed)
            {
                // The series is in day order: the last of these is the account's ARR when the deal closed.
                peak = arr;
                seen = day == closed;
                continue;
            }

            if (day > last)
            {
                break;
            }

            if (peak > 0 && arr * 2 <= peak)
            {
                return true;
            }

            seen = true;
            peak = Math.Max(peak, arr);
        }

        return seen ? false : null;
    }
}
