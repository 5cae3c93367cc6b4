using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Insights;

public class RelationshipStageTests
{
    private static readonly PartnershipAdvisor Advisor = new(new HealthScorer());

    [Fact]
    public void Stage_NothingWon_IsProspectMissingAFirstWin()
    {
        var stage = Advisor.Stage(Empty(), T);

        Assert.Equal(RelationshipStage.Prospect, stage.Stage);
        Assert.Equal(RelationshipStage.Transactional, stage.Next);
        Assert.Equal(["stage.first-won-deal"], stage.MissingForNext.Select(c => c.Code));
    }

    [Fact]
    public void Stage_OneWinAndLittleElse_IsTransactionalMissingEngagement()
    {
        var stage = Advisor.Stage(Empty(365).With(opportunities: Deals), T);

        Assert.Equal(RelationshipStage.Transactional, stage.Stage);
        Assert.Equal(["stage.both-sides-tracked", "stage.enough-evidence"], stage.MissingForNext.Select(c => c.Code));
    }

    [Fact]
    public void Stage_WorkedExample_IsAlignedAndListsWhatStrategicNeeds()
    {
        // Won O2; both sides tracked; 6 of 12 weeks active; Watch band; a plan with a shared goal,
        // 40 % alignment and half the competencies certified — but one win, not healthy, trust 46.7,
        // and the plan is 30 days past its review cadence.
        var stage = Advisor.Stage(WorkedExample(), T);

        Assert.Equal(RelationshipStage.Aligned, stage.Stage);
        Assert.Equal(["stage.repeat-business", "stage.healthy", "stage.trusted", "stage.plan-reviewed"], stage.MissingForNext.Select(c => c.Code));
    }

    [Fact]
    public void Criteria_HaveDistinctCodesAndCoverEveryStageButProspect()
    {
        Assert.Equal(RelationshipStages.Criteria.Length, RelationshipStages.Criteria.Select(c => c.Code).Distinct().Count());
        Assert.Equal(
            [RelationshipStage.Transactional, RelationshipStage.Engaged, RelationshipStage.Aligned, RelationshipStage.Strategic],
            RelationshipStages.Criteria.Select(c => c.Stage).Distinct());
    }

    [Property]
    public Property Stage_MissingCriteriaBelongToTheNextStage() =>
        Prop.ForAll(ModelGenerators.ScoringCase.ToArbitrary(), c =>
        {
            var stage = Advisor.Stage(c.Partnership, c.AsOf);

            Assert.All(stage.MissingForNext, m => Assert.Equal(stage.Next, m.Stage));
            Assert.Equal(stage.Stage == RelationshipStage.Strategic, stage.MissingForNext.IsEmpty);
        });
}
