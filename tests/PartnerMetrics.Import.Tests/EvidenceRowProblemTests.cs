using System.Collections.Immutable;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// How a bad evidence row is reported: a row whose cells cannot be read is reported for those cells and checked no
/// further; a row the model refuses blames the column its rule is about, or only the row when no column is; and a
/// value off a scale is quoted as the cell writes it.
/// </summary>
public class EvidenceRowProblemTests
{
    /// <summary>One more character than the model keeps in a text (10,000,000): a corrupt or hostile cell, which a CSV row can still hold.</summary>
    private const int TooLong = 10_000_001;

    /// <summary>
    /// Rows with one cell that cannot be read and a fault the model's checks would find as well (a text too long, a
    /// broken promise without its day, response hours out of range, a cadence beyond any number of days). The theory
    /// takes the case's name; <c>{long}</c> stands for a text too long for the model.
    /// </summary>
    private static readonly Dictionary<string, (EvidenceKind Kind, string Csv, string Problem)> UnreadableCells = new()
    {
        ["partners"] = (EvidenceKind.Partners, "id,name,type,tier,createdOn\nP1,Alpha,Reseller,{long},someday\n", "line 2, column \"createdOn\", value \"someday\": not a day in the form yyyy-MM-dd."),
        ["commitments"] = (EvidenceKind.Commitments, "partnerId,side,dueOn,status,doneOn\nP1,Vendor,2025-03-10,Broken,someday\n", "line 2, column \"doneOn\", value \"someday\": not a day in the form yyyy-MM-dd."),
        ["cases"] = (EvidenceKind.Cases, "partnerId,openedAt,kind,side,respondedAt,responseHours\nP1,2025-05-01,Request,Partner,someday,-1\n", "line 2, column \"respondedAt\", value \"someday\": not a day in the form yyyy-MM-dd."),
        ["certifications"] = (EvidenceKind.Certifications, "partnerId,competency,obtainedOn,expiresOn\nP1,{long},2025-01-02,someday\n", "line 2, column \"expiresOn\", value \"someday\": not a day in the form yyyy-MM-dd."),
        ["planReviews"] = (EvidenceKind.PlanReviews, "partnerId,createdOn,cadenceDays\nP1,2025-01-10,99999999999\n", "line 2, column \"cadenceDays\", value \"99999999999\": not a whole number of days from 1 to 3660."),
    };

    public static TheoryData<string> Unreadable => [.. UnreadableCells.Keys];

    private static EvidenceProfile Skip => EvidenceRequiredFieldTests.OwnNames(BadRowPolicy.Skip);

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void ARowWithAnUnreadableCell_IsReportedForThatCellOnly_AndNotCheckedFurther(string name)
    {
        var (kind, csv, problem) = UnreadableCells[name];

        var (_, report) = EvidenceRequiredFieldTests.Import(Skip, kind, csv.Replace("{long}", new string('x', TooLong), StringComparison.Ordinal));

        var file = report.Files[kind];
        Assert.Equal(problem, Assert.Single(file.Problems).ToString());
        Assert.Equal((1L, 0L, 1L), (file.Rows, file.Imported, file.Skipped));
    }

    [Fact]
    public void APartnersName_LongerThanTheModelAllows_IsAProblemOfItsColumn()
    {
        var (portfolio, report) = EvidenceImportTests.Import(Skip, (EvidenceKind.Partners, $"id,name,type,createdOn\nP1,{new string('x', TooLong)},Reseller,2024-01-01\nP2,Beta,Reseller,2024-01-01\n"));

        Assert.Equal("P2", Assert.Single(portfolio.Partnerships).Partner.Id.Value);
        var problem = Assert.Single(report.Files[EvidenceKind.Partners].Problems);
        Assert.Equal((2L, "name", TooLong, "'name' has 10,000,001 characters; at most 10,000,000 are allowed."), (problem.Line, problem.Column, problem.Value!.Length, problem.Message));
    }

    [Theory]
    [InlineData("Partners", "tier")]
    [InlineData("Partners", "district")]
    [InlineData("Commitments", "description")]
    [InlineData("Cases", "subject")]
    [InlineData("Certifications", "competency")]
    [InlineData("Interactions", "subject")]
    [InlineData("Deliveries", "description")]
    public void AText_LongerThanTheModelAllows_IsAProblemOfItsRow_NotAFailedImport(string kindName, string field)
    {
        var kind = Enum.Parse<EvidenceKind>(kindName);

        var (_, report) = EvidenceRequiredFieldTests.Import(Skip, kind, EvidenceRequiredFieldTests.Csv(kind, f => f.Field == field ? new string('x', TooLong) : f.Value));

        var file = report.Files[kind];
        var problem = Assert.Single(file.Problems);
        Assert.Equal((2L, field, $"'{field}' has 10,000,001 characters; at most 10,000,000 are allowed."), (problem.Line, problem.Column, problem.Message));
        Assert.Equal((1L, 0L, 1L), (file.Rows, file.Imported, file.Skipped));
    }

