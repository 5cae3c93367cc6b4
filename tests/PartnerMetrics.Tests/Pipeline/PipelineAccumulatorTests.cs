using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Pipeline;

public class PipelineAccumulatorTests
{
    [Fact]
    public void Result_EightDeals_EveryFormula()
    {
        var result = PipelineAnalytics.Summarize(Deals, new PipelineOptions { RemainingTarget = 400m, TopPartners = 1 });

        // 8 deals: open O6, O7 (O6 is past its expected close and still counts as open); won O1–O4; lost O5, O8.
        Assert.Equal((8L, 2L, 4L, 2L), (result.Count, result.OpenCount, result.WonCount, result.LostCount));
        Assert.Equal((200m, 200m, 80m, 1L), (result.OpenValue, result.WonValue, result.LostValue, result.MissingAmountCount));

        // Win rate: 4 / (4 + 2) by count; 200 / (200 + 80) by value.
        Assert.Equal(4 / 6.0, result.WinRateByCount);
        Assert.Equal(200 / 280.0, result.WinRateByValue!.Value, 12);

        // Mix of won business: hunting O1 (100) + O3 (30); farming O2 (50) + O4 (20).
        Assert.Equal((2L, 130m, 2L, 70m), (result.HuntingWonCount, result.HuntingWonValue, result.FarmingWonCount, result.FarmingWonValue));
        Assert.Equal(0.5, result.HuntingShareByCount);
        Assert.Equal(0.65, result.HuntingShareByValue);
        Assert.Equal(PartnerProfile.Balanced, result.Profile);   // 0.3 < 0.65 < 0.7

        // Won cycles 10, 20, 30, 40 days: mean 25, median (20 + 30) / 2 = 25, p90 = rank ⌈0.9 × 4⌉ = 4 → 40.
        Assert.Equal(new CycleStatistics(4, 25, 25, 40), result.WonCycle);
        Assert.Equal(50m, result.AverageWonDealSize);

        // Velocity = 2 open × 50 × (4/6) ÷ 25 days = 2.6667 per day. Coverage = 200 ÷ 400.
        Assert.Equal(2.6666666666666667, (double)result.Velocity!.Value, 12);
        Assert.Equal(0.5, result.Coverage);

        // Deal flow: 3 partner-sourced (O1, O3, O6), 2 vendor-referred (O2, O8): p = 0.6 → 1 − |1.2 − 1| = 0.8.
        Assert.Equal((3L, 2L), (result.PartnerSourcedCount, result.VendorReferredCount));
        Assert.Equal(0.8, result.DealFlowReciprocity!.Value, 12);

        // Won value by partner: P-1 150, P-2 30 (O4 has no partner) → HHI = ((150/180)² + (30/180)²) × 10,000 = 26/36 × 10,000.
        Assert.Equal(260_000 / 36.0, result.PartnerConcentration!.Value, 9);
        // By route: Partner 150, Marketplace 30, Direct 20 of 200 → (0.75² + 0.15² + 0.1²) × 10,000 = 5,950.
        Assert.Equal(5950.0, result.RouteConcentration!.Value, 9);
        Assert.Equal(150 / 180.0, result.TopPartnerShare!.Value, 12);   // top 1 partner

        // Every deal is account A-1: one customer holds all the won value.
        Assert.Equal((10_000.0, 1.0, 1L), (result.CustomerConcentration, result.TopCustomerShare, result.CustomersWithWins));

        // O5 lost 80; O8 lost with 0, so one lost deal carries an amount and the value win rate is defined.
        Assert.Equal(1L, result.LostWithAmountCount);

        // The only null metric is none: every one is defined, so there are no notes.
        Assert.Empty(result.Notes);

        // Repeat business: P-1 won twice, P-2 once → 1 of 2.
        Assert.Equal((2L, 1L, 0.5), (result.PartnersWithWins, result.PartnersWithRepeatWins, result.RepeatBusinessRate!.Value));

        // Year over year: 2025 won 4 (200) lost 1 (80); 2024 lost O8 (0).
        Assert.Equal((new YearTally(2025, 4, 200m, 1, 80m), new YearTally(2024, 0, 0m, 1, 0m)), result.YearOverYear(2025));
        Assert.Equal(new YearTally(2023, 0, 0m, 0, 0m), result.YearOverYear(2024).Previous);
        Assert.Equal(new YearTally(9999, 0, 0m, 0, 0m), result.YearOverYear(9999).Current);
        foreach (var year in (int[])[0, -5, 10_000])
        {
            Rejects.Field<ArgumentOutOfRangeException>(() => result.YearOverYear(year), "year", $"'year' must be from 1 to 9999; got {year}.");
        }
        Assert.Equal([new LossReasonTally(2024, null, 1, 0m), new LossReasonTally(2025, "Price", 1, 80m)], result.LossReasons.ToArray());
    }

