using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import;

/// <summary>
/// How one CRM's deal export maps onto <see cref="Opportunity"/>: which headers give which field, how its
/// values, days and amounts are written, what to assume when it does not say, and what to do with a bad row.
/// Profiles are JSON documents (docs/import.md); <see cref="Salesforce"/>, <see cref="HubSpot"/> and
/// <see cref="Dynamics"/> are built in.
/// </summary>
/// <remarks>
/// <para>
/// Headers and mapped values are compared after <see cref="Normalize"/>: case, spaces, underscores and hyphens
/// do not matter, so <c>Closed Won</c>, <c>closedwon</c> and <c>CLOSED_WON</c> are one value.
/// </para>
/// <para>
/// A profile is checked when it is read (<see cref="Load"/>) and when an <see cref="OpportunityImporter"/> is
/// built from it, so a profile assembled in code with an unknown field or culture fails there, naming the property.
/// </para>
/// </remarks>
public sealed record ImportProfile
{
    /// <summary>The fields a column can give: the JSON names of <see cref="Opportunity"/>'s properties, <c>closeOn</c> and <c>wonAmount</c>.</summary>
    /// <remarks>
    /// <para>
    /// <c>closeOn</c> is the one "close date" most CRMs keep: the day a won or lost deal closed, and the day an open deal
    /// is expected to close. It fills <c>closedOn</c> or <c>expectedCloseOn</c> by the deal's outcome, unless a column
    /// gives that field itself.
    /// </para>
    /// <para>
    /// <c>wonAmount</c> is the revenue a CRM records when a deal is won (Dynamics 365's Actual Revenue) beside its
    /// estimate: a won deal's amount where its cell holds one, else <c>amount</c>; an open or lost deal's amount is
    /// always <c>amount</c>, what was at stake.
    /// </para>
    /// </remarks>
    public static readonly ImmutableArray<string> Fields =
    [
        "id", "accountId", "createdOn", "motion", "source", "route", "outcome", "amount", "wonAmount", "partnerId", "district",
        "registeredOn", "lastUpdatedOn", "expectedCloseOn", "closedOn", "closeOn", "lossReason", "stage",
    ];

    /// <summary>Gets the profile's name, such as <c>salesforce</c>.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Gets a sentence on the export the profile reads.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Gets, for each field of <see cref="Fields"/>, the headers that give it, in order of preference: when an export has
    /// several of them, the first listed is read and the others are reported as not used.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Columns { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;

    /// <summary>
    /// Gets the forms of a day, tried in order (.NET custom format strings, such as <c>M/d/yyyy</c> or
    /// <c>yyyy-MM-dd HH:mm</c>); a time of day is dropped, because CRM dates are days.
    /// </summary>
    /// <value>Default: <c>yyyy-MM-dd</c> only.</value>
    public ImmutableArray<string> DateFormats { get; init; } = ["yyyy-MM-dd"];

    /// <summary>
    /// Gets the decimal separator of amounts: <c>.</c> (<c>1,234.50</c>, US and UK) or <c>,</c> (<c>1.234,50</c> or
    /// <c>1 234,50</c>, most of Europe). Thousands separators — comma, point, space, no-break space or apostrophe, whichever is
    /// not the decimal separator — are allowed between groups of three digits; currency symbols and a leading or trailing
    /// ISO currency code are dropped (see <see cref="Currency"/>).
    /// </summary>
    /// <value>Default <c>.</c>.</value>
    public string DecimalSeparator { get; init; } = ".";

    /// <summary>
    /// Gets the reporting currency as an ISO 4217 code, such as <c>USD</c>. An amount written with another code
    /// (<c>EUR 5,000</c>) is a problem: converting currencies is the caller's job. <see langword="null"/>: amounts written
    /// with one code are read as they are; an amount in a second code stops the import with an <see cref="ImportException"/>
    /// at the first of them, whatever <see cref="BadRows"/> says, for amounts in two currencies cannot be added up.
    /// </summary>
    public string? Currency { get; init; }

