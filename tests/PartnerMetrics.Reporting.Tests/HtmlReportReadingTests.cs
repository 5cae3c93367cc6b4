using System.Globalization;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Reporting.Tests;

/// <summary>
/// What a reader of the page takes from it agrees with what the library computed: a number beside a band or profile never
/// reads as the other side of its threshold, changes are the differences of the numbers shown, shares add up, a history
/// starts with its partnership, each partner is drawn against its own model's thresholds, and user text cannot reorder
/// the figures around it (the review of the reports).
/// </summary>
public class HtmlReportReadingTests
{
    [Theory]
    [InlineData(69.9675, 1, new[] { 40.0, 70.0 }, 69.9)]      // Watch, shown as 70.0 beside "Watch"
    [InlineData(70.0, 1, new[] { 40.0, 70.0 }, 70.0)]         // on the bound: the bound
    [InlineData(39.96, 1, new[] { 40.0, 70.0 }, 39.9)]
    [InlineData(0.24756, 2, new[] { 0.0, 0.25, 1.0 }, 0.24)]  // below the minimum confidence, shown as 0.25
    [InlineData(30.004, 1, new[] { 0.0, 30.0, 70.0, 100.0 }, 30.1)]  // a hunting share above the Farmer bound
    [InlineData(99.97, 1, new[] { 0.0, 100.0 }, 99.9)]        // a value win rate with value lost
    [InlineData(0.04, 1, new[] { 0.0, 100.0 }, 0.1)]
    [InlineData(9999.6, 0, new[] { 0.0, 10_000.0 }, 9999.0)]  // two partners' HHI, shown as one partner's
    [InlineData(69.999999999999986, 1, new[] { 70.0 }, 69.9)] // value × 10 rounds onto 700 itself
    [InlineData(55.54, 1, new[] { 40.0, 70.0 }, 55.5)]        // far from a bound: rounded as the JSON rounds it
    public void ANumberBesideBounds_NeverReadsAsTheOtherSide(double value, int decimals, double[] bounds, double shown)
    {
        var beside = HtmlWriter.Beside(value, decimals, bounds);

        Assert.Equal(shown, beside);
        Assert.All(bounds, bound => Assert.Equal(Math.Sign(value - bound), Math.Sign(beside - bound)));
    }

    [FsCheck.Xunit.Property]
    public FsCheck.Property AnyNumberBesideABound_KeepsItsSide_AndIsWithinAStep() =>
        Prop.ForAll(
            (from value in Gen.Choose(0, 1_000_000).Select(n => n / 10_000.0)
             from nudge in Gen.Elements(0.0, 1e-12, -1e-12, 0.04999, -0.04999, 0.05, -0.05)
             from bound in Gen.Choose(0, 1000).Select(n => n / 10.0)
             select (Value: Math.Max(0, value + nudge), Bound: bound)).ToArbitrary(),
            t =>
            {
                var beside = HtmlWriter.Beside(t.Value, 1, t.Bound);

                Assert.Equal(Math.Sign(t.Value - t.Bound), Math.Sign(beside - t.Bound));
                Assert.InRange(Math.Abs(beside - t.Value), 0, 0.1 + 1e-9);
            });

