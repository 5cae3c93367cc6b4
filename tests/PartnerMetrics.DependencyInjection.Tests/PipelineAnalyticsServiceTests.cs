using Microsoft.Extensions.DependencyInjection;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary>The registered <see cref="IPipelineAnalytics"/> gives exactly the library's answers, with the configured options and the host's "today".</summary>
public class PipelineAnalyticsServiceTests
{
    private static ServiceProvider Provider(DateOnly today, Action<PartnerMetricsOptions>? configure = null) =>
        new ServiceCollection()
            .AddSingleton<TimeProvider>(Examples.ClockAt(today))
            .AddPartnerMetrics(configure ?? (_ => { }))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void Options_DefaultToTheLibraryDefaults()
    {
        using var provider = Provider(Examples.Today);

        Assert.Equal(PipelineOptions.Default, provider.GetRequiredService<IPipelineAnalytics>().Options);
    }

    [Fact]
    public void DocsExample_EqualsTheLibrary()
    {
        using var provider = Provider(Examples.Today);
        var (deals, snapshots) = (Examples.Deals, Examples.Snapshots);

        var analytics = provider.GetRequiredService<IPipelineAnalytics>();

        // docs:begin di-pipeline
        PipelineResult all = analytics.Summarize(deals);                           // with PartnerMetricsOptions.Pipeline
        PipelineResult quarter = analytics.Summarize(deals, new PipelineOptions { RemainingTarget = 2_000_000m });
        GroupedPipelineResult<string> byDistrict = analytics.GroupBy(deals, PipelineKeys.District);
        RetentionResult trailingYear = analytics.Retention(snapshots, analytics.Today.AddYears(-1));
        // docs:end di-pipeline

        Assert.Equal(PipelineAnalytics.Summarize(deals), all);
        Assert.Equal(PipelineAnalytics.Summarize(deals, new PipelineOptions { RemainingTarget = 2_000_000m }), quarter);
        Assert.Equal(PipelineAnalytics.GroupBy(deals, PipelineKeys.District), byDistrict);
        Assert.Equal(1.0, trailingYear.GrossRevenueRetention);
    }

    [Fact]
    public async Task SummarizeAsyncAndGroupByAsync_EqualTheSynchronousCalls_WithTheConfiguredOrTheGivenOptions()
    {
        using var provider = Provider(Examples.Today, o => o.Pipeline = new PipelineOptions { TopPartners = 1, RemainingTarget = 400m });
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();
        var quarter = new PipelineOptions { RemainingTarget = 2_000_000m };

        Assert.Equal(analytics.Summarize(Examples.Deals), await analytics.SummarizeAsync(Stream(Examples.Deals)));
        Assert.Equal(analytics.Summarize(Examples.Deals, quarter), await analytics.SummarizeAsync(Stream(Examples.Deals), quarter));
        Assert.Equal(analytics.GroupBy(Examples.Deals, PipelineKeys.District), await analytics.GroupByAsync(Stream(Examples.Deals), PipelineKeys.District));
        Assert.Equal(analytics.GroupBy(Examples.Deals, PipelineKeys.District, quarter), await analytics.GroupByAsync(Stream(Examples.Deals), PipelineKeys.District, quarter));
    }

    [Fact]
    public async Task SummarizeAsyncAndGroupByAsync_StopWhenCanceled()
    {
        using var provider = Provider(Examples.Today);
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analytics.SummarizeAsync(Stream(Examples.Deals), cancellationToken: canceled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analytics.GroupByAsync(Stream(Examples.Deals), PipelineKeys.District, cancellationToken: canceled.Token));
    }

    private static async IAsyncEnumerable<Opportunity> Stream(IEnumerable<Opportunity> deals)
    {
        foreach (var deal in deals)
        {
            await Task.Yield();
            yield return deal;
        }
    }

