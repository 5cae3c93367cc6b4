using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>The fast paths of the cube equal the simple path: full accumulators grouped by district, motion class and quarter.</summary>
public class PipelineCubeTests
{
    [Property]
    public Property RecordAndColumnarPaths_EqualTheGroupedAccumulators() =>
        Prop.ForAll(ModelGenerators.Deals.ToArbitrary(), deals =>
        {
            var simple = PipelineAnalytics.GroupBy(deals, o => (o.District, o.MotionClass, PipelineKeys.Quarter(o)))
                .Groups
                .Select(g => new PipelineCell(
                    g.Key.District,
                    g.Key.MotionClass,
                    g.Key.Item3,
                    g.Result.Count,
                    g.Result.OpenCount,
                    g.Result.WonCount,
                    g.Result.LostCount,
                    g.Result.OpenValue,
                    g.Result.WonValue,
                    g.Result.LostValue,
                    g.Result.WonCycle is { } cycle ? (long)Math.Round(cycle.Mean * cycle.Count) : 0))
                .OrderBy(c => c.District, StringComparer.Ordinal).ThenBy(c => c.MotionClass).ThenBy(c => c.Quarter)
                .ToArray();

            Assert.Equal(simple, PipelineCube.Compute(deals).ToArray());
            Assert.Equal(simple, PipelineCube.Compute(OpportunityBatch.From(deals)).ToArray());
        });

    [Fact]
    public void Compute_ManyDeals_IsTheSameOnAnyNumberOfThreads()
    {
        // 200,000 deals: enough for the paths to split the work across threads.
        var seed = Gen.CollectToArray(Enumerable.Range(0, 2_000), ModelGenerators.DealNumbered).Sample(1, 1).Single();
        var deals = Enumerable.Range(0, 100).SelectMany(copy => seed).ToArray();
        var batch = OpportunityBatch.From(deals);

        var expected = PipelineCube.Compute(deals, maxDegreeOfParallelism: 1).ToArray();

        Assert.Equal(200_000, batch.Count);
        Assert.Equal(deals.Length, expected.Sum(c => c.Count));
        foreach (var threads in new[] { -1, 2, 3, 8 })
        {
            Assert.Equal(expected, PipelineCube.Compute(deals, threads).ToArray());
            Assert.Equal(expected, PipelineCube.Compute(batch, threads).ToArray());
        }
    }

    [Fact]
    public void Cells_WorkedExample()
    {
        var cells = PipelineCube.Compute(Deals);

        // North hunting 2025-Q1: O1 won (100, 10 days) and O6 open (200).
        var north = cells.Single(c => c is { District: "North", MotionClass: MotionClass.Hunting });
        Assert.Equal(new PipelineCell("North", MotionClass.Hunting, new Quarter(2025, 1), 2, 1, 1, 0, 200m, 100m, 0m, 10), north);
        Assert.Equal(1.0, north.WinRate);
        Assert.Equal(10.0, north.MeanWonCycle);
        Assert.Null(cells[0].District);   // O8, without a district, comes first
    }

    /// <summary>Every amount a deal can have is held exactly: the finest and the largest (an amount finer than ten-thousandths is no deal's, OpportunityTests).</summary>
    [Fact]
    public void Batch_HoldsEveryAmountExactly_AndRejectsBadArguments()
    {
        decimal[] amounts = [0.0001m, Opportunity.MaxAmount - 0.0001m, Opportunity.MaxAmount];
        var batch = OpportunityBatch.From([.. amounts.Select((amount, i) => Deal($"P{i}", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Open, amount, D, null, null))]);

        Assert.Equal(amounts, batch.Amounts.Select(scaled => scaled / (decimal)OpportunityBatch.AmountScale));
        Rejects.Field<ArgumentException>(() => OpportunityBatch.From([Deals[0], null!]), "opportunities", "item 1");
        Rejects.Field<ArgumentOutOfRangeException>(() => PipelineCube.Compute(Deals, 0), "maxDegreeOfParallelism", "0");
    }

