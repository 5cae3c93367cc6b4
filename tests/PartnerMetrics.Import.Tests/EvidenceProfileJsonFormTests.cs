using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// The JSON form of an evidence profile as <see cref="EvidenceProfile.Save"/> writes it and <see cref="EvidenceProfile.Load"/>
/// reads it: nothing empty is written, every map is written in ordinal key order (so a saved profile diffs cleanly), and
/// a null where a list or map belongs reads as an empty one.
/// </summary>
public class EvidenceProfileJsonFormTests
{
    [Fact]
    public void Save_LeavesOutEmptyListsAndMaps()
    {
        var profile = new EvidenceProfile { Tables = ImmutableDictionary<EvidenceKind, TableProfile>.Empty.Add(EvidenceKind.Partners, TableProfile.Empty) };

        using var saved = Saved(profile);

        Assert.Equal(["name", "dateFormats", "decimalSeparator", "badRows", "partners"], Names(saved.RootElement));
        Assert.Empty(Names(saved.RootElement.GetProperty("partners")));
    }

    [Fact]
    public void Save_WritesWhatIsGiven()
    {
        var profile = new EvidenceProfile
        {
            RequiredCompetencies = ["Security"],
            Tables = ImmutableDictionary<EvidenceKind, TableProfile>.Empty.Add(EvidenceKind.Deliveries, TableProfile.Empty with
            {
                Columns = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("satisfaction", ["CSAT"]),
                Values = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty.Add("onTime", ImmutableDictionary<string, string>.Empty.Add("Y", "Yes")),
                OtherValues = ImmutableDictionary<string, string>.Empty.Add("onTime", "No"),
                Defaults = ImmutableDictionary<string, string>.Empty.Add("onTime", "Yes"),
                Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("satisfaction", [1m, 5m]),
                Unused = ["Notes"],
                Lookups = [new ImportLookupColumn { Field = "onTime", KeyColumn = "Project ID" }],
            }),
        };

        using var saved = Saved(profile);

        Assert.Equal(["name", "dateFormats", "decimalSeparator", "badRows", "requiredCompetencies", "deliveries"], Names(saved.RootElement));
        Assert.Equal(["columns", "values", "otherValues", "defaults", "scales", "unused", "lookups"], Names(saved.RootElement.GetProperty("deliveries")));
        Assert.Equal(profile, Loaded(saved.RootElement.GetRawText()));
    }

    [Fact]
    public void Save_WritesEachMapInOrdinalKeyOrder()
    {
        var profile = new EvidenceProfile
        {
            Tables = ImmutableDictionary<EvidenceKind, TableProfile>.Empty.Add(EvidenceKind.Commitments, TableProfile.Empty with
            {
                Columns = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("status", ["Status"]).Add("side", ["Owner"]).Add("partnerId", ["Account"]),
                Values = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty
                    .Add("status", ImmutableDictionary<string, string>.Empty.Add("b", "Open").Add("a", "Done").Add("C", "Broken"))
                    .Add("side", ImmutableDictionary<string, string>.Empty.Add("V", "Vendor")),
                OtherValues = ImmutableDictionary<string, string>.Empty.Add("status", "Open").Add("side", "Vendor"),
                Defaults = ImmutableDictionary<string, string>.Empty.Add("status", "Open").Add("description", "Task").Add("side", "Vendor"),
            }),
        };

        using var saved = Saved(profile);

        var table = saved.RootElement.GetProperty("commitments");
        Assert.Equal(["partnerId", "side", "status"], Names(table.GetProperty("columns")));
        Assert.Equal(["side", "status"], Names(table.GetProperty("values")));
        Assert.Equal(["C", "a", "b"], Names(table.GetProperty("values").GetProperty("status")));
        Assert.Equal(["side", "status"], Names(table.GetProperty("otherValues")));
        Assert.Equal(["description", "side", "status"], Names(table.GetProperty("defaults")));
    }

    [Theory]
    [InlineData("""{"partners":{"columns":{"id":null}}}""", "$.partners.columns.id", "The headers of 'id' must be a non-empty list of non-blank headers.")]
    [InlineData("""{"deliveries":{"scales":{"satisfaction":null}}}""", "$.deliveries.scales.satisfaction", "The scale of 'satisfaction' must be two numbers, the one for 0 and the larger one for 1, such as [0, 100]; got [].")]
    public void Load_ANullListOfAField_IsAnEmptyList_WhichItsRuleRejects(string json, string path, string message)
    {
        var error = Assert.Throws<JsonException>(() => Loaded(json));

        Assert.Equal((path, message), (error.Path, error.Message));
    }

    [Fact]
    public void Load_ANullValueMapOfAField_IsAnEmptyMap()
    {
        var profile = Loaded("""{"commitments":{"values":{"status":null}}}""");

        Assert.Empty(profile.Tables[EvidenceKind.Commitments].Values["status"]);
    }

    [Fact]
    public void Load_AnUnknownDealsProfileName_ListsTheBuiltInDealsProfiles()
    {
        var error = Assert.Throws<JsonException>(() => Loaded("""{"opportunities":"pipedrive"}"""));

        Assert.Equal(
            ("$.opportunities", $"No built-in import profile is named 'pipedrive'; the built-in profiles are {string.Join(", ", ImportProfile.BuiltInNames)}."),
            (error.Path, error.Message));
    }

    private static JsonDocument Saved(EvidenceProfile profile)
    {
        using var stream = new MemoryStream();
        profile.Save(stream);
        return JsonDocument.Parse(stream.ToArray());
    }

    private static EvidenceProfile Loaded(string json) => EvidenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
