using System.Collections.Immutable;
using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>
/// The business plan vendor and partner built together (seed 002, step 4: "Have a Plan … build
/// the plans together"; seed 004: "what percent of their business is aligned to our business?").
/// </summary>
[JsonConverter(typeof(DocumentConverter<JointPlan, JointPlanDocument>))]
public sealed record JointPlan
{
    /// <summary>The review cadence used when none is given: 90 days.</summary>
    public static readonly TimeSpan DefaultReviewCadence = TimeSpan.FromDays(90);

    private readonly EquatableArray<PlanGoal> goals;

    /// <summary>Initializes a new instance of the <see cref="JointPlan"/> class.</summary>
    /// <param name="createdOn">The day the plan was created.</param>
    /// <param name="businessAlignment">The share of the partner's business aligned to the vendor's, in [0, 1].</param>
    /// <param name="goals">The goals of the plan; <see langword="null"/> means none.</param>
    /// <param name="lastReviewedOn">The day the plan was last reviewed together, if ever.</param>
    /// <param name="reviewCadence">How often the plan should be reviewed; <see langword="null"/> means <see cref="DefaultReviewCadence"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessAlignment"/> is outside [0, 1], <paramref name="lastReviewedOn"/> is before <paramref name="createdOn"/>, or <paramref name="reviewCadence"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="goals"/> contains <see langword="null"/>.</exception>
    public JointPlan(DateOnly createdOn, double businessAlignment, IEnumerable<PlanGoal>? goals = null, DateOnly? lastReviewedOn = null, TimeSpan? reviewCadence = null)
    {
        CreatedOn = createdOn;
        BusinessAlignment = Ensure.UnitInterval(businessAlignment, nameof(businessAlignment));
        this.goals = Ensure.Items(goals, nameof(goals));
        LastReviewedOn = Ensure.NotBefore(lastReviewedOn, createdOn, nameof(lastReviewedOn), nameof(createdOn));
        ReviewCadence = Ensure.Positive(reviewCadence ?? DefaultReviewCadence, nameof(reviewCadence));
    }

    /// <summary>Gets the day the plan was created.</summary>
    public DateOnly CreatedOn { get; }

    /// <summary>Gets the share of the partner's business aligned to the vendor's, in [0, 1].</summary>
    public double BusinessAlignment { get; }

    /// <summary>Gets the goals of the plan.</summary>
    public ImmutableArray<PlanGoal> Goals => goals;

    /// <summary>Gets the day of the last joint review, or <see langword="null"/> if it was never reviewed.</summary>
    public DateOnly? LastReviewedOn { get; }

    /// <summary>Gets how often the plan should be reviewed.</summary>
    public TimeSpan ReviewCadence { get; }
}
