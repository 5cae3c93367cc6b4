using System.Collections.Immutable;

namespace PartnerMetrics.Evidence;

/// <summary>
/// The one reading of a dated history (DOMAIN §2): entries kept in day order, at most one per day,
/// and a value read as of a day from the latest entry on or before it, so that scoring the past never
/// sees the future.
/// </summary>
internal static class DatedEntries
{
    /// <summary>
    /// Copies a caller's entries in day order; <see langword="null"/> means none. A <see langword="null"/>
    /// entry and two entries on one day are rejected, naming the items as the caller numbered them.
    /// </summary>
    public static EquatableArray<T> Sorted<T>(IEnumerable<T>? entries, Func<T, DateOnly> day, string paramName, string entryName)
        where T : class
    {
        var items = Ensure.Items(entries, paramName).Items;
        if (items.Length < 2)
        {
            return new EquatableArray<T>(items);
        }

        var order = new int[items.Length];
        var days = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            order[i] = i;
            days[i] = day(items[i]).DayNumber;
        }

        // A stable sort by day keeps the caller's numbering of the items for the error below.
        Array.Sort(order, (a, b) => days[a] != days[b] ? days[a].CompareTo(days[b]) : a.CompareTo(b));
        var sorted = ImmutableArray.CreateBuilder<T>(items.Length);
        for (var k = 0; k < order.Length; k++)
        {
            if (k > 0 && days[order[k]] == days[order[k - 1]])
            {
                throw new ArgumentException(
                    $"'{paramName}' must hold at most one {entryName} per day; items {order[k - 1]} and {order[k]} are both dated {Ensure.Iso(DateOnly.FromDayNumber(days[order[k]]))}.",
                    paramName);
            }

            sorted.Add(items[order[k]]);
        }

        return new EquatableArray<T>(sorted.MoveToImmutable());
    }

    /// <summary>The index of the latest entry dated on or before <paramref name="asOf"/> (a day number), or −1 when there is none.</summary>
    public static int Latest<T>(ImmutableArray<T> entries, Func<T, DateOnly> day, int asOf)
    {
        int low = 0, high = entries.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (day(entries[middle]).DayNumber <= asOf)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
