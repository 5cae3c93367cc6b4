using System.Collections.Immutable;

namespace PartnerMetrics.Import;

/// <summary>
/// A profile's maps and lists as its JSON form writes them. A map that is <see langword="null"/> or a list that is default,
/// which only a profile built in code holds, is read as empty: <c>Save</c> refuses such a profile before it is written, and
/// equality writes it so and compares those paths apart.
/// </summary>
internal static class ProfileMaps
{
    /// <summary>The entries of a map; none for <see langword="null"/>.</summary>
    public static IEnumerable<KeyValuePair<TKey, T>> Entries<TKey, T>(ImmutableDictionary<TKey, T>? map)
        where TKey : notnull => map ?? ImmutableDictionary<TKey, T>.Empty;

    /// <summary>The items of a list; none for a default one.</summary>
    public static List<T> Items<T>(ImmutableArray<T> list) => list.IsDefault ? [] : [.. list];

    /// <summary>The entries of a map in ordinal key order, each value turned by <paramref name="value"/>; <see langword="null"/> (left out) when there are none.</summary>
    public static Dictionary<string, TValue>? Sorted<T, TValue>(ImmutableDictionary<string, T>? map, Func<T, TValue> value) =>
        map is null || map.IsEmpty ? null : map.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => value(m.Value));
}
