using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import;

/// <summary>
/// How one CRM's exports of partner accounts and their evidence (tasks, activities, cases, certifications, deliveries,
/// joint plans and deals) map onto a <see cref="Portfolio"/>: for each <see cref="EvidenceKind"/>, which headers give which
/// field and what its values mean; shared by all files, the forms of days and numbers and what to do with a bad row.
/// Profiles are JSON documents (docs/import.md); <see cref="Salesforce"/>, <see cref="HubSpot"/> and <see cref="Dynamics"/> are built in.
/// </summary>
/// <remarks>
/// Headers and mapped values are compared after <see cref="ImportProfile.Normalize"/>, as in an <see cref="ImportProfile"/>.
/// Every mapped value may also be <c>Skip</c>: a row with that value is left out on purpose (an account that is not a
/// partner, an activity that is not an interaction) and counted in <see cref="ImportReport.Excluded"/>, not as a problem.
/// </remarks>
public sealed record EvidenceProfile
{
    /// <summary>The value of a map that leaves a row out on purpose.</summary>
    public const string Skip = "Skip";

    /// <summary>Gets the fields of each kind of file (the deals' fields are <see cref="ImportProfile.Fields"/>).</summary>
    public static ImmutableDictionary<EvidenceKind, ImmutableArray<string>> Fields { get; } =
        EvidenceSchema.Kinds.ToImmutableDictionary(k => k.Key, k => k.Value.Select(f => f.Name).ToImmutableArray());

    /// <summary>Gets the profile's name, such as <c>salesforce</c>.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Gets a sentence on the exports the profile reads.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the forms of a day or a timestamp, tried in order (.NET custom format strings, such as <c>M/d/yyyy h:mm tt</c>).</summary>
    /// <value>Default: <c>yyyy-MM-dd</c> only.</value>
    public ImmutableArray<string> DateFormats { get; init; } = ["yyyy-MM-dd"];

    /// <summary>Gets the decimal separator of numbers: <c>.</c> or <c>,</c> (see <see cref="ImportProfile.DecimalSeparator"/>).</summary>
    public string DecimalSeparator { get; init; } = ".";

    /// <summary>Gets what to do with a row that cannot be read, in every file: the deals file's too, whatever <see cref="Opportunities"/> says.</summary>
    public BadRowPolicy BadRows { get; init; }

    /// <summary>Gets the competencies every partnership is measured against (<see cref="Partnership.RequiredCompetencies"/>): the vendor's focus workloads.</summary>
    public ImmutableArray<string> RequiredCompetencies { get; init; } = [];

    /// <summary>Gets how each kind of file maps: the header of each field's column, its values and defaults. A file is read through its table, so a kind without an entry, or a field its table does not name, has no column.</summary>
    public ImmutableDictionary<EvidenceKind, TableProfile> Tables { get; init; } = ImmutableDictionary<EvidenceKind, TableProfile>.Empty;

    /// <summary>Gets the profile of the deals export; <see langword="null"/> for <see cref="ImportProfile.PartnerMetrics"/>. Its <see cref="ImportProfile.BadRows"/> is not read: <see cref="BadRows"/> decides for every file.</summary>
    public ImportProfile? Opportunities { get; init; }

    /// <summary>Gets the profile of Salesforce exports: the Accounts, Tasks, Events and Cases reports and the opportunity report, with report labels and US dates.</summary>
    public static EvidenceProfile Salesforce => BuiltIn("salesforce");

    /// <summary>Gets the profile of HubSpot exports: companies, tasks, activities (meetings, calls, emails), tickets and deals.</summary>
    public static EvidenceProfile HubSpot => BuiltIn("hubspot");

    /// <summary>
    /// Gets the profile of Dynamics 365 Sales and Customer Service views exported to Excel: accounts, tasks, activities (phone
    /// calls, appointments, emails), cases and opportunities. Partners are keyed by the hidden <c>(Do Not Modify) Account</c> id,
    /// and evidence, whose lookups the export writes as names, is matched to them by account name.
    /// </summary>
    public static EvidenceProfile Dynamics => BuiltIn("dynamics");

    /// <summary>Gets the names of the built-in profiles.</summary>
    public static ImmutableArray<string> BuiltInNames { get; } = ["salesforce", "hubspot", "dynamics"];

