using System.Text;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import.Tests;

/// <summary>One example per mapping rule of <see cref="PortfolioImporter"/>, on small Salesforce-shaped exports read with the built-in profile.</summary>
public class EvidenceImportTests
{
    private const string Accounts = """
        Account ID,Account Name,Type,Partner Tier,Region,Partner Since,Created Date
        P1,Alpha Partners,Channel Partner / Reseller,Gold,EMEA,1/15/2025,3/1/2020
        P2,Beta Systems,Installation Partner,Silver,AMER,,6/1/2024
        C1,Customer One,Customer - Direct,,EMEA,,1/1/2020
        """;

    [Fact]
    public void Partners_TypeMapsToPartnerType_AndASkippedTypeIsLeftOutNotAProblem()
    {
        var (portfolio, report) = Import((EvidenceKind.Partners, Accounts));

        Assert.Equal([("P1", PartnerType.Reseller, "Gold", "EMEA"), ("P2", PartnerType.SystemIntegrator, "Silver", "AMER")], portfolio.Partnerships.Select(p => (p.Partner.Id.Value, p.Partner.Type, p.Partner.Tier, p.Partner.District)));
        var partners = report.Files[EvidenceKind.Partners];
        Assert.Equal((3L, 2L, 1L, 0L, 0L), (partners.Rows, partners.Imported, partners.Excluded, partners.Skipped, partners.ProblemCount));
    }

    [Fact]
    public void Partners_StartOnTheOnboardingDay_ElseTheAccountsCreationDay()
    {
        var (portfolio, _) = Import((EvidenceKind.Partners, Accounts));

        Assert.Equal([new DateOnly(2025, 1, 15), new DateOnly(2024, 6, 1)], portfolio.Partnerships.Select(p => p.StartedOn));
        Assert.Equal(new DateOnly(2025, 1, 15), portfolio.Partnerships[0].Partner.OnboardedOn);
        Assert.Null(portfolio.Partnerships[1].Partner.OnboardedOn);
    }

    [Fact]
    public void Partners_WithoutAnyDay_StartAtTheirEarliestEvidence_WithANotice()
    {
        var (portfolio, report) = Import(
            (EvidenceKind.Partners, "Account ID,Account Name,Type\nP1,Alpha,Technology Partner\n"),
            (EvidenceKind.Interactions, "Account ID,Date,Type,Assigned User Type\nP1,3/4/2025,Meeting,Standard\nP1,2/2/2025,Call,PowerPartner\n"));

        Assert.Equal(new DateOnly(2025, 2, 2), portfolio.Partnerships.Single().StartedOn);
        Assert.Contains(report.Notices, n => n.Contains("'P1'", StringComparison.Ordinal) && n.Contains("2025-02-02", StringComparison.Ordinal));
    }

