using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Health;

/// <summary>
/// The hand-computed evidence of the pinned examples, all relative to one as-of day <see cref="T"/>.
/// Each list is the one its dimension's example test computes by hand; <see cref="WorkedExample"/>
/// puts them together for the worked example of docs/scoring.md.
/// </summary>
internal static class Examples
{
    public static readonly DateOnly T = new(2025, 6, 30);
    public static readonly PartnerId Id = new("P-1");
    public static readonly Partner Partner = new(Id, "Contoso Cloud", PartnerType.SystemIntegrator, "Gold", "North", T.AddDays(-400));

    public static DateOnly Day(int offset) => T.AddDays(offset);

    public static double W(int ageDays, double halfLifeDays) => Math.Pow(2, -ageDays / halfLifeDays);

    public static Partnership Empty(int startedDaysAgo = 100) => new(Partner, Day(-startedDaysAgo));

    // Partner: kept today (w 1); overdue open due 15 days ago (> 14-day grace: broken, w 1);
    // open due 14 days ago (within grace: not counted). Vendor: kept 180 days ago (w 0.5).
    public static readonly Commitment[] TrustCommitments =
    [
        new(Side.Partner, Day(0), CommitmentOutcome.Kept, Day(0)),
        new(Side.Partner, Day(-15), CommitmentOutcome.Open),
        new(Side.Partner, Day(-14), CommitmentOutcome.Open),
        new(Side.Vendor, Day(-180), CommitmentOutcome.Kept),
    ];

    public static readonly string[] Required = ["Azure", "Security"];

    // Azure expired 30 days ago; Security valid and never expires.
    public static readonly Certification[] Certifications =
    [
        new("Azure", Day(-400), Day(-30)),
        new("Security", Day(-100)),
    ];

    // On time, satisfied (success, w 1); on time but satisfaction 0.5 (failure, w 0.5); late (failure, w 0.25).
    public static readonly Delivery[] Deliveries =
    [
        new(Day(0), true, 0.9),
        new(Day(-365), true, 0.5),
        new(Day(-730), false, 0.95),
    ];

    // Partner requests: pending (1 day old, unanswered), failed (3 days, unanswered), answered in a
    // day (success), answered in 3 days (failure).
    public static readonly Interaction[] Requests =
    [
        new(Day(-1), InteractionKind.Request, Side.Partner),
        new(Day(-3), InteractionKind.Request, Side.Partner),
        new(Day(-90), InteractionKind.Request, Side.Partner, TimeSpan.FromDays(1)),
        new(Day(-10), InteractionKind.Request, Side.Partner, TimeSpan.FromDays(3)),
    ];

    public static readonly JointPlan Plan = new(
        Day(-200),
        businessAlignment: 0.4,
        goals:
        [
            new PlanGoal("Certify engineers", GoalOwner.Both, 0.5, new MeasurableTarget(4, "engineers"), Day(-100), Day(100)),
            new PlanGoal("Joint pipeline", GoalOwner.Partner, 0.2, dueOn: Day(200)),
            new PlanGoal("Marketing fund", GoalOwner.Vendor, 0.9, new MeasurableTarget(50_000, "USD")),
        ],
        lastReviewedOn: Day(-120),
        reviewCadence: TimeSpan.FromDays(90));

    public static readonly Opportunity[] Deals =
    [
        Deal("O1", created: -10, registered: -8, updated: -2, DealOutcome.Open, null, 1000m, expected: 30, "Propose"),
        Deal("O2", created: -100, registered: -80, updated: -50, DealOutcome.Won, closed: -50, null, expected: null, null),
        Deal("O3", created: -40, registered: -39, updated: -30, DealOutcome.Open, null, 500m, expected: null, null),
        Deal("O4", created: 1, registered: 1, updated: 1, DealOutcome.Open, null, 10m, expected: 60, "Qualify"),
    ];

    public static Partnership WorkedExample() => new(
        Partner,
        Day(-365),
        Required,
        TrustCommitments,
        Requests,
        Certifications,
        Deliveries,
        Plan,
        Deals);

    private static Opportunity Deal(string id, int created, int registered, int updated, DealOutcome outcome, int? closed, decimal? amount, int? expected, string? stage) =>
        new(new OpportunityId(id), new AccountId("A-" + id), Day(created), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner,
            outcome, amount, Id, "North", Day(registered), Day(updated), expected is { } e ? Day(e) : null, closed is { } c ? Day(c) : null, null, stage);
}
