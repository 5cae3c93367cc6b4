using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Plan alignment (seed 002, steps 4 and 5: "Have a Plan … build the plans together", "Set Great
/// Expectations — Just Be Clear About Them"; seed 004: "what percent of their business is aligned
/// to our business?"). No plan is evidence too: a known fact, so the dimension then scores 0.
/// </summary>
/// <remarks>
/// The plan is read as it stood on the as-of day (DOMAIN §3.1, no look-ahead): freshness from the
/// latest review on or before it (the creation day when there is none), business alignment from the
/// latest one recorded on or before it, each goal's progress from its latest check-in on or before it.
/// A score and each point of a history call <see cref="Factors"/> on their day, so both read the plan the same way.
/// </remarks>
internal static class PlanAlignmentDimension
{
    /// <summary>No plan on the day: the one factor, the fact 0, with the whole of the dimension's weight.</summary>
    public static readonly FactorDefinition Missing = new(
        FactorCodes.PlanMissing,
        HealthDimension.PlanAlignment,
        FactorKind.Fact,
        1.0,
        _ => 1.0,
        _ => "No joint business plan: build one together (seed 002, step 4: \"Have a Plan\").");

    public static readonly FactorDefinition GoalsOnTrack = new(
        FactorCodes.PlanGoalsOnTrack,
        HealthDimension.PlanAlignment,
        FactorKind.Fact,
        0.15,
        model => model.PlanWeights.GoalsOnTrack,
        GoalsOnTrackReason);

    private static string GoalsOnTrackReason(FactorFacts f) => (f.Second, f.Third) switch
    {
        // Every goal is judged (one without a due day as behind) or not yet started, so neither means the plan has none.
        (0, 0) => "The plan has no goals.",
        (0, var later) => $"No plan goal expects progress yet: {Goals(later)} with a due day {(later == 1 ? "starts" : "start")} today or later.",
        _ => $"{f.First} of {f.Second} goals at or ahead of the progress their elapsed time expects{(f.Fourth > 0 ? $"; {Goals(f.Fourth)} without a due day counted as behind" : string.Empty)}{(f.Third > 0 ? $"; {Goals(f.Third)} not yet started left out" : string.Empty)}.",
    };

    private static string Goals(int count) => count == 1 ? "1 goal" : $"{count} goals";

    public static readonly FactorDefinition SharedOwnership = new(
        FactorCodes.PlanSharedOwnership,
        HealthDimension.PlanAlignment,
        FactorKind.Fact,
        0.1,
        model => model.PlanWeights.SharedOwnership,
        SharedOwnershipReason);

    private static string SharedOwnershipReason(FactorFacts f) => f.Second == 0 ? "The plan has no goals." : $"{f.First} of {f.Second} goals owned by both sides.";

    public static readonly FactorDefinition BusinessAlignment = new(
        FactorCodes.PlanBusinessAlignment,
        HealthDimension.PlanAlignment,
        FactorKind.Fact,
        0.55,
        model => model.PlanWeights.BusinessAlignment,
        BusinessAlignmentReason);

    private static string BusinessAlignmentReason(FactorFacts f) => f.First == 0
        ? "No business alignment recorded yet: ask what share of the partner's business is aligned to ours."
        : $"{FactorDefinition.Percent(f.Measure)} % of the partner's business is aligned to ours.";

    public static readonly FactorDefinition Clarity = new(
        FactorCodes.PlanClarity,
        HealthDimension.PlanAlignment,
        FactorKind.Fact,
        0.1,
        model => model.PlanWeights.Clarity,
        ClarityReason);

    private static string ClarityReason(FactorFacts f) => f.Second == 0 ? "The plan has no goals." : $"{f.First} of {f.Second} goals have a measurable target and a due day.";

    public static readonly FactorDefinition Freshness = new(
        FactorCodes.PlanFreshness,
        HealthDimension.PlanAlignment,
        FactorKind.Fact,
        0.1,
        model => model.PlanWeights.Freshness,
        FreshnessReason);

    // The cadence as it is (36 hours, not "2 days"); a report read from a document written before the measure held it has
    // only the whole days.
    private static string FreshnessReason(FactorFacts f)
    {
        var ago = f.First switch { 0 => "today", 1 => "1 day ago", _ => $"{f.First} days ago" };
        var cadence = f.Measure > 0 ? DurationText.Days(f.Measure) : $"{f.Second} days";
        return f.Third == 0
            ? $"Last reviewed together {ago}; the review cadence is {cadence}."
            : $"Not reviewed together since the plan was created {ago}; the review cadence is {cadence}.";
    }

    /// <summary>The most plan factors: a plan's five (a missing plan has one).</summary>
    public const int MaxFactorCount = 5;

    /// <summary>The number of plan factors on the day: five for a plan created by then, one (<see cref="Missing"/>) otherwise.</summary>
    public static int FactorCount(Partnership partnership, int asOf) => PlanOn(partnership, asOf) is null ? 1 : MaxFactorCount;

    /// <summary>Writes the plan's factors on the day into <paramref name="into"/> (<see cref="FactorCount"/> long); every one is a fact (DOMAIN section 3.1), as certain as the partnership is mature.</summary>
    public static void Factors(Partnership partnership, int asOf, double maturity, ScoringContext context, Span<HealthFactor> into)
    {
        if (PlanOn(partnership, asOf) is not { } plan)
        {
            into[0] = context.Fact(Missing, 0.0, 0, maturity, default);
            return;
        }

        var onTrackSum = Fixed128.Zero;
        int judged = 0, undated = 0, onTrack = 0, notStarted = 0, shared = 0, clear = 0;
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

            // A goal without a due day cannot be shown on track: it counts 0, as a plan whose goals all lack one scores 0.
            // Left out, it let a lagging goal's due day be dropped to lift the score.
            if (goal.DueOn is not { } due)
            {
                judged++;
                undated++;
                continue;
            }

            // A goal with no progress expected yet (it starts on or after the day) is neither on track nor behind: it is
            // left out, or planning next quarter's goals would lift this quarter's score.
            var expected = Expected(goal, due, plan, asOf);
            if (expected <= 0.0)
            {
                notStarted++;
                continue;
            }

            var ratio = Math.Min(1.0, goal.ProgressOn(asOf) / expected);
            onTrackSum += FixedPoint.From(ratio);
            judged++;
            onTrack += ratio >= 1.0 ? 1 : 0;
        }

        var goals = plan.Goals.Length;
        var lastReview = plan.LastReviewIndex(asOf);
        var sinceReview = asOf - (lastReview >= 0 ? plan.Reviews[lastReview].On : plan.CreatedOn).DayNumber;
        var cadence = plan.ReviewCadence.TotalDays;
        var freshness = sinceReview <= cadence ? 1.0 : Math.Pow(2.0, -(sinceReview - cadence) / cadence);

        // Alignment never recorded is the fact 0, as with no plan: a plan that never asked "what share of
        // your business is aligned to ours?" has not shown any, and recording a low share never scores
        // below not recording it (DOMAIN section 3.2 says 0.5 at certainty 0; see docs/scoring.md for why not).
        var alignment = plan.BusinessAlignmentOn(asOf);
        into[0] = context.Fact(GoalsOnTrack, judged == 0 ? 0.0 : FixedPoint.ToDouble(onTrackSum) / judged, judged, maturity, new FactorFacts(onTrack, judged, notStarted, undated, 0));
        into[1] = context.Fact(SharedOwnership, Share(shared, goals), goals, maturity, new FactorFacts(shared, goals, 0, 0, 0));
        into[2] = context.Fact(BusinessAlignment, alignment ?? 0.0, alignment is null ? 0 : 1, maturity, new FactorFacts(alignment is null ? 0 : 1, 0, 0, 0, alignment ?? 0.0));
        into[3] = context.Fact(Clarity, Share(clear, goals), goals, maturity, new FactorFacts(clear, goals, 0, 0, 0));
        into[4] = context.Fact(Freshness, freshness, 1, maturity, new FactorFacts(sinceReview, (int)Math.Round(cadence), lastReview >= 0 ? 0 : 1, 0, cadence));
    }

    /// <summary>The plan as of the day: none before it was created.</summary>
    private static JointPlan? PlanOn(Partnership partnership, int asOf) =>
        partnership.JointPlan is { } plan && plan.CreatedOn.DayNumber <= asOf ? plan : null;

    /// <summary>
    /// The progress a goal due on <paramref name="due"/> is expected to have made on the day: the elapsed share of its period,
    /// from its start (the plan's creation when it has none) to its due day, in [0, 1] (all of it from the due day of a goal
    /// due on or before its start); 0 while nothing is expected yet. Next actions catch a goal up to it.
    /// </summary>
    internal static double Expected(PlanGoal goal, DateOnly due, JointPlan plan, int asOf)
    {
        var (start, end) = ((goal.StartsOn ?? plan.CreatedOn).DayNumber, due.DayNumber);
        return end <= start
            ? (asOf >= end ? 1.0 : 0.0)
            : Math.Clamp((double)(asOf - start) / (end - start), 0.0, 1.0);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0.0 : (double)part / whole;
}
