using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>Every rule a profile is checked against, each with the path and the sentence that names what is wrong.</summary>
public class ImportProfileCheckTests
{
    private static ImportProfile Valid => ImportProfile.PartnerMetrics;

    /// <summary>
    /// The invalid profiles by name. The theories take the name and build the profile inside the test: a profile cannot be
    /// serialized into a test case, and a theory whose rows cannot be runs as one case, whose rows after the first a
    /// mutation run cannot attribute to any test.
    /// </summary>
    private static readonly Dictionary<string, InvalidCase> InvalidCases = new()
    {
        ["name null"] = new(() => Valid with { Name = null! }, "name", "'name' must be set; leave it out for the default, not null.", false),
        ["columns null"] = new(() => Valid with { Columns = null! }, "columns", "'columns' must be set; leave it out for the default, not null.", false),
        ["outcomes null"] = new(() => Valid with { Outcomes = null! }, "outcomes", "'outcomes' must be set; leave it out for the default, not null.", false),
        ["motions null"] = new(() => Valid with { Motions = null! }, "motions", "'motions' must be set; leave it out for the default, not null.", false),
        ["sources null"] = new(() => Valid with { Sources = null! }, "sources", "'sources' must be set; leave it out for the default, not null.", false),
        ["routes null"] = new(() => Valid with { Routes = null! }, "routes", "'routes' must be set; leave it out for the default, not null.", false),
        ["defaults null"] = new(() => Valid with { Defaults = null! }, "defaults", "'defaults' must be set; leave it out for the default, not null.", false),
        ["currencyColumns null"] = new(() => Valid with { CurrencyColumns = null! }, "currencyColumns", "'currencyColumns' must be set; leave it out for the default, not null.", false),
        ["decimalSeparator null"] = new(() => Valid with { DecimalSeparator = null! }, "decimalSeparator", "'decimalSeparator' must be \".\" or \",\"; got ''.", false),
        ["lookups default"] = new(() => Valid with { Lookups = default }, "lookups", "'lookups' must be a list, empty when there are none.", false),
        ["otherStages 9"] = new(() => Valid with { OtherStages = (DealOutcome)9 }, "otherStages", "'otherStages' must be Open, Won or Lost; got 9.", false),
        ["otherSources 9"] = new(() => Valid with { OtherSources = (DealSource)9 }, "otherSources", "'otherSources' must be one of PartnerSourced, VendorReferred, CoSell, Direct, Unknown; got 9.", false),
        ["columns.id empty"] = new(() => Valid with { Columns = Valid.Columns.SetItem("id", []) }, "columns.id", "The headers of 'id' must be a non-empty list of non-blank headers.", true),
        ["columns.id blank header"] = new(() => Valid with { Columns = Valid.Columns.SetItem("id", ["Id", " "]) }, "columns.id", "The headers of 'id' must be a non-empty list of non-blank headers.", true),
        ["columns.id missing"] = new(() => Valid with { Columns = Valid.Columns.SetItem("id", default) }, "columns.id", "The headers of 'id' must be a non-empty list of non-blank headers.", false),
        ["columns.district shares a header"] = new(() => Valid with { Columns = Valid.Columns.SetItem("district", ["Created-On"]) }, "columns.district", "The header 'Created-On' is given to both 'createdOn' and 'district'.", true),
        ["columns.stage shares a header"] = new(() => Valid with { Columns = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("stage", ["Key"]).Add("id", ["key"]) }, "columns.stage", "The header 'Key' is given to both 'id' and 'stage'.", true),
        ["dateFormats empty"] = new(() => Valid with { DateFormats = [] }, "dateFormats", "'dateFormats' must list at least one date format.", true),
        ["dateFormats missing"] = new(() => Valid with { DateFormats = default }, "dateFormats", "'dateFormats' must list at least one date format.", false),
        ["dateFormats blank"] = new(() => Valid with { DateFormats = ["yyyy-MM-dd", " "] }, "dateFormats", "'dateFormats' must list at least one date format.", true),
        ["dateFormats not a format"] = new(() => Valid with { DateFormats = ["yyyy-MM-dd", "%"] }, "dateFormats", "'%' is not a .NET date format.", true),
        ["decimalSeparator ;"] = new(() => Valid with { DecimalSeparator = ";" }, "decimalSeparator", "'decimalSeparator' must be \".\" or \",\"; got ';'.", true),
        ["decimalSeparator .,"] = new(() => Valid with { DecimalSeparator = ".," }, "decimalSeparator", "'decimalSeparator' must be \".\" or \",\"; got '.,'.", true),
        ["currency US"] = new(() => Valid with { Currency = "US" }, "currency", "'currency' must be an ISO 4217 code of three capital letters, such as USD; got 'US'.", true),
        ["currency USDX"] = new(() => Valid with { Currency = "USDX" }, "currency", "'currency' must be an ISO 4217 code of three capital letters, such as USD; got 'USDX'.", true),
        ["currency UsD"] = new(() => Valid with { Currency = "UsD" }, "currency", "'currency' must be an ISO 4217 code of three capital letters, such as USD; got 'UsD'.", true),
        ["unused missing"] = new(() => Valid with { Unused = default }, "unused", "'unused' must list non-blank headers.", false),
        ["unused blank"] = new(() => Valid with { Unused = ["Notes", ""] }, "unused", "'unused' must list non-blank headers.", true),
        ["defaults unknown field"] = new(() => Valid with { Defaults = Valid.Defaults.Add("colour", "red") }, "defaults.colour", "'colour' is not a field of an opportunity; the fields are " + string.Join(", ", ImportProfile.Fields) + ".", true),
        ["lookups unknown field"] = new(() => Valid with { Lookups = [new() { Field = "district", KeyColumn = "Owner" }, new() { Field = "colour", KeyColumn = "Owner" }] }, "lookups[1].field", "'colour' is not a field of an opportunity; the fields are " + string.Join(", ", ImportProfile.Fields) + ".", true),
        ["lookups null item"] = new(() => Valid with { Lookups = [new() { Field = "district", KeyColumn = "Owner" }, null!] }, "lookups[1]", "A lookup must not be null.", false),
        ["lookups no key column"] = new(() => Valid with { Lookups = [new() { Field = "district", KeyColumn = "Owner" }, new() { Field = "route", KeyColumn = "" }] }, "lookups[1].keyColumn", "A lookup needs the key column of the export ('keyColumn').", true),
        ["outcomes 9"] = new(() => Valid with { Outcomes = Valid.Outcomes.Add("Maybe", (DealOutcome)9) }, "outcomes.Maybe", "'Maybe' maps to 9, which is not a DealOutcome.", false),
        ["motions 9"] = new(() => Valid with { Motions = Valid.Motions.Add("Hunt", (DealMotion)9) }, "motions.Hunt", "'Hunt' maps to 9, which is not a DealMotion.", false),
        ["sources 9"] = new(() => Valid with { Sources = Valid.Sources.Add("Web", (DealSource)9) }, "sources.Web", "'Web' maps to 9, which is not a DealSource.", false),
        ["routes 9"] = new(() => Valid with { Routes = Valid.Routes.Add("Direct", (RouteToMarket)9) }, "routes.Direct", "'Direct' maps to 9, which is not a RouteToMarket.", false),
        ["badRows 2"] = new(() => Valid with { BadRows = (BadRowPolicy)2 }, "badRows", "'badRows' must be Fail or Skip; got 2.", false),
    };

