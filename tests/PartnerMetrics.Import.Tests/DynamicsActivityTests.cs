using PartnerMetrics.Evidence;

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
}
