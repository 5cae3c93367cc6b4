namespace PartnerMetrics.Insights;

/// <summary>One criterion of a <see cref="RelationshipStage"/>.</summary>
public sealed record StageCriterion
{
    internal StageCriterion(string code, RelationshipStage stage, string description)
    {
        Code = code;
        Stage = stage;
        Description = description;
    }

    /// <summary>Gets the stable code, such as <c>stage.joint-plan</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the stage that requires it.</summary>
    public RelationshipStage Stage { get; }

    /// <summary>Gets what it asks for.</summary>
    public string Description { get; }
}
