using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Insights;

/// <summary>Reads momentum and inertia from logged activity (DOMAIN section 3.3).</summary>
internal static class MomentumMeter
{
    public static MomentumReading Read(Partnership partnership, DateOnly asOf, HealthModel model)
    {
        var day = asOf.DayNumber;
        var window = (int)Math.Ceiling(model.MomentumWindow.TotalDays);
        var baseline = (int)Math.Ceiling(model.MomentumBaseline.TotalDays);
        var recent = Count(partnership, day - window + 1, day);
        var before = Count(partnership, day - window - baseline + 1, day - window);
        var recentRate = (double)recent / window;
        var baselineRate = (double)before / baseline;
        // Rates compared as whole counts cross-multiplied, recent × baseline days against ratio × before × window days:
        // as quotients of doubles, 13 in 30 days against 52 in 90, exactly 0.75 of the rate, read as above it.
        var (recentScaled, beforeScaled) = ((double)recent * baseline, (double)before * window);

        // Nothing in the recent window is a fact once the partnership is that old; a rate comparison needs a sample.
        var state = recent == 0 ? (partnership.StartedOn.DayNumber > day - window + 1 ? MomentumState.Unknown : MomentumState.Stalled)
            : recent + before < PartnershipAdvisor.MinimumActivities ? MomentumState.Unknown
            : before == 0 || recentScaled >= model.AcceleratingRatio * beforeScaled ? MomentumState.Accelerating
            : recentScaled <= model.SlowingRatio * beforeScaled ? MomentumState.Slowing
            : MomentumState.Steady;

        // The latest joint event whose following window has passed by the as-of day.
        int? lastEvent = null;
        foreach (var interaction in partnership.Interactions)
        {
            var eventDay = interaction.Date.DayNumber;
            if (interaction.Kind == InteractionKind.JointEvent && eventDay + window <= day && (lastEvent is null || eventDay > lastEvent))
            {
                lastEvent = eventDay;
            }
        }

        var inertia = lastEvent is { } e && Count(partnership, e + 1, e + window) < Count(partnership, e - window, e - 1);
        return new MomentumReading(state, recent, before, recentRate, baselineRate, lastEvent is { } d ? DateOnly.FromDayNumber(d) : null, inertia);
    }

    /// <summary>Activities logged from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    private static int Count(Partnership partnership, int first, int last)
    {
        var counter = new WindowCounter(first, last);
        ActivityLog.Visit(partnership, ref counter);
        return counter.Count;
    }

    private struct WindowCounter(int first, int last) : IActivitySink
    {
        public int Count { get; private set; }

        public void Mark(int day)
        {
            if (day >= first && day <= last)
            {
                Count++;
            }
        }
    }
}
