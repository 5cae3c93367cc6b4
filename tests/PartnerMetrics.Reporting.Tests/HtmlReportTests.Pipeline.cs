using System.Globalization;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Reporting.Tests;

/// <content>The pipeline page: its rows, its keys, and its arguments.</content>
public partial class HtmlReportTests
{
    [Fact]
    public void WritePipeline_OneGroup_WritesOneRowOfAllDealsAndNoTotalRow()
    {
        var pipeline = PipelineAnalytics.Summarize(ReportPage.Deals());

        var page = ReportPage.Write(output => HtmlReport.WritePipeline(output, pipeline, "Q2 deals"));

        Assert.Equal("Pipeline of Q2 deals", page.Title);
        Assert.Equal("Pipeline of \u2068Q2 deals\u2069 · 5 deals, all deals", page.All("p").First(p => (string?)p.Attribute("class") == "subtitle").Value);
        var row = Assert.Single(page.All("tbody").First().Elements(), e => e.Name.LocalName == "tr");
        Assert.Equal(["All deals", "5", "3"], row.Elements().Take(3).Select(e => e.Value));
        Assert.Empty(page.All("tfoot"));
    }

    /// <summary>A rate shows to one decimal, as the command line's table shows it: five won of eight is 62.5 %, not 62 %.</summary>
    [Fact]
    public void WritePipeline_ARate_ShowsToOneDecimal_AsTheTableDoes()
    {
        var deals = Enumerable.Range(0, 8).Select(i => new Opportunity(
            new OpportunityId($"O-{i}"), new AccountId($"A-{i}"), new DateOnly(2025, 1, 2), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            i < 5 ? DealOutcome.Won : DealOutcome.Lost, 100m, closedOn: new DateOnly(2025, 3, 1)));

        var page = ReportPage.Write(output => HtmlReport.WritePipeline(output, PipelineAnalytics.Summarize(deals), "deals"));

        var row = Assert.Single(page.All("tbody").First().Elements(), e => e.Name.LocalName == "tr");
        Assert.Contains("62.5 %", row.Elements().Select(e => e.Value));
    }

    /// <summary>A group's undefined figure is a dash whose tooltip is the group's own note saying why, not a bare dash.</summary>
    [Fact]
    public void WritePipeline_AnUndefinedFigureOfAGroup_SaysWhyInItsTooltip()
    {
        // North: one deal, open, so nothing closed and nothing won; South: one deal won. Only North's figures are undefined.
        Opportunity Deal(string id, string district, DealOutcome outcome) => new(
            new OpportunityId(id), new AccountId("A-" + id), new DateOnly(2025, 1, 2), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            outcome, 100m, district: district, closedOn: outcome == DealOutcome.Open ? null : new DateOnly(2025, 3, 1));
        var pipeline = PipelineAnalytics.GroupBy([Deal("O-1", "North", DealOutcome.Open), Deal("O-2", "South", DealOutcome.Won)], PipelineKeys.District);

        var page = ReportPage.Write(output => HtmlReport.WritePipeline(output, pipeline, "deals", "district"));

        var north = page.All("tbody").First().Elements().Single(r => r.Elements().First().Value == "North").Elements().ToList();
        var winRate = north[3];
        Assert.Equal("–", winRate.Value);
        Assert.Equal(pipeline.Groups.Single(g => g.Key == "North").Result.NoteFor(nameof(PipelineResult.WinRateByCount)), (string?)winRate.Attribute("title"));
        Assert.Equal("No deal is closed (won or lost).", (string?)winRate.Attribute("title"));
        var south = page.All("tbody").First().Elements().Single(r => r.Elements().First().Value == "South").Elements().ToList();
        Assert.Null(south[3].Attribute("title"));
    }

    /// <summary>An undefined headline figure's caption is the reason it is undefined, not what it would measure.</summary>
    [Fact]
    public void WritePipeline_AnUndefinedHeadlineFigure_SaysWhyUnderIt()
    {
        var open = new Opportunity(new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 2), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct);

        var page = ReportPage.Write(output => HtmlReport.WritePipeline(output, PipelineAnalytics.Summarize([open]), "deals"));

