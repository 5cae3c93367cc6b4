using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace PartnerMetrics.Import.Tests;

/// <summary>A saved profile is a readable starting point: its columns in the order of the fields, its defaults by name; and a loaded one names a bad value by its path.</summary>
public class ImportProfileSaveTests
{
    [Fact]
    public void Save_WritesTheColumnsInTheOrderOfTheFields_AndTheDefaultsByName()
    {
        var profile = new ImportProfile
        {
            Columns = ImmutableDictionary<string, ImmutableArray<string>>.Empty
                .Add("stage", ["Stage"]).Add("amount", ["Amount"]).Add("createdOn", ["Created"]).Add("id", ["Key"]).Add("accountId", ["Account"]),
            Defaults = ImmutableDictionary<string, string>.Empty.Add("source", "Partner").Add("route", "Direct").Add("motion", "NewLogo"),
        };
        using var stream = new MemoryStream();

        profile.Save(stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        Assert.Equal(["id", "accountId", "createdOn", "amount", "stage"], json.RootElement.GetProperty("columns").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["motion", "route", "source"], json.RootElement.GetProperty("defaults").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Load_AFieldWithNullForItsHeaders_IsNamedByItsPath()
    {
        var error = Assert.Throws<JsonException>(() => ImportProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes("""{"columns":{"id":null}}"""))));

        Assert.Equal("$.columns.id", error.Path);
        Assert.Equal("The headers of 'id' must be a non-empty list of non-blank headers.", error.Message);
    }
}
