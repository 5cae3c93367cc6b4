using System.Diagnostics;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Health;

/// <summary>
/// Co-operation (seed 002: "how you interact with each other on a day-to-day basis … especially
/// during stressful times"): requests answered in time, escalations resolved in time, and initiative
/// taken by both sides (seed 001: "each ball should be taken out … both ways").
/// </summary>
internal static class CooperationDimension
{
    /// <summary>
    /// Eleven tallies: answers by the partner and by the vendor, escalations, and initiative, each as
    /// successes and failures; then requests past the target unanswered, by answering side, and
    /// escalations past the target unresolved.
    /// </summary>
    public const int Slots = 11;

    public static readonly FactorDefinition PartnerResponsiveness = new(
        FactorCodes.CooperationPartnerResponsiveness,
        HealthDimension.Cooperation,
        FactorKind.Rate,
        0.2,
        model => model.CooperationWeights.PartnerResponsiveness,
        PartnerResponsivenessReason);

    private static string PartnerResponsivenessReason(FactorFacts f) => f.Second == 0
        ? "No vendor requests due an answer from the partner yet."
        : $"{f.First} of {f.Second} vendor requests answered by the partner within {DurationText.Days(f.Measure)}; {f.Third} unanswered.";

    public static readonly FactorDefinition VendorResponsiveness = new(
        FactorCodes.CooperationVendorResponsiveness,
        HealthDimension.Cooperation,
        FactorKind.Rate,
        0.2,
        model => model.CooperationWeights.VendorResponsiveness,
        VendorResponsivenessReason);

    private static string VendorResponsivenessReason(FactorFacts f) => f.Second == 0
        ? "No partner requests due an answer from the vendor yet."
        : $"{f.First} of {f.Second} partner requests answered by the vendor within {DurationText.Days(f.Measure)}; {f.Third} unanswered.";

    public static readonly FactorDefinition FrictionHandling = new(
        FactorCodes.CooperationFrictionHandling,
        HealthDimension.Cooperation,
        FactorKind.Rate,
        0.35,
        model => model.CooperationWeights.FrictionHandling,
        FrictionHandlingReason);

    private static string FrictionHandlingReason(FactorFacts f) => f.Second == 0
        ? "No escalations due a resolution yet."
        : $"{f.First} of {f.Second} escalations resolved within {DurationText.Days(f.Measure)}; {f.Third} still open.";

    public static readonly FactorDefinition Reciprocity = new(
        FactorCodes.CooperationReciprocity,
        HealthDimension.Cooperation,
        FactorKind.Balance,
        0.25,
        model => model.CooperationWeights.Reciprocity,
        ReciprocityReason);

    private static string ReciprocityReason(FactorFacts f)
    {
        var (byPartner, all) = InitiativesOf(f);
        return all == 0
            ? "No meetings, calls, emails or joint events recorded yet."
            : $"{byPartner} of {all} meetings, calls, emails and joint events initiated by the partner.";
    }

    /// <summary>
    /// The initiatives behind reciprocity: the meetings, calls, emails and joint events counted, and how many of them the
    /// partner initiated. The one reading of its facts, for its reason and for the next actions that balance it.
    /// </summary>
    /// <param name="reciprocity">The reciprocity factor of a report.</param>
    /// <returns>The partner's initiatives and all of them.</returns>
    public static (int ByPartner, int All) Initiatives(in HealthFactor reciprocity)
    {
        Debug.Assert(reciprocity.Code == FactorCodes.CooperationReciprocity, "Only reciprocity counts initiatives.");
        return InitiativesOf(reciprocity.Facts);
    }

    private static (int ByPartner, int All) InitiativesOf(FactorFacts facts) => (facts.First, facts.Second);

    /// <summary>
    /// How much more the partner's initiatives weigh than the vendor's, recency-weighted as reciprocity counts them (a meeting
    /// on the day weighs 1); negative when the vendor's weigh more. The side that lags by this, not by the counts, is the
    /// one whose next meeting raises reciprocity: two vendor meetings half a year old weigh less than one partner meeting today.
    /// </summary>
    /// <param name="reciprocity">The reciprocity factor of a report.</param>
    /// <returns>The partner's weight less the vendor's.</returns>
    public static double PartnerLead(in HealthFactor reciprocity)
    {
        Debug.Assert(reciprocity.Code == FactorCodes.CooperationReciprocity, "Only reciprocity weighs initiatives.");
        return reciprocity.Facts.Measure;
    }

    private static FactorFacts InitiativeFacts(in RateTally initiative)
    {
        var (byPartner, byVendor) = (initiative.Positive, initiative.Negative);
        var lead = byPartner >= byVendor ? FixedPoint.ToDouble(byPartner - byVendor) : -FixedPoint.ToDouble(byVendor - byPartner);
        return new(initiative.Successes, initiative.Successes + initiative.Failures, 0, 0, lead);
    }