    /// <summary>Gets a built-in profile by name.</summary>
    /// <param name="name">One of <see cref="BuiltInNames"/>, in any case.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No built-in evidence profile has that name.</exception>
    public static EvidenceProfile BuiltIn(string name) =>
        ProfileJson.BuiltIn(name, BuiltInNames, "evidence profile", key => $"PartnerMetrics.Import.Profiles.{key}-evidence.json", Load);

    /// <summary>Reads a profile from UTF-8 JSON and checks it.</summary>
    /// <param name="utf8Json">The JSON; read to its end.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is not a valid profile: an unknown property, field, culture or value; <see cref="JsonException.Path"/> names it.</exception>
    public static EvidenceProfile Load(Stream utf8Json) =>
        ProfileJson.Load(utf8Json, ImportJsonContext.Default.EvidenceProfileDocument, "an evidence profile", d => d.ToProfile(), p => p.Check());

    /// <summary>Writes the profile as indented UTF-8 JSON, the form <see cref="Load"/> reads.</summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The profile, built in code, holds what the JSON form cannot: a setting that is <see langword="null"/> or a list that is
    /// default (in the profile, a table or the deals' profile), a table that is <see langword="null"/>, or one of a kind
    /// without a table. A <see cref="PortfolioImporter"/> refuses such a profile, and this gives its message; the parameter
    /// name is the property's JSON path. Nothing is written.
    /// </exception>
    public void Save(Stream utf8Json) =>
        ProfileJson.Save(utf8Json, Unwritable().Any(), Check, "evidence profile", () => EvidenceProfileDocument.From(this), ImportJsonContext.Default.EvidenceProfileDocument);

    /// <summary>Compares two profiles by content.</summary>
    /// <param name="other">The other profile.</param>
    /// <returns>Whether both read the exports the same way and have the same name and description.</returns>
    public bool Equals(EvidenceProfile? other) => other is not null && (ReferenceEquals(this, other) || Canonical() == other.Canonical());

    /// <summary>Gets a hash of the content, consistent with <see cref="Equals(EvidenceProfile?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical());

    /// <summary>The profile of a kind of file; an empty one when the profile has none.</summary>
    internal TableProfile Table(EvidenceKind kind) => Tables.GetValueOrDefault(kind) ?? TableProfile.Empty;

    /// <summary>The first competency named again, ignoring case, as a partnership compares them; <see langword="null"/> when none is.</summary>
    internal static string? Repeated(IEnumerable<string> competencies)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return competencies.FirstOrDefault(name => !seen.Add(name));
    }

    /// <summary>Checks every property; the exception's parameter name is the property's JSON path.</summary>
    /// <exception cref="ArgumentException">A property is not valid.</exception>
    internal void Check()
    {
        ArgumentNullException.ThrowIfNull(Name, "name");
        new ImportProfile { DateFormats = DateFormats, DecimalSeparator = DecimalSeparator, BadRows = BadRows }.Check();
        if (RequiredCompetencies.IsDefault || RequiredCompetencies.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("'requiredCompetencies' must list non-blank names.", "requiredCompetencies");
        }

        // A partnership refuses a name with white space at an end, and one listed twice; said here, it is the profile's
        // problem, not every partner row's.
        if (RequiredCompetencies.FirstOrDefault(name => char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1])) is { } padded)
        {
            throw new ArgumentException($"'requiredCompetencies' must not list a name that begins or ends with white space, which would match no certification's name; got '{padded}'.", "requiredCompetencies");
        }

        if (Repeated(RequiredCompetencies) is { } twice)
        {
            throw new ArgumentException($"'requiredCompetencies' lists '{twice}' more than once (names are compared ignoring case).", "requiredCompetencies");
        }

        ImportProfile.Present(Tables, "tables");
        foreach (var (kind, table) in Tables)
        {
            if (!HasTable(kind))
            {
                throw new ArgumentException($"'{kind}' has no table profile; the deals' profile is 'opportunities'.", EvidenceSchema.JsonName(kind));
            }

            ArgumentNullException.ThrowIfNull(table, EvidenceSchema.JsonName(kind));
            table.Check(kind);
        }

        Opportunities?.Check();
    }

    /// <summary>Whether a kind of file is read through a table of <see cref="Tables"/>: not the deals, nor a value outside the enum.</summary>
    internal static bool HasTable(EvidenceKind kind) => kind != EvidenceKind.Opportunities && Enum.IsDefined(kind);

    /// <summary>
    /// The JSON paths of what the JSON form cannot hold, which only a profile built in code can (as
    /// <see cref="ImportProfile.Unwritable"/>): a setting that is <see langword="null"/> or a list that is default, in the profile,
    /// a table or the deals' profile, a table that is <see langword="null"/>, and a table of a kind without one (the form has no
    /// place for either). <see cref="Check"/> refuses each; <see cref="Save"/> refuses them, and equality compares them.
    /// </summary>
    internal IEnumerable<string> Unwritable()
    {
        (bool Unset, string Path)[] settings =
        [
            (Name is null, "name"), (DateFormats.IsDefault, "dateFormats"), (DecimalSeparator is null, "decimalSeparator"),
            (RequiredCompetencies.IsDefault, "requiredCompetencies"), (Tables is null, "tables"),
        ];
        var tables = ProfileMaps.Entries(Tables).SelectMany(t => HasTable(t.Key) && t.Value is { } table
            ? table.Unwritable(EvidenceSchema.JsonName(t.Key))
            : [EvidenceSchema.JsonName(t.Key)]);
        var deals = Opportunities?.Unwritable().Select(path => $"opportunities.{path}") ?? [];
        return settings.Where(s => s.Unset).Select(s => s.Path).Concat(tables).Concat(deals);
    }

    /// <summary>The JSON form, then the paths of what it cannot hold (<see cref="Unwritable"/>): equal for equal content, and a null map is not an empty one.</summary>
    private string Canonical() =>
        JsonSerializer.Serialize(EvidenceProfileDocument.From(this), ImportJsonContext.Default.EvidenceProfileDocument) + string.Concat(Unwritable().Order(StringComparer.Ordinal).Select(path => $"\n{path}"));
}