    /// <summary>
    /// Gets, for a header of <c>amount</c>, the header of the column that gives that amount's currency as an ISO 4217 code,
    /// such as Salesforce's <c>"Amount": "Amount Currency"</c> and HubSpot's <c>"Amount": "Currency"</c>. The code of the
    /// column beside the amount read is taken as if written in the amount's cell (<see cref="Currency"/>): a reporting
    /// currency refuses another code, and without one a second code stops the import. A value that is not a code is a
    /// problem of its row.
    /// </summary>
    public ImmutableDictionary<string, string> CurrencyColumns { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Gets what each stage (or outcome) value means, such as <c>"Closed Won": "Won"</c>. Outcome names themselves always work.</summary>
    public ImmutableDictionary<string, DealOutcome> Outcomes { get; init; } = ImmutableDictionary<string, DealOutcome>.Empty;

    /// <summary>Gets the outcome of a stage that <see cref="Outcomes"/> does not list; <see langword="null"/> makes such a stage a problem.</summary>
    public DealOutcome? OtherStages { get; init; }

    /// <summary>Gets what each type value means, such as <c>"New Customer": "NewLogo"</c>. Motion names themselves always work.</summary>
    public ImmutableDictionary<string, DealMotion> Motions { get; init; } = ImmutableDictionary<string, DealMotion>.Empty;

    /// <summary>Gets what each lead-source value means, such as <c>"Partner Referral": "PartnerSourced"</c>. Source names themselves always work.</summary>
    public ImmutableDictionary<string, DealSource> Sources { get; init; } = ImmutableDictionary<string, DealSource>.Empty;

    /// <summary>Gets the source of a value that <see cref="Sources"/> does not list; <see langword="null"/> makes such a value a problem.</summary>
    public DealSource? OtherSources { get; init; }

    /// <summary>Gets what each route value means. Route names themselves always work.</summary>
    public ImmutableDictionary<string, RouteToMarket> Routes { get; init; } = ImmutableDictionary<string, RouteToMarket>.Empty;

    /// <summary>
    /// Gets a value for a field when no column gives it, or its cell is empty, written as in a cell (for example
    /// <c>"route": "Partner"</c>). Without a default, a missing source or route is <c>Unknown</c>.
    /// </summary>
    public ImmutableDictionary<string, string> Defaults { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Gets headers the profile knows and leaves out on purpose, such as Dynamics' <c>(Do Not Modify) Row Checksum</c> or a
    /// deal's name: they are not reported in <see cref="ImportReport.IgnoredColumns"/>, so <c>--strict</c> does not fail on them.
    /// </summary>
    public ImmutableArray<string> Unused { get; init; } = [];

    /// <summary>Gets the fields read from a second file, by a key column of the export (for example the district from the sales agent's office).</summary>
    public ImmutableArray<ImportLookupColumn> Lookups { get; init; } = [];

    /// <summary>
    /// Gets a value indicating whether a deal's motion is inferred from its account's history (<see cref="MotionInference"/>):
    /// for an export without a motion column, or to replace the one it has. Inference needs every deal before it can
    /// decide any, so the importer reads the input twice (a stream that cannot seek is kept in memory).
    /// </summary>
    public bool InferMotion { get; init; }

    /// <summary>Gets what to do with a row that cannot be read: stop with <see cref="ImportException"/>, or skip it and report it.</summary>
    /// <value>Default <see cref="BadRowPolicy.Fail"/>.</value>
    public BadRowPolicy BadRows { get; init; }

    /// <summary>Gets the profile of a Salesforce opportunity report exported as CSV (the report's column labels, US dates, <c>USD 12,000.00</c>).</summary>
    public static ImportProfile Salesforce => BuiltIn("salesforce");

    /// <summary>Gets the profile of a HubSpot deals export (Record ID, Deal Stage, Create Date <c>2024-08-19 18:33</c>, Deal Type <c>newbusiness</c>).</summary>
    public static ImportProfile HubSpot => BuiltIn("hubspot");

    /// <summary>Gets the profile of a Dynamics 365 Sales opportunity view exported to CSV (Potential Customer, Est. Revenue, Status; motion inferred).</summary>
    public static ImportProfile Dynamics => BuiltIn("dynamics");

    /// <summary>Gets the profile of PartnerMetrics' own CSV form: every field under its JSON name, ISO days, invariant amounts.</summary>
    public static ImportProfile PartnerMetrics => BuiltIn("partnermetrics");

    /// <summary>Gets the names of the built-in profiles.</summary>
    public static ImmutableArray<string> BuiltInNames { get; } = ["partnermetrics", "salesforce", "hubspot", "dynamics"];

    /// <summary>Gets a built-in profile by name.</summary>
    /// <param name="name">One of <see cref="BuiltInNames"/>, in any case.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No built-in profile has that name.</exception>
    public static ImportProfile BuiltIn(string name) =>
        ProfileJson.BuiltIn(name, BuiltInNames, "import profile", key => $"PartnerMetrics.Import.Profiles.{key}.json", Load);

    /// <summary>Reads a profile from UTF-8 JSON and checks it.</summary>
    /// <param name="utf8Json">The JSON; read to its end.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The JSON is not a valid profile: an unknown property, field, culture or value; <see cref="JsonException.Path"/> names it.</exception>
    public static ImportProfile Load(Stream utf8Json) =>
        ProfileJson.Load(utf8Json, ImportJsonContext.Default.ImportProfileDocument, "an import profile", d => d.ToProfile(), p => p.Check());

    /// <summary>Writes the profile as indented UTF-8 JSON, the form <see cref="Load"/> reads: a starting point for a custom profile.</summary>
    /// <param name="utf8Json">The stream to write to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The profile, built in code, holds what the JSON form cannot: a setting that is <see langword="null"/> or a list that is
    /// default. An <see cref="OpportunityImporter"/> refuses such a profile, and this gives its message; the parameter name is the
    /// property's JSON path. Nothing is written.
    /// </exception>
    public void Save(Stream utf8Json) =>
        ProfileJson.Save(utf8Json, Unwritable().Any(), Check, "import profile", () => ImportProfileDocument.From(this), ImportJsonContext.Default.ImportProfileDocument);

    /// <summary>Compares two profiles by content: every column, format, map, default and lookup.</summary>
    /// <param name="other">The other profile.</param>
    /// <returns>Whether both read an export the same way and have the same name and description.</returns>
    public bool Equals(ImportProfile? other) => other is not null && (ReferenceEquals(this, other) || Canonical() == other.Canonical());

    /// <summary>Gets a hash of the content, consistent with <see cref="Equals(ImportProfile?)"/>.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical());

    /// <summary>Reduces a header or a value to the form they are compared in: lower case, without spaces, underscores and hyphens.</summary>
    /// <param name="text">The header or value.</param>
    /// <returns>The normalized text: <c>Opportunity ID</c>, <c>opportunity_id</c> and <c>opportunityId</c> all give <c>opportunityid</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length - Skipped(text), text, static (span, text) =>
        {
            var i = 0;
            foreach (var c in text)
            {
                if (!IsSkipped(c))
                {
                    span[i++] = char.ToLowerInvariant(c);
                }
            }
        });

        static int Skipped(string text)
        {
            var count = 0;
            foreach (var c in text)
            {
                count += IsSkipped(c) ? 1 : 0;
            }

            return count;
        }

        static bool IsSkipped(char c) => c is '_' or '-' || char.IsWhiteSpace(c);
    }

