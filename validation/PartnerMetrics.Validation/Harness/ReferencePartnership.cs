using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Validation.Harness;

/// <summary>
/// A fully logged partnership, of the kind DOMAIN §3.1 means by "a year of regular, fully logged evidence on both
/// sides should reach ≥ 0.85", run for two years (a year of it reaches less, docs/scoring.md): every kind of evidence
/// logged on schedule, and all of it went well.
/// The weight grid holds candidate weights to its confidence, which is what a weight set does to the
/// confidence of the best-logged partnerships a company has.
/// </summary>
public static class ReferencePartnership
{
    /// <summary>The confidence DOMAIN §3.1 asks of a fully logged partnership.</summary>
    public const double ConfidenceTarget = 0.85;

    /// <summary>
    /// Builds the partnership as of <paramref name="asOf"/>: for two years, each week a promise kept on each side,
    /// a meeting (the sides taking turns), a request each way answered in a day and a deal registered the next
    /// day with every field filled in (won eight weeks later, so the last eight are open, each updated the day
    /// before <paramref name="asOf"/>); each month an escalation resolved in three days and an on-time delivery
    /// rated 0.9; both required competencies certified; a plan reviewed 10 days ago at 0.8 alignment, with two
    /// shared, measurable goals on track.
    /// </summary>
    /// <param name="asOf">The as-of day.</param>
    /// <returns>The partnership.</returns>
    public static Partnership Create(DateOnly asOf)
    {
        DateOnly Day(int offset) => asOf.AddDays(offset);
        var weeks = Enumerable.Range(1, 104).Select(k => Day(-7 * k)).ToArray();
        var months = Enumerable.Range(1, 24).Select(m => Day(-30 * m)).ToArray();
        var id = new PartnerId("REFERENCE");
        var partner = new Partner(id, "Fully logged partner", PartnerType.SystemIntegrator, "Gold", "North", Day(-730));
        var plan = new JointPlan(
            Day(-700),
            [
                new PlanGoal("Certify engineers", GoalOwner.Both, [new GoalCheckIn(Day(-14), 0.9)], new MeasurableTarget(6, "engineers"), Day(-400), Day(100)),
                new PlanGoal("Joint pipeline", GoalOwner.Both, [new GoalCheckIn(Day(-14), 0.8)], new MeasurableTarget(40, "deals"), Day(-300), Day(200)),
            ],
            [new PlanReview(Day(-400), 0.7), new PlanReview(Day(-10), 0.8)]);
        return new Partnership(
            partner,
            Day(-730),
            ["Azure", "Security"],
            [
                .. weeks.Select(d => new Commitment(Side.Partner, d, CommitmentOutcome.Kept, d)),
                .. weeks.Select(d => new Commitment(Side.Vendor, d.AddDays(-2), CommitmentOutcome.Kept, d.AddDays(-2))),
            ],
            [
                .. weeks.Select((d, i) => new Interaction(d, InteractionKind.Meeting, i % 2 == 0 ? Side.Partner : Side.Vendor)),
                .. weeks.Select(d => new Interaction(d.AddDays(-1), InteractionKind.Request, Side.Vendor, TimeSpan.FromDays(1))),
                .. weeks.Select(d => new Interaction(d.AddDays(-3), InteractionKind.Request, Side.Partner, TimeSpan.FromDays(1))),
                .. months.Select(d => new Interaction(d.AddDays(-5), InteractionKind.Escalation, Side.Partner, resolvedOn: d.AddDays(-2))),
            ],
            [new Certification("Azure", Day(-600)), new Certification("Security", Day(-500))],
            months.Select(d => new Delivery(d, true, 0.9)),
            plan,
            weeks.Select((d, i) => new Opportunity(
                new OpportunityId($"R{i}"),
                new AccountId($"RA{i}"),
                d,
                DealMotion.NewLogo,
                DealSource.PartnerSourced,
                RouteToMarket.Partner,
                i < 8 ? DealOutcome.Open : DealOutcome.Won,
                1000m,
                id,
                "North",
                d.AddDays(1),
                i < 8 ? Day(-1) : d.AddDays(56),
                d.AddDays(56),
                i < 8 ? null : d.AddDays(56),
                null,
                "Propose")));
    }
}
