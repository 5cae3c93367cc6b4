using System.Globalization;
using System.Text;
using PartnerMetrics.Health;

namespace PartnerMetrics.Insights;

/// <summary>
/// A next action for a partnership: a concrete change to its evidence, and what that change does to
/// the score and the confidence when the partnership is scored again with it (DOMAIN section 3.3,
/// rule 20) — "if the next 3 vendor commitments are kept on time, the score goes from 61.2 to 66.8".
/// </summary>
/// <remarks>
/// Immutable and compared by value. <see cref="Impact"/> is exactly <see cref="ScoreAfter"/> −
/// <see cref="ScoreBefore"/>, and <see cref="ConfidenceGain"/> exactly <see cref="ConfidenceAfter"/> −
/// <see cref="ConfidenceBefore"/>: both are re-scores by the same <see cref="HealthScorer"/>, not
/// estimates. Every number is finite.
/// </remarks>
public sealed record Recommendation
{
    internal Recommendation(
        string code,
        RecommendationTrigger trigger,
        RecommendationSeverity severity,
        string? factorCode,
        string action,
        string change,
        string message,
        HealthReport before,
        Headline after)
    {
        Code = code;
        Trigger = trigger;
        Severity = severity;
        FactorCode = factorCode;
        Action = action;
        Change = change;
        Message = message;
        ScoreBefore = before.Score;
        ScoreAfter = after.Score;
        ConfidenceBefore = before.Confidence;
        ConfidenceAfter = after.Confidence;
        BandBefore = before.Band;
        BandAfter = after.Band;
    }

    /// <summary>Gets the stable code, one of <see cref="RecommendationCodes"/>.</summary>
    public string Code { get; }

    /// <summary>Gets why the action is proposed: observed failure, or too little evidence.</summary>
    public RecommendationTrigger Trigger { get; }

    /// <summary>Gets how urgent it is.</summary>
    public RecommendationSeverity Severity { get; }

    /// <summary>Gets the health factor the action is for, or <see langword="null"/> for the proof of concept, which gathers evidence for many.</summary>
    public string? FactorCode { get; }

    /// <summary>Gets the action in a few words, for a table: "Keep the next 3 vendor promises".</summary>
    public string Action { get; }

    /// <summary>Gets the change to the evidence that <see cref="ScoreAfter"/> was scored with, in full: what is added or changed, and its days.</summary>
    public string Change { get; }

    /// <summary>Gets why: what the factor's evidence shows today.</summary>
    public string Message { get; }

    /// <summary>Gets the score as of the day, without the change.</summary>
    public double ScoreBefore { get; }

    /// <summary>Gets the score as of the same day with the change applied.</summary>
    public double ScoreAfter { get; }

    /// <summary>Gets the points the change wins (negative when it costs points): <see cref="ScoreAfter"/> − <see cref="ScoreBefore"/>.</summary>
    public double Impact => ScoreAfter - ScoreBefore;

    /// <summary>Gets the overall confidence as of the day, without the change.</summary>
    public double ConfidenceBefore { get; }

    /// <summary>Gets the overall confidence with the change applied.</summary>
    public double ConfidenceAfter { get; }

    /// <summary>Gets the confidence the change gains: <see cref="ConfidenceAfter"/> − <see cref="ConfidenceBefore"/>.</summary>
    public double ConfidenceGain => ConfidenceAfter - ConfidenceBefore;

    /// <summary>Gets the band without the change.</summary>
    public HealthBand BandBefore { get; }

    /// <summary>Gets the band with the change applied.</summary>
    public HealthBand BandAfter { get; }

    /// <summary>The action and its impact in words, as a table shows it: "Keep the next 3 vendor promises: +5.3".</summary>
    /// <returns>
    /// The action, a colon, and the signed impact to one decimal; an impact that is not 0 but would read 0.0 gets the
    /// decimals its first significant digit needs ("+0.05"), so that an action proposed because it wins points never reads "+0.0".
    /// </returns>
    public string Describe() => $"{Action}: {Points(Impact)}";

    /// <summary>
    /// Signed points to one decimal, or to the first significant digit when one decimal would show none: a plan review four days
    /// past its 90-day cadence wins 0.045 points, which read "+0.0", and a small loss read "-0.0".
    /// </summary>
    internal static string Points(double impact)
    {
        var sign = impact >= 0 ? "+" : string.Empty;
        for (var decimals = 1; decimals <= 15; decimals++)
        {
            var text = impact.ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture);
            if (impact == 0 || text.AsSpan().IndexOfAnyInRange('1', '9') >= 0)
            {
                return sign + text;
            }
        }

        return sign + impact.ToString("G2", CultureInfo.InvariantCulture);
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Code = {Code}, Trigger = {Trigger}, Action = {Action}, Score = {ScoreBefore} → {ScoreAfter}, Confidence = {ConfidenceBefore} → {ConfidenceAfter}");
        return true;
    }
}
