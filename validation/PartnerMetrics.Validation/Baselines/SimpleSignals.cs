using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Validation.Baselines;

/// <summary>
/// The signals a channel manager already has without any model, computed from the same logged data as
/// the health score and, like it, from evidence on or before the as-of day only.
/// </summary>
public static class SimpleSignals
{
    /// <summary>The value a rate takes when there is nothing to compute it from: neutral, neither good nor bad.</summary>
    public const double NeutralRate = 0.5;

    /// <summary>The number of logged interactions of every kind in the 90 days up to and including the as-of day.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The as-of day.</param>
    /// <returns>The count.</returns>
    public static int ActivityLast90Days(Partnership partnership, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var from = asOf.AddDays(-89);
        return partnership.Interactions.Count(i => i.Date >= from && i.Date <= asOf);
    }

    /// <summary>
    /// The partner's kept rate: partner commitments kept (on time or late) ÷ those kept or broken, as
    /// resolved by the as-of day; open commitments are not counted. <see cref="NeutralRate"/> when none
    /// is resolved.
    /// </summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The as-of day.</param>
    /// <returns>The rate in [0, 1].</returns>
    public static double PartnerKeptRate(Partnership partnership, DateOnly asOf)
    {
        var (kept, broken) = PartnerResolutions(partnership, DateOnly.MinValue, asOf);
        return kept + broken == 0 ? NeutralRate : (double)kept / (kept + broken);
    }

    /// <summary>
    /// The partner's win rate: deals won ÷ deals won or lost, among its deals closed in the 365 days up
    /// to and including the as-of day. <see cref="NeutralRate"/> when none closed.
    /// </summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The as-of day.</param>
    /// <returns>The rate in [0, 1].</returns>
    public static double WinRate(Partnership partnership, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var from = asOf.AddDays(-364);
        int won = 0, lost = 0;
        foreach (var deal in partnership.Opportunities)
        {
            if (deal.ClosedOn is not { } closed || closed < from || closed > asOf)
            {
                continue;
            }

            won += deal.Outcome == DealOutcome.Won ? 1 : 0;
            lost += deal.Outcome == DealOutcome.Lost ? 1 : 0;
        }

        return won + lost == 0 ? NeutralRate : (double)won / (won + lost);
    }

    /// <summary>Partner commitments kept (on time or late) and broken, resolved from <paramref name="from"/> to <paramref name="asOf"/>.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="from">The first day counted.</param>
    /// <param name="asOf">The last day counted.</param>
    /// <returns>The two counts.</returns>
    internal static (int Kept, int Broken) PartnerResolutions(Partnership partnership, DateOnly from, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        int kept = 0, broken = 0;
        foreach (var commitment in partnership.Commitments)
        {
            if (commitment.PromisedBy != Side.Partner || commitment.ResolvedOn is not { } resolved || resolved < from || resolved > asOf)
            {
                continue;
            }

            kept += commitment.Outcome is CommitmentOutcome.Kept or CommitmentOutcome.KeptLate ? 1 : 0;
            broken += commitment.Outcome == CommitmentOutcome.Broken ? 1 : 0;
        }

        return (kept, broken);
    }
}
