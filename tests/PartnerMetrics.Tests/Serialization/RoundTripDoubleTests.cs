using System.Buffers;
using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>
/// Every double the library writes reads back as the same double, the exact powers of two included, whose shortest
/// form the runtime can get wrong (2^−25 written <c>2.980232238769531E-08</c> reads back one below): DOMAIN rule 15.
/// </summary>
public class RoundTripDoubleTests
{
    private static readonly double TwoToTheMinus25 = Math.ScaleB(1.0, -25);

    [Fact]
    public void WriteValue_EveryNormalPowerOfTwo_ReadsBackExactly()
    {
        for (var k = -1022; k <= 1023; k++)
        {
            foreach (var value in new[] { Math.ScaleB(1.0, k), -Math.ScaleB(1.0, k) })
            {
                Assert.True(RoundTripDoubleConverter.IsNormalPowerOfTwo(value), $"2^{k}");
                Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(ReadBack(value)));
            }
        }
    }

    [Property]
    public void WriteValue_AnyFiniteDouble_ReadsBackExactly(long bits)
    {
        // Every bit pattern, so every finite double is reachable (subnormals, both zeros, the extremes); NaN and the
        // infinities are no JSON number and are left out.
        var value = BitConverter.Int64BitsToDouble(bits);
        if (double.IsFinite(value))
        {
            Assert.Equal(bits, BitConverter.DoubleToInt64Bits(ReadBack(value)));
        }
    }

    [Fact]
    public void IsNormalPowerOfTwo_OnlyForExactPowersOfTwo()
    {
        Assert.False(RoundTripDoubleConverter.IsNormalPowerOfTwo(0.0));
        Assert.False(RoundTripDoubleConverter.IsNormalPowerOfTwo(double.Epsilon));   // subnormal: formatted correctly
        Assert.False(RoundTripDoubleConverter.IsNormalPowerOfTwo(3.0));
        Assert.False(RoundTripDoubleConverter.IsNormalPowerOfTwo(double.PositiveInfinity));
        Assert.False(RoundTripDoubleConverter.IsNormalPowerOfTwo(double.NaN));
        Assert.True(RoundTripDoubleConverter.IsNormalPowerOfTwo(TwoToTheMinus25));
    }

    [Fact]
    public void Portfolio_ASatisfactionOfTwoToTheMinus25_RoundTrips()
    {
        var portfolio = new Portfolio([new Partnership(new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller), new DateOnly(2025, 1, 1), deliveries: [new Delivery(new DateOnly(2025, 2, 1), true, TwoToTheMinus25)])]);

        var back = PartnerMetricsJson.Deserialize<Portfolio>(PartnerMetricsJson.Serialize(portfolio));

        Assert.Equal(TwoToTheMinus25, back.Partnerships[0].Deliveries[0].Satisfaction);
        Assert.Equal(portfolio, back);
    }

    [Fact]
    public void HealthModel_AWeightOfTwoToTheMinus25_RoundTrips()
    {
        var model = HealthModel.Default with { DimensionWeights = new DimensionWeights(TwoToTheMinus25, 0.2, 0.25, 0.15, 0.15) };

        var back = PartnerMetricsJson.Deserialize<HealthModel>(PartnerMetricsJson.Serialize(model));

        Assert.Equal(TwoToTheMinus25, back.DimensionWeights.Trust);
        Assert.Equal(model, back);
    }

    private static double ReadBack(double value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            RoundTripDoubleConverter.WriteValue(writer, value);
        }

        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.GetDouble();
    }
}
