using PartnerMetrics.Partners;

namespace PartnerMetrics.Insights;

/// <summary>The check that the static portfolio views' inputs name each partner once.</summary>
internal static class PartnerLists
{
    /// <summary>The items, in order; throws on the first whose partner an earlier item has (a standing or a partner's actions counted twice would count twice in every total).</summary>
    public static IEnumerable<T> OncePerPartner<T>(this IEnumerable<T> items, Func<T, PartnerId> partner, string paramName)
    {
        var seen = new HashSet<PartnerId>();
        foreach (var item in items)
        {
            var id = partner(item);
            if (!seen.Add(id))
            {
                throw new ArgumentException($"'{paramName}' lists partner '{id}' more than once; a partner appears once.", paramName);
            }

            yield return item;
        }
    }
}
