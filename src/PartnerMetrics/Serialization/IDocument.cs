namespace PartnerMetrics.Serialization;

/// <summary>
/// The JSON shape of a model type: a plain, source-generated document that System.Text.Json reads
/// and writes, mapped to and from the validated model.
/// </summary>
/// <typeparam name="TModel">The model type.</typeparam>
/// <typeparam name="TSelf">The document type.</typeparam>
internal interface IDocument<TModel, TSelf>
    where TSelf : IDocument<TModel, TSelf>
{
    /// <summary>Creates the document of a model.</summary>
    static abstract TSelf From(TModel model);

    /// <summary>Builds the model, throwing <see cref="DocumentException"/> at the field that is wrong.</summary>
    TModel ToModel();
}