    public static TheoryData<string> Invalid => [.. InvalidCases.Keys];

    /// <summary>The invalid profiles a JSON document can hold: not a missing list (read as empty) nor an enum value outside the type (read by its name).</summary>
    public static TheoryData<string> InvalidInJson => [.. InvalidCases.Where(c => c.Value.InJson).Select(c => c.Key)];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnInvalidProfile_IsRejectedByTheImporter_NamingThePropertyAndTheRule(string name)
    {
        var invalid = InvalidCases[name];
        var error = Assert.Throws<ArgumentException>("profile", () => new OpportunityImporter(invalid.Profile()));

        Assert.StartsWith($"The import profile's '{invalid.Path}' is not valid: {invalid.Sentence}", error.Message, StringComparison.Ordinal);
        Assert.Equal(invalid.Path, Assert.IsType<ArgumentException>(error.InnerException, exactMatch: false).ParamName);
    }

    [Theory]
    [MemberData(nameof(InvalidInJson))]
    public void AnInvalidProfile_IsRejectedWhenLoaded_WithTheSamePath(string name)
    {
        var invalid = InvalidCases[name];
        using var stream = new MemoryStream();
        invalid.Profile().Save(stream);
        stream.Position = 0;

        Assert.Equal($"$.{invalid.Path}", Assert.Throws<JsonException>(() => ImportProfile.Load(stream)).Path);
    }

