using PartnerMetrics.Evidence;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class GoalCheckInDocument : IDocument<GoalCheckIn, GoalCheckInDocument>
{
    public DateOnly? On { get; set; }

    public double? Progress { get; set; }

    public static GoalCheckInDocument From(GoalCheckIn model) => new()
    {
        On = model.On,
        Progress = model.Progress,
    };

    public GoalCheckIn ToModel() => Build(this, static d => new GoalCheckIn(
        Required(d.On, "on"),
        Required(d.Progress, "progress")));
}
