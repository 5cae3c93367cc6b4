namespace PartnerMetrics.Insights;

/// <summary>A coded next action for a partnership.</summary>
/// <param name="Code">The stable code, one of <see cref="RecommendationCodes"/>.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="FactorCode">The health factor it comes from, or <see langword="null"/> for evidence-level advice.</param>
/// <param name="Message">What to do, in a sentence.</param>
/// <param name="Impact">The overall points the partnership would gain if the factor reached the model's target, found by re-scoring with the factor at that value.</param>
public sealed record Recommendation(string Code, RecommendationSeverity Severity, string? FactorCode, string Message, double Impact);
