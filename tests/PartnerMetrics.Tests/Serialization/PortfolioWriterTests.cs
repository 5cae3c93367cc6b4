using System.Text;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>A portfolio is written straight from the model (<see cref="PortfolioWriter"/>) to the very bytes its documents write.</summary>
public class PortfolioWriterTests
{
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void APortfolio_IsWrittenToTheBytesOfItsDocument(Portfolio value)
    {
        var expected = Document(value);

        Assert.Equal(expected, Written(value));
        Assert.Equal(Encoding.UTF8.GetString(expected), PartnerMetricsJson.Serialize(value));
    }

    [Fact]
    public void ALargePortfolio_WrittenInManyFlushes_IsTheBytesOfItsDocument()
    {
        var portfolio = new Portfolio(Gen.CollectToArray(Enumerable.Range(0, 400), i => ModelGenerators.PartnershipWith(new PartnerId($"P-{i}"))).Sample(1, 20).First());
        var expected = Document(portfolio);

        Assert.True(expected.Length > 4 << 16, $"{expected.Length:N0} bytes: the writer flushes every 64 KiB");
        Assert.Equal(expected, Written(portfolio));
    }

    private static byte[] Written(Portfolio value)
    {
        using var stream = new MemoryStream();
        PartnerMetricsJson.Serialize(stream, value);
        return stream.ToArray();
    }

    private static byte[] Document(Portfolio value)
    {
        using var stream = new MemoryStream();
        PartnerMetricsJson.SerializeDocument(stream, value);
        return stream.ToArray();
    }
}
