using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>
/// How the pipeline lays out its work and its memory: how many parts a list is cut into, which days the cube's
/// quarter table covers, and how the tally arena carves, reuses and keeps its chunks. None of these changes a
/// result (the oracle and rule 13 tests pin the results); each is a documented plan that decides what a large
/// input costs, pinned here so that a change to it is a decision rather than an accident.
/// </summary>
public class WorkLayoutTests
{
    private const int Threshold = PipelineCube.ParallelThreshold;

    [Theory]
    [InlineData(0, 8, 1)]
    [InlineData(Threshold - 1, 8, 1)]           // below the threshold: one thread
    [InlineData(Threshold, 8, 1)]               // one threshold's worth: still one part
    [InlineData((3 * Threshold) + 5, 8, 3)]     // one part per full threshold of deals
    [InlineData(100 * Threshold, 8, 8)]         // no more parts than threads allowed
    [InlineData(100 * Threshold, 2, 2)]
    [InlineData(100 * Threshold, 1, 1)]
    [InlineData(int.MaxValue, 5, 5)]
    public void ACube_IsCutIntoOnePartPerThresholdOfDeals_UpToTheThreadsAllowed(int deals, int threads, int parts) =>
        Assert.Equal(parts, PipelineCube.Partitions(deals, threads));

    [Fact]
    public void ACube_OnAllCores_HasOnePartPerCore_WhenTheDealsAreMany() =>
        Assert.Equal(Environment.ProcessorCount, PipelineCube.Partitions(int.MaxValue, -1));

    [Theory]
    [InlineData(0, 4, 1)]
    [InlineData(1, 4, 1)]
    [InlineData(PipelineAnalytics.MinimumPart, 4, 1)]
    [InlineData(PipelineAnalytics.MinimumPart + 1, 4, 1)]          // two parts would have fewer than the minimum (docs/pipeline.md)
    [InlineData((2 * PipelineAnalytics.MinimumPart) - 1, 4, 1)]
    [InlineData(2 * PipelineAnalytics.MinimumPart, 4, 2)]
    [InlineData((3 * PipelineAnalytics.MinimumPart) - 1, 4, 2)]
    [InlineData(100 * PipelineAnalytics.MinimumPart, 4, 4)]
    [InlineData(int.MaxValue, 3, 3)]
    public void AGrouping_IsCutIntoPartsOfTheMinimumSize_UpToTheThreadsAllowed(int deals, int threads, int parts) =>
        Assert.Equal(parts, PipelineAnalytics.Parts(deals, PipelineAnalytics.MinimumPart, new ParallelOptions { MaxDegreeOfParallelism = threads }));

    [Fact]
    public void AGrouping_OnAllCores_HasOnePartPerCore_WhenTheDealsAreMany() =>
        Assert.Equal(Environment.ProcessorCount, PipelineAnalytics.Parts(int.MaxValue, PipelineAnalytics.MinimumPart, new ParallelOptions()));

    [Fact]
    public void TheQuarterTable_CoversAYearEitherSideOfTheDaysSeen_AndLeavesOutliersOutOfIt()
    {
        var cube = new PipelineCube.RecordCube();
        Assert.Equal(0, cube.QuarterTable.Days);

        var first = new DateOnly(2025, 3, 15);
        cube.Add(Deal(first));
        Assert.Equal((first.DayNumber - 366, 733), cube.QuarterTable);

        // A day inside the table leaves it as it is; a later day extends it to a year past that day.
        cube.Add(Deal(first.AddDays(200)));
        Assert.Equal((first.DayNumber - 366, 733), cube.QuarterTable);
        var later = first.AddDays(1_000);
        cube.Add(Deal(later));
        Assert.Equal((first.DayNumber - 732, later.DayNumber + 366 - (first.DayNumber - 732) + 1), cube.QuarterTable);

        // A day that would stretch the table over more than a century is computed directly, and the table is kept.
        var kept = cube.QuarterTable;
        cube.Add(Deal(first.AddDays(-40_000)));
        Assert.Equal(kept, cube.QuarterTable);

        // An earlier day extends the table down to a year before it (and a year past its old end).
        var down = new PipelineCube.RecordCube();
        down.Add(Deal(first));
        down.Add(Deal(first.AddDays(-1_000)));
        Assert.Equal((first.DayNumber - 1_366, 1_366 + 732 + 1), down.QuarterTable);
    }

