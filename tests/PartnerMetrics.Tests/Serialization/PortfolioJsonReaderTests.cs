using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;
using PartnerMetrics.Tests.Health;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>
/// <see cref="PortfolioJsonReader"/> reads a portfolio one partnership at a time, and reads what
/// <see cref="PartnerMetricsJson.Deserialize{T}(Stream)"/> reads: the same partnerships, deals and snapshots from a
/// valid document, the same exception with the same path from a broken one.
/// </summary>
public partial class PortfolioJsonReaderTests
{
    /// <summary>Every document the library writes, compact or indented, with or without a byte-order mark, from a stream that hands over a few bytes at a time or all at once.</summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)], MaxTest = 200)]
    public void AWrittenPortfolio_IsStreamedToTheSamePortfolio(Portfolio value, PositiveInt most, bool indented, bool byteOrderMark)
    {
        var bytes = PortfolioReaderTests.Utf8(value);
        if (indented)
        {
            bytes = Encoding.UTF8.GetBytes(JsonNode.Parse(bytes)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        if (byteOrderMark)
        {
            bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        }

        Assert.Equal(value, Streamed(new PortfolioReaderTests.Trickle(bytes, 1 + (most.Get % 97))));
        Assert.Equal(value, Streamed(new MemoryStream(bytes)));

        // A buffer that ends anywhere, inside any element: each cut-off partnership is read again, whole, once more is read.
        Assert.Equal(value, Streamed(new MemoryStream(bytes), 16 + (most.Get % bytes.Length)));
    }

    /// <summary>
    /// A written document with one edit of any kind (the edits of <see cref="PortfolioReaderTests"/>: a property removed,
    /// renamed, repeated, set to null or another kind; broken or trailing bytes) is read, or rejected, as the whole
    /// document is: the same portfolio, or a <see cref="JsonException"/> with the same path and message.
    /// </summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)], MaxTest = 400)]
    public void AnEditedDocument_IsStreamedOrRejected_AsTheWholeDocumentIs(Portfolio value, PositiveInt seed, PositiveInt most, bool indented)
    {
        var bytes = PortfolioReaderTests.Edit(PortfolioReaderTests.Utf8(value), new Random(seed.Get));
        if (indented && Indented(bytes) is { } lines)
        {
            // Over many lines, an error's line and byte in its line are checked too.
            bytes = lines;
        }

        var expected = Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));
        var actual = Outcome(() => Streamed(new PortfolioReaderTests.Trickle(bytes, 1 + (most.Get % 4096))));
        var cut = Outcome(() => Streamed(new MemoryStream(bytes), 16 + (seed.Get % Math.Max(1, bytes.Length))));

        Assert.Equal(expected, actual);
        Assert.Equal(expected, cut);
    }

