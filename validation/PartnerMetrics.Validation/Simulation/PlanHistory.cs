using System.Collections.Immutable;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Validation.Simulation;

/// <summary>A dated review of a joint plan: the day and the business alignment recorded that day.</summary>
/// <param name="On">The day of the review.</param>
/// <param name="Alignment">The share of the partner's business aligned to the vendor's, in [0, 1].</param>
public readonly record struct PlanReview(DateOnly On, double Alignment);

/// <summary>A dated progress check-in of a goal.</summary>
/// <param name="On">The day of the check-in.</param>
/// <param name="Progress">The progress recorded that day, in [0, 1].</param>
public readonly record struct GoalCheckIn(DateOnly On, double Progress);

/// <summary>A goal of a joint plan with its dated check-ins, as the CRM logged them.</summary>
/// <param name="Title">What the goal is.</param>
/// <param name="Owner">Who owns it.</param>
/// <param name="Target">The measurable target, if the goal has one.</param>
/// <param name="AddedOn">The day the goal was added to the plan (and work on it starts).</param>
/// <param name="DueOn">The day the goal is due, when the CRM recorded one.</param>
/// <param name="CheckIns">The logged check-ins, in date order.</param>
public sealed record GoalHistory(string Title, GoalOwner Owner, MeasurableTarget? Target, DateOnly AddedOn, DateOnly? DueOn, ImmutableArray<GoalCheckIn> CheckIns);

/// <summary>
/// The dated history of a joint plan as the CRM logged it (DOMAIN §2, model v2), and its mapping to
/// the current model's <see cref="JointPlan"/>, which holds one value per field.
/// </summary>
/// <remarks>
/// <see cref="AsOf"/> reads every value as it stood on a day: the latest review and check-in on or
/// before it, only goals added by then, and no plan before it was created. Scoring a past day from
/// this mapping therefore never sees the future, although <see cref="JointPlan"/> itself has no dates
/// per value.
/// </remarks>
/// <param name="CreatedOn">The day the plan was created (its first logged entry).</param>
/// <param name="InitialAlignment">The alignment recorded when the plan was created.</param>
/// <param name="Reviews">The logged reviews, in date order.</param>
/// <param name="Goals">The logged goals, in the order they were added.</param>
public sealed record PlanHistory(DateOnly CreatedOn, double InitialAlignment, ImmutableArray<PlanReview> Reviews, ImmutableArray<GoalHistory> Goals)
{
    /// <summary>The plan as it stood on a day, in the current model's shape.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The plan, or <see langword="null"/> when it was created after <paramref name="day"/>.</returns>
    public JointPlan? AsOf(DateOnly day)
    {
        if (CreatedOn > day)
        {
            return null;
        }

        var alignment = InitialAlignment;
        DateOnly? lastReviewed = null;
        foreach (var review in Reviews)
        {
            if (review.On <= day)
            {
                alignment = review.Alignment;
                lastReviewed = review.On;
            }
        }

        var goals = new List<PlanGoal>();
        foreach (var goal in Goals)
        {
            if (goal.AddedOn > day)
            {
                continue;
            }

            var progress = 0.0;
            foreach (var checkIn in goal.CheckIns)
            {
                if (checkIn.On <= day)
                {
                    progress = checkIn.Progress;
                }
            }

            goals.Add(new PlanGoal(goal.Title, goal.Owner, progress, goal.Target, goal.AddedOn, goal.DueOn));
        }

        return new JointPlan(CreatedOn, alignment, goals, lastReviewed);
    }
}
