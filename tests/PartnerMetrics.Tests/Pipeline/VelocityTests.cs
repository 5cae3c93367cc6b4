using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>
/// Pipeline velocity (DOMAIN section 4): open deals × average won size × win rate ÷ mean won cycle, computed in decimal as
/// open × won value × won ÷ ((won + lost) × the won cycle's days), rounded once.
/// </summary>
public class VelocityTests
{
    [Fact]
    public void Velocity_IsExact_NotThroughADouble()
    {
        // 3 open deals, one deal won for 100 in 3 days and one lost: 3 × 100 × ½ ÷ 3 = 50 a day. Through a double rate
        // (½ ÷ 3 = 0.16666666666666666, 0.166666666666667 as a decimal) it read 50.0000000000001.
        var result = Accumulate(
            Open("O1"), Open("O2"), Open("O3"),
            Deal("W", null, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, 100m, D, D.AddDays(3), null),
            Deal("L", null, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 40m, D, D.AddDays(9), null));

        Assert.Equal(50m, result.Velocity);
    }

    [Fact]
    public void Velocity_OfTheExamples_IsTheQuotientRoundedOnce()
    {
        // 2 open × 200 won × 4 won ÷ (6 closed × 100 won cycle days) = 1,600 ÷ 600, to 28 decimal places.
        Assert.Equal(2.6666666666666666666666666667m, Accumulate(Deals).Velocity);
    }

    /// <summary>Pipelines of up to 40 open, won and lost deals each, with amounts to the cent and cycles of up to 4,000 days.</summary>
    [Property(MaxTest = 1_000)]
    public Property Velocity_IsOpenTimesWonValueTimesWon_OverClosedTimesCycleDays() => Prop.ForAll(
        Gen.Choose(0, 40).Zip(Gen.Choose(1, 100_000_000).Zip(Gen.Choose(0, 4_000)).ListOf().Where(w => w.Count is > 0 and <= 40)).Zip(Gen.Choose(0, 40)).ToArbitrary(),
        input =>
        {
            var ((open, won), lost) = input;
            var deals = Enumerable.Range(0, open).Select(i => Open($"O{i}"))
                .Concat(won.Select((w, i) => Deal($"W{i}", null, DealMotion.Renewal, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, w.Item1 / 100m, D, D.AddDays(w.Item2), null)))
                .Concat(Enumerable.Range(0, lost).Select(i => Deal($"L{i}", null, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 1m, D, D.AddDays(1), null)))
                .ToArray();
            decimal wonValue = won.Sum(w => w.Item1 / 100m), days = won.Sum(w => w.Item2);

            var velocity = Accumulate(deals).Velocity;

            Assert.Equal(days == 0 ? null : open * wonValue * won.Count / ((won.Count + lost) * days), velocity);
        });

    /// <summary>
    /// The cycle's total days read back from its mean: the exact sum for every count up to 2⁴⁰ deals and every sum below
    /// 2⁵² days (the mean being the sum ÷ the count as a double, as the histogram computes it).
    /// </summary>
    [Property(MaxTest = 2_000)]
    public Property TotalDays_FromTheMean_IsTheExactSum() => Prop.ForAll(
        Gen.Frequency((3, Gen.Choose(1, 1_000).Select(c => (long)c)), (2, Gen.Choose(1, int.MaxValue).Zip(Gen.Choose(0, 511)).Select(p => ((long)p.Item2 << 31) + p.Item1)))
            .SelectMany(count => Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, int.MaxValue)).Select(p => (count, fraction: ((double)p.Item1 * int.MaxValue + p.Item2) / ((double)int.MaxValue * int.MaxValue))))
            .ToArbitrary(),
        input =>
        {
            var (count, fraction) = input;
            var most = Int128.Min((Int128)count * 3_652_058, (Int128.One << 52) - 1);
            var sum = (Int128)(fraction * (double)most);
            var cycle = new CycleStatistics(count, (double)sum / count, 0, 0);

            Assert.Equal(sum, cycle.TotalDays);
        });

    [Fact]
    public void Deserialize_AResultOfAnEarlierRelease_IsReadWithTheExactVelocity()
    {
        var json = ResultOfThreeOpenOneWonOneLost();
        // What earlier releases wrote: 3 × 100 × (decimal)(0.5 ÷ 3.0) = 3 × 100 × 0.166666666666667.
        json["velocity"] = 50.0000000000001m;

        var read = PartnerMetricsJson.Deserialize<PipelineResult>(json.ToJsonString());

        Assert.Equal(50m, read.Velocity);
    }

    [Fact]
    public void Deserialize_AVelocityNeitherExactNorAsEarlierReleasesWroteIt_IsRejected()
    {
        var json = ResultOfThreeOpenOneWonOneLost();
        json["velocity"] = 50.0000000000002m;

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineResult>(json.ToJsonString()));

        Assert.Equal("$.velocity", error.Path);
        Assert.Contains("must be openCount × wonValue × wonCount ÷ ((wonCount + lostCount) × wonCycle.mean × wonCycle.count), rounded once, 50", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject ResultOfThreeOpenOneWonOneLost()
    {
        var result = Accumulate(
            Open("O1"), Open("O2"), Open("O3"),
            Deal("W", null, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, 100m, D, D.AddDays(3), null),
            Deal("L", null, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Lost, 40m, D, D.AddDays(9), null));
        return JsonNode.Parse(PartnerMetricsJson.Serialize(result))!.AsObject();
    }

    private static Opportunity Open(string id) =>
        Deal(id, null, DealMotion.Expansion, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Open, 10m, D, null, null);

    private static PipelineResult Accumulate(params Opportunity[] deals)
    {
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(deals);
        return accumulator.Result();
    }
}
