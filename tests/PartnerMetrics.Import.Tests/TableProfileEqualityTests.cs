using System.Collections.Immutable;

namespace PartnerMetrics.Import.Tests;

/// <summary>A table profile is a record: two with the same content are equal, as two evidence profiles are.</summary>
public class TableProfileEqualityTests
{
    private static TableProfile Table(string unused = "Notes", decimal top = 5m) => new()
    {
        Columns = ImmutableDictionary<string, ImmutableArray<string>>.Empty.Add("satisfaction", ["CSAT"]).Add("date", ["Day"]),
        Values = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty.Add("onTime", ImmutableDictionary<string, string>.Empty.Add("late", "No")),
        OtherValues = ImmutableDictionary<string, string>.Empty.Add("onTime", "Skip"),
        Defaults = ImmutableDictionary<string, string>.Empty.Add("description", "none"),
        Scales = ImmutableDictionary<string, ImmutableArray<decimal>>.Empty.Add("satisfaction", [1m, top]),
        Unused = [unused],
        Lookups = [new() { Field = "partnerId", KeyColumn = "Owner" }],
    };

    [Fact]
    public void Equals_TwoTablesBuiltAlike_AreEqual_WithTheSameHash()
    {
        Assert.Equal(Table(), Table());
        Assert.True(Table() == Table());
        Assert.Equal(Table().GetHashCode(), Table().GetHashCode());
        Assert.Equal(TableProfile.Empty, new TableProfile { Unused = [], Lookups = [] });
    }

    [Fact]
    public void Equals_TablesThatReadAnExportDifferently_AreNotEqual()
    {
        Assert.NotEqual(Table(), Table(unused: "Remarks"));
        Assert.NotEqual(Table(), Table(top: 10m));
        Assert.NotEqual(Table(), Table() with { Defaults = ImmutableDictionary<string, string>.Empty.Add("description", "n/a") });
        Assert.NotEqual(Table(), Table() with { Lookups = [] });
        Assert.NotEqual(TableProfile.Empty, new TableProfile { Unused = default });
    }

    [Fact]
    public void Equals_ATableSavedAndLoadedInAProfile_IsTheSameTable()
    {
        var profile = new EvidenceProfile { Tables = ImmutableDictionary<EvidenceKind, TableProfile>.Empty.Add(EvidenceKind.Deliveries, Table()) };
        using var stream = new MemoryStream();
        profile.Save(stream);
        stream.Position = 0;

        Assert.Equal(Table(), EvidenceProfile.Load(stream).Tables[EvidenceKind.Deliveries]);
    }
}
