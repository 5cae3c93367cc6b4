using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerMetrics.Serialization;

/// <summary>
/// Reads a JSON number into a <see cref="decimal"/> only when the decimal holds it exactly. System.Text.Json rounds a
/// number with more digits than a decimal holds (28 after the point, 28 or 29 in all), so an amount of
/// <c>0.00000000000000000000000000001</c> read 0 and passed every check; it is now a <see cref="JsonException"/> naming it.
/// Written as System.Text.Json writes a decimal.
/// </summary>
internal sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Not a number, or one past a decimal's range: System.Text.Json's own message and path, as without this converter.
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDecimal(out var value))
        {
            throw new JsonException();
        }

        if (!IsExact(Raw(ref reader), value))
        {
            throw DocumentException.Value($"The number {System.Text.Encoding.UTF8.GetString(Raw(ref reader))} has more digits than a decimal holds exactly (28 after the point), so it would be read rounded.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>Whether <paramref name="value"/> is exactly the number written as <paramref name="raw"/> (a JSON number, UTF-8, which is ASCII).</summary>
    public static bool IsExact(ReadOnlySpan<byte> raw, decimal value)
    {
        // Without an exponent, 28 characters hold at most 28 digits, each of which a decimal keeps: no text to make.
        if (raw.Length <= 28 && raw.IndexOfAny((byte)'e', (byte)'E') < 0)
        {
            return true;
        }

        return DecimalText.IsExact(System.Text.Encoding.ASCII.GetString(raw), value);
    }

    private static ReadOnlySpan<byte> Raw(ref Utf8JsonReader reader) => reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
}
