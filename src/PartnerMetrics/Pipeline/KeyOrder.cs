using System.Runtime.CompilerServices;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// The order of a grouping's keys, the same in every culture and whatever order the deals came in: null first, text
/// by ordinal, tuples element by element (text in them by ordinal too), anything else by its own comparison. A key of
/// a type without an order (a class that is not comparable) has none, and its groups keep the order first seen.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal static class KeyOrder<TKey>
{
    /// <summary>Gets the comparer of the keys; <see langword="null"/> when the key type has no order.</summary>
    public static IComparer<TKey?>? Comparer { get; } = Create();

    private static IComparer<TKey?>? Create()
    {
        if (typeof(TKey) == typeof(string))
        {
            return (IComparer<TKey?>)(object)StringComparer.Ordinal;
        }

        // A tuple's own comparison compares text in it by the current culture: element by element instead, when every
        // element has an order of its own; a tuple with an element without one (a record, an object) has none, though
        // it is IComparable: its comparison would throw.
        var type = Nullable.GetUnderlyingType(typeof(TKey)) ?? typeof(TKey);
        if (typeof(ITuple).IsAssignableFrom(type))
        {
            return KeyOrder.Ordered(type) ? Comparer<TKey?>.Create((x, y) => KeyOrder.Compare(x, y)) : null;
        }

        return typeof(IComparable<TKey>).IsAssignableFrom(typeof(TKey)) || typeof(IComparable).IsAssignableFrom(type) ? Comparer<TKey?>.Default : null;
    }
}

/// <summary>What <see cref="KeyOrder{TKey}"/> needs without its type argument.</summary>
internal static class KeyOrder
{
    /// <summary>Whether boxed values of <paramref name="type"/> compare: text, a type that is <see cref="IComparable"/>, a nullable one, or a tuple of such.</summary>
    public static bool Ordered(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string)
            || (typeof(ITuple).IsAssignableFrom(type) ? type.IsGenericType && type.GetGenericArguments().All(Ordered) : typeof(IComparable).IsAssignableFrom(type));
    }

    /// <summary>Compares two boxed keys of one ordered type: null first, text by ordinal, tuples element by element.</summary>
    public static int Compare(object? x, object? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string a, string b) => string.CompareOrdinal(a, b),
        (ITuple a, ITuple b) => CompareElements(a, b),
        _ => ((IComparable)x).CompareTo(y),
    };

    private static int CompareElements(ITuple left, ITuple right)
    {
        for (var i = 0; i < left.Length; i++)
        {
            var order = Compare(left[i], right[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }
}