    [Fact]
    public void Summarize_UsesTheConfiguredOptions()
    {
        using var provider = Provider(Examples.Today, o => o.Pipeline = new PipelineOptions { TopPartners = 1, RemainingTarget = 400m });
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();

        var result = analytics.Summarize(Examples.Deals);

        Assert.Equal(PipelineAnalytics.Summarize(Examples.Deals, new PipelineOptions { TopPartners = 1, RemainingTarget = 400m }), result);
        Assert.Equal(150.0 / 180.0, result.TopPartnerShare);   // P-1 won 150 of the partners' 180
        Assert.Equal(0.5, result.Coverage);                     // open 200 ÷ target 400
    }

    [Fact]
    public void Summarize_WithOptions_UsesThoseInstead()
    {
        using var provider = Provider(Examples.Today, o => o.Pipeline = new PipelineOptions { TopPartners = 1 });
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();
        var options = new PipelineOptions { RemainingTarget = 1_000m };

        var result = analytics.Summarize(Examples.Deals, options);

        Assert.Equal(PipelineAnalytics.Summarize(Examples.Deals, options), result);
        Assert.Equal(1.0, result.TopPartnerShare);              // top 5 of 2 partners: all of it
        Assert.Equal(0.2, result.Coverage);                     // 200 ÷ 1,000
    }

    [Fact]
    public void GroupBy_EqualsTheLibrary()
    {
        using var provider = Provider(Examples.Today, o => o.Pipeline = new PipelineOptions { TopPartners = 1 });
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();

        var byDistrict = analytics.GroupBy(Examples.Deals, PipelineKeys.District);
        var byQuarter = analytics.GroupBy(Examples.Deals, PipelineKeys.CloseQuarter, PipelineOptions.Default);

        Assert.Equal(PipelineAnalytics.GroupBy(Examples.Deals, PipelineKeys.District, new PipelineOptions { TopPartners = 1 }), byDistrict);
        Assert.Equal(new string?[] { null, "North", "South" }, byDistrict.Groups.Select(g => g.Key));
        Assert.Equal(PipelineAnalytics.GroupBy(Examples.Deals, PipelineKeys.CloseQuarter, PipelineOptions.Default), byQuarter);
    }

    [Fact]
    public void Retention_EndsToday_FromTheHostsClock()
    {
        using var provider = Provider(Examples.Today);
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();

        var trailingYear = analytics.Retention(Examples.Snapshots, analytics.Today.AddYears(-1));

        var accumulator = new RetentionAccumulator(new DateOnly(2024, 6, 30), new DateOnly(2025, 6, 30));
        accumulator.AddRange(Examples.Snapshots);
        Assert.Equal(accumulator.Result(), trailingYear);
        Assert.Equal(170.0 / 150.0, trailingYear.NetRevenueRetention);    // A-1 100 → 120, A-2 still 50 today
    }

    [Fact]
    public void Retention_AfterTheChurn_SeesIt()
    {
        using var provider = Provider(new DateOnly(2025, 7, 20));
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();

        var result = analytics.Retention(Examples.Snapshots, new DateOnly(2024, 6, 30));

        Assert.Equal(120.0 / 150.0, result.NetRevenueRetention);          // A-2 went to 0 on 15 July
        Assert.Equal(1, result.ChurnedAccounts);
    }

    [Fact]
    public void Retention_OverAWindow_EqualsTheLibrary()
    {
        using var provider = Provider(Examples.Today);
        var (start, end) = (new DateOnly(2024, 6, 30), new DateOnly(2025, 12, 31));

        var result = provider.GetRequiredService<IPipelineAnalytics>().Retention(Examples.Snapshots, start, end);

        var accumulator = new RetentionAccumulator(start, end);
        accumulator.AddRange(Examples.Snapshots);
        Assert.Equal(accumulator.Result(), result);
    }