    [Fact]
    public void Header_CountsDistrictsNotTheirAbsence()
    {
        var portfolio = new Portfolio([new Partnership(new Partner(new PartnerId("P1"), "Solo", PartnerType.Reseller), ReportPage.AsOf.AddDays(-400))]);

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf));

        Assert.Contains("1 partner in 0 districts", page.All("p").First(p => (string?)p.Attribute("class") == "subtitle").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void BandDistribution_OnePartner_IsCountedInTheSingular()
    {
        // A portfolio of one partnership: the chart's name read "Band distribution of 1 partners" and each bar's tooltip
        // "At risk: 1 of 1 partners", where the note beside the bar already said "1 partner".
        var portfolio = new Portfolio([new Partnership(new Partner(new PartnerId("P1"), "Solo", PartnerType.Reseller, district: "North"), ReportPage.AsOf.AddDays(-400))]);

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf));

        var section = page.All("section").Single(s => (string?)s.Attribute("id") == "bands");
        var chart = section.Descendants().Single(e => e.Name.LocalName == "svg");
        Assert.StartsWith("Band distribution of 1 partner: ", (string?)chart.Attribute("aria-label"), StringComparison.Ordinal);
        var tooltips = chart.Descendants().Where(e => e.Name.LocalName == "rect").SelectMany(r => r.Elements()).Select(t => t.Value).ToList();
        Assert.Equal(2, tooltips.Count);
        Assert.All(tooltips, t => Assert.EndsWith(": 1 of 1 partner", t, StringComparison.Ordinal));
        Assert.DoesNotContain("1 partners", section.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NextActions_OneAction_IsCountedInTheSingular()
    {
        // One partnership has one top action: the lede read "the 1 actions that win the most points".
        var portfolio = new Portfolio([ReportPage.Portfolio().Partnerships[0]]);

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf));

        var section = page.All("section").Single(s => (string?)s.Attribute("id") == "actions");
        Assert.Single(section.Descendants(), e => e.Attribute("data-code") is not null);
        var lede = section.Elements().Single(e => (string?)e.Attribute("class") == "lede").Value;
        Assert.Contains("grouped by action: the 1 action that wins the most points across the portfolio.", lede, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreHistory_LabelOfALateStart_HasOneCommaBeforeTheScale()
    {
        // The clause naming the first point ended with a comma of its own, before the label's ", on a scale": ",,".
        var portfolio = new Portfolio([new Partnership(new Partner(new PartnerId("P1"), "New", PartnerType.Reseller), ReportPage.AsOf.AddDays(-42))]);

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf));

        var figure = page.All("figure").Single(f => (string?)f.Attribute("data-partner") == "P1");
        var label = figure.Descendants().First(e => e.Name.LocalName == "title").Value;
        Assert.DoesNotContain(",,", label, StringComparison.Ordinal);
        Assert.Contains("the first point after the partnership started, on a scale from ", label, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreHistory_HasNoPointBeforeThePartnershipStarted()
    {
        // Started six weeks before the day: the year's other points would be its priors, drawn as a score it had.
        var started = ReportPage.AsOf.AddDays(-42);
        var portfolio = new Portfolio([new Partnership(new Partner(new PartnerId("P1"), "New", PartnerType.Reseller), started)]);
        var scorer = new HealthScorer();

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf, scorer));

        var figure = page.All("figure").Single(f => (string?)f.Attribute("data-partner") == "P1");
        var line = (string)figure.Descendants().Single(e => (string?)e.Attribute("class") == "spark-line").Attribute("d")!;
        Assert.Equal(4, line.Count(c => c is 'M' or 'L'));   // the points of days 42, 28, 14 and 0 before the day
        var firstPoint = ReportPage.AsOf.AddDays(-42);
        var label = figure.Descendants().First(e => e.Name.LocalName == "title").Value;
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"from {firstPoint:yyyy-MM-dd}, the first point after the partnership started"), label, StringComparison.Ordinal);
        var values = figure.Descendants().Single(e => (string?)e.Attribute("class") == "spark-values").Value;
        Assert.StartsWith(HtmlWriter.Number(scorer.Score(portfolio.Partnerships[0], firstPoint).Score, "0.0") + " →", values, StringComparison.Ordinal);
    }

    [Fact]
    public void NextActions_PointsAreTheDifferenceOfTheScoresShown_AndAGroupTheSumOfItsLines()
    {
        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, ReportPage.Portfolio(), ReportPage.AsOf));

        var rows = page.All("table").Single(t => (string?)t.Attribute("class") == "actions").Descendants().Where(e => e.Name.LocalName == "tr" && e.Attribute("data-code") is not null).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var lines = row.Descendants().Where(e => e.Name.LocalName == "li").ToList();
            var sum = 0.0;
            foreach (var line in lines)
            {
                var spans = line.Elements().ToList();
                var change = double.Parse(spans[^2].Value.Trim(), CultureInfo.InvariantCulture);
                var scores = spans[^1].Value.Trim(' ', '(').Split(',')[0].Split(" → ");
                Assert.Equal(Math.Round(double.Parse(scores[1], CultureInfo.InvariantCulture) - double.Parse(scores[0], CultureInfo.InvariantCulture), 1), change);
                sum += change;
            }

            var total = row.Descendants().Last(e => e.Name.LocalName == "span" && (string?)e.Attribute("class") == "num").Value;
            Assert.Equal("+" + HtmlWriter.Number(sum, "0.0"), total);
        }
    }

    [Fact]
    public void ScoreHistory_OfADayInTheCalendarsFirstYear_EndsOnThatDay()
    {
        // 59 days into the calendar the history, a year long, started on its first day, so its last point was day 56,
        // 2 days before three broken promises: the line ended on that day's score, read as today's beside the profile's.
        var asOf = new DateOnly(1, 3, 1);
        var broken = Enumerable.Repeat(new Evidence.Commitment(Side.Partner, new DateOnly(1, 2, 27), Evidence.CommitmentOutcome.Broken, new DateOnly(1, 2, 28)), 3);
        var portfolio = new Portfolio([new Partnership(new Partner(new PartnerId("P1"), "Early", PartnerType.Reseller), DateOnly.MinValue, commitments: broken)]);

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, asOf));

        var today = page.All("figure").Single(f => (string?)f.Attribute("data-partner") == "P1").Descendants().Single(e => e.Name.LocalName == "strong").Value;
        var profile = page.All("tr").Single(r => (string?)r.Attribute("class") == "profile").Descendants().Single(e => ((string?)e.Attribute("class"))?.Contains("score", StringComparison.Ordinal) == true).Value;
        Assert.Equal(profile, today);
        Assert.Equal(HtmlWriter.Number(new HealthScorer().Score(portfolio.Partnerships[0], asOf).Score, "0.0"), today);
    }

    /// <summary>
    /// A partner too little known to judge gets the action that gains the most confidence first, though it may lose points:
    /// here a pilot whose five meetings tip a balanced initiative (-0.1). The group's points read "+-0.1", in its cell and in
    /// its meter's label, while the partner's own line read -0.1.
    /// </summary>
    [Fact]
    public void NextActions_AGroupThatLosesPoints_ReadsWithItsOwnSign()
    {
        // Started three days before the day: trust well evidenced, two meetings each side, a plan (none yet) weighed most.
        var kept = string.Join(",", Enumerable.Repeat("""{"promisedBy":"Partner","dueOn":"2025-06-28","outcome":"Kept","resolvedOn":"2025-06-28"},{"promisedBy":"Vendor","dueOn":"2025-06-28","outcome":"Kept","resolvedOn":"2025-06-28"}""", 20));
        var meetings = string.Join(",", Enumerable.Repeat("""{"date":"2025-06-28","kind":"Meeting","initiatedBy":"Partner"},{"date":"2025-06-28","kind":"Meeting","initiatedBy":"Vendor"}""", 2));
        var portfolio = PartnerMetricsJson.Deserialize<Portfolio>($$"""{"partnerships":[{"partner":{"id":"P1","name":"New","type":"Reseller"},"startedOn":"2025-06-27","commitments":[{{kept}}],"interactions":[{{meetings}}]}]}""");
        var model = PartnerMetricsJson.Deserialize<HealthModel>("""{"dimensionWeights":{"trust":1,"competency":0,"cooperation":1,"planAlignment":4,"trackedProgress":0},"cooperationWeights":{"partnerResponsiveness":0,"vendorResponsiveness":0,"frictionHandling":0}}""");
        var scorer = new HealthScorer(model);
        var action = new Insights.PartnershipAdvisor(scorer).Recommend(portfolio.Partnerships[0], ReportPage.AsOf)[0];
        Assert.True(action.Impact < 0, $"The fixture's top action wins {action.Impact} points.");

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf, scorer));

        var row = page.All("tr").Single(r => r.Attribute("data-code") is not null);
        var line = row.Descendants().Single(e => e.Name.LocalName == "li").Elements().First(e => (string?)e.Attribute("class") == "num").Value.Trim();
        Assert.StartsWith("-", line, StringComparison.Ordinal);
        var cell = row.Elements().Last();
        Assert.Equal(line, cell.Elements().Single(e => e.Name.LocalName == "span").Value);
        Assert.Equal(line + " points", (string?)cell.Descendants().Single(e => e.Name.LocalName == "svg").Attribute("aria-label"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void NextActions_ScoresBeforeAndAfter_NeverReadAsTheOtherSideOfABand(bool healthyBetween)
    {
        // A model whose Healthy (or Watch) threshold lies between the partner's score and that score rounded to a tenth:
        // the profile showed the score beside its band (69.9 for 69.96 on Watch), the action's "(before → after)" rounded it
        // plainly onto the other side of the threshold (70.0), so one partner read Watch in one table and Healthy in the next.
        var partnership = ReportPage.Portfolio().Partnerships[0];
        var score = new HealthScorer().Score(partnership, ReportPage.AsOf).Score;
        var rounded = Math.Round(score, 1);
        Assert.NotEqual(score, rounded);
        var threshold = rounded > score ? rounded : (rounded + score) / 2;
        var bands = healthyBetween ? new BandThresholds(threshold, Math.Min(40, threshold / 2), 0.25) : new BandThresholds(Math.Max(70, threshold + 1), threshold, 0.25);
        var scorer = new HealthScorer(HealthModel.Default with { Bands = bands });
        var portfolio = new Portfolio([partnership]);

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf, scorer));

        var action = new Insights.PartnershipAdvisor(scorer).Recommend(partnership, ReportPage.AsOf)[0];
        var line = page.All("table").Single(t => (string?)t.Attribute("class") == "actions").Descendants().Single(e => e.Name.LocalName == "li");
        var shown = line.Elements().Last().Value.Trim(' ', '(').Split(',')[0].Split(" → ").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var profile = page.All("tr").Single(r => (string?)r.Attribute("class") == "profile").Descendants().Single(e => ((string?)e.Attribute("class"))?.Contains("score", StringComparison.Ordinal) == true).Value;
        Assert.Equal(profile, HtmlWriter.Number(shown[0], "0.0"));
        Assert.Equal(Math.Sign(score - threshold), Math.Sign(shown[0] - threshold));
        Assert.Equal(Math.Sign(action.ScoreAfter - threshold), Math.Sign(shown[1] - threshold));
    }

    [Theory]
    [InlineData(2_035, 7_965)]   // 20.35 % and 79.65 %: each rounded alone, 20.3 % and 79.6 %
    [InlineData(6_996, 3_004)]   // 69.96 %: a Balanced district, not shown at the Hunter bound
    public void HuntingAndFarmingLabels_AddUpToAHundred_AndKeepTheirProfilesSide(int hunting, int farming)
    {
        var deals = new[]
        {
            new Opportunity(new OpportunityId("H"), new AccountId("A"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, hunting, district: "North", closedOn: new DateOnly(2025, 2, 1)),
            new Opportunity(new OpportunityId("F"), new AccountId("B"), new DateOnly(2025, 1, 1), DealMotion.Renewal, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, farming, district: "North", closedOn: new DateOnly(2025, 2, 1)),
        };
        var portfolio = new Portfolio([new Partnership(new Partner(new PartnerId("P1"), "P", PartnerType.Reseller, district: "North"), new DateOnly(2024, 1, 1))], deals);

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf));

        var labels = page.All("section").Single(s => (string?)s.Attribute("id") == "mix").Descendants()
            .Where(e => e.Name.LocalName == "text" && e.Value.EndsWith(" %", StringComparison.Ordinal) && !e.Value.StartsWith("win rate", StringComparison.Ordinal))
            .Select(e => double.Parse(e.Value.Split(" · ")[1].TrimEnd('%', ' '), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, labels.Count);
        Assert.Equal(100.0, Math.Round(labels.Sum(), 1));
        var share = (double)hunting / (hunting + farming);
        Assert.Equal(share >= 0.7, labels[0] >= 70.0);
        Assert.Equal(share <= 0.3, labels[0] <= 30.0);
    }

    /// <summary>
    /// A district whose one hunting deal was won for 0.40, beside a renewal won for 20: the mix table read a hunting won
    /// value of 0 (nothing won) beside a hunting share of 2.0 %, and the bar's tooltip "hunting: 0 won in 1 deals", while
    /// the bar's label and the header read "under 1".
    /// </summary>
    [Fact]
    public void HuntingAndFarming_AWonValueUnderOne_IsNotRoundedOntoZero()
    {
        var deals = new[]
        {
            new Opportunity(new OpportunityId("H"), new AccountId("A"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, 0.4m, district: "North", closedOn: new DateOnly(2025, 2, 1)),
            new Opportunity(new OpportunityId("F"), new AccountId("B"), new DateOnly(2025, 1, 1), DealMotion.Renewal, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, 20m, district: "North", closedOn: new DateOnly(2025, 2, 1)),
        };
        var portfolio = new Portfolio([new Partnership(new Partner(new PartnerId("P1"), "P", PartnerType.Reseller, district: "North"), new DateOnly(2024, 1, 1))], deals);

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf));

        var mix = page.All("section").Single(s => (string?)s.Attribute("id") == "mix");
        var rows = mix.Descendants().Where(e => e.Name.LocalName == "tr" && e.Parent?.Name.LocalName is "tbody" or "tfoot").ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.Equal(["2", "under 1", "20"], row.Elements().Skip(1).Take(3).Select(e => e.Value)));
        var tooltips = mix.Descendants().Where(e => e.Name.LocalName == "title").Select(e => e.Value).ToList();
        Assert.Contains(tooltips, t => t.EndsWith("hunting: under 1 won in 1 deal", StringComparison.Ordinal));
        Assert.Contains(tooltips, t => t.EndsWith("farming: 20 won in 1 deal", StringComparison.Ordinal));
    }

    [Fact]
    public void PartnersOfSeveralModels_AreReadAgainstTheirOwnModelsThresholds()
    {
        // A model set: the first partner banded Healthy from 55, the others by the default model. The page stated the
        // default model's thresholds for every partner and drew every zone from them.
        var portfolio = ReportPage.Portfolio();
        var first = portfolio.Partnerships[0].Partner.Id;
        var lenient = HealthModel.Default with { Name = "lenient", Bands = new BandThresholds(55, 30, 0.1) };
        var scorer = new HealthScorer(HealthModelSet.Create([HealthModel.Default, lenient], p => p.Id == first ? lenient : HealthModel.Default));

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf, scorer));

        var lede = page.All("section").Single(s => (string?)s.Attribute("id") == "bands").Elements().Single(e => (string?)e.Attribute("class") == "lede").Value;
        var version = HealthModel.Default.Version;
        Assert.Contains($"\u2068lenient\u2069 \u2068{version}\u2069: score 55 or more, Watch 30 or more, At risk below; too little evidence below confidence 0.1", lede, StringComparison.Ordinal);
        Assert.Contains($"\u2068default\u2069 \u2068{version}\u2069: score 70 or more, Watch 40 or more", lede, StringComparison.Ordinal);

        // Each sparkline's Healthy zone starts at its own model's threshold: the lenient partner's is lower on its scale.
        string? ZoneTop(PartnerId partner) => (string?)page.All("figure").Single(f => (string?)f.Attribute("data-partner") == partner.ToString())
            .Descendants().SingleOrDefault(e => (string?)e.Attribute("class") == "zone band-healthy")?.Attribute("height");
        var reference = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf, new HealthScorer(lenient)));
        string? ReferenceZone(PartnerId partner) => (string?)reference.All("figure").Single(f => (string?)f.Attribute("data-partner") == partner.ToString())
            .Descendants().SingleOrDefault(e => (string?)e.Attribute("class") == "zone band-healthy")?.Attribute("height");
        Assert.Equal(ReferenceZone(first), ZoneTop(first));
    }

    [Fact]
    public void RightToLeftNames_AreIsolatedFromTheFiguresBesideThem()
    {
        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, ReportPage.Portfolio("שותפים\u202E"), ReportPage.AsOf));

        Assert.All(page.All("span").Where(s => (string?)s.Attribute("class") is "name" or "id"), s => Assert.Equal("auto", (string?)s.Attribute("dir")));
        var label = page.All("figure").SelectMany(f => f.Descendants()).First(e => e.Name.LocalName == "title" && e.Value.Contains("שותפים", StringComparison.Ordinal)).Value;
        Assert.StartsWith("\u2068שותפים\u202E\u2069: score from", label, StringComparison.Ordinal);
    }

    [Fact]
    public void APipelineByADayOrANumber_ReadsTheSameInEveryCulture()
    {
        // The tests run with invariant globalization: a culture of commas and dotted days, made by hand, stands for de-DE.
        var deals = ReportPage.Deals();
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        (comma.NumberFormat.NumberDecimalSeparator, comma.NumberFormat.NumberGroupSeparator) = (",", ".");
        (comma.DateTimeFormat.DateSeparator, comma.DateTimeFormat.ShortDatePattern) = (".", "dd.MM.yyyy");
        string Page(CultureInfo culture)
        {
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = culture;
            try
            {
                return ReportPage.Write(output => HtmlReport.WritePipeline(output, PipelineAnalytics.GroupBy(deals, o => o.ClosedOn), "deals", "close day")).Html
                    + ReportPage.Write(output => HtmlReport.WritePipeline(output, PipelineAnalytics.GroupBy(deals, o => (o.Amount ?? 0) / 4000m), "deals", "size")).Html;
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }

        var invariant = Page(CultureInfo.InvariantCulture);
        Assert.Contains(">2025-03-01<", invariant, StringComparison.Ordinal);
        Assert.Contains(">1.25<", invariant, StringComparison.Ordinal);
        Assert.Equal(invariant, Page(comma));
    }
}
