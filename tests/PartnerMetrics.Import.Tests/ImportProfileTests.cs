using System.Text;
using System.Text.Json;

namespace PartnerMetrics.Import.Tests;

public class ImportProfileTests
{
    public static TheoryData<string> BuiltIns => [.. ImportProfile.BuiltInNames];

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void BuiltIn_SavedAndLoaded_IsTheSameProfile(string name)
    {
        var profile = ImportProfile.BuiltIn(name);
        using var stream = new MemoryStream();
        profile.Save(stream);
        stream.Position = 0;

        var loaded = ImportProfile.Load(stream);

        Assert.Equal(name, loaded.Name);
        Assert.Equal(Json(profile), Json(loaded));
        Assert.Equal(profile.Columns.Keys.Order(), loaded.Columns.Keys.Order());
        Assert.NotNull(new OpportunityImporter(loaded).Profile);
    }

    [Fact]
    public void BuiltIn_UnknownName_ListsTheNames()
    {
        var error = Assert.Throws<ArgumentException>("name", () => ImportProfile.BuiltIn("pipedrive"));

        Assert.Contains("partnermetrics, salesforce, hubspot, dynamics", error.Message, StringComparison.Ordinal);
        Assert.Equal(ImportProfile.Salesforce, ImportProfile.BuiltIn("SALESFORCE"));
    }

    [Theory]
    [InlineData("""{"colour":"red"}""", "$.colour")]
    [InlineData("""{"columns":{"colour":["Colour"]}}""", "$.columns.colour")]
    [InlineData("""{"columns":{"id":[]}}""", "$.columns.id")]
    [InlineData("""{"columns":{"id":["Key"],"accountId":["key"]}}""", "$.columns.accountId")]
    [InlineData("""{"outcomes":{"Closed Won":"Victory"}}""", "$.outcomes.Closed Won")]
    [InlineData("""{"outcomes":{"Closed Won":"1"}}""", "$.outcomes.Closed Won")]
    [InlineData("""{"otherStages":"Maybe"}""", "$.otherStages")]
    [InlineData("""{"badRows":"Ignore"}""", "$.badRows")]
    [InlineData("""{"decimalSeparator":";"}""", "$.decimalSeparator")]
    [InlineData("""{"currency":"dollars"}""", "$.currency")]
    [InlineData("""{"dateFormats":[]}""", "$.dateFormats")]
    [InlineData("""{"defaults":{"colour":"red"}}""", "$.defaults.colour")]
    [InlineData("""{"lookups":[{"field":"district","keyColumn":" "}]}""", "$.lookups[0].keyColumn")]
    [InlineData("""{"unused":[""]}""", "$.unused")]
    [InlineData("null", "$")]
    public void Load_AnInvalidProfile_NamesThePath(string json, string path)
    {
        var error = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("[]", "$", "Expected an object, got an array.")]
    [InlineData("""{"columns":[]}""", "$.columns", "Expected an object, got an array.")]
    [InlineData("""{"columns":{"amount":"Amount"}}""", "$.columns.amount", "Expected an array, got the string \"Amount\".")]
    [InlineData("""{"inferMotion":"yes"}""", "$.inferMotion", "Expected true or false, got the string \"yes\".")]
    [InlineData("""{"colour":"red"}""", "$.colour", "'colour' is not a property here; the properties are name, description, columns,")]
    public void Load_AProfileOfTheWrongShape_SaysWhatIsExpectedWithoutTypeNames(string json, string path, string because)
    {
        var error = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(because, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Document", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AllowsCommentsAndTrailingCommas()
    {
        var profile = ImportProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes("""
            {
              // a deal export of our own CRM
              "name": "ours",
              "columns": { "id": ["Key"], },
            }
            """)));

        Assert.Equal(("ours", "Key"), (profile.Name, profile.Columns["id"][0]));
        Assert.Equal(["yyyy-MM-dd"], profile.DateFormats.ToArray());
        Assert.Equal(BadRowPolicy.Fail, profile.BadRows);
    }

    [Theory]
    [InlineData("Opportunity ID", "opportunityid")]
    [InlineData("opportunity_id", "opportunityid")]
    [InlineData("Closed-Won", "closedwon")]
    [InlineData(" A\tB ", "ab")]
    [InlineData("", "")]
    public void Normalize_DropsCaseSpacesUnderscoresAndHyphens(string text, string expected) =>
        Assert.Equal(expected, ImportProfile.Normalize(text));

    private static string Json(ImportProfile profile)
    {
        using var stream = new MemoryStream();
        profile.Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
