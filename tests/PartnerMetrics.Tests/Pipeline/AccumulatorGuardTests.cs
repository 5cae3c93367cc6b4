using System.Text.Json.Nodes;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>
/// The guards, boundaries and canonical orders of the mergeable pipeline accumulators and the cube,
/// each pinned by a test after mutation testing showed that nothing else would notice it changing.
/// </summary>
public class AccumulatorGuardTests
{
    private static readonly DateOnly Closed = new(2025, 2, 1);
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly End = new(2024, 12, 31);

    [Fact]
    public void NullArguments_AreRejectedByName()
    {
        var debt = new BrandEquityDebtAccumulator();
        var retention = new RetentionAccumulator(Start, End);
        var grouped = new GroupedPipelineAccumulator<string>(o => o.District);

        Assert.Equal("opportunity", Assert.Throws<ArgumentNullException>(() => debt.Add((Opportunity)null!)).ParamName);
        Assert.Equal("snapshot", Assert.Throws<ArgumentNullException>(() => debt.Add((RevenueSnapshot)null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => debt.Merge(null!)).ParamName);
        Assert.Equal("snapshot", Assert.Throws<ArgumentNullException>(() => retention.Add(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => retention.Merge(null!)).ParamName);
        Assert.Equal("opportunity", Assert.Throws<ArgumentNullException>(() => grouped.Add(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => grouped.Merge(null!)).ParamName);
        Assert.Equal("opportunities", Assert.Throws<ArgumentNullException>(() => PipelineCube.Compute((IEnumerable<Opportunity>)null!)).ParamName);
        Assert.Equal("opportunities", Assert.Throws<ArgumentNullException>(() => PipelineCube.Compute((Opportunity[])null!)).ParamName);
        Assert.Equal("batch", Assert.Throws<ArgumentNullException>(() => PipelineCube.Compute((OpportunityBatch)null!)).ParamName);
        Assert.Equal("opportunities", Assert.Throws<ArgumentNullException>(() => OpportunityBatch.From((IEnumerable<Opportunity>)null!)).ParamName);
    }

    [Fact]
    public void Cube_NullDeals_AreTheArgumentExceptionOfTheFirst_OnOnePartitionOrMany()
    {
        // 2 × 65,536 deals make two partitions; the nulls fall in each. Before, the partitions' Parallel.For wrapped the
        // ArgumentException in an AggregateException, which Compute does not document.
        var deals = Enumerable.Range(0, 2 << 16).Select(i => PipelineExamples.Deals[i % PipelineExamples.Deals.Length]).ToArray();
        deals[70_000] = null!;
        deals[100] = null!;

        var error = Assert.Throws<ArgumentException>("opportunities", () => PipelineCube.Compute(deals, maxDegreeOfParallelism: 2));
        Assert.Contains("item 100 is null", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<ArgumentException>("opportunities", () => PipelineCube.Compute(deals[..200], maxDegreeOfParallelism: 1));
        Assert.Contains("item 100 is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergingIntoItself_IsRejected()
    {
        var debt = new BrandEquityDebtAccumulator();
        var retention = new RetentionAccumulator(Start, End);
        var grouped = new GroupedPipelineAccumulator<string>(o => o.District);

        Rejects.Field<ArgumentException>(() => { debt.Merge(debt); return debt; }, "other", "itself");
        Rejects.Field<ArgumentException>(() => { grouped.Merge(grouped); return grouped; }, "other", "itself");
        Rejects.Field<ArgumentException>(() => { retention.Merge(retention); return retention; }, "other", "2024-01-01 to 2024-12-31");
    }

    [Fact]
    public void Retention_MergeOfAnotherStart_IsRejectedWithTheWindow() =>
        Rejects.Field<ArgumentException>(
            () => { var a = new RetentionAccumulator(Start, End); a.Merge(new RetentionAccumulator(Start.AddDays(1), End)); return a; },
            "other",
            "window 2024-01-01 to 2024-12-31");

    [Fact]
    public void Retention_TwoSnapshotsOnADayInsideTheWindow_Throw()
    {
        // Mid-window days matter for the ARR at the end (the latest snapshot by then).
        var accumulator = new RetentionAccumulator(Start, End);
        accumulator.AddRange([Arr("A", Start.AddDays(100), 100), Arr("A", Start.AddDays(100), 120)]);

        Assert.Contains("'A' on 2024-04-10, the day its ARR at the window's end", Assert.Throws<InvalidOperationException>(accumulator.Result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_MergeOfShardsHoldingTheSameOpeningDay_Throws()
    {
        var left = new RetentionAccumulator(Start, End);
        var right = new RetentionAccumulator(Start, End);
        // The left shard also has a later snapshot, so only the opening day collides.
        left.AddRange([Arr("A", Start.AddDays(-5), 100), Arr("A", Start.AddDays(40), 120)]);
        right.Add(Arr("A", Start.AddDays(-5), 100));
        left.Merge(right);

        Assert.Contains("'A' on 2023-12-27, the day its ARR at the window's start", Assert.Throws<InvalidOperationException>(left.Result).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_TwoSnapshotsOfADay_ShipAsJson_AndAreStillFound()
    {
        var shard = new RetentionAccumulator(Start, End);
        shard.AddRange([Arr("A", Start.AddDays(-5), 100), Arr("A", Start.AddDays(-5), 110), Arr("B", End, 1), Arr("B", End, 2)]);
        var json = PartnerMetricsJson.Serialize(shard);

        Assert.Contains("\"startTwice\":true", json, StringComparison.Ordinal);
        Assert.Contains("\"endTwice\":true", json, StringComparison.Ordinal);
        Assert.Equal(json, PartnerMetricsJson.Serialize(PartnerMetricsJson.Deserialize<RetentionAccumulator>(json)));
        Assert.Equal(Assert.Throws<InvalidOperationException>(shard.Result).Message, Assert.Throws<InvalidOperationException>(PartnerMetricsJson.Deserialize<RetentionAccumulator>(json)!.Result).Message);
    }

    /// <summary>
    /// A merge refused for a duplicate changes nothing, whatever it would have added before finding it: a caller who
    /// catches the exception still holds the accumulator as it was, not one with half the other's deals in it.
    /// </summary>
    [Fact]
    public void AMergeRefused_LeavesTheAccumulatorAsItWas()
    {
        var debt = new BrandEquityDebtAccumulator();
        debt.Add(Arr("B", Closed, 1m));
        var theirs = new BrandEquityDebtAccumulator();
        theirs.Add(PipelineExamples.Deal("O1", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, 9m, Closed.AddDays(-30), Closed, null, account: "A"));
        theirs.Add(Arr("A", Closed.AddDays(10), 5m));
        theirs.Add(Arr("B", Closed, 2m));
        var debtBefore = PartnerMetricsJson.Serialize(debt);

        Rejects.Field<ArgumentException>(() => { debt.Merge(theirs); return debt; }, "other", "'B' on 2025-02-01");
        Assert.Equal(debtBefore, PartnerMetricsJson.Serialize(debt));
    }

    /// <summary>
    /// An accumulator of another window was refused with this one's window only ("Only another accumulator of the window
    /// 2024-01-01 to 2024-12-31 can be merged in."), not the window it was given; and merging an accumulator into itself
    /// was refused as if its window differed.
    /// </summary>
    [Fact]
    public void Retention_MergeOfAnotherWindow_NamesBothWindows()
    {
        var accumulator = new RetentionAccumulator(Start, End);

        Rejects.Field<ArgumentException>(() => { accumulator.Merge(new RetentionAccumulator(Start.AddDays(1), End)); return accumulator; }, "other", "got one of 2024-01-02 to 2024-12-31");
        Rejects.Field<ArgumentException>(() => { accumulator.Merge(new RetentionAccumulator(Start, End.AddDays(1))); return accumulator; }, "other", "got one of 2024-01-01 to 2025-01-01");
        Rejects.Field<ArgumentException>(() => { accumulator.Merge(accumulator); return accumulator; }, "other", "merged into itself");
    }

    [Fact]
    public void Retention_AnAccountThatAppearsAtZero_IsNotNew()
    {
        var accumulator = new RetentionAccumulator(Start, End);
        accumulator.AddRange([Arr("Z", Start.AddDays(10), 0), Arr("N", Start.AddDays(10), 5)]);

        Assert.Equal(1L, accumulator.Result().NewAccounts);
    }

    [Fact]
    public void Retention_Json_ListsAccountsInOrder()
    {
        var accumulator = new RetentionAccumulator(Start, End);
        accumulator.AddRange([Arr("B", Start, 1), Arr("C", Start, 1), Arr("A", Start, 1)]);

        Assert.Equal(["A", "B", "C"], JsonKeys.Of(PartnerMetricsJson.Serialize(accumulator), "accounts", "accountId"));
    }

    [Fact]
    public void BrandEquityDebt_SnapshotsOutsideTheYearAfterTheClose_LeaveTheDealUnjudged()
    {
        // Before the close and more than 365 days after it: nothing inside the window.
        var result = Debt(Arr("A-1", Closed.AddDays(-1), 100), Arr("A-1", Closed.AddDays(366), 10));

        Assert.Equal((0L, 1L), (result.JudgedDeals, result.UnjudgedDeals));
        Assert.Null(result.Share);
    }

    [Fact]
    public void BrandEquityDebt_ArrBeforeTheCloseIsNotThePeak()
    {
        // 1,000 before the close, then 100 on the close day and 60: the ARR at the close is 100, never halved after it.
        var result = Debt(Arr("A-1", Closed.AddDays(-30), 1000), Arr("A-1", Closed, 100), Arr("A-1", Closed.AddDays(90), 60));

        Assert.Equal((1L, 0L), (result.JudgedDeals, result.DebtDeals));
    }

    /// <summary>
    /// DOMAIN §4: an account that churned within twelve months of the close is debt, measured from its ARR at the close —
    /// its latest snapshot on or before the close day. 100 ten days before and 0 a month after was judged, not debt,
    /// because only snapshots from the close on were read and the first of them had nothing before it.
    /// </summary>
    [Theory]
    [InlineData(-10, 100, 30, 0, 1)]    // churned a month after the close
    [InlineData(-10, 100, 30, 50, 1)]   // halved
    [InlineData(-10, 100, 30, 51, 0)]   // not quite
    [InlineData(0, 0, 30, 0, 0)]        // nothing at the close, nothing after: never had ARR to lose
    public void BrandEquityDebt_IsMeasuredFromTheArrAtTheClose(int beforeDay, int before, int afterDay, int after, long expectedDebt)
    {
        var result = Debt(Arr("A-1", Closed.AddDays(beforeDay), before), Arr("A-1", Closed.AddDays(afterDay), after));

        Assert.Equal((1L, expectedDebt), (result.JudgedDeals, result.DebtDeals));
    }

    [Fact]
    public void BrandEquityDebt_ArrBeforeTheCloseOnly_IsNotJudged() =>
        Assert.Equal((0L, 1L), (Debt(Arr("A-1", Closed.AddDays(-10), 100)).JudgedDeals, Debt(Arr("A-1", Closed.AddDays(-10), 100)).UnjudgedDeals));

    [Theory]
    [InlineData(365, 50, 1)]   // the last day of the window, exactly half: debt
    [InlineData(366, 50, 0)]   // a day later: outside the window
    [InlineData(200, 51, 0)]   // just above half: no debt
    public void BrandEquityDebt_TheWindowAndTheHalfAreInclusive(int daysAfterClose, int arr, long expectedDebt)
    {
        var result = Debt(Arr("A-1", Closed, 100), Arr("A-1", Closed.AddDays(daysAfterClose), arr));

        Assert.Equal((1L, expectedDebt), (result.JudgedDeals, result.DebtDeals));
    }

    /// <summary>
    /// DOMAIN §4: debt is a churn or halving within twelve months of the close. The window was 365 days, so across a
    /// 29 February the last day of the twelve months (366 days after the close) was left out: an account that churned
    /// on 1 June 2024 after a close on 1 June 2023 was judged but not debt.
    /// </summary>
    [Theory]
    [InlineData("2023-06-01", "2024-06-01", 1, 1)]   // 366 days, exactly twelve months: debt
    [InlineData("2023-06-01", "2024-06-02", 0, 0)]   // a day past twelve months: not judged
    [InlineData("2024-02-29", "2025-02-28", 1, 1)]   // a close on 29 February: twelve months end on 28 February
    [InlineData("2024-02-29", "2025-03-01", 0, 0)]
    [InlineData("2025-02-01", "2026-02-01", 1, 1)]   // no 29 February between: 365 days
    [InlineData("9999-06-01", "9999-12-31", 1, 1)]   // a close in the last year a date holds: to its last day
    public void BrandEquityDebt_TheWindowIsTwelveMonths_NotThreeHundredSixtyFiveDays(string closedOn, string churnedOn, long expectedJudged, long expectedDebt)
    {
        var closed = DateOnly.Parse(closedOn, System.Globalization.CultureInfo.InvariantCulture);
        var accumulator = new BrandEquityDebtAccumulator();
        accumulator.Add(PipelineExamples.Deal("W-1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 100m, closed.AddDays(-30), closed, null, account: "A-1"));
        accumulator.Add(Arr("A-1", closed.AddDays(-1), 100));
        accumulator.Add(Arr("A-1", DateOnly.Parse(churnedOn, System.Globalization.CultureInfo.InvariantCulture), 0));

        var result = accumulator.Result();

        Assert.Equal((expectedJudged, expectedDebt), (result.JudgedDeals, result.DebtDeals));
    }

    [Fact]
    public void BrandEquityDebt_AnAccountThatNeverPaid_IsJudgedButNotInDebt()
    {
        // A peak of 0 cannot halve: judged, no debt.
        var result = Debt(Arr("A-1", Closed, 0), Arr("A-1", Closed.AddDays(30), 0));

        Assert.Equal((1L, 0L), (result.JudgedDeals, result.DebtDeals));
    }

    [Fact]
    public void BrandEquityDebt_Json_ListsDealsAndSnapshotsInOrder()
    {
        var accumulator = new BrandEquityDebtAccumulator();
        foreach (var account in new[] { "A-2", "A-3", "A-1" })
        {
            accumulator.Add(Won(account, Closed));
            accumulator.Add(Arr(account, Closed, 10));
        }

        accumulator.Add(Won("A-1", Closed.AddDays(-10)));
        accumulator.Add(Won("A-1", Closed.AddDays(-20), amount: 5m));
        accumulator.Add(Won("A-1", Closed.AddDays(-20), amount: 1m));
        var json = PartnerMetricsJson.Serialize(accumulator);

        // By account, then close day, then amount.
        Assert.Equal(["A-1", "A-1", "A-1", "A-1", "A-2", "A-3"], JsonKeys.Of(json, "deals", "accountId"));
        Assert.Equal(["2025-01-12", "2025-01-12", "2025-01-22", "2025-02-01"], JsonKeys.Of(json, "deals", "closedOn").Take(4));
        Assert.Equal([1m, 5m, 100m, 100m], JsonNode.Parse(json)!["deals"]!.AsArray().Take(4).Select(d => d!["amount"]!.GetValue<decimal>()));
        Assert.Equal(["A-1", "A-2", "A-3"], JsonKeys.Of(json, "snapshots", "accountId"));
    }

    [Fact]
    public void Grouped_UsesTheCallersComparer()
    {
        var grouped = new GroupedPipelineAccumulator<string>(o => o.District, StringComparer.OrdinalIgnoreCase);
        grouped.AddRange([Deal("O1", "North"), Deal("O2", "NORTH"), Deal("O3", null), Deal("O4", null)]);

        var result = grouped.Result();

        // The keyless group first, then the one case-insensitive North group, named by the least of its keys by ordinal.
        Assert.Equal([null, "NORTH"], result.Groups.Select(g => g.Key));
        Assert.Equal([2L, 2L], result.Groups.Select(g => g.Result.Count));
    }

    [Fact]
    public void Grouped_KeysEqualUnderTheComparer_NameTheGroupWhateverCameFirst()
    {
        // The group kept the first key seen, so b, B, a and B, b, a gave the groups "a, b" and "B, a" (the review).
        Opportunity[] deals = [Deal("O1", "b"), Deal("O2", "B"), Deal("O3", "a")];
        GroupedPipelineResult<string> Grouped(IEnumerable<Opportunity> part)
        {
            var grouped = new GroupedPipelineAccumulator<string>(o => o.District, StringComparer.OrdinalIgnoreCase);
            grouped.AddRange(part);
            return grouped.Result();
        }

        var expected = Grouped(deals);

        Assert.Equal(["B", "a"], expected.Groups.Select(g => g.Key));
        Assert.Equal(expected, Grouped([deals[1], deals[0], deals[2]]));
        Assert.Equal(expected, Grouped(deals.Reverse()));
    }

    [Fact]
    public void Grouped_ByATupleWithAnElementWithoutOrder_KeepsTheOrderFirstSeen()
    {
        // A tuple is IComparable, but comparing one with a record in it throws: its groups have no order, and Result threw.
        var grouped = new GroupedPipelineAccumulator<(string?, Region)>(o => (o.District, new Region(o.Id.Value!)));
        grouped.AddRange([Deal("O2", "North"), Deal("O1", "North"), Deal("O1", "South")]);

        Assert.Equal([("North", new Region("O2")), ("North", new Region("O1")), ("South", new Region("O1"))], grouped.Result().Groups.Select(g => g.Key));
        Assert.Null(KeyOrder<(string?, Region)>.Comparer);
        Assert.Null(KeyOrder<(string?, Region)?>.Comparer);
        Assert.NotNull(KeyOrder<(string?, int)?>.Comparer);
    }

    [Fact]
    public void Grouped_KeysWhoseHashesCollide_StayApart()
    {
        var grouped = new GroupedPipelineAccumulator<string>(o => o.District, new CollidingComparer());
        grouped.AddRange([Deal("O1", "North"), Deal("O2", "South"), Deal("O3", "North")]);

        Assert.Equal([("North", 2L), ("South", 1L)], grouped.Result().Groups.Select(g => (g.Key!, g.Result.Count)));
    }

    [Fact]
    public void Grouped_ByAKeyComparableOnlyToItself_IsInKeyOrder()
    {
        // Quarter implements IComparable<Quarter> but not the non-generic IComparable.
        var grouped = new GroupedPipelineAccumulator<Quarter>(PipelineKeys.Quarter);
        grouped.AddRange([Deal("O1", "N", new DateOnly(2025, 5, 1)), Deal("O2", "N", new DateOnly(2024, 5, 1)), Deal("O3", "N", new DateOnly(2025, 1, 1))]);

        Assert.Equal([new Quarter(2024, 2), new Quarter(2025, 1), new Quarter(2025, 2)], grouped.Result().Groups.Select(g => g.Key));
    }

    [Fact]
    public void Grouped_ByAKeyWithoutOrder_PutsTheKeylessGroupFirst()
    {
        var grouped = new GroupedPipelineAccumulator<Region>(o => o.District is null ? null : new Region(o.District));
        grouped.AddRange([Deal("O1", "South"), Deal("O2", null), Deal("O3", "North"), Deal("O4", null)]);

        var groups = grouped.Result().Groups;

        Assert.Null(groups[0].Key);
        Assert.Equal(2L, groups[0].Result.Count);
        Assert.Equal([new Region("North"), new Region("South")], groups.Skip(1).Select(g => g.Key!).OrderBy(r => r.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Cube_RejectsAnInvalidDegreeOfParallelism_WithTheRule() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => PipelineCube.Compute(Deals, maxDegreeOfParallelism: 0), "maxDegreeOfParallelism", "-1 (all cores) or positive; got 0");

    [Fact]
    public void Cube_FromAListOrABatch_EqualsTheCubeOfTheArray()
    {
        var expected = PipelineCube.Compute(Deals).ToArray();

        Assert.Equal(expected, PipelineCube.Compute(Deals.ToList()).ToArray());
        Assert.Equal(expected, PipelineCube.Compute(OpportunityBatch.From(Deals.ToList())).ToArray());
    }

    [Fact]
    public void Cube_DealsMoreThanACenturyApart_AreEachInTheirQuarter()
    {
        // The record path keeps a day → quarter table; a span over a century is computed day by day instead.
        Opportunity[] deals = [Deal("O1", "N", new DateOnly(1900, 2, 1)), Deal("O2", "N", new DateOnly(2025, 8, 1)), Deal("O3", "N", new DateOnly(1901, 12, 31))];

        Assert.Equal([new Quarter(1900, 1), new Quarter(1901, 4), new Quarter(2025, 3)], PipelineCube.Compute(deals).Select(c => c.Quarter));
    }

    private static BrandEquityDebtResult Debt(params RevenueSnapshot[] snapshots)
    {
        var accumulator = new BrandEquityDebtAccumulator();
        accumulator.Add(Won("A-1", Closed));
        foreach (var snapshot in snapshots)
        {
            accumulator.Add(snapshot);
        }

        return accumulator.Result();
    }

    private static Opportunity Won(string account, DateOnly closed, decimal amount = 100m) =>
        PipelineExamples.Deal($"W-{account}-{closed.DayNumber}-{amount}", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, amount, closed.AddDays(-30), closed, null, account: account);

    private static Opportunity Deal(string id, string? district, DateOnly? created = null) =>
        PipelineExamples.Deal(id, "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Open, 10m, created ?? D, null, district);

    private sealed record Region(string Name);

    /// <summary>Ordinal equality with one hash for every key.</summary>
    private sealed class CollidingComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string obj) => 1;
    }
}
