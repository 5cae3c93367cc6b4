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
internal sealed class DocumentConverter<TModel, TDocument> : JsonConverter<TModel>
    where TModel : class
    where TDocument : class, IDocument<TModel, TDocument>
{
    private static JsonTypeInfo<TDocument> DocumentInfo =>
        field ??= (JsonTypeInfo<TDocument>)PartnerMetricsJsonContext.Default.GetTypeInfo(typeof(TDocument))!;

    public override TModel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var document = JsonSerializer.Deserialize(ref reader, DocumentInfo)
            ?? throw new JsonException($"A {typeof(TModel).Name} must be an object, not null.");
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
        JsonSerializer.Serialize(writer, TDocument.From(value), DocumentInfo);
}
