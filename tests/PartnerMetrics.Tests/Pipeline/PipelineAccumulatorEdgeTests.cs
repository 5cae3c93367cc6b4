using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>Boundaries and orderings of <see cref="PipelineAccumulator"/> that mutation testing found untested.</summary>
public class PipelineAccumulatorEdgeTests
{
    private static readonly DateOnly D = new(2024, 1, 10);

    [Theory]
    [InlineData(70, 30, PartnerProfile.Hunter)]     // exactly 70 % hunting
    [InlineData(69, 31, PartnerProfile.Balanced)]
    [InlineData(30, 70, PartnerProfile.Farmer)]     // exactly 30 % hunting
    [InlineData(31, 69, PartnerProfile.Balanced)]
    public void Profile_ThresholdsAreInclusive(int huntingValue, int farmingValue, PartnerProfile expected)
    {
        var result = Accumulate(
            Won("H", DealMotion.NewLogo, huntingValue, "P-1"),
            Won("F", DealMotion.Renewal, farmingValue, "P-1"));

        Assert.Equal(expected, result.Profile);
    }

    [Fact]
    public void Profile_WithNoValueWon_UsesTheCountShare()
    {
        // 3 of 4 wins are new logos, all of them worth 0: the value share is undefined, the count share 0.75.
        var result = Accumulate(
            Won("H1", DealMotion.NewLogo, 0, "P-1"), Won("H2", DealMotion.NewLogo, 0, "P-1"), Won("H3", DealMotion.NewLogo, 0, "P-1"),
            Won("F1", DealMotion.Renewal, 0, "P-1"));

        Assert.Null(result.HuntingShareByValue);
        Assert.Equal(PartnerProfile.Hunter, result.Profile);
    }