    /// <summary>The invalid profiles that only code can build and the JSON form cannot hold: a setting that is null, a list that is default.</summary>
    public static TheoryData<string> Unwritable =>
    [
        "name null", "columns null", "outcomes null", "motions null", "sources null", "routes null", "defaults null", "currencyColumns null",
        "decimalSeparator null", "lookups default", "columns.id missing", "dateFormats missing", "unused missing",
    ];

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnInvalidProfile_EqualsOneBuiltAlike_AndNotTheValidOne(string name)
    {
        // A null map or a default list made Equals and GetHashCode throw NullReferenceException or ArgumentNullException ('source').
        var invalid = InvalidCases[name];

        Assert.True(invalid.Profile().Equals(invalid.Profile()));
        Assert.Equal(invalid.Profile().GetHashCode(), invalid.Profile().GetHashCode());
        Assert.False(invalid.Profile().Equals(Valid));
        Assert.False(Valid.Equals(invalid.Profile()));
    }

    [Theory]
    [MemberData(nameof(Unwritable))]
    public void Save_AProfileItsJsonCannotHold_IsRefusedAsTheImporterRefusesIt(string name)
    {
        // Save threw NullReferenceException for a null map or a default list, and wrote a null name or decimal separator
        // as left out, which reads back as the default: a profile the importer refuses saved as one it accepts.
        var invalid = InvalidCases[name];
        using var stream = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(invalid.Path, () => invalid.Profile().Save(stream));

        Assert.StartsWith($"The import profile's '{invalid.Path}' is not valid: {invalid.Sentence}", error.Message, StringComparison.Ordinal);
        Assert.Equal(invalid.Path, Assert.IsType<ArgumentException>(error.InnerException, exactMatch: false).ParamName);
        Assert.Equal(0, stream.Length);
    }

    [Fact]
    public void Equality_ANullMapOrADefaultList_IsNotTheEmptyOne()
    {
        // The importer refuses the first of each pair and reads the second: they do not read an export the same way.
        var empty = new ImportProfile { DateFormats = [] };

        Assert.NotEqual(new ImportProfile { Columns = null! }, new ImportProfile());
        Assert.NotEqual(new ImportProfile { Defaults = null! }, new ImportProfile());
        Assert.NotEqual(new ImportProfile { Unused = default }, new ImportProfile());
        Assert.NotEqual(new ImportProfile { Lookups = default }, new ImportProfile());
        Assert.NotEqual(empty with { DateFormats = default }, empty);
        Assert.NotEqual(Valid with { Columns = Valid.Columns.SetItem("id", default) }, Valid with { Columns = Valid.Columns.SetItem("id", []) });
        Assert.NotEqual(new ImportProfile { Columns = null! }, new ImportProfile { Defaults = null! });
        Assert.Equal(new ImportProfile { Columns = null!, Unused = default }, new ImportProfile { Unused = default, Columns = null! });
    }

    [Fact]
    public void TheSameHeaderTwiceForOneField_IsAllowed()
    {
        var profile = Valid with { Columns = Valid.Columns.SetItem("id", ["Id", "ID", "id"]) };

        Assert.Same(profile, new OpportunityImporter(profile).Profile);
    }

