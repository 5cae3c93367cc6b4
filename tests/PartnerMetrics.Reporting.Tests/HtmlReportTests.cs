using System.Globalization;
using System.Xml.Linq;
using PartnerMetrics.Health;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Reporting.Tests;

/// <summary>The guarantees every page of <see cref="HtmlReport"/> keeps: the same bytes for the same input, nothing fetched, encoded names.</summary>
public partial class HtmlReportTests
{
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

    /// <summary>Each public entry point, writing a page of the fixtures.</summary>
    public static TheoryData<string> Pages => ["portfolio", "pipeline", "pipeline by district", "pipeline by district and motion"];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Write_SameInputTwice_WritesTheSameCharacters(string page)
    {
        var first = ReportPage.Write(output => WritePage(page, output));
        var second = ReportPage.Write(output => WritePage(page, output));

        Assert.Equal(first.Html, second.Html);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Write_UnderAnotherCulture_WritesTheSameCharacters(string page)
    {
        var invariant = ReportPage.Write(output => WritePage(page, output));
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CommaCulture();
            var german = ReportPage.Write(output => WritePage(page, output));

            Assert.Equal(invariant.Html, german.Html);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Write_AnyPage_CarriesTheContentSecurityPolicyAndLoadsNothing(string name)
    {
        var page = ReportPage.Write(output => WritePage(name, output));

        Assert.StartsWith("<!DOCTYPE html>\n", page.Html, StringComparison.Ordinal);
        var policy = Assert.Single(page.All("meta"), m => (string?)m.Attribute("http-equiv") == "Content-Security-Policy");
        Assert.Equal(ContentSecurityPolicy, (string?)policy.Attribute("content"));
        Assert.Same(page.All("head").Single(), policy.Parent);
        var elements = page.Document.Descendants().ToList();
        Assert.DoesNotContain(elements, e => e.Name.LocalName is "script" or "link" or "img" or "iframe" or "object" or "embed" or "base" or "form");
        Assert.DoesNotContain(elements.Attributes(), a => a.Name.LocalName is "src" or "href" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        Assert.DoesNotContain(elements.Attributes(), a => a.Value.Contains("//", StringComparison.Ordinal) || a.Value.Contains("url(", StringComparison.OrdinalIgnoreCase));
        foreach (var forbidden in new[] { "http://", "https://", "<script", "<link", "@import", "url(" })
        {
            Assert.DoesNotContain(forbidden, page.Html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void WritePortfolio_ScoresEveryPartnerAsOfTheDay()
    {
        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, ReportPage.Portfolio(), ReportPage.AsOf));

        Assert.Equal("Partner health as of 2025-06-30", page.Title);
        var profiles = page.All("tr").Where(r => (string?)r.Attribute("class") == "profile").Select(r => (string?)r.Attribute("data-partner")).ToList();
        Assert.Equal(ReportPage.Portfolio().Partnerships.Length, profiles.Count);
        Assert.Equal(profiles.Order(StringComparer.Ordinal), profiles.Order(StringComparer.Ordinal).Distinct());
    }

    [Fact]
    public void WritePortfolio_EachSparkline_ShowsTheScorersHistoryOfItsPartner()
    {
        var portfolio = ReportPage.Portfolio();
        var scorer = new HealthScorer();

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf, scorer));

        // Every 14 days over the 364 days before the as-of day; a point without any present dimension has no score.
        var sparklines = page.All("figure").Where(f => (string?)f.Attribute("class") == "spark").ToDictionary(f => (string)f.Attribute("data-partner")!);
        Assert.Equal(portfolio.Partnerships.Length, sparklines.Count);
        foreach (var partnership in portfolio.Partnerships)
        {
            var history = scorer.History(partnership, ReportPage.AsOf.AddDays(-364), ReportPage.AsOf, TimeSpan.FromDays(14));
            var scores = history.Select(r => r.Dimensions.Any(d => d.IsPresent) ? r.Score : (double?)null).ToList();
            var first = scores.First(s => s is not null)!.Value;
            var last = scores[^1]!.Value;
            var values = sparklines[partnership.Partner.Id.ToString()].Descendants().Single(e => (string?)e.Attribute("class") == "spark-values");

            Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{first:0.0} → {last:0.0}"), values.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WritePortfolio_WithoutAScorer_ScoresWithTheDefaultModel()
    {
        var portfolio = ReportPage.Portfolio();

        var implicitModel = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf));
        var explicitModel = ReportPage.Write(output => HtmlReport.WritePortfolio(output, portfolio, ReportPage.AsOf, new HealthScorer(HealthModel.Default)));

        Assert.Equal(explicitModel.Html, implicitModel.Html);
    }

    [Fact]
    public void WritePortfolio_HostileName_IsEncodedEverywhere()
    {
        const string Hostile = "<script>alert('pwned')</script> & Sons \"Ltd\"";

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, ReportPage.Portfolio(Hostile), ReportPage.AsOf));

        Assert.DoesNotContain("<script>", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; Sons &quot;Ltd&quot;", page.Html, StringComparison.Ordinal);
        Assert.Empty(page.All("script"));
        Assert.Contains(page.All("span"), s => s.Value == Hostile && (string?)s.Attribute("title") == Hostile);
    }

    [Fact]
    public void WritePortfolio_NamesWithCharactersXmlForbids_IsWellFormedWithReplacementCharacters()
    {
        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, ReportPage.Portfolio("A\u0000B\u001bC\u0008D\uFFFEE\uD83D\uDE80F\uD800G", "North\u0001"), ReportPage.AsOf));

