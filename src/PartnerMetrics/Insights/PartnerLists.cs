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

    /// <summary>The standings, in order; throws on the first whose report is of another day than the first's (a won value or a band of another day would be ranked or counted as of none).</summary>
    public static IEnumerable<PartnerStanding> OfOneDay(this IEnumerable<PartnerStanding> standings, string paramName)
    {
        PartnerStanding? first = null;
        foreach (var standing in standings)
        {
            first ??= standing;
            if (standing.Report.AsOf != first.Report.AsOf)
            {
                throw new ArgumentException(
                    $"'{paramName}' must all be of one day, the day to rank on; partner '{standing.Partner.Id}''s report is as of {Ensure.Iso(standing.Report.AsOf)}, partner '{first.Partner.Id}''s as of {Ensure.Iso(first.Report.AsOf)}.",
                    paramName);
            }

            yield return standing;
        }
    }
}