    [Fact]
    public void Retention_BadWindows_NameTheParameter()
    {
        using var provider = Provider(Examples.Today);
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();

        var afterToday = Assert.Throws<ArgumentOutOfRangeException>(() => analytics.Retention(Examples.Snapshots, Examples.Today.AddDays(1)));
        var backwards = Assert.Throws<ArgumentOutOfRangeException>(() => analytics.Retention(Examples.Snapshots, Examples.Today, Examples.Today.AddDays(-1)));

        Assert.Equal("windowStart", afterToday.ParamName);
        Assert.Contains("2025-07-01", afterToday.Message, StringComparison.Ordinal);
        Assert.Equal("windowEnd", backwards.ParamName);
    }

    [Fact]
    public void Retention_TwoSnapshotsOnTheDayRead_NameTheSnapshots()
    {
        using var provider = Provider(Examples.Today);
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();
        var day = new DateOnly(2024, 3, 1);
        RevenueSnapshot[] twice = [new(new AccountId("A-1"), day, 100m), new(new AccountId("A-1"), day, 120m)];

        var error = Assert.Throws<ArgumentException>(() => analytics.Retention(twice, new DateOnly(2024, 6, 30)));

        Assert.Equal("snapshots", error.ParamName);
        Assert.Contains("'A-1' on 2024-03-01", error.Message, StringComparison.Ordinal);
    }

    /// <summary>As <see cref="Retention_TwoSnapshotsOnTheDayRead_NameTheSnapshots"/>: the parameter is the call's, not the accumulator's ('snapshot').</summary>
    [Fact]
    public void BrandEquityDebt_TwoSnapshotsOnOneDay_NameTheSnapshots()
    {
        using var provider = Provider(Examples.Today);
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();
        var day = new DateOnly(2024, 3, 1);
        RevenueSnapshot[] twice = [new(new AccountId("A-1"), day, 100m), new(new AccountId("A-1"), day, 120m)];

        var error = Assert.Throws<ArgumentException>(() => analytics.BrandEquityDebt(Examples.Deals, twice));

        Assert.Equal("snapshots", error.ParamName);
        Assert.Contains("'A-1' on 2024-03-01", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter 'snapshot')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrandEquityDebt_EqualsTheLibrary()
    {
        using var provider = Provider(Examples.Today);

        var result = provider.GetRequiredService<IPipelineAnalytics>().BrandEquityDebt(Examples.Deals, Examples.Snapshots);

        var accumulator = new BrandEquityDebtAccumulator();
        Array.ForEach(Examples.Deals, accumulator.Add);
        Array.ForEach(Examples.Snapshots, accumulator.Add);
        Assert.Equal(accumulator.Result(), result);
        Assert.Equal(0, result.DebtDeals);                                 // A-2 churned 15 months after O3 closed
        Assert.Equal(2, result.JudgedDeals);
    }

    [Fact]
    public void Calls_RejectNullArgumentsAndItems()
    {
        using var provider = Provider(Examples.Today);
        var analytics = provider.GetRequiredService<IPipelineAnalytics>();

        Assert.Throws<ArgumentNullException>(() => analytics.Summarize(null!));
        Assert.Throws<ArgumentNullException>(() => analytics.Summarize(Examples.Deals, null!));
        Assert.Throws<ArgumentNullException>(() => analytics.GroupBy<string>(Examples.Deals, null!));
        Assert.Throws<ArgumentNullException>(() => analytics.GroupBy(Examples.Deals, PipelineKeys.District, null!));
        Assert.Throws<ArgumentNullException>(() => analytics.Retention(null!, Examples.Today));
        Assert.Throws<ArgumentNullException>(() => analytics.BrandEquityDebt(Examples.Deals, null!));
        var item = Assert.Throws<ArgumentException>(() => analytics.BrandEquityDebt([Examples.Deals[0], null!], []));
        Assert.Equal("opportunities", item.ParamName);
        Assert.Contains("item 1", item.Message, StringComparison.Ordinal);
    }
}
