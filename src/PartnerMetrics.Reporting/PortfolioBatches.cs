using System.Collections.Immutable;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Reporting;

/// <summary>
/// Scores partnerships a batch at a time, each batch on all cores and then dropped: what the portfolio summary and the
/// HTML report gather from a portfolio, whole or read one partnership at a time. Partnerships that are read (not a
/// collection in memory) are read a batch ahead, on another thread, while the batch before is scored.
/// </summary>
internal static class PortfolioBatches
{
    /// <summary>Enough partnerships to keep every core busy, few enough that a batch of large ones fits in memory.</summary>
    public const int Size = 256;

    /// <summary>Scores each partnership and recommends its next actions, and counts its deals per district.</summary>
    /// <param name="partnerships">The partnerships, in the portfolio's order.</param>
    /// <param name="scorer">The scorer.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="districts">Counts every deal of the partnerships.</param>
    /// <param name="scored">Called for each partnership, in order, with its report and its next actions.</param>
    /// <param name="cancellationToken">Stops the scoring and the actions.</param>
    public static void Score(IEnumerable<Partnership> partnerships, HealthScorer scorer, DateOnly asOf, DistrictDeals districts, Action<Partnership, HealthReport, ImmutableArray<Recommendation>> scored, CancellationToken cancellationToken = default)
    {
        // A portfolio in memory is scored batch by batch; one read from a document is read a batch ahead, beside the scoring.
        var batches = partnerships.Chunk(Size);
        foreach (var batch in partnerships is IReadOnlyCollection<Partnership> ? batches : ReadAhead<Partnership[]>.Of(batches, cancellationToken))
        {
            var portfolio = new Portfolio(batch);
            var insights = new PortfolioInsights(scorer, portfolio, asOf, cancellationToken: cancellationToken);

            // The first call computes every partner's actions, on all cores, and can be canceled; the next reads them.
            _ = insights.TopActions(cancellationToken: cancellationToken);
            var next = insights.NextActions;
            for (var i = 0; i < batch.Length; i++)
            {
                scored(batch[i], insights.Reports[i], next[i]);
            }

            districts.Add(portfolio.AllOpportunities());
        }
    }
}
