using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Health;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Tests.Health;

/// <summary>A model file may leave a setting out for its default; a setting written as null is refused at its path.</summary>
public partial class HealthModelTests
{
    private const string NotNull = "; leave it out for the default, not null.";

    /// <summary>
    /// The JSON path of every setting of a model file, read from the default model's JSON so that a new setting is covered
    /// without a word here: each top-level setting, each setting of a group (the weights, the bands), and a prior mean and
    /// the one-sided responsiveness of model v1, which the default model does not write.
    /// </summary>
    public static TheoryData<string> SettingPaths()
    {
        var paths = new TheoryData<string>();
        foreach (var (name, value) in JsonNode.Parse(PartnerMetricsJson.Serialize(HealthModel.Default))!.AsObject())
        {
            paths.Add($"$.{name}");
            if (value is JsonObject group)
            {
                foreach (var (setting, _) in group)
                {
                    paths.Add($"$.{name}.{setting}");
                }
            }
        }

        paths.Add($"$.priorMeans['{FactorCodes.TrustPartnerReliability}']");
        paths.Add("$.cooperationWeights.responsiveness");
        return paths;
    }

    [Fact]
    public void SettingPaths_CoverEverySettingAndGroupOfTheDefaultModel()
    {
        var paths = Enumerable.Select<object[], string>(SettingPaths(), row => (string)row[0]).ToList();

        // Not a fixed count, which a new setting would break: a setting of each kind, and no path twice.
        Assert.Equal(paths.Count, paths.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("$.name", paths);
        Assert.Contains("$.kappa", paths);
        Assert.Contains("$.cadenceWeeks", paths);
        Assert.Contains("$.recommendationTarget", paths);
        Assert.Contains("$.dimensionWeights", paths);
        Assert.Contains("$.progressWeights.weeklyCadence", paths);
        Assert.Contains("$.bands.minimumConfidence", paths);
        Assert.Contains("$.priorMeans", paths);
    }

    [Theory]
    [MemberData(nameof(SettingPaths))]
    public void Json_ASettingWrittenAsNull_IsRefusedAtItsPath(string path)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(DefaultWithNullAt(path)));

        Assert.Equal(path, error.Path);
        Assert.StartsWith($"Invalid HealthModel at {path}: '{LastName(path)}' must be ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(NotNull, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SettingPaths))]
    public void Json_ASettingWrittenAsNull_AloneInItsFile_IsRefusedAtItsPath(string path)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(NullAt(new JsonObject(), path)));

        Assert.Equal(path, error.Path);
        Assert.EndsWith(NotNull, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kappa":null}""", "$.kappa", "'kappa' must be a number")]
    [InlineData("""{"dimensionWeights":{"trust":null}}""", "$.dimensionWeights.trust", "'trust' must be a number")]
    [InlineData("""{"bands":null}""", "$.bands", "'bands' must be an object")]
    [InlineData("""{"priorMeans":null}""", "$.priorMeans", "'priorMeans' must be an object")]
    [InlineData("""{"priorMeans":{"trust.partner-reliability":null}}""", "$.priorMeans['trust.partner-reliability']", "'trust.partner-reliability' must be a number")]
    [InlineData("""{"trustHalfLife":null}""", "$.trustHalfLife", "'trustHalfLife' must be a duration as a string, d.hh:mm:ss")]
    [InlineData("""{"cadenceWeeks":null}""", "$.cadenceWeeks", "'cadenceWeeks' must be a whole number from -2147483648 to 2147483647")]
    [InlineData("""{"name":null}""", "$.name", "'name' must be a string")]
    [InlineData("""{"cooperationWeights":{"responsiveness":null,"frictionHandling":0.35}}""", "$.cooperationWeights.responsiveness", "'responsiveness' must be a number")]
    [InlineData("""{"lossAversion":3,"kappa":null,"bands":null}""", "$.kappa", "'kappa' must be a number")]
    public void Json_ASettingWrittenAsNull_IsAnErrorInWords(string json, string path, string problem)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(json));

        Assert.Equal(path, error.Path);
        Assert.Equal($"Invalid HealthModel at {path}: {problem}{NotNull}", error.Message);
    }

    [Fact]
    public void Json_ASettingWrittenAsNull_IsRefusedOnEveryReadPath()
    {
        const string Json = """{"planWeights":{"clarity":null}}""";
        var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json));

        Assert.Equal("$.planWeights.clarity", Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(System.Text.Encoding.UTF8.GetBytes(Json))).Path);
        Assert.Equal("$.planWeights.clarity", Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(stream)).Path);
        Assert.Equal("$.planWeights.clarity", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<HealthModel>(Json, HostOptions)).Path);
    }

    [Fact]
    public void Json_ASettingLeftOut_StillReadsAsItsDefault()
    {
        Assert.Equal(HealthModel.Default, PartnerMetricsJson.Deserialize<HealthModel>("""{"dimensionWeights":{},"bands":{},"priorMeans":{}}"""));
        Assert.Equal(HealthModel.Default, PartnerMetricsJson.Deserialize<HealthModel>(PartnerMetricsJson.Serialize(HealthModel.Default)));
    }

    private static string DefaultWithNullAt(string path) =>
        NullAt(JsonNode.Parse(PartnerMetricsJson.Serialize(HealthModel.Default))!.AsObject(), path);

    /// <summary>The document with null at <paramref name="path"/> (<c>$.a</c>, <c>$.a.b</c> or <c>$.a['b.c']</c>), adding the groups on the way.</summary>
    private static string NullAt(JsonObject document, string path)
    {
        var quoted = path.IndexOf("['", StringComparison.Ordinal);
        string[] names = quoted < 0 ? path[2..].Split('.') : [path[2..quoted], path[(quoted + 2)..^2]];
        var target = document;
        foreach (var name in names[..^1])
        {
            target = (JsonObject)(target[name] ??= new JsonObject());
        }

        target[names[^1]] = null;
        return document.ToJsonString();
    }

    private static string LastName(string path)
    {
        var quoted = path.IndexOf("['", StringComparison.Ordinal);
        return quoted < 0 ? path[(path.LastIndexOf('.') + 1)..] : path[(quoted + 2)..^2];
    }
}
