using System.Globalization;
using System.Text;
using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import.Tests;

public class EvidenceProfileTests
{
    /// <summary>A HubSpot companies export of one partner, 101, beside the evidence file a test reads.</summary>
    private const string GammaCompany = """
        Record ID,Company name,Type,Create Date
        101,Gamma Partners,Partner,2024-03-01 10:00
        """;

    /// <summary>A Salesforce accounts report of one partner, A1, beside the evidence file a test reads.</summary>
    private const string AlphaAccount = """
        Account ID,Account Name,Type,Created Date
        A1,Alpha,Partner,3/1/2024
        """;

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
    public void Salesforce_TheAccountTypesOfACurrentOrg_AreRead()
    {
        // An org created today has Analyst, Competitor, Customer, Integrator, Investor, Partner, Press, Prospect, Reseller and
        // Other as its Account Type values (the older Channel Partner / Reseller, Installation Partner, … are an older org's):
        // the first customer stopped the import ("not one of Reseller, …"), and so did each partner.
        const string Accounts = """
            Account ID,Account Name,Type,Created Date
            A1,Alpha,Partner,3/1/2024
            A2,Beta,Reseller,3/1/2024
            A3,Gamma,Integrator,3/1/2024
            A4,Delta,Customer,3/1/2024
            A5,Epsilon,Analyst,3/1/2024
            A6,Zeta,Competitor,3/1/2024
            A7,Eta,Investor,3/1/2024
            A8,Theta,Press,3/1/2024
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, Accounts));

        Assert.Equal(
            [("A1", PartnerType.Reseller), ("A2", PartnerType.Reseller), ("A3", PartnerType.SystemIntegrator)],
            portfolio.Partnerships.Select(p => (p.Partner.Id.Value, p.Partner.Type)));
        Assert.Equal((5L, 0L), (report.Files[EvidenceKind.Partners].Excluded, report.Files[EvidenceKind.Partners].Skipped));
    }

    [Fact]
    public void Salesforce_AnAccountWithoutAType_IsNoPartner_NotABadRow()
    {
        // Type is optional on a Salesforce account, and many accounts of a report have none: the first such row stopped the
        // import ("a value is required"), where the hubspot and dynamics profiles read an account without a type as no partner.
        const string Accounts = """
            Account ID,Account Name,Type,Created Date
            A1,Alpha,Channel Partner / Reseller,3/1/2024
            A2,Beta,,3/1/2024
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, Accounts));

        Assert.Equal("A1", Assert.Single(portfolio.Partnerships).Partner.Id.Value);
        Assert.Equal((1L, 0L), (report.Files[EvidenceKind.Partners].Excluded, report.Files[EvidenceKind.Partners].Skipped));
    }

    [Fact]
    public void Salesforce_AnOwnerOfAnotherUserTypeThanAPartners_IsTheVendor()
    {
        // docs/import.md: "a partner-community user (PowerPartner) is the partner, everyone else the vendor". A user type other
        // than PowerPartner or Standard (a Chatter Free user, CsnOnly; a customer portal manager, PowerCustomerSuccess) was
        // a bad row ("not one of Vendor, Partner"), which stopped the import of a tasks or events report.
        const string Accounts = """
            Account ID,Account Name,Type,Created Date
            A1,Alpha,Channel Partner / Reseller,3/1/2024
            """;
        const string Tasks = """
            Activity ID,Account ID,Subject,Due Date,Status,Completed Date,Assigned User Type
            T1,A1,Send plan,3/10/2025,Completed,3/9/2025,CsnOnly
            T2,A1,Send deck,3/10/2025,Completed,3/9/2025,PowerPartner
            """;
        const string Events = """
            Activity ID,Account ID,Subject,Date,Type,Assigned User Type
            E1,A1,Review,3/11/2025,Meeting,PowerCustomerSuccess
            E2,A1,Review,3/12/2025,Meeting,PowerPartner
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks), (EvidenceKind.Interactions, Events));

        Assert.Equal([Side.Vendor, Side.Partner], portfolio.Partnerships[0].Commitments.Select(c => c.PromisedBy));
        Assert.Equal([Side.Vendor, Side.Partner], portfolio.Partnerships[0].Interactions.Select(i => i.InitiatedBy));
        Assert.All(report.Files.Values, f => Assert.Equal(0L, f.Skipped));
    }

    [Fact]
    public void Salesforce_AnEventWithoutAType_IsAMeeting_NotABadRow()
    {
        // Type is an optional picklist on a Salesforce event, and many orgs leave it empty or hide it: the first untyped
        // event stopped the import of an events report ("line 3, column "Type": a value is required"). An event is a calendar
        // appointment with the account, so one of no type is a meeting on its day; Other still says it was none of a
        // meeting, a call or an email, and is left out. An events report without a Type column still stops the import.
        const string Events = """
            Activity ID,Account ID,Subject,Date,Type,Assigned User Type
            E1,A1,Review,3/11/2025,Call,Standard
            E2,A1,Quarterly review,3/12/2025,,PowerPartner
            E3,A1,Planning,3/13/2025,,Standard
            E4,A1,Lunch,3/14/2025,Other,Standard
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, AlphaAccount), (EvidenceKind.Interactions, Events));

        Assert.Equal(
            [(11, InteractionKind.Call, Side.Vendor), (12, InteractionKind.Meeting, Side.Partner), (13, InteractionKind.Meeting, Side.Vendor)],
            portfolio.Partnerships[0].Interactions.Select(i => (i.Date.Day, i.Kind, i.InitiatedBy)));
        Assert.Equal((3L, 1L, 0L), (report.Files[EvidenceKind.Interactions].Imported, report.Files[EvidenceKind.Interactions].Excluded, report.Files[EvidenceKind.Interactions].Skipped));
        var error = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, AlphaAccount), (EvidenceKind.Interactions, "Activity ID,Account ID,Date,Assigned User Type\nE1,A1,3/11/2025,Standard\n")));
        Assert.Contains("no column for 'kind'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Salesforce_AnEventsSubtype_IsAMeeting_NotAJointEvent()
    {
        // Every Salesforce event has the Event Subtype "Event" (the field's one value: it says the activity is a calendar
        // event, not a task), so an events report read through that column made every meeting a joint event, and each
        // of them then opened a window of "inertia after an event" in the momentum reading. An event is an appointment
        // with the account, so it is a meeting, as an event with an empty Type is; a Webinar or a Joint Event still is
        // a joint event, and a task's Call and Email subtypes keep their kinds.
        const string Events = """
            Activity ID,Account ID,Subject,Date,Event Subtype,Assigned User Type
            E1,A1,Quarterly review,3/11/2025,Event,Standard
            E2,A1,Partner summit,3/12/2025,Joint Event,PowerPartner
            E3,A1,Launch,3/13/2025,Webinar,Standard
            """;
        const string Tasks = """
            Activity ID,Account ID,Subject,Date,Task Subtype,Assigned User Type
            T1,A1,Question,3/14/2025,Call,Standard
            T2,A1,Follow-up,3/15/2025,Email,PowerPartner
            T3,A1,Prepare deck,3/16/2025,Task,Standard
            """;

        var (events, _) = EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, AlphaAccount), (EvidenceKind.Interactions, Events));
        var (tasks, _) = EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, AlphaAccount), (EvidenceKind.Interactions, Tasks));

        Assert.Equal(
            [(11, InteractionKind.Meeting), (12, InteractionKind.JointEvent), (13, InteractionKind.JointEvent)],
            events.Partnerships[0].Interactions.Select(i => (i.Date.Day, i.Kind)));
        Assert.Equal(
            [(14, InteractionKind.Call), (15, InteractionKind.Email)],
            tasks.Partnerships[0].Interactions.Select(i => (i.Date.Day, i.Kind)));
    }

    [Fact]
    public void Salesforce_EveryTaskSubtype_IsRead_NotABadRow()
    {
        // Salesforce's Task Subtype has six values. Three stopped the import of a tasks report as bad rows ("value \"List
        // Email\": not one of Meeting, Call, Email, JointEvent"). A list email is one message sent to a list, and a cadence
        // step does not say what was done, so neither is an exchange with the partner; a LinkedIn message is left out as
        // the hubspot profile leaves it out (with text messages and chats). All three are left out, as a Task is.
        const string Tasks = """
            Activity ID,Account ID,Subject,Date,Task Subtype,Assigned User Type
            T1,A1,Question,3/11/2025,Call,Standard
            T2,A1,Follow-up,3/12/2025,Email,PowerPartner
            T3,A1,Intro,3/13/2025,LinkedIn,Standard
            T4,A1,Newsletter,3/14/2025,List Email,Standard
            T5,A1,Step 2,3/15/2025,Cadence,Standard
            T6,A1,Prepare deck,3/16/2025,Task,Standard
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, AlphaAccount), (EvidenceKind.Interactions, Tasks));

        Assert.Equal(
            [(11, InteractionKind.Call), (12, InteractionKind.Email)],
            portfolio.Partnerships[0].Interactions.Select(i => (i.Date.Day, i.Kind)));
        Assert.Equal((2L, 4L), (report.Files[EvidenceKind.Interactions].Imported, report.Files[EvidenceKind.Interactions].Excluded));
    }

    [Fact]
    public void Salesforce_ALetterOrAQuoteSent_IsLeftOut_NotABadRow()
    {
        // Send Letter and Send Quote are among the values Salesforce gives an activity's Type in a new org, beside Call,
        // Email, Meeting and Other; they stopped an activities report as bad rows. Neither is an exchange with the partner's
        // people, so both are left out, as the dynamics profile leaves out a letter and the hubspot profile postal mail.
        const string Activities = """
            Activity ID,Account ID,Subject,Date,Type,Assigned User Type
            A1,A1,Review,3/11/2025,Meeting,Standard
            A2,A1,Welcome pack,3/12/2025,Send Letter,Standard
            A3,A1,Renewal quote,3/13/2025,Send Quote,Standard
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, AlphaAccount), (EvidenceKind.Interactions, Activities));

        Assert.Equal([(11, InteractionKind.Meeting)], portfolio.Partnerships[0].Interactions.Select(i => (i.Date.Day, i.Kind)));
        Assert.Equal((1L, 2L), (report.Files[EvidenceKind.Interactions].Imported, report.Files[EvidenceKind.Interactions].Excluded));
    }

    [Fact]
    public void Salesforce_AnInboundCall_WasInitiatedByTheOtherSideThanItsOwner()
    {
        // Salesforce Call Center logs a call with a Call Type relative to its owner: Inbound, Outbound or Internal. The
        // profile read every call as its owner's initiative, so a partner's call to a vendor's rep counted as the vendor's,
        // against reciprocity ("how evenly the two sides initiate"), where the hubspot and dynamics profiles read an inbound
        // call as the partner's; and an Internal call, among the vendor's people, counted as one with the partner.
        const string Activities = """
            Activity ID,Account ID,Subject,Date,Type,Call Type,Assigned User Type
            T1,A1,Question,3/11/2025,Call,Inbound,Standard
            T2,A1,Follow-up,3/12/2025,Call,Outbound,Standard
            T3,A1,Question,3/13/2025,Call,Inbound,PowerPartner
            T4,A1,Follow-up,3/14/2025,Call,Outbound,PowerPartner
            T5,A1,Handover,3/15/2025,Call,Internal,Standard
            T6,A1,Review,3/16/2025,Meeting,,Standard
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Salesforce, (EvidenceKind.Partners, AlphaAccount), (EvidenceKind.Interactions, Activities));

        Assert.Equal(
            [(11, Side.Partner), (12, Side.Vendor), (13, Side.Vendor), (14, Side.Partner), (16, Side.Vendor)],
            portfolio.Partnerships[0].Interactions.Select(i => (i.Date.Day, i.InitiatedBy)));
        var file = report.Files[EvidenceKind.Interactions];
        Assert.Equal((1L, 0L), (file.Excluded, file.Skipped));
        Assert.Empty(file.IgnoredColumns);
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

    [Fact]
    public void HubSpot_ACompanyWithoutAType_IsNoPartner_NotABadRow()
    {
        // Type is optional in HubSpot, and most companies of an export have none: the first such row stopped the import
        // ("a value is required"), though a company is a partner only when its Type is Partner or Reseller.
        const string Companies = """
            Record ID,Company name,Type,Create Date
            101,Gamma Partners,Partner,2024-03-01 10:00
            104,Epsilon Ltd,,2024-05-01 10:00
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.HubSpot, (EvidenceKind.Partners, Companies));

        Assert.Equal("101", Assert.Single(portfolio.Partnerships).Partner.Id.Value);
        Assert.Equal((1L, 0L), (report.Files[EvidenceKind.Partners].Excluded, report.Files[EvidenceKind.Partners].Skipped));
    }

    [Theory]
    [InlineData("hubspot", EvidenceKind.Partners, "Record ID,Company name,Create Date\n101,Gamma Partners,2024-03-01 10:00\n", "'type'")]
    [InlineData("hubspot", EvidenceKind.Cases, "Ticket ID,Create date,First agent email response date,Close date,Associated Company IDs\n7,2025-03-05 09:00,2025-03-05 11:00,2025-03-06 09:00,101\n", "'kind'")]
    [InlineData("dynamics", EvidenceKind.Partners, "(Do Not Modify) Account,Account Name,Created On\n5e2a8c3d-1b7f-4e0a-9c61-2d8f3a4b5c6d,Contoso Partners,3/1/2024 10:00 AM\n", "'type'")]
    public void AFileWithoutTheColumnOfAnOptionalCrmField_StopsTheImport_NotReadAsEmpty(string profile, EvidenceKind kind, string csv, string field)
    {
        // An empty company Type (no partner) or ticket Priority (a request) has a meaning; a file without the column says
        // nothing: a companies view without Type read every company as no partner, an empty portfolio without a word, and a
        // tickets view without Priority would read every escalation as a request.
        var files = kind == EvidenceKind.Partners ? [(kind, csv)] : new[] { (EvidenceKind.Partners, GammaCompany), (kind, csv) };

        var error = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(EvidenceProfile.BuiltIn(profile), files));

        Assert.Contains($"no column for {field}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HubSpot_APostalMailActivity_IsNoInteraction_NotABadRow()
    {
        // Postal mail is one of the activities HubSpot logs beside calls, meetings, emails, notes, tasks, LinkedIn, SMS and
        // WhatsApp messages: it stopped the import as a kind the profile does not know, while those others are left out.
        const string Activities = """
            Record ID,Activity type,Activity date,Direction,Associated Company IDs
            1,CALL,2025-03-01 10:00,INBOUND,101
            2,Postal mail,2025-03-02 10:00,,101
            3,POSTAL_MAIL,2025-03-03 10:00,,101
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.HubSpot, (EvidenceKind.Partners, GammaCompany), (EvidenceKind.Interactions, Activities));

        Assert.Equal(InteractionKind.Call, Assert.Single(portfolio.Partnerships[0].Interactions).Kind);
        Assert.Equal((2L, 0L), (report.Files[EvidenceKind.Interactions].Excluded, report.Files[EvidenceKind.Interactions].Skipped));
    }

    [Fact]
    public void HubSpot_ACanceledOrMissedMeeting_DidNotHappenAndIsLeftOut()
    {
        // A meeting's outcome says whether it took place: a canceled meeting, or one the partner did not come to, was read
        // as a meeting on its start day, as a canceled Dynamics appointment no longer is. HubSpot leaves a meeting that took
        // place Scheduled until someone sets its outcome, so Scheduled and Rescheduled meetings still count, on their day;
        // a call has no meeting outcome.
        const string Activities = """
            Record ID,Activity type,Activity date,Direction,Meeting outcome,Associated Company IDs
            1,MEETING,2025-03-01 10:00,,Completed,101
            2,MEETING,2025-03-02 10:00,,Canceled,101
            3,MEETING,2025-03-03 10:00,,No show,101
            4,MEETING,2025-03-04 10:00,,NO_SHOW,101
            5,MEETING,2025-03-05 10:00,,Scheduled,101
            6,MEETING,2025-03-06 10:00,,Rescheduled,101
            7,CALL,2025-03-07 10:00,INBOUND,,101
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.HubSpot, (EvidenceKind.Partners, GammaCompany), (EvidenceKind.Interactions, Activities));

        Assert.Equal([1, 5, 6, 7], portfolio.Partnerships[0].Interactions.Select(i => i.Date.Day));
        Assert.Equal((3L, 0L), (report.Files[EvidenceKind.Interactions].Excluded, report.Files[EvidenceKind.Interactions].Skipped));
        Assert.Empty(report.Files[EvidenceKind.Interactions].IgnoredColumns);
    }

    [Fact]
    public void HubSpot_ACallThatReachedNoOne_DidNotHappenAndIsLeftOut()
    {
        // A call's outcome says whether it reached the partner: a busy line, no answer or a wrong number reached nobody, yet
        // was read as a call on its day (the profile listed Call outcome as unused), as a canceled meeting was before its
        // Meeting outcome was read. A voicemail, or a message left with whoever answered, reaches the partner as an email
        // does, and is read; so is an outcome the portal added, and a call without one. An export of every activity has both
        // outcome columns, each empty on the other kind's rows: each row is read by the one that holds its outcome.
        const string Activities = """
            Record ID,Activity type,Activity date,Call direction,Meeting outcome,Call outcome,Associated Company IDs
            1,CALL,2025-03-01 10:00,OUTBOUND,,Connected,101
            2,CALL,2025-03-02 10:00,OUTBOUND,,Busy,101
            3,CALL,2025-03-03 10:00,OUTBOUND,,No answer,101
            4,CALL,2025-03-04 10:00,OUTBOUND,,Wrong number,101
            5,CALL,2025-03-05 10:00,OUTBOUND,,Left voicemail,101
            6,CALL,2025-03-06 10:00,INBOUND,,Left live message,101
            7,CALL,2025-03-07 10:00,INBOUND,,Gatekeeper,101
            8,CALL,2025-03-08 10:00,INBOUND,,,101
            9,MEETING,2025-03-09 10:00,,Canceled,,101
            10,MEETING,2025-03-10 10:00,,Completed,,101
            11,EMAIL,2025-03-11 10:00,,,,101
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.HubSpot, (EvidenceKind.Partners, GammaCompany), (EvidenceKind.Interactions, Activities));

        Assert.Equal([1, 5, 6, 7, 8, 10, 11], portfolio.Partnerships[0].Interactions.Select(i => i.Date.Day));
        var file = report.Files[EvidenceKind.Interactions];
        Assert.Equal((4L, 0L), (file.Excluded, file.Skipped));
        Assert.Empty(file.IgnoredColumns);
        Assert.Empty(file.Notices);

        // A calls export has the one column, and a view without it reads every call, as before.
        var (calls, callsReport) = EvidenceImportTests.Import(
            EvidenceProfile.HubSpot,
            (EvidenceKind.Partners, GammaCompany),
            (EvidenceKind.Interactions, "Record ID,Activity type,Call date,Call direction,Call outcome,Associated Company IDs\n1,CALL,2025-03-01 10:00,OUTBOUND,No answer,101\n2,CALL,2025-03-02 10:00,INBOUND,Connected,101\n"));
        Assert.Equal([2], calls.Partnerships[0].Interactions.Select(i => i.Date.Day));
        Assert.Equal(1L, callsReport.Files[EvidenceKind.Interactions].Excluded);
    }

    [Fact]
    public void HubSpot_ATicketWithoutAPriority_IsARequest_NotABadRow()
    {
        // Priority is optional on a HubSpot ticket, and a ticket created by email or a form often has none: the first such
        // row stopped the import of a tickets export ("a value is required"), though only Urgent marks an escalation.
        const string Companies = """
            Record ID,Company name,Type,Create Date
            102,Delta Reseller,Reseller,2024-04-01 10:00
            """;
        const string Tickets = """
            Ticket ID,Ticket name,Priority,Create date,First agent email response date,Close date,Associated Company IDs (Primary)
            7,Help,,2025-03-05 09:00,2025-03-05 11:00,2025-03-06 09:00,102
            8,Down,Urgent,2025-03-07 09:00,2025-03-07 09:05,2025-03-08 09:00,102
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.HubSpot, (EvidenceKind.Partners, Companies), (EvidenceKind.Cases, Tickets));

        Assert.Equal(
            [(InteractionKind.Request, (TimeSpan?)TimeSpan.FromHours(2)), (InteractionKind.Escalation, null)],
            portfolio.Partnerships[0].Interactions.Select(i => (i.Kind, i.ResponseTime)));
        Assert.Equal((2L, 0L), (report.Files[EvidenceKind.Cases].Imported, report.Files[EvidenceKind.Cases].Skipped));
    }

    [Fact]
    public void Dynamics_ReadsAccountsTasksActivitiesCasesAndDeals()
    {
        // Invented rows in the form of Export to Excel saved as CSV: the hidden (Do Not Modify) columns first, lookups as names.
        const string Accounts = """
            (Do Not Modify) Account,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Account Name,Relationship Type,Created On,Main Phone
            5e2a8c3d-1b7f-4e0a-9c61-2d8f3a4b5c6d,cXdlcnR5,3/1/2025 10:00 AM,Contoso Partners,Partner,3/1/2024 10:00 AM,555-0100
            a71c0e94-3d52-4f8b-b1e6-7c9d0f2e3a41,YXNkZmdo,3/1/2025 10:00 AM,Fabrikam Consulting,Consultant,4/1/2024 9:15 AM,555-0101
            0c4d9e2f-8a61-4b3c-9d7e-5f1a2b3c4d5e,emhjdmJu,3/1/2025 10:00 AM,Northwind Traders,Customer,5/1/2024 8:00 AM,555-0102
            9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d,bW5idmN4,3/1/2025 10:00 AM,Tailspin Toys,,6/1/2024 8:00 AM,555-0103
            """;
        const string Tasks = """
            (Do Not Modify) Task,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Subject,Regarding,Due Date,Activity Status,Actual End,Priority
            11111111-0000-4000-8000-000000000001,a1,3/12/2025 9:00 AM,Send the joint plan,Contoso Partners,3/10/2025 5:00 PM,Completed,3/12/2025 9:00 AM,Normal
            11111111-0000-4000-8000-000000000002,a2,3/18/2025 11:00 AM,Co-fund the launch,Contoso Partners,3/20/2025 5:00 PM,Canceled,3/18/2025 11:00 AM,Low
            11111111-0000-4000-8000-000000000003,a3,3/1/2025 9:00 AM,Call back,Fabrikam Consulting,3/10/2025 5:00 PM,Open,,High
            11111111-0000-4000-8000-000000000004,a4,3/1/2025 9:00 AM,Send a quote,Northwind Traders,3/10/2025 5:00 PM,Open,,Normal
            """;
        const string Activities = """
            (Do Not Modify) Activity,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Subject,Regarding,Activity Type,Direction,Actual End,Activity Status
            22222222-0000-4000-8000-000000000001,b1,3/1/2025 10:30 AM,Pipeline question,Contoso Partners,Phone Call,Incoming,3/1/2025 10:30 AM,Completed
            22222222-0000-4000-8000-000000000002,b2,3/2/2025 4:00 PM,Price list,Contoso Partners,Email,Outgoing,3/2/2025 4:00 PM,Completed
            22222222-0000-4000-8000-000000000003,b3,3/3/2025 3:00 PM,Quarterly review,Contoso Partners,Appointment,,3/3/2025 3:00 PM,Completed
            22222222-0000-4000-8000-000000000004,b4,3/4/2025 9:00 AM,Signed form,Contoso Partners,Fax,,3/4/2025 9:00 AM,Completed
            22222222-0000-4000-8000-000000000005,b5,3/5/2025 9:00 AM,Web chat,Contoso Partners,Conversation,,3/5/2025 9:00 AM,Completed
            """;
        const string Cases = """
            (Do Not Modify) Case,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Case Title,Case Number,Customer,Is Escalated,Created On,Deactivated On,First Response Sent
            33333333-0000-4000-8000-000000000001,c1,3/6/2025 9:00 AM,Portal login,CAS-01001-X1Y2Z3,Fabrikam Consulting,No,3/5/2025 9:00 AM,3/6/2025 9:00 AM,Yes
            33333333-0000-4000-8000-000000000002,c2,3/9/2025 4:00 PM,Demo tenant down,CAS-01002-X1Y2Z3,Fabrikam Consulting,Yes,3/7/2025 9:00 AM,3/9/2025 4:00 PM,Yes
            """;
        const string Deals = """
            (Do Not Modify) Opportunity,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,Topic,Potential Customer,Status,Est. Revenue,Est. Close Date,Actual Close Date,Created On,Partner
            44444444-0000-4000-8000-000000000001,d1,3/21/2025 12:00 PM,Rollout,Adventure Works,Won,"$1,000.00",3/20/2025,3/20/2025,1/2/2025 12:00 PM,Contoso Partners
            44444444-0000-4000-8000-000000000002,d2,3/21/2025 12:00 PM,Pilot,Adventure Works,Open,"$500.00",6/30/2025,,2/2/2025 12:00 PM,
            """;

        var (portfolio, report) = EvidenceImportTests.Import(
            EvidenceProfile.Dynamics,
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Commitments, Tasks),
            (EvidenceKind.Interactions, Activities),
            (EvidenceKind.Cases, Cases),
            (EvidenceKind.Opportunities, Deals));

        // Partner → Reseller, Consultant → SystemIntegrator; a Customer and an account without a type are not partners.
        Assert.Equal(
            [("5e2a8c3d-1b7f-4e0a-9c61-2d8f3a4b5c6d", "Contoso Partners", PartnerType.Reseller), ("a71c0e94-3d52-4f8b-b1e6-7c9d0f2e3a41", "Fabrikam Consulting", PartnerType.SystemIntegrator)],
            portfolio.Partnerships.Select(p => (p.Partner.Id.Value, p.Partner.Name, p.Partner.Type)));
        Assert.Equal(2L, report.Files[EvidenceKind.Partners].Excluded);
        var contoso = portfolio.Partnerships[0];
        var fabrikam = portfolio.Partnerships[1];
        Assert.Equal(new DateOnly(2024, 3, 1), contoso.StartedOn);

        // Tasks are the vendor's: Completed after the due day is kept late, Canceled is broken on its Actual End, Open is open.
        Assert.Equal(
            [(Side.Vendor, CommitmentOutcome.KeptLate, (DateOnly?)new DateOnly(2025, 3, 12)), (Side.Vendor, CommitmentOutcome.Broken, new DateOnly(2025, 3, 18))],
            contoso.Commitments.OrderBy(c => c.DueOn).Select(c => (c.PromisedBy, c.Outcome, c.ResolvedOn)));
        Assert.Equal(CommitmentOutcome.Open, fabrikam.Commitments.Single().Outcome);
        Assert.Equal(1L, report.Files[EvidenceKind.Commitments].Excluded);

        // An incoming call is the partner's; an outgoing email and an appointment the vendor's; a fax and other types are left out.
        Assert.Equal(
            [(new DateOnly(2025, 3, 1), InteractionKind.Call, Side.Partner), (new DateOnly(2025, 3, 2), InteractionKind.Email, Side.Vendor), (new DateOnly(2025, 3, 3), InteractionKind.Meeting, Side.Vendor)],
            contoso.Interactions.OrderBy(i => i.Date).Select(i => (i.Date, i.Kind, i.InitiatedBy)));
        Assert.Equal(2L, report.Files[EvidenceKind.Interactions].Excluded);

        // A case records no time of its first response: the request is left out (a notice), the escalation resolved on Deactivated On.
        var escalation = Assert.Single(fabrikam.Interactions);
        Assert.Equal((InteractionKind.Escalation, Side.Partner, (DateOnly?)new DateOnly(2025, 3, 9)), (escalation.Kind, escalation.InitiatedBy, escalation.ResolvedOn));
        Assert.Equal(1L, report.Files[EvidenceKind.Cases].Excluded);
        Assert.Contains(report.Files[EvidenceKind.Cases].Notices, n => n.StartsWith("No column gives when a request was answered", StringComparison.Ordinal));

        // The deal names its partner as the export writes the lookup, by name; it joins the partner's id.
        var deal = Assert.Single(contoso.Opportunities);
        Assert.Equal(("44444444-0000-4000-8000-000000000001", "5e2a8c3d-1b7f-4e0a-9c61-2d8f3a4b5c6d"), (deal.Id.Value, deal.PartnerId?.Value));
        Assert.Single(portfolio.Opportunities);
        Assert.All(report.Files.Values, f => Assert.Equal(0L, f.Skipped));
        Assert.All(report.Files.Values, f => Assert.Empty(f.IgnoredColumns));
    }

    [Fact]
    public void Dynamics_ACustomResponseColumn_ReadsRequestResponseTimes()
    {
        // docs/import.md: a view with a column that gives the first response's time, named in the profile's cases table.
        var dynamics = EvidenceProfile.Dynamics;
        var cases = dynamics.Tables[EvidenceKind.Cases];
        var profile = dynamics with { Tables = dynamics.Tables.SetItem(EvidenceKind.Cases, cases with { Columns = cases.Columns.Add("respondedAt", ["First Responded On"]) }) };

        var (portfolio, report) = EvidenceImportTests.Import(
            profile,
            (EvidenceKind.Partners, "(Do Not Modify) Account,Account Name,Relationship Type,Created On\nP-1,Contoso Partners,Reseller,3/1/2024 10:00 AM\n"),
            (EvidenceKind.Cases, "Customer,Is Escalated,Created On,First Responded On,Deactivated On\nContoso Partners,No,3/5/2025 9:00 AM,3/5/2025 11:30 AM,3/6/2025 9:00 AM\nContoso Partners,No,3/7/2025 9:00 AM,,\n"));

        // 9:00 to 11:30 is 2.5 hours; the second request has no response, so it is unanswered.
        Assert.Equal(
            [(InteractionKind.Request, (TimeSpan?)TimeSpan.FromHours(2.5)), (InteractionKind.Request, null)],
            portfolio.Partnerships.Single().Interactions.OrderBy(i => i.Date).Select(i => (i.Kind, i.ResponseTime)));
        Assert.Empty(report.Files[EvidenceKind.Cases].Notices);
    }

    [Fact]
    public void Dynamics_ACanceledOrPlannedActivity_DidNotHappenAndIsLeftOut()
    {
        // A canceled activity may carry the day it was closed as its Actual End, and a view without Actual End dates an
        // activity by its Start Date: a Canceled or Open (Free, Tentative) one did not happen. An appointment's view heads it
        // Status. A Scheduled appointment is one booked and not closed, which Dynamics leaves so after it took place until
        // someone marks it complete, as HubSpot leaves a meeting's outcome Scheduled: it is a meeting on its day, which the
        // scorer sees only from that day on (DynamicsActivityTests.AScheduledAppointment_IsAMeetingOnItsStart_AsAScheduledHubSpotMeetingIs).
        const string Accounts = "(Do Not Modify) Account,Account Name,Relationship Type,Created On\nP-1,Contoso Partners,Partner,3/1/2024\n";
        const string Activities = """
            Subject,Regarding,Activity Type,Activity Status,Direction,Actual End
            Pipeline question,Contoso Partners,Phone Call,Completed,Incoming,3/1/2025 10:30 AM
            Call off,Contoso Partners,Phone Call,Canceled,Incoming,3/2/2025 10:30 AM
            Quarterly review,Contoso Partners,Appointment,Canceled,,3/3/2025 3:00 PM
            """;
        const string Appointments = """
            Subject,Regarding,Activity Type,Status,Start Date
            Kick-off,Contoso Partners,Appointment,Completed,3/4/2025 9:00 AM
            Next review,Contoso Partners,Appointment,Scheduled,6/4/2025 9:00 AM
            Draft agenda,Contoso Partners,Appointment,Open,6/5/2025 9:00 AM
            """;

        var (held, heldReport) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Interactions, Activities));
        var (met, metReport) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Interactions, Appointments));

        Assert.Equal([(new DateOnly(2025, 3, 1), InteractionKind.Call)], held.Partnerships[0].Interactions.Select(i => (i.Date, i.Kind)));
        Assert.Equal((3L, 1L, 2L), (heldReport.Files[EvidenceKind.Interactions].Rows, heldReport.Files[EvidenceKind.Interactions].Imported, heldReport.Files[EvidenceKind.Interactions].Excluded));
        Assert.Equal([(new DateOnly(2025, 3, 4), InteractionKind.Meeting), (new DateOnly(2025, 6, 4), InteractionKind.Meeting)], met.Partnerships[0].Interactions.Select(i => (i.Date, i.Kind)));
        Assert.Equal((3L, 2L, 1L), (metReport.Files[EvidenceKind.Interactions].Rows, metReport.Files[EvidenceKind.Interactions].Imported, metReport.Files[EvidenceKind.Interactions].Excluded));
        Assert.Empty(metReport.Files[EvidenceKind.Interactions].IgnoredColumns);
    }

    [Fact]
    public void Dynamics_AGuidInCapitalsOrBraces_MatchesThePartnersId()
    {
        // Export to Excel writes the account's id in small letters; a tool that gives evidence the id of its Regarding row
        // may write it in capitals or in braces: the same GUID, so the same partner. A customer's GUID stays the customer's.
        const string Accounts = """
            (Do Not Modify) Account,Account Name,Relationship Type,Created On
            5e2a8c3d-1b7f-4e0a-9c61-2d8f3a4b5c6d,Contoso Partners,Partner,3/1/2024
            0c4d9e2f-8a61-4b3c-9d7e-5f1a2b3c4d5e,Northwind Traders,Customer,3/1/2024
            """;
        const string Tasks = """
            Regarding,Due Date,Activity Status,Actual End
            5E2A8C3D-1B7F-4E0A-9C61-2D8F3A4B5C6D,3/10/2025,Open,
            {5e2a8c3d-1b7f-4e0a-9c61-2d8f3a4b5c6d},3/11/2025,Open,
            {0C4D9E2F-8A61-4B3C-9D7E-5F1A2B3C4D5E},3/12/2025,Open,
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks));

        Assert.Equal([new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 11)], portfolio.Partnerships.Single().Commitments.Select(c => c.DueOn));
        Assert.Equal((3L, 2L, 1L), (report.Files[EvidenceKind.Commitments].Rows, report.Files[EvidenceKind.Commitments].Imported, report.Files[EvidenceKind.Commitments].Excluded));
    }

    [Fact]
    public void Dynamics_ADeferredTask_IsStillOpen_NotABrokenPromise()
    {
        // Deferred is one of the status reasons of an Open Dynamics 365 task (with Not Started, In Progress and Waiting on
        // someone else); Completed and Canceled are the reasons of the other two states. A deferred task is a promise not yet
        // kept: read as open, it counts as broken only once overdue, not on a day its Actual End would give.
        const string Accounts = "(Do Not Modify) Account,Account Name,Relationship Type,Created On\nP-1,Contoso,Partner,3/1/2024\n";
        const string Tasks = """
            Regarding,Due Date,Status Reason,Actual End
            P-1,3/10/2025,Deferred,
            P-1,3/11/2025,Deferred,3/5/2025
            P-1,3/12/2025,Not Started,
            P-1,3/13/2025,Canceled,3/8/2025
            """;

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks));

        Assert.Equal(
            [(CommitmentOutcome.Open, (DateOnly?)null), (CommitmentOutcome.Open, null), (CommitmentOutcome.Open, null), (CommitmentOutcome.Broken, new DateOnly(2025, 3, 8))],
            portfolio.Partnerships.Single().Commitments.Select(c => (c.Outcome, c.ResolvedOn)));
        Assert.Empty(report.Files[EvidenceKind.Commitments].Notices);
    }

    [Fact]
    public void Dynamics_ATimestampInTwentyFourHourTime_IsRead()
    {
        // A user whose Dynamics settings show 24-hour time exports "3/11/2025 15:30", which stopped the import as a date of
        // no format the profile knew; the 12-hour form still reads.
        const string Accounts = "(Do Not Modify) Account,Account Name,Relationship Type,Created On\nP-1,Contoso,Partner,3/1/2024 09:00\n";
        const string Tasks = "Regarding,Due Date,Activity Status,Actual End\nP-1,3/10/2025 17:00,Completed,3/11/2025 15:30\nP-1,3/10/2025,Completed,3/12/2025 3:30 PM\n";

        var (portfolio, _) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks));

        var partnership = portfolio.Partnerships.Single();
        Assert.Equal(new DateOnly(2024, 3, 1), partnership.StartedOn);
        Assert.Equal([new DateOnly(2025, 3, 11), new DateOnly(2025, 3, 12)], partnership.Commitments.Select(c => c.ResolvedOn!.Value));
    }

    [Fact]
    public void PartnerName_SharedByTwoPartners_MatchesNeither()
    {
        const string Accounts = "(Do Not Modify) Account,Account Name,Relationship Type,Created On\nP-1,Contoso,Partner,3/1/2024\nP-2,Contoso,Reseller,3/1/2024\nP-3,Fabrikam,Partner,3/1/2024\n";
        const string Tasks = "Regarding,Due Date,Activity Status,Actual End\nContoso,3/10/2025,Open,\nP-2,3/10/2025,Open,\nFabrikam,3/10/2025,Open,\n";

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks));

        // By id, P-2 still gets its task; by the shared name, neither P-1 nor P-2 does; Fabrikam's one name matches.
        Assert.Equal([0, 1, 1], portfolio.Partnerships.Select(p => p.Commitments.Length));
        Assert.Equal(1L, report.Files[EvidenceKind.Commitments].Excluded);
        Assert.Contains(report.Notices, n => n.StartsWith("The name \"Contoso\" is the name of several partners", StringComparison.Ordinal));
    }

    [Fact]
    public void PartnerName_SharedByTwoPartners_BesideAPartThatMatches_IsNoNotice()
    {
        // "Contoso;Fabrikam": the shared name fails, Fabrikam's matches P-2, so the row is not lost and nothing is to be reported.
        const string Accounts = "(Do Not Modify) Account,Account Name,Relationship Type,Created On\nP-1,Contoso,Partner,3/1/2024\nP-2,Fabrikam,Reseller,3/1/2024\nP-3,Contoso,Partner,3/1/2024\n";
        const string Tasks = "Regarding,Due Date,Activity Status,Actual End\nContoso;Fabrikam,3/10/2025,Open,\n";

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks));

        Assert.Equal([0, 1, 0], portfolio.Partnerships.Select(p => p.Commitments.Length));
        Assert.DoesNotContain(report.Notices, n => n.Contains("the name of several partners", StringComparison.Ordinal));
    }

    [Fact]
    public void PartnerName_SharedByTwoPartners_ButNeverGiven_IsNoNotice()
    {
        // Files keyed by id never ask for a name: two partners of one name are then nothing to report.
        const string Accounts = "(Do Not Modify) Account,Account Name,Relationship Type,Created On\nP-1,Contoso,Partner,3/1/2024\nP-2,Contoso,Reseller,3/1/2024\n";
        const string Tasks = "Regarding,Due Date,Activity Status,Actual End\nP-1,3/10/2025,Open,\nP-2,3/10/2025,Open,\n";

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks));

        Assert.Equal([1, 1], portfolio.Partnerships.Select(p => p.Commitments.Length));
        Assert.DoesNotContain(report.Notices, n => n.Contains("the name of several partners", StringComparison.Ordinal));
    }

    [Fact]
    public void PartnerName_SharedWithAnAccountThatIsNotAPartner_MatchesNeither()
    {
        // A customer and a partner of one name: the task regarding "Contoso" may be the customer's, so it is no partner's.
        // "A-2" is a prospect's id and, by chance, a partner's name: the id names the prospect, whose task is left out.
        const string Accounts = "(Do Not Modify) Account,Account Name,Relationship Type,Created On\nA-1,Contoso,Customer,3/1/2024\nP-1,Contoso,Partner,3/1/2024\nA-2,Tailspin,Prospect,3/1/2024\nP-2,A-2,Partner,3/1/2024\n";
        const string Tasks = "Regarding,Due Date,Activity Status,Actual End\nContoso,3/10/2025,Open,\nA-2,3/10/2025,Open,\nP-1,3/10/2025,Open,\n";

        var (portfolio, report) = EvidenceImportTests.Import(EvidenceProfile.Dynamics, (EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks));

        Assert.Equal([("P-1", 1), ("P-2", 0)], portfolio.Partnerships.Select(p => (p.Partner.Id.Value, p.Commitments.Length)));
        Assert.Equal((3L, 1L, 2L), (report.Files[EvidenceKind.Commitments].Rows, report.Files[EvidenceKind.Commitments].Imported, report.Files[EvidenceKind.Commitments].Excluded));
        Assert.Contains(report.Notices, n => n.StartsWith("The name \"Contoso\" is the name of a partner and of an account of the partners file that is not a partner", StringComparison.Ordinal));
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

    /// <summary>
    /// docs/import.md gives, beside each built-in evidence profile's headers, what the profile makes of each value: every
    /// value mapping (<c>`Deferred` → Broken</c>, <c>empty → Meeting</c> for the empty text), the meaning of any other value
    /// (<c>any other → Vendor</c>), the default of a field the file lacks (<c>default Partner</c>) and a fraction's scale
    /// (<c>1 is 0, 5 is 1</c>), in the row of the file and field; only the headers were checked, so a value the profile
    /// changed could read otherwise on the page.
    /// </summary>
    [Theory]
    [MemberData(nameof(BuiltIns))]
    public void Docs_GiveEveryValueOfTheBuiltInProfile(string name)
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "import.md")).ReplaceLineEndings("\n");
        var start = docs.IndexOf($"**`{name}`**", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/import.md has no section for the built-in evidence profile '{name}'.");
        var section = docs[start..];
        section = section[..(section.IndexOf("\n\n**`", 10, StringComparison.Ordinal) is var next and > 0 ? next : section.IndexOf("\n### ", StringComparison.Ordinal))];

        // The table's rows by file and field: a row whose first cell is empty belongs to the file above it.
        var files = new Dictionary<string, EvidenceKind>(StringComparer.Ordinal)
        {
            ["Partners"] = EvidenceKind.Partners,
            ["Tasks → commitments"] = EvidenceKind.Commitments,
            ["Activities → interactions"] = EvidenceKind.Interactions,
            ["Cases → requests and escalations"] = EvidenceKind.Cases,
            ["Certifications"] = EvidenceKind.Certifications,
            ["Deliveries"] = EvidenceKind.Deliveries,
            ["Plan reviews"] = EvidenceKind.PlanReviews,
            ["Goal check-ins"] = EvidenceKind.GoalCheckIns,
        };
        var values = new Dictionary<(EvidenceKind, string), string>();
        EvidenceKind? file = null;
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| File ", StringComparison.Ordinal) && !l.StartsWith("| --- ", StringComparison.Ordinal)))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            file = cells[0].Length > 0 ? files[cells[0]] : file;
            values[(file!.Value, cells[1].Trim('`'))] = cells[3];
        }

        foreach (var (kind, table) in EvidenceProfile.BuiltIn(name).Tables)
        {
            var expected = table.Values.SelectMany(f => f.Value.Select(v => (Field: f.Key, Text: $"{(v.Key.Length == 0 ? "empty" : $"`{v.Key}`")} → {v.Value}")))
                .Concat(table.OtherValues.Select(o => (Field: o.Key, Text: $"any other → {o.Value}")))
                .Concat(table.Defaults.Select(d => (Field: d.Key, Text: $"default {d.Value}")))
                .Concat(table.Scales.Select(s => (Field: s.Key, Text: string.Create(CultureInfo.InvariantCulture, $"{s.Value[0]} is 0, {s.Value[1]} is 1"))));
            foreach (var (field, text) in expected)
            {
                Assert.True(values.TryGetValue((kind, field), out var cell), $"docs/import.md, '{name}': no row for {kind} '{field}'.");
                Assert.True(cell.Contains(text, StringComparison.Ordinal), $"docs/import.md, '{name}', {kind} '{field}': \"{text}\" is not in \"{cell}\".");
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
