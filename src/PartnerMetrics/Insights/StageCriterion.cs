namespace PartnerMetrics.Insights;

/// <summary>One criterion of a <see cref="RelationshipStage"/>.</summary>
/// <param name="Code">The stable code, such as <c>stage.joint-plan</c>.</param>
/// <param name="Stage">The stage that requires it.</param>
/// <param name="Description">What it asks for.</param>
public sealed record StageCriterion(string Code, RelationshipStage Stage, string Description);
