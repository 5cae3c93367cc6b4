using System.Collections.Immutable;
using System.Text.Json.Serialization;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Evidence;

/// <summary>One goal of a <see cref="JointPlan"/>, with its dated progress check-ins.</summary>
/// <remarks>
/// Progress is read as of a day (<see cref="ProgressOn(DateOnly)"/>) from the latest check-in on or
/// before it. Check-ins may precede <see cref="StartsOn"/>: a CRM may record work done before the
/// goal's official start, and the single-value constructor dates its value <see cref="DateOnly.MinValue"/>.
/// </remarks>
[JsonConverter(typeof(DocumentConverter<PlanGoal, PlanGoalDocument>))]
public sealed record PlanGoal
{
    private readonly EquatableArray<GoalCheckIn> checkIns;

    /// <summary>Initializes a new instance of the <see cref="PlanGoal"/> class with its dated check-ins.</summary>
    /// <param name="title">What the goal is.</param>
    /// <param name="owner">Who owns it.</param>
    /// <param name="checkIns">The progress check-ins, in any order, at most one per day; <see langword="null"/> means none (progress 0).</param>
    /// <param name="target">The measurable target, if the goal has one.</param>
    /// <param name="startsOn">The day work on the goal starts, if set.</param>
    /// <param name="dueOn">The day the goal is due, if set.</param>
    /// <exception cref="ArgumentException"><paramref name="title"/> is empty, <paramref name="checkIns"/> contains <see langword="null"/>, or two check-ins share a day.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="owner"/> is undefined, or <paramref name="dueOn"/> is before <paramref name="startsOn"/>.</exception>
    public PlanGoal(string title, GoalOwner owner, IEnumerable<GoalCheckIn>? checkIns, MeasurableTarget? target = null, DateOnly? startsOn = null, DateOnly? dueOn = null)
    {
        Title = Ensure.Text(title, nameof(title));
        Owner = Ensure.Defined(owner, nameof(owner));
        this.checkIns = DatedEntries.Sorted(checkIns, static c => c.On, nameof(checkIns), "check-in");
        Target = target;
        StartsOn = startsOn;
        DueOn = Ensure.NotBefore(dueOn, startsOn, nameof(dueOn), nameof(startsOn));
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="PlanGoal"/> class from a single progress value, as a
    /// CRM without check-in history keeps it: one check-in dated <see cref="DateOnly.MinValue"/>.
    /// </summary>
    /// <remarks>
    /// A value without history is read as known on every day, including days before it was actually
    /// recorded; pass dated check-ins to the other constructor to score the past faithfully.
    /// </remarks>
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
        : this(title, owner, [new GoalCheckIn(DateOnly.MinValue, progress)], target, startsOn, dueOn)
    {
    }

    /// <summary>Gets what the goal is.</summary>
    public string Title { get; }

    /// <summary>Gets who owns the goal.</summary>
    public GoalOwner Owner { get; }

    /// <summary>Gets the progress check-ins, in day order.</summary>
    public ImmutableArray<GoalCheckIn> CheckIns => checkIns;

    /// <summary>Gets the measurable target, or <see langword="null"/>.</summary>
    public MeasurableTarget? Target { get; }

    /// <summary>Gets the start day, or <see langword="null"/>.</summary>
    public DateOnly? StartsOn { get; }

    /// <summary>Gets the due day, or <see langword="null"/>.</summary>
    public DateOnly? DueOn { get; }

    /// <summary>The progress as it stood on a day: the latest check-in on or before it.</summary>
    /// <param name="asOf">The day to read the goal as of.</param>
    /// <returns>The progress in [0, 1]; 0 when there was no check-in by <paramref name="asOf"/>.</returns>
    public double ProgressOn(DateOnly asOf) => ProgressOn(asOf.DayNumber);

    internal double ProgressOn(int asOf) =>
        DatedEntries.Latest(checkIns.Items, static c => c.On, asOf) is var i and >= 0 ? checkIns[i].Progress : 0.0;
}
