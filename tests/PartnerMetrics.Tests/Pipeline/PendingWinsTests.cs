using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>
/// Issue 19: a grouping holds its won deals back and applies them to their groups' partner, account and cycle tallies
/// in bursts (<see cref="PendingWins"/>). However small the buffer, and whenever it fills, merges or is emptied, every
/// group equals an accumulator that applied each deal as it came, to the bit.
/// </summary>
public class PendingWinsTests
{
    private static readonly PipelineOptions Options = PipelineExamples.FullOptions;

    private static (string?, MotionClass, Quarter) Key(Opportunity o) => PipelineExamples.DistrictClassQuarter(o);

    /// <summary>Buffers of 1 to 16 deals, so that generated lists fill them many times over, and the default.</summary>
    private static readonly Gen<int> Capacity = Gen.Frequency((4, Gen.Choose(1, 16)), (1, Gen.Constant(PendingWins.MaximumCapacity)));

    [Property]
    public Property EveryGroup_EqualsAnAccumulatorOfItsDeals_WhateverTheBuffer() =>
        Prop.ForAll(
            (from deals in ModelGenerators.Deals
             from capacity in Capacity
             select (deals, capacity)).ToArbitrary(),
            t =>
            {
                var grouping = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key, null, t.capacity);
                grouping.AddRange(t.deals);

                var result = grouping.Result(Options);

                // A PipelineAccumulator of its own applies each won deal as it is added.
                var expected = t.deals.GroupBy(Key).ToDictionary(g => g.Key, g => PipelineAnalytics.Summarize(g, Options));
                Assert.Equal(expected.Count, result.Groups.Length);
                foreach (var group in result.Groups)
                {
                    Assert.Equal(expected[group.Key], group.Result);
                }

                Assert.Equal(PipelineAnalytics.Summarize(t.deals, Options), result.Total);
            });

    [Property]
    [Trait("Rule", "13")]
    public Property MergingAndClearing_WithDealsHeld_EqualsOnePass() =>
        Prop.ForAll(
            (from first in ModelGenerators.Deals
             from second in ModelGenerators.Deals
             from discarded in ModelGenerators.Deals
             from capacity in Capacity
             select (first, second, discarded, capacity)).ToArbitrary(),
            t =>
            {
                var total = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key, null, t.capacity);
                total.AddRange(t.first);
                var block = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key, null, t.capacity);

                // Deals held in the block when it is emptied are forgotten with it.
                block.AddRange(t.discarded);
                block.Clear();
                block.AddRange(t.second);
                total.Merge(block);

                var single = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key);
                single.AddRange(t.first.Concat(t.second));
                Assert.Equal(single.Result(Options), total.Result(Options));

                // The block merged in is unchanged, and adding after a merge or a result still counts every deal.
                var alone = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key);
                alone.AddRange(t.second);
                Assert.Equal(alone.Result(Options), block.Result(Options));
                total.AddRange(t.discarded);
                single.AddRange(t.discarded);
                Assert.Equal(single.Result(Options), total.Result(Options));
            });

    [Fact]
    public void AGroupingWithDealsHeld_ReadOnManyThreadsAtOnce_GivesOneResult()
    {
        var deals = Enumerable.Range(0, 2_000).SelectMany(_ => PipelineExamples.Deals).ToArray();
        var expected = PipelineAnalytics.GroupBy(deals, Key, Options);

        for (var round = 0; round < 10; round++)
        {
            // A buffer large enough to hold every won deal until the first result applies them or a merge copies them.
            var grouping = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key, null, deals.Length);
            grouping.AddRange(deals);
            var results = new GroupedPipelineResult<(string?, MotionClass, Quarter)>?[4];
            using var start = new Barrier(results.Length);
            var readers = Enumerable.Range(0, results.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                if (i % 2 == 0)
                {
                    results[i] = grouping.Result(Options);
                }
                else
                {
                    var into = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key);
                    into.Merge(grouping);
                    results[i] = into.Result(Options);
                }
            })).ToList();
            readers.ForEach(reader => reader.Start());
            readers.ForEach(reader => reader.Join());

            Assert.All(results, result => Assert.Equal(expected, result));
        }
    }

    [Theory]
    [InlineData(1, 10, 1)]
    [InlineData(1_500, 3_000, 1_500)]       // grown from 1,024 to the maximum, not to 2,048
    [InlineData(4_096, 3_000, 4_096)]       // grown twice, from 1,024
    [InlineData(1 << 20, 1_500, 2_048)]     // grown once, to hold 1,500 deals
    public void TheBuffer_GrowsAsNeeded_UpToItsMaximum(int maximum, int deals, int expected)
    {
        var groups = new List<PipelineAccumulator>();
        var pending = new PendingWins(groups, maximum);
        groups.Add(new PipelineAccumulator(new IdTable(), new IdTable(), new TallyArena(), pending, 0));

        for (var i = 0; i < deals; i++)
        {
            pending.Add(new PendingWins.Win(0, -1, i % 7, i % 30, 1m));
            Assert.InRange(pending.Count, 1, maximum);
        }

        Assert.Equal(expected, pending.Capacity);
        pending.Apply();
        Assert.Equal(0, pending.Count);
        Assert.Equal(deals, groups[0].Result().WonCycle?.Count);
    }

    [Fact]
    public void ABufferFilledManyTimes_OverManyGroups_EqualsOnePass()
    {
        // Past the default buffer (262,144 won deals), so that it is applied while deals are still being added.
        var deals = Enumerable.Range(0, 3 * PendingWins.MaximumCapacity / 2)
            .Select(i => new Opportunity(
                new OpportunityId($"O-{i}"),
                new AccountId($"A-{(i * 7_919L) % 5_000}"),
                new DateOnly(2020, 1, 1).AddDays(i % 1_000),
                (DealMotion)(i % 5),
                DealSource.PartnerSourced,
                RouteToMarket.Partner,
                DealOutcome.Won,
                (i % 997) + 0.25m,
                new PartnerId($"P-{i % 97}"),
                $"District {i % 11}",
                closedOn: new DateOnly(2020, 1, 1).AddDays((i % 1_000) + (i % 400))))
            .ToArray();
        var grouping = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key);
        grouping.AddRange(deals);

        var result = grouping.Result(Options);

        Assert.Equal(PipelineAnalytics.Summarize(deals, Options), result.Total);
        var first = result.Groups[0];
        Assert.Equal(PipelineAnalytics.Summarize(deals.Where(d => Key(d) == first.Key), Options), first.Result);
    }

    /// <summary>
    /// A result gives the buffer back to the pool; deals added after it are held in a buffer rented anew, and the next
    /// result is that of every deal, as one pass gives it — also when the deals are split around many results.
    /// </summary>
    [Property]
    public Property DealsAddedAfterAResult_AreHeldAnew_AndCounted() =>
        Prop.ForAll(
            (from deals in ModelGenerators.Deals
             from cut in Gen.Choose(0, 100)
             from capacity in Capacity
             select (deals, cut, capacity)).ToArbitrary(),
            t =>
            {
                var grouping = new GroupedPipelineAccumulator<(string?, MotionClass, Quarter)>(Key, null, t.capacity);
                var before = t.deals.Length * t.cut / 100;
                grouping.AddRange(t.deals.Take(before));
                Assert.Equal(PipelineAnalytics.Summarize(t.deals.Take(before), Options), grouping.Result(Options).Total);

                grouping.AddRange(t.deals.Skip(before));
                var result = grouping.Result(Options);

                Assert.Equal(PipelineAnalytics.Summarize(t.deals, Options), result.Total);
                Assert.Equal(t.deals.Select(Key).Distinct().Count(), result.Groups.Length);
            });

    [Fact]
    public void Release_AppliesTheDealsHeld_AndEmptiesTheBuffer()
    {
        var groups = new List<PipelineAccumulator>();
        var pending = new PendingWins(groups);
        groups.Add(new PipelineAccumulator(new IdTable(), new IdTable(), new TallyArena(), pending, 0));
        for (var i = 0; i < 1_500; i++)
        {
            pending.Add(new PendingWins.Win(0, -1, i % 7, i % 30, 1m));
        }

        Assert.Equal((1_500, 2_048), (pending.Count, pending.Capacity));
        pending.Release();

        Assert.Equal((0, 0), (pending.Count, pending.Capacity));
        Assert.Equal(1_500, groups[0].Result().WonCycle?.Count);
        pending.Add(new PendingWins.Win(0, -1, 3, 4, 1m));
        Assert.Equal((1, 1_024), (pending.Count, pending.Capacity));
    }
}
