using System.Collections.Immutable;
using System.Text.Json;

namespace PartnerMetrics.Import;

/// <summary>The JSON form of an <see cref="EvidenceProfile"/>.</summary>
internal sealed class EvidenceProfileDocument
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public List<string>? DateFormats { get; set; }

    public string? DecimalSeparator { get; set; }

    public string? BadRows { get; set; }

    public List<string>? RequiredCompetencies { get; set; }

    /// <summary>Gets or sets the deals' profile: the name of a built-in <see cref="ImportProfile"/>, or a profile object.</summary>
    public JsonElement? Opportunities { get; set; }

    public TableProfileDocument? Partners { get; set; }

    public TableProfileDocument? Commitments { get; set; }

    public TableProfileDocument? Interactions { get; set; }

    public TableProfileDocument? Cases { get; set; }

    public TableProfileDocument? Certifications { get; set; }

    public TableProfileDocument? Deliveries { get; set; }

    public TableProfileDocument? PlanReviews { get; set; }

    public TableProfileDocument? GoalCheckIns { get; set; }

    public static EvidenceProfileDocument From(EvidenceProfile profile) => new()
    {
        Name = profile.Name,
        Description = profile.Description,
        DateFormats = ProfileMaps.Items(profile.DateFormats),
        DecimalSeparator = profile.DecimalSeparator,
        BadRows = profile.BadRows.ToString(),
        RequiredCompetencies = profile.RequiredCompetencies.IsDefaultOrEmpty ? null : [.. profile.RequiredCompetencies],
        Opportunities = profile.Opportunities is not { } deals ? null
            : ImportProfile.BuiltInNames.FirstOrDefault(n => ImportProfile.BuiltIn(n).Equals(deals)) is { } name ? JsonSerializer.SerializeToElement(name, ImportJsonContext.Default.String)
            : JsonSerializer.SerializeToElement(ImportProfileDocument.From(deals), ImportJsonContext.Default.ImportProfileDocument),
        Partners = TableProfileDocument.From(profile.Tables?.GetValueOrDefault(EvidenceKind.Partners)),
        Commitments = TableProfileDocument.From(profile.Tables?.GetValueOrDefault(EvidenceKind.Commitments)),
        Interactions = TableProfileDocument.From(profile.Tables?.GetValueOrDefault(EvidenceKind.Interactions)),
        Cases = TableProfileDocument.From(profile.Tables?.GetValueOrDefault(EvidenceKind.Cases)),
        Certifications = TableProfileDocument.From(profile.Tables?.GetValueOrDefault(EvidenceKind.Certifications)),
        Deliveries = TableProfileDocument.From(profile.Tables?.GetValueOrDefault(EvidenceKind.Deliveries)),
        PlanReviews = TableProfileDocument.From(profile.Tables?.GetValueOrDefault(EvidenceKind.PlanReviews)),
        GoalCheckIns = TableProfileDocument.From(profile.Tables?.GetValueOrDefault(EvidenceKind.GoalCheckIns)),
    };

    /// <summary>The profile; an <see cref="ArgumentException"/> whose parameter name is the JSON path of a value that cannot be one.</summary>
    public EvidenceProfile ToProfile()
    {
        var defaults = new EvidenceProfile();
        var tables = ImmutableDictionary.CreateBuilder<EvidenceKind, TableProfile>();
        void Add(EvidenceKind kind, TableProfileDocument? table)
        {
            if (table is not null)
            {
                tables[kind] = table.ToProfile();
            }
        }

        Add(EvidenceKind.Partners, Partners);
        Add(EvidenceKind.Commitments, Commitments);
        Add(EvidenceKind.Interactions, Interactions);
        Add(EvidenceKind.Cases, Cases);
        Add(EvidenceKind.Certifications, Certifications);
        Add(EvidenceKind.Deliveries, Deliveries);
        Add(EvidenceKind.PlanReviews, PlanReviews);
        Add(EvidenceKind.GoalCheckIns, GoalCheckIns);
        return new EvidenceProfile
        {
            Name = Name ?? defaults.Name,
            Description = Description,
            DateFormats = DateFormats is null ? defaults.DateFormats : [.. DateFormats],
            DecimalSeparator = DecimalSeparator ?? defaults.DecimalSeparator,
            BadRows = BadRows is null ? BadRowPolicy.Fail
                : Enum.TryParse<BadRowPolicy>(BadRows, ignoreCase: false, out var policy) && Enum.IsDefined(policy) && char.IsAsciiLetter(BadRows[0]) ? policy
                : throw new ArgumentException($"'{BadRows}' is not one of Fail, Skip.", "badRows"),
            RequiredCompetencies = RequiredCompetencies is null ? [] : [.. RequiredCompetencies],
            Tables = tables.ToImmutable(),
            Opportunities = DealsProfile(),
        };
    }

    private ImportProfile? DealsProfile()
    {
        switch (Opportunities)
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.String } name:
                try
                {
                    return ImportProfile.BuiltIn(name.GetString()!);
                }
                catch (ArgumentException error)
                {
                    throw new ArgumentException(error.Message.Replace(" (Parameter 'name')", string.Empty, StringComparison.Ordinal), "opportunities", error);
                }

            case { ValueKind: JsonValueKind.Object } profile:
                try
                {
                    var deals = profile.Deserialize(ImportJsonContext.Default.ImportProfileDocument)!.ToProfile();
                    deals.Check();
                    return deals;
                }
                catch (ArgumentException error)
                {
                    throw new ArgumentException(error.Message, $"opportunities.{error.ParamName}", error);
                }
                catch (JsonException error)
                {
                    throw new ArgumentException(error.Message, $"opportunities{error.Path?.TrimStart('$')}", error);
                }

            default:
                throw new ArgumentException("'opportunities' must be the name of a built-in deals profile, such as \"salesforce\", or a profile object.", "opportunities");
        }
    }
}

