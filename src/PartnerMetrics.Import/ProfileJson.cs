using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Import;

/// <summary>Reads a profile's JSON form: every mistake a <see cref="JsonException"/> with the path, in words, never a .NET type.</summary>
internal static class ProfileJson
{
    /// <summary>Reads the document, turns it into a profile and checks it.</summary>
    /// <param name="utf8Json">The JSON; read to its end.</param>
    /// <param name="document">The document's metadata.</param>
    /// <param name="what">The profile, for a message: "an import profile".</param>
    /// <param name="toProfile">Turns the document into the profile; an <see cref="ArgumentException"/> names the property as its parameter.</param>
    /// <param name="check">Checks the profile; likewise.</param>
    public static TProfile Load<TDocument, TProfile>(Stream utf8Json, JsonTypeInfo<TDocument> document, string what, Func<TDocument, TProfile> toProfile, Action<TProfile> check)
        where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(utf8Json);

        // A profile is small: read whole, so that an error can say what the file holds where it went wrong.
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        buffer.Position = 0;
        var text = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        text = text.StartsWith("\uFEFF"u8) ? text[3..] : text;
        if (text.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            // System.Text.Json's words for this are "The input does not contain any JSON tokens ... LineNumber: 0".
            throw new JsonException($"The file is empty: expected {what} object.", "$", null, null);
        }

        TDocument? read;
        try
        {
            read = JsonSerializer.Deserialize(buffer, document);
        }
        catch (JsonException error) when (error.InnerException is not JsonException)
        {
            // System.Text.Json's own message names .NET types; text that is not JSON (an inner reader error) names none.
            var json = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            json = json.StartsWith("\uFEFF"u8) ? json[3..] : json;
            throw new JsonException(JsonShape.Describe(error, document, json), error.Path, error.LineNumber, error.BytePositionInLine, error);
        }

        var found = read ?? throw new JsonException($"Expected {what} object, got the literal null.", "$", null, null);
        try
        {
            var profile = toProfile(found);
            check(profile);
            return profile;
        }
        catch (ArgumentException error)
        {
            throw new JsonException(ArgumentSentence.Of(error), $"$.{error.ParamName}", null, null, error);
        }
    }
}
