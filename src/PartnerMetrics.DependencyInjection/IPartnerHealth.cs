using System.Collections.Immutable;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;

namespace PartnerMetrics.DependencyInjection;

/// <summary>Partner health as of today (from the host's <see cref="TimeProvider"/>) or any day.</summary>
public interface IPartnerHealth
{
    /// <summary>Gets the health model in use; with a model set (<see cref="PartnerMetricsOptions.Models"/>), the set's default (<see cref="HealthModelSet.Default"/>).</summary>
    HealthModel Model { get; }

    /// <summary>Gets the models in use and which one scores each partnership: the options' model set, or a set of the one <see cref="Model"/>.</summary>
    HealthModelSet Models => HealthModelSet.Of(Model);

    /// <summary>Gets today's date from the host's clock.</summary>
    DateOnly Today { get; }

    /// <summary>Scores a partnership as of today.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    HealthReport Score(Partnership partnership);

    /// <summary>Scores a partnership as of a day.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    HealthReport Score(Partnership partnership, DateOnly asOf);

    /// <summary>Recommends next actions as of today, most valuable first.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <returns>The recommendations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    ImmutableArray<Recommendation> Recommend(Partnership partnership);

    /// <summary>Scores every partnership of a portfolio as of today, on all cores, for the portfolio views (top partners per district, partner-type fit, journey, bands).</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <returns>The insights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="portfolio"/> is <see langword="null"/>.</exception>
    PortfolioInsights Insights(Portfolio portfolio);

    /// <summary>Scores every partnership of a portfolio as of a day, on all cores, for the portfolio views.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>The insights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="portfolio"/> is <see langword="null"/>.</exception>
    PortfolioInsights Insights(Portfolio portfolio, DateOnly asOf);

    /// <summary>Scores every partnership of a portfolio as of a day, on all cores, for the portfolio views; stops when asked to.</summary>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="asOf">The day.</param>
    /// <param name="cancellationToken">Stops the scoring between partnerships, as <see cref="PortfolioInsights(HealthScorer, Portfolio, DateOnly, int, CancellationToken)"/> does.</param>
    /// <returns>The insights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="portfolio"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    PortfolioInsights Insights(Portfolio portfolio, DateOnly asOf, CancellationToken cancellationToken);
}