    /// <summary>
    /// The JSON form, with every map in key order, then the paths of what it cannot hold (<see cref="Unwritable"/>), which it
    /// writes as left out or empty: equal for equal content, and a null map is not an empty one.
    /// </summary>
    private string Canonical() =>
        JsonSerializer.Serialize(ImportProfileDocument.From(this), ImportJsonContext.Default.ImportProfileDocument) + string.Concat(Unwritable().Order(StringComparer.Ordinal).Select(path => $"\n{path}"));

    /// <summary>
    /// The JSON paths of what the JSON form cannot hold, which only a profile built in code can: a setting that is
    /// <see langword="null"/> (its JSON form leaves it out, read back as the default) or a list that is default. <see cref="Check"/>
    /// refuses each; <see cref="Save"/> refuses them, and equality compares them, as a default list compares in a <see cref="TableProfile"/>.
    /// </summary>
    internal IEnumerable<string> Unwritable()
    {
        (bool Unset, string Path)[] settings =
        [
            (Name is null, "name"), (Columns is null, "columns"), (DateFormats.IsDefault, "dateFormats"), (DecimalSeparator is null, "decimalSeparator"),
            (CurrencyColumns is null, "currencyColumns"), (Outcomes is null, "outcomes"), (Motions is null, "motions"), (Sources is null, "sources"),
            (Routes is null, "routes"), (Defaults is null, "defaults"), (Unused.IsDefault, "unused"), (Lookups.IsDefault, "lookups"),
        ];
        return settings.Where(s => s.Unset).Select(s => s.Path)
            .Concat(ProfileMaps.Entries(Columns).Where(c => c.Value.IsDefault).Select(c => $"columns.{c.Key}"));
    }

