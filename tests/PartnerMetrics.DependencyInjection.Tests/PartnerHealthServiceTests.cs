using Microsoft.Extensions.DependencyInjection;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;

namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary>The registered <see cref="IPartnerHealth"/> gives exactly the library's answers, as of the host's "today".</summary>
public class PartnerHealthServiceTests
{
    [Fact]
    public void ScoreAndInsights_EqualTheLibraryAsOfToday()
    {
        var model = HealthModel.Default with { LossAversion = 3 };
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(Examples.ClockAt(Examples.Today))
            .AddPartnerMetrics(o => o.Model = model)
            .BuildServiceProvider();
        var health = provider.GetRequiredService<IPartnerHealth>();
        var portfolio = new Portfolio([Examples.Partnership]);
        var scorer = new HealthScorer(model);

        var insights = health.Insights(portfolio);
        var earlier = health.Insights(portfolio, new DateOnly(2024, 12, 31));

        Assert.Equal(scorer.Score(Examples.Partnership, Examples.Today), health.Score(Examples.Partnership));
        Assert.Equal(Examples.Today, insights.AsOf);
        Assert.Equal<HealthReport>(new PortfolioInsights(scorer, portfolio, Examples.Today).Reports, insights.Reports);
        Assert.Equal(new DateOnly(2024, 12, 31), earlier.AsOf);
        Assert.Equal<HealthReport>(new PortfolioInsights(scorer, portfolio, new DateOnly(2024, 12, 31)).Reports, earlier.Reports);
        Assert.Throws<ArgumentNullException>(() => health.Insights(null!));
    }

    [Fact]
    public void ScoreAndRecommend_ANullPartnership_ThrowArgumentNullExceptionNamingIt()
    {
        // The interface documented no exception for them: its doc comments now say it, and this pins the type and the name
        // (it passed before; the fix is to the documentation).
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(Examples.ClockAt(Examples.Today))
            .AddPartnerMetrics(_ => { })
            .BuildServiceProvider();
        var health = provider.GetRequiredService<IPartnerHealth>();

        Assert.Throws<ArgumentNullException>("partnership", () => health.Score(null!));
        Assert.Throws<ArgumentNullException>("partnership", () => health.Score(null!, Examples.Today));
        Assert.Throws<ArgumentNullException>("partnership", () => health.Recommend(null!));
    }

    [Fact]
    public void Insights_WithAToken_EqualsTheLibrary_AndStopsWhenCanceled()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(Examples.ClockAt(Examples.Today))
            .AddPartnerMetrics(_ => { })
            .BuildServiceProvider();
        var health = provider.GetRequiredService<IPartnerHealth>();
        var portfolio = new Portfolio([Examples.Partnership]);
        using var canceled = new CancellationTokenSource();
        canceled.Cancel();

        var insights = health.Insights(portfolio, Examples.Today, CancellationToken.None);

        Assert.Equal<HealthReport>(new PortfolioInsights(new HealthScorer(), portfolio, Examples.Today).Reports, insights.Reports);
        Assert.ThrowsAny<OperationCanceledException>(() => health.Insights(portfolio, Examples.Today, canceled.Token));
    }
}
