using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>The timestamps of the <c>hubspot</c> profiles, as HubSpot writes its datetime values.</summary>
public class HubSpotDateTests
{
    [Fact]
    public void ADealsTimestampWithAnOffset_IsReadAsItsDayInUtc()
    {
        // HubSpot writes a datetime value as ISO 8601 with its zone, "1997-07-16T19:20:30.45+01:00" in its own words, or
        // with Z: the profile knew only the Z forms with no or three decimals, so an offset, or a fraction of one or two
        // digits, stopped the import as a bad row. A time with a zone is read as its day in UTC (docs/import.md,
        // dateFormats): 23:30 at -05:00 is 04:30 UTC the next day.
        const string Deals = """
            Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal Type,Pipeline,Associated Company
            1,A,closedwon,1000,2024-06-26T10:34:00+02:00,2024-04-25T21:27:00.45+01:00,newbusiness,default,X
            2,B,closedlost,500,2024-06-26T23:30:00-05:00,2024-04-25T21:27:00.5Z,existingbusiness,default,X
            3,C,contractsent,700,2024-09-30T12:00:00.000+00:00,2024-04-25T21:27:00.000Z,existingbusiness,default,X
            """;
        var report = new ImportReport();

        var deals = new OpportunityImporter(ImportProfile.HubSpot).ReadCsv(new StringReader(Deals), report).ToList();

        Assert.Equal(
            [
                (DealOutcome.Won, new DateOnly(2024, 4, 25), (DateOnly?)new DateOnly(2024, 6, 26), (DateOnly?)null),
                (DealOutcome.Lost, new DateOnly(2024, 4, 25), new DateOnly(2024, 6, 27), null),
                (DealOutcome.Open, new DateOnly(2024, 4, 25), null, new DateOnly(2024, 9, 30)),
            ],
            deals.Select(d => (d.Outcome, d.CreatedOn, d.ClosedOn, d.ExpectedCloseOn)));
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void AnActivitysTimestampWithAnOffset_IsReadAsItsDayInUtc()
    {
        const string Company = "Record ID,Company name,Type,Create Date\n101,Gamma Partners,Partner,2024-03-01T10:00:00+01:00\n";
        const string Activities = """
            Record ID,Activity type,Activity date,Meeting outcome,Associated Company IDs
            1,MEETING,2025-03-05T10:00:00.000-05:00,Completed,101
            2,MEETING,2025-03-06T10:00:00+01:00,Completed,101
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.HubSpot, (EvidenceKind.Partners, Company), (EvidenceKind.Interactions, Activities));

        var partnership = portfolio.Partnerships.Single();
        Assert.Equal(new DateOnly(2024, 3, 1), partnership.StartedOn);
        Assert.Equal([new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 6)], partnership.Interactions.Select(i => i.Date));
        Assert.All(report.Files.Values, f => Assert.Equal(0L, f.Skipped));
    }
}
