using System.Collections.Immutable;
using System.Text.Json.Serialization;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics;

/// <summary>
/// The document a CRM exports: every partnership with its evidence, the deals that belong to no
/// partnership in it (direct deals, or partners not managed here), and revenue snapshots.
/// </summary>
/// <remarks>
/// Identifiers are unique: one partnership per partner, one opportunity per id across the whole
/// portfolio, one snapshot per account and day. An opportunity whose partner has a partnership here
/// belongs in that partnership's <see cref="Partnership.Opportunities"/>, so that scoring sees it;
/// putting it in <see cref="Opportunities"/> instead is rejected.
/// </remarks>
[JsonConverter(typeof(DocumentConverter<Portfolio, PortfolioDocument>))]
public sealed record Portfolio
{
    private readonly EquatableArray<Partnership> partnerships;
    private readonly EquatableArray<Opportunity> opportunities;
    private readonly EquatableArray<RevenueSnapshot> revenueSnapshots;

    /// <summary>Initializes a new instance of the <see cref="Portfolio"/> class.</summary>
    /// <param name="partnerships">The partnerships, one per partner.</param>
    /// <param name="opportunities">The deals outside every partnership in this portfolio.</param>
    /// <param name="revenueSnapshots">Account ARR snapshots, one per account and day.</param>
    /// <exception cref="ArgumentException">A collection contains <see langword="null"/>, or an identifier is repeated, or an opportunity belongs to a partnership of this portfolio.</exception>
    public Portfolio(
        IEnumerable<Partnership>? partnerships = null,
        IEnumerable<Opportunity>? opportunities = null,
        IEnumerable<RevenueSnapshot>? revenueSnapshots = null)
    {
        this.partnerships = Ensure.Items(partnerships, nameof(partnerships));
        this.opportunities = Ensure.Items(opportunities, nameof(opportunities));
        this.revenueSnapshots = Ensure.Items(revenueSnapshots, nameof(revenueSnapshots));
        CheckIdentifiers();
    }

    /// <summary>Gets the partnerships.</summary>
    public ImmutableArray<Partnership> Partnerships => partnerships;

    /// <summary>Gets the deals that belong to no partnership in this portfolio.</summary>
    public ImmutableArray<Opportunity> Opportunities => opportunities;

    /// <summary>Gets the revenue snapshots.</summary>
    public ImmutableArray<RevenueSnapshot> RevenueSnapshots => revenueSnapshots;

    /// <summary>Enumerates every opportunity: those of each partnership, in order, then <see cref="Opportunities"/>.</summary>
    /// <returns>All deals of the portfolio, each once.</returns>
    public IEnumerable<Opportunity> AllOpportunities()
    {
        foreach (var partnership in partnerships)
        {
            foreach (var opportunity in partnership.Opportunities)
            {
                yield return opportunity;
            }
        }

        foreach (var opportunity in opportunities)
        {
            yield return opportunity;
        }
    }

    /// <summary>
    /// Gets the latest day on which the portfolio's evidence records something that happened: the natural day to
    /// score it as of when no other day is given (the command line's default <c>--as-of</c>).
    /// </summary>
    /// <returns>
    /// The latest of each partnership's <see cref="Partnership.LatestEvidenceDay"/>, the creation, registration,
    /// last update and close of each deal in <see cref="Opportunities"/>, and each revenue snapshot's day;
    /// <see langword="null"/> when the portfolio holds none of them (no partnerships, deals or snapshots).
    /// </returns>
    /// <remarks>
    /// Days that may lie ahead of the export, such as certification expiries, expected close days and the due
    /// days of open commitments, do not count (<see cref="Partnership.LatestEvidenceDay"/>), so the day is never
    /// later than the export unless the CRM recorded an event in the future.
    /// </remarks>
    public DateOnly? LatestEvidenceDay()
    {
        DateOnly? latest = null;
        foreach (var partnership in partnerships)
        {
            latest = Later(latest, partnership.LatestEvidenceDay());
        }

        foreach (var opportunity in opportunities)
        {
            latest = Later(latest, opportunity.LatestEvidenceDay());
        }

        foreach (var snapshot in revenueSnapshots)
        {
            latest = Later(latest, snapshot.Date);
        }

        return latest;

        static DateOnly Later(DateOnly? latest, DateOnly day) => latest is { } known && known >= day ? known : day;
    }

    private void CheckIdentifiers()
    {
        // Each set sized for every id at once: grown from empty, a set copies itself as it grows and leaves each smaller copy behind.
        var partners = new HashSet<PartnerId>(partnerships.Count);
        for (var i = 0; i < partnerships.Count; i++)
        {
            var id = partnerships[i].Partner.Id;
            if (!partners.Add(id))
            {
                throw new ArgumentException($"'{nameof(partnerships)}' item {i} repeats the partner id '{id}'.", nameof(partnerships));
            }
        }

        long dealCount = opportunities.Count;
        foreach (var partnership in partnerships)
        {
            dealCount += partnership.Opportunities.Length;
        }

        var deals = new HashSet<OpportunityId>((int)Math.Min(dealCount, Array.MaxLength));
        foreach (var partnership in partnerships)
        {
            foreach (var opportunity in partnership.Opportunities)
            {
                if (!deals.Add(opportunity.Id))
                {
                    throw new ArgumentException($"'{nameof(partnerships)}' hold the opportunity id '{opportunity.Id}' more than once.", nameof(partnerships));
                }
            }
        }

        for (var i = 0; i < opportunities.Count; i++)
        {
            var opportunity = opportunities[i];
            if (!deals.Add(opportunity.Id))
            {
                throw new ArgumentException($"'{nameof(opportunities)}' item {i} repeats the opportunity id '{opportunity.Id}'.", nameof(opportunities));
            }

            if (opportunity.PartnerId is { } partner && partners.Contains(partner))
            {
                throw new ArgumentException(
                    $"'{nameof(opportunities)}' item {i} ('{opportunity.Id}') belongs to partner '{partner}', whose partnership is in this portfolio; put it in that partnership's opportunities.",
                    nameof(opportunities));
            }
        }

        var snapshots = new HashSet<(AccountId, DateOnly)>(revenueSnapshots.Count);
        for (var i = 0; i < revenueSnapshots.Count; i++)
        {
            var snapshot = revenueSnapshots[i];
            if (!snapshots.Add((snapshot.AccountId, snapshot.Date)))
            {
                throw new ArgumentException(
                    $"'{nameof(revenueSnapshots)}' item {i} repeats account '{snapshot.AccountId}' on {Ensure.Iso(snapshot.Date)}.",
                    nameof(revenueSnapshots));
            }
        }
    }
}
