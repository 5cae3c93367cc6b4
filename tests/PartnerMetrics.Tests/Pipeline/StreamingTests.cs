using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>The asynchronous entry points read a stream of deals to exactly the result of the in-memory ones.</summary>
public class StreamingTests
{
    private static readonly PipelineOptions Options = new() { RemainingTarget = 1_000m, TopPartners = 2 };

    [Property]
    public Property SummarizeAsync_EqualsSummarize() =>
        Prop.ForAll(ModelGenerators.Deals.ToArbitrary(), deals =>
            Assert.Equal(PipelineAnalytics.Summarize(deals, Options), PipelineAnalytics.SummarizeAsync(Stream(deals), Options).GetAwaiter().GetResult()));

    [Property]
    public Property GroupByAsync_EqualsGroupBy() =>
        Prop.ForAll(ModelGenerators.Deals.ToArbitrary(), deals =>
            Assert.Equal(
                PipelineAnalytics.GroupBy(deals, o => (o.District, o.MotionClass), Options),
                PipelineAnalytics.GroupByAsync(Stream(deals), o => (o.District, o.MotionClass), Options).GetAwaiter().GetResult()));

    [Fact]
    public async Task AddRangeAsync_AddsLikeAddRange()
    {
        var (sync, streamed) = (new PipelineAccumulator(), new PipelineAccumulator());
        sync.AddRange(PipelineExamples.Deals);
        await streamed.AddRangeAsync(Stream(PipelineExamples.Deals));

        Assert.Equal(sync.Result(Options), streamed.Result(Options));
    }

    [Fact]
    public void AsyncEntryPoints_NullArguments_ThrowAtTheCall()
    {
        // Thrown by the call itself, not by the task it would return (MoreLINQ: validate eagerly).
        Assert.Equal("opportunities", Assert.Throws<ArgumentNullException>(() => { _ = PipelineAnalytics.SummarizeAsync(null!); }).ParamName);
        Assert.Equal("opportunities", Assert.Throws<ArgumentNullException>(() => { _ = PipelineAnalytics.GroupByAsync<string>(null!, PipelineKeys.District); }).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => { _ = PipelineAnalytics.GroupByAsync<string>(Stream([]), null!); }).ParamName);
        Assert.Equal("opportunities", Assert.Throws<ArgumentNullException>(() => { _ = new PipelineAccumulator().AddRangeAsync(null!); }).ParamName);
        Assert.Equal("opportunities", Assert.Throws<ArgumentNullException>(() => { _ = new GroupedPipelineAccumulator<string>(PipelineKeys.District).AddRangeAsync(null!); }).ParamName);
    }

    [Fact]
    public async Task AddRangeAsync_NullDeal_RejectedWithItsIndex()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PipelineAnalytics.SummarizeAsync(Stream([PipelineExamples.Deals[0], null!])));

        Assert.Equal("opportunities", error.ParamName);
        Assert.Contains("item 1 is null", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A stream of deals is not limited to int.MaxValue of them (every sum is exact for ten billion deals): the deal after
    /// the 2,147,483,648th is read, and a null there is rejected with its index, not with an OverflowException of the
    /// counter. Open deals into a motion inference, the cheapest reader of a sequence, keep the test to seconds.
    /// </summary>
    [Fact]
    public void AddRange_PastInt32MaxValueDeals_ReadsOnAndNamesTheIndex()
    {
        var open = PipelineExamples.Deals[5];
        Assert.Equal(DealOutcome.Open, open.Outcome);

        var error = Assert.Throws<ArgumentException>(() => new MotionInference().AddRange(Repeat(open, (long)int.MaxValue + 1).Append(null!)));

        Assert.Equal("opportunities", error.ParamName);
        Assert.Contains("item 2147483648 is null", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Opportunity> Repeat(Opportunity deal, long times)
    {
        for (var i = 0L; i < times; i++)
        {
            yield return deal;
        }
    }

    private static async IAsyncEnumerable<Opportunity> Stream(IEnumerable<Opportunity> deals)
    {
        foreach (var deal in deals)
        {
            await Task.Yield();
            yield return deal;
        }
    }
}
