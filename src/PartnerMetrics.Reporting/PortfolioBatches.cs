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

    /// <summary>
    /// Scores each partnership that has started on the day and recommends its next actions, and counts the deals of every
    /// partnership per district.
    /// </summary>
    /// <param name="partnerships">The partnerships, in the portfolio's order.</param>
    /// <param name="scorer">The scorer.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="districts">Counts every deal of the partnerships.</param>
    /// <param name="scored">Called for each partnership that has started, in order, with its report and its next actions.</param>
    /// <param name="cancellationToken">Stops the scoring and the actions.</param>
    /// <returns>How many partnerships start after the day, and were left out.</returns>
    public static int Score(IEnumerable<Partnership> partnerships, HealthScorer scorer, DateOnly asOf, DistrictDeals districts, Action<Partnership, HealthReport, ImmutableArray<Recommendation>> scored, CancellationToken cancellationToken = default) =>
        Score<object?>(partnerships, scorer, asOf, districts, alongside: null, (partnership, report, next, _) => scored(partnership, report, next), cancellationToken);

    /// <summary>
    /// Scores each partnership that has started on the day and recommends its next actions, computes
    /// <paramref name="alongside"/> of each on all cores as well, and counts the deals of every partnership per district.
    /// A partnership that starts after the day is in none of the views the summary and the page build, as in none of
    /// <see cref="PortfolioInsights"/>': its score would be its priors, a score it never had. Its deals still count, as the
    /// CRM knew them.
    /// </summary>
    /// <typeparam name="T">What <paramref name="alongside"/> computes.</typeparam>
    /// <param name="partnerships">The partnerships, in the portfolio's order.</param>
    /// <param name="scorer">The scorer.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="districts">Counts every deal of the partnerships.</param>
    /// <param name="alongside">More work per partnership that has started, such as its history: thread-safe, for it runs on all cores; null for none.</param>
    /// <param name="scored">Called for each partnership that has started, in order, with its report, its next actions and what <paramref name="alongside"/> computed.</param>
    /// <param name="cancellationToken">Stops the scoring, the actions and the work alongside.</param>
    /// <returns>How many partnerships start after the day, and were left out.</returns>
    public static int Score<T>(
        IEnumerable<Partnership> partnerships,
        HealthScorer scorer,
        DateOnly asOf,
        DistrictDeals districts,
        Func<Partnership, T>? alongside,
        Action<Partnership, HealthReport, ImmutableArray<Recommendation>, T> scored,
        CancellationToken cancellationToken = default)
    {
        // A portfolio in memory is scored batch by batch; one read from a document is read a batch ahead, beside the scoring.
        var batches = partnerships.Chunk(Size);
        var extra = new T[Size];
        var notStarted = 0;
        foreach (var batch in partnerships is IReadOnlyCollection<Partnership> ? batches : ReadAhead<Partnership[]>.Of(batches, cancellationToken))
        {
            var portfolio = new Portfolio(batch);
            var insights = new PortfolioInsights(scorer, portfolio, asOf, cancellationToken: cancellationToken);

            // The first call computes every partner's actions, on all cores, and can be canceled; the next reads them.
            _ = insights.TopActions(cancellationToken: cancellationToken);
            var next = insights.NextActions;
            if (alongside is not null)
            {
                AllCores.For(batch.Length, i => extra[i] = batch[i].StartedOn > asOf ? default! : alongside(batch[i]), cancellationToken);
            }

            for (var i = 0; i < batch.Length; i++)
            {
                if (batch[i].StartedOn > asOf)
                {
                    notStarted++;
                }
                else
                {
                    scored(batch[i], insights.Reports[i], next[i], extra[i]);
                }
            }

            Array.Clear(extra);
            districts.Add(portfolio.AllOpportunities());
        }

        return notStarted;
    }
}
