using System.Collections.Immutable;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Validation.Simulation;

/// <summary>A goal of a joint plan with its dated check-ins, as the CRM logged them.</summary>
/// <param name="Title">What the goal is.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="Target">The measurable target, if the goal has one.</param>
/// <param name="AddedOn">The day the goal was added to the plan (and work on it starts).</param>
/// <param name="DueOn">The day the goal is due, when the CRM recorded one.</param>
/// <param name="CheckIns">The logged check-ins, in date order.</param>
public sealed record GoalHistory(string Title, GoalOwner Owner, MeasurableTarget? Target, DateOnly AddedOn, DateOnly? DueOn, ImmutableArray<GoalCheckIn> CheckIns);

/// <summary>
/// The dated history of a joint plan as the CRM logged it (DOMAIN §2, model v2), and the
/// <see cref="JointPlan"/> a CRM export taken on a given day would hold.
/// </summary>
/// <remarks>
/// <see cref="AsOf"/> hands the plan's dated reviews and check-ins on or before the day to the model,
/// which reads each value as of the scoring day itself; it leaves out the goals added after the day
/// (a goal carries no date of its own in the model) and gives no plan before it was created.
/// </remarks>
/// <param name="CreatedOn">The day the plan was created (its first logged entry).</param>
/// <param name="InitialAlignment">The alignment recorded when the plan was created.</param>
/// <param name="Reviews">The logged reviews after the creation day, in date order.</param>
/// <param name="Goals">The logged goals, in the order they were added.</param>
public sealed record PlanHistory(DateOnly CreatedOn, double InitialAlignment, ImmutableArray<PlanReview> Reviews, ImmutableArray<GoalHistory> Goals)
{
    /// <summary>The plan as a CRM export taken on a day holds it.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The plan, or <see langword="null"/> when it was created after <paramref name="day"/>.</returns>
    public JointPlan? AsOf(DateOnly day)
    {
        if (CreatedOn > day)
        {
            return null;
        }

        var goals = Goals
            .Where(goal => goal.AddedOn <= day)
            .Select(goal => new PlanGoal(goal.Title, goal.Owner, goal.CheckIns.Where(c => c.On <= day), goal.Target, goal.AddedOn, goal.DueOn));
        var reviews = Reviews.Where(r => r.On <= day).Prepend(new PlanReview(CreatedOn, InitialAlignment));
        return new JointPlan(CreatedOn, goals, reviews);
    }
}
