using System.Collections.Immutable;
using PartnerMetrics.Evidence;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <remarks>
/// Written always with <c>reviews</c>. Read also in the single-value form of a CRM without plan
/// history (<c>businessAlignment</c>, <c>lastReviewedOn</c>), which maps to one review as the
/// <see cref="JointPlan(DateOnly, double, IEnumerable{PlanGoal}?, DateOnly?, TimeSpan?)"/> constructor
/// does; a document with both forms contradicts itself and is rejected.
/// </remarks>
internal sealed class JointPlanDocument : IDocument<JointPlan, JointPlanDocument>
{
    public DateOnly? CreatedOn { get; set; }

    public TimeSpan? ReviewCadence { get; set; }

    public List<PlanReviewDocument?>? Reviews { get; set; }

    public List<PlanGoalDocument?>? Goals { get; set; }

    /// <summary>The single-value form: the alignment as last recorded.</summary>
    public double? BusinessAlignment { get; set; }

    /// <summary>The single-value form: the day of the last review.</summary>
    public DateOnly? LastReviewedOn { get; set; }

    public static JointPlanDocument From(JointPlan model) => new()
    {
        CreatedOn = model.CreatedOn,
        ReviewCadence = model.ReviewCadence,
        Reviews = From<PlanReview, PlanReviewDocument>(model.Reviews),
        Goals = From<PlanGoal, PlanGoalDocument>(model.Goals),
    };

    public JointPlan ToModel()
    {
        if (Reviews is not null && (BusinessAlignment is not null || LastReviewedOn is not null))
        {
            throw DocumentException.Invalid(
                BusinessAlignment is not null ? "businessAlignment" : "lastReviewedOn",
                "A plan gives either dated 'reviews' or the single values 'businessAlignment' and 'lastReviewedOn', not both: the two would contradict each other.");
        }

        return Build(this, static d => d.Reviews is not null || d.BusinessAlignment is null
            ? new JointPlan(
                Required(d.CreatedOn, "createdOn"),
                Items<PlanGoal, PlanGoalDocument>(d.Goals, "goals"),
                ReviewsOf(d),
                d.ReviewCadence)
            : new JointPlan(
                Required(d.CreatedOn, "createdOn"),
                d.BusinessAlignment.Value,
                Items<PlanGoal, PlanGoalDocument>(d.Goals, "goals"),
                d.LastReviewedOn,
                d.ReviewCadence));
    }

    /// <summary>The dated reviews, or the one review without alignment of a single-value document that gives only <c>lastReviewedOn</c>.</summary>
    private static ImmutableArray<PlanReview> ReviewsOf(JointPlanDocument d)
    {
        if (d.Reviews is not null)
        {
            return Items<PlanReview, PlanReviewDocument>(d.Reviews, "reviews");
        }

        var reviewed = Ensure.NotBefore(d.LastReviewedOn, d.CreatedOn, "lastReviewedOn", "createdOn");
        return reviewed is { } day ? [new PlanReview(day)] : [];
    }
}
