using System.Collections.Immutable;
using System.Globalization;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;

namespace PartnerMetrics.Insights;

/// <summary>
/// Beyond the score (DOMAIN section 3.3): momentum, next actions ranked by the points they would win,
/// and the relationship stage. Immutable and thread-safe.
/// </summary>
public sealed class PartnershipAdvisor
{
    /// <summary>Initializes a new instance of the <see cref="PartnershipAdvisor"/> class.</summary>
    /// <param name="scorer">The scorer whose model and scores the advice follows.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scorer"/> is <see langword="null"/>.</exception>
    public PartnershipAdvisor(HealthScorer scorer) => Scorer = Ensure.NotNull(scorer, nameof(scorer));

    /// <summary>The fewest activities in the recent and baseline windows together from which momentum compares their rates (DOMAIN section 3.3); below it, <see cref="MomentumState.Unknown"/>.</summary>
    public const int MinimumActivities = 4;

    /// <summary>Gets the scorer.</summary>
    public HealthScorer Scorer { get; }

    /// <summary>Reads the momentum of a partnership as of a day, with the windows of the model that scores it.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>The momentum state, its activity counts and the inertia signal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    public MomentumReading Momentum(Partnership partnership, DateOnly asOf) =>
        MomentumMeter.Read(Ensure.NotNull(partnership, nameof(partnership)), asOf, Scorer.Models.Select(partnership));

    /// <summary>Assesses the relationship stage (seed 002) and what the next stage still needs.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>The stage and the missing criteria of the next one; see <see cref="RelationshipStages.Criteria"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    public StageAssessment Stage(Partnership partnership, DateOnly asOf) =>
        RelationshipStages.Assess(partnership, Scorer.Score(partnership, asOf), Scorer.Models.Select(partnership));

    /// <summary>
    /// Recommends next actions (DOMAIN section 3.3): for each factor with observed failure or too little evidence, the one
    /// concrete change to the evidence that serves it, with exactly what it does to the score and the confidence.
    /// </summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>
    /// At most one action per factor, each re-scored by <see cref="Scorer"/> as of <paramref name="asOf"/> with its change
    /// applied (<see cref="Recommendation.Change"/>): proposed for a factor with observed failure when the change wins
    /// points, for a rate with certainty below 0.5 when it gains confidence. Under
    /// <see cref="HealthBand.InsufficientEvidence"/> the proof of concept (<see cref="RecommendationCodes.ExpandProofOfConcept"/>)
    /// joins them, and the evidence-gathering actions come first, most confidence gained first; otherwise, and after them,
    /// actions are ranked by impact, then confidence gained, then code.
    /// </returns>
    /// <remarks>None before the partnership starts (<paramref name="asOf"/> before <see cref="Partnership.StartedOn"/>): nothing is observed yet.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    public ImmutableArray<Recommendation> Recommend(Partnership partnership, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var read = Scorer.Read(partnership, asOf);
        var report = HealthScorer.Evaluate(partnership, read);

