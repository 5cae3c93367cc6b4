using System.Text;
using System.Text.Json;

namespace PartnerMetrics.Serialization;

/// <summary>
/// A validation error found while mapping a JSON document to the model, carrying the JSON path of
/// the offending field. It grows its path as it travels up through the documents that contain it and
/// becomes a <see cref="JsonException"/> at the converter.
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
                    path.Append('.').Append(reversedPath[i]);
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

    public JsonException ToJsonException(string typeName)
    {
        var path = Path;
        return new JsonException($"Invalid {typeName} at {path}: {Message}", path, lineNumber: null, bytePositionInLine: null, innerException: this);
    }
}
