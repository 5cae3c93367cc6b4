using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>Receives the days of logged activity.</summary>
internal interface IActivitySink
{
    void Mark(int day);
}

/// <summary>
/// The one definition of "logged activity" (seed 002: "if it isn't in your CRM — it didn't happen"):
/// every dated record of a partnership — a deal entering the CRM, updated or closed, a commitment
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
            var known = (deal.RegisteredOn ?? deal.CreatedOn).DayNumber;
            sink.Mark(known);
            if (deal.LastUpdatedOn is { } updated)
            {
                sink.Mark(Math.Max(updated.DayNumber, known));
            }

            if (deal.ClosedOn is { } closed)
            {
                sink.Mark(Math.Max(closed.DayNumber, known));
            }
        }

        foreach (var commitment in partnership.Commitments)
        {
            if (commitment.ResolvedOn is { } resolved)
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
