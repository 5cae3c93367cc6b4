using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>Pipeline results at the edges of what the types hold: the largest merged values, amounts with every decimal, cells past an int.</summary>
public class PipelineExtremesTests
{
    /// <summary>A shard's document: 10^15 deals won or lost, worth 5 × 10^28 in all, each shard's own result well inside a decimal.</summary>
    private const string WonShard = """{"count":1000000000000000,"open":0,"won":1000000000000000,"lost":0,"lostWithAmount":0,"missingAmounts":0,"huntingWon":0,"partnerSourced":0,"vendorReferred":0,"unknownSource":0,"unknownRouteWon":0,"openValue":0,"wonValue":50000000000000000000000000000,"lostValue":0,"huntingWonValue":0,"directRouteValue":50000000000000000000000000000,"partnerRouteValue":0,"marketplaceRouteValue":0,"unknownRouteValue":0,"wonCycleDays":[0,1000000000000000],"partners":[],"accounts":[{"accountId":"A-1","wonCount":1000000000000000,"wonValue":50000000000000000000000000000}],"years":[{"year":2025,"wonCount":1000000000000000,"wonValue":50000000000000000000000000000,"lostCount":0,"lostValue":0}],"lossReasons":[]}""";

    private const string LostShard = """{"count":1000000000000000,"open":0,"won":0,"lost":1000000000000000,"lostWithAmount":1000000000000000,"missingAmounts":0,"huntingWon":0,"partnerSourced":0,"vendorReferred":0,"unknownSource":0,"unknownRouteWon":0,"openValue":0,"wonValue":0,"lostValue":50000000000000000000000000000,"huntingWonValue":0,"directRouteValue":0,"partnerRouteValue":0,"marketplaceRouteValue":0,"unknownRouteValue":0,"wonCycleDays":[],"partners":[],"accounts":[],"years":[{"year":2025,"wonCount":0,"wonValue":0,"lostCount":1000000000000000,"lostValue":50000000000000000000000000000}],"lossReasons":[{"year":2025,"count":1000000000000000,"value":50000000000000000000000000000}]}""";

    [Fact]
    public void MergedShards_WhoseWonAndLostValuesTogetherPassADecimal_GiveTheValueWinRate()
    {
        // Each shard reads and gives a result; merged, Result() threw OverflowException adding won and lost value.
        var merged = PartnerMetricsJson.Deserialize<PipelineAccumulator>(WonShard)!;
        merged.Merge(PartnerMetricsJson.Deserialize<PipelineAccumulator>(LostShard)!);

        var result = merged.Result();

        Assert.Equal(0.5, result.WinRateByValue);
        Assert.Equal(0.5, result.WinRateByCount);
    }

    [Fact]
    public void Profile_ByValue_ComparesTheShareExactly_NotRoundedToADouble()
    {
        // 69.9999999999999999 % of the won value hunted: as a double the share is 0.7, and it read Hunter.
        var accumulator = new PipelineAccumulator();
        accumulator.Add(Deal("H", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 69_999_999_999_999.9999m, D, D.AddDays(30), null));
        accumulator.Add(Deal("F", "P-1", DealMotion.Renewal, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 30_000_000_000_000.0001m, D, D.AddDays(30), null));

        var result = accumulator.Result();

        Assert.Equal(0.7, result.HuntingShareByValue);
        Assert.Equal(PartnerProfile.Balanced, result.Profile);
    }

    /// <summary>
    /// The profile by count (no value won) compared the share as a double: of 10^17 won deals, 7 × 10^16 − 1 hunted is
    /// 69.99999999999999999 %, which rounds to the double 0.7 and read Hunter; 3 × 10^16 + 1 read Farmer.
    /// </summary>
    [Theory]
    [InlineData(70_000_000_000_000_000 - 1, PartnerProfile.Balanced)]
    [InlineData(70_000_000_000_000_000, PartnerProfile.Hunter)]
    [InlineData(30_000_000_000_000_000 + 1, PartnerProfile.Balanced)]
    [InlineData(30_000_000_000_000_000, PartnerProfile.Farmer)]
    public void Profile_ByCount_ComparesTheShareExactly_NotRoundedToADouble(long huntingWon, PartnerProfile expected)
    {
        const long Won = 100_000_000_000_000_000;
        var accumulator = PartnerMetricsJson.Deserialize<PipelineAccumulator>(Shard(Won, huntingWon, 0m, 0m))!;

        Assert.Equal(expected, accumulator.Result().Profile);
    }

