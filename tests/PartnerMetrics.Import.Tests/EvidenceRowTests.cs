using System.Text;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import.Tests;

/// <summary>How each evidence row is read, at the edges: the boundaries of hours, scales and cadences, each problem's words, and the notices of the portfolio.</summary>
public class EvidenceRowTests
{
    private const string Accounts = "Account ID,Account Name,Type,Created Date\nP1,Alpha,Technology Partner,1/1/2024\nP2,Beta,Distributor,1/1/2024\nC1,Customer,Customer - Direct,1/1/2024\n";

    private static EvidenceProfile Skip => EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip };

    [Fact]
    public void Partners_ProblemsAreWorded_AndASecondIdIsSkipped()
    {
        var (portfolio, report) = Read(Skip, (EvidenceKind.Partners, "Account ID,Account Name,Type,Created Date\nP1,Alpha,Technology Partner,1/1/2024\nP1,Alpha again,Distributor,1/1/2024\nP3,,Distributor,1/1/2024\n,Nameless,Distributor,1/1/2024\n"));

        Assert.Equal("P1", Assert.Single(portfolio.Partnerships).Partner.Id.Value);
        Assert.Equal("Alpha", portfolio.Partnerships[0].Partner.Name);
        var partners = report.Files[EvidenceKind.Partners];
        Assert.Equal(
            [
                "line 3, column \"Account ID\", value \"P1\": the partners file gives this id twice.",
                "line 4, column \"Account Name\": a value is required.",
                "line 5, column \"Account ID\": a value is required.",
            ],
            partners.Problems.Select(p => p.ToString()));
        Assert.Equal((4L, 1L, 3L, "Partners.csv"), (partners.Rows, partners.Imported, partners.Skipped, partners.Source));
    }

    [Fact]
    public void APartnerWithoutAStart_UnderSkip_IsCountedSkippedNotImported()
    {
        var (portfolio, report) = Read(Skip, (EvidenceKind.Partners, "Account ID,Account Name,Type\nP1,Alpha,Technology Partner\nP2,Beta,Distributor\n"), (EvidenceKind.Interactions, "Account ID,Date,Type,Assigned User Type\nP2,4/4/2025,Call,Standard\n"));

        Assert.Equal("P2", Assert.Single(portfolio.Partnerships).Partner.Id.Value);
        var partners = report.Files[EvidenceKind.Partners];
        Assert.Equal((2L, 1L, 1L), (partners.Rows, partners.Imported, partners.Skipped));
        Assert.Equal("line 2, value \"P1\": the partner has no onboarding day, no account creation day and no evidence, so its partnership has no start.", Assert.Single(partners.Problems).ToString());
        Assert.Equal(["Partner 'P2' has no onboarding or creation day: its partnership starts on 2025-04-04, its earliest evidence."], report.Notices);
    }

    [Fact]
    public void APartnerStart_IsItsEarliestEvidenceOfAnyKind()
    {
        var files = new (EvidenceKind, string)[]
        {
            (EvidenceKind.Commitments, "Account ID,Due Date,Status,Assigned User Type\nP1,3/9/2025,In Progress,Standard\n"),
            (EvidenceKind.Interactions, "Account ID,Date,Type,Assigned User Type\nP1,3/8/2025,Call,Standard\n"),
            (EvidenceKind.Certifications, "Account ID,Certification,Certified Date\nP1,Security,3/7/2025\n"),
            (EvidenceKind.Deliveries, "Account ID,Completion Date,Delivered On Time,CSAT\nP1,3/6/2025,Yes,5\n"),
            (EvidenceKind.PlanReviews, "Account ID,Plan Created\nP1,3/5/2025\n"),
            (EvidenceKind.GoalCheckIns, "Account ID,Goal,Goal Owner,Check-in Date,Progress %\nP1,Grow,Partner,3/5/2025,10\n"),
            (EvidenceKind.Opportunities, "Opportunity ID,Account ID,Stage,Close Date,Created Date,Type,Partner Account ID\n006A,C9,Prospecting,9/1/2025,3/3/2025,New Customer,P1\n"),
        };
        for (var i = 0; i < files.Length; i++)
        {
            // Each kind in turn holds the earliest day: the start is the earliest of them all.
            var shifted = files.Select((f, j) => j == i ? (f.Item1, f.Item2.Replace("3/", "2/", StringComparison.Ordinal)) : f).ToArray();
            var (portfolio, _) = Read([(EvidenceKind.Partners, "Account ID,Account Name,Type\nP1,Alpha,Technology Partner\n"), .. shifted]);

            var expected = files[i].Item1 switch
            {
                EvidenceKind.Commitments => new DateOnly(2025, 2, 9),
                EvidenceKind.Interactions => new DateOnly(2025, 2, 8),
                EvidenceKind.Certifications => new DateOnly(2025, 2, 7),
                EvidenceKind.Deliveries => new DateOnly(2025, 2, 6),
                EvidenceKind.PlanReviews or EvidenceKind.GoalCheckIns => new DateOnly(2025, 2, 5),
                _ => new DateOnly(2025, 2, 2),   // the deal's creation day, 3/3 made 2/2
            };
            Assert.Equal(expected, Assert.Single(portfolio.Partnerships).StartedOn);
        }
    }

    [Fact]
    public void Commitments_DoneOnTheDueDayIsKept_DoneAfterIsLate_AndAnOpenOneHasNoResolution()
    {
        var (portfolio, _) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, "Account ID,Due Date,Status,Completed Date,Assigned User Type\nP1,3/10/2025,Completed,3/10/2025,Standard\nP1,3/10/2025,Completed,3/11/2025,Standard\nP1,3/10/2025,In Progress,3/1/2025,Standard\n"));

        Assert.Equal(
            [(CommitmentOutcome.Kept, (DateOnly?)new DateOnly(2025, 3, 10)), (CommitmentOutcome.KeptLate, new DateOnly(2025, 3, 11)), (CommitmentOutcome.Open, null)],
            portfolio.Partnerships[0].Commitments.Select(c => (c.Outcome, c.ResolvedOn)));
    }

    [Fact]
    public void Commitments_ProblemsAreWorded()
    {
        var (_, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.Commitments, "Account ID,Due Date,Status,Completed Date,Assigned User Type\nP1,3/10/2025,Maybe,,Standard\n"));

        Assert.Equal(
            ["line 2, column \"Status\", value \"Maybe\": not one of Open, Done, Kept, KeptLate, Broken (or a value the profile maps).",],
            report.Files[EvidenceKind.Commitments].Problems.Select(p => p.ToString()));
    }

    /// <summary>
    /// A Deferred task (which the salesforce profile reads as a broken promise) without a completion day was a row problem:
    /// it stopped the whole import under the built-in BadRows Fail, and with Skip the failure was left out, so the partner
    /// scored as if it had kept the promise. It is now read as open (overdue from its due day), with one notice a file; a
    /// Deferred task with a completion day is still broken on that day.
    /// </summary>
    [Fact]
    public void Commitments_ABrokenPromiseWithoutTheDayItWasDropped_IsReadAsOpenWithANotice()
    {
        var (portfolio, report) = Read(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Commitments, "Account ID,Due Date,Status,Completed Date,Assigned User Type\nP1,3/10/2025,Deferred,,Standard\nP1,3/12/2025,Deferred,,PowerPartner\nP1,3/14/2025,Deferred,3/20/2025,Standard\n"));

        Assert.Equal(
            [(CommitmentOutcome.Open, (DateOnly?)null), (CommitmentOutcome.Open, null), (CommitmentOutcome.Broken, new DateOnly(2025, 3, 20))],
            portfolio.Partnerships[0].Commitments.Select(c => (c.Outcome, c.ResolvedOn)));
        var file = report.Files[EvidenceKind.Commitments];
        Assert.Empty(file.Problems);
        Assert.Equal(3, file.Imported);
        Assert.Single(file.Notices, n => n.StartsWith("A status that means a broken promise without the day it was dropped", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("C1")]                 // a customer
    [InlineData("X1;Y1")]              // several companies, none a partner
    [InlineData("P9")]                 // not in the file at all
    public void Evidence_OfAnAccountThatIsNotAPartner_IsLeftOut(string account)
    {
        var (portfolio, report) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.Interactions, $"Account ID,Date,Type,Assigned User Type\n{account},4/4/2025,Call,Standard\n"));

        Assert.All(portfolio.Partnerships, p => Assert.Empty(p.Interactions));
        Assert.Equal((1L, 0L, 1L, 0L), (report.Files[EvidenceKind.Interactions].Rows, report.Files[EvidenceKind.Interactions].Imported, report.Files[EvidenceKind.Interactions].Excluded, report.Files[EvidenceKind.Interactions].Skipped));
    }

    [Theory]
    [InlineData(" ; P2 ;P1")]
    [InlineData("C1;P2")]
    [InlineData("P2;P1")]
    public void Evidence_OfSeveralCompanies_GoesToTheFirstPartner(string account)
    {
        var (portfolio, _) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.Interactions, $"Account ID,Date,Type,Assigned User Type\n\"{account}\",4/4/2025,Call,Standard\n"));

        Assert.Single(portfolio.Partnerships[1].Interactions);
        Assert.Empty(portfolio.Partnerships[0].Interactions);
    }

    [Fact]
    public void AnIdWithASemicolonThatIsItselfAPartner_IsThatPartner()
    {
        var (portfolio, _) = Read((EvidenceKind.Partners, "Account ID,Account Name,Type,Created Date\n\"P1;P2\",Odd,Distributor,1/1/2024\nP2,Beta,Distributor,1/1/2024\n"), (EvidenceKind.Interactions, "Account ID,Date,Type,Assigned User Type\n\"P1;P2\",4/4/2025,Call,Standard\n"));

        Assert.Single(portfolio.Partnerships[0].Interactions);
        Assert.Empty(portfolio.Partnerships[1].Interactions);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("876000", true)]         // 100 years of hours
    [InlineData("876000.01", false)]
    [InlineData("-0.01", false)]
    public void Cases_ResponseHours_AreFromZeroToAHundredYears(string hours, bool read)
    {
        var (portfolio, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.Cases, $"Account ID,Escalated,Date/Time Opened,Response Hours\nP1,0,5/1/2025 9:00 AM,{hours}\n"));

        if (read)
        {
            Assert.Equal(TimeSpan.FromHours(double.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)), Assert.Single(portfolio.Partnerships[0].Interactions).ResponseTime);
        }
        else
        {
            Assert.Empty(portfolio.Partnerships[0].Interactions);
            Assert.Equal($"line 2, column \"Response Hours\", value \"{hours}\": not a number of hours from 0 to 100 years.", Assert.Single(report.Files[EvidenceKind.Cases].Problems).ToString());
        }
    }

    [Fact]
    public void Cases_AnEscalationKeepsItsClosingDay_ARequestItsResponseOnly()
    {
        var (portfolio, report) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.Cases, "Account ID,Escalated,Date/Time Opened,Response Hours,Date/Time Closed\nP1,0,5/1/2025 9:00 AM,3,5/2/2025 9:00 AM\nP1,1,5/1/2025 9:00 AM,3,5/3/2025 9:00 AM\n"));

        Assert.Equal(
            [(InteractionKind.Request, (TimeSpan?)TimeSpan.FromHours(3), (DateOnly?)null), (InteractionKind.Escalation, null, new DateOnly(2025, 5, 3))],
            portfolio.Partnerships[0].Interactions.Select(i => (i.Kind, i.ResponseTime, i.ResolvedOn)));
        Assert.Empty(report.Files[EvidenceKind.Cases].Notices);
    }

    [Fact]
    public void Cases_AnEscalationClosedBeforeItOpened_BlamesTheClosingColumn()
    {
        var (_, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.Cases, "Account ID,Escalated,Date/Time Opened,Response Hours,Date/Time Closed\nP1,1,5/3/2025 9:00 AM,,5/1/2025 9:00 AM\n"));

        var problem = Assert.Single(report.Files[EvidenceKind.Cases].Problems);
        Assert.Equal(("Date/Time Closed", "5/1/2025 9:00 AM"), (problem.Column, problem.Value));
    }

    [Theory]
    [InlineData("1", 0.0)]
    [InlineData("5", 1.0)]
    [InlineData("2", 0.25)]
    public void Deliveries_TheScaleIncludesItsEnds(string csat, double satisfaction)
    {
        var (portfolio, _) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.Deliveries, $"Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,No,{csat}\n"));

        Assert.Equal((false, satisfaction), (Assert.Single(portfolio.Partnerships[0].Deliveries).OnTime, portfolio.Partnerships[0].Deliveries[0].Satisfaction));
    }

    [Theory]
    [InlineData("0.99")]
    [InlineData("5.01")]
    public void Deliveries_AValueOffTheScale_SaysTheScale(string csat)
    {
        var (_, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.Deliveries, $"Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,Yes,{csat}\n"));

        Assert.Equal($"line 2, column \"CSAT\", value \"{csat}\": not between 1 and 5, the profile's scale of 'satisfaction'.", Assert.Single(report.Files[EvidenceKind.Deliveries].Problems).ToString());
    }

    [Fact]
    public void Deliveries_WithoutAScale_AreFractionsFromZeroToOne()
    {
        var profile = EvidenceProfile.Salesforce with { Tables = EvidenceProfile.Salesforce.Tables.SetItem(EvidenceKind.Deliveries, EvidenceProfile.Salesforce.Tables[EvidenceKind.Deliveries] with { Scales = [] }), BadRows = BadRowPolicy.Skip };
        var (portfolio, report) = Read(profile, (EvidenceKind.Partners, Accounts), (EvidenceKind.Deliveries, "Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,Yes,0.5\nP1,6/1/2025,Yes,2\n"));

        Assert.Equal(0.5, Assert.Single(portfolio.Partnerships[0].Deliveries).Satisfaction);
        Assert.Equal("not between 0 and 1, the profile's scale of 'satisfaction'.", Assert.Single(report.Files[EvidenceKind.Deliveries].Problems).Message);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("3660", true)]
    [InlineData("0", false)]
    [InlineData("3661", false)]
    [InlineData("30.5", false)]
    public void Plans_ACadenceIsAWholeNumberOfDaysFromOneTo3660(string days, bool read)
    {
        var (portfolio, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.PlanReviews, $"Account ID,Plan Created,Review Cadence (Days)\nP1,1/10/2025,{days}\n"));

        if (read)
        {
            Assert.Equal(TimeSpan.FromDays(int.Parse(days, System.Globalization.CultureInfo.InvariantCulture)), portfolio.Partnerships[0].JointPlan!.ReviewCadence);
        }
        else
        {
            Assert.Null(portfolio.Partnerships[0].JointPlan);
            Assert.Equal($"line 2, column \"Review Cadence (Days)\", value \"{days}\": not a whole number of days from 1 to 3660.", Assert.Single(report.Files[EvidenceKind.PlanReviews].Problems).ToString());
        }
    }

    [Fact]
    public void Plans_AReviewOnTheCreationDayIsRead_OneBeforeItIsAProblem_AndAnAlignmentNeedsItsReview()
    {
        var (portfolio, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.PlanReviews, "Account ID,Plan Created,Review Date,Business Alignment %\nP1,1/10/2025,1/10/2025,100\nP1,1/10/2025,1/9/2025,\nP1,1/10/2025,,50\n"));

        Assert.Equal((new DateOnly(2025, 1, 10), (double?)1.0), (Assert.Single(portfolio.Partnerships[0].JointPlan!.Reviews).On, portfolio.Partnerships[0].JointPlan!.Reviews[0].BusinessAlignment));
        Assert.Equal(
            [
                "line 3, column \"Review Date\", value \"1/9/2025\": the review is dated before the plan was created.",
                "line 4, column \"Business Alignment %\", value \"50\": an alignment needs the day of the review that recorded it.",
            ],
            report.Files[EvidenceKind.PlanReviews].Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Plans_OfSeveralDays_KeepTheLatest_WithItsCadence_AndSayHowManyDays()
    {
        var (portfolio, report) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.PlanReviews, "Account ID,Plan Created,Review Date,Review Cadence (Days)\nP1,1/10/2024,2/1/2024,30\nP1,1/10/2025,,\nP1,1/10/2025,3/1/2025,91\nP1,1/10/2025,2/1/2025,\nP1,6/10/2023,,\n"));

        var plan = portfolio.Partnerships[0].JointPlan!;
        Assert.Equal((new DateOnly(2025, 1, 10), TimeSpan.FromDays(91)), (plan.CreatedOn, plan.ReviewCadence));
        Assert.Equal([new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1)], plan.Reviews.Select(r => r.On));
        Assert.Equal(["Partner 'P1' has plans created on 3 days; the latest, of 2025-01-10, is scored."], report.Notices);
    }

    [Theory]
    [InlineData("30", "90", 30)]
    [InlineData("90", "30", 90)]
    public void Plans_ASecondCadenceForOnePlan_IsAProblemOfTheLaterRow_NotTheFileOrdersChoice(string first, string second, int kept)
    {
        // A plan has one review cadence: which of two its rows give would otherwise be the one that happens to come first.
        var (portfolio, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.PlanReviews, $"Account ID,Plan Created,Review Date,Review Cadence (Days)\nP1,1/10/2025,2/1/2025,{first}\nP1,1/10/2025,,\nP1,1/10/2025,3/1/2025,{second}\nP1,1/10/2024,3/1/2024,{second}\n"));

        var plan = portfolio.Partnerships[0].JointPlan!;
        Assert.Equal((TimeSpan.FromDays(kept), 1), (plan.ReviewCadence, plan.Reviews.Length));
        var problem = Assert.Single(report.Files[EvidenceKind.PlanReviews].Problems);
        Assert.Equal($"line 4, column \"Review Cadence (Days)\", value \"{second}\": the plan has a review cadence of {first} days already, on line 2.", problem.ToString());
    }

    [Fact]
    public void Plans_OfOneDay_HaveNoNotice_AndNoCadenceWhenNoneIsGiven()
    {
        var (portfolio, report) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.PlanReviews, "Account ID,Plan Created,Review Date\nP1,1/10/2025,2/1/2025\nP1,1/10/2025,3/1/2025\n"));

        Assert.Equal(JointPlan.DefaultReviewCadence, portfolio.Partnerships[0].JointPlan!.ReviewCadence);
        Assert.Empty(report.Notices);
    }

    [Fact]
    public void GoalCheckIns_WithoutAPlanRow_StartOnTheEarlierOfTheStartAndTheCheckIn()
    {
        var (portfolio, report) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.GoalCheckIns, "Account ID,Goal,Goal Owner,Start Date,Check-in Date,Progress %\nP1,Grow,Vendor,3/5/2025,3/1/2025,40\nP1,Hire,Vendor,3/3/2025,3/4/2025,40\nP1,Sell,Vendor,,3/2/2025,40\n"));

        Assert.Equal(new DateOnly(2025, 3, 1), portfolio.Partnerships[0].JointPlan!.CreatedOn);
        Assert.Equal(["Partner 'P1' has goals but no plan row: its plan is taken as created on 2025-03-01, its first goal day."], report.Notices);
    }

    [Fact]
    public void GoalCheckIns_TakeTheFirstTargetAndDaysGiven_AndCheckInsInDayOrder()
    {
        var (portfolio, _) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.PlanReviews, "Account ID,Plan Created\nP1,1/1/2025\n"), (EvidenceKind.GoalCheckIns, "Account ID,Goal,Goal Owner,Target,Unit,Start Date,Due Date,Check-in Date,Progress %\nP1,Grow,Partner,,,,,3/9/2025,30\nP1,Grow,Vendor,100,deals,1/2/2025,12/1/2025,3/1/2025,10\nP1,Grow,Vendor,200,deals,1/3/2025,12/2/2025,3/5/2025,20\n"));

        var goal = Assert.Single(portfolio.Partnerships[0].JointPlan!.Goals);
        Assert.Equal((GoalOwner.Partner, 100m, new DateOnly(2025, 1, 2), new DateOnly(2025, 12, 1)), (goal.Owner, goal.Target!.Value, goal.StartsOn!.Value, goal.DueOn!.Value));
        Assert.Equal([0.1, 0.2, 0.3], goal.CheckIns.Select(c => c.Progress));
    }

    [Fact]
    public void GoalCheckIns_ProblemsAreWorded()
    {
        var (_, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.GoalCheckIns, "Account ID,Goal,Goal Owner,Target,Unit,Check-in Date,Progress %\nP1,Grow,Vendor,100,,3/1/2025,40\nP1,,Vendor,,,3/1/2025,40\n"));

        var problems = report.Files[EvidenceKind.GoalCheckIns].Problems;
        Assert.Equal("line 2, column \"Unit\": a goal's target needs its unit, such as \"USD pipeline\".", problems[0].ToString());
        Assert.Equal("line 3, column \"Goal\": a value is required.", problems[1].ToString());
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Certifications_OfAnotherCompany_AreLeftOut_AndTheirProblemsWorded()
    {
        var (portfolio, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.Certifications, "Account ID,Certification,Certified Date,Expiration Date\nC1,Security,1/2/2025,\nP1,,1/2/2025,\nP1,Security,1/2/2025,1/1/2025\n"));

        Assert.Empty(portfolio.Partnerships[0].Certifications);
        var file = report.Files[EvidenceKind.Certifications];
        Assert.Equal((3L, 0L, 1L, 2L), (file.Rows, file.Imported, file.Excluded, file.Skipped));
        Assert.Equal("line 3, column \"Certification\": a value is required.", file.Problems[0].ToString());
        Assert.Equal(("Expiration Date", "1/1/2025"), (file.Problems[1].Column, file.Problems[1].Value));
    }

    [Fact]
    public void ChoicesMappedToSkip_LeaveTheRowOut()
    {
        var (portfolio, report) = Read(
            (EvidenceKind.Partners, Accounts + "C2,Customer Two,Customer - Direct,1/1/2024\n"),
            (EvidenceKind.Interactions, "Account ID,Date,Type,Assigned User Type\nP1,4/4/2025,Task,Standard\nP1,4/4/2025,Call,Standard\n"));

        Assert.Equal(2, portfolio.Partnerships.Length);
        Assert.Equal((4L, 2L, 2L), (report.Files[EvidenceKind.Partners].Rows, report.Files[EvidenceKind.Partners].Imported, report.Files[EvidenceKind.Partners].Excluded));
        Assert.Equal((2L, 1L, 1L), (report.Files[EvidenceKind.Interactions].Rows, report.Files[EvidenceKind.Interactions].Imported, report.Files[EvidenceKind.Interactions].Excluded));
    }

    [Fact]
    public void AFileWithoutARequiredColumn_NamesWhatTheProfileAccepts_WithTheFieldsOwnName()
    {
        var profile = EvidenceProfile.Salesforce with { Tables = EvidenceProfile.Salesforce.Tables.SetItem(EvidenceKind.Partners, EvidenceProfile.Salesforce.Tables[EvidenceKind.Partners] with { Columns = EvidenceProfile.Salesforce.Tables[EvidenceKind.Partners].Columns.Remove("name") }) };
        var report = new PortfolioImportReport();

        var error = Assert.Throws<ImportException>(() => new PortfolioImporter(profile).Import(new Dictionary<EvidenceKind, EvidenceSource> { [EvidenceKind.Partners] = EvidenceImportTests.Source("Account ID,Colour\nP1,red\n") }, report));

        Assert.Equal(
            "file.csv: line 1: the partners file has no column for 'name' (the profile accepts \"name\"); no column for 'type' (the profile accepts \"Type\", \"Account Type\"). The header has \"Account ID\", \"Colour\".",
            error.Message);
        Assert.Same(error.Problem, Assert.Single(report.Files[EvidenceKind.Partners].Problems));
    }

    [Fact]
    public void Deals_WithoutAPartner_AreCountedInANotice()
    {
        var (portfolio, report) = Read((EvidenceKind.Partners, Accounts), (EvidenceKind.Opportunities, "Opportunity ID,Account ID,Stage,Close Date,Created Date,Type,Partner Account ID\n006A,C9,Prospecting,9/1/2025,3/3/2025,New Customer,\n"));

        Assert.Single(portfolio.Opportunities);
        Assert.Equal(["1 deals have no partner of the partners file; they count in the pipeline, not in a partnership."], report.Notices);
        Assert.Equal("Opportunities.csv", report.Files[EvidenceKind.Opportunities].Source);
    }

    [Fact]
    public void Deals_ReadWithTheDefaultProfile_WhenTheEvidenceProfileHasNone()
    {
        var profile = EvidenceProfile.Salesforce with { Opportunities = null };

        var (portfolio, _) = Read(profile, (EvidenceKind.Partners, Accounts), (EvidenceKind.Opportunities, "Id,Account ID,Created On,Motion,Outcome,Partner ID\nO-1,C9,2024-01-01,NewLogo,Open,P1\n"));

        Assert.Equal("O-1", Assert.Single(portfolio.Partnerships[0].Opportunities).Id.Value);
    }

    [Fact]
    public void ADealIdGivenTwice_IsAProblemOfTheDealsRow_NotOfThePartnersRow()
    {
        // It was the partners row's problem, and the whole partnership was dropped: the partnership refused the repeat.
        const string Deals = "Opportunity ID,Account ID,Stage,Close Date,Created Date,Type,Partner Account ID\n006A,C9,Prospecting,9/1/2025,3/3/2025,New Customer,P1\n006A,C8,Prospecting,9/1/2025,3/3/2025,New Customer,P1\n";

        var (portfolio, report) = Read(Skip, (EvidenceKind.Partners, Accounts), (EvidenceKind.Opportunities, Deals));

        Assert.Equal(["P1", "P2"], portfolio.Partnerships.Select(p => p.Partner.Id.Value));
        Assert.Equal("C9", Assert.Single(portfolio.Partnerships[0].Opportunities).AccountId.Value);
        Assert.Empty(report.Files[EvidenceKind.Partners].Problems);
        var problem = Assert.Single(report.Files[EvidenceKind.Opportunities].Problems);
        Assert.Equal((3L, "Opportunity ID", "006A"), (problem.Line, problem.Column, problem.Value));

        var error = Assert.Throws<ImportException>(() => Read((EvidenceKind.Partners, Accounts), (EvidenceKind.Opportunities, Deals)));
        Assert.Equal((3L, "006A"), (error.Problem!.Line, error.Problem.Value));
    }

    [Fact]
    public void Import_ChecksItsSources()
    {
        var importer = new PortfolioImporter(EvidenceProfile.Salesforce);

        Assert.Throws<ArgumentNullException>("sources", () => importer.Import(null!));
        Assert.Throws<ArgumentException>("sources", () => importer.Import(new Dictionary<EvidenceKind, EvidenceSource> { [EvidenceKind.Partners] = null! }));
        Assert.StartsWith(
            "'42' is not a kind of evidence file, or its source is null.",
            Assert.Throws<ArgumentException>("sources", () => importer.Import(new Dictionary<EvidenceKind, EvidenceSource> { [EvidenceKind.Partners] = EvidenceImportTests.Source(Accounts), [(EvidenceKind)42] = EvidenceImportTests.Source(Accounts) })).Message,
            StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("sources", () => importer.Import(new Dictionary<EvidenceKind, EvidenceSource> { [EvidenceKind.Partners] = EvidenceImportTests.Source(Accounts), [EvidenceKind.Cases] = null! }));
        Assert.Throws<ArgumentNullException>("csv", () => EvidenceSource.Csv(null!, "x"));
        Assert.Throws<ArgumentNullException>("name", () => EvidenceSource.Csv(new MemoryStream(), null!));
        Assert.Throws<ArgumentNullException>("workbook", () => EvidenceSource.Excel(null!, "x"));
        Assert.Throws<ArgumentNullException>("name", () => EvidenceSource.Excel(new MemoryStream(), null!));
        Assert.Equal("a.csv", EvidenceSource.Csv(new MemoryStream(Encoding.UTF8.GetBytes(Accounts)), "a.csv").Name);
    }

    [Fact]
    public void AWorkbook_IsASourceOfEvidenceToo()
    {
        using var workbook = WorkbookFile.Create(
            ("Accounts", [["Account ID", "Account Name", "Type", "Created Date"], ["P1", "Alpha", "Technology Partner", new DateTime(2024, 1, 1).ToOADate()]]),
            ("Deals", [["Opportunity ID", "Account ID", "Stage", "Close Date", "Created Date", "Type", "Partner Account ID"], ["006A", "C9", "Prospecting", "9/1/2025", "3/3/2025", "New Customer", "P1"]]));
        var bytes = workbook.ToArray();

        var portfolio = new PortfolioImporter(EvidenceProfile.Salesforce).Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Excel(new MemoryStream(bytes), "book.xlsx", "accounts"),
            [EvidenceKind.Opportunities] = EvidenceSource.Excel(new MemoryStream(bytes), "book.xlsx", "Deals"),
        });

        var partnership = Assert.Single(portfolio.Partnerships);
        Assert.Equal(new DateOnly(2024, 1, 1), partnership.StartedOn);
        Assert.Equal("006A", Assert.Single(partnership.Opportunities).Id.Value);
    }

    private static (Portfolio Portfolio, PortfolioImportReport Report) Read(params (EvidenceKind Kind, string Csv)[] files) => EvidenceImportTests.Import(files);

    private static (Portfolio Portfolio, PortfolioImportReport Report) Read(EvidenceProfile profile, params (EvidenceKind Kind, string Csv)[] files) => EvidenceImportTests.Import(profile, files);
}
