using System.Collections.Immutable;

namespace PartnerMetrics.Insights;

/// <summary>A partnership's relationship stage and what it still misses for the next one.</summary>
public sealed record StageAssessment
{
    private readonly EquatableArray<StageCriterion> missing;

    internal StageAssessment(RelationshipStage stage, ImmutableArray<StageCriterion> missing)
    {
        Stage = stage;
        this.missing = new EquatableArray<StageCriterion>(missing);
    }

    /// <summary>Gets the stage reached.</summary>
    public RelationshipStage Stage { get; }

    /// <summary>Gets the next stage, or <see langword="null"/> at <see cref="RelationshipStage.Strategic"/>.</summary>
    public RelationshipStage? Next => Stage == RelationshipStage.Strategic ? null : Stage + 1;

    /// <summary>Gets the criteria of the next stage not yet met (empty at <see cref="RelationshipStage.Strategic"/>).</summary>
    public ImmutableArray<StageCriterion> MissingForNext => missing;
}
