namespace PartnerMetrics.Import.Tests;

/// <summary>The <c>hubspot</c> evidence profile's activities, as HubSpot exports its calls, meetings and emails.</summary>
public class HubSpotActivityTests
{
    private const string Company = "Record ID,Company name,Type,Create Date\n101,Gamma Partners,Partner,2024-03-01 10:00\n";

    [Fact]
    public void ACallThatNeverConnected_OrAnEmailThatBounced_IsLeftOut()
    {
        // A call made through HubSpot's calling tool or a calling app carries its Call status (hs_call_status) whether or
        // not someone sets a Call outcome, and an email its Email status (hs_email_status): both columns were ignored, so a
        // busy line, an unanswered, failed, missed or canceled call, and an email that bounced or failed to send, were read
        // as a call or an email to the partner. A call's outcome, when set, still decides before its status; a call still
        // ringing or queued is not held yet.
        const string Activities = """
            Record ID,Activity type,Activity date,Direction,Call outcome,Call status,Email status,Associated Company IDs
            1,CALL,2025-03-01 10:00,OUTBOUND,,COMPLETED,,101
            2,CALL,2025-03-02 10:00,OUTBOUND,,BUSY,,101
            3,CALL,2025-03-03 10:00,OUTBOUND,,NO_ANSWER,,101
            4,CALL,2025-03-04 10:00,OUTBOUND,,FAILED,,101
            5,CALL,2025-03-05 10:00,INBOUND,,MISSED,,101
            6,CALL,2025-03-06 10:00,OUTBOUND,,CANCELED,,101
            7,CALL,2025-03-07 10:00,OUTBOUND,No answer,COMPLETED,,101
            8,CALL,2025-03-08 10:00,OUTBOUND,Connected,COMPLETED,,101
            9,CALL,2025-03-09 10:00,OUTBOUND,,RINGING,,101
            10,EMAIL,2025-03-10 10:00,EMAIL,,,SENT,101
            11,EMAIL,2025-03-11 10:00,EMAIL,,,BOUNCED,101
            12,EMAIL,2025-03-12 10:00,EMAIL,,,FAILED,101
            13,INCOMING_EMAIL,2025-03-13 10:00,INCOMING_EMAIL,,,,101
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.HubSpot, (EvidenceKind.Partners, Company), (EvidenceKind.Interactions, Activities));

        Assert.Equal([1, 8, 10, 13], portfolio.Partnerships.Single().Interactions.Select(i => i.Date.Day));
        var file = report.Files[EvidenceKind.Interactions];
        Assert.Equal((13L, 4L, 9L, 0L), (file.Rows, file.Imported, file.Excluded, file.Skipped));
        Assert.Empty(file.IgnoredColumns);
    }
}
