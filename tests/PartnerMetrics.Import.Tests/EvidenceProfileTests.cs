using System.Text;
using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import.Tests;

public class EvidenceProfileTests
{
    public static TheoryData<string> BuiltIns => [.. EvidenceProfile.BuiltInNames];

    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void BuiltIn_SavedAndLoaded_IsTheSameProfile(string name)
    {
        var profile = EvidenceProfile.BuiltIn(name);
        using var stream = new MemoryStream();
        profile.Save(stream);
        stream.Position = 0;

        var loaded = EvidenceProfile.Load(stream);

        Assert.Equal(name, loaded.Name);
        Assert.Equal(profile, loaded);
        Assert.Equal(ImportProfile.BuiltIn(name), loaded.Opportunities);
        Assert.Equal(Enum.GetValues<EvidenceKind>().Where(k => k != EvidenceKind.Opportunities).Order(), loaded.Tables.Keys.Order());
        Assert.NotNull(new PortfolioImporter(loaded).Profile);
    }

    [Fact]
    public void BuiltIn_UnknownName_ListsTheNames()
    {
        var error = Assert.Throws<ArgumentException>("name", () => EvidenceProfile.BuiltIn("pipedrive"));

        Assert.Contains("salesforce, hubspot", error.Message, StringComparison.Ordinal);
        Assert.Equal(EvidenceProfile.Salesforce, EvidenceProfile.BuiltIn("SalesForce"));
        Assert.NotEqual(EvidenceProfile.Salesforce, EvidenceProfile.HubSpot);
    }

