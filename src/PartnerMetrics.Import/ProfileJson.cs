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

    /// <summary>A built-in profile, read from the assembly on each request.</summary>
    /// <param name="name">One of <paramref name="names"/>, in any case.</param>
    /// <param name="names">The built-in profiles' names, lower case.</param>
    /// <param name="what">The kind of profile, for a message: "import profile".</param>
    /// <param name="resource">The resource's name for a lower-case name.</param>
    /// <param name="load">Reads the profile.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No built-in profile has that name.</exception>
    public static TProfile BuiltIn<TProfile>(string name, IReadOnlyCollection<string> names, string what, Func<string, string> resource, Func<Stream, TProfile> load)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.ToLowerInvariant();
        if (!names.Contains(key))
        {
            throw new ArgumentException($"No built-in {what} is named '{name}'; the built-in profiles are {string.Join(", ", names)}.", nameof(name));
        }

        // Read from the assembly on each request: an import asks once, and code run once per process and cached would be
        // run outside the tests that read it (a mutation run then tests it against all).
        using var stream = typeof(ProfileJson).Assembly.GetManifestResourceStream(resource(key))
            ?? throw new InvalidOperationException($"The built-in {what} '{key}' is missing from the assembly.");
        return load(stream);
    }

    /// <summary>
    /// Writes a profile's document as indented UTF-8 JSON; a profile that holds what the JSON form cannot (<paramref name="unwritable"/>)
    /// is refused with the message of its check, the parameter name the property's JSON path, and nothing is written.
    /// </summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <param name="unwritable">Whether the profile holds what the JSON form cannot.</param>
    /// <param name="check">Checks the profile; an <see cref="ArgumentException"/> names the property as its parameter.</param>
    /// <param name="what">The kind of profile, for a message: "import profile".</param>
    /// <param name="document">Makes the document.</param>
    /// <param name="info">The document's metadata.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The profile holds what the JSON form cannot.</exception>
    public static void Save<TDocument>(Stream utf8Json, bool unwritable, Action check, string what, Func<TDocument> document, JsonTypeInfo<TDocument> info)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        if (unwritable)
        {
            // Each is refused by the check, which names the first problem the importer would.
            try
            {
                check();
            }
            catch (ArgumentException error)
            {
                throw new ArgumentException($"The {what}'s '{error.ParamName}' is not valid: {ArgumentSentence.Of(error)}", error.ParamName, error);
            }
        }

        JsonSerializer.Serialize(utf8Json, document(), info);
    }
}
