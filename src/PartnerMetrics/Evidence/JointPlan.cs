using System.Collections.Immutable;
using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>
/// The business plan vendor and partner built together (seed 002, step 4: "Have a Plan … build
/// the plans together"; seed 004: "what percent of their business is aligned to our business?"),
/// with its dated history: the joint reviews and the business alignment recorded at them.
/// </summary>
/// <remarks>
/// Every value that changes over time is read as of a day, from the latest entry on or before it
/// (<see cref="LastReviewedOn(DateOnly)"/>, <see cref="BusinessAlignmentOn(DateOnly)"/>,
/// <see cref="PlanGoal.ProgressOn(DateOnly)"/>), so that scoring a past day never sees what was
/// recorded later. The plan has no undated "current" alignment or review day on purpose: a value
/// without a day is what let scores of the past read today's values.
/// </remarks>
[JsonConverter(typeof(DocumentConverter<JointPlan, JointPlanDocument>))]
public sealed record JointPlan
{
    /// <summary>The review cadence used when none is given: 90 days.</summary>
    public static readonly TimeSpan DefaultReviewCadence = TimeSpan.FromDays(90);

    private readonly EquatableArray<PlanGoal> goals;
    private readonly EquatableArray<PlanReview> reviews;

    /// <summary>Initializes a new instance of the <see cref="JointPlan"/> class with its dated history.</summary>
    /// <param name="createdOn">The day the plan was created.</param>
    /// <param name="goals">The goals of the plan; <see langword="null"/> means none.</param>
    /// <param name="reviews">The joint reviews, in any order, at most one per day and none before <paramref name="createdOn"/>; <see langword="null"/> means none.</param>
    /// <param name="reviewCadence">How often the plan should be reviewed; <see langword="null"/> means <see cref="DefaultReviewCadence"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A review is dated before <paramref name="createdOn"/>, or <paramref name="reviewCadence"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="goals"/> or <paramref name="reviews"/> contains <see langword="null"/>, or two reviews share a day.</exception>
    public JointPlan(DateOnly createdOn, IEnumerable<PlanGoal>? goals = null, IEnumerable<PlanReview>? reviews = null, TimeSpan? reviewCadence = null)
    {
        CreatedOn = createdOn;
        this.goals = Ensure.Items(goals, nameof(goals));
        this.reviews = DatedEntries.Sorted(reviews, static r => r.On, nameof(reviews), "review");
        if (this.reviews.Count > 0 && this.reviews[0].On < createdOn)
        {
            var early = this.reviews[0].On;
            throw new ArgumentOutOfRangeException(
                nameof(reviews),
                early,
                $"'{nameof(reviews)}' must not be dated before '{nameof(createdOn)}' ({Ensure.Iso(createdOn)}); a review is dated {Ensure.Iso(early)}.");
        }

        ReviewCadence = Ensure.Positive(reviewCadence ?? DefaultReviewCadence, nameof(reviewCadence));
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="JointPlan"/> class from the single values a CRM
    /// without plan history keeps: one review dated <paramref name="lastReviewedOn"/> (or, when the
    /// plan was never reviewed, <paramref name="createdOn"/>) that records <paramref name="businessAlignment"/>.
    /// </summary>
    /// <remarks>
    /// The alignment is therefore known from that day on and unknown before it. To score the past
    /// faithfully, pass the dated reviews to the other constructor instead.
    /// </remarks>
    /// <param name="createdOn">The day the plan was created.</param>
    /// <param name="businessAlignment">The share of the partner's business aligned to the vendor's, in [0, 1], as last recorded.</param>
    /// <param name="goals">The goals of the plan; <see langword="null"/> means none.</param>
    /// <param name="lastReviewedOn">The day the plan was last reviewed together, if ever.</param>
    /// <param name="reviewCadence">How often the plan should be reviewed; <see langword="null"/> means <see cref="DefaultReviewCadence"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessAlignment"/> is outside [0, 1], <paramref name="lastReviewedOn"/> is before <paramref name="createdOn"/>, or <paramref name="reviewCadence"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="goals"/> contains <see langword="null"/>.</exception>
    public JointPlan(DateOnly createdOn, double businessAlignment, IEnumerable<PlanGoal>? goals = null, DateOnly? lastReviewedOn = null, TimeSpan? reviewCadence = null)
        : this(createdOn, goals, [OneReview(createdOn, businessAlignment, lastReviewedOn)], reviewCadence)
    {
    }

    /// <summary>Gets the day the plan was created.</summary>
    public DateOnly CreatedOn { get; }

    /// <summary>Gets the goals of the plan.</summary>
    public ImmutableArray<PlanGoal> Goals => goals;

    /// <summary>Gets the joint reviews, in day order.</summary>
    public ImmutableArray<PlanReview> Reviews => reviews;

    /// <summary>Gets how often the plan should be reviewed.</summary>
    public TimeSpan ReviewCadence { get; }

    /// <summary>The day of the latest review on or before a day.</summary>
    /// <param name="asOf">The day to read the plan as of.</param>
    /// <returns>The day of the latest review on or before <paramref name="asOf"/>, or <see langword="null"/> when there was none by then.</returns>
    public DateOnly? LastReviewedOn(DateOnly asOf) =>
        LastReviewIndex(asOf.DayNumber) is var i and >= 0 ? reviews[i].On : null;

    /// <summary>The business alignment as it stood on a day: the latest one recorded on or before it.</summary>
    /// <param name="asOf">The day to read the plan as of.</param>
    /// <returns>The alignment in [0, 1], or <see langword="null"/> when none was recorded by <paramref name="asOf"/>.</returns>
    public double? BusinessAlignmentOn(DateOnly asOf) => BusinessAlignmentOn(asOf.DayNumber);

    /// <summary>The index in <see cref="Reviews"/> of the latest review on or before a day number, or −1.</summary>
    internal int LastReviewIndex(int asOf) => DatedEntries.Latest(reviews.Items, static r => r.On, asOf);

    internal double? BusinessAlignmentOn(int asOf)
    {
        var items = reviews.Items;
        for (var i = LastReviewIndex(asOf); i >= 0; i--)
        {
            if (items[i].BusinessAlignment is { } alignment)
            {
                return alignment;
            }
        }

        return null;
    }

    private static PlanReview OneReview(DateOnly createdOn, double businessAlignment, DateOnly? lastReviewedOn)
    {
        Ensure.UnitInterval(businessAlignment, nameof(businessAlignment));
        var day = Ensure.NotBefore(lastReviewedOn, createdOn, nameof(lastReviewedOn), nameof(createdOn)) ?? createdOn;
        return new PlanReview(day, businessAlignment);
    }
}