/// <summary>How one kind of evidence file maps (<see cref="EvidenceProfile.Tables"/>).</summary>
public sealed record TableProfile
{
    /// <summary>Gets a profile that reads the fields under their own names only.</summary>
    public static TableProfile Empty { get; } = new();

    /// <summary>Gets, for each field of the kind (<see cref="EvidenceProfile.Fields"/>), the headers that give it, in order of preference: of two a file has, the first is read; an activity's <c>state</c> is read from each it has, a row's from the first that holds a value.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Columns { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>
    /// Gets, for each field that takes one of a few values (a partner type, a side, a status, a kind, yes or no), what each
    /// text means, such as <c>"type": { "Channel Partner / Reseller": "Reseller", "Prospect": "Skip" }</c>. The values' own
    /// names always work. The empty text (<c>""</c>) gives the meaning of an empty cell, where a required field's empty cell is
    /// otherwise a problem: unlike a default (<see cref="Defaults"/>), it does not stand for a column the file lacks.
    /// </summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, string>> Values { get; init; } = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty;

    /// <summary>Gets, for a field of <see cref="Values"/>, the meaning of a text the map does not list; without one, such a text is a problem.</summary>
    public ImmutableDictionary<string, string> OtherValues { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Gets a value for a field when no column gives it or its cell is empty, written as in a cell.</summary>
    public ImmutableDictionary<string, string> Defaults { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Gets, for a field that is a fraction (satisfaction, alignment, progress), the numbers the export writes for 0 and 1, such as
    /// <c>[1, 5]</c> for a satisfaction of 1 to 5 stars or <c>[0, 100]</c> for a percentage. Default <c>[0, 1]</c>.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<decimal>> Scales { get; init; } = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty;

    /// <summary>Gets headers the profile knows and leaves out on purpose: not reported as ignored.</summary>
    public ImmutableArray<string> Unused { get; init; } = [];

    /// <summary>
    /// Gets the fields read from a second file by a key column of this one, such as the side of a task from its owner's
    /// user type (<c>"side"</c> by <c>"Assigned ID"</c>, from a users export); the values are given to the
    /// <see cref="PortfolioImporter"/> as an <see cref="EvidenceLookup"/>.
    /// </summary>
    public ImmutableArray<ImportLookupColumn> Lookups { get; init; } = [];

    /// <summary>Compares two tables by content (the record's own comparison would compare its maps and lists by reference).</summary>
    /// <param name="other">The other table.</param>
    /// <returns>Whether both have the same columns, values, other values, defaults, scales, unused headers and lookups.</returns>
    public bool Equals(TableProfile? other) => other is not null && (ReferenceEquals(this, other)
        || (SameMap(Columns, other.Columns, SameList)
            && SameMap(Values, other.Values, (mine, theirs) => SameMap(mine, theirs, string.Equals))
            && SameMap(OtherValues, other.OtherValues, string.Equals)
            && SameMap(Defaults, other.Defaults, string.Equals)
            && SameMap(Scales, other.Scales, SameList)
            && SameList(Unused, other.Unused)
            && SameList(Lookups, other.Lookups)));

    /// <summary>Gets a hash of the content, consistent with <see cref="Equals(TableProfile?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(
        Columns?.Count, Values?.Count, OtherValues?.Count, Defaults?.Count, Scales?.Count, Unused.IsDefault ? -1 : Unused.Length, Lookups.IsDefault ? -1 : Lookups.Length);

    /// <summary>The JSON paths, under <paramref name="path"/>, of the maps that are <see langword="null"/> and the lists that are default (<see cref="EvidenceProfile.Unwritable"/>).</summary>
    internal IEnumerable<string> Unwritable(string path)
    {
        (bool Unset, string Name)[] settings =
        [
            (Columns is null, "columns"), (Values is null, "values"), (OtherValues is null, "otherValues"), (Defaults is null, "defaults"),
            (Scales is null, "scales"), (Unused.IsDefault, "unused"), (Lookups.IsDefault, "lookups"),
        ];
        return settings.Where(s => s.Unset).Select(s => $"{path}.{s.Name}")
            .Concat(ProfileMaps.Entries(Columns).Where(c => c.Value.IsDefault).Select(c => $"{path}.columns.{c.Key}"))
            .Concat(ProfileMaps.Entries(Values).Where(v => v.Value is null).Select(v => $"{path}.values.{v.Key}"))
            .Concat(ProfileMaps.Entries(Scales).Where(s => s.Value.IsDefault).Select(s => $"{path}.scales.{s.Key}"));
    }

    /// <summary>Checks the table; the exception's parameter name is the property's JSON path.</summary>
    internal void Check(EvidenceKind kind)
    {
        var path = EvidenceSchema.JsonName(kind);
        var fields = EvidenceSchema.Kinds[kind];
        ImportProfile.Present(Columns, $"{path}.columns");
        ImportProfile.Present(Values, $"{path}.values");
        ImportProfile.Present(OtherValues, $"{path}.otherValues");
        ImportProfile.Present(Defaults, $"{path}.defaults");
        ImportProfile.Present(Scales, $"{path}.scales");
        EvidenceSchema.Field Known(string field, string at) => fields.FirstOrDefault(f => f.Name == field)
            ?? throw new ArgumentException($"'{field}' is not a field of {path}; the fields are {string.Join(", ", fields.Select(f => f.Name))}.", at);

        var fieldOfHeader = new Dictionary<string, string>(StringComparer.Ordinal);
        // In the schema's order, so that a header given to two fields blames the same one every time.
        foreach (var (field, headers) in Columns.OrderBy(c => fields.IndexOf(fields.FirstOrDefault(f => f.Name == c.Key)!)))
        {
            Known(field, $"{path}.columns.{field}");
            if (headers.IsDefaultOrEmpty || headers.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException($"The headers of '{field}' must be a non-empty list of non-blank headers.", $"{path}.columns.{field}");
            }

            foreach (var header in headers)
            {
                if (fieldOfHeader.TryGetValue(ImportProfile.Normalize(header), out var other) && other != field)
                {
                    throw new ArgumentException($"The header '{header}' is given to both '{other}' and '{field}'.", $"{path}.columns.{field}");
                }

                fieldOfHeader[ImportProfile.Normalize(header)] = field;
            }
        }

        foreach (var (field, map) in Values)
        {
            var known = Known(field, $"{path}.values.{field}");
            ImportProfile.Present(map, $"{path}.values.{field}");
            foreach (var (text, meaning) in map)
            {
                known.CheckMeaning(meaning, $"{path}.values.{field}.{text}");
            }
        }

        foreach (var (field, meaning) in OtherValues)
        {
            Known(field, $"{path}.otherValues.{field}").CheckMeaning(meaning, $"{path}.otherValues.{field}");
        }

        foreach (var (field, _) in Defaults)
        {
            Known(field, $"{path}.defaults.{field}");
        }

        foreach (var (field, scale) in Scales)
        {
            if (Known(field, $"{path}.scales.{field}").Type != EvidenceSchema.FieldType.Fraction)
            {
                throw new ArgumentException($"'{field}' is not a fraction, so it has no scale; the fractions are {string.Join(", ", fields.Where(f => f.Type == EvidenceSchema.FieldType.Fraction).Select(f => f.Name))}.", $"{path}.scales.{field}");
            }

            if (scale.IsDefault || scale.Length != 2 || scale[0] >= scale[1])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The scale of '{field}' must be two numbers, the one for 0 and the larger one for 1, such as [0, 100]; got {(scale.IsDefault ? "none" : $"[{string.Join(", ", scale.Select(value => value.ToString(CultureInfo.InvariantCulture)))}]")}."), $"{path}.scales.{field}");
            }
        }

        if (Unused.IsDefault || Unused.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("'unused' must list non-blank headers.", $"{path}.unused");
        }

        if (Lookups.IsDefault)
        {
            throw new ArgumentException("'lookups' must be a list.", $"{path}.lookups");
        }

        var looked = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Lookups.Length; i++)
        {
            var lookup = Lookups[i] ?? throw new ArgumentException("A lookup must not be null.", $"{path}.lookups[{i}]");
            Known(lookup.Field, $"{path}.lookups[{i}].field");
            if (string.IsNullOrWhiteSpace(lookup.KeyColumn))
            {
                throw new ArgumentException("A lookup needs the key column of the export ('keyColumn').", $"{path}.lookups[{i}].keyColumn");
            }

            if (!looked.Add(lookup.Field))
            {
                throw new ArgumentException($"Two lookups give '{lookup.Field}'.", $"{path}.lookups[{i}].field");
            }
        }
    }

    /// <summary>Whether two maps (null when set so in code, before the table is checked) hold the same keys with the same values.</summary>
    private static bool SameMap<T>(ImmutableDictionary<string, T>? mine, ImmutableDictionary<string, T>? theirs, Func<T, T, bool> same) =>
        mine is null || theirs is null
            ? mine is null && theirs is null
            : mine.Count == theirs.Count && mine.All(pair => theirs.TryGetValue(pair.Key, out var value) && same(pair.Value, value));

    /// <summary>Whether two lists (default when set so in code) hold the same items in the same order.</summary>
    private static bool SameList<T>(ImmutableArray<T> mine, ImmutableArray<T> theirs) =>
        mine.IsDefault || theirs.IsDefault ? mine.IsDefault && theirs.IsDefault : mine.SequenceEqual(theirs);
}

