using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PartnerMetrics.Serialization;

/// <summary>
/// Puts System.Text.Json's own reading errors in words. They name the .NET type that could not be read
/// ("could not be converted to …PartnershipDocument"), which tells the author of a CRM export nothing
/// and names types internal to this library. From the error's JSON path, this finds what the PartnerMetrics
/// form expects there, from the source-generated metadata, and what the input holds, from the JSON itself,
/// and says both: <c>$.partnerships[0]: Expected an object, got an array.</c>
/// </summary>
internal static class JsonShape
{
    /// <summary>What an empty document holds, in the words of "Expected an object, got …".</summary>
    public const string Nothing = "nothing: the document is empty";

    private const int ShownLength = 40;

    /// <summary>The characters that make System.Text.Json write a property name in a path as <c>['name']</c>.</summary>
    private static readonly System.Buffers.SearchValues<char> Quoted = System.Buffers.SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    /// <summary>Gets whether UTF-8 JSON holds nothing but JSON's white space (space, tab, line feed, carriage return), or nothing at all.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> utf8Json) => utf8Json.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    /// <summary>Gets whether JSON text holds nothing but JSON's white space, or nothing at all.</summary>
    public static bool IsBlank(ReadOnlySpan<char> json) => json.IndexOfAnyExcept(" \t\r\n") < 0;

    /// <summary>
    /// Gets whether a seekable stream holds nothing but JSON's white space from <paramref name="start"/> on, reading it
    /// again from there; <see langword="false"/> for a stream that cannot seek (what it held is gone).
    /// </summary>
    public static bool IsBlank(Stream utf8Json, long? start)
    {
        if (start is not { } from || !utf8Json.CanSeek)
        {
            return false;
        }

        utf8Json.Position = from;
        Span<byte> buffer = stackalloc byte[256];
        var first = true;
        int read;
        while ((read = utf8Json.Read(buffer)) > 0)
        {
            var bytes = buffer[..read];
            if (!IsBlank(first && bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes))
            {
                return false;
            }

            first = false;
        }

        return true;
    }

    /// <summary>What is wrong, in words, where System.Text.Json failed to read a value of <paramref name="root"/>'s type.</summary>
    /// <param name="error">The error; its <see cref="JsonException.Path"/> is relative to the value.</param>
    /// <param name="root">The metadata of the type read.</param>
    /// <param name="value">A reader on the first token of the value (a copy taken before the reading), to tell what the input holds.</param>
    /// <returns>A sentence such as <c>Expected an object, got an array.</c>, without the path.</returns>
    public static string Describe(JsonException error, JsonTypeInfo root, Utf8JsonReader value)
    {
        var segments = Segments(error.Path);
        return Describe(root, segments, segments is null ? null : Find(ref value, segments));
    }

