using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Pipeline;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>
/// A document that is a list or a dictionary of model values (deals, reports, accumulators by district): an error in
/// one item names the item's place, on every read path that still has the bytes, and a null item is an error, not a
/// null in the result. Before, an error said <c>$.amount</c> for the second deal, and <c>[deal, null]</c> read as two
/// deals, one of them null.
/// </summary>
public class JsonCollectionTests
{
    private static readonly string TwoDeals = PartnerMetricsJson.Serialize(PipelineExamples.Deals.Take(2).ToArray());

    public static TheoryData<string> ReadPaths => ["string", "bytes", "stream"];

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void Deals_AnInvalidSecondDeal_NamesItsPlace(string path)
    {
        var document = JsonNode.Parse(TwoDeals)!;
        document[1]!["amount"] = -5;

        var error = Assert.Throws<JsonException>(() => Read<Opportunity[]>(document.ToJsonString(), path));

        Assert.Equal("$[1].amount", error.Path);
        Assert.Equal("Invalid Opportunity at $[1].amount: 'amount' must not be negative; got -5.", error.Message);
    }

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void Deals_TextAfterTheList_IsAnErrorAtTheDocument(string path)
    {
        // The serializer's reader of text and bytes left its path on the item after the last ("$[2]", or "$[0]" after an
        // empty list), an item that does not exist; the stream's said "$". Every path now says "$".
        foreach (var (json, at) in new[] { (TwoDeals + " x", TwoDeals.Length + 1), ("[] []", 3) })
        {
            var error = Assert.Throws<JsonException>(() => Read<List<Opportunity>>(json, path));

            Assert.Equal("$", error.Path);
            Assert.Equal((0L, (long)at), (error.LineNumber, error.BytePositionInLine));
            Assert.Contains("Path: $ | LineNumber: 0", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void Deals_AnInvalidDealOnALaterLine_IsPlacedAtItsLineInTheDocument(string path)
    {
        // The number ends on line 2, byte 18 of the document; its place in the deal, line 0, byte 16, was reported.
        var json = "[\n  {\"id\": \"O-1\", \"accountId\": \"A-1\", \"createdOn\": \"2024-01-05\", \"motion\": \"NewLogo\", \"source\": \"Direct\", \"route\": \"Direct\", \"outcome\": \"Open\"},\n  {\"amount\": 1e-30}\n]";

        var error = Assert.Throws<JsonException>(() => Read<Opportunity[]>(json, path));

        Assert.Equal("$[1].amount", error.Path);
        Assert.Equal((2L, 18L), (error.LineNumber, error.BytePositionInLine));
    }

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void Deals_ANullItem_IsAnErrorAtIt(string path)
    {
        var document = JsonNode.Parse(TwoDeals)!.AsArray();
        document.Insert(1, null);

        var error = Assert.Throws<JsonException>(() => Read<List<Opportunity>>(document.ToJsonString(), path));

        Assert.Equal("$[1]", error.Path);
        Assert.Equal("Invalid document at $[1]: An item must not be null.", error.Message);
    }

    [Fact]
    public void AccumulatorsByDistrict_AnInvalidOneOrANullOne_NamesItsKey()
    {
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(PipelineExamples.Deals);
        var shards = JsonNode.Parse(PartnerMetricsJson.Serialize(new Dictionary<string, PipelineAccumulator> { ["North"] = accumulator, ["South"] = accumulator }))!;
        var withNull = shards.DeepClone();
        withNull["South"] = null;
        shards["South"]!["won"] = -1;

        var invalid = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Dictionary<string, PipelineAccumulator>>(shards.ToJsonString()));
        var nothing = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Dictionary<string, PipelineAccumulator>>(withNull.ToJsonString()));

        Assert.StartsWith("$.South", invalid.Path, StringComparison.Ordinal);
        Assert.Equal(("$.South", "Invalid document at $.South: An item must not be null."), (nothing.Path, nothing.Message));
    }

    /// <summary>A key the path must put in brackets (a dot would read as a nested property): a null shard is named as an invalid one is.</summary>
    [Theory]
    [InlineData("South-1")]
    [InlineData("a.b")]
    [InlineData("North West")]
    public void AccumulatorsByDistrict_ANullOneUnderAnyKey_IsNamedAsAnInvalidOneIs(string key)
    {
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(PipelineExamples.Deals);
        var shards = JsonNode.Parse(PartnerMetricsJson.Serialize(new Dictionary<string, PipelineAccumulator> { ["North"] = accumulator, [key] = accumulator }))!;
        var withNull = shards.DeepClone();
        withNull[key] = null;
        shards[key]!["won"] = -1;

        var invalid = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Dictionary<string, PipelineAccumulator>>(shards.ToJsonString()));
        var nothing = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Dictionary<string, PipelineAccumulator>>(withNull.ToJsonString()));