    [Fact]
    public void EveryFieldAndEveryEnumValue_IsAccepted()
    {
        var profile = Valid with
        {
            Defaults = ImportProfile.Fields.ToImmutableDictionary(f => f, _ => "x"),
            Outcomes = Enum.GetValues<DealOutcome>().ToImmutableDictionary(v => $"o{v}", v => v),
            Motions = Enum.GetValues<DealMotion>().ToImmutableDictionary(v => $"m{v}", v => v),
            Sources = Enum.GetValues<DealSource>().ToImmutableDictionary(v => $"s{v}", v => v),
            Routes = Enum.GetValues<RouteToMarket>().ToImmutableDictionary(v => $"r{v}", v => v),
            Currency = "EUR",
            DecimalSeparator = ",",
            BadRows = BadRowPolicy.Skip,
            Lookups = [new() { Field = "district", KeyColumn = "Owner" }],
        };

        Assert.NotNull(new OpportunityImporter(profile, [new ImportLookup("district", [])]));
    }

    [Theory]
    [InlineData("""{"otherSources":"Friends"}""", "$.otherSources", "'Friends'", typeof(DealSource))]
    [InlineData("""{"otherSources":"-1"}""", "$.otherSources", "'-1'", typeof(DealSource))]
    [InlineData("""{"motions":{"Hunt":"newlogo"}}""", "$.motions.Hunt", "'newlogo'", typeof(DealMotion))]
    [InlineData("""{"routes":{"Direct":"2"}}""", "$.routes.Direct", "'2'", typeof(RouteToMarket))]
    [InlineData("""{"sources":{"Web":"Referral"}}""", "$.sources.Web", "'Referral'", typeof(DealSource))]
    [InlineData("""{"outcomes":{"x":"Won, Lost"}}""", "$.outcomes.x", "'Won, Lost'", typeof(DealOutcome))]
    [InlineData("""{"badRows":"1"}""", "$.badRows", "'1'", typeof(BadRowPolicy))]
    public void Load_AValueThatIsNotOneOfTheNames_ListsTheNames(string json, string path, string value, Type names)
    {
        var error = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(path, error.Path);
        Assert.StartsWith($"{value} is not one of {string.Join(", ", Enum.GetNames(names))}.", error.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(error.InnerException, exactMatch: false);
    }

    [Theory]
    [InlineData("""{"dateFormats":["yyyy-MM-dd", "%"]}""", "$.dateFormats", "'%' is not a .NET date format.")]
    [InlineData("""{"lookups":[{"field":"colour","keyColumn":"Owner"}]}""", "$.lookups[0].field", "'colour' is not a field of an opportunity")]
    public void Load_AnInvalidValue_SaysWhatIsWrong(string json, string path, string message)
    {
        var error = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnEmptyObject_IsTheDefaultProfile()
    {
        var profile = ImportProfile.Load(new MemoryStream("{}"u8.ToArray()));

        Assert.Equal(new ImportProfile(), profile);
        Assert.Equal(("custom", ".", BadRowPolicy.Fail), (profile.Name, profile.DecimalSeparator, profile.BadRows));
        Assert.Equal(["yyyy-MM-dd"], profile.DateFormats.ToArray());
        Assert.Equal((null, null, false), (profile.OtherStages, profile.OtherSources, profile.InferMotion));
        Assert.True(profile.Columns.IsEmpty && profile.Defaults.IsEmpty && profile.Unused.IsEmpty && profile.Lookups.IsEmpty);
    }

    [Fact]
    public void Load_EveryProperty_IsRead()
    {
        var profile = ImportProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes("""
            {
              "name": "mine", "description": "My CRM.",
              "columns": { "id": ["Key", "Deal Key"] },
              "dateFormats": ["d.M.yyyy"], "decimalSeparator": ",", "currency": "EUR",
              "outcomes": { "Gewonnen": "Won" }, "otherStages": "Open",
              "motions": { "Neu": "NewLogo" }, "sources": { "Partner": "PartnerSourced" }, "otherSources": "Unknown",
              "routes": { "Indirekt": "Partner" }, "defaults": { "route": "Direct" }, "unused": ["Notiz"],
              "lookups": [{ "field": "district", "keyColumn": "Owner", "valueColumn": "Office" }],
              "inferMotion": true, "badRows": "Skip"
            }
            """)));

        Assert.Equal(("mine", "My CRM.", ",", "EUR"), (profile.Name, profile.Description, profile.DecimalSeparator, profile.Currency));
        Assert.Equal(["Key", "Deal Key"], profile.Columns["id"].ToArray());
        Assert.Equal(["d.M.yyyy"], profile.DateFormats.ToArray());
        Assert.Equal((DealOutcome.Won, DealOutcome.Open), (profile.Outcomes["Gewonnen"], profile.OtherStages));
        Assert.Equal((DealMotion.NewLogo, DealSource.PartnerSourced, DealSource.Unknown, RouteToMarket.Partner), (profile.Motions["Neu"], profile.Sources["Partner"], profile.OtherSources, profile.Routes["Indirekt"]));
        Assert.Equal("Direct", profile.Defaults["route"]);
        Assert.Equal(["Notiz"], profile.Unused.ToArray());
        Assert.Equal(new ImportLookupColumn { Field = "district", KeyColumn = "Owner", ValueColumn = "Office" }, Assert.Single(profile.Lookups));
        Assert.Equal((true, BadRowPolicy.Skip), (profile.InferMotion, profile.BadRows));

        using var saved = new MemoryStream();
        profile.Save(saved);
        saved.Position = 0;
        Assert.Equal(profile, ImportProfile.Load(saved));
    }