    /// <summary>
    /// Reciprocity as a rate (model 2.2): of the initiatives' weight w_p + w_v, the part the other side matched, 2·min(w_p, w_v),
    /// counts as successes and the excess of one side, |w_p − w_v|, as failures; the value is their posterior mean with the
    /// prior mean 0.5 at the strength s = α + β, whatever α and β (<see cref="ScoringContext.BalancedPosterior"/>).
    /// </summary>
    /// <remarks>
    /// With plenty of evidence it tends to the balance 1 − |2q − 1| of the partner's share q = w_p / (w_p + w_v) (DOMAIN
    /// section 3.2), since 2·min(w_p, w_v) / (w_p + w_v) is exactly that. Taken as a rate it also behaves as the other rates
    /// do: with no evidence it sits at its prior 0.5 at certainty 0, even exchanges raise it, one-sided ones lower it, and
    /// logging less moves it towards the prior, never past it (rule 22). The balance of the posterior share that model 2.1
    /// took, 1 − |2·E[q] − 1|, is 1 with no evidence, its highest value, so that logging no interaction at all scored best.
    /// The weights are exact sums, so the matched part and the excess are exact too.
    /// </remarks>
    private static Beta Balance(in RateTally initiative, ScoringContext context)
    {
        var (byPartner, byVendor) = (initiative.Positive, initiative.Negative);
        var matched = byPartner <= byVendor ? byPartner : byVendor;
        var excess = Fixed128.Max(byPartner, byVendor) - matched;
        return context.BalancedPosterior(FixedPoint.ToDouble(matched + matched), FixedPoint.ToDouble(excess));
    }

    private const int PartnerAnswers = 0;
    private const int VendorAnswers = 2;
    private const int Escalations = 4;
    private const int Initiative = 6;
    private const int PartnerUnanswered = 8;
    private const int VendorUnanswered = 9;
    private const int Unresolved = 10;

    /// <summary>
    /// A request is answered by the side that did not ask. It counts once its answer's time has elapsed,
    /// as a success when within the response target; once the target has passed unanswered, it counts
    /// as a failure (and as unanswered until the answer comes). An escalation likewise, against the
    /// resolution target and with its own half-life. Meetings, calls, emails and joint events count from
    /// their day, by who took the initiative; requests and escalations are judged above and not counted twice.
    /// </summary>
    public static void Describe<TSink>(Partnership partnership, ScoringContext context, ref TSink sink)
        where TSink : IEvidenceSink
    {
        const int Never = EvidenceSlots.Never;
        const int First = EvidenceSlots.Cooperation;
        var model = context.Model;
        var responseDue = (int)Math.Ceiling(model.ResponseTarget.TotalDays);
        var resolutionDays = model.ResolutionTarget.TotalDays;
        var resolutionDue = (int)Math.Ceiling(resolutionDays);
        foreach (var interaction in partnership.Interactions)
        {
            var day = interaction.Date.DayNumber;
            switch (interaction.Kind)
            {
                case InteractionKind.Request:
                    var known = interaction.ResponseTime is { } response ? day + (int)Math.Ceiling(response.TotalDays) : Never;
                    var failed = day + responseDue;
                    var byPartner = interaction.InitiatedBy == Side.Vendor;
                    var answers = First + (byPartner ? PartnerAnswers : VendorAnswers);
                    if (known <= failed)
                    {
                        sink.Weigh(answers + (interaction.ResponseTime <= model.ResponseTarget ? 0 : 1), context.Cooperation, day, known, Never);
                    }
                    else
                    {
                        sink.Weigh(answers + 1, context.Cooperation, day, failed, Never);
                        sink.Count(First + (byPartner ? PartnerUnanswered : VendorUnanswered), failed, known);
                    }

                    break;
                case InteractionKind.Escalation:
                    var resolved = interaction.ResolvedOn?.DayNumber ?? Never;
                    var late = day + resolutionDue;
                    if (resolved <= late)
                    {
                        sink.Weigh(First + Escalations + (resolved - day <= resolutionDays ? 0 : 1), context.Escalations, day, resolved, Never);
                    }
                    else
                    {
                        sink.Weigh(First + Escalations + 1, context.Escalations, day, late, Never);
                        sink.Count(First + Unresolved, late, resolved);
                    }

                    break;
                default:
                    sink.Weigh(First + Initiative + (interaction.InitiatedBy == Side.Partner ? 0 : 1), context.Cooperation, day, day, Never);
                    break;
            }
        }
    }

    /// <summary>The number of co-operation factors: each side's responsiveness, friction handling and reciprocity.</summary>
    public const int FactorCount = 4;

    /// <summary>Writes the factors on the day, from the day's tallies, into <paramref name="into"/> (<see cref="FactorCount"/> long).</summary>
    public static void Factors(ReadOnlySpan<Tally> tallies, ScoringContext context, Span<HealthFactor> into)
    {
        var model = context.Model;
        var responseDays = model.ResponseTarget.TotalDays;
        var resolutionDays = model.ResolutionTarget.TotalDays;
        var initiative = new RateTally(tallies[Initiative], tallies[Initiative + 1]);
        into[0] = WithinTarget(context, PartnerResponsiveness, tallies, PartnerAnswers, PartnerUnanswered, responseDays);
        into[1] = WithinTarget(context, VendorResponsiveness, tallies, VendorAnswers, VendorUnanswered, responseDays);
        into[2] = WithinTarget(context, FrictionHandling, tallies, Escalations, Unresolved, resolutionDays);
        into[3] = context.Rate(
            Reciprocity,

            Balance(initiative, context),
            initiative.Evidence,
            InitiativeFacts(initiative));
    }

    /// <summary>
    /// A rate of things done within a target — requests one side answered (the side that did not ask), escalations
    /// resolved — from the tallies at <paramref name="outcomes"/> (within, then not), with the count of those still open
    /// past the target, at <paramref name="overdue"/>, for its reason.
    /// </summary>
    private static HealthFactor WithinTarget(ScoringContext context, FactorDefinition factor, ReadOnlySpan<Tally> tallies, int outcomes, int overdue, double targetDays)
    {
        var done = new RateTally(tallies[outcomes], tallies[outcomes + 1]);
        return context.Rate(factor, done.P, done.N, done.Evidence, new FactorFacts(done.Successes, done.Successes + done.Failures, tallies[overdue].Count, 0, targetDays));
    }
}
