using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Trust (seed 002: "trust is something that is given … the real effort lies in not LOSING trust").
/// Each side's commitments resolved by the as-of day make a posterior reliability in which a broken
/// promise weighs λ times a kept one; trust is the weighted geometric mean of the two sides.
/// </summary>
internal static class TrustDimension
{
    /// <summary>Each side weighs the same: trust is "a must on both sides".</summary>
    public const double SideWeight = 0.5;

    /// <summary>Four tallies per side, the partner's first: kept, kept late (half a success and half a failure, of one weight), broken, open past the grace period.</summary>
    public const int Slots = 2 * PerSide;

    public static readonly FactorDefinition PartnerReliability = Reliability(FactorCodes.TrustPartnerReliability, "partner");

    public static readonly FactorDefinition VendorReliability = Reliability(FactorCodes.TrustVendorReliability, "vendor");

    private const int Kept = 0;
    private const int KeptLate = 1;
    private const int Broken = 2;
    private const int Overdue = 3;
    private const int PerSide = 4;

    /// <summary>
    /// A commitment counts from the day it is resolved, by its outcome. Open past due + grace, it is a
    /// failure dated at due + grace — it ages like any other failure instead of staying fresh forever —
    /// until it is resolved. A failure recorded later keeps that date: a promise broken (or kept late)
    /// and recorded after due + grace is dated at due + grace, as it was while open, so that recording
    /// the outcome never weighs a failure more than leaving it open would (leaving broken promises open
    /// must not pay). A late keep's two halves share one date, so that it weighs as half a success and
    /// half a failure whenever it was kept: dating the success at the day it was kept made a promise
    /// kept 200 days late count more than one kept a day late. A promise broken before its due day is
    /// a failure from the day it was broken, aged from that day, and from its due day on it is dated at
    /// its due day, as one broken that day: a break dated years early weighed nothing once it was due.
    /// (Until its due day it is read as it stood: broken, as a promise kept early counts as kept.)
    /// </summary>
    public static void Describe<TSink>(Partnership partnership, ScoringContext context, ref TSink sink)
        where TSink : IEvidenceSink
    {
        var grace = (int)Math.Floor(context.Model.GracePeriod.TotalDays);
        foreach (var commitment in partnership.Commitments)
        {
            var side = EvidenceSlots.Trust + (commitment.PromisedBy == Side.Partner ? 0 : PerSide);
            var overdueFrom = commitment.DueOn.DayNumber + grace + 1;
            int? resolved = commitment.Outcome switch
            {
                CommitmentOutcome.Kept => (commitment.ResolvedOn ?? commitment.DueOn).DayNumber,
                CommitmentOutcome.KeptLate or CommitmentOutcome.Broken => commitment.ResolvedOn!.Value.DayNumber,
                _ => null,
            };

            var failedOn = overdueFrom - 1;
            sink.Weigh(side + Overdue, context.Trust, failedOn, overdueFrom, resolved is { } r ? Math.Max(r, overdueFrom) : EvidenceSlots.Never);
            switch (resolved)
            {
                case { } day when commitment.Outcome == CommitmentOutcome.Kept:
                    sink.Weigh(side + Kept, context.Trust, day, day, EvidenceSlots.Never);
                    break;
                case { } day when commitment.Outcome == CommitmentOutcome.KeptLate:
                    sink.Weigh(side + KeptLate, context.Trust, Math.Min(day, failedOn), day, EvidenceSlots.Never);
                    break;
                case { } day:
                    var due = commitment.DueOn.DayNumber;
                    if (day < due)
                    {
                        // Broken before it was due: a failure from the day it was broken, aged from then, until its due day.
                        sink.Weigh(side + Broken, context.Trust, day, day, due);
                    }

                    var brokenFrom = Math.Max(day, due);
                    sink.Weigh(side + Broken, context.Trust, Math.Min(brokenFrom, failedOn), brokenFrom, EvidenceSlots.Never);
                    break;
            }
        }
    }

    /// <summary>The number of trust factors: one reliability per side.</summary>
    public const int FactorCount = 2;

    /// <summary>Writes the factors on the day, from the day's tallies, into <paramref name="into"/> (<see cref="FactorCount"/> long).</summary>
    public static void Factors(ReadOnlySpan<Tally> tallies, ScoringContext context, Span<HealthFactor> into)
    {
        into[0] = SideFactor(tallies[..PerSide], PartnerReliability, context);
        into[1] = SideFactor(tallies[PerSide..], VendorReliability, context);
    }

    private static HealthFactor SideFactor(ReadOnlySpan<Tally> side, FactorDefinition factor, ScoringContext context)
    {
        var model = context.Model;
        var kept = side[Kept].Weight;
        var broken = side[Broken].Weight + side[Overdue].Weight;

        // KeptLate: half a kept promise and half a broken one (not loss-averse) of one weight, from the day it was kept, or
        // from due + grace when it was kept later.
        var half = FixedPoint.ToDouble(side[KeptLate].Weight) / 2;
        var positive = FixedPoint.ToDouble(kept) + half;
        var negative = (model.LossAversion * FixedPoint.ToDouble(broken)) + half;
        var evidence = FixedPoint.ToDouble(kept + broken) + half + half;
        var facts = new FactorFacts(side[Kept].Count, side[KeptLate].Count, side[Broken].Count + side[Overdue].Count, side[Overdue].Count, model.TrustHalfLife.TotalDays);
        return context.Rate(factor, positive, negative, evidence, facts);
    }

    /// <summary>A side's reliability: the posterior of its commitments, at half the dimension's weight.</summary>
    private static FactorDefinition Reliability(string code, string side) => new(code, HealthDimension.Trust, FactorKind.Rate, SideWeight, _ => SideWeight, f =>
    {
        var resolved = f.First + f.Second + f.Third;
        if (resolved == 0)
        {
            return $"No {side} commitments resolved or overdue yet: the {side} side is not tracked, so it sits at the prior.";
        }

        var overdue = f.Fourth == 0 ? string.Empty : $" ({f.Fourth} of them open past the grace period)";
        return $"{f.Third} of {resolved} {side} commitments broken{overdue}, {f.Second} kept late, {f.First} kept on time; recent ones weigh most (half-life {DurationText.Days(f.Measure)}).";
    });
}
