using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
using PartnerMetrics.Tests.Pipeline;
using PartnerMetrics.Tests.Validation;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Tests.Reliability;

/// <summary>
/// Every long or parallel operation stops with <see cref="OperationCanceledException"/> when its token is canceled:
/// before it starts, and while it runs. "While it runs" is made deterministic by canceling from a callback the
/// operation makes — a model selector, a per-sample value, the stream of deals — rather than from a timer.
/// </summary>
public class CancellationTests
{
    private static readonly DateOnly AsOf = BacktestHistories.T;
    private static readonly (Partnership[] Partnerships, ChurnOutcome[] Outcomes) Company = BacktestHistories.TrustDrivenCompany(40);
    private static readonly DateOnly[] Days = [AsOf.AddDays(-90), AsOf];

    private static CancellationToken Canceled => new(canceled: true);

    [Fact]
    public void ScoreAll_Canceled_Throws()
    {
        var scorer = new HealthScorer();
        Assert.ThrowsAny<OperationCanceledException>(() => scorer.ScoreAll(new Portfolio(Company.Partnerships), AsOf, cancellationToken: Canceled));
    }

    [Fact]
    public void ScoreAll_CanceledWhileScoring_StopsBeforeTheEnd()
    {
        var (scorer, cancellation, calls) = CancelOnCall(3);
        using (cancellation)
        {
            Assert.ThrowsAny<OperationCanceledException>(() => scorer.ScoreAll(new Portfolio(Company.Partnerships), AsOf, maxDegreeOfParallelism: 1, cancellation.Token));
            Assert.InRange(calls(), 3, Company.Partnerships.Length - 1);
        }
    }

    [Fact]
    public void History_Canceled_Throws()
    {
        var scorer = new HealthScorer();
        Assert.ThrowsAny<OperationCanceledException>(() => scorer.History(Company.Partnerships[0], AsOf.AddYears(-1), AsOf, TimeSpan.FromDays(1), Canceled));
    }

    [Fact]
    public void History_CanceledWhileRunning_Throws()
    {
        var (scorer, cancellation, _) = CancelOnCall(1);
        using (cancellation)
        {
            Assert.ThrowsAny<OperationCanceledException>(() => scorer.History(Company.Partnerships[0], AsOf.AddYears(-1), AsOf, TimeSpan.FromDays(1), cancellation.Token));
        }
    }

