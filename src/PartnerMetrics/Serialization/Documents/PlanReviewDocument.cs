using PartnerMetrics.Evidence;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class PlanReviewDocument : IDocument<PlanReview, PlanReviewDocument>
{
    public DateOnly? On { get; set; }

    public double? BusinessAlignment { get; set; }

    public static PlanReviewDocument From(PlanReview model) => new()
    {
        On = model.On,
        BusinessAlignment = model.BusinessAlignment,
    };

    public PlanReview ToModel() => Build(this, static d => new PlanReview(
        Required(d.On, "on"),
        d.BusinessAlignment));
}
