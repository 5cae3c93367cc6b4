using System.Buffers;
using System.Numerics;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// The slots of the <see cref="WinTallies"/> of one accumulator or grouping, carved from a few large arrays rather
/// than one small array per table: a grouping of a million deals has hundreds of thousands of partner and account
/// tallies in about two thousand tables, and as small arrays the garbage collector copied them from generation to
/// generation while deals were added, which took half the time of a grouping on two threads. A table that grows
/// returns its old segment, which the next table of that size reuses. Chunks of <see cref="PooledChunk"/> slots or more
/// are rented from <see cref="ArrayPool{T}.Shared"/> and cleared, and go back to it when the arena lets go of them, so
/// that groupings made one after another reuse the memory rather than have the runtime allocate and clear it anew.
/// </summary>
internal sealed class TallyArena
{
    private const int LargestChunk = 1 << 15;

    /// <summary>The smallest chunk rented from the pool: smaller ones are allocated (a pool hands out no array shorter than 16).</summary>
    private const int PooledChunk = 1 << 10;
    private readonly List<Slot[]> chunks = [];
    private readonly Stack<Segment>?[] free = new Stack<Segment>?[32];
    private int current = -1;   // the chunk small tables are carved from; never a chunk a table holds whole (after Clear, the kept one is no table's)
    private int used;           // the slots of the current chunk carved so far

    /// <summary>Gets the slots the arena holds in all its chunks: the memory it keeps.</summary>
    internal long Capacity => chunks.Sum(chunk => (long)chunk.Length);

    /// <summary>Returns the slots of a segment.</summary>
    public Span<Slot> Slots(Segment segment) =>
        segment.Length == 0 ? [] : chunks[segment.Chunk].AsSpan(segment.Offset, segment.Length);

    /// <summary>Returns empty slots for a table of <paramref name="capacity"/> (a power of two).</summary>
    public Segment Rent(int capacity)
    {
        var size = BitOperations.Log2((uint)capacity);
        if (free[size] is { Count: > 0 } reusable)
        {
            return reusable.Pop();
        }

        if (capacity > LargestChunk)
        {
            chunks.Add(NewChunk(capacity));
            return new Segment(chunks.Count - 1, 0, capacity);
        }

        if (current < 0 || chunks[current].Length - used < capacity)
        {
            // Chunks double up to the largest, so that a small accumulator holds a small array.
            var last = current < 0 ? 0 : chunks[current].Length;
            chunks.Add(NewChunk(Math.Max(capacity, Math.Min(LargestChunk, last * 2))));
            current = chunks.Count - 1;
            used = 0;
        }

        var segment = new Segment(current, used, capacity);
        used += capacity;
        return segment;
    }

    /// <summary>Takes back a segment a table no longer uses, emptied, for the next table of its size.</summary>
    public void Return(Segment segment)
    {
        if (segment.Length == 0)
        {
            return;
        }

        if (segment.Length > LargestChunk)
        {
            // A table's own chunk: let it go.
            LetGo(chunks[segment.Chunk]);
            chunks[segment.Chunk] = [];
            return;
        }

        Slots(segment).Clear();
        (free[BitOperations.Log2((uint)segment.Length)] ??= new Stack<Segment>()).Push(segment);
    }

    /// <summary>
    /// Forgets every table, keeping the largest chunk, emptied, for the tables to come: an accumulator emptied and
    /// filled again (a block of a file read on several threads) then rents from memory it already has.
    /// </summary>
    public void Clear()
    {
        Slot[] kept = [];
        var dirty = 0;   // how many of the kept chunk's slots may hold a tally
        for (var i = 0; i < chunks.Count; i++)
        {
            if (chunks[i].Length > kept.Length)
            {
                kept = chunks[i];
                // Only the current chunk has slots no table was carved from; the others may be used to the end.
                dirty = i == current ? used : kept.Length;
            }
        }

        foreach (var chunk in chunks)
        {
            if (chunk != kept)
            {
                LetGo(chunk);
            }
        }

        chunks.Clear();
        Array.Clear(free);
        current = -1;
        used = 0;
        if (kept.Length > 0)
        {
            kept.AsSpan(0, dirty).Clear();
            chunks.Add(kept);
            current = 0;
        }
    }

    /// <summary>Gives every chunk back, for an arena none of whose tables will be read again: the arena is then as new.</summary>
    public void Release()
    {
        foreach (var chunk in chunks)
        {
            LetGo(chunk);
        }

        chunks.Clear();
        Array.Clear(free);
        current = -1;
        used = 0;
    }

    /// <summary>A chunk of empty slots (<paramref name="length"/> is a power of two): rented and cleared from <see cref="PooledChunk"/> on.</summary>
    private static Slot[] NewChunk(int length)
    {
        if (length < PooledChunk)
        {
            return new Slot[length];
        }

        var chunk = ArrayPool<Slot>.Shared.Rent(length);
        Array.Clear(chunk);
        return chunk;
    }

    /// <summary>Lets go of a chunk: one of <see cref="PooledChunk"/> slots or more back to the pool.</summary>
    private static void LetGo(Slot[] chunk)
    {
        if (chunk.Length >= PooledChunk)
        {
            ArrayPool<Slot>.Shared.Return(chunk);
        }
    }

    /// <summary>A table's place in the arena.</summary>
    internal readonly record struct Segment(int Chunk, int Offset, int Length);

    /// <summary>An id (plus one; 0 is an empty slot) and its tally.</summary>
    internal struct Slot
    {
        public int Key;
        public WinTally Tally;
    }
}