    [Fact]
    public void Equality_IsByContent()
    {
        var a = ImportProfile.Salesforce;
        var b = a with { };

        Assert.NotSame(a, b);
        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals(a));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(a with { Currency = "EUR" }));
        Assert.False(a.Equals(a with { Defaults = a.Defaults.Add("route", "Partner") }));
        Assert.NotEqual(a.GetHashCode(), (a with { Name = "other" }).GetHashCode());
    }

    [Fact]
    public void Save_WritesMapsInKeyOrder_AndLeavesOutWhatIsEmpty()
    {
        var profile = new ImportProfile { Motions = ImmutableDictionary<string, DealMotion>.Empty.Add("b", DealMotion.Renewal).Add("a", DealMotion.Upsell) };
        using var stream = new MemoryStream();
        profile.Save(stream);
        var json = Encoding.UTF8.GetString(stream.ToArray());

        Assert.True(json.IndexOf("\"a\"", StringComparison.Ordinal) < json.IndexOf("\"b\"", StringComparison.Ordinal));
        Assert.DoesNotContain("defaults", json, StringComparison.Ordinal);
        Assert.DoesNotContain("unused", json, StringComparison.Ordinal);
        Assert.DoesNotContain("lookups", json, StringComparison.Ordinal);
        Assert.DoesNotContain("outcomes", json, StringComparison.Ordinal);
        Assert.Contains("\"badRows\": \"Fail\"", json, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("utf8Json", () => profile.Save(null!));
        Assert.Throws<ArgumentNullException>("utf8Json", () => ImportProfile.Load(null!));
    }

    [Theory]
    [InlineData("Opportunity ID", "opportunityid")]
    [InlineData("opportunity_id", "opportunityid")]
    [InlineData("Closed-Won", "closedwon")]
    [InlineData(" \tA b\u00A0C ", "abc")]
    [InlineData("", "")]
    [InlineData("___", "")]
    public void Normalize_KeepsOnlyWhatIsCompared(string text, string normalized)
    {
        Assert.Equal(normalized, ImportProfile.Normalize(text));
    }

    [Fact]
    public void BuiltIns_AreEachTheirOwnName()
    {
        Assert.Equal(
            ["partnermetrics", "salesforce", "hubspot", "dynamics"],
            new[] { ImportProfile.PartnerMetrics, ImportProfile.Salesforce, ImportProfile.HubSpot, ImportProfile.Dynamics }.Select(p => p.Name));
        Assert.Throws<ArgumentNullException>("name", () => ImportProfile.BuiltIn(null!));
        Assert.Throws<ArgumentNullException>("text", () => ImportProfile.Normalize(null!));
    }

    /// <summary>An invalid profile, the path its check names, the start of the sentence it gives, and whether a JSON document can hold it.</summary>
    private sealed record InvalidCase(Func<ImportProfile> Profile, string Path, string Sentence, bool InJson);
}
