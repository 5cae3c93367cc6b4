using System.Text.Json.Nodes;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>Reads the order in which a serialized accumulator lists its items.</summary>
internal static class JsonKeys
{
    /// <summary>The values of <paramref name="property"/> of each item of the array <paramref name="array"/>, in document order.</summary>
    public static string[] Of(string json, string array, string property) =>
        [.. JsonNode.Parse(json)![array]!.AsArray().Select(item => item![property]!.GetValue<string>())];
}
