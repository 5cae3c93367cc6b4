using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Tests.Serialization;

/// <content>
/// A value of the wrong shape (an array where an object goes, a string where a number goes) is reported at its
/// JSON path, with what the form expects there and what the document holds, and never with a .NET type name
/// (System.Text.Json's own messages name the internal document types: "could not be converted to …PortfolioDocument").
/// </content>
public partial class JsonReadingTests
{
    /// <summary>What System.Text.Json's own messages look like: a namespace, a document type, a generic arity.</summary>
    private static readonly Regex TypeName = new(@"PartnerMetrics\.|System\.|Document|`\d", RegexOptions.CultureInvariant);

    public static TheoryData<string, string, string, string> WrongShapes => new()
    {
        { "[", "[]", "$", "Expected an object, got an array." },
        { "[", "\"portfolio\"", "$", "Expected an object, got the string \"portfolio\"." },
        { "\"partnerships\": [", "\"partnerships\": {}, \"x\": [", "$.partnerships", "Expected an array, got an object." },
        { "\"partnerships\": [", "\"partnerships\": [[], ", "$.partnerships[0]", "Expected an object, got an array." },
        { "\"jointPlan\": {", "\"jointPlan\": 7, \"x\": {", "$.partnerships[0].jointPlan", "Expected an object, got the number 7." },
        { "\"satisfaction\": 0.85", "\"satisfaction\": \"0.85\"", "$.partnerships[0].deliveries[0].satisfaction", "Expected a number, got the string \"0.85\"." },
        { "\"onTime\": true", "\"onTime\": \"yes\"", "$.partnerships[0].deliveries[0].onTime", "Expected true or false, got the string \"yes\"." },
        { "\"startedOn\": \"2023-04-01\"", "\"startedOn\": 20230401", "$.partnerships[0].startedOn", "Expected a date as a string, yyyy-MM-dd, got the number 20230401." },
        { "\"startedOn\": \"2023-04-01\"", "\"startedOn\": \"2023-13-01\"", "$.partnerships[0].startedOn", "Expected a date as a string, yyyy-MM-dd, got the string \"2023-13-01\"." },
        { "\"responseTime\": \"1.04:00:00\"", "\"responseTime\": 28", "$.partnerships[0].interactions[0].responseTime", "Expected a duration as a string, d.hh:mm:ss, got the number 28." },
        { "\"name\": \"Contoso Cloud\"", "\"name\": [\"Contoso\"]", "$.partnerships[0].partner.name", "Expected a string, got an array." },
        { "[ \"Azure\", \"Security\" ]", "[ \"Azure\", 5 ]", "$.partnerships[0].requiredCompetencies[1]", "Expected a string, got the number 5." },
        { "\"amount\": 12000", "\"amount\": 1e400", "$.opportunities[0].amount", "Expected a number from -79228162514264337593543950335 to 79228162514264337593543950335, got the number 1e400." },
        { "\"amount\": 12000,", "\"ammount\": 12000,", "$.opportunities[0].ammount", "'ammount' is not a property here; the properties are id, accountId, partnerId," },
        { "\"lossReason\": \"Price\"", "\"lossReason\": \"Price\", \"amount\": 5", "$.opportunities[0].amount", "The property 'amount' appears 2 times in one object; give it once." },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public void Deserialize_WrongShape_SaysWhatIsExpectedAtThePathWithoutTypeNames(string find, string replace, string path, string because)
    {
        var json = find == "[" ? replace : SampleWith(find, replace);

        var error = ReadFails<Portfolio>(json, path, because);

        Assert.StartsWith($"Invalid Portfolio at {path}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(TypeName, error.Message);
    }

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public void Deserialize_WrongShapeFromBytesOrAStream_SaysTheSame(string find, string replace, string path, string because)
    {
        var bytes = Encoding.UTF8.GetBytes(find == "[" ? replace : SampleWith(find, replace));
        using var stream = new MemoryStream(bytes);

        var fromBytes = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(bytes));
        var fromStream = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(stream));

        Assert.Equal((path, path), (fromBytes.Path, fromStream.Path));
        Assert.Contains(because, fromBytes.Message, StringComparison.Ordinal);
        Assert.Contains(because, fromStream.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ConverterRejection_NamesThePathInTheMessage()
    {
        var error = ReadFails<Portfolio>(SampleWith("\"type\": \"SystemIntegrator\"", "\"type\": 3"), "$.partnerships[0].partner.type", "Expected a PartnerType name as a string, got the number 3");

        Assert.StartsWith("Invalid Portfolio at $.partnerships[0].partner.type: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ModelOfWrongShape_SaysWhatIsExpected()
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>("""{"dimensionWeights":[1,0,0,0,0]}"""));

        Assert.Equal("$.dimensionWeights", error.Path);
        Assert.Equal("Invalid HealthModel at $.dimensionWeights: Expected an object, got an array.", error.Message);
    }

    [Fact]
    public void Deserialize_ListOfWrongShape_SaysWhatIsExpected()
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<List<Opportunity>>("""{"id":"O-1"}"""));

        Assert.Equal("$", error.Path);
        Assert.Equal("Invalid document at $: Expected an array, got an object.", error.Message);
    }

