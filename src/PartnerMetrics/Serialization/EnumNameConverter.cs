using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerMetrics.Serialization;

/// <summary>
/// Writes an enum as its name and reads only a defined name (ignoring case). Numbers, numeric
/// strings and comma-separated combinations are rejected: a CRM value the model does not know must
/// fail loudly, not become some other member.
/// </summary>
internal sealed class EnumNameConverter<T> : JsonConverter<T>, IDescribedConverter
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Names = Array.ConvertAll(Values, value => value.ToString());
    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, System.Text.Encoding.UTF8.GetBytes);

    /// <summary>The article of the enum's name: "an InteractionKind", "a DealMotion".</summary>
    private static readonly string Article = "AEIOU".Contains(typeof(T).Name[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>
    /// Reads the name the reader is on as <see cref="Read"/> does, without an exception: <see langword="false"/>
    /// where <see cref="Read"/> would throw. The exact spelling is matched without making a string.
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader reader, out T value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (reader.ValueTextEquals(Utf8Names[i]))
            {
                value = Values[i];
                return true;
            }
        }

        var text = reader.GetString()!;
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                value = Values[i];
                return true;
            }
        }

        return false;
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw DocumentException.Value($"Expected {Article} {typeof(T).Name} name as a string, got {JsonShape.Description(ref reader)}; expected one of {NameList}.");
        }

        return Named(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => WriteName(writer, value);

    /// <summary>Reads a dictionary's key (a band distribution, models by partner type) as a value is read: a defined name, ignoring case.</summary>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Named(reader.GetString()!);

    /// <summary>Writes a dictionary's key as the value's name, as <see cref="Write"/> does.</summary>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Utf8Names[IndexOf(value)]);

    /// <summary>Writes the value's name, as <see cref="Write"/> does.</summary>
    public static void WriteName(Utf8JsonWriter writer, T value) => writer.WriteStringValue(Utf8Names[IndexOf(value)]);

    public string Expected => $"a {typeof(T).Name} name, one of {NameList}";

    private static string NameList => string.Join(", ", Names);

    private static T Named(string text)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                return Values[i];
            }
        }

        throw DocumentException.Value($"'{text}' is not {Article} {typeof(T).Name}; expected one of {NameList}.");
    }

    private static int IndexOf(T value)
    {
        var index = Array.IndexOf(Values, value);
        return index >= 0 ? index : throw new JsonException($"{value} is not a defined {typeof(T).Name} value.");
    }
}
