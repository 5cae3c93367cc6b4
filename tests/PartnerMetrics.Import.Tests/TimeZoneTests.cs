using System.Text;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>Tests that change the process's time zone run alone, so no other test reads a day in it.</summary>
[CollectionDefinition(nameof(ProcessTimeZone), DisableParallelization = true)]
public sealed class ProcessTimeZone;

/// <summary>
/// A timestamp with a zone (HubSpot's and Dynamics's <c>…Z</c>) is read as its day in UTC, on every machine: .NET's parser
/// would convert it to the machine's zone, so the same export gave a deal created on 2024-12-31 in New York and rejected a
/// Dynamics row in Los Angeles (modified "before" it was created).
/// </summary>
[Collection(nameof(ProcessTimeZone))]
public sealed class TimeZoneTests
{
    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("Asia/Tokyo")]
    [InlineData("UTC")]
    public void ATimestampWithAZone_IsReadAsItsDayInUtc_InEveryTimeZone(string zone)
    {
        const string HubSpot = """
            Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal Type,Associated Company
            101,x,closedwon,500,2025-03-04T23:30:00Z,2025-01-01T00:30:00.000Z,newbusiness,C1
            """;
        const string Dynamics = """
            (Do Not Modify) Opportunity,(Do Not Modify) Modified On,Topic,Potential Customer,Status,Est. Revenue,Est. Close Date,Actual Close Date,Created On
            5f1c-0001,2025-03-04T02:00:00Z,Deal 1,Contoso,Won,"$10,000.00",3/31/2025,3/4/2025,3/4/2025 9:00 AM
            """;
        var custom = ImportProfile.PartnerMetrics with { DateFormats = ["yyyy-MM-ddTHH:mm:sszzz"] };
        const string Offset = """
            id,accountId,createdOn,motion,source,route,outcome,amount
            O-1,A-1,2025-03-04T02:00:00+05:00,NewLogo,Direct,Direct,Open,1
            """;

        var (hubspot, dynamics, offset) = InZone(zone, () => (Read(ImportProfile.HubSpot, HubSpot), Read(ImportProfile.Dynamics, Dynamics), Read(custom, Offset)));

        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 4)), (hubspot.CreatedOn, hubspot.ClosedOn!.Value));
        Assert.Equal(new DateOnly(2025, 3, 4), dynamics.LastUpdatedOn);
        Assert.Equal(new DateOnly(2025, 3, 3), offset.CreatedOn);
    }

    private static Opportunity Read(ImportProfile profile, string csv)
    {
        var report = new ImportReport();
        var deals = new OpportunityImporter(profile).ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), report).ToList();
        Assert.Empty(report.Problems);
        return Assert.Single(deals);
    }

    private static T InZone<T>(string zone, Func<T> read)
    {
        var before = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", zone);
            TimeZoneInfo.ClearCachedData();
            Assert.True(TimeZoneInfo.Local.Id == zone, $"This machine has no time-zone data for {zone}: the test cannot move the process there.");
            return read();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", before);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
