using System.Text.Json.Serialization;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>One goal of a <see cref="JointPlan"/>.</summary>
[JsonConverter(typeof(DocumentConverter<PlanGoal, PlanGoalDocument>))]
public sealed record PlanGoal
{
    /// <summary>Initializes a new instance of the <see cref="PlanGoal"/> class.</summary>
    /// <param name="title">What the goal is.</param>
    /// <param name="owner">Who owns it.</param>
    /// <param name="progress">Progress so far, in [0, 1].</param>
    /// <param name="target">The measurable target, if the goal has one.</param>
    /// <param name="startsOn">The day work on the goal starts, if set.</param>
    /// <param name="dueOn">The day the goal is due, if set.</param>
    /// <exception cref="ArgumentException"><paramref name="title"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="owner"/> is undefined, <paramref name="progress"/> is outside [0, 1], or <paramref name="dueOn"/> is before <paramref name="startsOn"/>.</exception>
    public PlanGoal(string title, GoalOwner owner, double progress, MeasurableTarget? target = null, DateOnly? startsOn = null, DateOnly? dueOn = null)
    {
        Title = Ensure.Text(title, nameof(title));
        Owner = Ensure.Defined(owner, nameof(owner));
        Progress = Ensure.UnitInterval(progress, nameof(progress));
        Target = target;
        StartsOn = startsOn;
        DueOn = Ensure.NotBefore(dueOn, startsOn, nameof(dueOn), nameof(startsOn));
    }

    /// <summary>Gets what the goal is.</summary>
    public string Title { get; }

    /// <summary>Gets who owns the goal.</summary>
    public GoalOwner Owner { get; }

    /// <summary>Gets the progress so far, in [0, 1].</summary>
    public double Progress { get; }

    /// <summary>Gets the measurable target, or <see langword="null"/>.</summary>
    public MeasurableTarget? Target { get; }

    /// <summary>Gets the start day, or <see langword="null"/>.</summary>
    public DateOnly? StartsOn { get; }

    /// <summary>Gets the due day, or <see langword="null"/>.</summary>
    public DateOnly? DueOn { get; }
}
