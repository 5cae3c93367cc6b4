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

    [Fact]
    public void ATimestampInUnixMilliseconds_IsReadAsItsDayInUtc()
    {
        // HubSpot's API gives every date and datetime value as Unix milliseconds ("1427997766000 translates to … 02 Apr
        // 2015 18:02:46 UTC"; a date property is midnight UTC, 1430438400000 for 1 May 2015), and an export written from it
        // keeps them so: such a value stopped the import as a bad row. Read as the day in UTC; a number of other lengths in
        // a date column is no timestamp (20240626 is not 1970-01-01) and stays a problem naming the value.
        const string Deals = """
            Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal Type,Pipeline,Associated Company
            1,A,closedwon,1000,1430438400000,1427997766000,newbusiness,default,X
            2,B,closedlost,500,20240626,1427997766000,existingbusiness,default,X
            """;
        var report = new ImportReport();

        var deals = new OpportunityImporter(ImportProfile.HubSpot with { BadRows = BadRowPolicy.Skip }).ReadCsv(new StringReader(Deals), report).ToList();

        var deal = Assert.Single(deals);
        Assert.Equal((new DateOnly(2015, 4, 2), (DateOnly?)new DateOnly(2015, 5, 1)), (deal.CreatedOn, deal.ClosedOn));
        Assert.StartsWith("line 3, column \"Close Date\", value \"20240626\": not a day", Assert.Single(report.Problems).ToString(), StringComparison.Ordinal);

        const string Company = "Record ID,Company name,Type,Create Date\n101,Gamma Partners,Partner,1709290800000\n";
        const string Tickets = "Ticket ID,Ticket name,Priority,Create date,First agent email response date,Close date,Associated Company IDs\n7,Help,Medium,1741165200000,1741172400000,1741251600000,101\n";
        var (portfolio, _) = EvidenceImportTests.Import(EvidenceProfile.HubSpot, (EvidenceKind.Partners, Company), (EvidenceKind.Cases, Tickets));

        // 1741165200000 is 2025-03-05 09:00 UTC, 1741172400000 two hours later.
        var partnership = portfolio.Partnerships.Single();
        Assert.Equal(new DateOnly(2024, 3, 1), partnership.StartedOn);
        var request = Assert.Single(partnership.Interactions);
        Assert.Equal((new DateOnly(2025, 3, 5), (TimeSpan?)TimeSpan.FromHours(2)), (request.Date, request.ResponseTime));
    }
}
