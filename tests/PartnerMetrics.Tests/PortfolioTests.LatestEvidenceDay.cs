using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests;

/// <content>The latest day of a portfolio's evidence: the day the command line scores as of by default.</content>
public partial class PortfolioTests
{
    private static readonly DateOnly Later = Day.AddDays(200);

    private static readonly Dictionary<string, Func<Partnership>> EvidenceDatedLaterCases = new()
    {
        ["partner onboarded"] = () => new Partnership(new Partner(new PartnerId("P-1"), "Partner P-1", PartnerType.Isv, onboardedOn: Later), Day),
        ["commitment kept early"] = () => PartnershipWith(commitments: [new Commitment(Side.Partner, Later.AddDays(3), CommitmentOutcome.Kept, Later)]),
        ["commitment kept, day not recorded"] = () => PartnershipWith(commitments: [new Commitment(Side.Partner, Later, CommitmentOutcome.Kept)]),
        ["commitment kept late"] = () => PartnershipWith(commitments: [new Commitment(Side.Vendor, Day.AddDays(10), CommitmentOutcome.KeptLate, Later)]),
        ["commitment broken"] = () => PartnershipWith(commitments: [new Commitment(Side.Vendor, Day.AddDays(10), CommitmentOutcome.Broken, Later)]),
        ["interaction"] = () => PartnershipWith(interactions: [new Interaction(Later, InteractionKind.Meeting, Side.Partner)]),
        // Scoring counts an answer from the request's day plus the response time rounded up to whole days: 2 days and an hour is 3.
        ["request answered"] = () => PartnershipWith(interactions: [new Interaction(Later.AddDays(-3), InteractionKind.Request, Side.Vendor, responseTime: TimeSpan.FromHours(49))]),
        ["escalation resolved"] = () => PartnershipWith(interactions: [new Interaction(Day.AddDays(5), InteractionKind.Escalation, Side.Partner, resolvedOn: Later)]),
        ["certification obtained"] = () => PartnershipWith(certifications: [new Certification("Azure", Later)]),
        ["delivery"] = () => PartnershipWith(deliveries: [new Delivery(Later, true, 0.9)]),
        ["plan created"] = () => PartnershipWith(plan: new JointPlan(Later)),
        ["plan reviewed"] = () => PartnershipWith(plan: new JointPlan(Day, reviews: [new PlanReview(Day.AddDays(30), 0.5), new PlanReview(Later, 0.6)])),
        ["goal checked in"] = () => PartnershipWith(plan: new JointPlan(Day, [new PlanGoal("Pipeline", GoalOwner.Both, [new GoalCheckIn(Later, 0.4), new GoalCheckIn(Day.AddDays(9), 0.1)])])),
        ["deal created"] = () => PartnershipOf("P-1", DealOn("O-1", "P-1", Later)),
        ["deal registered"] = () => PartnershipOf("P-1", DealOn("O-1", "P-1", Day, registeredOn: Later)),
        ["deal updated"] = () => PartnershipOf("P-1", DealOn("O-1", "P-1", Day, lastUpdatedOn: Later)),
        ["deal closed"] = () => PartnershipOf("P-1", DealOn("O-1", "P-1", Day, closedOn: Later)),
    };

    public static TheoryData<string> EvidenceDatedLater => [.. EvidenceDatedLaterCases.Keys];

    private static readonly Dictionary<string, Func<Partnership>> DaysThatMayLieAheadCases = new()
    {
        ["certification expiry"] = () => PartnershipWith(certifications: [new Certification("Azure", Day, expiresOn: Later)]),
        ["open commitment due"] = () => PartnershipWith(commitments: [new Commitment(Side.Partner, Later, CommitmentOutcome.Open)]),
        ["expected close"] = () => PartnershipOf("P-1", DealOn("O-1", "P-1", Day, expectedCloseOn: Later)),
        ["goal start and due"] = () => PartnershipWith(plan: new JointPlan(Day, [new PlanGoal("Pipeline", GoalOwner.Both, 0.3, startsOn: Later, dueOn: Later.AddDays(90))])),
        ["answer past the calendar"] = () => PartnershipWith(interactions: [new Interaction(Day, InteractionKind.Request, Side.Vendor, responseTime: TimeSpan.MaxValue)]),
        ["undated goal progress"] = () => PartnershipWith(plan: new JointPlan(Day, [new PlanGoal("Pipeline", GoalOwner.Both, 0.3)])),
    };

