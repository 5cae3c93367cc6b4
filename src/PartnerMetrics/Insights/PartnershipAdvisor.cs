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
        RelationshipStages.Assess(partnership, Scorer.Score(partnership, asOf));

    /// <summary>Recommends next actions, most valuable first, against the targets of the model that scores the partnership.</summary>
    /// <param name="partnership">The partnership.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>
    /// One action per present factor below <see cref="HealthModel.RecommendationTarget"/>, with the points it would win;
    /// <see cref="RecommendationCodes.ExpandProofOfConcept"/> when confidence is too low to judge;
    /// <see cref="RecommendationCodes.SetFollowUpCadence"/> when momentum has stalled. Sorted by impact, then severity, then code.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="partnership"/> is <see langword="null"/>.</exception>
    public ImmutableArray<Recommendation> Recommend(Partnership partnership, DateOnly asOf)
    {
        var report = Scorer.Score(partnership, asOf);
        var target = Scorer.Models.Select(partnership).RecommendationTarget;
        var actions = new List<Recommendation>();
        foreach (var factor in report.Factors)
        {
            if (factor.Value is { } value && value < target && RecommendationCodes.ForFactor.TryGetValue(factor.Code, out var action))
            {
                actions.Add(new Recommendation(action.Code, SeverityOf(value), factor.Code, action.Message, Impact(report, factor.Code, target)));
            }
        }

        if (report.Band == HealthBand.InsufficientEvidence)
        {
            actions.Add(new Recommendation(
                RecommendationCodes.ExpandProofOfConcept,
                RecommendationSeverity.High,
                null,
                string.Create(CultureInfo.InvariantCulture, $"Confidence is {report.Confidence * 100:0} %: too little evidence to judge this partner. Widen the proof of concept (more joint deals, meetings and commitments) before judging — or abandoning — the partnership."),
                0.0));
        }

        if (Momentum(partnership, asOf).State == MomentumState.Stalled)
        {
            var cadence = report.Factor(FactorCodes.ProgressWeeklyCadence);
            actions.Add(new Recommendation(
                RecommendationCodes.SetFollowUpCadence,
                RecommendationSeverity.High,
                cadence?.Code,
                "Nothing has been logged for a month: set a follow-up cadence and keep going — inertia happens.",
                cadence is null ? 0.0 : Impact(report, cadence.Value.Code, target)));
        }

        return [.. actions.OrderByDescending(a => a.Impact).ThenByDescending(a => a.Severity).ThenBy(a => a.Code, StringComparer.Ordinal)];
    }

    private static RecommendationSeverity SeverityOf(double value) =>
        value < 0.4 ? RecommendationSeverity.High : value < 0.6 ? RecommendationSeverity.Medium : RecommendationSeverity.Low;

    /// <summary>The points won by re-scoring with the factor at the target, never less than 0.</summary>
    private double Impact(HealthReport report, string code, double target) =>
        Math.Max(0.0, Scorer.Rescore(report, code, target).Score - report.Score);
}
