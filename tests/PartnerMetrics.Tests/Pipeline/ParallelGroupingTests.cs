using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>
/// Issue 19: the grouping of a list on several threads, the groups' metrics computed in parallel, and the tallies
/// behind them (interned ids in tables carved from one arena) give the one-thread answer to the bit.
/// </summary>
public class ParallelGroupingTests
{
    private static readonly PipelineOptions Options = PipelineExamples.FullOptions;

    private static (string?, MotionClass, Quarter) Key(Opportunity o) => PipelineExamples.DistrictClassQuarter(o);

    [Property]
    [Trait("Rule", "13")]
    public Property GroupBy_OnSeveralThreads_EqualsOneThread_ToTheBit() =>
        Prop.ForAll(
            (from deals in ModelGenerators.Deals
             from threads in Gen.Choose(1, 4)
             // Parts of 1 to 50 deals, so that generated lists are cut into as many parts as there are threads.
             from minimumPart in Gen.Choose(1, 50)
             select (deals, threads, minimumPart)).ToArbitrary(),
            t =>
            {
                var parallel = PipelineAnalytics.GroupBy(t.deals, Key, new ParallelOptions { MaxDegreeOfParallelism = t.threads }, Options, t.minimumPart);

                Assert.Equal(PipelineAnalytics.GroupBy(t.deals, Key, Options), parallel);
            });

    [Property]
    public Property Result_OnSeveralThreads_EqualsResultOnOne() =>
        Prop.ForAll(
            (from deals in ModelGenerators.Deals
             from threads in Gen.Choose(1, 4)
             select (deals, threads)).ToArbitrary(),
            t =>
            {
                var grouping = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
                grouping.AddRange(t.deals);

                Assert.Equal(grouping.Result(Options), grouping.Result(Options, new ParallelOptions { MaxDegreeOfParallelism = t.threads }));
                Assert.Equal(grouping.Result(Options), grouping.Result(Options, parallelOptions: null));
            });

    /// <summary>Tables of many groups share one arena: whatever the order tallies arrive in, each table holds its own sums.</summary>
    [Property]
    public Property TablesSharingAnArena_HoldTheirOwnSums() =>
        Prop.ForAll(
            (from tables in Gen.Choose(1, 6)
             from operations in (from table in Gen.Choose(0, tables - 1)
                                 from id in Gen.Choose(0, 300)
                                 from cents in Gen.Choose(0, 1_000_000)
                                 select (table, id, cents)).ListOf()
             select (tables, operations: operations.ToArray())).ToArbitrary(),
            t =>
            {
                var arena = new TallyArena();
                var tallies = Enumerable.Range(0, t.tables).Select(_ => new WinTallies(arena)).ToArray();
                var expected = Enumerable.Range(0, t.tables).Select(_ => new Dictionary<int, (long, decimal)>()).ToArray();
                foreach (var (table, id, cents) in t.operations)
                {
                    tallies[table].Add(id, 1, cents / 100m);
                    expected[table][id] = expected[table].TryGetValue(id, out var sum) ? (sum.Item1 + 1, sum.Item2 + (cents / 100m)) : (1, cents / 100m);
                }

                for (var table = 0; table < t.tables; table++)
                {
                    Assert.Equal(expected[table].Count, tallies[table].Count);
                    Assert.Equal(
                        expected[table].OrderBy(e => e.Key).Select(e => (e.Key, e.Value.Item1, e.Value.Item2)),
                        tallies[table].Entries().OrderBy(e => e.Id).Select(e => (e.Id, e.Tally.Count, e.Tally.Value)));
                }
            });

    [Fact]
    public void Merge_MapsTheOtherTablesIds()
    {
        var mine = new WinTallies(new TallyArena());
        var theirs = new WinTallies(new TallyArena());
        mine.Add(0, 1, 5m);
        theirs.Add(0, 2, 7m);
        theirs.Add(1, 1, 1m);

        mine.Merge(theirs, map: [3, 0]);

        Assert.Equal([(0, 2L, 6m), (3, 2L, 7m)], mine.Entries().OrderBy(e => e.Id).Select(e => (e.Id, e.Tally.Count, e.Tally.Value)));
    }

    [Fact]
    public void ATableLargerThanTheArenasChunks_HoldsEveryTally()
    {
        // 40,000 ids need 65,536 slots, past the arena's largest chunk (32,768): the table gets an array of its own.
        var arena = new TallyArena();
        var small = new WinTallies(arena);
        var large = new WinTallies(arena);
        for (var id = 0; id < 40_000; id++)
        {
            large.Add(id, 1, id);
            small.Add(id % 10, 1, 1m);
        }

        Assert.Equal(40_000, large.Count);
        Assert.Equal(Enumerable.Range(0, 40_000).Sum(id => (decimal)id), large.Entries().Sum(e => e.Tally.Value));
        Assert.Equal(Enumerable.Repeat(4_000L, 10), small.Entries().Select(e => e.Tally.Count));
    }

