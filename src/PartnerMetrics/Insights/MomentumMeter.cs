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
        var window = RecentDays(model);
        var baseline = (int)Math.Ceiling(model.MomentumBaseline.TotalDays);
        var recentFirst = day - window + 1;
        var baselineFirst = recentFirst - baseline;
        var counter = new WindowsCounter(baselineFirst, recentFirst, day);
        ActivityLog.Visit(partnership, ref counter);
        var (recent, before) = (counter.Recent, counter.Before);

        // Each rate is over the days of its window on which the partnership existed: from its start, or from its first
        // logged activity when that is earlier. A partnership 40 days old with a call every third day has 10 in the
        // recent 30 days and 4 in the 10 days before: 0.83 of the rate, Steady, where the whole 90-day baseline read 4 in 90
        // and Accelerating.
        var existedFrom = Math.Min(partnership.StartedOn.DayNumber, counter.First);
        var recentDays = Math.Clamp(day - Math.Max(recentFirst, existedFrom) + 1, 0, window);
        var baselineDays = Math.Clamp(recentFirst - Math.Max(baselineFirst, existedFrom), 0, baseline);
        var recentRate = recentDays == 0 ? 0.0 : (double)recent / recentDays;
        var baselineRate = baselineDays == 0 ? 0.0 : (double)before / baselineDays;

        // Rates compared as whole counts cross-multiplied, recent × baseline days against ratio × before × recent days:
        // as quotients of doubles, 13 in 30 days against 52 in 90, exactly 0.75 of the rate, read as above it.
        var (recentScaled, beforeScaled) = ((double)recent * baselineDays, (double)before * recentDays);

        // Nothing in the recent window is a fact once the partnership is that old; a rate comparison needs a sample, and
        // a baseline: a partnership that did not exist before the recent window has none to compare with.
        var state = recent == 0 ? (existedFrom > recentFirst ? MomentumState.Unknown : MomentumState.Stalled)
            : recent + before < PartnershipAdvisor.MinimumActivities || baselineDays == 0 ? MomentumState.Unknown
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

    /// <summary>The days of the recent window, the as-of day included: <see cref="HealthModel.MomentumWindow"/> in whole days, rounded up.</summary>
    public static int RecentDays(HealthModel model) => (int)Math.Ceiling(model.MomentumWindow.TotalDays);

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

    /// <summary>Counts the baseline and the recent window in one pass, and finds the first logged activity.</summary>
    private struct WindowsCounter(int baselineFirst, int recentFirst, int last) : IActivitySink
    {
        public int Before { get; private set; }

        public int Recent { get; private set; }

        public int First { get; private set; } = int.MaxValue;

        public void Mark(int day)
        {
            First = Math.Min(First, day);
            if (day >= recentFirst && day <= last)
            {
                Recent++;
            }
            else if (day >= baselineFirst && day < recentFirst)
            {
                Before++;
            }
        }
    }
}
