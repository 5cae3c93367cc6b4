using Microsoft.Extensions.DependencyInjection;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;

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

    /// <summary>
    /// A model set scores each partnership with the model it selects (DOMAIN section 3.1, segments), as a scorer built
    /// from the set does: a score, its next actions and the portfolio views; the service names the set and its default.
    /// </summary>
    [Fact]
    public void Models_ScoreEachPartnershipWithTheModelTheSetSelects()
    {
        var resellers = HealthModel.Default with { Name = "resellers", DimensionWeights = new DimensionWeights(1, 0, 0, 0, 0) };
        var models = HealthModelSet.ByPartnerType(HealthModel.Default, new Dictionary<PartnerType, HealthModel> { [PartnerType.Reseller] = resellers });
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(Examples.ClockAt(Examples.Today))
            .AddPartnerMetrics(o => o.Models = models)
            .BuildServiceProvider();
        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        var health = provider.GetRequiredService<IPartnerHealth>();
        var scorer = new HealthScorer(models);
        var portfolio = new Portfolio([Examples.Partnership]);

        var report = health.Score(Examples.Partnership);

        Assert.Equal(PartnerType.Reseller, Examples.Partnership.Partner.Type);
        Assert.Equal("resellers", report.ModelName);
        Assert.Equal(scorer.Score(Examples.Partnership, Examples.Today), report);
        Assert.NotEqual(new HealthScorer().Score(Examples.Partnership, Examples.Today).Score, report.Score);
        Assert.Equal(
            new PartnershipAdvisor(scorer).Recommend(Examples.Partnership, Examples.Today).Select(Outcome),
            health.Recommend(Examples.Partnership).Select(Outcome));
        Assert.Equal<HealthReport>(new PortfolioInsights(scorer, portfolio, Examples.Today).Reports, health.Insights(portfolio).Reports);
        Assert.Same(models, health.Models);
        Assert.Same(HealthModel.Default, health.Model);
    }

    /// <summary>What a next action changes and what it wins.</summary>
    private static (string Code, string Change, double Score, double Confidence, HealthBand Band) Outcome(Recommendation action) =>
        (action.Code, action.Change, action.ScoreAfter, action.ConfidenceAfter, action.BandAfter);

    /// <summary>Without a set, the service's set is its one model.</summary>
    [Fact]
    public void Models_WithoutASet_IsTheOneModel()
    {
        var model = HealthModel.Default with { LossAversion = 3 };
        using var provider = new ServiceCollection().AddPartnerMetrics(o => o.Model = model).BuildServiceProvider();

        var health = provider.GetRequiredService<IPartnerHealth>();

        Assert.Same(model, Assert.Single(health.Models.Models));
        Assert.Same(model, health.Model);
    }
}
