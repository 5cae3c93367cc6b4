using System.Text.Json.Serialization.Metadata;

namespace PartnerMetrics.Serialization;

/// <summary>A converter that reads a model type through its document: <see cref="JsonShape"/> walks into the document's properties.</summary>
internal interface IDocumentConverter
{
    /// <summary>Gets the metadata of the document type.</summary>
    JsonTypeInfo DocumentInfo { get; }
}
