using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>
/// <see cref="TextCache"/>: a text read through it is the reader's own string value, whatever the text (escaped, not
/// ASCII, long, colliding with another in its slot); a short ASCII text read again is the string read before.
/// </summary>
public class TextCacheTests
{
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Texts of every kind, and short ASCII ones that repeat, so that both hits and collisions occur.</summary>
    private static readonly Gen<string> Texts = Gen.Frequency(
        (3, ModelGenerators.Text),
        (3, Gen.Choose(0, 2_000).Select(n => $"District {n}")),
        (1, Gen.Choose(0, 40).Select(n => new string('x', n))),
        (1, Gen.ArrayOf(Gen.Choose(0, 0x2FFF).Select(c => (char)c)).Where(chars => !chars.Any(char.IsSurrogate)).Select(chars => new string(chars))));

    [Property]
    public Property EveryText_ReadsAsTheReaderReadsIt_AndARepeatedShortAsciiTextIsOneString() =>
        Prop.ForAll(Gen.ArrayOf(Texts).ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (texts, raw) =>
        {
            // Written with every non-ASCII character escaped, or as raw UTF-8 (only quotes, backslashes and controls escaped).
            var cache = new TextCache();
            var bytes = JsonSerializer.SerializeToUtf8Bytes(texts, raw ? Raw : JsonSerializerOptions.Default);
            var reader = new Utf8JsonReader(bytes);
            reader.Read();
            var read = new List<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                Assert.Equal(reader.GetString(), cache.Read(ref reader));
                read.Add(cache.Read(ref reader));
            }

            Assert.Equal(texts, read);

            // Read twice in a row, a kept text is found again: nothing came between to take its slot.
            var utf8 = new Utf8JsonReader(bytes);
            utf8.Read();
            while (utf8.Read() && utf8.TokenType == JsonTokenType.String)
            {
                var text = utf8.GetString()!;
                var kept = !utf8.ValueIsEscaped && utf8.ValueSpan.Length <= TextCache.MaxLength && Encoding.UTF8.GetByteCount(text) == text.Length;
                Assert.Equal(kept, ReferenceEquals(cache.Read(ref utf8), cache.Read(ref utf8)));
            }
        });

    [Fact]
    public void ATextLongerThanTheLimit_IsANewStringEachTime()
    {
        var cache = new TextCache();
        var atLimit = Read(cache, new string('a', TextCache.MaxLength));
        var overLimit = Read(cache, new string('a', TextCache.MaxLength + 1));

        Assert.Same(atLimit.First, atLimit.Second);
        Assert.NotSame(overLimit.First, overLimit.Second);
        Assert.Equal(overLimit.First, overLimit.Second);
    }

    /// <summary>A portfolio read in one pass holds each district, stage and partner id its deals repeat once.</summary>
    [Fact]
    public void APortfolioReadInOnePass_SharesTheTextsItRepeats()
    {
        const string Json = """
            {"partnerships":[{"partner":{"id":"P-1","name":"Contoso","type":"Reseller","district":"North"},"startedOn":"2024-01-01","opportunities":[
              {"id":"O-1","accountId":"A-1","partnerId":"P-1","district":"North","motion":"NewLogo","source":"PartnerSourced","route":"Partner","outcome":"Open","createdOn":"2024-02-01","stage":"Propose"},
              {"id":"O-2","accountId":"A-2","partnerId":"P-1","district":"North","motion":"NewLogo","source":"PartnerSourced","route":"Partner","outcome":"Open","createdOn":"2024-03-01","stage":"Propose"}]}]}
            """;
        var bytes = Encoding.UTF8.GetBytes(Json);
        Assert.True(PortfolioReader.TryRead(bytes, out var portfolio));
        var partnership = Assert.Single(portfolio!.Partnerships);
        var (first, second) = (partnership.Opportunities[0], partnership.Opportunities[1]);

        Assert.Same(first.District, second.District);
        Assert.Same(partnership.Partner.District, first.District);
        Assert.Same(first.Stage, second.Stage);
        Assert.Same(first.PartnerId!.Value.Value, second.PartnerId!.Value.Value);
        Assert.Equal(PartnerMetricsJson.ReadDocument<Portfolio>(bytes), portfolio);
    }

    private static (string First, string Second) Read(TextCache cache, string text)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(text);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        var first = cache.Read(ref reader);
        return (first, cache.Read(ref reader));
    }
}