    [Fact]
    public void TheQuarterTable_SpansAtMostACenturyBeforeItsYearEitherSide()
    {
        // The first deal tabulates [first - 366, first + 366]; a deal 36,159 days later makes that span 36,525 days,
        // exactly a century, which is tabulated (and padded by a year again either side); one day more is not.
        var first = new DateOnly(2025, 3, 15);
        var century = new PipelineCube.RecordCube();
        century.Add(Deal(first));
        century.Add(Deal(first.AddDays(36_159)));
        Assert.Equal((first.DayNumber - 732, 732 + 36_159 + 366 + 1), century.QuarterTable);

        var past = new PipelineCube.RecordCube();
        past.Add(Deal(first));
        past.Add(Deal(first.AddDays(36_160)));
        Assert.Equal((first.DayNumber - 366, 733), past.QuarterTable);
    }

    [Fact]
    public void TheQuarterTable_StopsAtTheEndsOfTheCalendar()
    {
        var cube = new PipelineCube.RecordCube();
        cube.Add(Deal(DateOnly.MinValue.AddDays(10)));
        Assert.Equal((DateOnly.MinValue.DayNumber, 10 + 366 + 1), cube.QuarterTable);

        var end = new PipelineCube.RecordCube();
        end.Add(Deal(DateOnly.MaxValue.AddDays(-10)));
        Assert.Equal((DateOnly.MaxValue.DayNumber - 10 - 366, 366 + 10 + 1), end.QuarterTable);
    }

    [Fact]
    public void TheArena_CarvesSmallTablesFromChunksThatDouble()
    {
        var arena = new TallyArena();
        Assert.Equal(0, arena.Capacity);

        // The first chunk is the first table's size; each new chunk doubles the last, up to the largest.
        Assert.Equal(new TallyArena.Segment(0, 0, 4), arena.Rent(4));
        Assert.Equal(new TallyArena.Segment(1, 0, 4), arena.Rent(4));
        Assert.Equal(new TallyArena.Segment(1, 4, 4), arena.Rent(4));
        Assert.Equal(12, arena.Capacity);
        Assert.Equal(new TallyArena.Segment(2, 0, 8), arena.Rent(8));
        Assert.Equal(new TallyArena.Segment(2, 8, 4), arena.Rent(4));
        Assert.Equal(new TallyArena.Segment(2, 12, 4), arena.Rent(4));   // exactly the room left
        Assert.Equal(28, arena.Capacity);
        Assert.Equal(new TallyArena.Segment(3, 0, 64), arena.Rent(64));  // larger than twice the last chunk
        Assert.Equal(92, arena.Capacity);
    }

    [Fact]
    public void TheArena_RentsLargeChunksFromThePool_Cleared_AndIsAsNewWhenReleased()
    {
        // A chunk of 2,048 slots filled, let go of dirty: the next arena to rent that size may get the same array from the
        // pool (on the same thread it does), and must find it empty.
        var first = new TallyArena();
        var segment = first.Rent(2_048);
        foreach (ref var slot in first.Slots(segment))
        {
            slot.Key = 7;
            slot.Tally = new WinTally(3, 1.5m);
        }

        first.Release();
        Assert.Equal(0, first.Capacity);
        first.Release();

        var second = new TallyArena();
        var again = second.Rent(2_048);
        Assert.Equal(2_048, second.Capacity);
        foreach (ref readonly var slot in second.Slots(again))
        {
            Assert.Equal((0, 0L, 0m), (slot.Key, slot.Tally.Count, slot.Tally.Value));
        }

        // Released, an arena starts over from its first chunk.
        Assert.Equal(new TallyArena.Segment(0, 0, 4), first.Rent(4));
        Assert.Equal(4, first.Capacity);
    }

