using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import.Tests;

/// <summary>Every rule an evidence profile and its tables are checked against, each with the path and the sentence that names what is wrong.</summary>
public class EvidenceProfileCheckTests
{
    private static readonly string PartnerFields = "id, name, type, tier, district, onboardedOn, createdOn";

    private static EvidenceProfile With(EvidenceKind kind, TableProfile table) => new() { Tables = ImmutableDictionary<EvidenceKind, TableProfile>.Empty.Add(kind, table) };

    private static TableProfile Partners(Func<TableProfile, TableProfile> change) => change(TableProfile.Empty);

    /// <summary>
    /// The invalid profiles. The theory takes a case's name (its path, numbered when several cases share it) and builds
    /// the profile inside the test: a profile cannot be serialized into a test case, and a theory whose rows cannot be
    /// runs as one case, whose rows after the first a mutation run cannot attribute to any test.
    /// </summary>
    private static readonly Dictionary<string, InvalidCase> InvalidCases = Named(
    [
        new(() => new EvidenceProfile { Name = null! }, "name", "Value cannot be null."),
        new(() => new EvidenceProfile { DateFormats = [] }, "dateFormats", "'dateFormats' must list at least one date format."),
        new(() => new EvidenceProfile { DecimalSeparator = ";" }, "decimalSeparator", "'decimalSeparator' must be \".\" or \",\"; got ';'."),
        new(() => new EvidenceProfile { BadRows = (BadRowPolicy)5 }, "badRows", "'badRows' must be Fail or Skip; got 5."),
        new(() => new EvidenceProfile { RequiredCompetencies = default }, "requiredCompetencies", "'requiredCompetencies' must list non-blank names."),
        new(() => new EvidenceProfile { Tables = null! }, "tables", "'tables' must be set; leave it out for the default, not null."),
        new(() => With(EvidenceKind.Partners, TableProfile.Empty with { Columns = null! }), "partners.columns", "'partners.columns' must be set; leave it out for the default, not null."),
        new(() => With(EvidenceKind.Partners, TableProfile.Empty with { Values = null! }), "partners.values", "'partners.values' must be set; leave it out for the default, not null."),
        new(() => With(EvidenceKind.Partners, TableProfile.Empty with { Values = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty.Add("type", null!) }), "partners.values.type", "'partners.values.type' must be set; leave it out for the default, not null."),
        new(() => With(EvidenceKind.Partners, TableProfile.Empty with { OtherValues = null! }), "partners.otherValues", "'partners.otherValues' must be set; leave it out for the default, not null."),
        new(() => With(EvidenceKind.Partners, TableProfile.Empty with { Defaults = null! }), "partners.defaults", "'partners.defaults' must be set; leave it out for the default, not null."),
        new(() => With(EvidenceKind.Deliveries, TableProfile.Empty with { Scales = null! }), "deliveries.scales", "'deliveries.scales' must be set; leave it out for the default, not null."),
        new(() => new EvidenceProfile { RequiredCompetencies = ["Security", ""] }, "requiredCompetencies", "'requiredCompetencies' must list non-blank names."),
        new(() => new EvidenceProfile { RequiredCompetencies = ["Security", "Azure", "security"] }, "requiredCompetencies", "'requiredCompetencies' lists 'security' more than once (names are compared ignoring case)."),
        new(() => new EvidenceProfile { RequiredCompetencies = ["Security", "Azure "] }, "requiredCompetencies", "'requiredCompetencies' must not list a name that begins or ends with white space, which would match no certification's name; got 'Azure '."),
        new(() => With(EvidenceKind.Opportunities, TableProfile.Empty), "opportunities", "'Opportunities' has no table profile; the deals' profile is 'opportunities'."),
        new(() => With((EvidenceKind)42, TableProfile.Empty), "42", "'42' has no table profile; the deals' profile is 'opportunities'."),
        new(() => With(EvidenceKind.Partners, null!), "partners", "Value cannot be null."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { Columns = t.Columns.Add("colour", ["Colour"]) })), "partners.columns.colour", $"'colour' is not a field of partners; the fields are {PartnerFields}."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { Columns = t.Columns.Add("id", []) })), "partners.columns.id", "The headers of 'id' must be a non-empty list of non-blank headers."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { Columns = t.Columns.Add("id", default) })), "partners.columns.id", "The headers of 'id' must be a non-empty list of non-blank headers."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { Columns = t.Columns.Add("id", ["Id", " "]) })), "partners.columns.id", "The headers of 'id' must be a non-empty list of non-blank headers."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { Columns = t.Columns.Add("name", ["Key"]).Add("id", ["key"]) })), "partners.columns.name", "The header 'Key' is given to both 'id' and 'name'."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { Values = t.Values.Add("name", ImmutableDictionary<string, string>.Empty.Add("A", "B")) })), "partners.values.name.A", "'name' is not a field with a few values, so its values are not mapped."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { Values = t.Values.Add("colour", ImmutableDictionary<string, string>.Empty) })), "partners.values.colour", $"'colour' is not a field of partners; the fields are {PartnerFields}."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { Values = t.Values.Add("type", ImmutableDictionary<string, string>.Empty.Add("VAR", "Retailer")) })), "partners.values.type.VAR", $"'Retailer' is not one of {string.Join(", ", Enum.GetNames<PartnerType>())} or Skip."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { OtherValues = t.OtherValues.Add("type", "Retailer") })), "partners.otherValues.type", $"'Retailer' is not one of {string.Join(", ", Enum.GetNames<PartnerType>())} or Skip."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { OtherValues = t.OtherValues.Add("colour", "Skip") })), "partners.otherValues.colour", $"'colour' is not a field of partners; the fields are {PartnerFields}."),
        new(() => With(EvidenceKind.Partners, Partners(t => t with { Defaults = t.Defaults.Add("colour", "red") })), "partners.defaults.colour", $"'colour' is not a field of partners; the fields are {PartnerFields}."),
        new(() => With(EvidenceKind.Deliveries, TableProfile.Empty with { Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("colour", [0m, 1m]) }), "deliveries.scales.colour", "'colour' is not a field of deliveries; the fields are partnerId, date, onTime, satisfaction, description."),
        new(() => With(EvidenceKind.Deliveries, TableProfile.Empty with { Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("date", [0m, 1m]) }), "deliveries.scales.date", "'date' is not a fraction, so it has no scale; the fractions are satisfaction."),
        new(() => With(EvidenceKind.GoalCheckIns, TableProfile.Empty with { Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("target", [0m, 1m]) }), "goalCheckIns.scales.target", "'target' is not a fraction, so it has no scale; the fractions are progress."),
        new(() => With(EvidenceKind.Deliveries, TableProfile.Empty with { Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("satisfaction", [1m, 1m]) }), "deliveries.scales.satisfaction", "The scale of 'satisfaction' must be two numbers, the one for 0 and the larger one for 1, such as [0, 100]; got [1, 1]."),
        new(() => With(EvidenceKind.Deliveries, TableProfile.Empty with { Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("satisfaction", [1m, 2m, 3m]) }), "deliveries.scales.satisfaction", "The scale of 'satisfaction' must be two numbers, the one for 0 and the larger one for 1, such as [0, 100]; got [1, 2, 3]."),
        new(() => With(EvidenceKind.Deliveries, TableProfile.Empty with { Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("satisfaction", [1m]) }), "deliveries.scales.satisfaction", "The scale of 'satisfaction' must be two numbers, the one for 0 and the larger one for 1, such as [0, 100]; got [1]."),
        new(() => With(EvidenceKind.Deliveries, TableProfile.Empty with { Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("satisfaction", default) }), "deliveries.scales.satisfaction", "The scale of 'satisfaction' must be two numbers, the one for 0 and the larger one for 1, such as [0, 100]; got none."),
        new(() => With(EvidenceKind.Deliveries, TableProfile.Empty with { Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("satisfaction", [5m, 1m]) }), "deliveries.scales.satisfaction", "The scale of 'satisfaction' must be two numbers, the one for 0 and the larger one for 1, such as [0, 100]; got [5, 1]."),
        new(() => With(EvidenceKind.Cases, TableProfile.Empty with { Unused = default }), "cases.unused", "'unused' must list non-blank headers."),
        new(() => With(EvidenceKind.Cases, TableProfile.Empty with { Unused = ["Notes", " "] }), "cases.unused", "'unused' must list non-blank headers."),
        new(() => With(EvidenceKind.Cases, TableProfile.Empty with { Lookups = default }), "cases.lookups", "'lookups' must be a list."),
        new(() => With(EvidenceKind.Cases, TableProfile.Empty with { Lookups = [new() { Field = "side", KeyColumn = "Owner" }, null!] }), "cases.lookups[1]", "A lookup must not be null."),
        new(() => With(EvidenceKind.Cases, TableProfile.Empty with { Lookups = [new() { Field = "side", KeyColumn = "Owner" }, new() { Field = "colour", KeyColumn = "Owner" }] }), "cases.lookups[1].field", "'colour' is not a field of cases; the fields are partnerId, openedAt, kind, side, respondedAt, responseHours, closedOn, subject, state."),
        new(() => With(EvidenceKind.Cases, TableProfile.Empty with { Lookups = [new() { Field = "side", KeyColumn = "Owner" }, new() { Field = "kind", KeyColumn = " " }] }), "cases.lookups[1].keyColumn", "A lookup needs the key column of the export ('keyColumn')."),
        new(() => With(EvidenceKind.Cases, TableProfile.Empty with { Lookups = [new() { Field = "side", KeyColumn = "Owner" }, new() { Field = "side", KeyColumn = "Team" }] }), "cases.lookups[1].field", "Two lookups give 'side'."),
        new(() => new EvidenceProfile { Opportunities = ImportProfile.PartnerMetrics with { Currency = "usd" } }, "currency", "'currency' must be an ISO 4217 code of three capital letters, such as USD; got 'usd'."),
        new(() => new EvidenceProfile { DateFormats = default }, "dateFormats", "'dateFormats' must list at least one date format."),
        new(() => new EvidenceProfile { DecimalSeparator = null! }, "decimalSeparator", "'decimalSeparator' must be \".\" or \",\"; got ''."),
        new(() => new EvidenceProfile { Opportunities = ImportProfile.PartnerMetrics with { Columns = null! } }, "columns", "'columns' must be set; leave it out for the default, not null."),
    ]);

    public static TheoryData<string> Invalid => [.. InvalidCases.Keys];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnInvalidProfile_IsRejectedByTheImporter_NamingThePropertyAndTheRule(string name)
    {
        var invalid = InvalidCases[name];
        var error = Assert.Throws<ArgumentException>("profile", () => new PortfolioImporter(invalid.Profile()));

        Assert.Equal($"The evidence profile's '{invalid.Path}' is not valid: {invalid.Sentence} (Parameter 'profile')", error.Message);
        Assert.Equal(invalid.Path, Assert.IsType<ArgumentException>(error.InnerException, exactMatch: false).ParamName);
    }

    /// <summary>The invalid profiles that only code can build and the JSON form cannot hold: a setting that is null, a list that is default, a table of a kind without one.</summary>
    public static TheoryData<string> Unwritable =>
    [
        "name", "dateFormats (2)", "decimalSeparator (2)", "requiredCompetencies", "tables", "partners", "opportunities", "42",
        "partners.columns", "partners.columns.id (2)", "partners.values", "partners.values.type", "partners.otherValues", "partners.defaults",
        "deliveries.scales", "deliveries.scales.satisfaction (4)", "cases.unused", "cases.lookups", "columns",
    ];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnInvalidProfile_EqualsOneBuiltAlike_AndNotTheDefaultOne(string name)
    {
        // A null map or a default list, in the profile, a table or the deals' profile, made Equals and GetHashCode throw
        // NullReferenceException or ArgumentNullException; a table the JSON form has no place for was equal to none.
        var invalid = InvalidCases[name];

        Assert.True(invalid.Profile().Equals(invalid.Profile()));
        Assert.Equal(invalid.Profile().GetHashCode(), invalid.Profile().GetHashCode());
        Assert.False(invalid.Profile().Equals(new EvidenceProfile()));
        Assert.False(new EvidenceProfile().Equals(invalid.Profile()));
    }

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void Save_AProfileItsJsonCannotHold_IsRefusedAsTheImporterRefusesIt(string name)
    {
        // Save threw NullReferenceException or ArgumentNullException for a null map or a default list, and left out a null
        // name, decimal separator or table and a table of a kind without one, which read back as the default or as none.
        var invalid = InvalidCases[name];
        using var stream = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(invalid.Path, () => invalid.Profile().Save(stream));

        Assert.Equal($"The evidence profile's '{invalid.Path}' is not valid: {invalid.Sentence} (Parameter '{invalid.Path}')", error.Message);
        Assert.Equal(invalid.Path, Assert.IsType<ArgumentException>(error.InnerException, exactMatch: false).ParamName);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Equality_ANullMapOrADefaultList_IsNotTheEmptyOne()
    {
        // The importer refuses the first of each pair and reads the second: they do not read the exports the same way.
        static EvidenceProfile Cases(TableProfile table) => With(EvidenceKind.Cases, table);

        Assert.NotEqual(new EvidenceProfile { Tables = null! }, new EvidenceProfile());
        Assert.NotEqual(new EvidenceProfile { RequiredCompetencies = default }, new EvidenceProfile());
        Assert.NotEqual(Cases(null!), new EvidenceProfile());
        Assert.NotEqual(Cases(TableProfile.Empty with { Unused = default }), Cases(TableProfile.Empty));
        Assert.NotEqual(Cases(TableProfile.Empty with { Defaults = null! }), Cases(TableProfile.Empty));
        Assert.NotEqual(Cases(TableProfile.Empty with { Defaults = null! }), Cases(TableProfile.Empty with { OtherValues = null! }));
        Assert.NotEqual(new EvidenceProfile { Opportunities = new ImportProfile { Lookups = default } }, new EvidenceProfile { Opportunities = new ImportProfile() });
        Assert.Equal(Cases(TableProfile.Empty with { Unused = default }).GetHashCode(), Cases(TableProfile.Empty with { Unused = default }).GetHashCode());
    }

    [Fact]
    public void EveryMeaningAndSkip_AreAccepted()
    {
        var profile = With(EvidenceKind.Commitments, TableProfile.Empty with
        {
            Values = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty
                .Add("status", ImmutableDictionary<string, string>.Empty.Add("a", "Open").Add("b", "Done").Add("c", "Kept").Add("d", "KeptLate").Add("e", "Broken").Add("f", "Skip"))
                .Add("side", ImmutableDictionary<string, string>.Empty.Add("us", "Vendor").Add("them", "Partner")),
            OtherValues = ImmutableDictionary<string, string>.Empty.Add("status", "Skip"),
            Columns = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("partnerId", ["Account", "account"]),
        });

        Assert.Same(profile, new PortfolioImporter(profile).Profile);
        var scaled = With(EvidenceKind.Deliveries, TableProfile.Empty with { Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("satisfaction", [-1m, 0m]) });
        Assert.Same(scaled, new PortfolioImporter(scaled).Profile);
    }

    [Theory]
    [InlineData("""{"badRows":"1"}""", "$.badRows", "'1' is not one of Fail, Skip.")]
    [InlineData("""{"badRows":"skip"}""", "$.badRows", "'skip' is not one of Fail, Skip.")]
    [InlineData("""{"opportunities":"pipedrive"}""", "$.opportunities", "No built-in import profile is named 'pipedrive'; the built-in profiles are partnermetrics, salesforce, hubspot, dynamics.")]
    [InlineData("""{"opportunities":42}""", "$.opportunities", "'opportunities' must be the name of a built-in deals profile, such as \"salesforce\", or a profile object.")]
    [InlineData("""{"opportunities":{"decimalSeparator":";"}}""", "$.opportunities.decimalSeparator", "'decimalSeparator' must be \".\" or \",\"; got ';'.")]
    [InlineData("""{"opportunities":{"outcomes":{"Won":"Victory"}}}""", "$.opportunities.outcomes.Won", "'Victory' is not one of Open, Won, Lost.")]
    public void Load_AnInvalidValue_SaysWhatIsWrong(string json, string path, string message)
    {
        var error = Assert.Throws<JsonException>(() => EvidenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnOpportunitiesObjectOfTheWrongShape_NamesThePathInsideIt()
    {
        var error = Assert.Throws<JsonException>(() => EvidenceProfile.Load(new MemoryStream("""{"opportunities":{"colour":1}}"""u8.ToArray())));

        Assert.Equal("$.opportunities.colour", error.Path);
    }

    [Fact]
    public void Load_AnEmptyObject_IsTheDefaultProfile()
    {
        var profile = EvidenceProfile.Load(new MemoryStream("{}"u8.ToArray()));

        Assert.Equal(new EvidenceProfile(), profile);
        Assert.Equal(("custom", ".", BadRowPolicy.Fail, (ImportProfile?)null), (profile.Name, profile.DecimalSeparator, profile.BadRows, profile.Opportunities));
        Assert.Equal(["yyyy-MM-dd"], profile.DateFormats.ToArray());
        Assert.True(profile.Tables.IsEmpty && profile.RequiredCompetencies.IsEmpty);
    }

    [Fact]
    public void SaveAndLoad_KeepsEveryTableProperty_AndADealsProfileByNameOrInFull()
    {
        var table = new TableProfile
        {
            Columns = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("satisfaction", ["CSAT"]).Add("date", ["Day"]),
            Values = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty.Add("onTime", ImmutableDictionary<string, string>.Empty.Add("late", "No").Add("fine", "Yes")),
            OtherValues = ImmutableDictionary<string, string>.Empty.Add("onTime", "Skip"),
            Defaults = ImmutableDictionary<string, string>.Empty.Add("description", "none").Add("date", "2024-01-01"),
            Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("satisfaction", [1m, 5m]),
            Unused = ["Notes"],
            Lookups = [new() { Field = "partnerId", KeyColumn = "Owner", ValueColumn = "Account" }],
        };
        foreach (var deals in new ImportProfile?[] { ImportProfile.HubSpot, ImportProfile.HubSpot with { Currency = "EUR" }, null })
        {
            var profile = new EvidenceProfile
            {
                Name = "mine",
                Description = "Mine.",
                DateFormats = ["d.M.yyyy"],
                DecimalSeparator = ",",
                BadRows = BadRowPolicy.Skip,
                RequiredCompetencies = ["Security"],
                Tables = ImmutableDictionary<EvidenceKind, TableProfile>.Empty.Add(EvidenceKind.Deliveries, table),
                Opportunities = deals,
            };
            using var stream = new MemoryStream();
            profile.Save(stream);
            var json = Encoding.UTF8.GetString(stream.ToArray());
            stream.Position = 0;

            var loaded = EvidenceProfile.Load(stream);

            Assert.Equal(profile, loaded);
            Assert.Equal(profile.GetHashCode(), loaded.GetHashCode());
            Assert.Equal(deals, loaded.Opportunities);
            Assert.Equal(("mine", "Mine.", ",", BadRowPolicy.Skip), (loaded.Name, loaded.Description, loaded.DecimalSeparator, loaded.BadRows));
            Assert.Equal(["Security"], loaded.RequiredCompetencies.ToArray());
            var read = loaded.Tables[EvidenceKind.Deliveries];
            Assert.Equal(["CSAT"], read.Columns["satisfaction"].ToArray());
            Assert.Equal("No", read.Values["onTime"]["late"]);
            Assert.Equal("Skip", read.OtherValues["onTime"]);
            Assert.Equal("none", read.Defaults["description"]);
            Assert.Equal([1m, 5m], read.Scales["satisfaction"].ToArray());
            Assert.Equal(["Notes"], read.Unused.ToArray());
            Assert.Equal(table.Lookups[0], Assert.Single(read.Lookups));
            Assert.Equal(deals is null ? 1 : 2, loaded.Tables.Count + (deals is null ? 0 : 1));
            Assert.Equal(deals == ImportProfile.HubSpot, json.Contains("\"opportunities\": \"hubspot\"", StringComparison.Ordinal));
            Assert.True(json.IndexOf("\"date\"", StringComparison.Ordinal) < json.IndexOf("\"satisfaction\": [", StringComparison.Ordinal));
            Assert.True(json.IndexOf("\"fine\"", StringComparison.Ordinal) < json.IndexOf("\"late\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Equality_IsByContent()
    {
        var a = EvidenceProfile.Salesforce;
        var b = EvidenceProfile.Salesforce;

        Assert.True(a.Equals(b));
        Assert.True(a.Equals(a));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(a with { RequiredCompetencies = ["Security"] }));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(EvidenceProfile.Fields[EvidenceKind.Partners].ToArray(), PartnerFields.Split(", "));
        Assert.False(EvidenceProfile.Fields.ContainsKey(EvidenceKind.Opportunities));
        Assert.Throws<ArgumentNullException>("name", () => EvidenceProfile.BuiltIn(null!));
        Assert.Throws<ArgumentNullException>("utf8Json", () => a.Save(null!));
    }

    [Fact]
    public void TheImporter_ChecksItsLookups()
    {
        var profile = With(EvidenceKind.Cases, TableProfile.Empty with { Lookups = [new() { Field = "side", KeyColumn = "Owner" }] });
        var sides = new ImportLookup("side", [new("ann", "Vendor")]);

        Assert.StartsWith(
            "The profile looks 'side' of the cases file up by \"Owner\", but no lookup values were given for it.",
            Assert.Throws<ArgumentException>("lookups", () => new PortfolioImporter(profile, [new EvidenceLookup(EvidenceKind.Commitments, sides)])).Message,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "Two lookups give 'side' of the cases file.",
            Assert.Throws<ArgumentException>("lookups", () => new PortfolioImporter(profile, [new EvidenceLookup(EvidenceKind.Cases, sides), new EvidenceLookup(EvidenceKind.Cases, sides)])).Message,
            StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("lookups", () => new PortfolioImporter(profile, [null!]));
        Assert.Throws<ArgumentNullException>("lookups", () => new PortfolioImporter(profile, [new EvidenceLookup(EvidenceKind.Cases, null!)]));
        Assert.NotNull(new PortfolioImporter(profile, [new EvidenceLookup(EvidenceKind.Cases, sides)]));

        var deals = new EvidenceProfile { Opportunities = ImportProfile.PartnerMetrics with { Lookups = [new() { Field = "district", KeyColumn = "Owner" }] } };
        Assert.StartsWith(
            "The profile looks 'district' of the opportunities file up by \"Owner\"",
            Assert.Throws<ArgumentException>("lookups", () => new PortfolioImporter(deals)).Message,
            StringComparison.Ordinal);
        Assert.NotNull(new PortfolioImporter(deals, [new EvidenceLookup(EvidenceKind.Opportunities, new ImportLookup("district", []))]));
        Assert.Throws<ArgumentNullException>("profile", () => new PortfolioImporter(null!));
    }

    /// <summary>Names each case by its path, numbered from the second case with the same path on.</summary>
    private static Dictionary<string, InvalidCase> Named(InvalidCase[] cases)
    {
        var named = new Dictionary<string, InvalidCase>();
        foreach (var invalid in cases)
        {
            var name = invalid.Path;
            for (var n = 2; named.ContainsKey(name); n++)
            {
                name = $"{invalid.Path} ({n})";
            }

            named.Add(name, invalid);
        }

        return named;
    }

    /// <summary>An invalid profile, the path its check names and the sentence it gives.</summary>
    private sealed record InvalidCase(Func<EvidenceProfile> Profile, string Path, string Sentence);
}
