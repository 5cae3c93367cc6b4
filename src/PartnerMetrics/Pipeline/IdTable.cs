using System.Runtime.InteropServices;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// Gives each distinct account or partner id text a small integer, in the order first seen, so that the tallies of
/// many accumulators (the groups of a <see cref="GroupedPipelineAccumulator{TKey}"/>) hash an id's text once per deal
/// and then index by integer.
/// </summary>
/// <remarks>Grows with the number of distinct ids, never with the number of deals. Not thread-safe, like its accumulators.</remarks>
internal sealed class IdTable
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> texts = [];

    /// <summary>Gets the number of ids interned.</summary>
    public int Count => texts.Count;

    /// <summary>Gets the text of an interned id.</summary>
    public string this[int id] => texts[id];

    /// <summary>Returns the integer of <paramref name="text"/>, interning it when it is new.</summary>
    public int Intern(string text)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, text, out var exists);
        if (!exists)
        {
            id = texts.Count;
            texts.Add(text);
        }

        return id;
    }

    /// <summary>Forgets every id, keeping the memory for the ids to come.</summary>
    public void Clear()
    {
        ids.Clear();
        texts.Clear();
    }

    /// <summary>
    /// Returns, for each id of <paramref name="other"/>, its integer in this table (interning the new ones): merging
    /// many tallies from another table then costs one text lookup per distinct id, not one per tally.
    /// </summary>
    public int[] Translate(IdTable other)
    {
        var map = new int[other.Count];
        for (var id = 0; id < map.Length; id++)
        {
            map[id] = Intern(other.texts[id]);
        }

        return map;
    }
}
