namespace PartnerMetrics.DependencyInjection;

/// <summary>"Today" for the registered services: the date of the host clock's local time.</summary>
internal static class HostClock
{
    /// <summary>The current day in the clock's <see cref="TimeProvider.LocalTimeZone"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