    /// <summary>
    /// A cell's value is built from the digits of its sum in ten-thousandths, not by a division; it must be the very
    /// <see cref="decimal"/> the division gave, scale included (12.5, not 12.5000), over every sum a batch can reach:
    /// magnitudes of every bit length up to 2^96, either sign, and multiples of each power of ten up to 10^6, where
    /// trailing zeros are dropped.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property Money_IsTheDecimalThatDividingByTheScaleGives() =>
        Prop.ForAll(
            (from bits in Gen.Choose(0, 76)
             from high in ArbMap.Default.GeneratorFor<ulong>()
             from low in ArbMap.Default.GeneratorFor<ulong>()
             from zeros in Gen.Choose(0, 6)
             from negative in ArbMap.Default.GeneratorFor<bool>()
             select Shaped(bits, high, low, zeros, negative)).ToArbitrary(),
            sum => Assert.Equal(decimal.GetBits((decimal)sum / OpportunityBatch.AmountScale), decimal.GetBits(OpportunityBatch.Money(sum))));

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData(10_000L)]
    [InlineData(125_000L)]
    [InlineData(-120_000L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void Money_OnBoundaries_IsTheDecimalThatDividingByTheScaleGives(long sum) =>
        Assert.Equal(decimal.GetBits((decimal)sum / OpportunityBatch.AmountScale), decimal.GetBits(OpportunityBatch.Money(sum)));

    [Fact]
    public void Money_AtTheLargestSumABatchReaches_IsExact()
    {
        var largest = (Int128)int.MaxValue * (Int128)(Opportunity.MaxAmount * OpportunityBatch.AmountScale);

        Assert.Equal(int.MaxValue * Opportunity.MaxAmount, OpportunityBatch.Money(largest));
        Assert.Equal(-int.MaxValue * Opportunity.MaxAmount, OpportunityBatch.Money(-largest));
    }

    /// <summary>
    /// Districts first seen out of their ordinal order, and deals without one between them: the batch numbers its cells
    /// by the order districts are first seen and must still give the cells by district name (none first), motion class
    /// and quarter, as the records path does.
    /// </summary>
    [Fact]
    public void Columnar_DistrictsSeenOutOfOrder_AreGivenInOrder()
    {
        string?[] districts = ["West", "east", null, "East", "North", "Éire"];
        var deals = Enumerable.Range(0, 48).Select(i => new Opportunity(
            new OpportunityId($"O-{i}"), new AccountId("A-1"), new DateOnly(2024 + (i % 2), 1 + (i % 12), 10), i % 3 == 0 ? DealMotion.Renewal : DealMotion.NewLogo,
            DealSource.Direct, RouteToMarket.Direct, district: districts[(i * 5) % districts.Length])).ToArray();

        var cells = PipelineCube.Compute(OpportunityBatch.From(deals)).ToArray();

        Assert.Equal(PipelineCube.Compute(deals).ToArray(), cells);
        Assert.Equal([null, "East", "North", "West", "east", "Éire"], cells.Select(c => c.District).Distinct());
        Assert.Equal(
            cells.OrderBy(c => c.District, StringComparer.Ordinal).ThenBy(c => c.MotionClass).ThenBy(c => c.Quarter),
            cells);
    }

    [Fact]
    public void Compute_Empty_HasNoCells()
    {
        Assert.Empty(PipelineCube.Compute(Array.Empty<Opportunity>()));
        Assert.Empty(PipelineCube.Compute(OpportunityBatch.From(Array.Empty<Opportunity>())));
    }

    [Fact]
    public void Columnar_CellValueBeyond64Bits_IsSummedExactlyIn128Bits()
    {
        // 100 deals of the largest amount in one cell: 10^16 in ten-thousandths is 10^20, past long.MaxValue.
        var deals = Enumerable.Range(0, 100).Select(i => new Opportunity(
            new OpportunityId($"O-{i}"), new AccountId("A-1"), new DateOnly(2025, 1, 10), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, Opportunity.MaxAmount, district: "North", closedOn: new DateOnly(2025, 2, 10))).ToArray();

        var cell = Assert.Single(PipelineCube.Compute(OpportunityBatch.From(deals)));

        Assert.Equal(100m * Opportunity.MaxAmount, cell.WonValue);
        Assert.Equal(cell, Assert.Single(PipelineCube.Compute(deals)));
    }

    [Fact]
    public void Columnar_PartitionsThatFitIn64BitsButNotTogether_AreSummedExactlyIn128Bits()
    {
        // Two partitions of 65,536 deals of 10^10: each sums to 6.6·10^18 ten-thousandths, under
        // long.MaxValue (9.2·10^18); together they pass it, so only merging the partitions overflows.
        const int Deals = 2 << 16;
        var deals = Enumerable.Range(0, Deals).Select(i => new Opportunity(
            new OpportunityId($"O-{i}"), new AccountId("A-1"), new DateOnly(2025, 1, 10), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct,
            DealOutcome.Won, 10_000_000_000m, district: "North", closedOn: new DateOnly(2025, 2, 10))).ToArray();

        var cell = Assert.Single(PipelineCube.Compute(OpportunityBatch.From(deals), maxDegreeOfParallelism: 2));

        Assert.Equal(Deals * 10_000_000_000m, cell.WonValue);
        Assert.Equal(cell, Assert.Single(PipelineCube.Compute(deals, maxDegreeOfParallelism: 1)));
    }

    [Fact]
    public void ManyDistrictsInterleavedWithKeylessDeals_AreEachInTheirCell()
    {
        // A thousand district texts pass through the record path's small district cache, each
        // followed by a deal without a district, which must never be looked up as a text.
        var deals = Enumerable.Range(0, 1_000).SelectMany(i => new[]
        {
            new Opportunity(new OpportunityId($"D-{i}"), new AccountId("A-1"), new DateOnly(2025, 1, 10), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, district: $"District {i}"),
            new Opportunity(new OpportunityId($"N-{i}"), new AccountId("A-1"), new DateOnly(2025, 1, 10), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct),
        }).ToArray();

        var cells = PipelineCube.Compute(deals, maxDegreeOfParallelism: 1);

        Assert.Equal(1_001, cells.Length);
        Assert.Equal(1_000, cells[0].Count);
        Assert.Null(cells[0].District);
        Assert.Equal(cells.ToArray(), PipelineCube.Compute(OpportunityBatch.From(deals)).ToArray());
    }

    /// <summary>
    /// A batch's cube is dense; deals created on the first and the last day of the calendar span 39,996 quarters, so a few
    /// thousand districts made billions of cells and an OverflowException. Refused by name instead; the records path,
    /// whose cells are only those with deals, computes the cube.
    /// </summary>
    [Fact]
    public void ABatchSpanningMoreCellsThanItHolds_IsRefused_AndTheRecordsPathComputesIt()
    {
        var deals = Enumerable.Range(0, 300).Select(i => new Opportunity(
            new OpportunityId($"O-{i}"), new AccountId("A"), i % 2 == 0 ? DateOnly.MinValue : DateOnly.MaxValue, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, district: $"D{i}")).ToArray();

        var error = Assert.Throws<ArgumentException>("opportunities", () => OpportunityBatch.From(deals));

        Assert.Contains("The deals span 39996 quarters of creation and 300 districts: 23997600 cells", error.Message, StringComparison.Ordinal);
        Assert.Equal(300, PipelineCube.Compute(deals).Length);
    }

    /// <summary>A magnitude of <paramref name="bits"/> bits (at most 76) times 10^<paramref name="zeros"/>: under 2^96.</summary>
    private static Int128 Shaped(int bits, ulong high, ulong low, int zeros, bool negative)
    {
        var magnitude = bits == 0 ? Int128.Zero : (Int128)(new UInt128(high, low) >> (128 - bits));
        for (var i = 0; i < zeros; i++)
        {
            magnitude *= 10;
        }

        return negative ? -magnitude : magnitude;
    }
}
