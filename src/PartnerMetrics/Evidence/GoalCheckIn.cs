using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>A dated progress check-in of a <see cref="PlanGoal"/>: how far the goal had come on a day.</summary>
[JsonConverter(typeof(DocumentConverter<GoalCheckIn, GoalCheckInDocument>))]
public sealed record GoalCheckIn
{
    /// <summary>Initializes a new instance of the <see cref="GoalCheckIn"/> class.</summary>
    /// <param name="on">The day the progress was recorded.</param>
    /// <param name="progress">The progress that day, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="progress"/> is outside [0, 1] or NaN.</exception>
    public GoalCheckIn(DateOnly on, double progress)
    {
        On = on;
        Progress = Ensure.UnitInterval(progress, nameof(progress));
    }

    /// <summary>Gets the day the progress was recorded.</summary>
    public DateOnly On { get; }

    /// <summary>Gets the progress that day, in [0, 1].</summary>
    public double Progress { get; }
}
