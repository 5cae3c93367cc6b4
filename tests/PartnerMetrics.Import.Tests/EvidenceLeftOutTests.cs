using System.Collections.Immutable;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Rows left out on purpose, in every kind of evidence file: evidence of an account that is not a partner, and a row
/// whose value the profile maps to <c>Skip</c>, directly or as the table's other value. Such a row is counted as
/// excluded, never as a problem or an import.
/// </summary>
public class EvidenceLeftOutTests
{
    [Theory]
    [InlineData("Commitments")]
    [InlineData("Interactions")]
    [InlineData("Cases")]
    [InlineData("Certifications")]
    [InlineData("Deliveries")]
    [InlineData("PlanReviews")]
    [InlineData("GoalCheckIns")]
    public void Evidence_OfAnAccountThatIsNotAPartner_IsLeftOut(string kindName)
    {
        var kind = Enum.Parse<EvidenceKind>(kindName);

        var (portfolio, report) = EvidenceRequiredFieldTests.Import(EvidenceRequiredFieldTests.OwnNames(BadRowPolicy.Fail), kind, EvidenceRequiredFieldTests.Csv(kind, f => f.Field == "partnerId" ? "C1" : f.Value));

        var file = report.Files[kind];
        Assert.Equal((1L, 0L, 1L, 0L), (file.Rows, file.Imported, file.Excluded, file.Skipped));
        Assert.Empty(file.Problems);
        var partnership = Assert.Single(portfolio.Partnerships);
        Assert.Equal(0, partnership.Commitments.Length + partnership.Interactions.Length + partnership.Certifications.Length + partnership.Deliveries.Length);
        Assert.Null(partnership.JointPlan);
    }

    [Theory]
    [InlineData("Partners", "type")]
    [InlineData("Commitments", "side")]
    [InlineData("Commitments", "status")]
    [InlineData("Interactions", "kind")]
    [InlineData("Interactions", "side")]
    [InlineData("Cases", "kind")]
    [InlineData("Cases", "side")]
    [InlineData("Deliveries", "onTime")]
    [InlineData("GoalCheckIns", "owner")]
    public void AValueTheProfileMapsToSkip_LeavesTheRowOut(string kindName, string field)
    {
        var kind = Enum.Parse<EvidenceKind>(kindName);
        var profile = With(kind, t => t with { Values = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty.Add(field, ImmutableDictionary<string, string>.Empty.Add("Dropped", EvidenceProfile.Skip)) });

        var (portfolio, report) = EvidenceRequiredFieldTests.Import(profile, kind, EvidenceRequiredFieldTests.Csv(kind, f => f.Field == field ? "Dropped" : f.Value));

        var file = report.Files[kind];
        Assert.Equal((1L, 0L, 1L, 0L), (file.Rows, file.Imported, file.Excluded, file.Skipped));
        Assert.Empty(file.Problems);
        Assert.Equal(kind == EvidenceKind.Partners ? 0 : 1, portfolio.Partnerships.Length);
        Assert.All(portfolio.Partnerships, p => Assert.Equal(0, p.Commitments.Length + p.Interactions.Length + p.Deliveries.Length + (p.JointPlan?.Goals.Length ?? 0)));
    }

    [Fact]
    public void AValueTheMapDoesNotList_TakesTheTablesOtherValue()
    {
        var profile = With(EvidenceKind.Commitments, t => t with { OtherValues = ImmutableDictionary<string, string>.Empty.Add("status", "Open") });

        var (portfolio, report) = EvidenceRequiredFieldTests.Import(profile, EvidenceKind.Commitments, "partnerId,side,dueOn,status\nP1,Vendor,2025-03-10,Waiting on the partner\nP1,Partner,2025-03-11,Kept\n");

        // The meaning's own name still means itself; only the unlisted text takes the other value.
        Assert.Equal([(Side.Vendor, CommitmentOutcome.Open), (Side.Partner, CommitmentOutcome.Kept)], portfolio.Partnerships[0].Commitments.Select(c => (c.PromisedBy, c.Outcome)));
        Assert.Empty(report.Files[EvidenceKind.Commitments].Problems);
    }

    [Fact]
    public void AnOtherValueOfSkip_LeavesEveryUnlistedValueOut()
    {
        var profile = With(EvidenceKind.Interactions, t => t with { OtherValues = ImmutableDictionary<string, string>.Empty.Add("kind", EvidenceProfile.Skip) });

        var (portfolio, report) = EvidenceRequiredFieldTests.Import(profile, EvidenceKind.Interactions, "partnerId,date,kind,side\nP1,2025-04-04,Lunch,Vendor\nP1,2025-04-05,Call,Vendor\n");

        Assert.Equal(InteractionKind.Call, Assert.Single(portfolio.Partnerships[0].Interactions).Kind);
        var file = report.Files[EvidenceKind.Interactions];
        Assert.Equal((2L, 1L, 1L, 0L), (file.Rows, file.Imported, file.Excluded, file.Skipped));
    }

    [Fact]
    public void WithoutAnOtherValue_AnUnlistedValueIsAProblem()
    {
        var (_, report) = EvidenceRequiredFieldTests.Import(EvidenceRequiredFieldTests.OwnNames(BadRowPolicy.Skip), EvidenceKind.Commitments, "partnerId,side,dueOn,status\nP1,Vendor,2025-03-10,Waiting on the partner\n");

        Assert.Equal(
            "line 2, column \"status\", value \"Waiting on the partner\": not one of Open, Done, Kept, KeptLate, Broken (or a value the profile maps).",
            Assert.Single(report.Files[EvidenceKind.Commitments].Problems).ToString());
    }

    private static EvidenceProfile With(EvidenceKind kind, Func<TableProfile, TableProfile> change) => EvidenceRequiredFieldTests.With(EvidenceRequiredFieldTests.OwnNames(BadRowPolicy.Fail), kind, change);
}
