using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Generators;

/// <summary>The <see cref="ModelGenerators"/> as FsCheck arbitraries, for <c>[Property(Arbitrary = [typeof(ModelArbitraries)])]</c>.</summary>
public static class ModelArbitraries
{
    public static Arbitrary<Commitment> Commitment() => ModelGenerators.Commitment.ToArbitrary();

    public static Arbitrary<Interaction> Interaction() => ModelGenerators.Interaction.ToArbitrary();

    public static Arbitrary<Certification> Certification() => ModelGenerators.Certification.ToArbitrary();

    public static Arbitrary<Delivery> Delivery() => ModelGenerators.Delivery.ToArbitrary();

    public static Arbitrary<MeasurableTarget> MeasurableTarget() => ModelGenerators.MeasurableTarget.ToArbitrary();

    public static Arbitrary<PlanGoal> PlanGoal() => ModelGenerators.PlanGoal.ToArbitrary();

    public static Arbitrary<JointPlan> JointPlan() => ModelGenerators.JointPlan.ToArbitrary();

    public static Arbitrary<PlanReview> PlanReview() => ModelGenerators.PlanReview.ToArbitrary();

    public static Arbitrary<GoalCheckIn> GoalCheckIn() => ModelGenerators.GoalCheckIn.ToArbitrary();

    public static Arbitrary<Partner> Partner() => ModelGenerators.Partner.ToArbitrary();

    public static Arbitrary<Partnership> Partnership() => ModelGenerators.Partnership.ToArbitrary();

    public static Arbitrary<Opportunity> Opportunity() => ModelGenerators.Opportunity.ToArbitrary();

    public static Arbitrary<RevenueSnapshot> RevenueSnapshot() => ModelGenerators.RevenueSnapshot.ToArbitrary();

    public static Arbitrary<Portfolio> Portfolio() => ModelGenerators.Portfolio.ToArbitrary();

    public static Arbitrary<HealthModel> HealthModel() => ModelGenerators.HealthModel.ToArbitrary();

    public static Arbitrary<ScoringCase> ScoringCase() => ModelGenerators.ScoringCase.ToArbitrary();

    public static Arbitrary<HistoryCase> HistoryCase() => ModelGenerators.HistoryCase.ToArbitrary();
}