    /// <summary>
    /// docs/pipeline.md: the median is the middle cycle or the mean of the two middle ones, and the 90th percentile is by
    /// nearest rank, the ⌈0.9 n⌉-th smallest cycle, exact at day resolution. The worked example pins four deals only; these
    /// pin one and two deals and the counts where ⌈0.9 n⌉ parts from ⌊0.9 n⌋ and from rounding (11, 15).
    /// </summary>
    [Theory]
    [InlineData(new[] { 7 }, 7.0, 7.0, 7)]                                   // n = 1: rank ⌈0.9⌉ = 1
    [InlineData(new[] { 0 }, 0.0, 0.0, 0)]                                   // a deal won on the day it was created
    [InlineData(new[] { 3, 1 }, 2.0, 2.0, 3)]                                // n = 2: median (1 + 3) / 2, rank ⌈1.8⌉ = 2
    [InlineData(new[] { 5, 1, 2 }, 8 / 3.0, 2.0, 5)]                         // n = 3: rank ⌈2.7⌉ = 3
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 5.5, 5.5, 9)]       // n = 10: rank ⌈9⌉ = 9
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 6.0, 6.0, 10)]  // n = 11: rank ⌈9.9⌉ = 10, not ⌊9.9⌋ = 9
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 }, 8.0, 8.0, 14)] // n = 15: rank ⌈13.5⌉ = 14, not 13
    public void WonCycle_MedianAndNearestRankPercentile90(int[] cycleDays, double mean, double median, int percentile90)
    {
        var result = Accumulate([.. cycleDays.Select((days, i) =>
            Deal($"W{i}", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 10m, D, D.AddDays(days), null))]);

        Assert.Equal(new CycleStatistics(cycleDays.Length, mean, median, percentile90), result.WonCycle);
    }

    [Fact]
    public void PartnersWithRepeatWins_CountsPartnersWithTwoOrMoreWins()
    {
        var result = Accumulate(
            Won("A1", DealMotion.NewLogo, 10, "P-1"), Won("A2", DealMotion.NewLogo, 10, "P-1"),
            Won("B1", DealMotion.NewLogo, 10, "P-2"), Won("B2", DealMotion.NewLogo, 10, "P-2"), Won("B3", DealMotion.NewLogo, 10, "P-2"),
            Won("C1", DealMotion.NewLogo, 10, "P-3"));

        // Two partners won twice or more, one once: the count must not be the complement.
        Assert.Equal(2, result.PartnersWithRepeatWins);
    }

    [Fact]
    public void YearsAndLossReasons_AreInAscendingOrder()
    {
        var result = Accumulate(
            Deal("L1", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2025, 3, 1), null, "Price"),
            Deal("L2", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2024, 3, 1), null, "Timing"),
            Deal("L3", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2024, 4, 1), null, "Competitor"),
            Deal("L4", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2024, 5, 1), null, "Timing"),
            Deal("L5", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2024, 6, 1), null, "Budget"));

        // Within a year the most frequent reason leads; ties go by name.
        Assert.Equal([2024, 2025], result.Years.Select(y => y.Year));
        Assert.Equal([(2024, "Timing"), (2024, "Budget"), (2024, "Competitor"), (2025, "Price")], result.LossReasons.Select(r => (r.Year, r.Reason!)));
    }

    [Fact]
    public void LossReasons_WithoutAReason_IsItsOwnBucket_FirstAmongEquallyFrequentReasons()
    {
        // docs/pipeline.md: lost deals by year, then most frequent first, then reason by ordinal, where a deal lost without
        // a recorded reason is a bucket of its own and sorts before every named reason it ties with. 2025: "Price" twice,
        // no reason once, "Budget" once → Price (2), none (1), Budget (1); 2024 comes first although it has fewer deals.
        var result = Accumulate(
            Deal("L1", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2025, 3, 1), null, "Budget"),
            Deal("L2", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2025, 3, 2), null, null),
            Deal("L3", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2025, 3, 3), null, "Price"),
            Deal("L4", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 7m, D, new DateOnly(2025, 3, 4), null, "Price"),
            Deal("L5", "P-1", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2024, 12, 1), null, "Timing"));

        Assert.Equal(
            [new LossReasonTally(2024, "Timing", 1, 5m), new LossReasonTally(2025, "Price", 2, 12m), new LossReasonTally(2025, null, 1, 5m), new LossReasonTally(2025, "Budget", 1, 5m)],
            result.LossReasons.ToArray());
    }

    [Fact]
    public void Merge_NullOrItself_IsRejected()
    {
        var accumulator = new PipelineAccumulator();

        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => accumulator.Merge(null!)).ParamName);
        var itself = Assert.Throws<ArgumentException>(() => accumulator.Merge(accumulator));
        Assert.Equal("other", itself.ParamName);
        Assert.Contains("merge a copy", itself.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsTheSameWhateverOrderTheDealsCameIn()
    {
        Opportunity[] deals =
        [
            Won("A", DealMotion.NewLogo, 10, "P-2"), Won("B", DealMotion.Renewal, 20, "P-1"),
            Deal("C", "P-3", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2025, 3, 1), null, "Price"),
            Deal("E", "P-3", DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 5m, D, new DateOnly(2024, 3, 1), null, "Timing"),
        ];
        var forward = new PipelineAccumulator();
        forward.AddRange(deals);
        var backward = new PipelineAccumulator();
        backward.AddRange(deals.Reverse());

        Assert.Equal(PartnerMetricsJson.Serialize(forward), PartnerMetricsJson.Serialize(backward));
        // Partners with wins, in id order.
        Assert.Equal(["P-1", "P-2"], JsonKeys.Of(PartnerMetricsJson.Serialize(forward), "partners", "partnerId"));
    }

    [Fact]
    public void Json_WithoutAPart_IsRejectedNamingIt()
    {
        // Every part is written, empty or not: a document without one is damaged, and reading its absence as 0 or as an
        // empty list would change the metrics (without huntingWon and huntingWonValue, every win would read as farming).
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(PipelineExamples.Deals);
        var full = JsonNode.Parse(PartnerMetricsJson.Serialize(accumulator))!.AsObject();
        Assert.Equal(accumulator.Result(), PartnerMetricsJson.Deserialize<PipelineAccumulator>(full.ToJsonString()).Result());

        Assert.Equal(24, full.Count);
        foreach (var (name, _) in full)
        {
            var without = full.DeepClone().AsObject();
            without.Remove(name);

            var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(without.ToJsonString()));

            Assert.Equal($"$.{name}", error.Path);
            Assert.Contains($"Required property '{name}' is missing or null.", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Merge_PastACountsRange_ChangesNothingAndSaysWhich()
    {
        // Two shards of 5 × 10¹⁸ won deals each (a day's cycle, no value), each valid: their sum passes long.MaxValue.
        // The merge added the counts before it failed, and left the accumulator half merged (the review).
        var shard = Enormous(won: 5_000_000_000_000_000_000, open: 0, wonValue: 0m);
        var merged = PartnerMetricsJson.Deserialize<PipelineAccumulator>(shard);

        var error = Assert.Throws<OverflowException>(() => merged.Merge(PartnerMetricsJson.Deserialize<PipelineAccumulator>(shard)));

        Assert.Contains("'count'", error.Message, StringComparison.Ordinal);
        Assert.Contains("neither accumulator was changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(shard, PartnerMetricsJson.Serialize(merged));
        Assert.Equal(1.0, merged.Result().WonCycle!.Mean);
    }

    [Fact]
    public void Result_VelocityPastADecimal_IsNullWithANote()
    {
        // Each shard: 5 × 10¹⁴ open deals and one win of the largest amount in a day, velocity 5 × 10²⁸ a day, which a
        // decimal holds; merged, 10²⁹, which it does not. Result() threw OverflowException.
        var shard = Enormous(won: 1, open: 500_000_000_000_000, wonValue: Opportunity.MaxAmount);
        var merged = PartnerMetricsJson.Deserialize<PipelineAccumulator>(shard);
        Assert.Equal(5e28m, merged.Result().Velocity);

        merged.Merge(PartnerMetricsJson.Deserialize<PipelineAccumulator>(shard));
        var result = merged.Result();

        Assert.Null(result.Velocity);
        Assert.Contains(result.Notes, note => note.Metric == nameof(PipelineResult.Velocity) && note.Reason.Contains("more than a decimal holds", StringComparison.Ordinal));
        Assert.Equal(2 * Opportunity.MaxAmount, result.WonValue);
    }

    /// <summary>A shard's JSON: <paramref name="won"/> deals won in a day by one account, direct, in 2024, worth <paramref name="wonValue"/> together, and <paramref name="open"/> open deals of no value.</summary>
    private static string Enormous(long won, long open, decimal wonValue)
    {
        var accumulator = new PipelineAccumulator();
        accumulator.Add(Deal("W", null, DealMotion.Expansion, DealSource.VendorReferred, RouteToMarket.Direct, DealOutcome.Won, 1m, D, D.AddDays(1), null, account: "A"));
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(accumulator))!.AsObject();
        json["count"] = won + open;
        json["open"] = open;
        json["won"] = won;
        json["wonValue"] = wonValue;
        json["directRouteValue"] = wonValue;
        json["wonCycleDays"] = new JsonArray(0, won);
        json["accounts"]![0]!["wonCount"] = won;
        json["accounts"]![0]!["wonValue"] = wonValue;
        json["years"]![0]!["wonCount"] = won;
        json["years"]![0]!["wonValue"] = wonValue;
        return PartnerMetricsJson.Serialize(PartnerMetricsJson.Deserialize<PipelineAccumulator>(json.ToJsonString()));
    }

    /// <summary>
    /// Reciprocity is 1 − |2p − 1|, which is 2 × the smaller of partner-sourced and vendor-referred ÷ both: 1 of 10 is 0.2.
    /// Computed through the double p it was rounded three times and read 0.19999999999999996 (1 of 6, 0.33333333333333326);
    /// 573 of the 1,680 splits of up to 40 deals each way were off in the last bits.
    /// </summary>
    [Theory]
    [InlineData(1, 9, 0.2)]
    [InlineData(9, 1, 0.2)]
    [InlineData(1, 5, 1.0 / 3)]
    [InlineData(5, 1, 1.0 / 3)]
    [InlineData(1, 10, 2.0 / 11)]
    [InlineData(3, 3, 1.0)]
    [InlineData(4, 0, 0.0)]
    public void DealFlowReciprocity_IsRoundedOnce_AndTheSameEitherWay(int partnerSourced, int vendorReferred, double expected)
    {
        var deals = Enumerable.Range(0, partnerSourced).Select(i => Sourced($"PS-{i}", DealSource.PartnerSourced))
            .Concat(Enumerable.Range(0, vendorReferred).Select(i => Sourced($"VR-{i}", DealSource.VendorReferred)))
            .ToArray();

        var result = Accumulate(deals);

        Assert.Equal(expected, result.DealFlowReciprocity);
        Assert.Equal(result, PartnerMetricsJson.Deserialize<PipelineResult>(PartnerMetricsJson.Serialize(result)));
    }

    /// <summary>A result document written by an earlier release states the reciprocity it computed through p: it is read, with the exact one.</summary>
    [Fact]
    public void DealFlowReciprocity_AsEarlierReleasesWroteIt_IsRead()
    {
        var result = Accumulate([Sourced("PS-0", DealSource.PartnerSourced), .. Enumerable.Range(0, 9).Select(i => Sourced($"VR-{i}", DealSource.VendorReferred))]);
        var document = JsonNode.Parse(PartnerMetricsJson.Serialize(result))!;
        document["dealFlowReciprocity"] = 0.19999999999999996;

        var read = PartnerMetricsJson.Deserialize<PipelineResult>(document.ToJsonString());

        Assert.Equal(0.2, read!.DealFlowReciprocity);
        Assert.Equal(result, read);
        document["dealFlowReciprocity"] = 0.20000000000000004;
        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineResult>(document.ToJsonString()));
    }

    private static Opportunity Sourced(string id, DealSource source) =>
        Deal(id, "P-1", DealMotion.NewLogo, source, RouteToMarket.Partner, DealOutcome.Open, 10m, D, null, null);

    private static Opportunity Won(string id, DealMotion motion, decimal amount, string partner) =>
        Deal(id, partner, motion, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, amount, D, D.AddDays(30), null);

    private static PipelineResult Accumulate(params Opportunity[] deals)
    {
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(deals);
        return accumulator.Result();
    }
}