    [Fact]
    public async Task DeserializeOpportunitiesAsync_AnInvalidElement_NamesTheElementInTheMessage()
    {
        var error = await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var _ in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream("""[{"id":"O-1","accountId":[]}]"""u8.ToArray())))
            {
            }
        });

        Assert.Equal("$[0].accountId", error.Path);
        Assert.Equal("Invalid Opportunity at $[0].accountId: Expected an AccountId as a string, got an array.", error.Message);
    }

    /// <summary>
    /// The serializer reads the elements of a stream in batches, ahead of the caller: an error in the third element is met
    /// while the first is asked for. It is still reported at the element it is in, as reading the list whole reports it.
    /// </summary>
    [Theory]
    [InlineData(""", 3""", "$[2]")]
    [InlineData(""", {"id":"O-3","accountId":"A-1","createdOn":"2024-01-05","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Won"}""", "$[2].closedOn")]
    [InlineData(""", {"id":"O-3","accountId":[]}""", "$[2].accountId")]
    [InlineData(""", null""", "$[2]")]
    public async Task DeserializeOpportunitiesAsync_AnInvalidLaterElement_IsReportedAtItsIndex_AsReadingWholeReportsIt(string third, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(
            """[{"id":"O-1","accountId":"A-1","createdOn":"2024-01-05","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Open"},"""
            + """{"id":"O-2","accountId":"A-1","createdOn":"2024-01-05","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Open"}"""
            + third + "]");
        var whole = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Opportunity[]>(bytes));

        var streamed = await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var _ in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream(bytes)))
            {
            }
        });

        Assert.Equal(path, whole.Path);
        Assert.Equal(path, streamed.Path);
        Assert.Equal(whole.Message, streamed.Message);
    }

    [Fact]
    public async Task DeserializeOpportunitiesAsync_TextThatIsNotJsonInALaterElement_IsPlacedInThatElement()
    {
        var bytes = Encoding.UTF8.GetBytes(
            """[{"id":"O-1","accountId":"A-1","createdOn":"2024-01-05","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Open"},"""
            + """{"id":"O-2","accountId":"A-1","createdOn":"2024-01-05","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Open"},{"id": }]""");

        var error = await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var _ in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream(bytes)))
            {
            }
        });

        // The reader's own path counts from the list: it was given an element's place again ($[1][2]).
        Assert.Equal("$[2]", error.Path);
        Assert.Equal(bytes.Length - 2, error.BytePositionInLine);
    }

    /// <summary>
    /// A string whose escapes leave half of a surrogate pair alone is not text: the message quotes it and says so, on every
    /// read path, instead of "Expected a string." for a string, or "The value does not have the form expected here." for an identifier.
    /// </summary>
    [Theory]
    [InlineData("\"name\": \"N\"", "\"name\": \"\\udc00x\"", "$.partnerships[0].partner.name", "Expected a string, got the string \"\\udc00x\", which is not text")]
    [InlineData("\"id\": \"P-1\"", "\"id\": \"\\ud800\"", "$.partnerships[0].partner.id", "Expected a PartnerId as a string, got the string \"\\ud800\", which is not text")]
    public void AStringThatIsNotText_IsQuotedAndSaidToBeNoText(string find, string replace, string path, string words)
    {
        var json = """{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01"}]}""".Replace(find, replace, StringComparison.Ordinal);
        foreach (var read in EveryPortfolioRead(json))
        {
            var error = Assert.Throws<JsonException>(read);
            Assert.Equal(path, error.Path);
            Assert.Contains(words, error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Any value of the sample replaced by a value of any other kind: a message that names the path, never a .NET type.</summary>
    [Property(MaxTest = 300)]
    public void Deserialize_AnyValueOfAnotherKind_IsReportedAtItsPathWithoutTypeNames(NonNegativeInt which, NonNegativeInt kind)
    {
        JsonNode?[] others = [new JsonObject(), new JsonArray(), JsonValue.Create("text"), JsonValue.Create(5), JsonValue.Create(true), null];
        var document = JsonNode.Parse(JsonFormatTests.SamplePortfolioJson)!;
        var values = Values(document).ToList();
        var (parent, key) = values[which.Get % values.Count];
        var replacement = others[kind.Get % others.Length];
        Replace(parent, key, replacement);

        try
        {
            PartnerMetricsJson.Deserialize<Portfolio>(document.ToJsonString());
        }
        catch (JsonException error)
        {
            Assert.NotNull(error.Path);
            Assert.Contains(error.Path, error.Message, StringComparison.Ordinal);
            Assert.DoesNotMatch(TypeName, error.Message);
        }
    }

    /// <summary>Corrupted bytes that are still JSON are reported without a .NET type name too.</summary>
    [Property(MaxTest = 300)]
    public void Deserialize_RandomlyCorruptedDocument_NeverNamesATypeInItsMessage(PositiveInt seed, byte edits)
    {
        var random = new Random(seed.Get);
        var bytes = Encoding.UTF8.GetBytes(JsonFormatTests.SamplePortfolioJson);
        for (var i = 0; i <= edits % 8; i++)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        try
        {
            PartnerMetricsJson.Deserialize<Portfolio>(bytes);
        }
        catch (JsonException error)
        {
            Assert.DoesNotMatch(TypeName, error.Message);
        }
    }

    private static IEnumerable<(JsonNode Parent, object Key)> Values(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    yield return (obj, name);
                    if (child is not null)
                    {
                        foreach (var inner in Values(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i);
                    if (array[i] is { } child)
                    {
                        foreach (var inner in Values(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string name)
        {
            parent[name] = value;
        }
        else
        {
            parent[(int)key] = value;
        }
    }

    /// <summary>A wrong kind of value for an identifier or an enum is quoted as written, with the right article ("an InteractionKind").</summary>
    [Theory]
    [InlineData("""{"id":1,"name":"Alpha","type":"Isv"}""", "$.id", "Expected a PartnerId as a string, got the number 1.")]
    [InlineData("""{"id":{},"name":"Alpha","type":"Isv"}""", "$.id", "Expected a PartnerId as a string, got an object.")]
    public void AnIdentifierOfAnotherKind_IsQuoted(string json, string path, string message) =>
        Assert.EndsWith(message, ReadFails<Partner>(json, path, message).Message, StringComparison.Ordinal);

    [Fact]
    public void AnEnumNameStartingWithAVowel_TakesAn() =>
        ReadFails<Interaction>("""{"date":"2025-01-01","kind":"Fax","initiatedBy":"Partner"}""", "$.kind", "'Fax' is not an InteractionKind; expected one of");

    /// <summary>An empty identifier is refused with the right article too: it read "A AccountId must not be empty".</summary>
    [Fact]
    public void AnEmptyIdentifierStartingWithAVowel_TakesAn()
    {
        ReadFails<RevenueSnapshot>("""{"accountId":" ","date":"2025-01-01","annualRecurringRevenue":1}""", "$.accountId", "An AccountId must not be empty or whitespace; got ' '.");
        ReadFails<Opportunity[]>("""[{"id":"","accountId":"A-1","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Open","createdOn":"2025-01-01"}]""", "$[0].id", "An OpportunityId must not be empty or whitespace; got ''.");
        ReadFails<Partner>("""{"id":"","name":"Alpha","type":"Isv"}""", "$.id", "A PartnerId must not be empty or whitespace; got ''.");
    }

    /// <summary>docs/model.md: a duration is read as .NET's constant format reads it — "14" is 14 days, "04:00" four hours.</summary>
    [Theory]
    [InlineData("14", 14.0)]
    [InlineData("04:00", 4.0 / 24)]
    [InlineData("2.12:00:00", 2.5)]
    public void ADuration_IsReadInTheConstantFormat(string written, double days) =>
        Assert.Equal(TimeSpan.FromDays(days), PartnerMetricsJson.Deserialize<HealthModel>($$"""{"gracePeriod":"{{written}}"}""").GracePeriod);
}
