using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class PartnershipDocument : IDocument<Partnership, PartnershipDocument>
{
    public PartnerDocument? Partner { get; set; }

    public DateOnly? StartedOn { get; set; }

    public List<string>? RequiredCompetencies { get; set; }

    public List<CommitmentDocument?>? Commitments { get; set; }

    public List<InteractionDocument?>? Interactions { get; set; }

    public List<CertificationDocument?>? Certifications { get; set; }

    public List<DeliveryDocument?>? Deliveries { get; set; }

    public JointPlanDocument? JointPlan { get; set; }

    public List<OpportunityDocument?>? Opportunities { get; set; }

    public static PartnershipDocument From(Partnership model) => new()
    {
        Partner = PartnerDocument.From(model.Partner),
        StartedOn = model.StartedOn,
        RequiredCompetencies = [.. model.RequiredCompetencies],
        Commitments = From<Commitment, CommitmentDocument>(model.Commitments),
        Interactions = From<Interaction, InteractionDocument>(model.Interactions),
        Certifications = From<Certification, CertificationDocument>(model.Certifications),
        Deliveries = From<Delivery, DeliveryDocument>(model.Deliveries),
        JointPlan = model.JointPlan is { } plan ? JointPlanDocument.From(plan) : null,
        Opportunities = From<Opportunity, OpportunityDocument>(model.Opportunities),
    };

    public Partnership ToModel() => Build(this, static d => new Partnership(
        Child<Partner, PartnerDocument>(d.Partner, "partner") ?? throw DocumentException.Missing("partner"),
        Required(d.StartedOn, "startedOn"),
        d.RequiredCompetencies,
        Items<Commitment, CommitmentDocument>(d.Commitments, "commitments"),
        Items<Interaction, InteractionDocument>(d.Interactions, "interactions"),
        Items<Certification, CertificationDocument>(d.Certifications, "certifications"),
        Items<Delivery, DeliveryDocument>(d.Deliveries, "deliveries"),
        Child<JointPlan, JointPlanDocument>(d.JointPlan, "jointPlan"),
        Items<Opportunity, OpportunityDocument>(d.Opportunities, "opportunities")));
}
