using System.Collections.Immutable;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import;

/// <summary>The JSON form of an <see cref="ImportProfile"/>: every value as written, turned into the profile's types with a path for each mistake.</summary>
internal sealed class ImportProfileDocument
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, List<string>>? Columns { get; set; }

    public List<string>? DateFormats { get; set; }

    public string? DecimalSeparator { get; set; }

    public string? Currency { get; set; }

    public Dictionary<string, string>? CurrencyColumns { get; set; }

    public Dictionary<string, string>? Outcomes { get; set; }

    public string? OtherStages { get; set; }

    public Dictionary<string, string>? Motions { get; set; }

    public Dictionary<string, string>? Sources { get; set; }

    public string? OtherSources { get; set; }

    public Dictionary<string, string>? Routes { get; set; }

    public Dictionary<string, string>? Defaults { get; set; }

    public List<string>? Unused { get; set; }

    public List<ImportLookupColumn>? Lookups { get; set; }

    public bool InferMotion { get; set; }

    public string? BadRows { get; set; }

    public static ImportProfileDocument From(ImportProfile profile) => new()
    {
        Name = profile.Name,
        Description = profile.Description,
        Columns = ProfileMaps.Entries(profile.Columns).OrderBy(c => ImportProfile.Fields.IndexOf(c.Key)).ToDictionary(c => c.Key, c => ProfileMaps.Items(c.Value)),
        DateFormats = ProfileMaps.Items(profile.DateFormats),
        DecimalSeparator = profile.DecimalSeparator,
        Currency = profile.Currency,
        CurrencyColumns = ProfileMaps.Sorted(profile.CurrencyColumns, currency => currency),
        Outcomes = Names(profile.Outcomes),
        OtherStages = profile.OtherStages?.ToString(),
        Motions = Names(profile.Motions),
        Sources = Names(profile.Sources),
        OtherSources = profile.OtherSources?.ToString(),
        Routes = Names(profile.Routes),
        Defaults = ProfileMaps.Sorted(profile.Defaults, value => value),
        Unused = profile.Unused.IsDefaultOrEmpty ? null : [.. profile.Unused],
        Lookups = profile.Lookups.IsDefaultOrEmpty ? null : [.. profile.Lookups],
        InferMotion = profile.InferMotion,
        BadRows = profile.BadRows.ToString(),
    };

    /// <summary>The profile; an <see cref="ArgumentException"/> whose parameter name is the JSON path of a value that is not one of its enum's names.</summary>
    public ImportProfile ToProfile()
    {
        var defaults = new ImportProfile();
        return new ImportProfile
        {
            Name = Name ?? defaults.Name,
            Description = Description,
            Columns = (Columns ?? []).ToImmutableDictionary(c => c.Key, c => (c.Value ?? []).ToImmutableArray(), StringComparer.Ordinal),
            DateFormats = DateFormats is null ? defaults.DateFormats : [.. DateFormats],
            DecimalSeparator = DecimalSeparator ?? defaults.DecimalSeparator,
            Currency = Currency,
            CurrencyColumns = (CurrencyColumns ?? []).ToImmutableDictionary(StringComparer.Ordinal),
            Outcomes = Parse<DealOutcome>(Outcomes, "outcomes"),
            OtherStages = OtherStages is null ? null : Parse<DealOutcome>(OtherStages, "otherStages"),
            Motions = Parse<DealMotion>(Motions, "motions"),
            Sources = Parse<DealSource>(Sources, "sources"),
            OtherSources = OtherSources is null ? null : Parse<DealSource>(OtherSources, "otherSources"),
            Routes = Parse<RouteToMarket>(Routes, "routes"),
            Defaults = (Defaults ?? []).ToImmutableDictionary(StringComparer.Ordinal),
            Unused = Unused is null ? [] : [.. Unused],
            Lookups = Lookups is null ? [] : [.. Lookups],
            InferMotion = InferMotion,
            BadRows = BadRows is null ? BadRowPolicy.Fail : Parse<BadRowPolicy>(BadRows, "badRows"),
        };
    }

    private static Dictionary<string, string>? Names<T>(ImmutableDictionary<string, T>? map)
        where T : struct, Enum => ProfileMaps.Sorted(map, value => value.ToString());

    private static ImmutableDictionary<string, T> Parse<T>(Dictionary<string, string>? map, string path)
        where T : struct, Enum => (map ?? []).ToImmutableDictionary(m => m.Key, m => Parse<T>(m.Value, $"{path}.{m.Key}"), StringComparer.Ordinal);

    private static T Parse<T>(string name, string path)
        where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(name[0]) && name[0] != '-'
            ? value
            : throw new ArgumentException($"'{name}' is not one of {string.Join(", ", Enum.GetNames<T>())}.", path);
}
