using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Insights;

/// <summary>
/// Portfolio views (DOMAIN section 5): top partners per district, partner-type fit, the partner
/// journey and band distributions. Every partnership is scored once, on the threads the constructor allows (all cores by default), when the
/// insights are created; the views are deterministic. A partnership that starts after the as-of day is
/// in none of the views (it did not exist yet), though <see cref="Reports"/> and <see cref="NextActions"/>,
/// in the portfolio's order, still hold its report and its empty actions.
/// </summary>
public sealed class PortfolioInsights
{
    private const double Z = 1.959963984540054;
    private readonly Portfolio portfolio;
    private readonly ImmutableArray<HealthReport> reports;
    private readonly PartnershipAdvisor advisor;
    private readonly int maxDegreeOfParallelism;
    private ImmutableArray<Recommendation>[]? actions;

    /// <summary>Initializes a new instance of the <see cref="PortfolioInsights"/> class.</summary>
    /// <param name="scorer">The scorer.</param>
    /// <param name="portfolio">The portfolio.</param>
    /// <param name="asOf">The day to look at the portfolio as of.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to score with; -1 for all cores.</param>
    /// <param name="cancellationToken">Stops the scoring of the portfolio (<see cref="HealthScorer.ScoreAll"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public PortfolioInsights(HealthScorer scorer, Portfolio portfolio, DateOnly asOf, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        this.portfolio = Ensure.NotNull(portfolio, nameof(portfolio));
        AsOf = asOf;
        reports = scorer.ScoreAll(portfolio, asOf, maxDegreeOfParallelism, cancellationToken);
        advisor = new PartnershipAdvisor(scorer);
        this.maxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>Gets the day the insights are as of.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Gets each partnership's report, in the portfolio's order.</summary>
    public ImmutableArray<HealthReport> Reports => reports;

    /// <summary>
    /// Gets each partnership's next actions (<see cref="PartnershipAdvisor.Recommend(Partners.Partnership, DateOnly)"/>), in the portfolio's order:
    /// computed on first use, on as many threads as the constructor's <c>maxDegreeOfParallelism</c> allows (all cores by default), from the reports already scored.
    /// </summary>
    public ImmutableArray<ImmutableArray<Recommendation>> NextActions => [.. Actions(CancellationToken.None)];

    /// <summary>
    /// The next actions across the portfolio, each once, with the partners who need it (DOMAIN section 3.3): each
    /// partner's top <paramref name="perPartner"/> actions, grouped by code, so that "12 partners need a joint planning
    /// session" reads once and no partner appears twice in a group.
    /// </summary>
    /// <param name="perPartner">How many of each partner's actions to take, from its first (its most valuable): 1 by default, so that each partner appears once.</param>
    /// <param name="cancellationToken">Stops the first computation of the actions, which runs on the threads the constructor allows; a canceled computation keeps nothing.</param>
    /// <returns>The groups, most points across their partners first, then most partners, then code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perPartner"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public ImmutableArray<ActionGroup> TopActions(int perPartner = 1, CancellationToken cancellationToken = default)
    {
        CheckPerPartner(perPartner);
        var all = Actions(cancellationToken);
        return TopActions(Started().Select(i => (portfolio.Partnerships[i].Partner, all[i])), perPartner);
    }