    /// <summary>The rules that span partnerships, each broken once, in either order of the lists: the same exception as the whole document.</summary>
    [Theory]
    [InlineData("""{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01"}, {"partner": {"id": "P-1", "name": "M", "type": "Reseller"}, "startedOn": "2024-01-01"}]}""", "repeats the partner id")]
    [InlineData("""{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01", "opportunities": [{"id": "O-1", "accountId": "A-1", "createdOn": "2024-01-05", "motion": "NewLogo", "source": "Direct", "route": "Direct", "outcome": "Open", "partnerId": "P-1"}]}, {"partner": {"id": "P-2", "name": "M", "type": "Reseller"}, "startedOn": "2024-01-01", "opportunities": [{"id": "O-1", "accountId": "A-2", "createdOn": "2024-01-05", "motion": "NewLogo", "source": "Direct", "route": "Direct", "outcome": "Open", "partnerId": "P-2"}]}]}""", "hold the opportunity id 'O-1' more than once")]
    [InlineData("""{"opportunities": [{"id": "O-1", "accountId": "A-1", "createdOn": "2024-01-05", "motion": "NewLogo", "source": "Direct", "route": "Direct", "outcome": "Open"}], "partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01", "opportunities": [{"id": "O-1", "accountId": "A-1", "createdOn": "2024-01-05", "motion": "NewLogo", "source": "Direct", "route": "Direct", "outcome": "Open", "partnerId": "P-1"}]}]}""", "repeats the opportunity id")]
    [InlineData("""{"opportunities": [{"id": "O-2", "accountId": "A-1", "createdOn": "2024-01-05", "motion": "NewLogo", "source": "Direct", "route": "Direct", "outcome": "Open", "partnerId": "P-1"}], "partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01"}]}""", "whose partnership is in this portfolio")]
    [InlineData("""{"revenueSnapshots": [{"accountId": "A-1", "date": "2024-01-31", "annualRecurringRevenue": 10}, {"accountId": "A-1", "date": "2024-01-31", "annualRecurringRevenue": 12}]}""", "repeats account")]
    [InlineData("""{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01"}], "opportunities": null, "revenueSnapshots": [{"accountId": "A-1", "date": "2024-01-31", "annualRecurringRevenue": 10}]}""", null)]
    public void ARuleAcrossPartnerships_IsCheckedAsTheWholeDocumentChecksIt(string json, string? rule)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var expected = Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));
        Assert.Contains(rule ?? "read: ", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Outcome(() => Streamed(new MemoryStream(bytes))));
    }

    /// <summary>
    /// An unknown property of the portfolio whose name System.Text.Json puts in brackets ($['a.b'], a name with a dot, a
    /// space, a quote or a bracket) is reported at that path, as reading whole reports it: not at $.a.b, which names
    /// property b of property a.
    /// </summary>
    [Theory]
    [InlineData("a.b")]
    [InlineData("a b")]
    [InlineData("a'b")]
    [InlineData("a[0]")]
    [InlineData("a\\\"b")]
    [InlineData("ab")]
    public void AnUnknownPropertyWithAnyName_IsReportedAtThePathReadingWholeGives(string name)
    {
        var bytes = Encoding.UTF8.GetBytes("{\"partnerships\": [], \"" + name + "\": 1}");

        var expected = Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));

        Assert.Contains("is not a property here", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Outcome(() => Streamed(new MemoryStream(bytes))));
    }

    /// <summary>Documents that are not a portfolio at all: the same exception as reading them whole.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{} {}")]
    [InlineData("{\"partnerships\": [{\"partner\"")]
    [InlineData("{\"partnerships\": 3}")]
    [InlineData("{\"partnerships\": [null]}")]
    [InlineData("{\"foo\": []}")]
    [InlineData("{\"opportunities\": 3}")]
    [InlineData("{\"revenueSnapshots\": {}}")]
    [InlineData("{\"opportunities\": [], \"opportunities\": []}")]
    [InlineData("{\"revenueSnapshots\": null, \"revenueSnapshots\": []}")]
    [InlineData("{\"partnerships\": [], \"opportunities\": [], \"revenueSnapshots\": [], \"partnerships\": []}")]
    [InlineData("{\"partnerships\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}")]
    public void ADocumentThatIsNoPortfolio_IsRejectedAsTheWholeDocumentIs(string json)
    {
        var compact = Encoding.UTF8.GetBytes(json);

        // Over many lines too, where it is JSON: the line and the byte in the line are compared as well.
        foreach (var bytes in Indented(compact) is { } indented ? [compact, indented] : new[] { compact })
        {
            var expected = Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));
            Assert.StartsWith("JsonException:", expected, StringComparison.Ordinal);
            Assert.Equal(expected, Outcome(() => Streamed(new MemoryStream(bytes))));
        }
    }

    /// <summary>
    /// An element that is wrong, followed by text that is not JSON — what one byte changed can make: a brace changed into a
    /// quote leaves a string element and the rest of the object after it; a comma changed into a brace ends an object
    /// early. Reading whole reads ahead and reports the text first; so does the reader, with a buffer that ends anywhere
    /// (found by <see cref="AnEditedDocument_IsStreamedOrRejected_AsTheWholeDocumentIs"/>).
    /// </summary>
    [Theory]
    [InlineData("""{"partnerships": [5 6]}""")]
    [InlineData("""{"partnerships": [null "x"]}""")]
    [InlineData("""{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}}"startedOn": "2024-01-01"}]}""")]
    [InlineData("""{"opportunities": [""id": "O-1"}]}""")]
    [InlineData("""{"opportunities": [{"id": "O-1"}"accountId": "A-1"}]}""")]
    [InlineData("""{"revenueSnapshots": [{"accountId": "A-1", "date": "2024-01-31", "annualRecurringRevenue": 10}, ""accountId": "A-2", "date": "2024-01-31", "annualRecurringRevenue": 12}]}""")]
    [InlineData("""{"revenueSnapshots": [{"accountId": "A-1"}"date": "2024-01-31", "annualRecurringRevenue": 10}]}""")]
    public void AWrongElementBeforeTextThatIsNotJson_IsRejectedForTheText(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var expected = Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));
        Assert.Contains("is invalid", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Outcome(() => Streamed(new MemoryStream(bytes))));
        for (var size = 16; size <= bytes.Length; size++)
        {
            Assert.Equal(expected, Outcome(() => Streamed(new MemoryStream(bytes), size)));
        }
    }

    /// <summary>
    /// A partnership the one-pass reader leaves to the documents after reading some of its lists (here a plan in the
    /// single-value form, after its commitments) leaves nothing behind for the next partnership.
    /// </summary>
    [Fact]
    public void APartnershipLeftToTheDocuments_LeavesNothingForTheNext()
    {
        var bytes = """
            {"partnerships": [
              {"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01",
               "commitments": [{"promisedBy": "Vendor", "dueOn": "2024-02-01", "outcome": "Kept", "resolvedOn": "2024-02-01"}],
               "jointPlan": {"createdOn": "2024-01-01", "businessAlignment": 0.5}},
              {"partner": {"id": "P-2", "name": "M", "type": "Reseller"}, "startedOn": "2024-01-01"}]}
            """u8.ToArray();

        var streamed = Streamed(new MemoryStream(bytes));

        Assert.Equal(PartnerMetricsJson.Deserialize<Portfolio>(bytes), streamed);
        Assert.Empty(streamed.Partnerships[1].Commitments);
    }

    /// <summary>
    /// A value of the wrong kind in a later element of each list, over many lines and on one: the same path, line, byte
    /// in the line and message as reading whole, so that the reader counts elements and lines as it goes.
    /// </summary>
    [Theory]
    [InlineData("partnerships", "{\"partner\": 5, \"startedOn\": \"2024-01-01\"}")]
    [InlineData("opportunities", "{\"id\": 5}")]
    [InlineData("revenueSnapshots", "{\"accountId\": [], \"date\": \"2024-01-31\", \"annualRecurringRevenue\": 1}")]
    public void AValueOfTheWrongKindInALaterElement_IsPlacedAsTheWholeDocumentPlacesIt(string list, string bad)
    {
        var good = list switch
        {
            "partnerships" => "{\"partner\": {\"id\": \"P-1\", \"name\": \"N\", \"type\": \"Reseller\"}, \"startedOn\": \"2024-01-01\"}",
            "opportunities" => "{\"id\": \"O-1\", \"accountId\": \"A-1\", \"createdOn\": \"2024-01-05\", \"motion\": \"NewLogo\", \"source\": \"Direct\", \"route\": \"Direct\", \"outcome\": \"Open\"}",
            _ => "{\"accountId\": \"A-1\", \"date\": \"2024-01-31\", \"annualRecurringRevenue\": 10}",
        };
        var elements = $"{good}, {good.Replace("-1\"", "-2\"", StringComparison.Ordinal)}, {bad}";
        var compact = Encoding.UTF8.GetBytes($"{{\"{list}\": [{elements}]}}");

        // On one line, on many, and on the second line only: each element then starts on the line of the one before.
        foreach (var bytes in (byte[][])[compact, Indented(compact)!, Encoding.UTF8.GetBytes($"{{\"{list}\": [\n{elements}]}}")])
        {
            var expected = Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));
            Assert.StartsWith($"JsonException: $.{list}[2].", expected, StringComparison.Ordinal);
            Assert.Equal(expected, Outcome(() => Streamed(new PortfolioReaderTests.Trickle(bytes, 5))));
        }
    }

    /// <summary>A document that is a string that is not UTF-8: shown with U+FFFD for the bad byte and said not to be text, as reading whole says.</summary>
    [Fact]
    public void AStringThatIsNotUtf8_IsRejectedAsNotText()
    {
        byte[] bytes = [(byte)'"', 0xD6, (byte)'"'];

        var error = Assert.Throws<JsonException>(() => Streamed(new MemoryStream(bytes)));

        Assert.Equal("Invalid Portfolio at $: Expected an object, got the string \"\uFFFD\", which is not text: it holds half of a surrogate pair alone, or bytes that are not UTF-8.", error.Message);
        Assert.Equal(Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(bytes)).Message, error.Message);
    }

    /// <summary>A property name that is not UTF-8 is named with U+FFFD for the bad byte, as reading whole names it (found by the fuzzing target <c>json</c>).</summary>
    [Fact]
    public void APropertyNameThatIsNotUtf8_IsNamedAsTheWholeDocumentNamesIt()
    {
        byte[] bytes = [.. "{\"partne"u8, 0xD6, .. "\": []}"u8];

        var expected = Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));
        Assert.Contains("'partne\uFFFD' is not a property here", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Outcome(() => Streamed(new MemoryStream(bytes))));
    }

    /// <summary>
    /// Text after the portfolio that the stream hands over only once the buffer the reader starts with is full, the
    /// portfolio ending on its last byte: rejected as the whole document rejects it.
    /// </summary>
    [Fact]
    public void TextAfterThePortfolio_BeyondTheFirstBuffer_IsRejected()
    {
        const int firstBuffer = 1 << 16;
        var bytes = Encoding.UTF8.GetBytes("{\"partnerships\": []" + new string(' ', firstBuffer - 20) + "} x");
        Assert.Equal((byte)'}', bytes[firstBuffer - 1]);

        var expected = Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));
        Assert.StartsWith("JsonException:", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Outcome(() => Streamed(new MemoryStream(bytes))));
    }

    /// <summary>
    /// A partnership with items in every list, its plan's too, cut off by the end of the buffer at every byte: read
    /// again whole once more is read, with nothing left over from the cut-off read, and the partnership after it too.
    /// </summary>
    [Fact]
    public void APartnershipCutOffAtAnyByte_IsReadWhole()
    {
        var full = Examples.WorkedExample();
        Assert.All(
            new[] { full.RequiredCompetencies.Length, full.Commitments.Length, full.Interactions.Length, full.Certifications.Length, full.Deliveries.Length, full.Opportunities.Length, full.JointPlan!.Goals.Length },
            count => Assert.True(count > 0));
        var second = new Partnership(new Partner(new PartnerId("P-2"), "Second", PartnerType.Reseller), full.StartedOn, commitments: full.Commitments);
        var portfolio = new Portfolio([full, second]);
        var bytes = PortfolioReaderTests.Utf8(portfolio);

        for (var size = 16; size <= bytes.Length; size++)
        {
            Assert.Equal(portfolio, Streamed(new MemoryStream(bytes), size));
        }
    }

    /// <summary>A partnership much larger than the first buffer, read a few kilobytes at a time: read whole, and the partnerships after it too.</summary>
    [Fact]
    public void APartnershipLargerThanTheBuffer_IsReadWhole()
    {
        var portfolio = ModelGenerators.Portfolio.Sample(10, 50).First(p => p.Partnerships.Length > 1);
        var first = portfolio.Partnerships[0];
        var many = Enumerable.Range(0, 6000).Select(i => new Interaction(first.StartedOn.AddDays(i % 400), InteractionKind.Meeting, Side.Partner));
        var large = new Portfolio([new Partnership(first, interactions: first.Interactions.AddRange(many)), .. portfolio.Partnerships[1..]], portfolio.Opportunities, portfolio.RevenueSnapshots);
        var bytes = PortfolioReaderTests.Utf8(large);
        Assert.True(bytes.Length > 4 * 65536, "The partnership is to be larger than the buffer the reader starts with.");

        Assert.Equal(large, Streamed(new PortfolioReaderTests.Trickle(bytes, 4096), 65536));
    }

    [Fact]
    public void TheListsOfThePortfolio_AreKnownOnlyOnceThePartnershipsAreRead()
    {
        var reader = new PortfolioJsonReader(new MemoryStream("""{"opportunities": [], "partnerships": []}"""u8.ToArray()));

        Assert.Contains("once the partnerships have been read", Assert.Throws<InvalidOperationException>(() => reader.Opportunities).Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => reader.RevenueSnapshots);
        Assert.Empty(reader.ReadPartnerships());
        Assert.Empty(reader.Opportunities);
        Assert.Contains("read already", Assert.Throws<InvalidOperationException>(() => reader.ReadPartnerships()).Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The partnerships can be enumerated once: a second enumeration, after the first ran to its end or was left part way,
    /// is refused, not read again from where the stream and the buffer stand (which ran the last rules again and blamed the
    /// portfolio's own first deal for repeating its id, or read a new buffer as if it held the rest of the document).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ASecondEnumeration_IsRefused(bool leftPartWay)
    {
        var second = new Partnership(new Partner(new PartnerId("P-2"), "Second", PartnerType.Reseller), new DateOnly(2024, 1, 1));
        var own = new Opportunity(new("OWN-1"), new("A-OWN"), new DateOnly(2024, 2, 1), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct);
        var portfolio = new Portfolio([Examples.WorkedExample(), second], [own]);
        var reader = new PortfolioJsonReader(new MemoryStream(PortfolioReaderTests.Utf8(portfolio)), 64);
        var partnerships = reader.ReadPartnerships();
        if (leftPartWay)
        {
            using var first = partnerships.GetEnumerator();
            Assert.True(first.MoveNext());
        }
        else
        {
            Assert.Equal(2, partnerships.Count());
        }

        var error = Assert.Throws<InvalidOperationException>(() => partnerships.Count());
        Assert.Contains("enumerated once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACanceledRead_Stops()
    {
        var bytes = PortfolioReaderTests.Utf8(ModelGenerators.Portfolio.Sample(10, 50).First(p => p.Partnerships.Length > 1));
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var partnership in new PortfolioJsonReader(new MemoryStream(bytes)).ReadPartnerships(cancellation.Token))
            {
                read++;
                cancellation.Cancel();
            }
        });
        Assert.Equal(1, read);
    }

    [Fact]
    public void ANullStream_IsRejected() => Assert.Throws<ArgumentNullException>(() => new PortfolioJsonReader(null!));

    /// <summary>The document written again over many lines; <see langword="null"/> when it is not JSON a node can hold.</summary>
    private static byte[]? Indented(byte[] json)
    {
        try
        {
            return Encoding.UTF8.GetBytes(JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        catch (Exception error) when (error is JsonException or ArgumentException or InvalidOperationException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>What a read gives: the portfolio as JSON, or the exception's type, path, line, byte in the line and message.</summary>
    private static string Outcome(Func<Portfolio> read)
    {
        try
        {
            return "read: " + PartnerMetricsJson.Serialize(read());
        }
        catch (JsonException error)
        {
            return $"JsonException: {error.Path} | {error.LineNumber} | {error.BytePositionInLine} | {Quoted().Replace(error.Message, "$1…' is an invalid JSON literal")}";
        }
        catch (Exception error)
        {
            return $"{error.GetType().Name}: {error.Message}";
        }
    }

    /// <summary>
    /// An invalid literal as the JSON reader quotes it: the text from the literal on, as far as the reader's buffer reaches
    /// — the whole rest of the document when it is read whole, less when it is read a partnership at a time. Its first 16
    /// characters are compared.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex("^('.{0,16}).*?' is an invalid JSON literal", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Quoted();

    private static Portfolio Streamed(Stream stream, int? firstBuffer = null)
    {
        var reader = firstBuffer is { } size ? new PortfolioJsonReader(stream, size) : new PortfolioJsonReader(stream);
        var partnerships = reader.ReadPartnerships().ToList();
        return new Portfolio(partnerships, reader.Opportunities, reader.RevenueSnapshots);
    }
}
