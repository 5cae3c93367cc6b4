using System.Globalization;
using System.Text;
using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Serialization;

namespace PartnerMetrics.Tests.Reliability;

/// <summary>
/// What a CRM export can look like when something upstream went wrong: every such document gives a
/// <see cref="JsonException"/> with the path, or the documented result (docs/reliability.md, "Hostile JSON").
/// </summary>
public class HostileJsonTests
{
    private static readonly byte[] Sample = Encoding.UTF8.GetBytes(JsonFormatTests.SamplePortfolioJson);

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("\"Infinity\"")]
    [InlineData("0x1F")]
    [InlineData(".5")]
    public void NumberLiteralsJsonDoesNotHave_AreRejectedAtTheirLine(string literal)
    {
        var json = With("\"satisfaction\": 0.85", $"\"satisfaction\": {literal}");
        var line = json[..json.IndexOf("\"satisfaction\"", StringComparison.Ordinal)].Count(c => c == '\n');

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(json));

        // Text that is not JSON at all is located by line and byte (0-based), not by a path.
        Assert.Equal(line, error.LineNumber);
        Assert.NotNull(error.BytePositionInLine);
    }

    [Theory]
    [InlineData("1e20", "10^14")]
    [InlineData("33.33333333333333333333333333", "'amount' must have at most 4 decimal places, so that sums of amounts stay exact; got 33.33333333333333333333333333.")]
    [InlineData("0.00001", "got 0.00001.")]
    [InlineData("79228162514264337593543950336", "Expected a number from -79228162514264337593543950335 to 79228162514264337593543950335")]
    [InlineData("1e400", "Expected a number from -79228162514264337593543950335 to 79228162514264337593543950335")]
    public void AmountsOutOfRange_AreRejectedAtTheField(string amount, string because)
    {
        var json = $$"""{"id":"O-1","accountId":"A-1","createdOn":"2025-01-01","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Open","amount":{{amount}}}""";

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Opportunity>(json));

        Assert.Equal("$.amount", error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"tier\": \"Gold\"", "\"tier\": {}")]
    [InlineData("\"name\": \"Contoso Cloud\"", "\"name\": 5")]
    [InlineData("\"name\": \"Contoso Cloud\"", "\"name\": [\"Contoso\"]")]
    [InlineData("\"satisfaction\": 0.85", "\"satisfaction\": \"0.85\"")]
    [InlineData("\"onTime\": true", "\"onTime\": \"yes\"")]
    [InlineData("\"onTime\": true", "\"onTime\": 1")]
    public void WrongTypes_AreRejectedWithThePath(string find, string replace)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(With(find, replace)));

        Assert.StartsWith("$.partnerships[0]", error.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void ByteOrderMark_IsAllowedFromBytesStreamsAndStrings()
    {
        var expected = PartnerMetricsJson.Deserialize<Portfolio>(Sample);
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Sample];

        using var stream = new MemoryStream(withBom);

        Assert.Equal(expected, PartnerMetricsJson.Deserialize<Portfolio>(withBom));
        Assert.Equal(expected, PartnerMetricsJson.Deserialize<Portfolio>(stream));
        Assert.Equal(expected, PartnerMetricsJson.Deserialize<Portfolio>('\uFEFF' + JsonFormatTests.SamplePortfolioJson));
    }

    [Fact]
    public void TwoByteOrderMarks_AreRefusedFromBytesStreamsAndStrings_Alike()
    {
        // The text reader took any number of marks, the byte and stream readers one: one document, two verdicts.
        byte[] twice = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Sample];
        using var stream = new MemoryStream(twice);

        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(twice));
        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(stream));
        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>("\uFEFF\uFEFF" + JsonFormatTests.SamplePortfolioJson));
    }

    [Fact]
    public void InvalidUtf8InsideAString_IsRejected()
    {
        var bytes = Encoding.UTF8.GetBytes(With("Contoso Cloud", "Contoso \u0001Cloud"));
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xC3;   // the start of a two-byte sequence, followed by 'C'

        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(bytes));
    }

    [Fact]
    public void LoneSurrogateEscape_IsRejectedAtTheField()
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(With("Contoso Cloud", "Contoso \\uD800Cloud")));

        Assert.StartsWith("$.partnerships[0].partner", error.Path, StringComparison.Ordinal);
    }

    /// <summary>
    /// Half of a surrogate pair alone cannot be written as UTF-8: the serializer wrote U+FFFD in its place, so a name read
    /// back differed from the one written, and two ids that differ only there read back as one id (a portfolio that could
    /// not be read again). Every text of the model is now refused at its field, naming the character.
    /// </summary>
    [Fact]
    public void TextWithHalfASurrogatePairAlone_IsRefusedAtItsField()
    {
        AssertRefused("name", 7, '\uD800', () => new Partner(new PartnerId("P-1"), "Contoso\uD800", PartnerType.Reseller));
        AssertRefused("value", 1, '\uDC00', () => new PartnerId("P\uDC00-1"));
        AssertRefused("district", 2, '\uD83D', () => new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller, district: "No\uD83D"));
        AssertRefused("competency", 0, '\uDE80', () => new Certification("\uDE80\uD83D", new DateOnly(2025, 1, 1)));
        AssertRefused("Name", 1, '\uD800', () => HealthModel.Default with { Name = "m\uD800" });

        // A whole pair is a character like any other, wherever it stands.
        Assert.Equal("🚀x🚀", new Partner(new PartnerId("🚀"), "🚀x🚀", PartnerType.Reseller).Name);

        static void AssertRefused(string field, int at, char half, Func<object> build)
        {
            var error = Assert.ThrowsAny<ArgumentException>(build);
            Assert.Equal(field, error.ParamName);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"holds half of a surrogate pair alone (U+{(int)half:X4}) at character {at}"), error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HugeStrings_AreReadWhole()
    {
        var name = new string('x', 5_000_000) + "🚀";
        var partner = new Partner(new PartnerId("P-" + new string('9', 100_000)), name, PartnerType.Reseller);

        var read = PartnerMetricsJson.Deserialize<Partner>(PartnerMetricsJson.Serialize(partner));

        Assert.Equal(partner, read);
    }

    [Fact]
    public void HugeArrays_AreReadWhole()
    {
        var asOf = new DateOnly(2025, 6, 30);
        var commitments = Enumerable.Range(0, 1_000_000).Select(i => new Commitment((Side)(i % 2), asOf.AddDays(-(i % 1000)), CommitmentOutcome.Kept)).ToArray();
        var partnership = new Partnership(new Partner(new PartnerId("P-1"), "Contoso", PartnerType.Reseller), asOf.AddDays(-1000), commitments: commitments);
        using var stream = new MemoryStream();
        PartnerMetricsJson.Serialize(stream, partnership);
        stream.Position = 0;

        var read = PartnerMetricsJson.Deserialize<Partnership>(stream);

        Assert.Equal(1_000_000, read.Commitments.Length);
        Assert.Equal(new HealthScorer().Score(partnership, asOf), new HealthScorer().Score(read, asOf));
    }

    /// <summary>A document cut off anywhere (a truncated download or a full disk) is a <see cref="JsonException"/>, never a half-read portfolio.</summary>
    [Fact]
    public void EveryTruncation_IsAJsonException()
    {
        var unexpected = new List<string>();
        for (var length = 0; length < Sample.Length; length++)
        {
            // The only prefix that is a whole document is the one that drops nothing but trailing whitespace.
            if (Sample.AsSpan(length).Trim(" \r\n\t"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                PartnerMetricsJson.Deserialize<Portfolio>(Sample.AsSpan(0, length));
                unexpected.Add($"{length}: read");
            }
            catch (JsonException)
            {
            }
            catch (Exception other)
            {
                unexpected.Add($"{length}: {other.GetType().Name}: {other.Message}");
            }
        }

        Assert.Empty(unexpected);
    }

    /// <summary>
    /// Bytes of a valid document overwritten at random: the reader accepts the result or throws
    /// <see cref="JsonException"/>; any other exception is a bug (the fuzzing harness asks the same, for longer).
    /// </summary>
    [Property(MaxTest = 500)]
    public void RandomlyCorruptedDocuments_OnlyEverThrowJsonException(PositiveInt seed, byte edits)
    {
        var random = new Random(seed.Get);
        var bytes = (byte[])Sample.Clone();
        for (var i = 0; i <= edits % 8; i++)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        try
        {
            PartnerMetricsJson.Deserialize<Portfolio>(bytes);
        }
        catch (JsonException)
        {
        }
    }

    private static string With(string find, string replace)
    {
        Assert.Contains(find, JsonFormatTests.SamplePortfolioJson, StringComparison.Ordinal);
        return JsonFormatTests.SamplePortfolioJson.Replace(find, replace, StringComparison.Ordinal);
    }
}