    [Fact]
    public void ATableRentedAfterATableWithAnArrayOfItsOwn_DoesNotShareItsSlots()
    {
        // 40,000 ids give the large table an array of its own (65,536 slots); a table rented after it must come from
        // another array, not from the large table's, where its slots would overwrite the large table's tallies.
        var arena = new TallyArena();
        var large = new WinTallies(arena);
        for (var id = 0; id < 40_000; id++)
        {
            large.Add(id, 1, id);
        }

        // The large table's growth handed back one segment of each smaller size, which the first later table reuses;
        // the second rents new slots.
        var later = new[] { new WinTallies(arena), new WinTallies(arena) };
        foreach (var table in later)
        {
            for (var id = 0; id < 1_000; id++)
            {
                table.Add(id, 1, 1_000_000m);
            }
        }

        Assert.Equal(40_000, large.Count);
        Assert.Equal(Enumerable.Range(0, 40_000).Select(id => (id, 1L, (decimal)id)), large.Entries().OrderBy(e => e.Id).Select(e => (e.Id, e.Tally.Count, e.Tally.Value)));
        Assert.All(later, table => Assert.Equal(Enumerable.Range(0, 1_000).Select(id => (id, 1L, 1_000_000m)), table.Entries().OrderBy(e => e.Id).Select(e => (e.Id, e.Tally.Count, e.Tally.Value))));
    }

    [Fact]
    public void AGroupWithMoreAccountsThanAnArenaChunkHolds_LeavesTheGroupsAfterItWhole()
    {
        // District A's 40,000 accounts give its table an array of its own; the tables of B and C, rented after it,
        // once overlapped that array (their sums mixed with A's, or an add that never found a free slot).
        static IEnumerable<Opportunity> Won(string district, int accounts, decimal amount) =>
            Enumerable.Range(0, accounts).Select(i => PipelineExamples.Deal(
                $"{district}-{i}", $"P-{i % 7}", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won,
                amount + i, PipelineExamples.D, PipelineExamples.D.AddDays(i % 90), district, account: $"{district}-A-{i}"));
        var deals = Won("A", 40_000, 100m).Concat(Won("B", 1_000, 5_000m)).Concat(Won("C", 1_000, 9_000m)).ToArray();

        var grouped = PipelineAnalytics.GroupBy(deals, PipelineKeys.District, Options);

        foreach (var district in (string[])["A", "B", "C"])
        {
            var alone = new PipelineAccumulator();
            alone.AddRange(deals.Where(d => d.District == district));
            Assert.Equal(alone.Result(Options), Assert.Single(grouped.Groups, g => g.Key == district).Result);
        }
    }

    [Property]
    [Trait("Rule", "13")]
    public Property AClearedGrouping_FilledAgain_EqualsANewOne() =>
        Prop.ForAll(
            (from before in ModelGenerators.Deals
             from after in ModelGenerators.Deals
             select (before, after)).ToArbitrary(),
            t =>
            {
                var reused = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
                reused.AddRange(t.before);
                reused.Clear();
                Assert.Equal(0, reused.Count);
                Assert.Equal((0, 0), reused.InternedIds);   // its ids are forgotten too, so memory does not grow from block to block
                reused.AddRange(t.after);
                Assert.Equal(Fresh(t.after).InternedIds, reused.InternedIds);

                Assert.Equal(Fresh(t.after).Result(Options), reused.Result(Options));

                // Merged into, and merged from, a cleared grouping is a new one too.
                var total = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
                total.AddRange(t.before);
                total.Merge(reused);
                var expected = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
                expected.AddRange(t.before);
                expected.AddRange(t.after);
                Assert.Equal(expected.Result(Options), total.Result(Options));

                static GroupedPipelineAccumulator<string> Fresh(IEnumerable<Opportunity> deals)
                {
                    var grouping = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
                    grouping.AddRange(deals);
                    return grouping;
                }
            });