    /// <summary>What is wrong, in words, where System.Text.Json failed to read a value of <paramref name="root"/>'s type from <paramref name="utf8Json"/>.</summary>
    /// <param name="error">The error.</param>
    /// <param name="root">The metadata of the type read.</param>
    /// <param name="utf8Json">The JSON read, without a byte-order mark.</param>
    /// <returns>A sentence without the path.</returns>
    public static string Describe(JsonException error, JsonTypeInfo root, ReadOnlySpan<byte> utf8Json)
    {
        if (IsBlank(utf8Json))
        {
            // System.Text.Json's words ("does not contain any JSON tokens") name no type.
            return Describe(root, Segments("$"), new Found(Nothing, 1));
        }

        var options = root.Options;
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = options.MaxDepth, AllowTrailingCommas = options.AllowTrailingCommas, CommentHandling = options.ReadCommentHandling });
        try
        {
            if (reader.Read())
            {
                return Describe(error, root, reader);
            }
        }
        catch (JsonException)
        {
            // Not JSON before the value: nothing to tell about what the input holds.
        }

        return Describe(error, root);
    }

    /// <summary>What is wrong, in words, where System.Text.Json failed to read a value of <paramref name="root"/>'s type from input no longer at hand (a stream).</summary>
    /// <param name="error">The error.</param>
    /// <param name="root">The metadata of the type read.</param>
    /// <returns>A sentence without the path: what the form expects there.</returns>
    public static string Describe(JsonException error, JsonTypeInfo root) => Describe(root, Segments(error.Path), found: null);

    private static string Describe(JsonTypeInfo root, List<Segment>? segments, Found? found)
    {
        if (found is { Occurrences: > 1 } && segments is [.., { Name: { } repeated }])
        {
            return string.Create(CultureInfo.InvariantCulture, $"The property '{repeated}' appears {found.Occurrences} times in one object; give it once.");
        }

        var expected = segments is null ? null : Expected(root, segments);
        return expected switch
        {
            { Unknown: { } name, Properties: var properties } => $"'{name}' is not a property here; the properties are {string.Join(", ", properties)}.",
            { Shape: { } shape } when found is not null => $"Expected {shape}, got {found.Description}.",
            { Shape: { } shape } => $"Expected {shape}.",
            _ when found is not null => $"The value ({found.Description}) does not have the form expected here.",
            _ => "The value does not have the form expected here.",
        };
    }

    /// <summary>
    /// The first null in a value of <paramref name="root"/>'s type (an <see cref="ISettingsDocument"/>) at a property or
    /// dictionary entry the form has: its JSON path as System.Text.Json writes it (<c>$.bands</c>, <c>$.priorMeans['a.b']</c>),
    /// the property's name, and what the form expects there. <see langword="null"/> when there is none, when the first null
    /// stands where the form has no property (the reading reports that), or when the value is not whole JSON.
    /// </summary>
    /// <param name="root">The metadata of the type read.</param>
    /// <param name="value">A reader on the first token of the value (a copy; the caller's reader does not move).</param>
    public static (string Path, string Name, string Expected)? FirstNull(JsonTypeInfo root, Utf8JsonReader value)
    {
        if (value.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        try
        {
            // A file without a null, the usual case, is only scanned: the path is built when there is a null to name.
            var start = value.CurrentDepth;
            var scan = value;
            do
            {
                if (!scan.Read() || scan.CurrentDepth <= start)
                {
                    return null;
                }
            }
            while (scan.TokenType != JsonTokenType.Null);

            var segments = new List<Segment>();
            while (value.Read() && value.CurrentDepth > start)
            {
                switch (value.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        // A property at depth d below the value is the d-th step of the path.
                        segments.RemoveRange(value.CurrentDepth - start - 1, segments.Count - (value.CurrentDepth - start - 1));
                        segments.Add(new Segment(value.GetString(), -1));
                        break;
                    case JsonTokenType.StartArray:
                        // A settings document has no list: what the form expects there, the reading says.
                        value.Skip();
                        break;
                    case JsonTokenType.Null:
                        return Expected(root, segments) is { Shape: { } shape, Unknown: null } ? (PathOf(segments), segments[^1].Name!, shape) : null;
                }
            }
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidOperationException)
        {
            // Not whole JSON, or a name that is not UTF-8: the reading reports it.
        }

        return null;
    }

    /// <summary>A path of property names as System.Text.Json writes it: <c>.name</c>, or <c>['name']</c> for a name with a character its path syntax uses.</summary>
    private static string PathOf(List<Segment> segments)
    {
        var path = new System.Text.StringBuilder("$");
        foreach (var segment in segments)
        {
            var name = segment.Name!;
            if (name.AsSpan().IndexOfAny(Quoted) < 0)
            {
                path.Append('.').Append(name);
            }
            else
            {
                path.Append("['").Append(name).Append("']");
            }
        }

        return path.ToString();
    }

    /// <summary>What the form expects at the path: a shape in words, or an unknown property with the known ones.</summary>
    private static Expectation? Expected(JsonTypeInfo root, List<Segment> segments)
    {
        var info = Unwrapped(root);
        foreach (var segment in segments)
        {
            Type? next = null;
            if (segment.Name is { } name)
            {
                if (info.Kind == JsonTypeInfoKind.Dictionary)
                {
                    next = ItemType(info.Type);
                }
                else if (info.Kind == JsonTypeInfoKind.Object)
                {
                    next = info.Properties.FirstOrDefault(p => p.Name == name)?.PropertyType;
                    if (next is null)
                    {
                        return new Expectation(null, name, info.Properties.Select(p => p.Name).ToArray());
                    }
                }
            }
            else if (info.Kind == JsonTypeInfoKind.Enumerable)
            {
                next = ItemType(info.Type);
            }

            if (next is null || !info.Options.TryGetTypeInfo(next, out var nextInfo))
            {
                return null;
            }

            info = Unwrapped(nextInfo);
        }

        return new Expectation(Shape(info), null, []);
    }

    /// <summary>A model type read through its document: the document's metadata, which has the properties.</summary>
    private static JsonTypeInfo Unwrapped(JsonTypeInfo info) => info.Converter is IDocumentConverter document ? document.DocumentInfo : info;

    private static Type? ItemType(Type collection) =>
        collection.IsArray ? collection.GetElementType() : collection.IsGenericType ? collection.GetGenericArguments()[^1] : null;

    private static string? Shape(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if ((type == info.Type ? info : info.Options.TryGetTypeInfo(type, out var value) ? value : info).Converter is IDescribedConverter described)
        {
            // An identifier or an enum property is optional in its document: the words of the value's own converter.
            return described.Expected;
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            JsonTypeInfoKind.Enumerable => "an array",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(DateOnly) => "a date as a string, yyyy-MM-dd",
            _ when type == typeof(TimeSpan) => "a duration as a string, d.hh:mm:ss",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) => "a whole number from -2147483648 to 2147483647",
            _ when type == typeof(long) => "a whole number from -9223372036854775808 to 9223372036854775807",
            _ when type == typeof(decimal) => "a number from -79228162514264337593543950335 to 79228162514264337593543950335",
            _ when type == typeof(double) => "a number",
            _ => null,
        };
    }

    /// <summary>Splits a path as System.Text.Json writes it: <c>$</c>, then <c>.name</c>, <c>['name']</c> or <c>[index]</c>.</summary>
    private static List<Segment>? Segments(string? path)
    {
        if (path is not ['$', ..])
        {
            return null;
        }

        var segments = new List<Segment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(new Segment(path[(i + 1)..end], -1));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal) && path.IndexOf("']", i + 2, StringComparison.Ordinal) is var close and >= 0)
            {
                segments.Add(new Segment(path[(i + 2)..close], -1));
                i = close + 2;
            }
            else if (path[i] == '[' && path.IndexOf(']', i) is var end and > 0
                && int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                segments.Add(new Segment(null, index));
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }

    /// <summary>Walks the value to the path: what it holds there, and how often the last property appears in its object.</summary>
    private static Found? Find(ref Utf8JsonReader reader, List<Segment> segments)
    {
        try
        {
            var occurrences = 1;
            foreach (var segment in segments)
            {
                if (segment.Name is { } name)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return null;
                    }

                    occurrences = 0;
                    var first = reader;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var matches = reader.ValueTextEquals(name);
                        if (!reader.Read())
                        {
                            return null;
                        }

                        if (matches && ++occurrences == 1)
                        {
                            first = reader;
                        }

                        if (!reader.TrySkip())
                        {
                            return null;
                        }
                    }

                    if (occurrences == 0)
                    {
                        return null;
                    }

                    reader = first;
                }
                else
                {
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return null;
                    }

                    for (var i = 0; i <= segment.Index; i++)
                    {
                        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray || (i < segment.Index && !reader.TrySkip()))
                        {
                            return null;
                        }
                    }

                    occurrences = 1;
                }
            }

            return new Found(Description(ref reader), occurrences);
        }
        catch (Exception unreadable) when (unreadable is JsonException or InvalidOperationException)
        {
            // The value is not whole JSON, or a string is not UTF-8: nothing to tell.
            return null;
        }
    }

    /// <summary>The value the reader is on, in words: "the number 3", "an array".</summary>
    internal static string Description(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String when Text(ref reader) is { } text => $"the string \"{Shown(text)}\"",
        JsonTokenType.String => $"the string \"{Shown(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan))}\", "
            + "which is not text: it holds half of a surrogate pair alone, or bytes that are not UTF-8",
        JsonTokenType.Number => $"the number {Shown(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan))}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    /// <summary>The string the reader is on; <see langword="null"/> when it is not text (an escaped half of a surrogate pair alone, bytes that are not UTF-8).</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Shown(string text) => text.Length <= ShownLength ? text : string.Concat(text.AsSpan(0, ShownLength), "…");

    /// <summary>A step of a JSON path: a property <see cref="Name"/>, or an array <see cref="Index"/> when the name is <see langword="null"/>.</summary>
    private sealed record Segment(string? Name, int Index);

    /// <summary>What the input holds at the path, in words, and how often the path's last property appears in its object.</summary>
    private sealed record Found(string Description, int Occurrences);

    /// <summary>The expected shape in words, or, when <see cref="Unknown"/> is set, a property the object does not have and those it has.</summary>
    private sealed record Expectation(string? Shape, string? Unknown, string[] Properties);
}
