using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Plan alignment (seed 002, steps 4 and 5: "Have a Plan … build the plans together", "Set Great
/// Expectations — Just Be Clear About Them"; seed 004: "what percent of their business is aligned
/// to our business?"). No plan is evidence too: the dimension then scores 0.
/// </summary>
/// <remarks>
/// The plan is read as it stood on the as-of day (DOMAIN §3.1, no look-ahead): freshness from the
/// latest review on or before it (the creation day when there is none), business alignment from the
/// latest one recorded on or before it, each goal's progress from its latest check-in on or before it.
/// <see cref="HistorySweep"/> calls <see cref="Measure"/> per point, so a history reads the plan the same way.
/// </remarks>
internal static class PlanAlignmentDimension
{
    /// <summary>Each plan-level fact (alignment, freshness, a missing plan) is one observation.</summary>
    private const double OneObservation = 1.0;

    /// <summary>Business alignment never recorded by the as-of day: the neutral 0.5, with no evidence behind it.</summary>
    private const double NeverRecorded = 0.5;

    public static HealthFactor[] Measure(Partnership partnership, int asOf, ScoringContext context)
    {
        var plan = partnership.JointPlan;
        if (plan is null || plan.CreatedOn.DayNumber > asOf)
        {
            return [context.Factor(FactorCodes.PlanMissing, HealthDimension.PlanAlignment, 0.0, OneObservation, 1.0, default)];
        }

        Int128 onTrackSum = 0;
        int withDueDay = 0, onTrack = 0, shared = 0, clear = 0;
        foreach (var goal in plan.Goals)
        {
            if (goal.Owner == GoalOwner.Both)
            {
                shared++;
            }

            if (goal.Target is not null && goal.DueOn is not null)
            {
                clear++;
            }

            if (goal.DueOn is { } due)
            {
                var ratio = OnTrack(goal.ProgressOn(asOf), due.DayNumber, (goal.StartsOn ?? plan.CreatedOn).DayNumber, asOf);
                onTrackSum += FixedPoint.From(ratio);
                withDueDay++;
                onTrack += ratio >= 1.0 ? 1 : 0;
            }
        }

        var goals = plan.Goals.Length;
        var lastReview = plan.LastReviewIndex(asOf);
        var sinceReview = asOf - (lastReview >= 0 ? plan.Reviews[lastReview].On : plan.CreatedOn).DayNumber;
        var cadence = plan.ReviewCadence.TotalDays;
        var freshness = sinceReview <= cadence ? 1.0 : Math.Pow(2.0, -(sinceReview - cadence) / cadence);
        var alignment = plan.BusinessAlignmentOn(asOf);
        var weights = context.Model.PlanWeights;
        return
        [
            context.Factor(
                FactorCodes.PlanGoalsOnTrack,
                HealthDimension.PlanAlignment,
                withDueDay == 0 ? 0.0 : FixedPoint.ToDouble(onTrackSum) / withDueDay,
                withDueDay,
                weights.GoalsOnTrack,
                new FactorFacts(onTrack, withDueDay, 0, 0, 0)),
            context.Factor(FactorCodes.PlanSharedOwnership, HealthDimension.PlanAlignment, Share(shared, goals), goals, weights.SharedOwnership, new FactorFacts(shared, goals, 0, 0, 0)),
            alignment is { } recorded
                ? context.Factor(FactorCodes.PlanBusinessAlignment, HealthDimension.PlanAlignment, recorded, OneObservation, weights.BusinessAlignment, new FactorFacts(1, 0, 0, 0, recorded))
                : context.Factor(FactorCodes.PlanBusinessAlignment, HealthDimension.PlanAlignment, NeverRecorded, 0.0, weights.BusinessAlignment, default),
            context.Factor(FactorCodes.PlanClarity, HealthDimension.PlanAlignment, Share(clear, goals), goals, weights.Clarity, new FactorFacts(clear, goals, 0, 0, 0)),
            context.Factor(FactorCodes.PlanFreshness, HealthDimension.PlanAlignment, freshness, OneObservation, weights.Freshness, new FactorFacts(sinceReview, (int)Math.Round(cadence), 0, 0, 0)),
        ];
    }

    /// <summary>min(1, progress ÷ expected), expected being the elapsed share of the goal's period (1 when nothing is expected yet).</summary>
    private static double OnTrack(double progress, int due, int start, int asOf)
    {
        double expected = due <= start
            ? (asOf >= due ? 1.0 : 0.0)
            : Math.Clamp((double)(asOf - start) / (due - start), 0.0, 1.0);
        return expected <= 0.0 ? 1.0 : Math.Min(1.0, progress / expected);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0.0 : (double)part / whole;
}