        // The surrogate pair (a rocket) is kept; the lone high surrogate is replaced like the control characters.
        Assert.Contains(page.Document.Descendants().Select(e => e.Value), v => v.Contains("A\uFFFDB\uFFFDC\uFFFDD\uFFFDE\uD83D\uDE80F\uFFFDG", StringComparison.Ordinal));
        Assert.Contains(page.Document.Descendants().Attributes(), a => a.Value == "A\uFFFDB\uFFFDC\uFFFDD\uFFFDE\uD83D\uDE80F\uFFFDG");
        Assert.Contains(page.Document.Descendants().Select(e => e.Value), v => v.Contains("North\uFFFD", StringComparison.Ordinal));
        Assert.DoesNotContain('\0', page.Html);
        Assert.DoesNotContain('\u001b', page.Html);
    }

    [Fact]
    public void WritePortfolio_NullArguments_Throw()
    {
        var portfolio = ReportPage.Portfolio();
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => HtmlReport.WritePortfolio(null!, portfolio, ReportPage.AsOf)).ParamName);
        Assert.Equal("portfolio", Assert.Throws<ArgumentNullException>(() => HtmlReport.WritePortfolio(output, null!, ReportPage.AsOf)).ParamName);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void WritePortfolio_CanceledToken_ThrowsBeforeWritingAnything()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.ThrowsAny<OperationCanceledException>(() => HtmlReport.WritePortfolio(output, ReportPage.Portfolio(), ReportPage.AsOf, cancellationToken: new CancellationToken(canceled: true)));
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void WritePortfolio_CanceledWhileWriting_StopsBeforeTheEnd()
    {
        using var cancellation = new CancellationTokenSource();
        using var output = new CancelingWriter(cancellation, after: "section");

        Assert.ThrowsAny<OperationCanceledException>(() => HtmlReport.WritePortfolio(output, ReportPage.Portfolio(), ReportPage.AsOf, cancellationToken: cancellation.Token));
        Assert.Contains("<section", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("</html>", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A culture that writes numbers, percentages and dates unlike the invariant one, built by hand so the test runs in
    /// globalization-invariant mode too (where no named culture such as de-DE exists).
    /// </summary>
    private static CultureInfo CommaCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        var numbers = culture.NumberFormat;
        (numbers.NumberDecimalSeparator, numbers.NumberGroupSeparator) = (",", ".");
        (numbers.PercentDecimalSeparator, numbers.PercentGroupSeparator, numbers.PercentSymbol) = (",", ".", "pct");
        (numbers.NegativeSign, numbers.PositiveSign) = ("~", "#");
        culture.DateTimeFormat.DateSeparator = ".";
        culture.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        return culture;
    }

    private static void WritePage(string page, TextWriter output)
    {
        var deals = ReportPage.Deals();
        switch (page)
        {
            case "portfolio":
                HtmlReport.WritePortfolio(output, ReportPage.Portfolio(), ReportPage.AsOf);
                break;
            case "pipeline":
                HtmlReport.WritePipeline(output, PipelineAnalytics.Summarize(deals), "Q2 deals");
                break;
            case "pipeline by district":
                HtmlReport.WritePipeline(output, PipelineAnalytics.GroupBy(deals, PipelineKeys.District), "Q2 deals", "district");
                break;
            default:
                HtmlReport.WritePipeline(output, PipelineAnalytics.GroupBy(deals, d => (District: d.District, Motion: d.MotionClass)), "Q2 deals", ["district", "motion"], key => [key.District, key.Motion.ToString()]);
                break;
        }
    }

    /// <summary>A writer that cancels a token once it has been given <paramref name="after"/>, as a client that goes away mid-page.</summary>
    private sealed class CancelingWriter(CancellationTokenSource cancellation, string after) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Write(string? value)
        {
            base.Write(value);
            if (value == after)
            {
                cancellation.Cancel();
            }
        }
    }
    /// <summary>The won-value figure picks its unit by the amount as rounded: 999,600 showed as "1000k" and 9,999.6 as "10,000".</summary>
    [Theory]
    [InlineData("999499", "999k")]
    [InlineData("999500", "1M")]
    [InlineData("999600", "1M")]
    [InlineData("1000000", "1M")]
    [InlineData("1250000", "1.3M")]
    [InlineData("9999.4", "9,999")]
    [InlineData("9999.6", "10k")]
    [InlineData("10000", "10k")]
    [InlineData("512", "512")]
    public void WritePortfolio_WonValue_ShowsTheUnitOfTheRoundedAmount(string amount, string shown)
    {
        var deal = new Opportunity(
            new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 2), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, decimal.Parse(amount, CultureInfo.InvariantCulture), closedOn: new DateOnly(2025, 3, 1));

        var page = ReportPage.Write(output => HtmlReport.WritePortfolio(output, new Portfolio(opportunities: [deal]), ReportPage.AsOf));

        var kpi = page.All("li").Single(li => li.Elements().First().Value == "Won value");
        Assert.Equal(shown, kpi.Elements().ElementAt(1).Value);
    }
}
