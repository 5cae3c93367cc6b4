using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class CommitmentDocument : IDocument<Commitment, CommitmentDocument>
{
    public Side? PromisedBy { get; set; }

    public DateOnly? DueOn { get; set; }

    public CommitmentOutcome? Outcome { get; set; }

    public DateOnly? ResolvedOn { get; set; }

    public string? Description { get; set; }

    public static CommitmentDocument From(Commitment model) => new()
    {
        PromisedBy = model.PromisedBy,
        DueOn = model.DueOn,
        Outcome = model.Outcome,
        ResolvedOn = model.ResolvedOn,
        Description = model.Description,
    };

    public Commitment ToModel() => Build(this, static d => new Commitment(
        Required(d.PromisedBy, "promisedBy"),
        Required(d.DueOn, "dueOn"),
        Required(d.Outcome, "outcome"),
        d.ResolvedOn,
        d.Description));
}
