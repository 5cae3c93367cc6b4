using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Generators;

/// <summary>Rebuilds partnerships with changed evidence, for the metamorphic properties of the scoring rules.</summary>
public static class PartnershipEdits
{
    public static Partnership With(
        this Partnership p,
        IEnumerable<Commitment>? commitments = null,
        IEnumerable<Interaction>? interactions = null,
        IEnumerable<Certification>? certifications = null,
        IEnumerable<Delivery>? deliveries = null,
        IEnumerable<Opportunity>? opportunities = null,
        Func<JointPlan?, JointPlan?>? plan = null,
        IEnumerable<string>? requiredCompetencies = null) =>
        new(
            p.Partner,
            p.StartedOn,
            requiredCompetencies ?? p.RequiredCompetencies,
            commitments ?? p.Commitments,
            interactions ?? p.Interactions,
            certifications ?? p.Certifications,
            deliveries ?? p.Deliveries,
            plan is null ? p.JointPlan : plan(p.JointPlan),
            opportunities ?? p.Opportunities);

    /// <summary>
    /// A check-in of the single-value <see cref="PlanGoal"/> constructor, dated <see cref="DateOnly.MinValue"/>:
    /// known on every day, so it stays where it is when dates move (it still precedes them all).
    /// </summary>
    public static bool Undated(DateOnly day) => day == DateOnly.MinValue;

    /// <summary>The goal with other check-ins, everything else kept.</summary>
    public static PlanGoal WithCheckIns(this PlanGoal g, IEnumerable<GoalCheckIn> checkIns) =>
        new(g.Title, g.Owner, checkIns, g.Target, g.StartsOn, g.DueOn);

    /// <summary>The plan with other goals and reviews, everything else kept.</summary>
    public static JointPlan With(this JointPlan plan, IEnumerable<PlanGoal>? goals = null, IEnumerable<PlanReview>? reviews = null) =>
        new(plan.CreatedOn, goals ?? plan.Goals, reviews ?? plan.Reviews, plan.ReviewCadence);

    /// <summary>Moves every date of the partnership by <paramref name="days"/>.</summary>
    public static Partnership Shift(this Partnership p, int days)
    {
        DateOnly S(DateOnly d) => d.AddDays(days);
        DateOnly? O(DateOnly? d) => d?.AddDays(days);
        return new Partnership(
            new Partner(p.Partner.Id, p.Partner.Name, p.Partner.Type, p.Partner.Tier, p.Partner.District, O(p.Partner.OnboardedOn)),
            S(p.StartedOn),
            p.RequiredCompetencies,
            p.Commitments.Select(c => new Commitment(c.PromisedBy, S(c.DueOn), c.Outcome, O(c.ResolvedOn), c.Description)),
            p.Interactions.Select(i => new Interaction(S(i.Date), i.Kind, i.InitiatedBy, i.ResponseTime, O(i.ResolvedOn), i.Subject)),
            p.Certifications.Select(c => new Certification(c.Competency, S(c.ObtainedOn), O(c.ExpiresOn))),
            p.Deliveries.Select(d => new Delivery(S(d.Date), d.OnTime, d.Satisfaction, d.Description)),
            p.JointPlan is { } plan
                ? new JointPlan(
                    S(plan.CreatedOn),
                    plan.Goals.Select(g => new PlanGoal(g.Title, g.Owner, g.CheckIns.Select(c => new GoalCheckIn(Undated(c.On) ? c.On : S(c.On), c.Progress)), g.Target, O(g.StartsOn), O(g.DueOn))),
                    plan.Reviews.Select(r => new PlanReview(S(r.On), r.BusinessAlignment)),
                    plan.ReviewCadence)
                : null,
            p.Opportunities.Select(o => new Opportunity(
                o.Id, o.AccountId, S(o.CreatedOn), o.Motion, o.Source, o.Route, o.Outcome, o.Amount, o.PartnerId, o.District,
                O(o.RegisteredOn), O(o.LastUpdatedOn), O(o.ExpectedCloseOn), O(o.ClosedOn), o.LossReason, o.Stage)));
    }
}
