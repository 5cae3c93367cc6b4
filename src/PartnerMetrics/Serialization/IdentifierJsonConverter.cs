using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerMetrics.Serialization;

/// <summary>Reads and writes an identifier as a plain JSON string.</summary>
internal sealed class IdentifierJsonConverter<T> : JsonConverter<T>, IDescribedConverter
    where T : struct, IIdentifier<T>
{
    /// <summary>The identifier's name with its article: "a PartnerId", "an AccountId".</summary>
    private static readonly string Named = $"{("AEIOU".Contains(typeof(T).Name[0], StringComparison.Ordinal) ? "an" : "a")} {typeof(T).Name}";

    public string Expected => $"{Named} as a string";

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw DocumentException.Value($"Expected {Named} as a string, got {JsonShape.Description(ref reader)}.");
        }

        return Create(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

    /// <summary>Reads an identifier that is a dictionary's key (reports keyed by partner), by the rules of a value.</summary>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Create(reader.GetString()!);

    /// <summary>Writes an identifier that is a dictionary's key as its text, as a value is written.</summary>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Text(value));

    private static T Create(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DocumentException.Value($"{char.ToUpperInvariant(Named[0])}{Named[1..]} must not be empty or whitespace; got '{text}'.");
        }

        try
        {
            return T.Create(text, typeof(T).Name);
        }
        catch (ArgumentException error)
        {
            // The identifier's own rules (a text too long for any model): at the field, as a model's text is refused at its field.
            throw DocumentException.Value(DocumentException.From(error).Message);
        }
    }

    private static string Text(T value) =>
        value.IsDefault ? throw new JsonException($"The default (empty) {typeof(T).Name} cannot be written.") : value.Value!;
}