    [Fact]
    public void PortfolioInsights_Canceled_Throws()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => new PortfolioInsights(new HealthScorer(), new Portfolio(Company.Partnerships), AsOf, cancellationToken: Canceled));
    }

    [Fact]
    public void PortfolioInsights_CanceledWhileScoring_Throws()
    {
        var (scorer, cancellation, calls) = CancelOnCall(5);
        using (cancellation)
        {
            Assert.ThrowsAny<OperationCanceledException>(() => new PortfolioInsights(scorer, new Portfolio(Company.Partnerships), AsOf, 1, cancellation.Token));
            Assert.InRange(calls(), 5, Company.Partnerships.Length - 1);
        }
    }

    [Fact]
    public void TopActions_Canceled_ThrowsAndKeepsNothing()
    {
        var insights = new PortfolioInsights(new HealthScorer(), new Portfolio(Company.Partnerships), AsOf);

        Assert.ThrowsAny<OperationCanceledException>(() => insights.TopActions(cancellationToken: Canceled));
        var fresh = new PortfolioInsights(new HealthScorer(), new Portfolio(Company.Partnerships), AsOf).TopActions();
        Assert.Equal(fresh.Select(g => (g.Code, g.Count)), insights.TopActions().Select(g => (g.Code, g.Count)));
    }

    [Fact]
    public void TopActions_CanceledWhileAdvising_Throws()
    {
        // The scorer cancels on the first call after the insights scored the portfolio: inside the advice.
        var (scorer, cancellation, _) = CancelOnCall(Company.Partnerships.Length + 1);
        using (cancellation)
        {
            var insights = new PortfolioInsights(scorer, new Portfolio(Company.Partnerships), AsOf, 1, cancellation.Token);
            Assert.ThrowsAny<OperationCanceledException>(() => insights.TopActions(cancellationToken: cancellation.Token));
        }
    }

    [Fact]
    public void BacktestRun_Canceled_Throws()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => Backtest.Run(new HealthScorer(), Company.Partnerships, Days, Company.Outcomes, cancellationToken: Canceled));
    }

    [Fact]
    public void BacktestRun_CanceledWhileScoring_StopsAtTheNextSample()
    {
        using var cancellation = new CancellationTokenSource();
        var samples = 0;
        var options = new BacktestOptions
        {
            Outcome = (_, _) =>
            {
                if (++samples == 3)
                {
                    cancellation.Cancel();
                }

                return null;
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => Backtest.Run(new HealthScorer(), Company.Partnerships, Days, Company.Outcomes, options, cancellation.Token));
        Assert.Equal(3, samples);
    }

    [Fact]
    public void BacktestFit_Canceled_Throws()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => Backtest.Fit(new HealthScorer(), Company.Partnerships, Days, Company.Outcomes, cancellationToken: Canceled));
    }

    [Fact]
    public void BacktestFit_CanceledWhileScoring_StopsAtTheNextSample()
    {
        var (scorer, cancellation, calls) = CancelOnCall(4);
        using (cancellation)
        {
            Assert.ThrowsAny<OperationCanceledException>(() => Backtest.Fit(scorer, Company.Partnerships, Days, Company.Outcomes, cancellationToken: cancellation.Token));
            Assert.Equal(4, calls());
        }
    }

    [Fact]
    public void Cube_Canceled_ThrowsOnEveryPath()
    {
        var deals = PipelineExamples.Deals;
        Assert.ThrowsAny<OperationCanceledException>(() => PipelineCube.Compute(deals, cancellationToken: Canceled));
        Assert.ThrowsAny<OperationCanceledException>(() => PipelineCube.Compute(deals.AsEnumerable(), cancellationToken: Canceled));
        Assert.ThrowsAny<OperationCanceledException>(() => PipelineCube.Compute(OpportunityBatch.From(deals), cancellationToken: Canceled));
    }

    [Fact]
    public void Cube_CanceledWhileReadingManyDeals_Throws()
    {
        // 200,000 deals: several partitions; the token is canceled while the deals are being read.
        var seed = Gen.CollectToArray(Enumerable.Range(0, 2_000), ModelGenerators.DealNumbered).Sample(1, 1).Single();
        using var cancellation = new CancellationTokenSource();

        IEnumerable<Opportunity> Deals()
        {
            for (var copy = 0; copy < 100; copy++)
            {
                foreach (var deal in seed)
                {
                    yield return deal;
                }
            }

            cancellation.Cancel();
        }

        Assert.ThrowsAny<OperationCanceledException>(() => PipelineCube.Compute(Deals(), maxDegreeOfParallelism: 4, cancellation.Token));
    }

    [Fact]
    public async Task Streams_Canceled_Throw()
    {
        var deals = Stream(PipelineExamples.Deals);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PipelineAnalytics.SummarizeAsync(deals, cancellationToken: Canceled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PipelineAnalytics.GroupByAsync(deals, PipelineKeys.District, cancellationToken: Canceled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PipelineAccumulator().AddRangeAsync(deals, Canceled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new GroupedPipelineAccumulator<string>(PipelineKeys.District).AddRangeAsync(deals, Canceled));
    }

    [Fact]
    public async Task Streams_CanceledMidway_StopBeforeTheNextDeal()
    {
        using var cancellation = new CancellationTokenSource();
        var grouping = new GroupedPipelineAccumulator<string>(PipelineKeys.District);

        // The stream ignores the token, as a synchronous source may: the accumulator checks it before each deal.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grouping.AddRangeAsync(Stream(PipelineExamples.Deals, afterEach: i => { if (i == 4) { cancellation.Cancel(); } }), cancellation.Token));
        Assert.Equal(4, grouping.Result().Total.Count);
    }

    /// <summary>A scorer whose model selector cancels the returned source on its <paramref name="call"/>th call, and counts its calls.</summary>
    private static (HealthScorer Scorer, CancellationTokenSource Cancellation, Func<int> Calls) CancelOnCall(int call)
    {
        var cancellation = new CancellationTokenSource();
        var calls = 0;
        var models = HealthModelSet.Create([HealthModel.Default], _ =>
        {
            if (Interlocked.Increment(ref calls) == call)
            {
                cancellation.Cancel();
            }

            return HealthModel.Default;
        });
        return (new HealthScorer(models), cancellation, () => Volatile.Read(ref calls));
    }

    private static async IAsyncEnumerable<Opportunity> Stream(IEnumerable<Opportunity> deals, Action<int>? afterEach = null)
    {
        var index = 0;
        foreach (var deal in deals)
        {
            await Task.Yield();
            yield return deal;
            afterEach?.Invoke(++index);
        }
    }
}