    /// <summary>
    /// Groups partners' next actions by code, as <see cref="TopActions(int, CancellationToken)"/> groups a portfolio's: for a
    /// portfolio read one partnership at a time (<see cref="Serialization.PortfolioJsonReader"/>), whose partnerships are
    /// gone by the time every partner's actions are known.
    /// </summary>
    /// <param name="partners">Each partner with its next actions, most valuable first (<see cref="PartnershipAdvisor.Recommend(Partnership, DateOnly)"/>).</param>
    /// <param name="perPartner">How many of each partner's actions to take, from its first: 1 by default, so that each partner appears once.</param>
    /// <returns>The groups, most points across their partners first, then most partners, then code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partners"/> is <see langword="null"/>, or holds a <see langword="null"/> partner or action.</exception>
    /// <exception cref="ArgumentException"><paramref name="partners"/> holds a default (uninitialized) list of actions.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perPartner"/> is below 1.</exception>
    public static ImmutableArray<ActionGroup> TopActions(IEnumerable<(Partner Partner, ImmutableArray<Recommendation> Actions)> partners, int perPartner = 1)
    {
        ArgumentNullException.ThrowIfNull(partners);
        CheckPerPartner(perPartner);
        return
        [
            .. partners
                .Select(p => p.Partner is null ? throw new ArgumentNullException(nameof(partners), $"'{nameof(partners)}' holds a null partner.")
                    : p.Actions.IsDefault ? throw new ArgumentException($"'{nameof(partners)}' holds a default (uninitialized) list of actions for partner '{p.Partner.Id}'; give an empty one.", nameof(partners))
                    : p)
                .OncePerPartner(p => p.Partner.Id, nameof(partners))
                .SelectMany(p => p.Actions.Take(perPartner).Select(a => new PartnerAction(p.Partner, a ?? throw new ArgumentNullException(nameof(partners), $"'{nameof(partners)}' holds a null action."))))
                .GroupBy(a => a.Recommendation.Code, StringComparer.Ordinal)
                .Select(g => new ActionGroup(g.Key, [.. g.OrderByDescending(a => a.Recommendation.Impact).ThenBy(a => a.Partner.Id)]))
                .OrderByDescending(g => g.TotalImpact)
                .ThenByDescending(g => g.Count)
                .ThenBy(g => g.Code, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Ranks the partners of each district (seed 004: "Pick Top 5–7 Partners Per District TODAY … by
    /// Skill, Competency and Alignment to Goals"), ties broken by partner id.
    /// </summary>
    /// <param name="perDistrict">How many partners per district.</param>
    /// <param name="key">The ranking score, higher first; <see langword="null"/> for the default: the mean of competency ÷ 100, plan alignment ÷ 100 and pipeline contribution (an absent dimension counts 0).</param>
    /// <returns>Districts in order (partners without one first), each with its top partners.</returns>
    /// <exception cref="ArgumentException"><paramref name="key"/> gives a number that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perDistrict"/> is below 1.</exception>
    public ImmutableArray<DistrictRanking> TopPartners(int perDistrict = 7, Func<PartnerStanding, double>? key = null) =>
        TopPartners(Started().Select(i => Standing(portfolio.Partnerships[i], reports[i])), perDistrict, key);

    /// <summary>
    /// Ranks the partners of each district from their standings, as <see cref="TopPartners(int, Func{PartnerStanding, double}?)"/>
    /// ranks a portfolio's: for a portfolio read one partnership at a time (<see cref="Serialization.PortfolioJsonReader"/>),
    /// whose partnerships are gone by the time every partner is known.
    /// </summary>
    /// <param name="standings">Each partner's standing before ranking (<see cref="Standing"/>), one per partner, all of one day.</param>
    /// <param name="perDistrict">How many partners per district.</param>
    /// <param name="key">The ranking score, higher first; <see langword="null"/> for the default: the mean of competency ÷ 100, plan alignment ÷ 100 and pipeline contribution (an absent dimension counts 0).</param>
    /// <returns>Districts in order (partners without one first), each with its top partners, their contribution and ranking score computed within their district.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standings"/> is <see langword="null"/>, or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="standings"/> lists a partner twice, or holds reports of different days; or <paramref name="key"/> gives a number that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perDistrict"/> is below 1.</exception>
    public static ImmutableArray<DistrictRanking> TopPartners(IEnumerable<PartnerStanding> standings, int perDistrict = 7, Func<PartnerStanding, double>? key = null)
    {
        ArgumentNullException.ThrowIfNull(standings);
        Ensure.AtLeast(perDistrict, 1, nameof(perDistrict));
        var districts = standings
            .Select(s => s ?? throw new ArgumentNullException(nameof(standings), $"'{nameof(standings)}' holds null."))
            .OncePerPartner(s => s.Partner.Id, nameof(standings))
            .OfOneDay(nameof(standings))
            .GroupBy(s => s.Partner.District)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var rankings = new List<DistrictRanking>();
        foreach (var district in districts)
        {
            var best = district.Max(s => s.WonValue);
            var ranked = district
                .Select(s =>
                {
                    var contribution = best > 0 ? (double)(s.WonValue / best) : 0.0;
                    var unranked = new PartnerStanding(s.Partner, s.Report, s.WonValue, contribution, 0.0);
                    var score = key is null ? DefaultKey(unranked) : key(unranked);
                    return double.IsFinite(score)
                        ? new PartnerStanding(unranked.Partner, unranked.Report, unranked.WonValue, unranked.PipelineContribution, score)
                        : throw new ArgumentException($"'{nameof(key)}' must give a finite number; got {score.ToString(CultureInfo.InvariantCulture)} for partner '{s.Partner.Id}'.", nameof(key));
                })
                .OrderByDescending(s => s.RankingScore)
                .ThenBy(s => s.Partner.Id)
                .Take(perDistrict);
            rankings.Add(new DistrictRanking(district.Key, [.. ranked]));
        }

        return [.. rankings];
    }

    /// <summary>
    /// A partner's standing before it is ranked: its report and the value it won by the report's day; its
    /// <see cref="PartnerStanding.PipelineContribution"/> and <see cref="PartnerStanding.RankingScore"/> are 0 until
    /// <see cref="TopPartners(IEnumerable{PartnerStanding}, int, Func{PartnerStanding, double}?)"/> ranks it within its district.
    /// </summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="report">Its health report, as of the day to rank on.</param>
    /// <returns>The standing.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="report"/> is another partner's, or <paramref name="partnership"/> starts after the report's day (the portfolio views leave such a partnership out).</exception>
    public static PartnerStanding Standing(Partnership partnership, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(report);
        if (report.PartnerId != partnership.Partner.Id)
        {
            throw new ArgumentException($"The report is partner '{report.PartnerId}''s, not '{partnership.Partner.Id}''s.", nameof(report));
        }

        if (partnership.StartedOn > report.AsOf)
        {
            throw new ArgumentException(
                $"The partnership of '{partnership.Partner.Id}' starts on {Ensure.Iso(partnership.StartedOn)}, after the report's day {Ensure.Iso(report.AsOf)}: the portfolio views leave out a partnership that did not exist yet, so leave it out of the standings.",
                nameof(partnership));
        }

        return new PartnerStanding(partnership.Partner, report, WonValue(partnership, report.AsOf), 0.0, 0.0);
    }

    /// <summary>Win rate and health by partner type, with Wilson 95 % intervals; flags a type whose whole win-rate interval lies below the portfolio's win rate.</summary>
    /// <returns>One row per partner type present, in <see cref="PartnerType"/> order.</returns>
    public ImmutableArray<PartnerTypeFit> PartnerTypeFit()
    {
        var rows = Started().Select(i => (Partnership: portfolio.Partnerships[i], Report: reports[i], Won: Count(portfolio.Partnerships[i], DealOutcome.Won), Lost: Count(portfolio.Partnerships[i], DealOutcome.Lost))).ToArray();
        var (allWon, allClosed) = (rows.Sum(r => r.Won), rows.Sum(r => r.Won + r.Lost));
        double? portfolioRate = allClosed > 0 ? (double)allWon / allClosed : null;
        return
        [
            .. rows.GroupBy(r => r.Partnership.Partner.Type).OrderBy(g => g.Key).Select(g =>
            {
                var (won, closed) = (g.Sum(r => r.Won), g.Sum(r => r.Won + r.Lost));
                var rate = Wilson(won, closed);
                var healthy = g.Count(r => r.Report.Band == HealthBand.Healthy);
                var healthyShare = Wilson(healthy, g.Count())!.Value;
                return new PartnerTypeFit(
                    g.Key,
                    g.Count(),
                    won,
                    closed,
                    closed > 0 ? (double)won / closed : null,
                    rate?.Low,
                    rate?.High,
                    g.Average(r => r.Report.Score),
                    (double)healthy / g.Count(),
                    healthyShare.Low,
                    healthyShare.High,
                    rate is { } interval && portfolioRate is { } overall && interval.High < overall);
            }),
        ];
    }

    /// <summary>The partner journey: who can be judged, repeat business, time to first win, abandoned partners (seed 003).</summary>
    /// <returns>The journey metrics.</returns>
    public PartnerJourney Journey()
    {
        var day = AsOf.DayNumber;
        var firstWins = new List<int>();
        int withWins = 0, repeat = 0, abandoned = 0, partners = 0, judged = 0;
        foreach (var i in Started())
        {
            var partnership = portfolio.Partnerships[i];
            partners++;
            judged += reports[i].Band != HealthBand.InsufficientEvidence ? 1 : 0;
            var wins = partnership.Opportunities.Where(o => o is { Outcome: DealOutcome.Won, ClosedOn: { } c } && c <= AsOf).Select(o => o.ClosedOn!.Value.DayNumber).ToArray();
            withWins += wins.Length >= 1 ? 1 : 0;
            repeat += wins.Length >= 2 ? 1 : 0;
            if (partnership.Partner.OnboardedOn is not { } onboarded)
            {
                continue;
            }

            if (wins.Length > 0 && wins.Min() >= onboarded.DayNumber)
            {
                firstWins.Add(wins.Min() - onboarded.DayNumber);
            }

            if (onboarded.DayNumber + 180 <= day && !HasActivity(partnership, onboarded.DayNumber + 1, onboarded.DayNumber + 180))
            {
                abandoned++;
            }
        }

        firstWins.Sort();
        return new PartnerJourney(
            partners,
            judged,
            withWins > 0 ? (double)repeat / withWins : null,
            firstWins.Count,
            firstWins.Count == 0 ? null : firstWins.Count % 2 == 1 ? firstWins[firstWins.Count / 2] : (firstWins[(firstWins.Count / 2) - 1] + firstWins[firstWins.Count / 2]) / 2.0,
            firstWins.Count == 0 ? null : firstWins[(int)(((9L * firstWins.Count) + 9) / 10) - 1],
            abandoned);
    }

    /// <summary>How many partnerships fall in each band, by district, by partner type and by tier.</summary>
    /// <returns>Non-zero counts, by grouping ("district", "type", "tier"), key and band.</returns>
    public ImmutableArray<BandCount> BandDistribution() =>
        BandDistribution(Started().Select(i => new PartnerStanding(portfolio.Partnerships[i].Partner, reports[i], 0m, 0.0, 0.0)));

    /// <summary>
    /// The band distribution of partners' standings, as <see cref="BandDistribution()"/> counts a portfolio's: for a
    /// portfolio read one partnership at a time (<see cref="Serialization.PortfolioJsonReader"/>).
    /// </summary>
    /// <param name="standings">Each partner's standing (<see cref="Standing"/>): its partner and its report, all of one day.</param>
    /// <returns>The counts, as <see cref="BandDistribution()"/> gives them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="standings"/> is <see langword="null"/>, or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="standings"/> lists a partner twice, or holds reports of different days.</exception>
    public static ImmutableArray<BandCount> BandDistribution(IEnumerable<PartnerStanding> standings)
    {
        ArgumentNullException.ThrowIfNull(standings);
        var all = standings.Select(s => s ?? throw new ArgumentNullException(nameof(standings), $"'{nameof(standings)}' holds null.")).OncePerPartner(s => s.Partner.Id, nameof(standings)).OfOneDay(nameof(standings)).ToList();
        IEnumerable<BandCount> By(string grouping, Func<Partner, string?> key) =>
            all.Select(s => (Key: key(s.Partner), s.Report.Band))
                .GroupBy(x => x)
                .Select(g => new BandCount(grouping, g.Key.Key, g.Key.Band, g.Count()))
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .ThenBy(c => c.Band);

        return [.. By("district", p => p.District), .. By("type", p => p.Type.ToString()), .. By("tier", p => p.Tier)];
    }

    /// <summary>Every partnership's actions, computed once; concurrent first calls compute the same values.</summary>
    private ImmutableArray<Recommendation>[] Actions(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref actions) is { } done)
        {
            return done;
        }

        var partnerships = portfolio.Partnerships;
        var computed = new ImmutableArray<Recommendation>[partnerships.Length];
        // As ScoreAll: a failure is the first partnership's in order, as itself.
        ParallelParts.Run(partnerships.Length, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, i => computed[i] = advisor.Recommend(partnerships[i], AsOf, reports[i]));
        return Interlocked.CompareExchange(ref actions, computed, null) ?? computed;
    }

    private static void CheckPerPartner(int perPartner) => Ensure.AtLeast(perPartner, 1, nameof(perPartner));

    private static double DefaultKey(PartnerStanding standing) =>
        (((standing.Report[HealthDimension.Competency].Score ?? 0) / 100) + ((standing.Report[HealthDimension.PlanAlignment].Score ?? 0) / 100) + standing.PipelineContribution) / 3;

    private static decimal WonValue(Partnership partnership, DateOnly asOf) =>
        partnership.Opportunities.Where(o => o is { Outcome: DealOutcome.Won, ClosedOn: { } c } && c <= asOf).Sum(o => o.Amount ?? 0m);

    /// <summary>
    /// The indices of the partnerships started by the as-of day: the portfolio views leave out one that starts later, as
    /// a backtest counts it inactive (it existed on no day of the view; its report stays in <see cref="Reports"/>).
    /// </summary>
    private IEnumerable<int> Started() => Enumerable.Range(0, portfolio.Partnerships.Length).Where(i => portfolio.Partnerships[i].StartedOn <= AsOf);

    private long Count(Partnership partnership, DealOutcome outcome) =>
        partnership.Opportunities.LongCount(o => o.Outcome == outcome && o.ClosedOn is { } c && c <= AsOf);

    private static bool HasActivity(Partnership partnership, int first, int last)
    {
        var probe = new ActivityProbe(first, last);
        ActivityLog.Visit(partnership, ref probe);
        return probe.Found;
    }

    /// <summary>The Wilson score interval at 95 %; <see langword="null"/> without trials.</summary>
    internal static (double Low, double High)? Wilson(long successes, long trials)
    {
        if (trials == 0)
        {
            return null;
        }

        var p = (double)successes / trials;
        var z2 = Z * Z;
        var denominator = 1 + (z2 / trials);
        var centre = (p + (z2 / (2 * trials))) / denominator;
        var half = Z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / denominator;
        // With no success the interval starts at 0 exactly, and with every trial a success it ends at 1: the rounding of
        // centre − half would put a bound a hair past the observed share (5.6e-17 above a share of 0).
        return (successes == 0 ? 0 : Math.Max(0, centre - half), successes == trials ? 1 : Math.Min(1, centre + half));
    }

    private struct ActivityProbe(int first, int last) : IActivitySink
    {
        public bool Found { get; private set; }

        public void Mark(int day) => Found |= day >= first && day <= last;
    }
}
