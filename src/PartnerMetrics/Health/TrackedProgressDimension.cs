using System.Numerics;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Tracked progress (seed 002: "if it isn't in your CRM — it didn't happen … apply discipline each
/// week"): deals registered soon after they originate, open deals kept fresh and complete, and
/// activity logged every week.
/// </summary>
internal static class TrackedProgressDimension
{
    private const int RequiredFields = 3;

    public static HealthFactor[] Measure(Partnership partnership, int asOf, ScoringContext context)
    {
        var model = context.Model;
        var registrationDays = model.RegistrationWindow.TotalDays;
        var updateDays = model.UpdateWindow.TotalDays;
        RateTally timeliness = default;
        Int128 completenessWeight = 0, filledWeight = 0;
        int deals = 0, filled = 0, open = 0, fresh = 0;
        var activity = new WeekMask(asOf, model.CadenceWeeks);

        foreach (var deal in partnership.Opportunities)
        {
            // A deal the CRM did not know by the as-of day is invisible.
            var known = (deal.RegisteredOn ?? deal.CreatedOn).DayNumber;
            if (known > asOf)
            {
                continue;
            }

            var weight = context.TrackedProgress.Weight(asOf - deal.CreatedOn.DayNumber);
            if (deal.RegisteredOn is { } registered)
            {
                timeliness.Add(registered.DayNumber - deal.CreatedOn.DayNumber <= registrationDays, weight);
            }

            var fields = (deal.Amount is null ? 0 : 1) + (deal.ExpectedCloseOn is null ? 0 : 1) + (deal.Stage is null ? 0 : 1);
            completenessWeight += weight;
            filledWeight += weight * fields;
            filled += fields;
            deals++;

            var updated = deal.LastUpdatedOn is { } last && last.DayNumber <= asOf ? Math.Max(last.DayNumber, known) : known;
            if (deal.ClosedOn is not { } close || close.DayNumber > asOf)
            {
                open++;
                fresh += asOf - updated <= updateDays ? 1 : 0;
            }
        }

        ActivityLog.Visit(partnership, ref activity);
        var observed = activity.ObservedWeeks(partnership.StartedOn.DayNumber);
        return Factors(timeliness, completenessWeight, filledWeight, deals, filled, open, fresh, BitOperations.PopCount(observed), activity.ActiveWeeks(observed), context.Maturity(partnership.StartedOn.DayNumber, asOf), context);
    }

    public static HealthFactor[] Factors(in RateTally timeliness, Int128 completenessWeight, Int128 filledWeight, int deals, int filled, int open, int fresh, int observedWeeks, int activeWeeks, double maturity, ScoringContext context)
    {
        var model = context.Model;
        var registrationDays = model.RegistrationWindow.TotalDays;
        var updateDays = model.UpdateWindow.TotalDays;
        var weights = model.ProgressWeights;
        return
        [
            context.Rate(
                FactorCodes.ProgressRegistrationTimeliness,
                HealthDimension.TrackedProgress,
                timeliness.P,
                timeliness.N,
                timeliness.Evidence,
                weights.RegistrationTimeliness,
                new FactorFacts(timeliness.Successes, timeliness.Successes + timeliness.Failures, 0, 0, registrationDays)),
            context.Rate(
                FactorCodes.ProgressPipelineFreshness,
                HealthDimension.TrackedProgress,
                fresh,
                open - fresh,
                open,
                weights.PipelineFreshness,
                new FactorFacts(fresh, open, 0, 0, updateDays)),
            context.Rate(
                FactorCodes.ProgressDataCompleteness,
                HealthDimension.TrackedProgress,

                // Each deal weighs its recency, split into its filled and its missing share of the fields.
                FixedPoint.ToDouble(filledWeight) / RequiredFields,
                FixedPoint.ToDouble(Int128.Max(Int128.Zero, (completenessWeight * RequiredFields) - filledWeight)) / RequiredFields,
                FixedPoint.ToDouble(completenessWeight),
                weights.DataCompleteness,
                new FactorFacts(filled, deals * RequiredFields, 0, 0, 0)),
            ScoringContext.Fact(
                FactorCodes.ProgressWeeklyCadence,
                HealthDimension.TrackedProgress,
                observedWeeks == 0 ? 0.0 : (double)activeWeeks / observedWeeks,
                observedWeeks,
                maturity,
                weights.WeeklyCadence,
                new FactorFacts(activeWeeks, observedWeeks, 0, 0, 0)),
        ];
    }

    /// <summary>The last <c>weeks</c> seven-day windows ending on the as-of day; bit k is the week k weeks back.</summary>
    private struct WeekMask(int asOf, int weeks) : IActivitySink
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

        /// <summary>Weeks whose last day is on or after the partnership started.</summary>
        public readonly ulong ObservedWeeks(int startedOn)
        {
            ulong observed = 0;
            for (var week = 0; week < weeks; week++)
            {
                if (asOf - (7 * week) >= startedOn)
                {
                    observed |= 1UL << week;
                }
            }

            return observed;
        }

        public readonly int ActiveWeeks(ulong observed) => BitOperations.PopCount(active & observed);
    }
}
