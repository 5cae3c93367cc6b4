using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>
/// A portfolio is read in one pass straight into the model (<see cref="PortfolioReader"/>) when it can be, and
/// through the documents otherwise. Whichever path reads a document, the result is the same: the same portfolio,
/// or the same exception with the same message and path.
/// </summary>
public class PortfolioReaderTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Every document the library writes, compact or indented, is read in one pass, to what the documents read.</summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void AWrittenPortfolio_IsReadInOnePass_ToWhatTheDocumentsRead(Portfolio value)
    {
        var compact = Utf8(value);
        var indented = Encoding.UTF8.GetBytes(JsonNode.Parse(compact)!.ToJsonString(Indented));

        foreach (var bytes in (byte[][])[compact, indented])
        {
            Assert.True(PortfolioReader.TryRead(bytes, out var fast));
            var slow = PartnerMetricsJson.ReadDocument<Portfolio>(bytes);
            Assert.Equal(value, fast);
            Assert.Equal(slow, fast);
            Assert.Equal(PartnerMetricsJson.Serialize(slow), PartnerMetricsJson.Serialize(fast!));
        }
    }

    /// <summary>
    /// A written document with one edit of any kind (a property removed, renamed, given twice, set to null or to a
    /// value of another kind or spelling; a single-value plan or goal; escapes; broken or trailing bytes) reads,
    /// from bytes and from a stream, exactly as the documents read it.
    /// </summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)], MaxTest = 400)]
    public void AnEditedDocument_ReadsOrFailsExactlyAsTheDocumentsDo(Portfolio value, PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var bytes = Edit(Utf8(value), random);

        var expected = Outcome(() => PartnerMetricsJson.ReadDocument<Portfolio>(bytes));
        Assert.Equal(expected, Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(bytes)));
        Assert.Equal(Outcome(() => PartnerMetricsJson.ReadDocument<Portfolio>(new MemoryStream(bytes))), Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes))));
    }

    /// <summary>A stream that cannot seek, read a few bytes at a time, with a byte-order mark: the same portfolio.</summary>
    [Property(Arbitrary = [typeof(ModelArbitraries)], MaxTest = 50)]
    public void APipe_ReadsToTheSamePortfolio(Portfolio value, PositiveInt most)
    {
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. Utf8(value)];

        Assert.Equal(value, PartnerMetricsJson.Deserialize<Portfolio>(new Trickle(bytes, 1 + (most.Get % 7))));
        Assert.Equal(value, PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)));
    }

    [Fact]
    public void TheEditsReachBothOutcomes()
    {
        // The edits are not all harmless, nor all fatal: the property above compares both kinds of outcome.
        var portfolio = ModelGenerators.Portfolio.Sample(10, 50).First(p => p.Partnerships.Length > 1);
        var outcomes = Enumerable.Range(1, 300).Select(seed => Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(Edit(Utf8(portfolio), new Random(seed))))).ToList();

        Assert.Contains(outcomes, o => o.StartsWith("read:", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.StartsWith("JsonException:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"opportunities": [{"id": "O-1", "accountId": "A-1", "createdOn": "2024-01-05", "motion": "newlogo", "source": "Direct", "route": "Direct", "outcome": "Open", "amount": 1e2}]}""")]
    [InlineData("""{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01", "requiredCompetencies": ["A", "B", "C"]}]}""")]
    public void AnotherSpellingTheDocumentsAccept_IsReadInOnePassToTheSamePortfolio(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.True(PortfolioReader.TryRead(bytes, out var portfolio));
        Assert.Equal(PartnerMetricsJson.ReadDocument<Portfolio>(bytes), portfolio);
    }

    [Theory]
    [InlineData("""{"partnerships": [], "partnerships": []}""")]
    [InlineData("""{"Partnerships": []}""")]
    [InlineData("""{"partnerships": null}""")]
    [InlineData("""{"opportunities": [{"id": "O-1", "accountId": "A-1", "createdOn": "2024-1-05", "motion": "NewLogo", "source": "Direct", "route": "Direct", "outcome": "Open"}]}""")]
    [InlineData("""{"opportunities": [{"id": "O-1", "accountId": "A-1", "createdOn": "\u0032024-01-05", "motion": "NewLogo", "source": "Direct", "route": "Direct", "outcome": "Open"}]}""")]
    [InlineData("""{"opportunities": [{"id": " ", "accountId": "A-1", "createdOn": "2024-01-05", "motion": "NewLogo", "source": "Direct", "route": "Direct", "outcome": "Open"}]}""")]
    [InlineData("""{"opportunities": [{"id": "O-1", "accountId": "A-1", "createdOn": "2024-02-30", "motion": "NewLogo", "source": "Direct", "route": "Direct", "outcome": "Open"}]}""")]
    [InlineData("""{} {}""")]
    [InlineData("""{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01", "jointPlan": {"createdOn": "2024-01-01", "businessAlignment": 0.5}}]}""")]
    [InlineData("""{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01", "interactions": [{"date": "2024-02-01", "kind": "Meeting", "initiatedBy": "Partner", "responseTime": " 01:00:00"}]}]}""")]
    public void ADocumentLeftToTheDocuments_ReadsOrFailsAsThey(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.False(PortfolioReader.TryRead(bytes, out var portfolio));
        Assert.Null(portfolio);
        Assert.Equal(Outcome(() => PartnerMetricsJson.ReadDocument<Portfolio>(bytes)), Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(bytes)));
    }

    internal static byte[] Utf8(Portfolio value)
    {
        using var stream = new MemoryStream();
        PartnerMetricsJson.Serialize(stream, value);
        return stream.ToArray();
    }

    /// <summary>
    /// A deal id given twice — in two partnerships, twice in one, or in a partnership and among the portfolio's own deals,
    /// in either order — is not read in one pass (the model's checks refuse it there), and the document path says where
    /// it is; the same documents with distinct ids are read in one pass.
    /// </summary>
    [Theory]
    [InlineData("O-1", "O-1", "O-3", "O-4")]
    [InlineData("O-1", "O-2", "O-2", "O-4")]
    [InlineData("O-1", "O-2", "O-3", "O-3")]
    [InlineData("O-1", "O-2", "O-3", "O-1")]
    [InlineData("O-1", "O-2", "O-3", "O-4")]
    public void ADealIdGivenTwice_IsLeftToTheDocumentPath(string first, string second, string third, string own)
    {
        static string Deal(string id, string? partner) =>
            $$"""{"id":"{{id}}","accountId":"A-1",{{(partner is null ? "" : $"\"partnerId\":\"{partner}\",")}}"motion":"NewLogo","source":"PartnerSourced","route":"Partner","outcome":"Open","createdOn":"2024-02-01"}""";
        static string Partnership(string partner, params string[] deals) =>
            $$"""{"partner":{"id":"{{partner}}","name":"N","type":"Reseller"},"startedOn":"2024-01-01","opportunities":[{{string.Join(",", deals.Select(id => Deal(id, partner)))}}]}""";

        foreach (var ownFirst in (bool[])[false, true])
        {
            var partnerships = $$"""
                "partnerships":[{{Partnership("P-1", first, second)}},{{Partnership("P-2", third)}}]
                """;
            var opportunities = $$"""
                "opportunities":[{{Deal(own, null)}}]
                """;
            var bytes = Encoding.UTF8.GetBytes(ownFirst ? $"{{{opportunities},{partnerships}}}" : $"{{{partnerships},{opportunities}}}");
            var distinct = new[] { first, second, third, own }.Distinct().Count() == 4;

            Assert.Equal(distinct, PortfolioReader.TryRead(bytes, out _));
            var expected = Outcome(() => PartnerMetricsJson.ReadDocument<Portfolio>(bytes));
            Assert.Equal(distinct, expected.StartsWith("read:", StringComparison.Ordinal));
            Assert.Equal(expected, Outcome(() => PartnerMetricsJson.Deserialize<Portfolio>(bytes)));
        }
    }

    /// <summary>What a read gives: the portfolio as JSON, or the exception's type, path and message.</summary>
    internal static string Outcome(Func<Portfolio> read)
    {
        try
        {
            return "read: " + PartnerMetricsJson.Serialize(read());
        }
        catch (JsonException error)
        {
            return $"JsonException: {error.Path} | {error.LineNumber} | {error.Message}";
        }
        catch (Exception error)
        {
            return $"{error.GetType().Name}: {error.Message}";
        }
    }

    /// <summary>One edit of the document, picked by <paramref name="random"/>.</summary>
    internal static byte[] Edit(byte[] document, Random random)
    {
        var kind = random.Next(16);
        if (kind == 0)
        {
            // Broken bytes: cut short, or one byte changed.
            var broken = (byte[])document.Clone();
            if (random.Next(2) == 0)
            {
                return broken[..random.Next(broken.Length)];
            }

            broken[random.Next(broken.Length)] = (byte)"{}[],:\"0a \\n"[random.Next(12)];
            return broken;
        }

        if (kind == 1)
        {
            return [.. document, .. Encoding.UTF8.GetBytes(random.Next(2) == 0 ? " \n\t" : " {}")];
        }

        var root = JsonNode.Parse(document)!;
        var nodes = Nodes(root).ToList();
        var (parent, key, node) = nodes[random.Next(nodes.Count)];
        JsonObject? twice = null;
        JsonValue? escaped = null;
        switch (kind)
        {
            case 2 when parent is JsonObject owner:
                owner.Remove(key!);
                break;
            case 3:
                Set(parent, key, index: IndexOf(parent, node), null);
                break;
            case 4 when parent is JsonObject owner:
                var renamed = random.Next(3) switch
                {
                    0 => char.ToUpperInvariant(key![0]) + key[1..],
                    1 => key + "s",
                    _ => "unknown",
                };
                owner.Remove(key!);
                owner[renamed] = node;
                break;
            case 5:
                JsonNode?[] others = [new JsonObject(), new JsonArray(), JsonValue.Create("text"), JsonValue.Create(5), JsonValue.Create(true), JsonValue.Create(0.5m)];
                Set(parent, key, IndexOf(parent, node), others[random.Next(others.Length)]);
                break;
            case 6 when node is JsonValue spelled && spelled.TryGetValue<string>(out var s):
                // Another spelling of the same text: a day, a duration or an enum name.
                var respelled = random.Next(5) switch
                {
                    0 => s.ToUpperInvariant(),
                    1 => s.ToLowerInvariant(),
                    2 => s.Length == 10 ? s.Replace("-0", "-", StringComparison.Ordinal) : " " + s,
                    3 => s + "T00:00:00",
                    _ => s.Length > 0 ? s[..^1] : "x",
                };
                Set(parent, key, IndexOf(parent, node), JsonValue.Create(respelled));
                break;
            case 7 when node is JsonValue number && number.GetValueKind() == JsonValueKind.Number:
                var digits = number.ToJsonString();
                JsonNode?[] spellings = [JsonValue.Create(digits), JsonNode.Parse(digits + "e0"), JsonNode.Parse(digits.Contains('.', StringComparison.Ordinal) ? digits + "0" : digits + ".0"), JsonNode.Parse("-" + digits.TrimStart('-')), JsonNode.Parse("1e400"), JsonNode.Parse("79228162514264337593543950336")];
                Set(parent, key, IndexOf(parent, node), spellings[random.Next(spellings.Length)]);
                break;
            case 8 when node is JsonObject plan && (key == "jointPlan" || plan.ContainsKey("createdOn")):
                plan[random.Next(2) == 0 ? "businessAlignment" : "lastReviewedOn"] = random.Next(2) == 0 ? JsonValue.Create(0.5) : JsonValue.Create("2024-06-01");
                break;
            case 9 when node is JsonObject goal && goal.ContainsKey("owner"):
                goal["progress"] = JsonValue.Create(random.NextDouble());
                break;
            case 10 when node is JsonObject duplicated && duplicated.Count > 0:
                twice = duplicated;
                break;
            case 11 when node is JsonValue value && value.GetValueKind() == JsonValueKind.String:
                escaped = value;
                break;
            case 12 when node is JsonArray array:
                array.Clear();
                break;
            case 13 when node is JsonObject extended:
                extended["extra"] = 1;
                break;
            case 14 when node is JsonArray grown && grown.Count > 0:
                grown.Add(grown[random.Next(grown.Count)]!.DeepClone());
                break;
            default:
                // An edit that does not apply here: the document as written, indented.
                return Encoding.UTF8.GetBytes(root.ToJsonString(Indented));
        }

        var text = new StringBuilder();
        Write(root, text, twice, escaped);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static int IndexOf(JsonNode? parent, JsonNode? node) => parent is JsonArray array ? array.IndexOf(node) : -1;

    private static void Set(JsonNode? parent, string? key, int index, JsonNode? value)
    {
        switch (parent)
        {
            case JsonObject owner:
                owner[key!] = value;
                break;
            case JsonArray array:
                array[index] = value;
                break;
        }
    }

    /// <summary>Every node but the root, with its parent and its property name (none for an array item).</summary>
    private static IEnumerable<(JsonNode? Parent, string? Key, JsonNode? Node)> Nodes(JsonNode node)
    {
        switch (node)
        {
            case JsonObject owner:
                foreach (var (key, child) in owner.ToList())
                {
                    yield return (owner, key, child);
                    if (child is not null)
                    {
                        foreach (var inner in Nodes(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList())
                {
                    yield return (array, null, child);
                    if (child is not null)
                    {
                        foreach (var inner in Nodes(child))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>Writes JSON compactly, giving the first property of <paramref name="twice"/> twice and every character of <paramref name="escaped"/> as an escape.</summary>
    private static void Write(JsonNode? node, StringBuilder text, JsonObject? twice, JsonValue? escaped)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject owner:
                text.Append('{');
                var first = true;
                var properties = owner.ToList();
                if (ReferenceEquals(owner, twice))
                {
                    properties.Insert(0, properties[0]);
                }

                foreach (var (key, child) in properties)
                {
                    text.Append(first ? string.Empty : ",").Append(JsonValue.Create(key).ToJsonString()).Append(':');
                    Write(child, text, twice, escaped);
                    first = false;
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ",");
                    Write(array[i], text, twice, escaped);
                }

                text.Append(']');
                break;
            case JsonValue value when ReferenceEquals(value, escaped):
                text.Append('"');
                foreach (var c in value.GetValue<string>())
                {
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                }

                text.Append('"');
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }

    /// <summary>A stream that cannot seek and hands over at most a few bytes a read, as a pipe may.</summary>
    internal sealed class Trickle(byte[] bytes, int most) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, most)]);
    }
}