    /// <summary>
    /// The profile by value compared the hunted value with 0.7 × the won value in decimal, which is rounded past 28 digits:
    /// 0.7 × 20,000,000,000,000,000,000,000,000,003 is …002.1, rounded to …002, so a hunted value of …002 (below 70 %) read Hunter.
    /// </summary>
    [Theory]
    [InlineData("14000000000000000000000000002", PartnerProfile.Balanced)]
    [InlineData("14000000000000000000000000003", PartnerProfile.Hunter)]
    [InlineData("6000000000000000000000000000", PartnerProfile.Farmer)]     // 10 × hunted ≤ 3 × won: 6 × 10^28 ≤ 6 × 10^28 + 9
    [InlineData("6000000000000000000000000001", PartnerProfile.Balanced)]
    public void Profile_ByValue_PastTwentyEightDigits_ComparesTheShareExactly(string huntingWonValue, PartnerProfile expected)
    {
        // 10^15 deals won, half of them hunted, worth 2 × 10^28 + 3 in all: a document of merged shards.
        var hunted = decimal.Parse(huntingWonValue, System.Globalization.CultureInfo.InvariantCulture);
        var accumulator = PartnerMetricsJson.Deserialize<PipelineAccumulator>(Shard(1_000_000_000_000_000, 500_000_000_000_000, 20_000_000_000_000_000_000_000_000_003m, hunted))!;

        Assert.Equal(expected, accumulator.Result().Profile);
    }

    /// <summary>An accumulator document of <paramref name="won"/> won deals (and nothing else), <paramref name="huntingWon"/> of them hunted.</summary>
    private static string Shard(long won, long huntingWon, decimal wonValue, decimal huntingWonValue) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $$"""{"count":{{won}},"open":0,"won":{{won}},"lost":0,"lostWithAmount":0,"missingAmounts":{{(wonValue == 0 ? won : 0)}},"huntingWon":{{huntingWon}},"partnerSourced":0,"vendorReferred":0,"unknownSource":0,"unknownRouteWon":0,"openValue":0,"wonValue":{{wonValue}},"lostValue":0,"huntingWonValue":{{huntingWonValue}},"directRouteValue":{{wonValue}},"partnerRouteValue":0,"marketplaceRouteValue":0,"unknownRouteValue":0,"wonCycleDays":[0,{{won}}],"partners":[],"accounts":[{"accountId":"A-1","wonCount":{{won}},"wonValue":{{wonValue}}}],"years":[{"year":2025,"wonCount":{{won}},"wonValue":{{wonValue}},"lostCount":0,"lostValue":0}],"lossReasons":[]}""");

    [Theory]
    [InlineData(70, PartnerProfile.Hunter)]
    [InlineData(69, PartnerProfile.Balanced)]
    [InlineData(31, PartnerProfile.Balanced)]
    [InlineData(30, PartnerProfile.Farmer)]
    public void Profile_ByValue_HasItsThresholdsInclusive(int hunted, PartnerProfile profile)
    {
        var accumulator = new PipelineAccumulator();
        accumulator.Add(Deal("H", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, hunted, D, D.AddDays(30), null));
        accumulator.Add(Deal("F", "P-1", DealMotion.Renewal, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 100 - hunted, D, D.AddDays(30), null));

        Assert.Equal(profile, accumulator.Result().Profile);
    }

    [Fact]
    public void Batch_WhoseCellIndexPassesAnInt_IsAnArgumentException()
    {
        // 30,000 districts over the quarters from year 1 to 9999: the cell index overflowed (checked arithmetic) before the
        // check that refuses a batch with more cells than its dense cube holds, and escaped as an OverflowException.
        var deals = Enumerable.Range(0, 30_000)
            .Select(i => Deal($"X{i}", null, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Open, 1m, new DateOnly(2025, 1, 1), null, $"D{i}"))
            .Append(Deal("Y1", null, DealMotion.Expansion, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Open, 1m, new DateOnly(9999, 12, 1), null, "D29999"))
            .Append(Deal("Y0", null, DealMotion.Expansion, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Open, 1m, new DateOnly(1, 1, 1), null, "D1"))
            .ToArray();

        Rejects.Field<ArgumentException>(() => OpportunityBatch.From(deals), "opportunities", "cells, more than the");
    }
}
