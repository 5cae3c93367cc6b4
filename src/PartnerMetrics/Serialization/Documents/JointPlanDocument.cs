using PartnerMetrics.Evidence;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class JointPlanDocument : IDocument<JointPlan, JointPlanDocument>
{
    public DateOnly? CreatedOn { get; set; }

    public double? BusinessAlignment { get; set; }

    public List<PlanGoalDocument?>? Goals { get; set; }

    public DateOnly? LastReviewedOn { get; set; }

    public TimeSpan? ReviewCadence { get; set; }

    public static JointPlanDocument From(JointPlan model) => new()
    {
        CreatedOn = model.CreatedOn,
        BusinessAlignment = model.BusinessAlignment,
        Goals = From<PlanGoal, PlanGoalDocument>(model.Goals),
        LastReviewedOn = model.LastReviewedOn,
        ReviewCadence = model.ReviewCadence,
    };

    public JointPlan ToModel() => Build(this, static d => new JointPlan(
        Required(d.CreatedOn, "createdOn"),
        Required(d.BusinessAlignment, "businessAlignment"),
        Items<PlanGoal, PlanGoalDocument>(d.Goals, "goals"),
        d.LastReviewedOn,
        d.ReviewCadence));
}