        var kpis = page.All("li").Where(li => li.Elements().Any(e => (string?)e.Attribute("class") == "kpi-label"))
            .ToDictionary(li => li.Elements().First().Value, li => (Value: li.Elements().ElementAt(1).Value, Note: li.Elements().ElementAt(2).Value));
        Assert.Equal(("–", "No deal is closed (won or lost)."), kpis["Win rate"]);
        Assert.Equal(("–", "No deal is won."), kpis["Hunting share"]);
        Assert.Equal(("–", "No deal is won."), kpis["Profile"]);
    }

    /// <summary>
    /// The headline hunting share sits beside the profile and reads as the total row's: never rounded across the Hunter
    /// threshold. Hunting 69,996 of 100,000 won is 69.996 %, Balanced; the headline read 70.0 %, a Hunter's share, while
    /// the total row read 69.9 %.
    /// </summary>
    [Fact]
    public void WritePipeline_HeadlineHuntingShareBesideTheProfile_IsNotRoundedAcrossItsThreshold()
    {
        Opportunity Deal(string id, DealMotion motion, decimal amount) => new(
            new OpportunityId(id), new AccountId("A-" + id), new DateOnly(2025, 1, 2), motion, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, amount, district: "North", closedOn: new DateOnly(2025, 3, 1));
        var pipeline = PipelineAnalytics.GroupBy([Deal("O-1", DealMotion.NewLogo, 69_996m), Deal("O-2", DealMotion.Expansion, 30_004m)], PipelineKeys.District);

        var page = ReportPage.Write(output => HtmlReport.WritePipeline(output, pipeline, "deals", "district"));

        Assert.Equal(PartnerProfile.Balanced, pipeline.Total.Profile);
        var kpis = page.All("li").Where(li => li.Elements().Any(e => (string?)e.Attribute("class") == "kpi-label"))
            .ToDictionary(li => li.Elements().First().Value, li => li.Elements().ElementAt(1).Value);
        Assert.Equal("Balanced", kpis["Profile"]);
        Assert.Equal("69.9 %", kpis["Hunting share"]);
        Assert.Equal("69.9 %", page.All("tfoot").Single().Descendants().Single(e => e.Name.LocalName == "tr").Elements().ElementAt(6).Value);
    }

    /// <summary>One deal without an amount read "1 deals have no amount; they count as 0 in value metrics." in the notes.</summary>
    [Fact]
    public void WritePipeline_OneDealWithoutAnAmount_IsCountedInTheSingular()
    {
        Opportunity Deal(string id, decimal? amount) => new(
            new OpportunityId(id), new AccountId("A-" + id), new DateOnly(2025, 1, 2), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, amount, closedOn: new DateOnly(2025, 3, 1));

        var page = ReportPage.Write(output => HtmlReport.WritePipeline(output, PipelineAnalytics.Summarize([Deal("O-1", 100m), Deal("O-2", null)]), "deals"));

        Assert.Contains(page.All("li"), li => li.Value == "1 deal has no amount; it counts as 0 in value metrics.");
        Assert.DoesNotContain("1 deals", page.Html, StringComparison.Ordinal);
    }

    /// <summary>The portfolio page's headline hunting share reads as its table's total row, whose profile is beside it.</summary>
    [Fact]
    public void WritePortfolio_HeadlineHuntingShare_ReadsAsTheTotalRow()
    {
        Opportunity Deal(string id, DealMotion motion, decimal amount) => new(
            new OpportunityId(id), new AccountId("A-" + id), new DateOnly(2025, 1, 2), motion, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, amount, district: "North", closedOn: new DateOnly(2025, 3, 1));
        var portfolio = new Portfolio(ReportPage.Portfolio().Partnerships, [Deal("O-1", DealMotion.NewLogo, 69_996m), Deal("O-2", DealMotion.Expansion, 30_004m)]);

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf));

        var kpis = page.All("li").Where(li => li.Elements().Any(e => (string?)e.Attribute("class") == "kpi-label"))
            .ToDictionary(li => li.Elements().First().Value, li => li.Elements().ElementAt(1).Value);
        var total = page.All("tfoot").Single().Descendants().Single(e => e.Name.LocalName == "tr").Elements().ToList();
        Assert.Equal("Balanced", total[6].Value);
        Assert.Equal("69.9 %", total[4].Value);
        Assert.Equal("69.9 %", kpis["Hunting share"]);
    }

    [Fact]
    public void WritePipeline_ByOneKey_WritesARowPerGroupInTheirOrderAndATotal()
    {
        var pipeline = PipelineAnalytics.GroupBy(ReportPage.Deals(), PipelineKeys.District);

        var page = ReportPage.Write(output => HtmlReport.WritePipeline(output, pipeline, "Q2 deals", "district"));

        Assert.Equal("Pipeline of \u2068Q2 deals\u2069 · 5 deals, by district", page.All("p").First(p => (string?)p.Attribute("class") == "subtitle").Value);
        Assert.Equal("District", page.All("thead").First().Descendants().First(e => e.Name.LocalName == "th").Value);
        var rows = page.All("tbody").First().Elements().Select(r => (Key: r.Elements().First().Value, Deals: r.Elements().ElementAt(1).Value)).ToList();
        Assert.Equal([("(none)", "1"), ("North", "2"), ("South", "2")], rows);
        var total = page.All("tfoot").Single().Descendants().Where(e => e.Name.LocalName is "th" or "td").Take(2).Select(e => e.Value);
        Assert.Equal(["Total", "5"], total);
    }

    /// <summary>
    /// The summary said each group is named by its key's ToString, which reads the current culture (a day of 2025-01-10 is
    /// "10.01.2025" in German, 1.25 is "1,25"); the page names a day as yyyy-MM-dd and a number in the invariant culture, on every machine.
    /// </summary>
    [Fact]
    public void WritePipeline_ByOneKey_NamesADayAndANumberTheSameInEveryCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        CultureInfo.CurrentCulture = german;
        try
        {
            var byDay = PipelineAnalytics.GroupBy(ReportPage.Deals(), d => d.CreatedOn);
            var byAmount = PipelineAnalytics.GroupBy(ReportPage.Deals(), d => (double)d.Amount!.Value / 4000);

            var days = ReportPage.Write(output => HtmlReport.WritePipeline(output, byDay, "Q2 deals", "day"));
            var amounts = ReportPage.Write(output => HtmlReport.WritePipeline(output, byAmount, "Q2 deals", "amount"));

            Assert.Contains(days.All("th"), th => th.Value == "2025-01-10");
            Assert.Contains(amounts.All("th"), th => th.Value == "1.25");
            Assert.DoesNotContain(amounts.All("th"), th => th.Value.Contains(',', StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void WritePipeline_BySeveralKeys_WritesAColumnPerKeyInTheOrderGiven()
    {
        var pipeline = PipelineAnalytics.GroupBy(ReportPage.Deals(), d => (District: d.District, Motion: d.MotionClass));
        var byMotionFirst = Comparer<(string? District, MotionClass Motion)>.Create((x, y) => x.Motion != y.Motion ? x.Motion.CompareTo(y.Motion) : string.CompareOrdinal(x.District, y.District));

        var page = ReportPage.Write(output => HtmlReport.WritePipeline(output, pipeline, "Q2 deals", ["district", "motion"], key => [key.District, key.Motion.ToString()], byMotionFirst));

        Assert.Equal(["District", "Motion", "Deals"], page.All("thead").First().Descendants().Where(e => e.Name.LocalName == "th").Take(3).Select(e => e.Value));
        var keys = page.All("tbody").First().Elements().Select(r => string.Join("/", r.Elements().Take(2).Select(e => e.Value))).ToList();
        Assert.Equal(["(none)/Hunting", "North/Hunting", "North/Farming", "South/Farming"], keys);
        Assert.Equal("2", (string?)page.All("tfoot").Single().Descendants().First(e => e.Name.LocalName == "th").Attribute("colspan"));
    }

    [Fact]
    public void WritePipeline_DistrictWithCharactersXmlForbids_IsWellFormedWithReplacementCharacters()
    {
        var pipeline = PipelineAnalytics.GroupBy(ReportPage.Deals(north: "North\u0001\u001b[2J"), PipelineKeys.District);

        var page = ReportPage.Write(output => HtmlReport.WritePipeline(output, pipeline, "deals\u0000.csv", "district"));

        Assert.Contains(page.All("th"), th => th.Value == "North\uFFFD\uFFFD[2J");
        Assert.Equal("Pipeline of deals\uFFFD.csv", page.Title);
        Assert.DoesNotContain('\0', page.Html);
        Assert.DoesNotContain('\u001b', page.Html);
    }

    [Fact]
    public void WritePipeline_BadArguments_ThrowAndWriteNothing()
    {
        var total = PipelineAnalytics.Summarize(ReportPage.Deals());
        var grouped = PipelineAnalytics.GroupBy(ReportPage.Deals(), PipelineKeys.District);
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => HtmlReport.WritePipeline(null!, total, "deals")).ParamName);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => HtmlReport.WritePipeline(output, (PipelineResult)null!, "deals")).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => HtmlReport.WritePipeline(output, total, null!)).ParamName);
        Assert.Equal("pipeline", Assert.Throws<ArgumentNullException>(() => HtmlReport.WritePipeline(output, (GroupedPipelineResult<string>)null!, "deals", "district")).ParamName);
        Assert.Equal("groupedBy", Assert.Throws<ArgumentNullException>(() => HtmlReport.WritePipeline(output, grouped, "deals", (string)null!)).ParamName);
        Assert.Equal("groupedBy", Assert.Throws<ArgumentException>(() => HtmlReport.WritePipeline(output, grouped, "deals", string.Empty)).ParamName);
        Assert.Equal("groupedBy", Assert.Throws<ArgumentException>(() => HtmlReport.WritePipeline(output, grouped, "deals", [], key => [key])).ParamName);
        Assert.Equal("groupedBy", Assert.Throws<ArgumentException>(() => HtmlReport.WritePipeline(output, grouped, "deals", ["district", ""], key => [key, key])).ParamName);
        Assert.Equal("keyValues", Assert.Throws<ArgumentNullException>(() => HtmlReport.WritePipeline(output, grouped, "deals", ["district"], null!)).ParamName);
        Assert.Equal("keyValues", Assert.Throws<ArgumentException>(() => HtmlReport.WritePipeline(output, grouped, "deals", ["district", "motion"], key => [key])).ParamName);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void WritePipeline_CanceledToken_ThrowsBeforeWritingAnything()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var canceled = new CancellationToken(canceled: true);

        Assert.ThrowsAny<OperationCanceledException>(() => HtmlReport.WritePipeline(output, PipelineAnalytics.Summarize(ReportPage.Deals()), "deals", canceled));
        Assert.ThrowsAny<OperationCanceledException>(() => HtmlReport.WritePipeline(output, PipelineAnalytics.GroupBy(ReportPage.Deals(), PipelineKeys.District), "deals", "district", canceled));
        Assert.Equal(string.Empty, output.ToString());
    }
}