    [Fact]
    public void Result_NoClosedDeals_LeavesEveryRateUndefined()
    {
        var result = PipelineAnalytics.Summarize(Deals.Where(d => d.Outcome == DealOutcome.Open), new PipelineOptions { RemainingTarget = 100m });

        Assert.Null(result.WinRateByCount);
        Assert.Null(result.WinRateByValue);
        Assert.Null(result.HuntingShareByCount);
        Assert.Null(result.WonCycle);
        Assert.Null(result.AverageWonDealSize);
        Assert.Null(result.Velocity);
        Assert.Null(result.PartnerConcentration);
        Assert.Null(result.RouteConcentration);
        Assert.Null(result.RepeatBusinessRate);
        Assert.Null(result.Profile);
        Assert.Equal(2.0, result.Coverage);   // 200 open ÷ 100
        Assert.Empty(result.Years);
    }

    [Fact]
    public void Result_ZeroAmounts_UndefinedByValueButDefinedByCount()
    {
        var deals = new[]
        {
            Deal("Z1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 0m, D, D.AddDays(5), "North"),
            Deal("Z2", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Lost, 0m, D, D.AddDays(5), "North"),
        };

        var result = PipelineAnalytics.Summarize(deals);

        Assert.Equal(0.5, result.WinRateByCount);
        Assert.Null(result.WinRateByValue);
        Assert.Null(result.HuntingShareByValue);
        Assert.Null(result.PartnerConcentration);
        Assert.Equal(PartnerProfile.Hunter, result.Profile);   // by count when no value was won
        Assert.Equal(0m, result.AverageWonDealSize);
    }

    [Fact]
    public void Result_SinglePartner_IsFullyConcentrated()
    {
        var deals = new[]
        {
            Deal("S1", "P-1", DealMotion.Renewal, DealSource.CoSell, RouteToMarket.Partner, DealOutcome.Won, 10m, D, D.AddDays(1), "West"),
            Deal("S2", "P-1", DealMotion.Renewal, DealSource.CoSell, RouteToMarket.Partner, DealOutcome.Won, 30m, D, D.AddDays(3), "West"),
        };

        var result = PipelineAnalytics.Summarize(deals);

        Assert.Equal(10_000.0, result.PartnerConcentration);
        Assert.Equal(10_000.0, result.RouteConcentration);
        Assert.Equal(1.0, result.TopPartnerShare);
        Assert.Equal(1.0, result.RepeatBusinessRate);
        Assert.Equal(PartnerProfile.Farmer, result.Profile);
        Assert.Null(result.DealFlowReciprocity);   // neither partner-sourced nor vendor-referred
        Assert.Equal(new CycleStatistics(2, 2, 2, 3), result.WonCycle);   // median (1 + 3) / 2
    }

    [Fact]
    public void Result_DealsWithoutAPartner_CountEverywhereButPartnerMetrics()
    {
        var deals = new[] { Deal("N1", null, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, 10m, D, D.AddDays(2), null) };

        var result = PipelineAnalytics.Summarize(deals);

        Assert.Equal(1L, result.WonCount);
        Assert.Null(result.PartnerConcentration);
        Assert.Null(result.TopPartnerShare);
        Assert.Null(result.RepeatBusinessRate);
        Assert.Equal(10_000.0, result.RouteConcentration);
    }

    [Fact]
    public void Result_Empty_IsAllZerosAndNulls()
    {
        var result = new PipelineAccumulator().Result();

        Assert.Equal(0L, result.Count);
        Assert.Null(result.WinRateByCount);
        Assert.Null(result.Coverage);
        Assert.Empty(result.LossReasons);
    }

    [Fact]
    public void Add_ManyDealsOfTheLargestAmount_SumsExactly()
    {
        var accumulator = new PipelineAccumulator();
        for (var i = 0; i < 10_000; i++)
        {
            accumulator.Add(Deal($"M{i}", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Open, Opportunity.MaxAmount - 0.0001m, D, null, null));
        }

        Assert.Equal(10_000m * (Opportunity.MaxAmount - 0.0001m), accumulator.Result().OpenValue);
    }

    [Fact]
    public void Add_BadArguments_Throw()
    {
        var accumulator = new PipelineAccumulator();

        Assert.Throws<ArgumentNullException>(() => accumulator.Add(null!));
        Rejects.Field<ArgumentException>(() => { accumulator.AddRange([Deals[0], null!]); return accumulator; }, "opportunities", "item 1");
        Rejects.Field<ArgumentException>(() => { accumulator.Merge(accumulator); return accumulator; }, "other");
        Rejects.Field<ArgumentOutOfRangeException>(() => new PipelineOptions { RemainingTarget = 0m }, "RemainingTarget", "0");
        Rejects.Field<ArgumentOutOfRangeException>(() => new PipelineOptions { TopPartners = 0 }, "TopPartners", "0");
        Rejects.Field<ArgumentException>(() => PipelineAnalytics.Summarize([Deals[0], null!]), "opportunities", "item 1");
    }

    [Fact]
    public void GroupBy_District_OneGroupPerDistrictAndAKeylessGroupFirst()
    {
        var grouped = PipelineAnalytics.GroupBy(Deals, PipelineKeys.District);

        Assert.Equal([null, "North", "South"], grouped.Groups.Select(g => g.Key));
        Assert.Equal([1L, 4L, 3L], grouped.Groups.Select(g => g.Result.Count));
        Assert.Equal(PipelineAnalytics.Summarize(Deals), grouped.Total);
        Assert.Equal(150m, grouped.Groups[1].Result.WonValue);   // North won O1 + O2
    }

    [Fact]
    public void GroupBy_CompositeKey_DistrictMotionClassAndQuarter()
    {
        var grouped = PipelineAnalytics.GroupBy(Deals, o => (PipelineKeys.District(o), PipelineKeys.MotionClass(o), PipelineKeys.Quarter(o)));

        var northHunting = grouped.Groups.Single(g => g.Key == ("North", MotionClass.Hunting, new Quarter(2025, 1)));
        Assert.Equal(2L, northHunting.Result.Count);   // O1 won, O6 open
        Assert.Equal(grouped.Total.Count, grouped.Groups.Sum(g => g.Result.Count));
    }

    [Fact]
    public void Keys_ClassifyEachDeal()
    {
        var lost = Deals[4];

        Assert.Equal("North", PipelineKeys.District(lost));
        Assert.Equal(new Quarter(2025, 1), PipelineKeys.Quarter(lost));
        Assert.Equal(new Quarter(2025, 1), PipelineKeys.CloseQuarter(lost));
        Assert.Null(PipelineKeys.CloseQuarter(Deals[5]));
        Assert.Equal(new PartnerId("P-2"), PipelineKeys.Partner(lost));
        Assert.Equal(MotionClass.Farming, PipelineKeys.MotionClass(lost));
        Assert.Equal(RouteToMarket.Partner, PipelineKeys.Route(lost));
        Assert.Equal(DealSource.CoSell, PipelineKeys.Source(lost));
        Assert.Equal("2024-Q2", Quarter.Of(new DateOnly(2024, 6, 30)).ToString());
        Assert.True(new Quarter(2024, 4) < new Quarter(2025, 1));
    }

    [Fact]
    public void HuntsWithBrandEquityDebt_OnlyForHuntersWithDebt()
    {
        var hunter = PipelineAnalytics.Summarize([Deals[0]]);
        var debt = new BrandEquityDebtResult(1, 1, 0, 100m, 100m);
        var none = new BrandEquityDebtResult(1, 0, 0, 100m, 0m);

        Assert.True(hunter.HuntsWithBrandEquityDebt(debt));
        Assert.False(hunter.HuntsWithBrandEquityDebt(none));
        Assert.False(PipelineAnalytics.Summarize([Deals[1]]).HuntsWithBrandEquityDebt(debt));
    }

    /// <summary>
    /// Without amounts the profile is read by count, but the flag asked the debt's share by value, which is then null: a
    /// Hunter whose every new logo churned was never flagged. The debt's deals count then, as the profile's deals do.
    /// </summary>
    [Fact]
    public void HuntsWithBrandEquityDebt_WithoutAmounts_CountsTheDebtsDeals()
    {
        var hunter = PipelineAnalytics.Summarize([Deal("W1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, null, D, D.AddDays(5), null)]);
        var debt = new BrandEquityDebtResult(1, 1, 0, 0m, 0m);
        var none = new BrandEquityDebtResult(1, 0, 0, 0m, 0m);

        Assert.Equal(PartnerProfile.Hunter, hunter.Profile);
        Assert.Null(debt.Share);
        Assert.True(hunter.HuntsWithBrandEquityDebt(debt));
        Assert.False(hunter.HuntsWithBrandEquityDebt(none));
    }

    [Fact]
    public void Result_LostDealsWithoutAmounts_LeaveTheValueWinRateNullWithAReason()
    {
        // A CRM that writes 0 (or nothing) on lost deals: won 100, lost 0 and lost with no amount.
        var deals = new[]
        {
            Deal("W1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 100m, D, D.AddDays(5), null),
            Deal("L1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Lost, 0m, D, D.AddDays(5), null),
            Deal("L2", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Lost, null, D, D.AddDays(5), null),
        };

        var result = PipelineAnalytics.Summarize(deals);

        Assert.Equal(1 / 3.0, result.WinRateByCount);
        Assert.Null(result.WinRateByValue);   // 100 / (100 + 0) would read 100 %
        Assert.Equal(0L, result.LostWithAmountCount);
        Assert.Equal(
            "None of the 2 lost deals carries an amount; a CRM that writes 0 or nothing on lost deals would make the value win rate read 100 %.",
            result.NoteFor(nameof(PipelineResult.WinRateByValue)));

        // One lost deal with an amount is enough to define it: 100 / (100 + 25).
        var withAmount = PipelineAnalytics.Summarize([.. deals, Deal("L3", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Lost, 25m, D, D.AddDays(5), null)]);
        Assert.Equal(0.8, withAmount.WinRateByValue);
        Assert.Null(withAmount.NoteFor(nameof(PipelineResult.WinRateByValue)));

        // Nothing lost: a value win rate of 100 % is true, not an artefact.
        Assert.Equal(1.0, PipelineAnalytics.Summarize([deals[0]]).WinRateByValue);

        // Nothing won either: 0 ÷ (0 + 0) reads nothing, let alone 100 %, so the note does not say it would.
        var nothingWon = PipelineAnalytics.Summarize(deals.Skip(1));
        Assert.Null(nothingWon.WinRateByValue);
        Assert.Equal("No closed deal carries an amount.", nothingWon.NoteFor(nameof(PipelineResult.WinRateByValue)));
    }

    [Fact]
    public void Result_UnknownSourceAndRoute_AreLeftOutOfTheMetricsThatNeedThem_WithReasons()
    {
        var deals = new[]
        {
            Deal("U1", "P-1", DealMotion.NewLogo, DealSource.Unknown, RouteToMarket.Unknown, DealOutcome.Won, 60m, D, D.AddDays(5), null, account: "A-1"),
            Deal("U2", "P-2", DealMotion.NewLogo, DealSource.Unknown, RouteToMarket.Unknown, DealOutcome.Won, 40m, D, D.AddDays(5), null, account: "A-2"),
            Deal("U3", "P-2", DealMotion.NewLogo, DealSource.Unknown, RouteToMarket.Unknown, DealOutcome.Open, 10m, D, null, null, account: "A-2"),
        };

        var unknown = PipelineAnalytics.Summarize(deals);

        Assert.Null(unknown.DealFlowReciprocity);
        Assert.Null(unknown.RouteConcentration);
        Assert.Equal((3L, 2L, 100m), (unknown.UnknownSourceCount, unknown.UnknownRouteWonCount, unknown.UnknownRouteWonValue));
        Assert.Equal("No deal records its source.", unknown.NoteFor(nameof(PipelineResult.DealFlowReciprocity)));
        Assert.Equal("No won deal records its route to market.", unknown.NoteFor(nameof(PipelineResult.RouteConcentration)));

        // The metrics that do not need source or route are unaffected: customers 60 and 40 → (0.36 + 0.16) × 10,000.
        Assert.Equal(5_200.0, unknown.CustomerConcentration!.Value, 9);
        Assert.Equal(1.0, unknown.TopCustomerShare);   // the top 5 are both
        Assert.Equal(0.6, PipelineAnalytics.Summarize(deals, new PipelineOptions { TopCustomers = 1 }).TopCustomerShare!.Value, 12);
        Assert.Equal(1.0, unknown.WinRateByCount);

        // One deal that records them: the metrics are defined over it alone, and say what they leave out.
        var mixed = PipelineAnalytics.Summarize([.. deals, Deal("K1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 5m, D, D.AddDays(5), null)]);
        Assert.Equal(0.0, mixed.DealFlowReciprocity);   // p = 1 of 1
        Assert.Equal(10_000.0, mixed.RouteConcentration);
        Assert.Equal("3 of 4 deals do not record their source and are left out.", mixed.NoteFor(nameof(PipelineResult.DealFlowReciprocity)));
        Assert.Equal("2 of 3 won deals do not record their route to market and are left out.", mixed.NoteFor(nameof(PipelineResult.RouteConcentration)));
    }

    [Fact]
    public void Result_EveryNullMetric_HasAReason()
    {
        var open = PipelineAnalytics.Summarize(Deals.Where(d => d.Outcome == DealOutcome.Open));
        var empty = new PipelineAccumulator().Result();

        foreach (var result in new[] { open, empty })
        {
            foreach (var property in typeof(PipelineResult).GetProperties().Where(p => Nullable.GetUnderlyingType(p.PropertyType) is not null))
            {
                var isNull = property.GetValue(result) is null;
                Assert.True(isNull == (result.NoteFor(property.Name) is not null), $"{property.Name}: null {isNull}, note '{result.NoteFor(property.Name)}'");
            }
        }

        Assert.Equal("No deal is closed (won or lost).", open.NoteFor(nameof(PipelineResult.WinRateByCount)));
        Assert.Equal("There are no deals.", empty.NoteFor(nameof(PipelineResult.WinRateByCount)));
        Assert.Equal("No remaining target was given (PipelineOptions.RemainingTarget).", open.NoteFor(nameof(PipelineResult.Coverage)));
    }

    [Fact]
    public void TopCustomers_BelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("TopCustomers", () => new PipelineOptions { TopCustomers = 0 });
}
