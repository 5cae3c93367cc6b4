using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnerMetrics.Serialization;

/// <summary>
/// Writes a <see cref="double"/> so that it reads back as the same double. The runtime's shortest formatting gives some
/// exact powers of two a string that reads back as the next double down (2^−25 as <c>2.980232238769531E-08</c>; fixed
/// in the runtime by dotnet/runtime pull request 131131, absent from the runtimes this library targets), and a report's
/// recency weights are often exact powers of two. Such a value is written with 17 significant digits, which read back
/// exactly; every other value as System.Text.Json writes it. Read as System.Text.Json reads a number, except that a number
/// too small for a double (read as 0) or too large for one (read as an infinity) is refused, naming it as written.
/// </summary>
internal sealed class RoundTripDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Not a number, or one past a double's range: System.Text.Json's own message and path, as without this converter.
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
        {
            throw new JsonException();
        }

        return Underflows(ref reader, value) ? throw TooSmall(ref reader)
            : double.IsInfinity(value) ? throw TooLarge(ref reader, value)
            : value;
    }

    /// <summary>
    /// Reads a number as a double, as <see cref="Utf8JsonReader.TryGetDouble"/> does, refusing one too small for a double:
    /// <c>1e-400</c> reads as 0 there, and a weight of 0 disables what a positive one weighs.
    /// </summary>
    public static bool TryRead(ref Utf8JsonReader reader, out double value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value) && double.IsFinite(value) && !Underflows(ref reader, value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Whether a number read as 0 was written with a digit other than 0 before its exponent: past a double's least magnitude.</summary>
    internal static bool Underflows(ref Utf8JsonReader reader, double value)
    {
        if (value != 0)
        {
            return false;
        }

        var text = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        foreach (var c in text)
        {
            if (c is (byte)'e' or (byte)'E')
            {
                return false;
            }

            if (c is >= (byte)'1' and <= (byte)'9')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The error of a number too small for a double, quoting it.</summary>
    internal static JsonException TooSmall(ref Utf8JsonReader reader)
    {
        var text = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        return DocumentException.Value($"The number {System.Text.Encoding.UTF8.GetString(text)} is too small for a double: it would read as 0. Write 0, or a number of magnitude 5e-324 or more.");
    }

    /// <summary>
    /// The error for a number past a double's range, which System.Text.Json reads as an infinity: a model would refuse that
    /// value in its own words ("got Infinity"), which the document does not hold.
    /// </summary>
    internal static JsonException TooLarge(ref Utf8JsonReader reader, double value)
    {
        var text = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        var infinity = value > 0 ? "Infinity" : "-Infinity";
        return DocumentException.Value($"The number {System.Text.Encoding.UTF8.GetString(text)} is too large for a double: it would read as {infinity}. Write a number of magnitude at most {double.MaxValue.ToString(CultureInfo.InvariantCulture)}.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => WriteValue(writer, value);

    /// <summary>Writes <paramref name="value"/> as a number that reads back as the same double (infinities and NaN throw, as System.Text.Json's own writing does).</summary>
    public static void WriteValue(Utf8JsonWriter writer, double value)
    {
        if (!IsNormalPowerOfTwo(value) || RoundTrips(value))
        {
            writer.WriteNumberValue(value);
            return;
        }

        Span<byte> digits = stackalloc byte[32];
        value.TryFormat(digits, out var length, "G17", CultureInfo.InvariantCulture);
        writer.WriteRawValue(digits[..length], skipInputValidation: true);
    }

    /// <summary>Writes a property whose value reads back as the same double (<see cref="WriteValue"/>).</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> propertyName, double value)
    {
        writer.WritePropertyName(propertyName);
        WriteValue(writer, value);
    }

    /// <summary>Whether the value is ±2^k for a normal exponent: the only doubles the runtime's shortest formatting can get wrong.</summary>
    internal static bool IsNormalPowerOfTwo(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (bits >> 52) & 0x7FF;
        return (bits & 0xF_FFFF_FFFF_FFFF) == 0 && exponent is > 0 and < 0x7FF;
    }

    /// <summary>Whether the shortest form of the value reads back as the value.</summary>
    internal static bool RoundTrips(double value)
    {
        Span<byte> digits = stackalloc byte[32];
        return value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture)
            && double.Parse(digits[..length], NumberStyles.Float, CultureInfo.InvariantCulture) == value;
    }
}

/// <summary>
/// A tally or variance of a <see cref="Health.HealthReport"/> (<see cref="Documents.HealthFactorDocument"/>): a number, or
/// <c>"Infinity"</c>, the one value a report holds that JSON has no number for (a loss aversion near
/// <see cref="double.MaxValue"/> makes a failure's weight overflow). Numbers are written as <see cref="RoundTripDoubleConverter"/> writes them.
/// </summary>
internal sealed class TallyConverter : JsonConverter<double?>, IDescribedConverter
{
    public string Expected => "a number or \"Infinity\"";

    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String when reader.ValueTextEquals("Infinity"u8) => double.PositiveInfinity,
        JsonTokenType.Number when reader.TryGetDouble(out var value) => RoundTripDoubleConverter.Underflows(ref reader, value) ? throw RoundTripDoubleConverter.TooSmall(ref reader) : value,
        _ => throw new JsonException(),
    };

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is not { } number)
        {
            writer.WriteNullValue();
        }
        else if (double.IsPositiveInfinity(number))
        {
            writer.WriteStringValue("Infinity"u8);
        }
        else
        {
            RoundTripDoubleConverter.WriteValue(writer, number);
        }
    }
}
