using System.Text.Json.Serialization;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Reporting;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Cli;

/// <summary>
/// What the demo shows: every partner's health, the top partners per district, and hunting versus farming per district.
/// A partnership that starts after the day is in none of them but the last, as in none of the HTML report's views and
/// <see cref="PortfolioInsights"/>': its score would be its priors, a score it never had. <see cref="NotStarted"/> counts
/// them; their deals still count in hunting versus farming, as the CRM knew them.
/// </summary>
internal sealed record PortfolioSummary(DateOnly AsOf, int NotStarted, IReadOnlyList<PartnerRow> Partners, IReadOnlyList<TopPartnerRow> TopPartners, IReadOnlyList<MixRow> HuntingFarming)
{
    /// <summary>Scores every partnership of <paramref name="portfolio"/> as of <paramref name="asOf"/> with <paramref name="scorer"/>'s model.</summary>
    public static PortfolioSummary Create(Portfolio portfolio, DateOnly asOf, HealthScorer scorer)
    {
        var summary = new Builder(asOf, scorer);
        summary.Add(portfolio.Partnerships);
        return summary.Finish(portfolio.Opportunities);
    }

    /// <summary>
    /// Scores every partnership of a portfolio document as it is read, one batch of partnerships at a time: the same
    /// summary as <see cref="Create(Portfolio, DateOnly, HealthScorer)"/> of the whole portfolio, in memory that holds
    /// two batches of partnerships (one scored, the next being read) and the summary, not the portfolio.
    /// </summary>
    public static PortfolioSummary Create(PortfolioJsonReader portfolio, DateOnly asOf, HealthScorer scorer)
    {
        var summary = new Builder(asOf, scorer);
        summary.Add(portfolio.ReadPartnerships());
        return summary.Finish(portfolio.Opportunities);
    }

    /// <summary>The summary, gathered a batch of partnerships at a time; each batch is scored on all cores and then dropped.</summary>
    private sealed class Builder(DateOnly asOf, HealthScorer scorer)
    {
        private readonly List<PartnerRow> partners = [];
        private readonly List<PartnerStanding> standings = [];
        private readonly DistrictDeals districts = new(asOf);
        private int notStarted;

        public void Add(IEnumerable<Partnership> partnerships) => notStarted += PortfolioBatches.Score(partnerships, scorer, asOf, districts, (partnership, report, next) =>
            {
                partners.Add(Row(partnership.Partner, report, next.FirstOrDefault(), scorer.Models.Select(partnership).Bands));
                standings.Add(PortfolioInsights.Standing(partnership, report));
            });

        /// <summary>The summary, once every partnership is added.</summary>
        /// <param name="opportunities">The portfolio's own deals, those of no partnership.</param>
        public PortfolioSummary Finish(IEnumerable<Opportunity> opportunities)
        {
            districts.Add(opportunities);
            var top = PortfolioInsights.TopPartners(standings, 7).SelectMany(d => d.Partners.Select((s, rank) => new TopPartnerRow(d.District, rank + 1, s.Partner.Id.ToString(), s.Partner.Name, Math.Round(s.RankingScore, 3)))).ToList();
            var mix = districts.Result().Groups
                .Select(g => new MixRow(g.Key, g.Result.WonCount, g.Result.WonValue, g.Result.HuntingShareByValue, g.Result.WinRateByCount, g.Result.Profile?.ToString()))
                .ToList();
            return new PortfolioSummary(asOf, notStarted, partners, top, mix);
        }

        /// <summary>
        /// A partner's row: the score to a tenth and the confidence to a hundredth, each never rounded onto or across a
        /// threshold of the model that banded it (<see cref="BandFigures"/>), as the HTML report shows them: a
        /// confidence of 0.2476 beside InsufficientEvidence is 0.24, not the minimum 0.25. The next action's points are to a
        /// tenth too, never rounded onto 0: an action that wins 0.04 points reads +0.1, not "+0.0", which says it wins none.
        /// </summary>
        private static PartnerRow Row(Partner partner, HealthReport report, Recommendation? next, BandThresholds bands) => new(
            partner.Id.ToString(),
            partner.Name,
            partner.District,
            partner.Type.ToString(),
            BandFigures.Score(report.Score, bands),
            report.Band.ToString(),
            BandFigures.Confidence(report.Confidence, bands),
            DimensionScores.Of(report, bands),
            next?.Code,
            next?.Action,
            next is null ? null : HtmlWriter.Beside(next.Impact, 1, 0),
            report.Score);
    }
}

/// <summary>
/// A partner's row: its figures as shown, and its exact score (<c>ExactScore</c>, not written), by which the table lists the
/// partners best score first, ties by id, in the order of the HTML report's profiles. Ranked by the score shown, two
/// partners whose scores round alike were listed by id, and so in another order than on the page.
/// </summary>
internal sealed record PartnerRow(string Id, string Name, string? District, string Type, double Score, string Band, double Confidence, DimensionScores Dimensions, string? NextAction, string? NextActionText, double? NextActionImpact, [property: JsonIgnore] double ExactScore);

/// <summary>
/// A partner's five dimension scores, rounded to whole points but never onto or across the Watch threshold of the model
/// that banded it (<see cref="BandFigures.Dimension"/>), each under its name (<see cref="HealthDimension"/>, camelCase in
/// JSON); <see langword="null"/> for a dimension without a score.
/// </summary>
internal sealed record DimensionScores(double? Trust, double? Competency, double? Cooperation, double? PlanAlignment, double? TrackedProgress)
{
    /// <summary>The dimension scores of a report, each found by its dimension rather than its position.</summary>
    public static DimensionScores Of(HealthReport report, BandThresholds bands)
    {
        double? Score(HealthDimension dimension) => report.Dimensions.FirstOrDefault(d => d.Dimension == dimension)?.Score is { } s ? BandFigures.Dimension(s, bands) : null;
        return new DimensionScores(Score(HealthDimension.Trust), Score(HealthDimension.Competency), Score(HealthDimension.Cooperation), Score(HealthDimension.PlanAlignment), Score(HealthDimension.TrackedProgress));
    }

    /// <summary>The scores in report order: trust, competency, co-operation, plan alignment, tracked progress.</summary>
    public IEnumerable<double?> InReportOrder() => [Trust, Competency, Cooperation, PlanAlignment, TrackedProgress];
}

internal sealed record TopPartnerRow(string? District, int Rank, string Id, string Name, double RankingScore);

internal sealed record MixRow(string? District, long WonDeals, decimal WonValue, double? HuntingShareByValue, double? WinRate, string? Profile);
