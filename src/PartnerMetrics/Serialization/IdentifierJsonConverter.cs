using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerMetrics.Serialization;

/// <summary>Reads and writes an identifier as a plain JSON string.</summary>
internal sealed class IdentifierJsonConverter<T> : JsonConverter<T>
    where T : struct, IIdentifier<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a {typeof(T).Name} as a string, got {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new JsonException($"A {typeof(T).Name} must not be empty or whitespace; got '{text}'.");
        }

        return T.Create(text, "value");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (value.IsDefault)
        {
            throw new JsonException($"The default (empty) {typeof(T).Name} cannot be written.");
        }

        writer.WriteStringValue(value.Value);
    }
}
