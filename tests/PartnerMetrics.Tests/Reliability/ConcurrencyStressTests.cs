using System.Collections.Concurrent;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
using PartnerMetrics.Tests.Pipeline;

namespace PartnerMetrics.Tests.Reliability;

/// <summary>
/// Shared, immutable scorers and advisors from many threads at once, and accumulators filled on many
/// threads and merged as they finish: every result equals the single-threaded one (docs/reliability.md).
/// </summary>
public class ConcurrencyStressTests
{
    private const int Threads = 8;
    private const int CallsPerThread = 10_000;

    [Fact]
    public void OneScorer_8ThreadsTimes10000Calls_EveryReportEqualsTheSequentialOne()
    {
        var cases = ModelGenerators.ScoringCase.Sample(40, 64).ToArray();
        var scorer = new HealthScorer();
        var advisor = new PartnershipAdvisor(scorer);
        var reports = cases.Select(c => scorer.Score(c.Partnership, c.AsOf)).ToArray();
        var actions = cases.Select(c => advisor.Recommend(c.Partnership, c.AsOf).ToArray()).ToArray();
        var mismatches = new ConcurrentQueue<string>();

        RunOnThreads(thread =>
        {
            for (var call = 0; call < CallsPerThread; call++)
            {
                // Each thread walks the cases in its own order, so that different threads score the same partnership at once.
                var i = ((thread * 7919) + (call * 31)) % cases.Length;
                var c = cases[i];
                var same = call % 16 == 0
                    ? advisor.Recommend(c.Partnership, c.AsOf).AsSpan().SequenceEqual(actions[i])
                    : scorer.Score(c.Partnership, c.AsOf).Equals(reports[i]);
                if (!same)
                {
                    mismatches.Enqueue($"thread {thread}, call {call}, case {i}");
                }
            }
        });

        Assert.Empty(mismatches);
    }

    [Fact]
    public void PipelineAccumulators_FilledOn8ThreadsAndMergedAsTheyFinish_EqualOnePass()
    {
        var deals = Gen.CollectToArray(Enumerable.Range(0, 40_000), ModelGenerators.DealNumbered).Sample(1, 1).Single();
        static (string?, MotionClass, Quarter) Key(Opportunity o) => PipelineExamples.DistrictClassQuarter(o);
        var single = new PipelineAccumulator();
        single.AddRange(deals);
        var singleGrouped = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key);
        singleGrouped.AddRange(deals);

        for (var round = 0; round < 5; round++)
        {
            var finished = new ConcurrentQueue<(PipelineAccumulator Total, GroupedPipelineAccumulator<(string?, MotionClass, Quarter)> Grouped)>();
            RunOnThreads(thread =>
            {
                var total = new PipelineAccumulator();
                var grouped = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key);
                for (var i = thread; i < deals.Length; i += Threads)
                {
                    total.Add(deals[i]);
                    grouped.Add(deals[i]);
                }

                finished.Enqueue((total, grouped));
            });

            // Merged in the order the threads happened to finish: a different order every round.
            var mergedTotal = new PipelineAccumulator();
            var mergedGrouped = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key);
            foreach (var (total, grouped) in finished)
            {
                mergedTotal.Merge(total);
                mergedGrouped.Merge(grouped);
            }

            Assert.Equal(single.Result(), mergedTotal.Result());
            Assert.Equal(singleGrouped.Result(), mergedGrouped.Result());
        }
    }

    [Fact]
    public void ScoreAll_OnEveryCore_RepeatedlyEqualsSequentialScoring()
    {
        var portfolio = ModelGenerators.Portfolio.Sample(1, 30).Single();
        var scorer = new HealthScorer();
        var asOf = new DateOnly(2025, 6, 30);
        var sequential = portfolio.Partnerships.Select(p => scorer.Score(p, asOf)).ToArray();

        for (var round = 0; round < 20; round++)
        {
            Assert.Equal(sequential, scorer.ScoreAll(portfolio, asOf, maxDegreeOfParallelism: Threads).ToArray());
        }
    }

    [Fact]
    public void ScoreAll_AModelSelectorThatThrows_FailsAsScoringInOrderWould()
    {
        // A caller's model selector is the one piece of a score that can throw: on every core, the failure is the one a
        // loop over the partnerships meets first, as itself, not an AggregateException of every thread's.
        var portfolio = ModelGenerators.Portfolio.Where(p => p.Partnerships.Length >= 3).Sample(1, 30).Single();
        var failing = new HashSet<PartnerId>([portfolio.Partnerships[1].Partner.Id, portfolio.Partnerships[^1].Partner.Id]);
        var models = HealthModelSet.Create(
            [HealthModel.Default],
            p => failing.Contains(p.Id) ? throw new InvalidOperationException($"No model for {p.Id}.") : HealthModel.Default);
        var scorer = new HealthScorer(models);
        var asOf = new DateOnly(2025, 6, 30);

        var inOrder = Assert.Throws<InvalidOperationException>(() => portfolio.Partnerships.Select(p => scorer.Score(p, asOf)).ToArray());
        for (var round = 0; round < 20; round++)
        {
            var onEveryCore = Assert.Throws<InvalidOperationException>(() => scorer.ScoreAll(portfolio, asOf, maxDegreeOfParallelism: Threads));
            Assert.Equal(inOrder.Message, onEveryCore.Message);
        }
    }

    [Fact]
    public void NextActions_AModelSelectorThatThrows_FailsAsAdvisingInOrderWould()
    {
        // The selector starts failing once the portfolio is scored, so that the failure comes from the advice.
        var portfolio = ModelGenerators.Portfolio.Where(p => p.Partnerships.Length >= 3).Sample(1, 30).Single();
        var failing = new HashSet<PartnerId>([portfolio.Partnerships[1].Partner.Id, portfolio.Partnerships[^1].Partner.Id]);
        var armed = false;
        var models = HealthModelSet.Create(
            [HealthModel.Default],
            p => Volatile.Read(ref armed) && failing.Contains(p.Id) ? throw new InvalidOperationException($"No model for {p.Id}.") : HealthModel.Default);
        var scorer = new HealthScorer(models);
        var asOf = new DateOnly(2025, 6, 30);
        var insights = new PortfolioInsights(scorer, portfolio, asOf, maxDegreeOfParallelism: Threads);
        Volatile.Write(ref armed, true);

        var error = Assert.Throws<InvalidOperationException>(() => insights.NextActions);
        Assert.Equal($"No model for {portfolio.Partnerships[1].Partner.Id}.", error.Message);
    }

    /// <summary>Runs <paramref name="work"/> on <see cref="Threads"/> dedicated threads that start together.</summary>
    private static void RunOnThreads(Action<int> work)
    {
        using var start = new ManualResetEventSlim();
        var errors = new ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.Wait();
            try
            {
                work(t);
            }
            catch (Exception error)
            {
                errors.Enqueue(error);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        start.Set();
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
    }
}
