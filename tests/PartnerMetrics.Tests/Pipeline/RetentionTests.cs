using PartnerMetrics.Pipeline;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Pipeline;

public class RetentionTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly DateOnly End = new(2024, 12, 31);

    [Fact]
    public void Result_ExpansionContractionAndChurn()
    {
        // ARR on a day = latest snapshot on or before it.
        //   A: 100 → 150 (expansion 50); B: 200 → 120 (contraction 80); C: 50 → 0 (churn 50);
        //   D: nothing at the start, 70 at the end (new, outside the cohort); E: 0 at the start (outside).
        // start = 350; NRR = (350 + 50 − 80 − 50) / 350 = 270 / 350; GRR = (350 − 80 − 50) / 350 = 220 / 350.
        var result = WorkedCohort().Result();

        Assert.Equal(
            (3L, 350m, 270m, 50m, 80m, 50m, 1L, 2L),
            (result.Accounts, result.StartArr, result.EndArr, result.Expansion, result.Contraction, result.Churn, result.ChurnedAccounts, result.NewAccounts));
        Assert.Equal(270 / 350.0, result.NetRevenueRetention!.Value, 12);
        Assert.Equal(220 / 350.0, result.GrossRevenueRetention!.Value, 12);
    }

    /// <summary>The cohort of <see cref="Result_ExpansionContractionAndChurn"/>: A expands, B contracts, C churns, D is new, E starts at 0.</summary>
    internal static RetentionAccumulator WorkedCohort()
    {
        var accumulator = new RetentionAccumulator(Start, End);
        accumulator.AddRange(
        [
            Arr("A", Start.AddDays(-40), 90), Arr("A", Start.AddDays(-10), 100), Arr("A", End.AddDays(-100), 150),
            Arr("B", Start, 200), Arr("B", End, 120), Arr("B", End.AddDays(5), 999),
            Arr("C", Start.AddDays(-1), 50), Arr("C", End.AddDays(-1), 0),
            Arr("D", Start.AddDays(30), 70),
            Arr("E", Start.AddDays(-3), 0), Arr("E", End, 40),
        ]);
        return accumulator;
    }

    [Fact]
    public void Result_NoArrAtTheStart_IsUndefined()
    {
        var accumulator = new RetentionAccumulator(Start, End);
        accumulator.Add(Arr("A", Start.AddDays(1), 100));

        var result = accumulator.Result();

        Assert.Null(result.NetRevenueRetention);
        Assert.Null(result.GrossRevenueRetention);
        Assert.Equal(1L, result.NewAccounts);
    }

    [Fact]
    public void Result_TwoSnapshotsOfAnAccountOnTheDayReadAtTheStart_Throws()
    {
        var accumulator = new RetentionAccumulator(Start, End);
        accumulator.Add(Arr("A", Start, 100));
        accumulator.Add(Arr("A", Start, 120));

        var error = Assert.Throws<InvalidOperationException>(accumulator.Result);
        Assert.Equal("Two revenue snapshots of account 'A' on 2024-01-01, the day its ARR at the window's start is read from: keep one snapshot a day.", error.Message);
    }

    [Fact]
    public void Result_ShardsHoldingTheSameAccountAndDay_Throws()
    {
        var left = new RetentionAccumulator(Start, End);
        var right = new RetentionAccumulator(Start, End);
        left.Add(Arr("A", End, 100));
        right.Add(Arr("A", End, 100));
        left.Merge(right);

        var error = Assert.Throws<InvalidOperationException>(left.Result);
        Assert.Contains("'A' on 2024-12-31, the day its ARR at the window's end", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether two snapshots of a day are an error cannot depend on the order they came in. Before, adding 5 and 6 on
    /// one day and then 7 later threw at the second, while adding 7 first accepted all three; the day is never read,
    /// because the later snapshot is the latest on or before the start, so no order is an error.
    /// </summary>
    [Fact]
    public void TwoSnapshotsOnADayALaterSnapshotSupersedes_AreNotAnError_InAnyOrder()
    {
        RevenueSnapshot[] snapshots = [Arr("A", Start.AddDays(-10), 5), Arr("A", Start.AddDays(-10), 6), Arr("A", Start.AddDays(-1), 7), Arr("A", End, 9)];
        int[][] orders = [[0, 1, 2, 3], [2, 0, 1, 3], [0, 2, 1, 3], [3, 1, 0, 2]];

        foreach (var order in orders)
        {
            var accumulator = new RetentionAccumulator(Start, End);
            accumulator.AddRange(order.Select(i => snapshots[i]));

            Assert.Equal(9.0 / 7.0, accumulator.Result().NetRevenueRetention);
        }
    }

    [Fact]
    public void Constructor_WindowEndingBeforeItStarts_Throws() =>
        Rejects.Field<ArgumentOutOfRangeException>(() => new RetentionAccumulator(End, Start), "end", "2024-01-01");

    [Fact]
    public void Merge_DifferentWindows_Throws() =>
        Rejects.Field<ArgumentException>(() => { var a = new RetentionAccumulator(Start, End); a.Merge(new RetentionAccumulator(Start, End.AddDays(1))); return a; }, "other");

    [Fact]
    public void BrandEquityDebt_ChurnedOrHalvedNewLogosShareByValue()
    {
        // Won new logos: X1 (100) on A-1, which falls from 100 to 40 within the year → debt;
        // X2 (300) on A-2, which grows → no debt; X3 (50) on A-3, halved only 400 days after the close → no debt;
        // X4 (70) on A-4 without snapshots → not judged. X5 is an expansion: ignored.
        // share = 100 / (100 + 300 + 50) = 0.2222…
        var closed = D.AddDays(30);
        var accumulator = new BrandEquityDebtAccumulator();
        foreach (var deal in new[]
        {
            Deal("X1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 100m, D, closed, null, account: "A-1"),
            Deal("X2", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 300m, D, closed, null, account: "A-2"),
            Deal("X3", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 50m, D, closed, null, account: "A-3"),
            Deal("X4", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 70m, D, closed, null, account: "A-4"),
            Deal("X5", "P-1", DealMotion.Expansion, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 999m, D, closed, null, account: "A-1"),
        })
        {
            accumulator.Add(deal);
        }

        foreach (var snapshot in new[]
        {
            Arr("A-1", closed, 100), Arr("A-1", closed.AddDays(200), 40),
            Arr("A-2", closed.AddDays(10), 300), Arr("A-2", closed.AddDays(300), 450),
            Arr("A-3", closed.AddDays(1), 50), Arr("A-3", closed.AddDays(400), 10),
        })
        {
            accumulator.Add(snapshot);
        }

        var result = accumulator.Result();

        Assert.Equal((3L, 1L, 1L, 450m, 100m), (result.JudgedDeals, result.DebtDeals, result.UnjudgedDeals, result.JudgedValue, result.DebtValue));
        Assert.Equal(100 / 450.0, result.Share!.Value, 12);
        Rejects.Field<ArgumentException>(() => { accumulator.Add(Arr("A-1", closed, 5)); return accumulator; }, "snapshot", "'A-1'");
        Assert.Null(new BrandEquityDebtAccumulator().Result().Share);
    }
}
