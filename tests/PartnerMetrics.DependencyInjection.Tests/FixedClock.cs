namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary>A host clock stopped at one instant, in a chosen local time zone (UTC unless told).</summary>
internal sealed class FixedClock(DateTimeOffset now, TimeZoneInfo? localTimeZone = null) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => localTimeZone ?? TimeZoneInfo.Utc;
}
