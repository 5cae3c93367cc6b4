using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class PlanGoalDocument : IDocument<PlanGoal, PlanGoalDocument>
{
    public string? Title { get; set; }

    public GoalOwner? Owner { get; set; }

    public double? Progress { get; set; }

    public MeasurableTargetDocument? Target { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public static PlanGoalDocument From(PlanGoal model) => new()
    {
        Title = model.Title,
        Owner = model.Owner,
        Progress = model.Progress,
        Target = model.Target is { } target ? MeasurableTargetDocument.From(target) : null,
        StartsOn = model.StartsOn,
        DueOn = model.DueOn,
    };

    public PlanGoal ToModel() => Build(this, static d => new PlanGoal(
        d.Title!,
        Required(d.Owner, "owner"),
        Required(d.Progress, "progress"),
        Child<MeasurableTarget, MeasurableTargetDocument>(d.Target, "target"),
        d.StartsOn,
        d.DueOn));
}
