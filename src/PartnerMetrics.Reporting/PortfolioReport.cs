using System.Collections.Immutable;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Reporting;

/// <summary>
/// What the HTML report shows: every partner's health and its history over the last year, the
/// band distribution, the next actions worth most points across the portfolio, and hunting versus
/// farming per district. Built once from a portfolio and a day; the rendering only formats it.
/// </summary>
internal sealed class PortfolioReport
{
    /// <summary>How far back the score history goes: 52 weeks, so the last point is the as-of day.</summary>
    public const int HistoryDays = 364;

    /// <summary>The step of the score history.</summary>
    public static readonly TimeSpan HistoryStep = TimeSpan.FromDays(14);

    /// <summary>How many actions (each with every partner whose top action it is) the report lists.</summary>
    public const int TopActionCount = 10;

    private PortfolioReport(HealthModel model, DateOnly asOf, ImmutableArray<PartnerHealth> partners, int notStarted, ImmutableArray<BandCount> districtBands, ImmutableArray<ActionGroup> topActions, GroupedPipelineResult<string> pipeline)
    {
        Model = model;
        AsOf = asOf;
        Partners = partners;
        NotStarted = notStarted;
        DistrictBands = districtBands;
        TopActions = topActions;
        Pipeline = pipeline;
    }

    /// <summary>The model the partners were scored with: its bands colour the charts.</summary>
    public HealthModel Model { get; }

    /// <summary>The day the partners are scored as of: the last day of the history.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The first day of the score history.</summary>
    public DateOnly HistoryFrom => HistoryStart(AsOf);

    /// <summary>
    /// Every partner whose partnership started on or before the day, best score first, ties by partner id. A partnership
    /// that starts later is in none of the page's views, as in none of <see cref="PortfolioInsights"/>'s: its score would be
    /// its priors, a score it never had, and its band would count in a distribution it is not part of.
    /// </summary>
    public ImmutableArray<PartnerHealth> Partners { get; }

    /// <summary>How many partnerships start after the day, and so are left out of <see cref="Partners"/>.</summary>
    public int NotStarted { get; }

    /// <summary>The number of partners in each band, per district.</summary>
    public ImmutableArray<BandCount> DistrictBands { get; }

    /// <summary>Each partner's top next action, grouped by action: the actions that win the most points across the portfolio first.</summary>
    public ImmutableArray<ActionGroup> TopActions { get; }

    /// <summary>The deals known on the as-of day, per district and in total.</summary>
    public GroupedPipelineResult<string> Pipeline { get; }

    /// <summary>Scores every partnership as of the day with <paramref name="scorer"/>'s model, with its history and next actions, and sums the pipeline per district.</summary>
    public static PortfolioReport Create(Portfolio portfolio, DateOnly asOf, HealthScorer scorer, CancellationToken cancellationToken = default)
    {
        var report = new Builder(asOf, scorer, cancellationToken);
        report.Add(portfolio.Partnerships);
        return report.Finish(portfolio.Opportunities);
    }

    /// <summary>
    /// The report of a portfolio document read one partnership at a time: each batch of partnerships is scored and
    /// dropped, so memory holds the report rather than the portfolio. It equals <see cref="Create(Portfolio, DateOnly, HealthScorer, CancellationToken)"/> of the whole portfolio.
    /// </summary>
    public static PortfolioReport Create(PortfolioJsonReader portfolio, DateOnly asOf, HealthScorer scorer, CancellationToken cancellationToken = default)
    {
        var report = new Builder(asOf, scorer, cancellationToken);
        report.Add(portfolio.ReadPartnerships(cancellationToken));
        return report.Finish(portfolio.Opportunities);
    }

    /// <summary>Hunting versus farming per district, over the deals as the CRM knew them on the day: a deal won later is still open (<see cref="Opportunity.AsOf"/>).</summary>
    public static GroupedPipelineResult<string> DistrictPipeline(Portfolio portfolio, DateOnly asOf)
    {
        var districts = new DistrictDeals(asOf);
        districts.Add(portfolio.AllOpportunities());
        return districts.Result();
    }

