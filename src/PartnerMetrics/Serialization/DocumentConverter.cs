using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PartnerMetrics.Serialization;

/// <summary>
/// Reads and writes a model type through its <see cref="IDocument{TModel, TSelf}"/>: System.Text.Json
/// (source-generated) handles the JSON, the model constructor validates, and a validation error
/// becomes a <see cref="JsonException"/> whose <see cref="JsonException.Path"/> is the offending field.
/// </summary>
/// <remarks>
/// Paths are relative to the value this converter reads; for a document whose root is the model
/// (the usual case: a portfolio file) that is the absolute JSON path. The wire format is fixed and
/// does not follow the caller's options, so a host's naming policy cannot change it.
/// </remarks>
internal sealed class DocumentConverter<TModel, TDocument> : JsonConverter<TModel>, IDocumentConverter, IDescribedConverter
    where TModel : class
    where TDocument : class, IDocument<TModel, TDocument>
{
    /// <summary>Whether every property of the document is an optional setting, which may be left out but not written as null.</summary>
    private static readonly bool IsSettings = typeof(ISettingsDocument).IsAssignableFrom(typeof(TDocument));

    private static JsonTypeInfo<TDocument> Info =>
        field ??= (JsonTypeInfo<TDocument>)PartnerMetricsJsonContext.Default.GetTypeInfo(typeof(TDocument))!;

    public JsonTypeInfo DocumentInfo => Info;

    public string Expected => "an object";

    public override TModel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The whole value is in the reader's buffer (System.Text.Json reads ahead for a custom converter), so a copy
        // taken here can walk it again to say what an error's path holds.
        var value = reader;
        if (IsSettings && JsonShape.FirstNull(Info, value) is { } setting)
        {
            // Read as null, a setting written as null would take its default as if it were left out.
            throw DocumentException.At(setting.Path, $"'{setting.Name}' must be {setting.Expected}; leave it out for the default, not null.").ToJsonException(typeof(TModel).Name);
        }

        TDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(ref reader, Info);
        }
        catch (JsonException error) when (!DocumentException.IsReported(error))
        {
            throw DocumentException.Reading(error, JsonShape.Describe(error, Info, value)).ToJsonException(typeof(TModel).Name, error.LineNumber, error.BytePositionInLine);
        }

        if (document is null)
        {
            throw new JsonException($"A {typeof(TModel).Name} must be an object, not null.");
        }

        try
        {
            return document.ToModel();
        }
        catch (DocumentException error)
        {
            throw error.ToJsonException(typeof(TModel).Name);
        }
    }

    public override void Write(Utf8JsonWriter writer, TModel value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, TDocument.From(value), Info);
}
