using System.Collections.Frozen;
using System.Collections.Immutable;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// The health models of a portfolio's segments (DOMAIN section 3.1): which <see cref="HealthModel"/>
/// scores each partnership.
/// </summary>
/// <remarks>
/// <para>
/// Partner types and tiers may deserve different models: a Referral partner introduces customers and
/// delivers nothing, so its model disables delivery reliability instead of holding it at the prior.
/// Give the set to <see cref="HealthScorer(HealthModelSet)"/>; every report then names the model that
/// scored it (<see cref="HealthReport.ModelName"/>, <see cref="HealthReport.ModelVersion"/>).
/// </para>
/// <para>
/// Immutable and thread-safe. Equal models (by value) count once. Two different models of one set
/// must differ in <see cref="HealthModel.Name"/> or <see cref="HealthModel.Version"/>, so that a
/// report's model name and version say exactly which model scored it.
/// </para>
/// </remarks>
public sealed class HealthModelSet
{
    private readonly Func<Partner, int> indexOf;

    private HealthModelSet(ImmutableArray<HealthModel> models, Func<Partner, int> indexOf)
    {
        Models = models;
        this.indexOf = indexOf;
    }

    /// <summary>
    /// Gets the default model of the set: the one model of <see cref="Of"/>, the fallback of
    /// <see cref="ByPartnerType"/> and <see cref="ByTier"/>, the first model of <see cref="Create"/>.
    /// </summary>
    public HealthModel Default => Models[0];

    /// <summary>Gets the distinct models of the set, <see cref="Default"/> first, then in the order of their keys (partner types in declaration order, tiers ordinally) or, for <see cref="Create"/>, as given.</summary>
    public ImmutableArray<HealthModel> Models { get; }

