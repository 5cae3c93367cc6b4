using System.Collections.Immutable;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Requests and escalations come from the cases file only, and meetings, calls, emails and joint events from the
/// interactions file only: each file's kind field accepts its own kinds, in its rows and in the profile's value map.
/// </summary>
public class EvidenceKindSplitTests
{
    [Theory]
    [InlineData("Escalation")]
    [InlineData("Request")]
    public void AnInteractionRow_OfACaseKind_IsAProblemListingTheInteractionKinds(string kind)
    {
        var (portfolio, report) = EvidenceRequiredFieldTests.Import(EvidenceRequiredFieldTests.OwnNames(BadRowPolicy.Skip), EvidenceKind.Interactions, $"partnerId,date,kind,side\nP1,2025-04-04,{kind},Vendor\n");

        Assert.Empty(portfolio.Partnerships[0].Interactions);
        Assert.Equal(
            $"line 2, column \"kind\", value \"{kind}\": not one of Meeting, Call, Email, JointEvent (or a value the profile maps).",
            Assert.Single(report.Files[EvidenceKind.Interactions].Problems).ToString());
    }

    [Theory]
    [InlineData("Meeting")]
    [InlineData("JointEvent")]
    public void ACaseRow_OfAnInteractionKind_IsAProblemListingTheCaseKinds(string kind)
    {
        var (portfolio, report) = EvidenceRequiredFieldTests.Import(EvidenceRequiredFieldTests.OwnNames(BadRowPolicy.Skip), EvidenceKind.Cases, $"partnerId,openedAt,kind,side,closedOn\nP1,2025-05-01,{kind},Partner,\n");

        Assert.Empty(portfolio.Partnerships[0].Interactions);
        Assert.Equal(
            $"line 2, column \"kind\", value \"{kind}\": not one of Request, Escalation (or a value the profile maps).",
            Assert.Single(report.Files[EvidenceKind.Cases].Problems).ToString());
    }

    [Theory]
    [InlineData("Escalation")]
    [InlineData("Request")]
    public void AProfile_ThatMapsAnInteractionToACaseKind_IsRejected(string kind)
    {
        var profile = new EvidenceProfile
        {
            Tables = ImmutableDictionary<EvidenceKind, TableProfile>.Empty.Add(EvidenceKind.Interactions, TableProfile.Empty with
            {
                Values = ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty.Add("kind", ImmutableDictionary<string, string>.Empty.Add("Ticket", kind)),
            }),
        };

        var error = Assert.Throws<ArgumentException>("profile", () => new PortfolioImporter(profile));

        Assert.Equal($"The evidence profile's 'interactions.values.kind.Ticket' is not valid: '{kind}' is not one of Meeting, Call, Email, JointEvent or Skip. (Parameter 'profile')", error.Message);
    }
}