        Assert.Equal($"$['{key}']", nothing.Path);
        Assert.StartsWith(nothing.Path, invalid.Path, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void Deals_TextThatIsNotJsonAfterAValidDeal_IsAJsonExceptionWithItsPath(string path)
    {
        // Re-reading the items to name the failing one met the bad text itself, and its reader's exception escaped
        // without a path (another type than JsonException); a stream that cannot seek, and JsonSerializer, said $[2].
        foreach (var tail in (string[])[",]", " /* note */]", ",tru]"])
        {
            var json = TwoDeals[..^1] + tail;

            var error = Assert.Throws<JsonException>(() => Read<Opportunity[]>(json, path));

            Assert.Equal("$[2]", error.Path);
            Assert.Equal(0, error.LineNumber);
            Assert.Equal(Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Opportunity[]>(json, PartnerMetricsJson.Options)).Message, error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void AccumulatorsByDistrict_TextThatIsNotJsonAfterAValidOne_IsAJsonExceptionWithItsPath(string path)
    {
        var json = PartnerMetricsJson.Serialize(new Dictionary<string, PipelineAccumulator> { ["South"] = new() });

        var error = Assert.Throws<JsonException>(() => Read<Dictionary<string, PipelineAccumulator>>(json[..^1] + ",}", path));

        Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
        Assert.Contains("trailing comma", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void TheLiteralNull_AsADocument_IsRefusedInWordsAtItsPath(string path)
    {
        // Was "Expected a Opportunity[] object", "a List`1 object", "a Dictionary`2 object": a .NET type, and an object
        // where a list belongs, without the path.
        Assert.Equal("Invalid document at $: Expected an array, got the literal null.", Read<Opportunity[]>("null", path));
        Assert.Equal("Invalid document at $: Expected an array, got the literal null.", Read<List<Opportunity>>("null", path));
        Assert.Equal("Invalid document at $: Expected an object, got the literal null.", Read<Dictionary<string, PipelineAccumulator>>("null", path));
        Assert.Equal("Invalid Portfolio at $: Expected an object, got the literal null.", Read<Portfolio>("null", path));
        Assert.Equal("Invalid Opportunity at $: Expected an object, got the literal null.", Read<Opportunity>(" null ", path));

        static string Read<T>(string json, string path)
            where T : class
        {
            var error = Assert.Throws<JsonException>(() => JsonCollectionTests.Read<T>(json, path));
            Assert.Equal("$", error.Path);
            return error.Message;
        }
    }

    [Fact]
    public void TheLiteralNull_AsAPortfolioReadOnePartnershipAtATime_IsRefusedInTheSameWords()
    {
        var error = Assert.Throws<JsonException>(() => new PortfolioJsonReader(new MemoryStream("null"u8.ToArray())).ReadPartnerships().ToList());

        Assert.Equal(("Invalid Portfolio at $: Expected an object, got the literal null.", "$"), (error.Message, error.Path));
    }

    /// <summary>
    /// A file of another kind given where a list of deals or of reports belongs (a portfolio, whose root is an object): read from
    /// a stream that can go back (a file), the message said only "Expected an array." and not what the document holds, as the
    /// text and the bytes say it. The bytes are read again, as they are to place an item's error.
    /// </summary>
    [Theory]
    [MemberData(nameof(ReadPaths))]
    public void ADocumentOfTheWrongKind_SaysWhatItHolds_OnEveryReadPath(string path)
    {
        Assert.Equal("Invalid document at $: Expected an array, got an object.", Message<Opportunity[]>("""{"partnerships":[]}"""));
        Assert.Equal("Invalid document at $: Expected an array, got the string \"deals.csv\".", Message<List<Opportunity>>(" \"deals.csv\""));
        Assert.Equal("Invalid document at $: Expected an array, got the number 5.", Message<PartnerMetrics.Health.HealthReport[]>("\uFEFF5"));
        Assert.Equal("Invalid document at $: Expected an object, got an array.", Message<Dictionary<string, PipelineAccumulator>>("[]"));

        string Message<T>(string json)
            where T : class
        {
            var error = Assert.Throws<JsonException>(() => Read<T>(json, path));
            Assert.Equal("$", error.Path);
            return error.Message;
        }
    }

    [Fact]
    public async Task ADocumentOfTheWrongKind_ReadOneDealAtATime_SaysWhatItHolds()
    {
        var error = await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var _ in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream("""{"partnerships":[]}"""u8.ToArray())))
            {
            }
        });

        Assert.Equal(("Invalid document at $: Expected an array, got an object.", "$"), (error.Message, error.Path));
    }

    [Fact]
    public void ADocumentOfTheWrongKind_FromAStreamThatCannotSeek_SaysWhatIsExpected()
    {
        // Its bytes are gone by the time the serializer fails: only what the form expects there is said.
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Opportunity[]>(new PortfolioReaderTests.Trickle("""{"partnerships":[]}"""u8.ToArray(), 3)));

        Assert.Equal(("Invalid document at $: Expected an array.", "$"), (error.Message, error.Path));
    }

    [Fact]
    public void ADocumentOfTheWrongKind_AfterMoreWhiteSpaceThanIsReadAgain_IsNotCalledEmpty()
    {
        var json = new string(' ', (1 << 16) + 10) + """{"partnerships":[]}""";

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Opportunity[]>(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(("Invalid document at $: Expected an array.", "$"), (error.Message, error.Path));
    }

    [Fact]
    public void Deals_AllValid_ReadAsWritten()
    {
        Assert.Equal(PipelineExamples.Deals.Take(2), PartnerMetricsJson.Deserialize<Opportunity[]>(TwoDeals));
    }

    private static T Read<T>(string json, string path)
        where T : class => path switch
        {
            "string" => PartnerMetricsJson.Deserialize<T>(json),
            "bytes" => PartnerMetricsJson.Deserialize<T>(Encoding.UTF8.GetBytes(json)),
            _ => PartnerMetricsJson.Deserialize<T>(new MemoryStream(Encoding.UTF8.GetBytes(json))),
        };
}
