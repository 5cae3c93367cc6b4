using System.Buffers;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// The won deals of a grouping whose partner, customer and cycle tallies are not applied yet: held in one buffer and
/// applied group by group in bursts. Applied deal by deal, each won deal touched three tables of its group (the cycle
/// histogram, the partner tallies, the account tallies) spread over tens of megabytes, so nearly every update missed
/// the caches; applied in bursts, a group's tables are read once per burst, and the updates of a burst are independent
/// loads the processor overlaps. Each group still applies its own deals in the order they were added, so every sum is
/// taken in the same order as deal by deal, and every result is the same to the bit.
/// </summary>
/// <remarks>
/// Memory is bounded: the buffer grows to <see cref="MaximumCapacity"/> deals at most by default (two arrays of 32 bytes a
/// deal, 16 MB together), whatever the number of deals or groups. Both arrays are rented from
/// <see cref="ArrayPool{T}.Shared"/>: the sorted copy for the length of an <see cref="Apply"/>, the buffer until
/// <see cref="Release"/>, so that groupings made one after another reuse the same memory instead of allocating it anew.
/// </remarks>
/// <param name="groups">The grouping's groups, each at the index its deals are held under.</param>
/// <param name="maximumCapacity">The most deals held before they are applied (tests make it small).</param>
internal sealed class PendingWins(List<PipelineAccumulator> groups, int maximumCapacity = PendingWins.MaximumCapacity)
{
    /// <summary>The most deals held before they are applied, by default.</summary>
    internal const int MaximumCapacity = 1 << 18;
    private const int InitialCapacity = 1 << 10;

    /// <summary>The buffer, rented (at least <see cref="capacity"/> long), or empty before the first deal and after <see cref="Release"/>.</summary>
    private Win[] wins = [];
    private int capacity;
    private int[] starts = [];
    private int count;

    /// <summary>Gets the number of deals held.</summary>
    public int Count => count;

    /// <summary>Gets how many deals the buffer holds before it is applied now: it grows to the most it may hold, and no further.</summary>
    internal int Capacity => capacity;

    /// <summary>Holds a won deal, applying every deal held when the buffer is full.</summary>
    /// <param name="win">The deal: its group's index in the grouping's list, its interned ids and its cycle and value.</param>
    public void Add(in Win win)
    {
        if (count == capacity)
        {
            if (capacity < maximumCapacity)
            {
                Grow();
            }
            else
            {
                Apply();
            }
        }

        wins[count++] = win;
    }

    /// <summary>Applies every deal held (<see cref="Apply"/>) and gives the buffer back to the pool: for a grouping whose results are computed, which rarely takes more deals.</summary>
    public void Release()
    {
        Apply();
        if (wins.Length > 0)
        {
            ArrayPool<Win>.Shared.Return(wins);
            (wins, capacity) = ([], 0);
        }
    }

    /// <summary>
    /// Holds every deal <paramref name="other"/> holds, its group <c>g</c> as <c>groupMap[g]</c>, its partner and account
    /// ids translated by <paramref name="partnerMap"/> and <paramref name="accountMap"/>; <paramref name="other"/> is left unchanged.
    /// </summary>
    public void AddFrom(PendingWins other, int[] groupMap, int[] partnerMap, int[] accountMap)
    {
        foreach (ref readonly var win in other.wins.AsSpan(0, other.count))
        {
            Add(new Win(groupMap[win.Group], win.Partner < 0 ? -1 : partnerMap[win.Partner], accountMap[win.Account], win.Days, win.Amount));
        }
    }

    /// <summary>Applies every deal held to its group's tallies, and empties the buffer.</summary>
    public void Apply()
    {
        if (count == 0)
        {
            return;
        }

        // A stable counting sort by group, so that each group's deals stay in the order they were added.
        if (starts.Length < groups.Count + 1)
        {
            starts = new int[Math.Max(groups.Count + 1, starts.Length * 2)];
        }

        var offsets = starts.AsSpan(0, groups.Count + 1);
        offsets.Clear();
        var held = wins.AsSpan(0, count);
        foreach (ref readonly var win in held)
        {
            offsets[win.Group + 1]++;
        }

        for (var group = 1; group < offsets.Length; group++)
        {
            offsets[group] += offsets[group - 1];
        }

        var byGroup = ArrayPool<Win>.Shared.Rent(count);
        try
        {
            // Each group's next free place; the loop moves each offset from its start to its end.
            foreach (ref readonly var win in held)
            {
                byGroup[offsets[win.Group]++] = win;
            }

            var start = 0;
            for (var group = 0; group < groups.Count; group++)
            {
                var end = offsets[group];
                if (end > start)
                {
                    groups[group].ApplyWins(byGroup.AsSpan(start, end - start));
                }

                start = end;
            }
        }
        finally
        {
            ArrayPool<Win>.Shared.Return(byGroup);
        }

        count = 0;
    }

    /// <summary>A larger buffer: twice the size, at least <see cref="InitialCapacity"/>, at most the most it may hold.</summary>
    private void Grow()
    {
        capacity = Math.Min(Math.Max(InitialCapacity, capacity * 2), maximumCapacity);
        var larger = ArrayPool<Win>.Shared.Rent(capacity);
        wins.AsSpan(0, count).CopyTo(larger);
        if (wins.Length > 0)
        {
            ArrayPool<Win>.Shared.Return(wins);
        }

        wins = larger;
    }

    /// <summary>Forgets every deal held, keeping the buffer.</summary>
    public void Clear() => count = 0;

    /// <summary>A won deal: its group's index, its partner's interned id (-1 for none), its account's, its cycle in days (not negative) and its value.</summary>
    internal readonly record struct Win(int Group, int Partner, int Account, int Days, decimal Amount);
}