    [Fact]
    public void Partners_WithoutAnyDay_StartNoLaterThanThePlanTheirGoalsMake()
    {
        // No plan row: the plan is created on the goal's start, 1/1/2025, which is then the partnership's earliest evidence.
        var (portfolio, report) = Import(
            (EvidenceKind.Partners, "Account ID,Account Name,Type\nP1,Alpha,Technology Partner\n"),
            (EvidenceKind.GoalCheckIns, "Account ID,Goal,Goal Owner,Start Date,Check-in Date,Progress %\nP1,Pipeline,Vendor,1/1/2025,3/1/2025,40\n"));

        var partnership = portfolio.Partnerships.Single();
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1)), (partnership.StartedOn, partnership.JointPlan!.CreatedOn));
        Assert.Contains(report.Notices, n => n.Contains("'P1'", StringComparison.Ordinal) && n.Contains("starts on 2025-01-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Partners_WithNoDayAndNoEvidence_AreAProblem()
    {
        var error = Assert.Throws<ImportException>(() => Import((EvidenceKind.Partners, "Account ID,Account Name,Type\nP1,Alpha,Technology Partner\n")));

        Assert.Contains("no start", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Problem!.Line);
    }

    [Fact]
    public void Partners_AnIdGivenTwice_IsAProblemOnTheSecondLine()
    {
        var error = Assert.Throws<ImportException>(() => Import((EvidenceKind.Partners, Accounts + "\nP1,Alpha again,Distributor,,,1/1/2025,1/1/2025\n")));

        Assert.Equal((5L, "Account ID", "P1"), (error.Problem!.Line, error.Problem.Column, error.Problem.Value));
    }

    [Fact]
    public void AMissingRequiredColumn_StopsTheImport_NamingTheHeadersTheProfileAccepts()
    {
        var error = Assert.Throws<ImportException>(() => Import((EvidenceKind.Partners, "Account ID,Account Name\nP1,Alpha\n")));

        Assert.Contains("'type'", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Account Type\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tasks_StatusAndCompletionDay_GiveTheCommitmentsOutcome()
    {
        const string Tasks = """
            Activity ID,Account ID,Subject,Due Date,Status,Completed Date,Assigned User Type
            T1,P1,On time,3/10/2025,Completed,3/9/2025,Standard
            T2,P1,Late,3/10/2025,Completed,3/12/2025,PowerPartner
            T3,P1,Dropped,3/10/2025,Deferred,3/1/2025,Standard
            T4,P1,Open,3/10/2025,In Progress,,PowerPartner
            T5,P1,Done without a day,3/10/2025,Completed,,Standard
            T6,C1,A customer's task,3/10/2025,Completed,3/9/2025,Standard
            """;

        var (portfolio, report) = Import((EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks));

        Assert.Equal(
            [
                (Side.Vendor, CommitmentOutcome.Kept, (DateOnly?)new DateOnly(2025, 3, 9)),
                (Side.Partner, CommitmentOutcome.KeptLate, new DateOnly(2025, 3, 12)),
                (Side.Vendor, CommitmentOutcome.Broken, new DateOnly(2025, 3, 1)),
                (Side.Partner, CommitmentOutcome.Open, null),
                (Side.Vendor, CommitmentOutcome.Kept, null),
            ],
            portfolio.Partnerships[0].Commitments.Select(c => (c.PromisedBy, c.Outcome, c.ResolvedOn)));
        Assert.Equal("On time", portfolio.Partnerships[0].Commitments[0].Description);
        Assert.Equal((6L, 5L, 1L), (report.Files[EvidenceKind.Commitments].Rows, report.Files[EvidenceKind.Commitments].Imported, report.Files[EvidenceKind.Commitments].Excluded));
    }

    [Fact]
    public void Tasks_WithoutADueDay_AreLeftOutWithANotice_NotBadRows()
    {
        // A due day is optional on a Salesforce task (ActivityDate) and on a Dynamics 365 task: the first task without one
        // stopped the import of a tasks report ("line 3, column "Due Date": a value is required"). A promise is kept, kept
        // late or broken against the day it is due, so a task without one is no promise to score, and no day is made up for
        // it: it is left out, counted with the rows left out and in a notice, whatever its status. A file without the column
        // still stops the import, and a task with a due day reads as before.
        const string Tasks = """
            Activity ID,Account ID,Subject,Due Date,Status,Completed Date,Assigned User Type
            T1,P1,Send plan,3/10/2025,Completed,3/12/2025,Standard
            T2,P1,Send deck,,Completed,3/9/2025,PowerPartner
            T3,P1,Call back,,Not Started,,Standard
            T4,P1,Review,3/20/2025,In Progress,,PowerPartner
            """;

        var (portfolio, report) = Import((EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, Tasks));

        Assert.Equal(
            [(new DateOnly(2025, 3, 10), CommitmentOutcome.KeptLate), (new DateOnly(2025, 3, 20), CommitmentOutcome.Open)],
            portfolio.Partnerships[0].Commitments.Select(c => (c.DueOn, c.Outcome)));
        var file = report.Files[EvidenceKind.Commitments];
        Assert.Equal((4L, 2L, 2L, 0L), (file.Rows, file.Imported, file.Excluded, file.Skipped));
        Assert.Equal(
            "2 tasks have no due day (\"Due Date\" is empty): a promise is kept or broken against the day it is due, so they are left out, counted with the rows left out.",
            Assert.Single(file.Notices));
        Assert.Contains(
            "no column for 'dueOn'",
            Assert.Throws<ImportException>(() => Import((EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, "Account ID,Status,Assigned User Type\nP1,Completed,Standard\n"))).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Tasks_ABrokenPromiseWithoutItsDay_DoesNotStopTheImportAndIsOpen()
    {
        // It stopped the import under the built-in BadRows Fail ("a broken promise needs the day it was dropped"): a
        // Deferred task of a real export has no completion day. Read as open, it counts as broken once overdue.
        var (portfolio, _) = Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Commitments, "Account ID,Due Date,Status,Completed Date,Assigned User Type\nP1,3/10/2025,Deferred,,Standard\n"));

        Assert.Equal(CommitmentOutcome.Open, Assert.Single(portfolio.Partnerships[0].Commitments).Outcome);
    }

    [Fact]
    public void Activities_KindsAndSidesMap_AndOtherIsLeftOut()
    {
        const string Events = """
            Activity ID,Account ID,Subject,Date,Type,Assigned User Type
            E1,P1,QBR,4/1/2025,Meeting,Standard
            E2,P1,Webinar,4/2/2025,Webinar,PowerPartner
            E3,P1,Misc,4/3/2025,Other,Standard
            E4,P2,Intro call,4/4/2025,Call,PowerPartner
            """;

        var (portfolio, report) = Import((EvidenceKind.Partners, Accounts), (EvidenceKind.Interactions, Events));

        Assert.Equal([(InteractionKind.Meeting, Side.Vendor, "QBR"), (InteractionKind.JointEvent, Side.Partner, "Webinar")], portfolio.Partnerships[0].Interactions.Select(i => (i.Kind, i.InitiatedBy, i.Subject)));
        Assert.Equal(InteractionKind.Call, portfolio.Partnerships[1].Interactions.Single().Kind);
        Assert.Equal(1L, report.Files[EvidenceKind.Interactions].Excluded);
    }

    [Fact]
    public void Cases_RequestsGetTheirResponseTime_EscalationsTheirClosingDay_AndThePartnerOpensThem()
    {
        const string Cases = """
            Case ID,Account ID,Subject,Escalated,Date/Time Opened,First Response,Date/Time Closed,Status
            500A,P1,Question,0,5/1/2025 9:00 AM,5/1/2025 1:30 PM,5/2/2025 10:00 AM,Closed
            500B,P1,Unanswered,0,5/3/2025 9:00 AM,,,New
            500C,P1,Outage,1,5/4/2025 8:00 AM,5/4/2025 8:10 AM,5/9/2025 5:00 PM,Closed
            500D,P1,Still open,1,5/5/2025 8:00 AM,,,Escalated
            """;

        var (portfolio, _) = Import((EvidenceKind.Partners, Accounts), (EvidenceKind.Cases, Cases));

        Assert.Equal(
            [
                (InteractionKind.Request, (TimeSpan?)TimeSpan.FromHours(4.5), (DateOnly?)null),
                (InteractionKind.Request, null, null),
                (InteractionKind.Escalation, null, new DateOnly(2025, 5, 9)),
                (InteractionKind.Escalation, null, null),
            ],
            portfolio.Partnerships[0].Interactions.Select(i => (i.Kind, i.ResponseTime, i.ResolvedOn)));
        Assert.All(portfolio.Partnerships[0].Interactions, i => Assert.Equal(Side.Partner, i.InitiatedBy));
        Assert.Equal(new DateOnly(2025, 5, 1), portfolio.Partnerships[0].Interactions[0].Date);
    }

    [Fact]
    public void Cases_TimestampsInSalesforcesIcuFormat_WithACommaAfterTheDay_AreRead()
    {
        // Salesforce writes en-US times as ICU does ("5/1/2025, 9:00 AM") in every org since Spring '23; the JDK form had no comma.
        const string Cases = """
            Case ID,Account ID,Subject,Escalated,Date/Time Opened,First Response,Date/Time Closed,Status
            500A,P1,Question,0,"5/1/2025, 9:00 AM","5/1/2025, 1:30 PM","5/2/2025, 10:00 AM",Closed
            500C,P1,Outage,1,"5/4/2025, 8:00 AM","5/4/2025, 8:10 AM","5/9/2025, 5:00 PM",Closed
            """;

        var (portfolio, report) = Import((EvidenceKind.Partners, Accounts), (EvidenceKind.Cases, Cases));

        Assert.Equal(
            [
                (new DateOnly(2025, 5, 1), InteractionKind.Request, (TimeSpan?)TimeSpan.FromHours(4.5), (DateOnly?)null),
                (new DateOnly(2025, 5, 4), InteractionKind.Escalation, null, new DateOnly(2025, 5, 9)),
            ],
            portfolio.Partnerships[0].Interactions.Select(i => (i.Date, i.Kind, i.ResponseTime, i.ResolvedOn)));
        Assert.Equal(0L, report.Files[EvidenceKind.Cases].ProblemCount);
    }

    [Fact]
    public void Cases_WithoutResponseOrClosingColumns_AreLeftOutRatherThanReadAsUnansweredOrOpen()
    {
        var (portfolio, report) = Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Cases, "Account ID,Escalated,Date/Time Opened\nP1,0,5/1/2025 9:00 AM\nP1,1,5/2/2025 9:00 AM\n"));

        Assert.Empty(portfolio.Partnerships[0].Interactions);
        var cases = report.Files[EvidenceKind.Cases];
        Assert.Equal(2L, cases.Excluded);
        Assert.Contains(cases.Notices, n => n.Contains("requests are left out", StringComparison.Ordinal));
        Assert.Contains(cases.Notices, n => n.Contains("escalations are left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Cases_ResponseHours_AreTheResponseTime_AndAResponseBeforeTheOpeningIsAProblem()
    {
        var (portfolio, _) = Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Cases, "Account ID,Escalated,Date/Time Opened,Response Hours\nP1,0,5/1/2025 9:00 AM,2.5\n"));
        Assert.Equal(TimeSpan.FromHours(2.5), portfolio.Partnerships[0].Interactions.Single().ResponseTime);

        var error = Assert.Throws<ImportException>(() => Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Cases, "Account ID,Escalated,Date/Time Opened,First Response\nP1,0,5/1/2025 9:00 AM,5/1/2025 8:00 AM\n")));
        Assert.Equal("First Response", error.Problem!.Column);
    }

    [Fact]
    public void Certifications_AreReadWithTheirExpiry_AndAnExpiryBeforeTheCertificationIsAProblem()
    {
        var (portfolio, _) = Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Certifications, "Account ID,Certification,Certified Date,Expiration Date\nP1,Security,1/2/2025,1/2/2027\nP1,Data & AI,2/3/2025,\n"));
        Assert.Equal([("Security", new DateOnly(2025, 1, 2), (DateOnly?)new DateOnly(2027, 1, 2)), ("Data & AI", new DateOnly(2025, 2, 3), null)], portfolio.Partnerships[0].Certifications.Select(c => (c.Competency, c.ObtainedOn, c.ExpiresOn)));

        var error = Assert.Throws<ImportException>(() => Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Certifications, "Account ID,Certification,Certified Date,Expiration Date\nP1,Security,1/2/2025,1/2/2024\n")));
        Assert.Equal("Expiration Date", error.Problem!.Column);
    }

    [Fact]
    public void Deliveries_SatisfactionIsScaledFromOneToFiveStars_AndAValueOffTheScaleIsAProblem()
    {
        var (portfolio, _) = Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Deliveries, "Account ID,Project Name,Completion Date,Delivered On Time,CSAT\nP1,A,6/1/2025,Yes,5\nP1,B,6/2/2025,No,1\nP1,C,6/3/2025,Y,4\n"));
        Assert.Equal([(true, 1.0), (false, 0.0), (true, 0.75)], portfolio.Partnerships[0].Deliveries.Select(d => (d.OnTime, d.Satisfaction)));

        var error = Assert.Throws<ImportException>(() => Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Deliveries, "Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,Yes,6\n")));
        Assert.Equal(("CSAT", "6"), (error.Problem!.Column, error.Problem.Value));
    }

    [Fact]
    public void PlanReviews_MakeOnePlanWithDatedReviews_TheLatestPlanWinning()
    {
        const string Plans = """
            Account ID,Plan Created,Review Date,Business Alignment %
            P1,1/10/2025,4/10/2025,60
            P1,1/10/2025,,
            P1,1/10/2025,7/10/2025,
            P1,1/10/2024,3/1/2024,90
            """;

        var (portfolio, report) = Import((EvidenceKind.Partners, Accounts), (EvidenceKind.PlanReviews, Plans));

        var plan = portfolio.Partnerships[0].JointPlan!;
        Assert.Equal(new DateOnly(2025, 1, 10), plan.CreatedOn);
        Assert.Equal([(new DateOnly(2025, 4, 10), (double?)0.6), (new DateOnly(2025, 7, 10), null)], plan.Reviews.Select(r => (r.On, r.BusinessAlignment)));
        Assert.Contains(report.Notices, n => n.Contains("latest, of 2025-01-10", StringComparison.Ordinal));
        Assert.Null(portfolio.Partnerships[1].JointPlan);
    }

    [Fact]
    public void PlanReviews_AnAlignmentWithoutItsReviewDay_IsAProblem()
    {
        var error = Assert.Throws<ImportException>(() => Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.PlanReviews, "Account ID,Plan Created,Review Date,Business Alignment %\nP1,1/10/2025,,60\n")));

        Assert.Equal("Business Alignment %", error.Problem!.Column);
    }

    [Fact]
    public void GoalCheckIns_AreGroupedByGoal_WithTheGoalsOwnerTargetAndDays()
    {
        const string Goals = """
            Account ID,Goal,Goal Owner,Target,Unit,Start Date,Due Date,Check-in Date,Progress %
            P1,Pipeline,Joint,500000,USD pipeline,1/1/2025,12/31/2025,6/30/2025,50
            P1,Pipeline,Joint,500000,USD pipeline,1/1/2025,12/31/2025,3/31/2025,20
            P1,Be visible,Partner,,,,,4/1/2025,10
            """;

        var (portfolio, _) = Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.PlanReviews, "Account ID,Plan Created\nP1,1/1/2025\n"),
            (EvidenceKind.GoalCheckIns, Goals));

        var goals = portfolio.Partnerships[0].JointPlan!.Goals;
        Assert.Equal(["Pipeline", "Be visible"], goals.Select(g => g.Title));
        Assert.Equal((GoalOwner.Both, 500000m, "USD pipeline", (DateOnly?)new DateOnly(2025, 1, 1), (DateOnly?)new DateOnly(2025, 12, 31)), (goals[0].Owner, goals[0].Target!.Value, goals[0].Target!.Unit, goals[0].StartsOn, goals[0].DueOn));
        Assert.Equal([(new DateOnly(2025, 3, 31), 0.2), (new DateOnly(2025, 6, 30), 0.5)], goals[0].CheckIns.Select(c => (c.On, c.Progress)));
        Assert.Null(goals[1].Target);
    }

    [Fact]
    public void GoalCheckIns_WithoutAPlanRow_MakeAPlanFromTheFirstGoalDay_WithANotice()
    {
        var (portfolio, report) = Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.GoalCheckIns, "Account ID,Goal,Goal Owner,Start Date,Check-in Date,Progress %\nP1,Pipeline,Vendor,2/1/2025,3/1/2025,40\n"));

        Assert.Equal(new DateOnly(2025, 2, 1), portfolio.Partnerships[0].JointPlan!.CreatedOn);
        Assert.Contains(report.Notices, n => n.Contains("no plan row", StringComparison.Ordinal));
    }

    [Fact]
    public void GoalCheckIns_ATargetWithoutItsUnit_IsAProblem()
    {
        var error = Assert.Throws<ImportException>(() => Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.GoalCheckIns, "Account ID,Goal,Goal Owner,Target,Check-in Date,Progress %\nP1,Pipeline,Vendor,100,3/1/2025,40\n")));

        // The export has no unit column, so the problem names the field.
        Assert.Equal("unit", error.Problem!.Column);
    }

    [Fact]
    public void GoalCheckIns_AGoalDueBeforeItStarts_IsAProblemOfItsRow_NotOfThePartner()
    {
        var profile = EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip };
        var (portfolio, report) = Import(
            profile,
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Commitments, "Account ID,Due Date,Status,Assigned User Type\nP1,3/10/2025,In Progress,Standard\n"),
            (EvidenceKind.GoalCheckIns, "Account ID,Goal,Goal Owner,Start Date,Due Date,Check-in Date,Progress %\nP1,Pipeline,Vendor,5/1/2025,2/1/2025,3/1/2025,40\nP1,Logos,Vendor,1/1/2025,6/1/2025,3/1/2025,10\n"));

        // The bad goal row is skipped; P1 keeps its partnership, its commitment and its other goal.
        var alpha = portfolio.Partnerships[0];
        Assert.Equal(("P1", 1), (alpha.Partner.Id.Value, alpha.Commitments.Length));
        Assert.Equal(["Logos"], alpha.JointPlan!.Goals.Select(g => g.Title));
        Assert.Equal((2L, 0L), (report.Files[EvidenceKind.Partners].Imported, report.Files[EvidenceKind.Partners].Skipped));
        var goals = report.Files[EvidenceKind.GoalCheckIns];
        Assert.Equal((2L, 1L, 1L), (goals.Rows, goals.Imported, goals.Skipped));
        Assert.Equal((2L, "Due Date", "2/1/2025"), (goals.Problems.Single().Line, goals.Problems.Single().Column!, goals.Problems.Single().Value!));
    }

    [Theory]
    [InlineData("5/1/2025,", ",2/1/2025", "Due Date", "2/1/2025", "the goal is due before it starts: its start day is 2025-05-01, on line 2.")]
    [InlineData(",2/1/2025", "5/1/2025,", "Start Date", "5/1/2025", "the goal starts after it is due: its due day is 2025-02-01, on line 2.")]
    public void GoalCheckIns_AGoalDueBeforeItStarts_ByDaysOfTwoRows_IsAProblemOfTheLaterRow_NotOfThePartner(string first, string second, string column, string value, string message)
    {
        // A goal's start and due days are each the first its rows give, so two rows may give a goal due before it starts.
        var (portfolio, report) = Import(
            EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip },
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Commitments, "Account ID,Due Date,Status,Assigned User Type\nP1,3/10/2025,In Progress,Standard\n"),
            (EvidenceKind.GoalCheckIns, $"Account ID,Goal,Goal Owner,Start Date,Due Date,Check-in Date,Progress %\nP1,Pipeline,Vendor,{first},3/1/2025,40\nP1,Pipeline,Vendor,{second},3/2/2025,50\n"));

        // The later row is skipped; P1 keeps its partnership, its commitment and the goal as its first row gives it.
        var alpha = portfolio.Partnerships[0];
        Assert.Equal(("P1", 1), (alpha.Partner.Id.Value, alpha.Commitments.Length));
        var goal = Assert.Single(alpha.JointPlan!.Goals);
        Assert.Equal([0.4], goal.CheckIns.Select(c => c.Progress));
        Assert.Equal((2L, 0L), (report.Files[EvidenceKind.Partners].Imported, report.Files[EvidenceKind.Partners].Skipped));
        var problem = Assert.Single(report.Files[EvidenceKind.GoalCheckIns].Problems);
        Assert.Equal((3L, column, value, message), (problem.Line, problem.Column!, problem.Value!, problem.Message));
    }

    [Fact]
    public void PlanReviewsAndGoalCheckIns_GivenTwiceOnADay_AreAProblemOfTheSecondRow_NotOfThePartner()
    {
        var profile = EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip };
        var (portfolio, report) = Import(
            profile,
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Commitments, "Account ID,Due Date,Status,Assigned User Type\nP1,3/10/2025,In Progress,Standard\n"),
            (EvidenceKind.PlanReviews, "Account ID,Plan Created,Review Date,Business Alignment %\nP1,1/1/2025,2/1/2025,50\nP1,1/1/2025,2/1/2025,60\n"),
            (EvidenceKind.GoalCheckIns, "Account ID,Goal,Goal Owner,Check-in Date,Progress %\nP1,Pipeline,Vendor,3/1/2025,40\nP1,Pipeline,Vendor,3/1/2025,45\n"));

        // The first of each is kept; P1 keeps its partnership and its commitment.
        var alpha = portfolio.Partnerships[0];
        Assert.Equal(("P1", 1), (alpha.Partner.Id.Value, alpha.Commitments.Length));
        Assert.Equal([0.5], alpha.JointPlan!.Reviews.Select(r => r.BusinessAlignment!.Value));
        Assert.Equal([0.4], alpha.JointPlan.Goals.Single().CheckIns.Select(c => c.Progress));
        Assert.Equal((2L, 0L), (report.Files[EvidenceKind.Partners].Imported, report.Files[EvidenceKind.Partners].Skipped));
        Assert.Equal((3L, "Review Date"), (report.Files[EvidenceKind.PlanReviews].Problems.Single().Line, report.Files[EvidenceKind.PlanReviews].Problems.Single().Column!));
        Assert.Equal((3L, "Check-in Date"), (report.Files[EvidenceKind.GoalCheckIns].Problems.Single().Line, report.Files[EvidenceKind.GoalCheckIns].Problems.Single().Column!));
    }

    [Fact]
    public void Deals_WithAPartnerGoToItsPartnership_AndTheOthersStayInThePortfolio()
    {
        const string Deals = """
            Opportunity ID,Account ID,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account ID,Owner Region
            006A,C9,Closed Won,"USD 1,000.00",6/1/2025,1/1/2025,New Customer,Partner Referral,P1,EMEA
            006B,C9,Prospecting,,9/1/2025,2/1/2025,Existing Customer - Upgrade,Web,,EMEA
            006C,C8,Closed Lost,500,6/1/2025,1/1/2025,New Customer,Web,P7,AMER
            """;

        var (portfolio, report) = Import((EvidenceKind.Partners, Accounts), (EvidenceKind.Opportunities, Deals));

        Assert.Equal("006A", portfolio.Partnerships[0].Opportunities.Single().Id.Value);
        Assert.Equal(["006B", "006C"], portfolio.Opportunities.Select(o => o.Id.Value));
        Assert.Contains(report.Notices, n => n.StartsWith("2 deals have no partner", StringComparison.Ordinal) && n.Contains("1 name a partner id", StringComparison.Ordinal));
    }

    [Fact]
    public void Deals_WithThePartnersNameAndItsId_GoToThePartnershipByTheId()
    {
        // A report shows a lookup by its name ("Partner Account") and, when the column is added, by its id; only the id meets the partners file.
        const string Deals = """
            Opportunity ID,Account ID,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account,Partner Account ID,Owner Region
            006A,C9,Closed Won,"USD 1,000.00",6/1/2025,1/1/2025,New Customer,Partner Referral,Alpha Partners,P1,EMEA
            006B,C9,Closed Won,"USD 2,000.00",6/1/2025,1/1/2025,New Customer,Partner Referral,Beta Systems,P2,EMEA
            """;

        var (portfolio, report) = Import((EvidenceKind.Partners, Accounts), (EvidenceKind.Opportunities, Deals));

        Assert.Equal(["006A", "006B"], portfolio.Partnerships.SelectMany(p => p.Opportunities).Select(o => o.Id.Value));
        Assert.Empty(portfolio.Opportunities);
        Assert.Equal("Partner Account ID", report.Files[EvidenceKind.Opportunities].Columns["partnerId"]);
    }

    [Fact]
    public void EvidenceOfSeveralCompanies_GoesToTheFirstThatIsAPartner()
    {
        var (portfolio, _) = Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Interactions, "Account ID,Date,Type,Assigned User Type\nC1;P2;P1,4/4/2025,Call,Standard\n"));

        Assert.Single(portfolio.Partnerships[1].Interactions);
        Assert.Empty(portfolio.Partnerships[0].Interactions);
    }

    [Fact]
    public void EvidenceOfSeveralCompanies_GoesToAPartnerByItsIdBeforeAnyByItsName()
    {
        // C1 is no partner's id but P1's name; P2 is a partner's id. An id always wins over a name, wherever it stands.
        var (portfolio, _) = Import(
            (EvidenceKind.Partners, "Account ID,Account Name,Type,Created Date\nP1,C1,Channel Partner / Reseller,1/1/2024\nP2,Beta Systems,Installation Partner,1/1/2024\n"),
            (EvidenceKind.Interactions, "Account ID,Date,Type,Assigned User Type\nC1;P2,4/4/2025,Call,Standard\nC9;C1,4/5/2025,Call,Standard\n"));

        Assert.Equal([new DateOnly(2025, 4, 5)], portfolio.Partnerships[0].Interactions.Select(i => i.Date));
        Assert.Equal([new DateOnly(2025, 4, 4)], portfolio.Partnerships[1].Interactions.Select(i => i.Date));
    }

    [Fact]
    public void UnderSkip_ABadRowIsSkippedAndReported_AndTheRestIsImported()
    {
        var profile = EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip };
        var (portfolio, report) = Import(
            profile,
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Interactions, "Account ID,Date,Type,Assigned User Type\nP1,13/45/2025,Call,Standard\nP1,4/4/2025,Chat,Standard\nP1,4/5/2025,Call,Standard\n"));

        Assert.Single(portfolio.Partnerships[0].Interactions);
        var file = report.Files[EvidenceKind.Interactions];
        Assert.Equal((3L, 1L, 2L), (file.Rows, file.Imported, file.Skipped));
        Assert.Equal([(2L, "Date", "13/45/2025"), (3L, "Type", "Chat")], file.Problems.Select(p => (p.Line, p.Column!, p.Value!)));
    }

    [Theory]
    [InlineData(EvidenceKind.Partners, "Account ID,Account Name,Type\nP9,Alpha,Technology Partner\n", "accounts.csv: line 2, value \"P9\": the partner has no onboarding day")]
    [InlineData(EvidenceKind.Commitments, "Account ID,Due Date,Status,Assigned User Type\nP1,3/10/2025,Maybe,Standard\n", "tasks.csv: line 2, column \"Status\", value \"Maybe\": not one of")]
    [InlineData(EvidenceKind.Interactions, "Account ID,Type,Assigned User Type\nP1,Call,Standard\n", "events.csv: line 1: the interactions file has no column for 'date'")]
    [InlineData(EvidenceKind.Cases, "Account ID,Escalated,Date/Time Opened\nP1,0,\"4/4/2025\n", "cases.csv: line 2: ")]
    [InlineData(EvidenceKind.Certifications, "", "certifications.csv: line 1: the file is empty")]
    [InlineData(EvidenceKind.Opportunities, "Opportunity ID,Account ID,Stage,Created Date,Close Date,Type\nO1,P1,Closed Won,13/45/2025,2/1/2025,New Customer\n", "opportunities.csv: line 2, column \"Created Date\"")]
    public void AFileThatStopsThePortfolioImport_IsNamedInTheMessage(EvidenceKind kind, string csv, string start)
    {
        // A portfolio is read from up to nine files, and a problem's message names its line and column: "line 2, column
        // "Status", value "Maybe": …" did not say which of the files it was in, unless the caller looked for it in the report.
        var files = new Dictionary<EvidenceKind, (string Name, string Csv)>
        {
            [EvidenceKind.Partners] = ("accounts.csv", Accounts),
            [EvidenceKind.Commitments] = ("tasks.csv", "Account ID,Due Date,Status,Assigned User Type\nP1,3/10/2025,In Progress,Standard\n"),
            [EvidenceKind.Interactions] = ("events.csv", "Account ID,Date,Type,Assigned User Type\nP1,4/4/2025,Call,Standard\n"),
            [EvidenceKind.Cases] = ("cases.csv", "Account ID,Escalated,Date/Time Opened,First Response\nP1,0,4/4/2025 9:00 AM,4/4/2025 10:00 AM\n"),
            [EvidenceKind.Certifications] = ("certifications.csv", "Account ID,Certification,Certified Date\nP1,Security,1/1/2025\n"),
            [EvidenceKind.Opportunities] = ("opportunities.csv", "Opportunity ID,Account ID,Stage,Created Date,Close Date,Type\nO1,P1,Closed Won,1/1/2025,2/1/2025,New Customer\n"),
        };
        files[kind] = (files[kind].Name, csv);
        var report = new PortfolioImportReport();

        var error = Assert.Throws<ImportException>(() => new PortfolioImporter(EvidenceProfile.Salesforce).Import(
            files.ToDictionary(f => f.Key, f => EvidenceSource.Csv(new MemoryStream(Encoding.UTF8.GetBytes(f.Value.Csv)), f.Value.Name)),
            report));

        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
        Assert.Equal($"{files[kind].Name}: {error.InnerException!.Message}", error.Message);
        Assert.Same(((ImportException)error.InnerException).Problem, error.Problem);
    }

    [Fact]
    public void Import_WithoutAPartnersFile_IsAnArgumentError()
    {
        var error = Assert.Throws<ArgumentException>(() => new PortfolioImporter(EvidenceProfile.Salesforce).Import(new Dictionary<EvidenceKind, EvidenceSource>()));

        Assert.Contains("partners file is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredCompetencies_OfTheProfile_AreEveryPartnershipsRequiredCompetencies()
    {
        var (portfolio, _) = Import(EvidenceProfile.Salesforce with { RequiredCompetencies = ["Security", "Data & AI"] }, (EvidenceKind.Partners, Accounts));

        Assert.All(portfolio.Partnerships, p => Assert.Equal(["Security", "Data & AI"], p.RequiredCompetencies.ToArray()));
    }

    [Fact]
    public void ALookup_GivesAFieldFromASecondFile_TheSideOfATaskFromItsOwnersUserType()
    {
        var salesforce = EvidenceProfile.Salesforce;
        var profile = salesforce with
        {
            Tables = salesforce.Tables.SetItem(EvidenceKind.Commitments, salesforce.Tables[EvidenceKind.Commitments] with
            {
                Lookups = [new ImportLookupColumn { Field = "side", KeyColumn = "Assigned ID", ValueColumn = "User Type" }],
            }),
        };
        var users = ImportLookup.FromCsv("side", new StringReader("Assigned ID,User Type\n005A,Standard\n005B,PowerPartner\n"), "Assigned ID", "User Type");
        var importer = new PortfolioImporter(profile, [new EvidenceLookup(EvidenceKind.Commitments, users)]);

        var portfolio = importer.Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = Source(Accounts),
            [EvidenceKind.Commitments] = Source("Account ID,Due Date,Status,Assigned ID\nP1,3/10/2025,In Progress,005A\nP1,3/11/2025,In Progress,005B\n"),
        });

        Assert.Equal([Side.Vendor, Side.Partner], portfolio.Partnerships[0].Commitments.Select(c => c.PromisedBy));
        Assert.Contains("no lookup values were given", Assert.Throws<ArgumentException>(() => new PortfolioImporter(profile)).Message, StringComparison.Ordinal);
        var missingKey = Assert.Throws<ImportException>(() => importer.Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = Source(Accounts),
            [EvidenceKind.Commitments] = Source("Account ID,Due Date,Status\nP1,3/10/2025,In Progress\n"),
        }));
        Assert.Contains("no column \"Assigned ID\", which the lookup of 'side' needs", missingKey.Message, StringComparison.Ordinal);
    }

    internal static EvidenceSource Source(string csv) => EvidenceSource.Csv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "file.csv");

    internal static (Portfolio Portfolio, PortfolioImportReport Report) Import(params (EvidenceKind Kind, string Csv)[] files) => Import(EvidenceProfile.Salesforce, files);

    internal static (Portfolio Portfolio, PortfolioImportReport Report) Import(EvidenceProfile profile, params (EvidenceKind Kind, string Csv)[] files)
    {
        var report = new PortfolioImportReport();
        var sources = files.ToDictionary(f => f.Kind, f => EvidenceSource.Csv(new MemoryStream(Encoding.UTF8.GetBytes(f.Csv)), $"{f.Kind}.csv"));
        return (new PortfolioImporter(profile).Import(sources, report), report);
    }
}
