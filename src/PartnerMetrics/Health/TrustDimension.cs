using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Trust (seed 002: "trust is something that is given … the real effort lies in not LOSING trust").
/// Each side's commitments resolved by the as-of day make a Beta-mean reliability in which a broken
/// promise weighs λ times a kept one; trust is the geometric mean of the sides with evidence.
/// </summary>
internal static class TrustDimension
{
    /// <summary>Each side weighs the same: trust is "a must on both sides".</summary>
    public const double SideWeight = 0.5;

    public static HealthFactor[] Measure(Partnership partnership, int asOf, ScoringContext context)
    {
        var model = context.Model;
        var grace = model.GracePeriod.TotalDays;
        SideTally partner = default, vendor = default;
        foreach (var commitment in partnership.Commitments)
        {
            ref var side = ref commitment.PromisedBy == Side.Partner ? ref partner : ref vendor;
            var due = commitment.DueOn.DayNumber;
            int? resolved = commitment.Outcome switch
            {
                CommitmentOutcome.Kept => (commitment.ResolvedOn ?? commitment.DueOn).DayNumber,
                CommitmentOutcome.KeptLate or CommitmentOutcome.Broken => commitment.ResolvedOn!.Value.DayNumber,
                _ => null,
            };

            if (resolved is { } day && day <= asOf)
            {
                side.Add(commitment.Outcome, context.Trust.Weight(asOf - day));
            }
            else if (asOf - due > grace)
            {
                // Open on the as-of day and overdue beyond the grace period: a failure dated at
                // due + grace, which ages like any other failure instead of staying fresh forever.
                side.AddOverdue(context.Trust.Weight(asOf - (due + (int)Math.Floor(grace))));
            }
        }

        return Factors(partner, vendor, context);
    }

    public static HealthFactor[] Factors(in SideTally partner, in SideTally vendor, ScoringContext context) =>
    [
        partner.ToFactor(FactorCodes.TrustPartnerReliability, context),
        vendor.ToFactor(FactorCodes.TrustVendorReliability, context),
    ];

    /// <summary>One side's commitments as of a day: weights in <see cref="FixedPoint"/> units, and counts for the reason.</summary>
    internal struct SideTally
    {
        internal Int128 kept;
        internal Int128 keptLate;
        internal Int128 broken;
        internal int keptCount;
        internal int keptLateCount;
        internal int brokenCount;
        internal int overdueCount;

        public void Add(CommitmentOutcome outcome, Int128 weight)
        {
            switch (outcome)
            {
                case CommitmentOutcome.Kept:
                    kept += weight;
                    keptCount++;
                    break;
                case CommitmentOutcome.KeptLate:
                    keptLate += weight;
                    keptLateCount++;
                    break;
                default:
                    broken += weight;
                    brokenCount++;
                    break;
            }
        }

        public void AddOverdue(Int128 weight)
        {
            broken += weight;
            brokenCount++;
            overdueCount++;
        }

        public readonly HealthFactor ToFactor(string code, ScoringContext context)
        {
            var model = context.Model;

            // KeptLate: half a kept and half a broken promise of the same weight (not loss-averse).
            var positive = FixedPoint.ToDouble(kept) + (FixedPoint.ToDouble(keptLate) / 2);
            var negative = (model.LossAversion * FixedPoint.ToDouble(broken)) + (FixedPoint.ToDouble(keptLate) / 2);
            var evidence = FixedPoint.ToDouble(kept + keptLate + broken);
            var facts = new FactorFacts(keptCount, keptLateCount, brokenCount, overdueCount, model.TrustHalfLife.TotalDays);
            return context.Rate(code, HealthDimension.Trust, positive, negative, evidence, SideWeight, facts);
        }
    }
}