    [Fact]
    public void TheArena_NeverCarvesAChunkLargerThanTheLargest()
    {
        var arena = new TallyArena();
        const int Largest = 1 << 15;
        for (var i = 0; i < 20; i++)
        {
            arena.Rent(Largest / 2);
        }

        // A first chunk of 16K, then chunks of 32K, two tables each: ten of them, the last half carved.
        Assert.Equal((Largest / 2) + (10L * Largest), arena.Capacity);
        var whole = arena.Rent(Largest);
        Assert.Equal(0, whole.Offset);
        Assert.Equal(Largest, whole.Length);

        // A table of exactly the largest chunk fills a carved chunk; the next small table needs a new one.
        var next = arena.Rent(4);
        Assert.Equal(new TallyArena.Segment(whole.Chunk + 1, 0, 4), next);
    }

    [Fact]
    public void TheArena_GivesATableLargerThanTheLargestChunkAnArrayOfItsOwn_AndLetsItGoWhenReturned()
    {
        var arena = new TallyArena();
        var small = arena.Rent(8);
        var own = arena.Rent(1 << 16);
        Assert.Equal(new TallyArena.Segment(1, 0, 1 << 16), own);
        Assert.Equal(8 + (1 << 16), arena.Capacity);

        // Small tables are carved after it from a new chunk, never from the large table's array.
        Assert.Equal(new TallyArena.Segment(2, 0, 16), arena.Rent(16));

        arena.Return(own);
        Assert.Equal(8 + 16, arena.Capacity);
        Assert.Equal(new TallyArena.Segment(0, 0, 8), small);
    }

    [Fact]
    public void TheArena_ReusesEveryReturnedSegment_Emptied_ForTheNextTablesOfItsSize()
    {
        var arena = new TallyArena();
        var a = arena.Rent(4);
        var b = arena.Rent(4);
        var largest = arena.Rent(1 << 15);
        arena.Slots(a)[0] = new TallyArena.Slot { Key = 7, Tally = new WinTally(1, 1m) };
        arena.Slots(largest)[0] = new TallyArena.Slot { Key = 9, Tally = new WinTally(1, 1m) };
        var capacity = arena.Capacity;

        arena.Return(a);
        arena.Return(b);
        arena.Return(largest);     // carved from a chunk, so kept for reuse like any other
        arena.Return(default);     // an empty table returns nothing

        var again = new[] { arena.Rent(4), arena.Rent(4) };
        Assert.Equal(new[] { a, b }.OrderBy(s => s.Offset).ThenBy(s => s.Chunk), again.OrderBy(s => s.Offset).ThenBy(s => s.Chunk));
        Assert.Equal(largest, arena.Rent(1 << 15));
        Assert.Equal(capacity, arena.Capacity);
        Assert.All(again, s => Assert.Equal(0, arena.Slots(s)[0].Key));
        Assert.Equal(0, arena.Slots(largest)[0].Key);

        // The empty segment handed back is never handed out: a table of one slot gets a slot.
        Assert.Equal(1, arena.Rent(1).Length);
    }

    [Fact]
    public void AClearedArena_KeepsOnlyItsLargestChunk_AndCarvesFromItFirst()
    {
        var arena = new TallyArena();
        arena.Clear();
        Assert.Equal(0, arena.Capacity);
        Assert.Equal(new TallyArena.Segment(0, 0, 4), arena.Rent(4));

        arena.Rent(4);
        arena.Rent(64);
        arena.Rent(4);   // chunks of 4, 8, 64 and 128
        Assert.Equal(4 + 8 + 64 + 128, arena.Capacity);

        arena.Clear();
        Assert.Equal(128, arena.Capacity);
        Assert.Equal(new TallyArena.Segment(0, 0, 4), arena.Rent(4));
        Assert.Equal(new TallyArena.Segment(0, 4, 8), arena.Rent(8));
        Assert.Equal(128, arena.Capacity);

        // A chunk held whole by a large table is the largest, and is the one kept.
        arena.Rent(1 << 16);
        arena.Clear();
        Assert.Equal(1 << 16, arena.Capacity);
    }

    private static Opportunity Deal(DateOnly created) =>
        new(new OpportunityId($"O-{created.DayNumber}"), new AccountId("A"), created, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct);
}