    public static TheoryData<string> DaysThatMayLieAhead => [.. DaysThatMayLieAheadCases.Keys];

    [Theory]
    [MemberData(nameof(EvidenceDatedLater))]
    public void LatestEvidenceDay_EvidenceDatedAfterTheStart_IsItsDay(string evidence)
    {
        var partnership = EvidenceDatedLaterCases[evidence]();
        Assert.Equal(Later, partnership.LatestEvidenceDay());
        Assert.True(new Portfolio([partnership]).LatestEvidenceDay() == Later, evidence);
    }

    [Theory]
    [MemberData(nameof(DaysThatMayLieAhead))]
    public void LatestEvidenceDay_DaysThatMayLieAhead_DoNotCount(string day)
    {
        var partnership = DaysThatMayLieAheadCases[day]();
        Assert.True(partnership.LatestEvidenceDay() == Day, day);
        Assert.Equal(Day, new Portfolio([partnership]).LatestEvidenceDay());
    }

    [Fact]
    public void LatestEvidenceDay_OfAPartnershipWithoutEvidence_IsItsStart() =>
        Assert.Equal(Day, PartnershipOf("P-1").LatestEvidenceDay());

    [Fact]
    public void LatestEvidenceDay_OfAnEmptyPortfolio_IsNull()
    {
        Assert.Null(new Portfolio().LatestEvidenceDay());
        Assert.Null(new Portfolio([], [], []).LatestEvidenceDay());
    }

    [Fact]
    public void LatestEvidenceDay_CountsDealsOutsidePartnershipsAndRevenueSnapshots()
    {
        var directDeal = DealOn("O-9", null, Day, closedOn: Later);
        var snapshot = new RevenueSnapshot(new AccountId("A-1"), Later.AddDays(1), 100m);

        Assert.Equal(Later, new Portfolio(opportunities: [directDeal]).LatestEvidenceDay());
        Assert.Equal(Later.AddDays(1), new Portfolio(revenueSnapshots: [snapshot]).LatestEvidenceDay());
        Assert.Equal(Later.AddDays(1), new Portfolio([PartnershipOf("P-1")], [directDeal], [snapshot]).LatestEvidenceDay());
    }

    [Fact]
    public void LatestEvidenceDay_IsTheLatestOverEveryPartnership()
    {
        var early = PartnershipOf("P-1");
        var late = new Partnership(new Partner(new PartnerId("P-2"), "Partner P-2", PartnerType.Isv), Day, deliveries: [new Delivery(Later, false, 0.2), new Delivery(Day.AddDays(3), true, 1)]);

        Assert.Equal(Later, new Portfolio([early, late]).LatestEvidenceDay());
        Assert.Equal(Later, new Portfolio([late, early]).LatestEvidenceDay());
    }

    private static Partnership PartnershipWith(
        IEnumerable<Commitment>? commitments = null,
        IEnumerable<Interaction>? interactions = null,
        IEnumerable<Certification>? certifications = null,
        IEnumerable<Delivery>? deliveries = null,
        JointPlan? plan = null) =>
        new(new Partner(new PartnerId("P-1"), "Partner P-1", PartnerType.Isv), Day, null, commitments, interactions, certifications, deliveries, plan);

    private static Opportunity DealOn(string id, string? partner, DateOnly created, DateOnly? registeredOn = null, DateOnly? lastUpdatedOn = null, DateOnly? expectedCloseOn = null, DateOnly? closedOn = null) =>
        new(
            new OpportunityId(id),
            new AccountId("A-1"),
            created,
            DealMotion.NewLogo,
            DealSource.PartnerSourced,
            RouteToMarket.Partner,
            closedOn is null ? DealOutcome.Open : DealOutcome.Won,
            partnerId: partner is null ? null : new PartnerId(partner),
            registeredOn: registeredOn,
            lastUpdatedOn: lastUpdatedOn,
            expectedCloseOn: expectedCloseOn,
            closedOn: closedOn);
}