        // The report behind the advice is a score, counted as HealthScorer.Score counts it (docs/observability.md).
        Telemetry.Scored("score", 1);
        return Recommend(partnership, asOf, report, read);
    }

    /// <summary>Recommends next actions from the partnership's report on the day, already scored by <see cref="Scorer"/>.</summary>
    internal ImmutableArray<Recommendation> Recommend(Partnership partnership, DateOnly asOf, HealthReport report) =>
        Recommend(partnership, asOf, report, Scorer.Read(partnership, asOf));

    /// <summary>Recommends next actions from the partnership's report on the day and its evidence read on the day (<see cref="HealthScorer.Read"/>).</summary>
    private ImmutableArray<Recommendation> Recommend(Partnership partnership, DateOnly asOf, HealthReport report, in DayEvidence read)
    {
        // Before the partnership starts nothing is observed: no failure to report, no evidence to gather yet (its facts,
        // such as no week of activity, read 0 and were reported as failures of High severity).
        if (asOf < partnership.StartedOn)
        {
            return [];
        }

        var model = Scorer.Models.Select(partnership);
        bool? stalled = null;
        bool Stalled() => stalled ??= Momentum(partnership, asOf).State == MomentumState.Stalled;
        var actions = new List<Recommendation>();
        foreach (var factor in report.Factors)
        {
            if (TriggerOf(factor) is not { } trigger || Counterfactuals.For(factor, partnership, asOf, model, report, Stalled) is not { } change)
            {
                continue;
            }

            var severity = trigger == RecommendationTrigger.ObservedFailure ? SeverityOf(factor.Value!.Value) : RecommendationSeverity.Low;
            var message = trigger == RecommendationTrigger.ObservedFailure
                ? factor.Reason
                : string.Create(CultureInfo.InvariantCulture, $"Too little evidence to judge (certainty {CertaintyText(factor.Confidence)}, below {LowCertainty}): {factor.Reason}");
            Propose(actions, new Recommendation(change.Code, trigger, severity, factor.Code, change.Action, change.Change, message, report, Scorer.RescoreHeadline(change.Evidence, read)));
        }

        if (report.Band == HealthBand.InsufficientEvidence)
        {
            var pilot = Counterfactuals.Pilot(partnership, asOf, report);
            Propose(actions, new Recommendation(
                pilot.Code,
                RecommendationTrigger.TooLittleEvidence,
                RecommendationSeverity.High,
                null,
                pilot.Action,
                pilot.Change,
                string.Create(CultureInfo.InvariantCulture, $"Confidence is {ConfidenceText(report.Confidence, model.Bands.MinimumConfidence)} %: too little evidence to judge this partner. Widen the proof of concept (more joint deals, meetings and commitments) before judging — or abandoning — the partnership."),
                report,
                Scorer.RescoreHeadline(pilot.Evidence, read)));
        }

        var gatherFirst = report.Band == HealthBand.InsufficientEvidence;
        return
        [
            .. actions
                .OrderBy(a => gatherFirst && a.Trigger == RecommendationTrigger.TooLittleEvidence ? 0 : 1)
                .ThenByDescending(a => gatherFirst && a.Trigger == RecommendationTrigger.TooLittleEvidence ? a.ConfidenceGain : a.Impact)
                .ThenByDescending(a => gatherFirst && a.Trigger == RecommendationTrigger.TooLittleEvidence ? a.Impact : a.ConfidenceGain)
                .ThenBy(a => a.Code, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// The partnership with an action's change applied, built again from the partnership and the day as
    /// <see cref="Recommend(Partnership, DateOnly)"/> builds it: what a test re-scores to check the action's numbers (rule 20).
    /// </summary>
    internal Partnership ChangeOf(Partnership partnership, DateOnly asOf, Recommendation action)
    {
        var report = Scorer.Score(partnership, asOf);
        if (action.FactorCode is not { } code)
        {
            return Counterfactuals.Pilot(partnership, asOf, report).Partnership;
        }

        var factor = report.Factor(code) ?? throw new ArgumentException($"The report has no factor '{code}'.", nameof(action));
        var change = Counterfactuals.For(factor, partnership, asOf, Scorer.Models.Select(partnership), report, () => Momentum(partnership, asOf).State == MomentumState.Stalled)
            ?? throw new ArgumentException($"No change for factor '{code}'.", nameof(action));
        return change.Code == action.Code ? change.Partnership : throw new ArgumentException($"The change for factor '{code}' is '{change.Code}', not '{action.Code}'.", nameof(action));
    }

    /// <summary>The certainty below which a rate has too little evidence to judge (DOMAIN section 3.3).</summary>
    internal const double LowCertainty = 0.5;

    /// <summary>
    /// A confidence below the minimum, in whole percent as the pilot's message writes it: rounded, but down where rounding
    /// would reach the minimum it is below (0.249 under the minimum 0.25 is "24", not "25").
    /// </summary>
    internal static string ConfidenceText(double confidence, double minimum)
    {
        var rounded = Math.Round(confidence * 100, MidpointRounding.AwayFromZero);
        return (rounded < minimum * 100 ? rounded : Math.Floor(confidence * 100)).ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A certainty below <see cref="LowCertainty"/> to two places: rounded, but never up to the threshold it is below
    /// (0.498 rounded read "certainty 0.50, below 0.5"). Not cut by <c>Math.Floor(c * 100)</c>, which writes 0.29 as 0.28
    /// (0.29 × 100 is 28.999999999999996 in binary).
    /// </summary>
    internal static string CertaintyText(double certainty) =>
        Math.Min(Math.Round(certainty, 2), LowCertainty - 0.01).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Why a factor deserves an action, or null when it does not: observed failure — failures in a rate's evidence,
    /// for reciprocity the excess weight of one side's initiatives (its failures), a fact below 1 — or, for a rate,
    /// certainty below <see cref="LowCertainty"/>. A rate pulled towards its prior by a small sample (one kept promise,
    /// none broken) has no failure: at most it has too little evidence. A fact's certainty is the partnership's age,
    /// which no action changes; at certainty 0, on the partnership's first day, a fact observes nothing, so its shortfall
    /// is no failure yet (no plan, no certification and no active week were reported as failures of High severity on a
    /// report of confidence 0).
    /// </summary>
    /// <remarks>
    /// Reciprocity is judged by its weights, as it is scored, not by its counts: ten partner calls this fortnight against
    /// ten vendor calls over a year ago are equal in number but leave reciprocity near 0.16, and twenty partner calls two
    /// half-lives ago against five vendor calls today are unequal in number but weigh the same, with nothing in excess.
    /// </remarks>
    internal static RecommendationTrigger? TriggerOf(HealthFactor factor)
    {
        if (factor.Value is not { } value)
        {
            return null;
        }

        var isRate = factor.Code == FactorCodes.CooperationReciprocity || FactorCatalog.IsSettablePrior(factor.Code);
        var failed = factor.Code == FactorCodes.CooperationReciprocity ? CooperationDimension.PartnerLead(factor) != 0
            : isRate ? factor.Failures > 0
            : value < 1.0 && factor.Confidence > 0;
        return failed ? RecommendationTrigger.ObservedFailure
            : isRate && factor.Confidence < LowCertainty ? RecommendationTrigger.TooLittleEvidence
            : null;
    }

    /// <summary>Keeps an action that helps: one for a failure must win points, one for too little evidence must gain confidence.</summary>
    private static void Propose(List<Recommendation> actions, Recommendation action)
    {
        if (action.Trigger == RecommendationTrigger.ObservedFailure ? action.Impact > 0 : action.ConfidenceGain > 0)
        {
            actions.Add(action);
        }
    }

    private static RecommendationSeverity SeverityOf(double value) =>
        value < 0.4 ? RecommendationSeverity.High : value < 0.6 ? RecommendationSeverity.Medium : RecommendationSeverity.Low;
}