    /// <summary>Checks every property; the exception's parameter name is the property's JSON path.</summary>
    /// <exception cref="ArgumentException">A property is not valid.</exception>
    internal void Check()
    {
        Present(Name, "name");
        Present(Columns, "columns");
        Present(Outcomes, "outcomes");
        Present(Motions, "motions");
        Present(Sources, "sources");
        Present(Routes, "routes");
        Present(Defaults, "defaults");
        if (Lookups.IsDefault)
        {
            throw new ArgumentException("'lookups' must be a list, empty when there are none.", "lookups");
        }

        foreach (var (field, headers) in Columns)
        {
            Known(field, $"columns.{field}");
            if (headers.IsDefaultOrEmpty || headers.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException($"The headers of '{field}' must be a non-empty list of non-blank headers.", $"columns.{field}");
            }
        }

        var fieldOfHeader = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, headers) in Columns.OrderBy(c => Fields.IndexOf(c.Key)))
        {
            foreach (var header in headers)
            {
                if (fieldOfHeader.TryGetValue(Normalize(header), out var other) && other != field)
                {
                    throw new ArgumentException($"The header '{header}' is given to both '{other}' and '{field}'.", $"columns.{field}");
                }

                fieldOfHeader[Normalize(header)] = field;
            }
        }

        if (DateFormats.IsDefaultOrEmpty || DateFormats.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("'dateFormats' must list at least one date format.", "dateFormats");
        }

        foreach (var format in DateFormats)
        {
            try
            {
                _ = DateTime.MinValue.ToString(format, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new ArgumentException($"'{format}' is not a .NET date format.", "dateFormats");
            }
        }

        if (DecimalSeparator is not ("." or ","))
        {
            throw new ArgumentException($"'decimalSeparator' must be \".\" or \",\"; got '{DecimalSeparator}'.", "decimalSeparator");
        }

        if (Currency is not null && (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper)))
        {
            throw new ArgumentException($"'currency' must be an ISO 4217 code of three capital letters, such as USD; got '{Currency}'.", "currency");
        }

        Present(CurrencyColumns, "currencyColumns");
        var amounts = Columns.TryGetValue("amount", out var amountHeaders) ? amountHeaders.Select(Normalize).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var (amount, currency) in CurrencyColumns)
        {
            if (!amounts.Contains(Normalize(amount)))
            {
                throw new ArgumentException($"'{amount}' is not a header of 'amount' in 'columns'; a currency column goes with the amount column beside it.", $"currencyColumns.{amount}");
            }

            if (string.IsNullOrWhiteSpace(currency) || fieldOfHeader.TryGetValue(Normalize(currency), out _))
            {
                throw new ArgumentException($"The currency column of '{amount}' must be a header that gives no field; got '{currency}'.", $"currencyColumns.{amount}");
            }
        }

        if (Unused.IsDefault || Unused.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("'unused' must list non-blank headers.", "unused");
        }

        foreach (var (field, _) in Defaults)
        {
            Known(field, $"defaults.{field}");
        }

        for (var i = 0; i < Lookups.Length; i++)
        {
            var lookup = Lookups[i] ?? throw new ArgumentException("A lookup must not be null.", $"lookups[{i}]");
            Known(lookup.Field, $"lookups[{i}].field");
            if (string.IsNullOrWhiteSpace(lookup.KeyColumn))
            {
                throw new ArgumentException("A lookup needs the key column of the export ('keyColumn').", $"lookups[{i}].keyColumn");
            }
        }

        CheckDefined(Outcomes, "outcomes");
        CheckDefined(Motions, "motions");
        CheckDefined(Sources, "sources");
        CheckDefined(Routes, "routes");
        if (OtherStages is { } otherStages && !Enum.IsDefined(otherStages))
        {
            throw new ArgumentException($"'otherStages' must be Open, Won or Lost; got {(int)otherStages}.", "otherStages");
        }

        if (OtherSources is { } otherSources && !Enum.IsDefined(otherSources))
        {
            throw new ArgumentException($"'otherSources' must be one of {string.Join(", ", Enum.GetNames<DealSource>())}; got {(int)otherSources}.", "otherSources");
        }

        if (!Enum.IsDefined(BadRows))
        {
            throw new ArgumentException($"'badRows' must be Fail or Skip; got {(int)BadRows}.", "badRows");
        }
    }

    private static void Known(string field, string path)
    {
        if (!Fields.Contains(field))
        {
            throw new ArgumentException($"'{field}' is not a field of an opportunity; the fields are {string.Join(", ", Fields)}.", path);
        }
    }

    /// <summary>A property that must be set: null is the one a profile built in code can still hold.</summary>
    internal static void Present(object? value, string path)
    {
        if (value is null)
        {
            throw new ArgumentException($"'{path}' must be set; leave it out for the default, not null.", path);
        }
    }

    private static void CheckDefined<T>(ImmutableDictionary<string, T> map, string path)
        where T : struct, Enum
    {
        foreach (var (value, meaning) in map)
        {
            if (!Enum.IsDefined(meaning))
            {
                throw new ArgumentException($"'{value}' maps to {meaning}, which is not a {typeof(T).Name}.", $"{path}.{value}");
            }
        }
    }
}

