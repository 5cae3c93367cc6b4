using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <remarks>
/// Written always with <c>checkIns</c>. Read also with the single value <c>progress</c> of a CRM without
/// check-in history, which maps to one check-in as the
/// <see cref="PlanGoal(string, GoalOwner, double, MeasurableTarget?, DateOnly?, DateOnly?)"/> constructor does;
/// a document with both contradicts itself and is rejected.
/// </remarks>
internal sealed class PlanGoalDocument : IDocument<PlanGoal, PlanGoalDocument>
{
    public string? Title { get; set; }

    public GoalOwner? Owner { get; set; }

    public MeasurableTargetDocument? Target { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public List<GoalCheckInDocument?>? CheckIns { get; set; }

    /// <summary>The single-value form: the progress as last recorded.</summary>
    public double? Progress { get; set; }

    public static PlanGoalDocument From(PlanGoal model) => new()
    {
        Title = model.Title,
        Owner = model.Owner,
        Target = model.Target is { } target ? MeasurableTargetDocument.From(target) : null,
        StartsOn = model.StartsOn,
        DueOn = model.DueOn,
        CheckIns = From<GoalCheckIn, GoalCheckInDocument>(model.CheckIns),
    };

    public PlanGoal ToModel()
    {
        if (CheckIns is not null && Progress is not null)
        {
            throw DocumentException.Invalid(
                "progress",
                "A goal gives either dated 'checkIns' or the single value 'progress', not both: the two would contradict each other.");
        }

        return Build(this, static d => d.Progress is { } progress
            ? new PlanGoal(
                d.Title!,
                Required(d.Owner, "owner"),
                progress,
                Child<MeasurableTarget, MeasurableTargetDocument>(d.Target, "target"),
                d.StartsOn,
                d.DueOn)
            : new PlanGoal(
                d.Title!,
                Required(d.Owner, "owner"),
                Items<GoalCheckIn, GoalCheckInDocument>(d.CheckIns, "checkIns"),
                Child<MeasurableTarget, MeasurableTargetDocument>(d.Target, "target"),
                d.StartsOn,
                d.DueOn));
    }
}