    /// <summary>The report, gathered a batch of partnerships at a time; each batch is scored on all cores and then dropped.</summary>
    private sealed class Builder(DateOnly asOf, HealthScorer scorer, CancellationToken cancellationToken)
    {
        private readonly List<PartnerHealth> partners = [];
        private int notStarted;
        private readonly List<PartnerStanding> standings = [];
        private readonly List<(Partner Partner, ImmutableArray<Recommendation> Actions)> topActions = [];
        private readonly DistrictDeals districts = new(asOf);

        public void Add(IEnumerable<Partnership> partnerships) => notStarted += PortfolioBatches.Score(
            partnerships,
            scorer,
            asOf,
            districts,
            partnership => Scores(scorer.Trend(partnership, HistoryStart(asOf), asOf, HistoryStep, cancellationToken), partnership.StartedOn),
            (partnership, report, next, history) =>
            {
                partners.Add(new PartnerHealth(partnership.Partner, report, history, scorer.Models.Select(partnership).Bands));
                standings.Add(PortfolioInsights.Standing(partnership, report));

                // The page lists each partner's top action only (TopActions, one per partner): the rest of its actions,
                // with their words, are garbage once the batch is done, rather than kept for every partner until the page is written.
                topActions.Add((partnership.Partner, next.IsEmpty ? next : [next[0]]));
            },
            cancellationToken);

        /// <summary>The report, once every partnership is added.</summary>
        /// <param name="opportunities">The portfolio's own deals, those of no partnership.</param>
        public PortfolioReport Finish(IEnumerable<Opportunity> opportunities)
        {
            districts.Add(opportunities);
            var actions = PortfolioInsights.TopActions(topActions, perPartner: 1).Take(TopActionCount).ToImmutableArray();
            var bands = PortfolioInsights.BandDistribution(standings).Where(c => c.Grouping == "district").ToImmutableArray();
            var ranked = partners.OrderByDescending(p => p.Report.Score).ThenBy(p => p.Partner.Id).ToImmutableArray();
            return new PortfolioReport(scorer.Model, asOf, ranked, notStarted, bands, actions, districts.Result());
        }
    }

    /// <summary>
    /// The score at each point of a history: all the chart shows. The history is a trend (<see cref="HealthScorer.Trend"/>):
    /// each point's score, confidence and band without a report, and only the scores are kept until the page is written.
    /// A point before the partnership started has none: the score of a partnership that did not exist yet is its
    /// priors, which the chart must not show as a score it had.
    /// </summary>
    private static ImmutableArray<double?> Scores(ImmutableArray<HealthPoint> history, DateOnly startedOn) =>
        [.. history.Select(point => point.AsOf < startedOn ? (double?)null : point.Score)];

    /// <summary>
    /// The first day of the history: a year before <paramref name="asOf"/>, or, when that is before the calendar's first day,
    /// the first day a whole number of steps before <paramref name="asOf"/>, so that the last point is still the day itself.
    /// </summary>
    private static DateOnly HistoryStart(DateOnly asOf) =>
        asOf.DayNumber < HistoryDays ? DateOnly.FromDayNumber(asOf.DayNumber % HistoryStep.Days) : asOf.AddDays(-HistoryDays);
}

/// <summary>One partner's health as of the report's day and its score history.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Report">Its health as of the report's day.</param>
/// <param name="History">Its score at each point of the history, from <see cref="PortfolioReport.HistoryFrom"/>; none before the partnership started.</param>
/// <param name="Bands">The thresholds of the model that scored it (a <see cref="HealthModelSet"/> may score partners with several).</param>
internal sealed record PartnerHealth(Partner Partner, HealthReport Report, ImmutableArray<double?> History, BandThresholds Bands);