    /// <summary>Creates a set that scores every partnership with one model.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    public static HealthModelSet Of(HealthModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new([model], static _ => 0);
    }

    /// <summary>Creates a set that chooses the model by the partner's <see cref="Partner.Type"/>.</summary>
    /// <param name="fallback">The model of partner types that <paramref name="byType"/> does not list.</param>
    /// <param name="byType">The model of each partner type that has its own.</param>
    /// <returns>The set; <see cref="Default"/> is <paramref name="fallback"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fallback"/> or <paramref name="byType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="byType"/> has a <see langword="null"/> model or an undefined partner type, or two
    /// different models share a name and version.
    /// </exception>
    public static HealthModelSet ByPartnerType(HealthModel fallback, IReadOnlyDictionary<PartnerType, HealthModel> byType)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(byType);
        var models = new List<HealthModel> { fallback };
        var types = Enum.GetValues<PartnerType>();
        var index = new int[(int)types.Max() + 1];
        foreach (var (type, model) in byType.OrderBy(entry => entry.Key))
        {
            if (!Enum.IsDefined(type))
            {
                throw new ArgumentException($"'{nameof(byType)}' must have defined partner types as keys; got {type}.", nameof(byType));
            }

            if (model is null)
            {
                throw new ArgumentException($"'{nameof(byType)}' must not map a partner type to null; {type} has no model.", nameof(byType));
            }

            index[(int)type] = Add(models, model, nameof(byType), type.ToString());
        }

        return new([.. models], partner => index[(int)partner.Type]);
    }

    /// <summary>Creates a set that chooses the model by the partner's <see cref="Partner.Tier"/>.</summary>
    /// <param name="fallback">The model of partners whose tier <paramref name="byTier"/> does not list, and of partners without a tier.</param>
    /// <param name="byTier">The model of each tier that has its own.</param>
    /// <returns>The set; <see cref="Default"/> is <paramref name="fallback"/>.</returns>
    /// <remarks>
    /// Tiers compare ordinally, whatever the comparer of <paramref name="byTier"/>: "Gold" and "gold"
    /// are different tiers, as they are different strings in a partner's record. Normalise tiers when
    /// mapping the CRM, or choose with <see cref="Create"/> for any other rule.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="fallback"/> or <paramref name="byTier"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="byTier"/> has a <see langword="null"/> model or a tier that is <see langword="null"/>,
    /// empty or whitespace (a partner never has such a tier), or two different models share a name and version.
    /// </exception>
    public static HealthModelSet ByTier(HealthModel fallback, IReadOnlyDictionary<string, HealthModel> byTier)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(byTier);
        var models = new List<HealthModel> { fallback };
        var tiers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (tier, model) in byTier.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(tier))
            {
                throw new ArgumentException($"'{nameof(byTier)}' must not have a null, empty or whitespace tier, which no partner has; got '{tier}'.", nameof(byTier));
            }

            if (model is null)
            {
                throw new ArgumentException($"'{nameof(byTier)}' must not map a tier to null; tier '{tier}' has no model.", nameof(byTier));
            }

            if (!tiers.TryAdd(tier, Add(models, model, nameof(byTier), $"tier '{tier}'")))
            {
                throw new ArgumentException($"'{nameof(byTier)}' must list each tier once; tier '{tier}' appears twice.", nameof(byTier));
            }
        }

        var lookup = tiers.ToFrozenDictionary(StringComparer.Ordinal);
        return new([.. models], partner => partner.Tier is { } tier && lookup.TryGetValue(tier, out var i) ? i : 0);
    }

    /// <summary>Creates a set that chooses the model with a function of the partner: by district, by a combination of type and tier, or any other rule.</summary>
    /// <param name="models">Every model <paramref name="selector"/> may return; the first is the set's <see cref="Default"/>.</param>
    /// <param name="selector">Chooses the model of a partnership from its <see cref="Partnership.Partner"/>; it must return one of <paramref name="models"/> (an equal model counts).</param>
    /// <returns>The set.</returns>
    /// <remarks>
    /// <para>
    /// The selector sees the partner, not the evidence: a model chosen from the evidence would be chosen from evidence
    /// dated after the day scored too (a count of commitments, say), so a score of the past, a history or a backtest
    /// would read the future (DOMAIN rule 4). For the same reason a change of a partnership's evidence keeps its model.
    /// </para>
    /// <para>
    /// The set calls <paramref name="selector"/> on every <see cref="Select"/> and every score, from
    /// any thread: make it fast, pure and thread-safe. Listing the models up front lets a scorer
    /// prepare each once, and lets <see cref="Models"/> say which models the portfolio is scored with.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> or <paramref name="selector"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="models"/> is empty or has a <see langword="null"/> item, or two different models share a name and version.</exception>
    public static HealthModelSet Create(IEnumerable<HealthModel> models, Func<Partner, HealthModel> selector)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(selector);
        var distinct = new List<HealthModel>();
        var index = 0;
        foreach (var model in models)
        {
            Add(distinct, Ensure.Item(model, index, nameof(models)), nameof(models), $"item {index}");
            index++;
        }

        if (distinct.Count == 0)
        {
            throw new ArgumentException($"'{nameof(models)}' must list at least one model.", nameof(models));
        }

        ImmutableArray<HealthModel> declared = [.. distinct];
        return new(declared, partner => IndexOf(declared, selector(partner), partner));
    }

    /// <summary>Gets the model that scores a partnership.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <returns>One of <see cref="Models"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The selector of a <see cref="Create"/> set returned <see langword="null"/> or a model it does not list.</exception>
    public HealthModel Select(Partnership partnership)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        return Models[IndexOf(partnership)];
    }

    /// <summary>The index in <see cref="Models"/> of the model that scores a partnership.</summary>
    internal int IndexOf(Partnership partnership) => indexOf(partnership.Partner);

    /// <summary>Adds a model unless an equal one is listed; returns its index.</summary>
    private static int Add(List<HealthModel> models, HealthModel model, string paramName, string key)
    {
        for (var i = 0; i < models.Count; i++)
        {
            if (models[i].Equals(model))
            {
                return i;
            }
        }

        foreach (var other in models)
        {
            if (other.Name == model.Name && other.Version == model.Version)
            {
                throw new ArgumentException(
                    $"'{paramName}' gives {key} a model named '{model.Name}', version '{model.Version}', that differs from another model of the set with the same name and version; give each model of a set its own Name (or Version), so that a report says which one scored it.",
                    paramName);
            }
        }

        models.Add(model);
        return models.Count - 1;
    }

    /// <summary>The index of a selector's choice among the declared models, by reference or else by value.</summary>
    private static int IndexOf(ImmutableArray<HealthModel> models, HealthModel? chosen, Partner partner)
    {
        if (chosen is null)
        {
            throw new InvalidOperationException($"The model selector returned null for partner '{partner.Id}' ({partner.Name}); it must return one of the set's models.");
        }

        for (var i = 0; i < models.Length; i++)
        {
            if (ReferenceEquals(models[i], chosen))
            {
                return i;
            }
        }

        for (var i = 0; i < models.Length; i++)
        {
            if (models[i].Equals(chosen))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The model selector returned the model named '{chosen.Name}', version '{chosen.Version}', for partner '{partner.Id}' ({partner.Name}), which the set does not list; list every model the selector may return in 'models'.");
    }
}
