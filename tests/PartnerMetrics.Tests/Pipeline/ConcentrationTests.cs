using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>The public Herfindahl–Hirschman index: its bounds, its independence of order, its errors, and that it is the pipeline's.</summary>
public class ConcentrationTests
{
    [Theory]
    [InlineData(1, 10_000.0)]
    [InlineData(2, 5_000.0)]
    [InlineData(4, 2_500.0)]
    [InlineData(8, 1_250.0)]
    public void EqualParts_Give10000OverN(int parts, double expected)
    {
        Assert.Equal(expected, Concentration.Herfindahl(Enumerable.Repeat(12.5m, parts)));
    }

    [Fact]
    public void NothingToShare_IsUndefined()
    {
        Assert.Null(Concentration.Herfindahl([]));
        Assert.Null(Concentration.Herfindahl([0m, 0m]));
        Assert.Equal(10_000.0, Concentration.Herfindahl([0m, 7m, 0m]));
    }

    [Fact]
    public void BadValues_AreRejected()
    {
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Concentration.Herfindahl(null!)).ParamName);
        var negative = Assert.Throws<ArgumentException>(() => Concentration.Herfindahl([5m, -1.5m]));
        Assert.Equal("values", negative.ParamName);
        Assert.StartsWith("A concentration is of parts that are not negative; value 1 is -1.5.", negative.Message, StringComparison.Ordinal);
        var overflow = Assert.Throws<ArgumentException>(() => Concentration.Herfindahl([decimal.MaxValue, decimal.MaxValue]));
        Assert.StartsWith("The values add up to more than the largest decimal.", overflow.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AZeroWrittenFinerThanTheOtherValues_IsAPartWithNoShare_BesideValuesPast64Bits()
    {
        // 2 × 10^19 does not fit in 64 bits, so the index is summed in BigInteger; the zero's scale (1) is above the
        // common scale of the values that are not 0 (0), and scaling it by 10^-1 threw ArgumentOutOfRangeException ('exponent').
        Assert.Equal(10_000.0, Concentration.Herfindahl([20_000_000_000_000_000_000m, 0.0m]));
        Assert.Equal(Concentration.Herfindahl([20_000_000_000_000_000_000m, 0m]), Concentration.Herfindahl([0.0000m, 20_000_000_000_000_000_000m]));
        Assert.Equal(5_000.0, Concentration.Herfindahl([1.00000000000000000000m, 0.000000000000000000000m, 1m]));
    }

    [Fact]
    public void ThePipelinesConcentrations_TakeAZeroWrittenFinerThanLargeWonValues()
    {
        // 185 wins of 10^14 written to three decimals are 1.85 × 10^19 at that scale, past 64 bits; a win of 0.0000 (four
        // decimals) by another partner, on another route and account, made every result throw ArgumentOutOfRangeException.
        var accumulator = new PipelineAccumulator();
        var day = new DateOnly(2024, 1, 1);
        for (var i = 0; i <= 185; i++)
        {
            var (amount, partner, route) = i < 185 ? (100_000_000_000_000.000m, "P-1", RouteToMarket.Partner) : (0.0000m, "P-2", RouteToMarket.Direct);
            accumulator.Add(new Opportunity(new OpportunityId($"O-{i}"), new AccountId(i < 185 ? "A-1" : "A-2"), day, DealMotion.NewLogo, DealSource.PartnerSourced, route, DealOutcome.Won, amount, new PartnerMetrics.Partners.PartnerId(partner), closedOn: day.AddDays(10)));
        }

        var result = accumulator.Result();
        Assert.Equal(10_000.0, result.PartnerConcentration);
        Assert.Equal(10_000.0, result.RouteConcentration);
        Assert.Equal(10_000.0, result.CustomerConcentration);
        Assert.Equal(1.0, result.TopPartnerShare);
    }

    [Property(MaxTest = 300)]
    public Property AnyOrder_GivesTheSameIndex_BetweenItsBounds() => Prop.ForAll(
        Gen.Choose(0, 5_000_000).Select(c => c / 100m).NonEmptyListOf().Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
        input =>
        {
            var (values, seed) = input;
            // One generator for the whole shuffle: a new one per element gave every element the same key, so the
            // "shuffle" kept the order and an index that depends on it passed.
            var shuffled = values.ToArray();
            new Random(seed).Shuffle(shuffled);
            var index = Concentration.Herfindahl(values);
            Assert.Equal(index, Concentration.Herfindahl(shuffled));
            if (values.Sum() > 0)
            {
                Assert.InRange(index!.Value, (10_000.0 / values.Count) - 1e-9, 10_000.0 + 1e-9);
            }
            else
            {
                Assert.Null(index);
            }
        });

    [Fact]
    public void ThePipelinesPartnerConcentration_IsTheIndexOfEachPartnersWonValue()
    {
        var accumulator = new PipelineAccumulator();
        var day = new DateOnly(2024, 1, 1);
        decimal[] won = [100m, 250.5m, 100m, 40m];
        for (var i = 0; i < won.Length; i++)
        {
            accumulator.Add(new Opportunity(new OpportunityId($"O-{i}"), new AccountId($"A-{i}"), day, DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, won[i], new PartnerMetrics.Partners.PartnerId($"P-{i % 3}"), closedOn: day.AddDays(10)));
        }

        Assert.Equal(Concentration.Herfindahl([140m, 250.5m, 100m]), accumulator.Result().PartnerConcentration);
    }
}
