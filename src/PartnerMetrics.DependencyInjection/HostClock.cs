using Microsoft.Extensions.DependencyInjection;

namespace PartnerMetrics.DependencyInjection;

/// <summary>"Today" for the registered services: the date of the host clock's local time.</summary>
internal static class HostClock
{
    /// <summary>
    /// The host's <see cref="TimeProvider"/> when one is registered, else the system clock. Nothing is
    /// registered: a <see cref="TimeProvider"/> in the container is the app's decision, not this package's.
    /// </summary>
    /// <param name="services">The container the services are resolved from.</param>
    /// <returns>The clock.</returns>
    public static TimeProvider Of(IServiceProvider services)
    {
        // This is the one place the packages may read the system clock: the domain library itself only
        // ever takes a day from its caller.
#pragma warning disable RS0030
        return services.GetService<TimeProvider>() ?? TimeProvider.System;
#pragma warning restore RS0030
    }

    /// <summary>The current day in the clock's <see cref="TimeProvider.LocalTimeZone"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
