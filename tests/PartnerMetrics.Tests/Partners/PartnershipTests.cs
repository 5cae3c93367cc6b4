using System.Collections.Immutable;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Partners;

public class PartnershipTests
{
    private static readonly Partner Contoso = new(new PartnerId("P-1"), "Contoso", PartnerType.Reseller);
    private static readonly DateOnly Started = new(2023, 5, 1);

    private static Opportunity DealOf(string partner, string id = "O-1") =>
        new(new OpportunityId(id), new AccountId("A-1"), Started, DealMotion.Expansion, DealSource.CoSell, RouteToMarket.Partner, partnerId: new PartnerId(partner));

    [Fact]
    public void Constructor_NullPartner_Throws() =>
        Rejects.Field<ArgumentNullException>(() => new Partnership(null!, Started), "partner");

    [Fact]
    public void Constructor_NullCollections_AreEmpty()
    {
        var partnership = new Partnership(Contoso, Started);

        Assert.Empty(partnership.RequiredCompetencies);
        Assert.Empty(partnership.Commitments);
        Assert.Empty(partnership.Interactions);
        Assert.Empty(partnership.Certifications);
        Assert.Empty(partnership.Deliveries);
        Assert.Empty(partnership.Opportunities);
        Assert.Null(partnership.JointPlan);
    }

    [Fact]
    public void Constructor_DefaultImmutableArrays_AreEmptyAndEqualToNone()
    {
        // A CRM mapper's record with an ImmutableArray field it never set passes default(ImmutableArray<T>): that is "none",
        // as null is, not a NullReferenceException from the constructor.
        var partnership = new Partnership(
            Contoso,
            Started,
            requiredCompetencies: default(ImmutableArray<string>),
            commitments: default(ImmutableArray<Commitment>),
            interactions: default(ImmutableArray<Interaction>),
            certifications: default(ImmutableArray<Certification>),
            deliveries: default(ImmutableArray<Delivery>),
            jointPlan: new JointPlan(Started, goals: default(ImmutableArray<PlanGoal>), reviews: default(ImmutableArray<PlanReview>)),
            opportunities: default(ImmutableArray<Opportunity>));

        Assert.Equal(new Partnership(Contoso, Started, jointPlan: new JointPlan(Started)), partnership);
        Assert.Empty(partnership.Commitments);
        Assert.Empty(new PlanGoal("Goal", GoalOwner.Both, default(ImmutableArray<GoalCheckIn>)).CheckIns);
        Assert.Empty(new Portfolio(default(ImmutableArray<Partnership>), default(ImmutableArray<Opportunity>), default(ImmutableArray<RevenueSnapshot>)).Partnerships);
    }

    [Fact]
    public void Constructor_NullEvidenceItem_Throws()
    {
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, commitments: [null!]), "commitments", "item 0");
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, interactions: [new Interaction(Started, InteractionKind.Call, Side.Vendor), null!]), "interactions", "item 1");
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, certifications: [null!]), "certifications");
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, deliveries: [null!]), "deliveries");
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, opportunities: [null!]), "opportunities");
    }

    [Fact]
    public void Constructor_BlankCompetency_Throws() =>
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, ["Azure", " "]), "requiredCompetencies", "item 1");

    /// <summary>A required competency with white space at an end ("Azure ") matched no certification of the name: coverage read 0 without a word.</summary>
    [Theory]
    [InlineData("Azure ")]
    [InlineData(" Azure")]
    public void Constructor_CompetencyWithWhiteSpaceAtAnEnd_Throws(string competency)
    {
        var error = Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, ["Security", competency]), "requiredCompetencies", $"'{competency}'");
        Assert.Contains("item 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("white space", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RepeatedCompetencyIgnoringCase_Throws() =>
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, ["Azure", "AZURE"]), "requiredCompetencies", "'AZURE'");

    [Fact]
    public void Constructor_CompetencyThatNoOutputCanWrite_Throws()
    {
        // A certification's competency is refused for these; a required one was not, so two names with a lone surrogate
        // were written as U+FFFD twice and the document read back as a repeated competency (or not at all).
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, ["Azure\uD800", "Azure\uD801"]), "requiredCompetencies", "U+D800");
        Rejects.Field<ArgumentOutOfRangeException>(() => new Partnership(Contoso, Started, [new string('a', 10_000_001)]), "requiredCompetencies", "10,000,001");
    }

    [Fact]
    public void Constructor_OpportunityOfAnotherPartner_Throws() =>
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, opportunities: [DealOf("P-2")]), "opportunities", "'P-2'");

    [Fact]
    public void Constructor_DirectOpportunity_Throws() =>
        Rejects.Field<ArgumentException>(
            () => new Partnership(Contoso, Started, opportunities: [new Opportunity(new OpportunityId("O-9"), new AccountId("A"), Started, DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct)]),
            "opportunities",
            "'O-9'");

    [Fact]
    public void Constructor_RepeatedOpportunityId_Throws() =>
        Rejects.Field<ArgumentException>(() => new Partnership(Contoso, Started, opportunities: [DealOf("P-1"), DealOf("P-1")]), "opportunities", "'O-1'");

    [Fact]
    public void Constructor_CopiesTheCallersCollection()
    {
        var commitments = new List<Commitment> { new(Side.Partner, Started, CommitmentOutcome.Kept) };
        var partnership = new Partnership(Contoso, Started, commitments: commitments);

        commitments.Add(new Commitment(Side.Vendor, Started, CommitmentOutcome.Open));

        Assert.Single(partnership.Commitments);
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Equality_RebuiltFromTheSameContent_IsEqualWithTheSameHash(Partnership original)
    {
        var rebuilt = new Partnership(
            original.Partner with { },
            original.StartedOn,
            original.RequiredCompetencies.ToList(),
            original.Commitments.Select(c => new Commitment(c.PromisedBy, c.DueOn, c.Outcome, c.ResolvedOn, c.Description)).ToList(),
            original.Interactions.ToArray(),
            original.Certifications.ToList(),
            original.Deliveries.ToList(),
            original.JointPlan is { } plan ? new JointPlan(plan.CreatedOn, plan.Goals.ToList(), plan.Reviews.ToList(), plan.ReviewCadence) : null,
            original.Opportunities.ToList());

        Assert.NotSame(original, rebuilt);
        Assert.Equal(original, rebuilt);
        Assert.Equal(original.GetHashCode(), rebuilt.GetHashCode());
    }

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Equality_OneMoreEvidenceItem_IsNotEqual(Partnership original, Commitment extra)
    {
        var changed = new Partnership(
            original.Partner,
            original.StartedOn,
            original.RequiredCompetencies,
            original.Commitments.Add(extra),
            original.Interactions,
            original.Certifications,
            original.Deliveries,
            original.JointPlan,
            original.Opportunities);

        Assert.NotEqual(original, changed);
    }

    [Fact]
    public void Equality_EvidenceInADifferentOrder_IsNotEqual()
    {
        Commitment kept = new(Side.Partner, Started, CommitmentOutcome.Kept);
        Commitment open = new(Side.Vendor, Started, CommitmentOutcome.Open);

        Assert.NotEqual(new Partnership(Contoso, Started, commitments: [kept, open]), new Partnership(Contoso, Started, commitments: [open, kept]));
        Assert.Equal(new Partnership(Contoso, Started, commitments: [kept, open]), new Partnership(Contoso, Started, commitments: [kept, open]));
    }
}
