using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Tracked progress (seed 002: "if it isn't in your CRM — it didn't happen … apply discipline each
/// week"): deals registered soon after they originate, open deals kept fresh and complete, and
/// activity logged every week.
/// </summary>
internal static class TrackedProgressDimension
{
    /// <summary>
    /// Fourteen tallies: one per way a deal was registered (on time, late, not at all) and number of
    /// its required fields filled (0 to 3), weighted by the deal's recency; then open deals, and open
    /// deals updated within the update window.
    /// </summary>
    public const int Slots = (Unregistered + 1) * (RequiredFields + 1) + 2;

    public static readonly FactorDefinition RegistrationTimeliness = new(
        FactorCodes.ProgressRegistrationTimeliness,
        HealthDimension.TrackedProgress,
        FactorKind.Rate,
        0.1,
        model => model.ProgressWeights.RegistrationTimeliness,
        RegistrationTimelinessReason);

    private static string RegistrationTimelinessReason(FactorFacts f) => f.Second == 0 ? "No deals with a registration day yet." : $"{f.First} of {f.Second} deals registered within {DurationText.Days(f.Measure)} of originating.";

    public static readonly FactorDefinition PipelineFreshness = new(
        FactorCodes.ProgressPipelineFreshness,
        HealthDimension.TrackedProgress,
        FactorKind.Rate,
        0.05,
        model => model.ProgressWeights.PipelineFreshness,
        PipelineFreshnessReason);

    private static string PipelineFreshnessReason(FactorFacts f) => f.Second == 0 ? "No open deals." : $"{f.First} of {f.Second} open deals updated in the last {DurationText.Days(f.Measure)}.";

    public static readonly FactorDefinition DataCompleteness = new(
        FactorCodes.ProgressDataCompleteness,
        HealthDimension.TrackedProgress,
        FactorKind.Rate,
        0.05,
        model => model.ProgressWeights.DataCompleteness,
        DataCompletenessReason);

    private static string DataCompletenessReason(FactorFacts f) => f.Second == 0 ? "No deals recorded yet." : $"{f.First} of {f.Second} required deal fields (amount, expected close, stage) filled in.";

    public static readonly FactorDefinition WeeklyCadence = new(
        FactorCodes.ProgressWeeklyCadence,
        HealthDimension.TrackedProgress,
        FactorKind.Fact,
        0.8,
        model => model.ProgressWeights.WeeklyCadence,
        WeeklyCadenceReason);

    private static string WeeklyCadenceReason(FactorFacts f) => f.Second == 0 ? "The partnership has not started yet." : $"Activity logged in {f.First} of the last {f.Second} {(f.Second == 1 ? "week" : "weeks")}.";

    private const int RequiredFields = 3;
    private const int OnTime = 0;
    private const int Late = 1;
    private const int Unregistered = 2;
    private const int Open = Slots - 2;
    private const int Fresh = Slots - 1;

    /// <summary>
    /// A deal counts from the day the CRM knew of it (its registration, else its creation), weighted
    /// by its age since that day, in the tally of its registration and filled fields: a registration a
    /// year late is a fresh failure on the day it is logged, not one already a year old (weighed from
    /// creation, it cost less than a registration 8 days late). It is open until
    /// it closes, and fresh while its latest known activity (the registration, then the last update)
    /// lies within the update window.
    /// </summary>
    public static void Describe<TSink>(Partnership partnership, ScoringContext context, ref TSink sink)
        where TSink : IEvidenceSink
    {
        const int First = EvidenceSlots.TrackedProgress;
        var model = context.Model;
        var registrationDays = model.RegistrationWindow.TotalDays;
        var window = (long)Math.Floor(model.UpdateWindow.TotalDays) + 1;
        foreach (var deal in partnership.Opportunities)
        {
            var known = (deal.RegisteredOn ?? deal.CreatedOn).DayNumber;
            var created = deal.CreatedOn.DayNumber;
            var registration = deal.RegisteredOn is { } registered
                ? (registered.DayNumber - created <= registrationDays ? OnTime : Late)
                : Unregistered;
            var fields = (deal.Amount is null ? 0 : 1) + (deal.ExpectedCloseOn is null ? 0 : 1) + (deal.Stage is null ? 0 : 1);
            sink.Weigh(First + Slot(registration, fields), context.TrackedProgress, known, known, EvidenceSlots.Never);

            var closes = deal.ClosedOn?.DayNumber ?? EvidenceSlots.Never;
            sink.Count(First + Open, known, closes);
            if (deal.LastUpdatedOn?.DayNumber is { } last && last > known)
            {
                sink.Count(First + Fresh, known, End(Math.Min(last, closes), known + window));
                sink.Count(First + Fresh, last, End(closes, last + window));
            }
            else
            {
                sink.Count(First + Fresh, known, End(closes, known + window));
            }
        }
    }

    /// <summary>The number of tracked-progress factors: registration timeliness, pipeline freshness, data completeness and weekly cadence.</summary>
    public const int FactorCount = 4;

    /// <summary>Writes the four factors on the day into <paramref name="into"/> (<see cref="FactorCount"/> long): the deal rates from the day's tallies, the weekly cadence from the activity weeks.</summary>
    public static void Factors<TWeeks>(Partnership partnership, int asOf, ReadOnlySpan<Tally> tallies, in TWeeks weeks, double maturity, ScoringContext context, Span<HealthFactor> into)
        where TWeeks : IActivityWeeks
    {
        // Σ weight · fields over the deals = Σ fields · (the weight of the deals with that many fields filled).
        Tally onTime = default, late = default;
        Fixed128 completeness = default, filledWeight = default;
        int deals = 0, filled = 0;
        for (var fields = 0; fields <= RequiredFields; fields++)
        {
            Accumulate(ref onTime, tallies[Slot(OnTime, fields)]);
            Accumulate(ref late, tallies[Slot(Late, fields)]);
            Tally withFields = default;
            for (var registration = OnTime; registration <= Unregistered; registration++)
            {
                Accumulate(ref withFields, tallies[Slot(registration, fields)]);
            }

            completeness += withFields.Weight;
            deals += withFields.Count;
            for (var field = 0; field < fields; field++)
            {
                // fields × the weight, as additions: a 128-bit product costs more than three sums.
                filledWeight += withFields.Weight;
                filled += withFields.Count;
            }
        }

        // RequiredFields × the weight of every deal, as additions too.
        var allFieldsWeight = Fixed128.Zero;
        for (var field = 0; field < RequiredFields; field++)
        {
            allFieldsWeight += completeness;
        }

        var (observedWeeks, activeWeeks) = Cadence(weeks, asOf, partnership.StartedOn.DayNumber, context.Model.CadenceWeeks);
        var (open, fresh) = (tallies[Open].Count, tallies[Fresh].Count);
        var timeliness = new RateTally(onTime, late);
        var model = context.Model;
        var registrationDays = model.RegistrationWindow.TotalDays;
        var updateDays = model.UpdateWindow.TotalDays;
        into[0] = context.Rate(
            RegistrationTimeliness,
            timeliness.P,
            timeliness.N,
            timeliness.Evidence,
            new FactorFacts(timeliness.Successes, timeliness.Successes + timeliness.Failures, 0, 0, registrationDays));
        into[1] = context.Rate(PipelineFreshness, fresh, open - fresh, open, new FactorFacts(fresh, open, 0, 0, updateDays));
        into[2] = context.Rate(
            DataCompleteness,

            // Each deal weighs its recency, split into its filled and its missing share of the fields.
            FixedPoint.ToDouble(filledWeight) / RequiredFields,
            FixedPoint.ToDouble(Fixed128.Max(Fixed128.Zero, allFieldsWeight - filledWeight)) / RequiredFields,
            FixedPoint.ToDouble(completeness),
            new FactorFacts(filled, deals * RequiredFields, 0, 0, 0));
        into[3] = context.Fact(
            WeeklyCadence,
            observedWeeks == 0 ? 0.0 : (double)activeWeeks / observedWeeks,
            observedWeeks,
            maturity,
            new FactorFacts(activeWeeks, observedWeeks, 0, 0, 0));
    }

    /// <summary>
    /// The weekly cadence on a day: of the last <paramref name="count"/> seven-day weeks ending on it,
    /// those that end on or after the partnership's start (observed), and those with logged activity.
    /// </summary>
    private static (int Observed, int Active) Cadence<TWeeks>(in TWeeks weeks, int asOf, int startedOn, int count)
        where TWeeks : IActivityWeeks
    {
        int observed = 0, active = 0;
        for (var week = 0; week < count; week++)
        {
            var last = asOf - (7 * week);
            if (last >= startedOn)
            {
                observed++;
                active += weeks.AnyIn(last - 6, last) ? 1 : 0;
            }
        }

        return (observed, active);
    }

    private static int Slot(int registration, int fields) => (registration * (RequiredFields + 1)) + fields;

    private static void Accumulate(ref Tally sum, in Tally tally)
    {
        sum.Weight += tally.Weight;
        sum.Count += tally.Count;
    }

    /// <summary>The earlier of a day and a day that may lie beyond the last representable one.</summary>
    private static int End(int day, long until) => (int)Math.Min(day, until);
}