    [Theory]
    [InlineData("goal", "'title' has 10,000,001 characters; at most 10,000,000 are allowed.")]
    [InlineData("unit", "'unit' has 10,000,001 characters; at most 10,000,000 are allowed.")]
    public void AGoalsText_LongerThanTheModelAllows_IsAProblemOfItsColumn_NotOfThePartner(string field, string message)
    {
        var (portfolio, report) = EvidenceRequiredFieldTests.Import(Skip, EvidenceKind.GoalCheckIns, EvidenceRequiredFieldTests.Csv(EvidenceKind.GoalCheckIns, f => f.Field == field ? new string('x', TooLong) : f.Value));

        var file = report.Files[EvidenceKind.GoalCheckIns];
        var problem = Assert.Single(file.Problems);
        Assert.Equal((2L, field, message), (problem.Line, problem.Column, problem.Message));
        Assert.Equal((1L, 0L, 1L), (file.Rows, file.Imported, file.Skipped));
        Assert.Empty(report.Files[EvidenceKind.Partners].Problems);
        Assert.Null(Assert.Single(portfolio.Partnerships).JointPlan);
    }

    [Fact]
    public void APartnerId_LongerThanTheModelAllows_IsAProblemOfTheIdColumn()
    {
        var (_, report) = EvidenceRequiredFieldTests.Import(Skip, EvidenceKind.Partners, EvidenceRequiredFieldTests.Csv(EvidenceKind.Partners, f => f.Field == "id" ? new string('x', TooLong) : f.Value));

        var file = report.Files[EvidenceKind.Partners];
        var problem = Assert.Single(file.Problems);
        Assert.Equal((2L, "id"), (problem.Line, problem.Column));
        Assert.Equal((1L, 0L, 1L), (file.Rows, file.Imported, file.Skipped));
    }

    [Fact]
    public void ACommitment_WhoseCompletionDayContradictsItsStatus_BlamesTheCompletionDay()
    {
        var (portfolio, report) = EvidenceImportTests.Import(
            EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip },
            (EvidenceKind.Partners, "Account ID,Account Name,Type,Created Date\nP1,Alpha,Technology Partner,1/1/2024\n"),
            (EvidenceKind.Commitments, "Account ID,Due Date,Status,Completed Date,Assigned User Type\nP1,3/10/2025,Kept,3/11/2025,Standard\nP1,3/10/2025,KeptLate,3/10/2025,Standard\nP1,3/10/2025,KeptLate,,Standard\n"));

        Assert.Empty(portfolio.Partnerships[0].Commitments);
        Assert.Equal(
            [
                "line 2, column \"Completed Date\", value \"3/11/2025\": A Kept commitment is kept on or before 'dueOn' (2025-03-10); 2025-03-11 is later, so the outcome is KeptLate.",
                "line 3, column \"Completed Date\", value \"3/10/2025\": A KeptLate commitment is kept after 'dueOn' (2025-03-10); got 2025-03-10.",
                "line 4, column \"Completed Date\": A KeptLate commitment needs 'resolvedOn', the day it was kept.",
            ],
            report.Files[EvidenceKind.Commitments].Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void AFractionOffItsScale_IsQuotedAsTheCellWritesIt()
    {
        var (_, report) = EvidenceImportTests.Import(
            EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip },
            (EvidenceKind.Partners, "Account ID,Account Name,Type,Created Date\nP1,Alpha,Technology Partner,1/1/2024\n"),
            (EvidenceKind.Deliveries, "Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,Yes,\"1,000\"\nP1,6/2/2025,Yes,05.50\n"));

        Assert.Equal(
            [
                "line 2, column \"CSAT\", value \"1,000\": not between 1 and 5, the profile's scale of 'satisfaction'.",
                "line 3, column \"CSAT\", value \"05.50\": not between 1 and 5, the profile's scale of 'satisfaction'.",
            ],
            report.Files[EvidenceKind.Deliveries].Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void AFractionOffItsScale_FromTheProfilesDefault_IsQuotedAsTheDefaultWritesIt()
    {
        var profile = EvidenceRequiredFieldTests.With(Skip, EvidenceKind.Deliveries, t => t with { Defaults = ImmutableDictionary<string, string>.Empty.Add("satisfaction", "7") });

        var (_, report) = EvidenceRequiredFieldTests.Import(profile, EvidenceKind.Deliveries, "partnerId,date,onTime\nP1,2025-06-01,Yes\n");

        Assert.Equal("line 2, column \"satisfaction\", value \"7\": not between 0 and 1, the profile's scale of 'satisfaction'.", Assert.Single(report.Files[EvidenceKind.Deliveries].Problems).ToString());
    }
}
