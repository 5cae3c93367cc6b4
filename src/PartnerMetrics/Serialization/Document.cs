using System.Collections.Immutable;

namespace PartnerMetrics.Serialization;

/// <summary>Mapping steps shared by every <see cref="IDocument{TModel, TSelf}"/>.</summary>
internal static class Document
{
    public static T Required<T>(T? value, string property)
        where T : struct => value ?? throw DocumentException.Missing(property);

    /// <summary>A part every written document holds (a list, say, empty or not), or an error naming it.</summary>
    public static T Required<T>(T? value, string property)
        where T : class => value ?? throw DocumentException.Missing(property);

    /// <summary>Maps a list of child documents, reporting an error at <c>property[index]</c>.</summary>
    public static ImmutableArray<TModel> Items<TModel, TDocument>(List<TDocument?>? documents, string property)
        where TDocument : class, IDocument<TModel, TDocument>
    {
        if (documents is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<TModel>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i] ?? throw DocumentException.NullItem(property, i);
            try
            {
                builder.Add(document.ToModel());
            }
            catch (DocumentException error)
            {
                throw error.Under($"{property}[{i}]");
            }
        }

        return builder.MoveToImmutable();
    }

    /// <summary>
    /// Restores each entry of a list a written document always holds (an accumulator's deals, accounts or first wins), an
    /// error of an entry, the document's or the model's own, reported at <c>property[index]</c>.
    /// </summary>
    public static void Each<TItem>(List<TItem?>? items, string property, Action<TItem> restore)
        where TItem : class
    {
        var required = Required(items, property);
        for (var i = 0; i < required.Count; i++)
        {
            try
            {
                restore(required[i] ?? throw DocumentException.NullItem(property, i));
            }
            catch (DocumentException error)
            {
                throw error.Under($"{property}[{i}]");
            }
            catch (ArgumentException error)
            {
                throw DocumentException.From(error).Under($"{property}[{i}]");
            }
        }
    }

    /// <summary>Maps one optional child document, reporting an error under <paramref name="property"/>.</summary>
    public static TModel? Child<TModel, TDocument>(TDocument? document, string property)
        where TModel : class
        where TDocument : class, IDocument<TModel, TDocument>
    {
        try
        {
            return document?.ToModel();
        }
        catch (DocumentException error)
        {
            throw error.Under(property);
        }
    }

    public static List<TDocument?> From<TModel, TDocument>(ImmutableArray<TModel> models)
        where TDocument : class, IDocument<TModel, TDocument>
    {
        var documents = new List<TDocument?>(models.Length);
        foreach (var model in models)
        {
            documents.Add(TDocument.From(model));
        }

        return documents;
    }

    /// <summary>
    /// An error at <paramref name="property"/> unless <paramref name="condition"/> holds: the property's last name quoted,
    /// then the problem (<c>'score' must be …</c>), numbers written invariantly, for a document whose parts contradict
    /// each other.
    /// </summary>
    public static void Agree(bool condition, string property, FormattableString problem)
    {
        if (!condition)
        {
            var dot = property.LastIndexOf('.');
            throw DocumentException.Invalid(property, $"'{property[(dot + 1)..]}' {FormattableString.Invariant(problem)}.");
        }
    }

    /// <summary>Runs a model constructor, turning its validation error into a <see cref="DocumentException"/> at the field it names.</summary>
    public static TModel Build<TModel, TState>(TState state, Func<TState, TModel> construct)
    {
        try
        {
            return construct(state);
        }
        catch (ArgumentException error)
        {
            throw DocumentException.From(error);
        }
    }
}
