using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import.Tests;

/// <summary>The <c>dynamics</c> evidence profile's activities, as Export to Excel writes the All Activities and appointment views.</summary>
public class DynamicsActivityTests
{
    private const string Accounts = "(Do Not Modify) Account,Account Name,Relationship Type,Created On\nP-1,Contoso Partners,Partner,3/1/2024\n";

    [Fact]
    public void ARecurringAppointmentSeries_IsNoMeetingBesideItsOccurrences()
    {
        // Dataverse stores a recurring appointment's series as an activity of its own (Activity Type "Recurring Appointment")
        // and each occurrence as an Appointment: the All Activities view lists both, so the series was read as one more
        // meeting, on the day of its first occurrence, beside the occurrence itself.
        const string Activities = """
            Subject,Regarding,Activity Type,Activity Status,Direction,Actual End
            Weekly sync,Contoso Partners,Recurring Appointment,Completed,,3/3/2025 10:00 AM
            Weekly sync,Contoso Partners,Appointment,Completed,,3/3/2025 10:00 AM
            Weekly sync,Contoso Partners,Appointment,Completed,,3/10/2025 10:00 AM
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Interactions, Activities));

        Assert.Equal(
            [(new DateOnly(2025, 3, 3), InteractionKind.Meeting), (new DateOnly(2025, 3, 10), InteractionKind.Meeting)],
            portfolio.Partnerships.Single().Interactions.Select(i => (i.Date, i.Kind)));
        Assert.Equal((3L, 2L, 1L, 0L), (report.Files[EvidenceKind.Interactions].Rows, report.Files[EvidenceKind.Interactions].Imported, report.Files[EvidenceKind.Interactions].Excluded, report.Files[EvidenceKind.Interactions].Skipped));
    }

    [Fact]
    public void AScheduledAppointment_IsAMeetingOnItsStart_AsAScheduledHubSpotMeetingIs()
    {
        // Dynamics 365 saves an appointment in the Scheduled state (status reason Busy) and leaves it there, after its day
        // too, until someone marks it complete or canceled; HubSpot leaves a booked meeting's outcome Scheduled the same
        // way. HubSpot's was read as a meeting on its day and Dynamics' was left out, so one meeting counted in one CRM and
        // not in the other. Both are now a meeting on the day it was booked for (the scorer sees it from that day on, as
        // anything dated after its as-of day is invisible); a canceled one, or a HubSpot no-show, is not. Dynamics sets an
        // appointment's Actual End when it is closed, so a Scheduled one has none and is read on its Start Date. An Open
        // appointment (Free or Tentative) and an Open phone call are still not held.
        const string Activities = """
            Subject,Regarding,Activity Type,Activity Status,Direction,Start Date,Actual End
            Quarterly review,Contoso Partners,Appointment,Scheduled,,3/5/2025 9:00 AM,
            Kick-off,Contoso Partners,Appointment,Completed,,3/4/2025 9:00 AM,3/4/2025 10:00 AM
            Maybe lunch,Contoso Partners,Appointment,Open,,3/6/2025 12:00 PM,
            Call back,Contoso Partners,Phone Call,Open,Outgoing,3/7/2025 9:00 AM,
            Called off,Contoso Partners,Appointment,Canceled,,3/8/2025 9:00 AM,3/8/2025 8:00 AM
            """;
        const string HubSpotCompany = "Record ID,Company name,Type,Create Date\n101,Contoso Partners,Partner,2024-03-01 10:00\n";
        const string HubSpotMeetings = "Record ID,Activity type,Activity date,Meeting outcome,Associated Company IDs\n1,MEETING,2025-03-05 09:00,Scheduled,101\n";

        var (dynamics, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Interactions, Activities));
        var (hubSpot, _) = EvidenceImportTests.Import(EvidenceProfile.HubSpot, (EvidenceKind.Partners, HubSpotCompany), (EvidenceKind.Interactions, HubSpotMeetings));

        Assert.Equal(
            [(new DateOnly(2025, 3, 4), InteractionKind.Meeting, Side.Vendor), (new DateOnly(2025, 3, 5), InteractionKind.Meeting, Side.Vendor)],
            dynamics.Partnerships.Single().Interactions.OrderBy(i => i.Date).Select(i => (i.Date, i.Kind, i.InitiatedBy)));
        Assert.Equal((5L, 2L, 3L, 0L), (report.Files[EvidenceKind.Interactions].Rows, report.Files[EvidenceKind.Interactions].Imported, report.Files[EvidenceKind.Interactions].Excluded, report.Files[EvidenceKind.Interactions].Skipped));
        Assert.Empty(report.Files[EvidenceKind.Interactions].IgnoredColumns);
        var meeting = Assert.Single(hubSpot.Partnerships.Single().Interactions);
        Assert.Equal((new DateOnly(2025, 3, 5), InteractionKind.Meeting, Side.Vendor), (meeting.Date, meeting.Kind, meeting.InitiatedBy));
    }

    [Fact]
    public void AnActivityWithoutAStatus_AndWithoutItsActualEnd_IsStillAProblem_NotReadOnItsStart()
    {
        // Without a status column nothing says an activity happened: an empty Actual End is a problem of its row, as before,
        // rather than the planned start read as a meeting held.
        const string Activities = """
            Subject,Regarding,Activity Type,Direction,Start Date,Actual End
            Quarterly review,Contoso Partners,Appointment,,3/5/2025 9:00 AM,
            """;

        var error = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Interactions, Activities)));

        Assert.Contains("line 2, column \"Actual End\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AViewWithoutAStatus_ReadsTheFirstDateColumnOnly_AndSaysTheOtherIsNotUsed()
    {
        // Only a row whose state says it happened is read on a later date column; a view without a status column never is,
        // so its second date column is not used, and the report says so, as for any field two columns give.
        const string Activities = """
            Subject,Regarding,Activity Type,Direction,Actual End,Start Date
            Pipeline question,Contoso Partners,Phone Call,Incoming,3/1/2025 10:30 AM,3/1/2025 10:00 AM
            """;

        var (_, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Interactions, Activities));

        var file = report.Files[EvidenceKind.Interactions];
        Assert.Equal("Start Date", Assert.Single(file.IgnoredColumns));
        Assert.Contains("Both \"Actual End\" and \"Start Date\" give 'date'; \"Actual End\" is read, because the profile lists it first.", file.Notices);
    }

    [Fact]
    public void ACaseMergedIntoAnother_IsLeftOut_NotCountedTwice()
    {
        // Merging two Dynamics 365 cases moves what the duplicate holds onto the case kept and deactivates the duplicate
        // (Status Canceled, Status Reason Merged): an export of all cases lists both, so one escalation was read twice. The
        // merged one is now left out; a case canceled for another reason is still read.
        const string Cases = """
            Case Title,Customer,Is Escalated,Created On,Deactivated On,Status,Status Reason
            Demo tenant down,Contoso Partners,Yes,3/7/2025 9:00 AM,3/9/2025 4:00 PM,Resolved,Problem Solved
            Demo tenant down (again),Contoso Partners,Yes,3/7/2025 9:30 AM,3/7/2025 11:00 AM,Canceled,Merged
            Licence keys,Contoso Partners,Yes,3/10/2025 9:00 AM,,Active,In Progress
            Wrong portal,Contoso Partners,Yes,3/11/2025 9:00 AM,3/11/2025 10:00 AM,Canceled,Canceled
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Cases, Cases));

        Assert.Equal(
            [(new DateOnly(2025, 3, 7), (DateOnly?)new DateOnly(2025, 3, 9)), (new DateOnly(2025, 3, 10), null), (new DateOnly(2025, 3, 11), new DateOnly(2025, 3, 11))],
            portfolio.Partnerships.Single().Interactions.OrderBy(i => i.Date).Select(i => (i.Date, i.ResolvedOn)));
        var file = report.Files[EvidenceKind.Cases];
        Assert.Equal((4L, 3L, 1L, 0L), (file.Rows, file.Imported, file.Excluded, file.Skipped));
        Assert.Empty(file.IgnoredColumns);
    }
}