/// <summary>The values of a lookup that a <see cref="TableProfile"/> of the profile declares (<see cref="TableProfile.Lookups"/>), for its kind of file.</summary>
/// <param name="Kind">The kind of file whose table declares the lookup; <see cref="EvidenceKind.Opportunities"/> for one of the deals' profile (<see cref="ImportProfile.Lookups"/>).</param>
/// <param name="Values">The values, by key.</param>
public sealed record EvidenceLookup(EvidenceKind Kind, ImportLookup Values);

/// <summary>A kind of CRM export that a <see cref="PortfolioImporter"/> reads.</summary>
public enum EvidenceKind
{
    /// <summary>Partner accounts: id, name, type, tier, district, onboarding day (an account whose type maps to <c>Skip</c> is not a partner).</summary>
    Partners,

    /// <summary>Tasks as promises (<see cref="Commitment"/>): who promised, due day, status and completion day.</summary>
    Commitments,

    /// <summary>Meetings, calls, emails and joint events (<see cref="Interaction"/>) with the side that initiated them.</summary>
    Interactions,

    /// <summary>Cases or tickets: requests with their response times, and escalations with their resolution days.</summary>
    Cases,

    /// <summary>Partner certifications (<see cref="Certification"/>).</summary>
    Certifications,

    /// <summary>Projects or onboardings delivered to customers (<see cref="Delivery"/>).</summary>
    Deliveries,

    /// <summary>Joint plans, one row per review (<see cref="JointPlan"/>, <see cref="PlanReview"/>).</summary>
    PlanReviews,

    /// <summary>The goals of joint plans, one row per check-in (<see cref="PlanGoal"/>, <see cref="GoalCheckIn"/>).</summary>
    GoalCheckIns,

    /// <summary>Deals, read with the profile's <see cref="EvidenceProfile.Opportunities"/> import profile.</summary>
    Opportunities,
}