    [Fact]
    public void AClearedIdTable_NumbersIdsFromZeroAgain()
    {
        var table = new IdTable();
        Assert.Equal(0, table.Intern("a"));
        Assert.Equal(1, table.Intern("b"));
        table.Clear();

        Assert.Equal(0, table.Count);
        Assert.Equal(0, table.Intern("b"));
        Assert.Equal("b", table[0]);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void AClearedArena_KeepsItsLargestChunk_AndGivesEmptySlots()
    {
        // A table of 40,000 ids has an array of its own; cleared, the arena carves the next tables from it, all empty.
        var arena = new TallyArena();
        var large = new WinTallies(arena);
        for (var id = 0; id < 40_000; id++)
        {
            large.Add(id, 1, 1m);
        }

        arena.Clear();
        var tables = Enumerable.Range(0, 3).Select(_ => new WinTallies(arena)).ToArray();
        for (var id = 0; id < 20_000; id++)
        {
            tables[id % 3].Add(id, 1, id);
        }

        for (var t = 0; t < 3; t++)
        {
            var ids = Enumerable.Range(0, 20_000).Where(id => id % 3 == t).ToArray();
            Assert.Equal(ids.Select(id => (id, 1L, (decimal)id)), tables[t].Entries().OrderBy(e => e.Id).Select(e => (e.Id, e.Tally.Count, e.Tally.Value)));
        }
    }

    [Theory]
    [InlineData(40)]      // every table carved from one chunk, which is still being carved when cleared
    [InlineData(3_000)]   // enough tables for several chunks of the largest size: the one kept is full, not the current one
    public void AClearedArena_OfSmallTables_GivesEmptySlotsAgain_HoweverFarItsChunksWereCarved(int tables)
    {
        // Clear empties only the slots of the kept chunk that a table may have used; none of them may keep a tally.
        var arena = new TallyArena();
        for (var round = 1; round <= 3; round++)
        {
            var filled = Enumerable.Range(0, tables).Select(_ => new WinTallies(arena)).ToArray();
            for (var id = 0; id < tables * 40; id++)
            {
                filled[id % tables].Add(id, round, round);
            }

            for (var t = 0; t < tables; t++)
            {
                var ids = Enumerable.Range(0, 40).Select(i => (i * tables) + t).ToArray();
                Assert.Equal(ids.Select(id => (id, (long)round, (decimal)round)), filled[t].Entries().OrderBy(e => e.Id).Select(e => (e.Id, e.Tally.Count, e.Tally.Value)));
            }

            arena.Clear();
        }
    }

    [Fact]
    public void GroupBy_Null_IsTheFirstNullOfTheList_WhateverPartHoldsIt()
    {
        var deals = PipelineExamples.Deals.Concat(PipelineExamples.Deals).ToArray();
        deals[3] = null!;
        deals[^1] = null!;

        var error = Assert.Throws<ArgumentException>("opportunities", () =>
            PipelineAnalytics.GroupBy(deals, Key, new ParallelOptions { MaxDegreeOfParallelism = 4 }, Options, minimumPart: 1));

        Assert.Contains("item 3 is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GroupBy_AKeyThatThrows_FailsAsOneThreadWould()
    {
        var deals = PipelineExamples.Deals;
        var bad = deals[^2].Id;
        string Throwing(Opportunity o) => o.Id == bad ? throw new InvalidOperationException($"no key for {o.Id}") : o.District ?? "";

        var sequential = Assert.Throws<InvalidOperationException>(() => PipelineAnalytics.GroupBy(deals, Throwing));
        var parallel = Assert.Throws<InvalidOperationException>(() =>
            PipelineAnalytics.GroupBy(deals, Throwing, new ParallelOptions { MaxDegreeOfParallelism = 4 }, Options, minimumPart: 1));

        Assert.Equal(sequential.Message, parallel.Message);
    }

    [Fact]
    public void GroupBy_Canceled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            PipelineAnalytics.GroupBy(PipelineExamples.Deals, Key, new ParallelOptions { CancellationToken = cancel.Token }));
    }

    [Fact]
    public void GroupBy_CanceledWhileGrouping_StopsWithinAFewThousandDeals()
    {
        // One part of 10,000 deals; the key function cancels at the 10th, and the part checks the token every 4,096.
        var deals = Enumerable.Range(0, 10_000).Select(i => PipelineExamples.Deals[i % PipelineExamples.Deals.Length]).ToArray();
        using var cancel = new CancellationTokenSource();
        var keyed = 0;
        string? CancelingKey(Opportunity o)
        {
            if (++keyed == 10)
            {
                cancel.Cancel();
            }

            return o.District;
        }

        Assert.ThrowsAny<OperationCanceledException>(() =>
            PipelineAnalytics.GroupBy(deals, CancelingKey, new ParallelOptions { CancellationToken = cancel.Token }, Options, minimumPart: 10_000));
        Assert.InRange(keyed, 10, 4_096);
    }

    [Fact]
    public void GroupBy_NullArguments_Throw()
    {
        var parallel = new ParallelOptions();
        Assert.Throws<ArgumentNullException>("opportunities", () => PipelineAnalytics.GroupBy((IReadOnlyList<Opportunity>)null!, Key, parallel));
        Assert.Throws<ArgumentNullException>("key", () => PipelineAnalytics.GroupBy(PipelineExamples.Deals, (Func<Opportunity, string?>)null!, parallel));
        Assert.Throws<ArgumentNullException>("parallelOptions", () => PipelineAnalytics.GroupBy(PipelineExamples.Deals, Key, (ParallelOptions)null!));
    }

    [Fact]
    public void GroupBy_AnEmptyList_HasNoGroups()
    {
        var result = PipelineAnalytics.GroupBy([], Key, new ParallelOptions());

        Assert.Empty(result.Groups);
        Assert.Equal(0, result.Total.Count);
    }
}
