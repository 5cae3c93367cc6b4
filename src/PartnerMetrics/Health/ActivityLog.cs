using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>Receives the days of logged activity.</summary>
internal interface IActivitySink
{
    void Mark(int day);
}

/// <summary>Answers whether any activity was logged in a week.</summary>
internal interface IActivityWeeks
{
    /// <summary>Whether any activity was logged on a day in [<paramref name="first"/>, <paramref name="last"/>].</summary>
    bool AnyIn(int first, int last);
}

/// <summary>
/// The activity of the last <c>weeks</c> seven-day weeks ending on one day, as one bit per week: all
/// the weekly cadence asks of a single day's score, from one pass over the evidence.
/// </summary>
internal struct WeekMask(int asOf, int weeks) : IActivitySink, IActivityWeeks
{
    private ulong active;

    public void Mark(int day)
    {
        var age = asOf - day;
        if (age >= 0 && age < weeks * 7)
        {
            active |= 1UL << (age / 7);
        }
    }

    /// <summary>Answers for the weeks the cadence asks about: [asOf − 7k − 6, asOf − 7k] for k below <c>weeks</c>.</summary>
    public readonly bool AnyIn(int first, int last) => (active & (1UL << ((asOf - last) / 7))) != 0;
}

/// <summary>
/// The days of logged activity, for a history over many days: whether any activity was logged in a span of days
/// takes two reads of a running count per day when the days asked about fit in a table a few times the number of
/// points, and a binary search of the sorted days otherwise (a few points spread over centuries).
/// </summary>
internal readonly struct ActivityDays : IActivityWeeks
{
    /// <summary>The most days the running count holds per point of the history, beyond a fixed allowance.</summary>
    private const int DaysPerPoint = 64;

    /// <summary>The days every running count may hold, whatever the number of points.</summary>
    private const int Allowance = 1 << 16;

    /// <summary>At index i, the number of activities logged from <see cref="first"/> until the day before <c>first + i</c>; null when the days are searched.</summary>
    private readonly int[]? before;
    private readonly int first;

    /// <summary>The days of logged activity, sorted; null when they are counted.</summary>
    private readonly int[]? days;

    /// <summary>Reads the activity of a partnership that a history of <paramref name="points"/> points asks about: from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public ActivityDays(Partnership partnership, int first, int last, int points)
    {
        this.first = first;
        if ((long)last - first + 2 <= Allowance + ((long)DaysPerPoint * points))
        {
            var counts = new DayCounts(first, new int[last - first + 2]);
            ActivityLog.Visit(partnership, ref counts);
            before = counts.PerDay;
            var running = 0;
            for (var i = 0; i < before.Length; i++)
            {
                (before[i], running) = (running, running + before[i]);
            }
        }
        else
        {
            var list = new DayList();
            ActivityLog.Visit(partnership, ref list);
            days = [.. list.Days];
            Array.Sort(days);
        }
    }

    /// <summary>Gets the length of the running counts, one per day from the first to the day after the last; null when the days are searched instead.</summary>
    internal int? CountedDays => before?.Length;

    /// <summary>Answers for days from the first to the last day given to the constructor.</summary>
    public bool AnyIn(int first, int last)
    {
        if (before is not null)
        {
            return before[last - this.first + 1] > before[first - this.first];
        }

        // The first day on or after `first`, if any, decides.
        var at = Array.BinarySearch(days!, first);
        if (at >= 0)
        {
            return true;
        }

        at = ~at;
        return at < days!.Length && days[at] <= last;
    }

    /// <summary>Counts the activities of each day in range at the day's index; the running count then turns them into counts before each day.</summary>
    private readonly struct DayCounts(int first, int[] perDay) : IActivitySink
    {
        public int[] PerDay { get; } = perDay;

        public void Mark(int day)
        {
            var index = (long)day - first;
            if (index >= 0 && index < PerDay.Length - 1)
            {
                PerDay[index]++;
            }
        }
    }

    private struct DayList() : IActivitySink
    {
        public List<int> Days { get; } = [];

        public readonly void Mark(int day) => Days.Add(day);
    }
}

/// <summary>
/// The one definition of "logged activity" (seed 002: "if it isn't in your CRM — it didn't happen"):
/// every dated record of a partnership — a deal entering the CRM, updated or closed (one activity a day of a deal), a commitment
/// resolved, an interaction, a certification obtained, a delivery, a plan created or reviewed (each review). A goal's progress check-in is an
/// update of the plan, not counted on its own. Days
/// after the as-of day are passed too; sinks ignore what they cannot see.
/// </summary>
internal static class ActivityLog
{
    public static void Visit<TSink>(Partnership partnership, ref TSink sink)
        where TSink : struct, IActivitySink
    {
        foreach (var deal in partnership.Opportunities)
        {
            // Nothing about a deal is activity before the CRM knew of it: an update or a close dated
            // earlier than the registration counts on the registration day, as in pipeline freshness.
            // Each day of a deal's record is one activity, as a review on a plan's creation day is none of its own: a
            // CRM sets a deal's last modification to the day it was entered until someone edits it, and to the day
            // it was closed when closing it is the last edit; those were counted twice.
            var known = (deal.RegisteredOn ?? deal.CreatedOn).DayNumber;
            sink.Mark(known);
            var updated = deal.LastUpdatedOn is { } u ? Math.Max(u.DayNumber, known) : known;
            if (updated != known)
            {
                sink.Mark(updated);
            }

            if (deal.ClosedOn is { } closed && Math.Max(closed.DayNumber, known) is var close && close != known && close != updated)
            {
                sink.Mark(close);
            }
        }

        foreach (var commitment in partnership.Commitments)
        {
            // On the day it was resolved, or for a promise kept on a day not recorded, its due day (trust may date the
            // promise otherwise: an early break, from its due day on, at its due day; a keep past the grace period at due + grace).
            if ((commitment.ResolvedOn ?? (commitment.Outcome == CommitmentOutcome.Kept ? commitment.DueOn : null)) is { } resolved)
            {
                sink.Mark(resolved.DayNumber);
            }
        }

        foreach (var interaction in partnership.Interactions)
        {
            sink.Mark(interaction.Date.DayNumber);
        }

        foreach (var certification in partnership.Certifications)
        {
            sink.Mark(certification.ObtainedOn.DayNumber);
        }

        foreach (var delivery in partnership.Deliveries)
        {
            sink.Mark(delivery.Date.DayNumber);
        }

        if (partnership.JointPlan is JointPlan plan)
        {
            sink.Mark(plan.CreatedOn.DayNumber);
            foreach (var review in plan.Reviews)
            {
                // A review on the creation day is the record of the plan's creation, not a second activity.
                if (review.On != plan.CreatedOn)
                {
                    sink.Mark(review.On.DayNumber);
                }
            }
        }
    }
}
