namespace PartnerMetrics.Insights;

/// <summary>The momentum of a partnership as of a day.</summary>
/// <param name="State">Accelerating, Steady, Slowing, Stalled, or Unknown when there is too little activity to compare.</param>
/// <param name="RecentActivities">Activities logged in the recent window (the last 30 days by default, the as-of day included).</param>
/// <param name="BaselineActivities">Activities logged in the baseline window just before it (90 days by default).</param>
/// <param name="RecentRate">Recent activities per day.</param>
/// <param name="BaselineRate">Baseline activities per day.</param>
/// <param name="LastJointEvent">The latest joint event whose following window has passed, if any.</param>
/// <param name="InertiaAfterEvent"><see langword="true"/> when activity in the window after <paramref name="LastJointEvent"/> fell below the window before it.</param>
public sealed record MomentumReading(
    MomentumState State,
    int RecentActivities,
    int BaselineActivities,
    double RecentRate,
    double BaselineRate,
    DateOnly? LastJointEvent,
    bool InertiaAfterEvent);
