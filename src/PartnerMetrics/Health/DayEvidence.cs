using System.Collections.Immutable;
using System.Diagnostics;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Health;

/// <summary>
/// A partnership's evidence read on one day (<see cref="HealthScorer.Read"/>): the tally of every slot and the
/// weeks of activity — all a score needs besides the facts read from the partnership itself (certifications, the plan).
/// Kept so that changes of the partnership are re-scored by reading only what they change.
/// </summary>
internal struct DayEvidence(ScoringContext context, int day)
{
    /// <summary>The context of the model that scores the partnership.</summary>
    public readonly ScoringContext Context = context;

    /// <summary>The day, as a day number.</summary>
    public readonly int Day = day;

    /// <summary>The tallies on the day, one per slot.</summary>
    public TallyArray Tallies;

    /// <summary>The weeks of the cadence with logged activity.</summary>
    public WeekMask Weeks = new(day, context.Model.CadenceWeeks);

    /// <summary>Adds (<paramref name="sign"/> 1) or subtracts (−1) the tallies of other evidence read on the same day: integer sums, so exact in any order.</summary>
    public void Add(in TallyArray other, int sign)
    {
        Debug.Assert(sign is 1 or -1, "A change adds or removes evidence.");
        ReadOnlySpan<Tally> from = other;
        Span<Tally> to = Tallies;
        for (var slot = 0; slot < to.Length; slot++)
        {
            // A 128-bit product costs more than a sum: add or subtract rather than multiply by the sign.
            if (sign > 0)
            {
                to[slot].Count += from[slot].Count;
                to[slot].Weight += from[slot].Weight;
            }
            else
            {
                to[slot].Count -= from[slot].Count;
                to[slot].Weight -= from[slot].Weight;
            }
        }
    }
}

/// <summary>
/// A change of a partnership's evidence, as the scorer re-scores it (<see cref="HealthScorer.Rescore"/>):
/// the partnership after the change, and the evidence items it adds and removes, each held in a partnership of its own
/// that has only those items (a replaced item is removed as it was and added as it is).
/// </summary>
/// <remarks>
/// A change that only adds items builds the changed partnership only when it is asked for (<see cref="Changed"/>): a
/// re-score of it reads the items added and the partnership's facts (<see cref="Facts"/>), not the changed lists, and a
/// copy of every list an action adds to was most of what an action allocated.
/// </remarks>
internal sealed class EvidenceChange
{
    private readonly Func<Partnership>? change;
    private Partnership? changed;

    private EvidenceChange(Partnership changed, Partnership added, Partnership? removed, bool onlyAdds)
    {
        this.changed = changed;
        Facts = changed;
        Added = added;
        Removed = removed;
        OnlyAdds = onlyAdds;
    }

    private EvidenceChange(Func<Partnership> change, Partnership facts, Partnership added)
    {
        this.change = change;
        Facts = facts;
        Added = added;
        OnlyAdds = true;
    }

    /// <summary>Gets the partnership after the change (built on first use when the change only adds items).</summary>
    public Partnership Changed => changed ??= change!();

    /// <summary>
    /// Gets a partnership with what a score reads of the changed partnership besides its tallies and its weeks of activity:
    /// its partner, start, required competencies, certifications and plan — the changed partnership itself, or, for a change
    /// that only adds items, the original with the certifications added, if any.
    /// </summary>
    public Partnership Facts { get; }

    /// <summary>Gets the items added, in a partnership that has no other evidence (its plan is the original's: no tally reads a plan).</summary>
    public Partnership Added { get; }

    /// <summary>Gets the items removed, likewise; <see langword="null"/> when none is.</summary>
    public Partnership? Removed { get; }

    /// <summary>Gets a value indicating whether the change only adds evidence: then no day of activity is lost.</summary>
    public bool OnlyAdds { get; }

    /// <summary>Evidence items added to a partnership.</summary>
    public static EvidenceChange Adding(
        Partnership partnership,
        IReadOnlyCollection<Commitment>? commitments = null,
        IReadOnlyCollection<Interaction>? interactions = null,
        IReadOnlyCollection<Certification>? certifications = null,
        IReadOnlyCollection<Delivery>? deliveries = null,
        IReadOnlyCollection<Opportunity>? opportunities = null) => new(
            () => new Partnership(
                partnership,
                commitments is null ? null : partnership.Commitments.AddRange(commitments),
                interactions is null ? null : partnership.Interactions.AddRange(interactions),
                certifications is null ? null : partnership.Certifications.AddRange(certifications),
                deliveries is null ? null : partnership.Deliveries.AddRange(deliveries),
                opportunities: opportunities is null ? null : partnership.Opportunities.AddRange(opportunities)),
            certifications is null ? partnership : new Partnership(partnership, certifications: partnership.Certifications.AddRange(certifications)),
            Only(partnership, commitments, interactions, certifications, deliveries, opportunities));

    /// <summary>Interactions replaced, each at its index, by another.</summary>
    public static EvidenceChange Replacing(Partnership partnership, IReadOnlyList<(int Index, Interaction Item)> interactions) =>
        Replacing(partnership.Interactions, interactions, items => new Partnership(partnership, interactions: [.. items]), items => Only(partnership, interactions: items));

    /// <summary>Deals replaced, each at its index, by another with the same id.</summary>
    public static EvidenceChange Replacing(Partnership partnership, IReadOnlyList<(int Index, Opportunity Item)> opportunities) =>
        Replacing(partnership.Opportunities, opportunities, items => new Partnership(partnership, opportunities: items), items => Only(partnership, opportunities: items));

    /// <summary>
    /// Items of one list replaced, each at its index: the partnership with the changed list (<paramref name="changedWith"/>),
    /// the new items added and the old ones removed (<paramref name="only"/> holds just the items given).
    /// </summary>
    private static EvidenceChange Replacing<T>(ImmutableArray<T> list, IReadOnlyList<(int Index, T Item)> replacements, Func<T[], Partnership> changedWith, Func<T[], Partnership> only)
    {
        var changed = list.ToArray();
        foreach (var (index, item) in replacements)
        {
            changed[index] = item;
        }

        return new(changedWith(changed), only([.. replacements.Select(r => r.Item)]), only([.. replacements.Select(r => list[r.Index])]), onlyAdds: false);
    }

    /// <summary>The plan replaced: no tally reads the plan, but its days are activity, and some may go.</summary>
    public static EvidenceChange Replacing(Partnership partnership, JointPlan plan) =>
        new(new Partnership(partnership, jointPlan: plan), Only(partnership), null, onlyAdds: false);

    /// <summary>A partnership with the same partner, start and plan as <paramref name="partnership"/>, and only the evidence items given.</summary>
    private static Partnership Only(
        Partnership partnership,
        IReadOnlyCollection<Commitment>? commitments = null,
        IReadOnlyCollection<Interaction>? interactions = null,
        IReadOnlyCollection<Certification>? certifications = null,
        IReadOnlyCollection<Delivery>? deliveries = null,
        IReadOnlyCollection<Opportunity>? opportunities = null) => new(
            partnership,
            [.. commitments ?? []],
            [.. interactions ?? []],
            [.. certifications ?? []],
            [.. deliveries ?? []],
            opportunities: opportunities ?? []);
}
