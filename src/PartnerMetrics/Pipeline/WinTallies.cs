using System.Numerics;

namespace PartnerMetrics.Pipeline;

/// <summary>A won count and a won value.</summary>
internal struct WinTally(long count, decimal value)
{
    public long Count = count;
    public decimal Value = value;

    public void Add(long deals, decimal amount)
    {
        Count += deals;
        Value += amount;
    }
}

/// <summary>
/// Won tallies by interned id (<see cref="IdTable"/>): an open-addressing table, at most three quarters full, whose
/// slots hold an id and its tally together (32 bytes), so that finding a tally is one multiply and, nearly always, one
/// cache line. The table is a segment of a <see cref="TallyArena"/> shared with the other tables of a grouping.
/// </summary>
internal sealed class WinTallies
{
    private const int MinimumCapacity = 8;
    private readonly TallyArena arena;

    private TallyArena.Segment segment;
    private int shift = 32;

    /// <summary>Initializes a new instance of the <see cref="WinTallies"/> class, empty, its slots to come from <paramref name="arena"/>.</summary>
    public WinTallies(TallyArena arena) => this.arena = arena;

    /// <summary>Gets the number of ids with a tally.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="deals"/> and <paramref name="amount"/> to the tally of <paramref name="id"/>.</summary>
    public void Add(int id, long deals, decimal amount) => TallyOf(id).Add(deals, amount);

    /// <summary>Returns the ids and their tallies, in no particular order.</summary>
    public List<(int Id, WinTally Tally)> Entries()
    {
        var entries = new List<(int, WinTally)>(Count);
        foreach (ref readonly var slot in arena.Slots(segment))
        {
            if (slot.Key != 0)
            {
                entries.Add((slot.Key - 1, slot.Tally));
            }
        }

        return entries;
    }

    /// <summary>Copies the tallies, in no particular order, into <paramref name="into"/> (<see cref="Count"/> long).</summary>
    public void CopyTo(Span<WinTally> into)
    {
        var next = 0;
        foreach (ref readonly var slot in arena.Slots(segment))
        {
            if (slot.Key != 0)
            {
                into[next++] = slot.Tally;
            }
        }
    }

    /// <summary>Adds every tally to <paramref name="totals"/>, at its id.</summary>
    public void AddTo(WinTally[] totals)
    {
        foreach (ref readonly var slot in arena.Slots(segment))
        {
            if (slot.Key != 0)
            {
                totals[slot.Key - 1].Add(slot.Tally.Count, slot.Tally.Value);
            }
        }
    }

    /// <summary>Adds every tally of <paramref name="other"/>, its id <c>i</c> counted as <c>map[i]</c> (<see cref="IdTable.Translate"/>).</summary>
    public void Merge(WinTallies other, int[] map)
    {
        // A span over the other's slots stays valid while this table grows, even in the same arena: an arena only adds
        // chunks, and clears or lets go of the segment this table hands back, never the other's.
        foreach (ref readonly var slot in other.arena.Slots(other.segment))
        {
            if (slot.Key != 0)
            {
                TallyOf(map[slot.Key - 1]).Add(slot.Tally.Count, slot.Tally.Value);
            }
        }
    }

    private ref WinTally TallyOf(int id)
    {
        if ((Count + 1) * 4L > segment.Length * 3L)
        {
            Grow();
        }

        // An id is stored as id + 1, so that 0 marks an empty slot.
        var key = id + 1;
        var slots = arena.Slots(segment);
        var mask = slots.Length - 1;
        var i = Home(key);
        // Not while (true): a mutation tool turns its literal into false, which does not compile, and then drops every
        // other mutant of this method too.
        for (; ;)
        {
            ref var slot = ref slots[i];
            if (slot.Key == key)
            {
                return ref slot.Tally;
            }

            if (slot.Key == 0)
            {
                slot.Key = key;
                Count++;
                return ref slot.Tally;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>The slot a key's search starts from: Fibonacci hashing, for ids are small consecutive integers, and the multiply spreads them over the table.</summary>
    private int Home(int key) => (int)(unchecked((uint)key * 0x9E3779B9u) >> shift);

    private void Grow()
    {
        var old = segment;
        var capacity = Math.Max(MinimumCapacity, old.Length * 2);
        segment = arena.Rent(capacity);
        shift = 32 - BitOperations.Log2((uint)capacity);
        // Every key is new to the larger table, and it has room for all: each goes into the first empty slot from its hash.
        // The old slots stay valid while the new segment is rented: an arena only adds chunks.
        var slots = arena.Slots(segment);
        var mask = slots.Length - 1;
        foreach (ref readonly var slot in arena.Slots(old))
        {
            if (slot.Key != 0)
            {
                var i = Home(slot.Key);
                while (slots[i].Key != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = slot;
            }
        }

        arena.Return(old);
    }
}