/// <summary>A field read from a second file by a key column of the export (<see cref="ImportProfile.Lookups"/>).</summary>
public sealed record ImportLookupColumn
{
    /// <summary>Gets the field the lookup gives, one of <see cref="ImportProfile.Fields"/>, such as <c>district</c>.</summary>
    public required string Field { get; init; }

    /// <summary>Gets the header of the export's column whose value is looked up, such as <c>sales_agent</c>.</summary>
    public required string KeyColumn { get; init; }

    /// <summary>
    /// Gets the header of the column of the second file that holds the field's value, such as <c>regional_office</c>; the
    /// second file's key column has the same header as <see cref="KeyColumn"/>. Used by <see cref="ImportLookup.FromCsv"/>
    /// callers such as the command line; <see langword="null"/> when the caller supplies the values itself.
    /// </summary>
    public string? ValueColumn { get; init; }
}

/// <summary>What an <see cref="OpportunityImporter"/> does with a row that cannot be read.</summary>
public enum BadRowPolicy
{
    /// <summary>Stop at the first bad row with an <see cref="ImportException"/>.</summary>
    Fail,

    /// <summary>Skip the row, record the problem in the <see cref="ImportReport"/>, and go on.</summary>
    Skip,
}

/// <summary>The source-generated JSON metadata of import profiles.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ImportProfileDocument))]
[JsonSerializable(typeof(EvidenceProfileDocument))]
[JsonSerializable(typeof(string))]
internal sealed partial class ImportJsonContext : JsonSerializerContext;