/// <summary>The JSON form of a <see cref="TableProfile"/>.</summary>
internal sealed class TableProfileDocument
{
    public Dictionary<string, List<string>>? Columns { get; set; }

    public Dictionary<string, Dictionary<string, string>>? Values { get; set; }

    public Dictionary<string, string>? OtherValues { get; set; }

    public Dictionary<string, string>? Defaults { get; set; }

    public Dictionary<string, List<decimal>>? Scales { get; set; }

    public List<string>? Unused { get; set; }

    public List<ImportLookupColumn>? Lookups { get; set; }

    public static TableProfileDocument? From(TableProfile? table) => table is null ? null : new()
    {
        Columns = ProfileMaps.Sorted(table.Columns, ProfileMaps.Items),
        Values = ProfileMaps.Sorted(table.Values, map => ProfileMaps.Entries(map).OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Value)),
        OtherValues = ProfileMaps.Sorted(table.OtherValues, value => value),
        Defaults = ProfileMaps.Sorted(table.Defaults, value => value),
        Scales = ProfileMaps.Sorted(table.Scales, ProfileMaps.Items),
        Unused = table.Unused.IsDefaultOrEmpty ? null : [.. table.Unused],
        Lookups = table.Lookups.IsDefaultOrEmpty ? null : [.. table.Lookups],
    };

    public TableProfile ToProfile() => new()
    {
        Columns = (Columns ?? []).ToImmutableDictionary(c => c.Key, c => (c.Value ?? []).ToImmutableArray(), StringComparer.Ordinal),
        Values = (Values ?? []).ToImmutableDictionary(v => v.Key, v => (v.Value ?? []).ToImmutableDictionary(StringComparer.Ordinal), StringComparer.Ordinal),
        OtherValues = (OtherValues ?? []).ToImmutableDictionary(StringComparer.Ordinal),
        Defaults = (Defaults ?? []).ToImmutableDictionary(StringComparer.Ordinal),
        Scales = (Scales ?? []).ToImmutableDictionary(s => s.Key, s => (s.Value ?? []).ToImmutableArray(), StringComparer.Ordinal),
        Unused = Unused is null ? [] : [.. Unused],
        Lookups = Lookups is null ? [] : [.. Lookups],
    };
}
