using System.Text;
using System.Text.Json;

namespace PartnerMetrics.Serialization;

/// <summary>
/// A problem with a JSON document, in words, carrying the JSON path of the offending value: a validation
/// error found while mapping the document to the model, a value one of the model's converters rejects, or
/// a value of the wrong shape (<see cref="JsonShape"/>). It grows its path as it travels up through the
/// documents that contain it and becomes a <see cref="JsonException"/> at the converter: the inner
/// exception of every <see cref="JsonException"/> the model's readers throw, except for text that is not JSON.
/// </summary>
internal sealed class DocumentException : Exception
{
    private readonly List<string> reversedPath = [];

    private DocumentException(string segment, string message, Exception? cause = null)
        : base(message, cause) => reversedPath.Add(segment);

    public static DocumentException Missing(string property) =>
        new(property, $"Required property '{property}' is missing or null.");

    public static DocumentException Invalid(string property, string message) => new(property, message);

    public static DocumentException NullItem(string property, int index) =>
        new($"{property}[{index}]", "An item must not be null.");

    /// <summary>A problem at a JSON path as System.Text.Json writes it (<c>$.partnerships[0].partner</c>, <c>$[3]</c>, <c>$</c>).</summary>
    public static DocumentException At(string? jsonPath, string message, Exception? cause = null) =>
        new(jsonPath is ['$', '.', .. var rest] ? rest : jsonPath is ['$', .. var index] ? index : string.Empty, message, cause);

    /// <summary>
    /// The problem of an error System.Text.Json raised while reading a document: a model converter's own words
    /// (<see cref="Value"/>), or else <paramref name="shape"/>, <see cref="JsonShape"/>'s words, at the error's path.
    /// </summary>
    public static DocumentException Reading(JsonException error, string shape) =>
        At(error.Path, error.InnerException is DocumentException { ReportedFor: null } converter ? converter.Message : shape, error);

    /// <summary>
    /// The exception a model converter throws for a value it rejects: System.Text.Json sets its
    /// <see cref="JsonException.Path"/>, and <see cref="DocumentConverter{TModel, TDocument}"/> puts the path in the message.
    /// </summary>
    public static JsonException Value(string message) => new(message, new DocumentException(string.Empty, message));

    /// <summary>Gets the name of the model type whose reading found the problem, once <see cref="ToJsonException"/> has reported it.</summary>
    public string? ReportedFor { get; private set; }

    /// <summary>Converts a model validation error; its parameter name is the JSON property name.</summary>
    public static DocumentException From(ArgumentException error)
    {
        var message = error.Message;
        var suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return new DocumentException(JsonName(error.ParamName), suffix < 0 ? message : message[..suffix], error);
    }

    /// <summary>Parameter names are JSON names already; init-only settings report their PascalCase property name.</summary>
    private static string JsonName(string? name) =>
        string.IsNullOrEmpty(name) || char.IsLower(name[0]) ? name ?? string.Empty : char.ToLowerInvariant(name[0]) + name[1..];

    public string Path
    {
        get
        {
            var path = new StringBuilder("$");
            for (var i = reversedPath.Count - 1; i >= 0; i--)
            {
                if (reversedPath[i].Length > 0)
                {
                    path.Append(reversedPath[i][0] == '[' ? string.Empty : ".").Append(reversedPath[i]);
                }
            }

            return path.ToString();
        }
    }

    /// <summary>Prefixes the path with the property (and index) of the document that contains this one.</summary>
    /// <remarks>A group-level error that names the group itself (all weights zero, say) stays at the group's path.</remarks>
    public DocumentException Under(string segment)
    {
        if (reversedPath is [var only] && string.Equals(only, segment, StringComparison.OrdinalIgnoreCase))
        {
            reversedPath[0] = segment;
        }
        else
        {
            reversedPath.Add(segment);
        }

        return this;
    }

    /// <summary>The exception the readers throw: the message names the path and says what is wrong; this is its inner exception.</summary>
    /// <param name="typeName">The model type being read, such as <c>Portfolio</c>.</param>
    /// <param name="lineNumber">The line of the value (0-based), when known.</param>
    /// <param name="bytePositionInLine">The byte of the value in its line (0-based), when known.</param>
    public JsonException ToJsonException(string typeName, long? lineNumber = null, long? bytePositionInLine = null)
    {
        ReportedFor = typeName;
        var path = Path;
        return new JsonException($"Invalid {typeName} at {path}: {Message}", path, lineNumber, bytePositionInLine, innerException: this);
    }

    /// <summary>Whether a <see cref="JsonException"/> is already in words: reported by a model's reader, or about text that is not JSON (whose message names no type).</summary>
    public static bool IsReported(JsonException error) =>
        error.InnerException is DocumentException { ReportedFor: not null } or JsonException;
}
