namespace PartnerMetrics.Insights;

/// <summary>The momentum of a partnership as of a day.</summary>
public sealed record MomentumReading
{
    internal MomentumReading(MomentumState state, int recentActivities, int baselineActivities, double recentRate, double baselineRate, DateOnly? lastJointEvent, bool inertiaAfterEvent)
    {
        State = state;
        RecentActivities = recentActivities;
        BaselineActivities = baselineActivities;
        RecentRate = recentRate;
        BaselineRate = baselineRate;
        LastJointEvent = lastJointEvent;
        InertiaAfterEvent = inertiaAfterEvent;
    }

    /// <summary>Gets the state: Accelerating, Steady, Slowing, Stalled, or Unknown when there is too little activity to compare.</summary>
    public MomentumState State { get; }

    /// <summary>Gets the number of activities logged in the recent window (the last 30 days by default, the as-of day included).</summary>
    public int RecentActivities { get; }

    /// <summary>Gets the number of activities logged in the baseline window just before it (90 days by default).</summary>
    public int BaselineActivities { get; }

    /// <summary>Gets the recent activities per day the partnership existed in the recent window (from its start, or its first logged activity when earlier); 0 when it did not exist by the as-of day.</summary>
    public double RecentRate { get; }

    /// <summary>Gets the baseline activities per day the partnership existed in the baseline window; 0 when it did not exist before the recent window (there is no baseline, and the state is Unknown unless nothing was logged in a recent window it existed through, which is Stalled).</summary>
    public double BaselineRate { get; }

    /// <summary>Gets the latest joint event whose following window has passed, if any.</summary>
    public DateOnly? LastJointEvent { get; }

    /// <summary>Gets a value that is <see langword="true"/> when activity in the window after <see cref="LastJointEvent"/> fell below the window before it.</summary>
    public bool InertiaAfterEvent { get; }
}