    [Theory]
    [InlineData("""{"colour":"red"}""", "$.colour")]
    [InlineData("""{"partners":{"columns":{"colour":["Colour"]}}}""", "$.partners.columns.colour")]
    [InlineData("""{"partners":{"columns":{"id":[]}}}""", "$.partners.columns.id")]
    [InlineData("""{"partners":{"columns":{"id":["Key"],"name":["key"]}}}""", "$.partners.columns.name")]
    [InlineData("""{"partners":{"values":{"type":{"VAR":"Retailer"}}}}""", "$.partners.values.type.VAR")]
    [InlineData("""{"partners":{"values":{"name":{"A":"B"}}}}""", "$.partners.values.name.A")]
    [InlineData("""{"commitments":{"otherValues":{"status":"Maybe"}}}""", "$.commitments.otherValues.status")]
    [InlineData("""{"deliveries":{"scales":{"satisfaction":[5,1]}}}""", "$.deliveries.scales.satisfaction")]
    [InlineData("""{"deliveries":{"scales":{"date":[0,1]}}}""", "$.deliveries.scales.date")]
    [InlineData("""{"cases":{"defaults":{"colour":"red"}}}""", "$.cases.defaults.colour")]
    [InlineData("""{"dateFormats":[]}""", "$.dateFormats")]
    [InlineData("""{"decimalSeparator":";"}""", "$.decimalSeparator")]
    [InlineData("""{"badRows":"Ignore"}""", "$.badRows")]
    [InlineData("""{"requiredCompetencies":[" "]}""", "$.requiredCompetencies")]
    [InlineData("""{"opportunities":"pipedrive"}""", "$.opportunities")]
    [InlineData("""{"opportunities":{"columns":{"colour":["Colour"]}}}""", "$.opportunities.columns.colour")]
    [InlineData("""{"opportunities":42}""", "$.opportunities")]
    [InlineData("""{"partners":{"columns":{"id":"Account ID"}}}""", "$.partners.columns.id")]
    [InlineData("""{"requiredCompetencies":"Security"}""", "$.requiredCompetencies")]
    public void Load_ABadValue_IsAJsonExceptionWithItsPath(string json, string path)
    {
        var error = Assert.Throws<JsonException>(() => EvidenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal(path, error.Path);
        Assert.DoesNotContain("Document", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ACustomProfile_ReadsItsOwnHeadersAndValues()
    {
        const string Json = """
            {
              "name": "acme",
              "dateFormats": ["dd.MM.yyyy"],
              "decimalSeparator": ",",
              "opportunities": "partnermetrics",
              "partners": {
                "columns": { "id": ["Nr"], "name": ["Firma"], "type": ["Art"] },
                "values": { "type": { "Händler": "Reseller", "Kunde": "Skip" } },
                "defaults": { "createdOn": "2024-01-01" }
              },
              "deliveries": {
                "columns": { "partnerId": ["Nr"], "date": ["Datum"], "onTime": ["Pünktlich"], "satisfaction": ["Note"] },
                "values": { "onTime": { "ja": "Yes", "nein": "No" } },
                "scales": { "satisfaction": [1, 10] }
              }
            }
            """;
        var profile = EvidenceProfile.Load(new MemoryStream(Encoding.UTF8.GetBytes(Json)));

        var (portfolio, _) = EvidenceImportTests.Import(
            profile with { DateFormats = ["dd.MM.yyyy", "yyyy-MM-dd"] },
            (EvidenceKind.Partners, "Nr,Firma,Art\n1,Müller GmbH,Händler\n2,Kunde AG,Kunde\n"),
            (EvidenceKind.Deliveries, "Nr,Datum,Pünktlich,Note\n1,03.02.2025,ja,\"5,5\"\n"));

        var partnership = Assert.Single(portfolio.Partnerships);
        Assert.Equal((PartnerType.Reseller, new DateOnly(2024, 1, 1)), (partnership.Partner.Type, partnership.StartedOn));
        var delivery = Assert.Single(partnership.Deliveries);
        Assert.Equal((new DateOnly(2025, 2, 3), true, 0.5), (delivery.Date, delivery.OnTime, delivery.Satisfaction));
    }

    [Fact]
    public void HubSpot_ReadsCompaniesTasksActivitiesTicketsAndDeals()
    {
        const string Companies = """
            Record ID,Company name,Type,Create Date,Company owner
            101,Gamma Partners,Partner,2024-03-01 10:00,Ann
            102,Delta Reseller,Reseller,2024-04-01 10:00,Bob
            103,Vendor Co,Vendor,2024-05-01 10:00,Ann
            """;
        const string Tasks = """
            Record ID,Task Title,Due date,Task status,Completed at,Associated Company IDs
            1,Send plan,2025-03-10 17:00,Completed,2025-03-12 09:00,101
            2,Call back,2025-03-10 17:00,Not started,,102
            """;
        const string Activities = """
            Record ID,Activity type,Activity date,Direction,Associated Company IDs
            1,CALL,2025-03-01 10:00,INBOUND,101
            2,EMAIL,2025-03-02 10:00,EMAIL,101
            3,MEETING,2025-03-03 10:00,,101
            4,NOTE,2025-03-04 10:00,,101
            """;
        const string Tickets = """
            Ticket ID,Ticket name,Priority,Create date,First agent email response date,Close date,Associated Company IDs (Primary)
            7,Help,Medium,2025-03-05 09:00,2025-03-05 11:00,2025-03-06 09:00,102
            8,Down,Urgent,2025-03-07 09:00,2025-03-07 09:05,2025-03-08 09:00,102
            """;
        const string Deals = """
            Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal Type,Pipeline,Associated Company,Partner
            9,Deal,Closed Won,1000,2025-03-20 12:00,2025-01-02 12:00,newbusiness,Sales Pipeline,Acme,101
            """;

        var (portfolio, report) = EvidenceImportTests.Import(
            EvidenceProfile.HubSpot,
            (EvidenceKind.Partners, Companies),
            (EvidenceKind.Commitments, Tasks),
            (EvidenceKind.Interactions, Activities),
            (EvidenceKind.Cases, Tickets),
            (EvidenceKind.Opportunities, Deals));

        Assert.Equal([("101", PartnerType.Reseller), ("102", PartnerType.Reseller)], portfolio.Partnerships.Select(p => (p.Partner.Id.Value, p.Partner.Type)));
        var gamma = portfolio.Partnerships[0];
        var delta = portfolio.Partnerships[1];
        Assert.Equal((Side.Vendor, CommitmentOutcome.KeptLate), (gamma.Commitments.Single().PromisedBy, gamma.Commitments.Single().Outcome));
        Assert.Equal([(InteractionKind.Call, Side.Partner), (InteractionKind.Email, Side.Vendor), (InteractionKind.Meeting, Side.Vendor)], gamma.Interactions.Select(i => (i.Kind, i.InitiatedBy)));
        Assert.Equal(1L, report.Files[EvidenceKind.Interactions].Excluded);
        Assert.Equal([(InteractionKind.Request, (TimeSpan?)TimeSpan.FromHours(2)), (InteractionKind.Escalation, null)], delta.Interactions.Select(i => (i.Kind, i.ResponseTime)));
        Assert.Equal(CommitmentOutcome.Open, delta.Commitments.Single().Outcome);
        Assert.Equal("9", gamma.Opportunities.Single().Id.Value);
        Assert.All(report.Files.Values, f => Assert.Equal(0L, f.Skipped));
    }

    /// <summary>docs/import.md documents each built-in evidence profile column by column: every field's headers, in the profile's order.</summary>
    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Docs_ListEveryColumnOfTheBuiltInProfile(string name)
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "import.md")).ReplaceLineEndings("\n");
        var start = docs.IndexOf($"**`{name}`**", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/import.md has no section for the built-in evidence profile '{name}'.");
        var section = docs[start..];
        section = section[..(section.IndexOf("\n\n**`", 10, StringComparison.Ordinal) is var next and > 0 ? next : section.IndexOf("\n### ", StringComparison.Ordinal))];

        foreach (var (kind, table) in EvidenceProfile.BuiltIn(name).Tables)
        {
            foreach (var (field, headers) in table.Columns)
            {
                Assert.Contains($"| `{field}` | {string.Join(", ", headers.Select(h => $"`{h}`"))} |", section, StringComparison.Ordinal);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PartnerMetrics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PartnerMetrics.sln above {AppContext.BaseDirectory}.");
    }
}
