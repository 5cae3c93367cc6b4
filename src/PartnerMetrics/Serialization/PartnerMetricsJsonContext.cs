using System.Text.Json.Serialization;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Serialization;

/// <summary>
/// The source-generated metadata for every PartnerMetrics JSON type. Public code reaches it through
/// <see cref="PartnerMetricsJson.Options"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
#if NET10_0_OR_GREATER
    AllowDuplicateProperties = false,
#endif
    MaxDepth = PartnerMetricsJson.MaxDepth,
    Converters = [typeof(ExactDecimalConverter), typeof(RoundTripDoubleConverter)])]
[JsonSerializable(typeof(Portfolio))]
[JsonSerializable(typeof(Partnership))]
[JsonSerializable(typeof(Partner))]
[JsonSerializable(typeof(Commitment))]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(Certification))]
[JsonSerializable(typeof(Delivery))]
[JsonSerializable(typeof(JointPlan))]
[JsonSerializable(typeof(PlanGoal))]
[JsonSerializable(typeof(PlanReview))]
[JsonSerializable(typeof(GoalCheckIn))]
[JsonSerializable(typeof(MeasurableTarget))]
[JsonSerializable(typeof(Opportunity))]
[JsonSerializable(typeof(Opportunity[]))]
[JsonSerializable(typeof(List<Opportunity>))]
[JsonSerializable(typeof(RevenueSnapshot))]
[JsonSerializable(typeof(PartnerId))]
[JsonSerializable(typeof(AccountId))]
[JsonSerializable(typeof(OpportunityId))]
[JsonSerializable(typeof(HealthModel))]
[JsonSerializable(typeof(DimensionWeights))]
[JsonSerializable(typeof(CompetencyWeights))]
[JsonSerializable(typeof(CooperationWeights))]
[JsonSerializable(typeof(PlanWeights))]
[JsonSerializable(typeof(ProgressWeights))]
[JsonSerializable(typeof(BandThresholds))]
[JsonSerializable(typeof(HealthModelDocument))]
[JsonSerializable(typeof(DimensionWeightsDocument))]
[JsonSerializable(typeof(CompetencyWeightsDocument))]
[JsonSerializable(typeof(CooperationWeightsDocument))]
[JsonSerializable(typeof(PlanWeightsDocument))]
[JsonSerializable(typeof(ProgressWeightsDocument))]
[JsonSerializable(typeof(BandThresholdsDocument))]
[JsonSerializable(typeof(PipelineAccumulator))]
[JsonSerializable(typeof(Dictionary<string, PipelineAccumulator>))]
[JsonSerializable(typeof(PipelineAccumulatorDocument))]
[JsonSerializable(typeof(RetentionAccumulator))]
[JsonSerializable(typeof(RetentionAccumulatorDocument))]
[JsonSerializable(typeof(BrandEquityDebtAccumulator))]
[JsonSerializable(typeof(BrandEquityDebtAccumulatorDocument))]
[JsonSerializable(typeof(MotionInference))]
[JsonSerializable(typeof(MotionInferenceDocument))]
[JsonSerializable(typeof(PipelineResult))]
[JsonSerializable(typeof(PipelineResultDocument))]
[JsonSerializable(typeof(RetentionResult))]
[JsonSerializable(typeof(RetentionResultDocument))]
[JsonSerializable(typeof(BrandEquityDebtResult))]
[JsonSerializable(typeof(BrandEquityDebtResultDocument))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(HealthReport[]))]
[JsonSerializable(typeof(HealthReportDocument))]
[JsonSerializable(typeof(PortfolioDocument))]
[JsonSerializable(typeof(PartnershipDocument))]
[JsonSerializable(typeof(PartnerDocument))]
[JsonSerializable(typeof(CommitmentDocument))]
[JsonSerializable(typeof(InteractionDocument))]
[JsonSerializable(typeof(CertificationDocument))]
[JsonSerializable(typeof(DeliveryDocument))]
[JsonSerializable(typeof(JointPlanDocument))]
[JsonSerializable(typeof(PlanGoalDocument))]
[JsonSerializable(typeof(PlanReviewDocument))]
[JsonSerializable(typeof(GoalCheckInDocument))]
[JsonSerializable(typeof(MeasurableTargetDocument))]
[JsonSerializable(typeof(OpportunityDocument))]
[JsonSerializable(typeof(RevenueSnapshotDocument))]
internal sealed partial class PartnerMetricsJsonContext : JsonSerializerContext;
