using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class InteractionDocument : IDocument<Interaction, InteractionDocument>
{
    public DateOnly? Date { get; set; }

    public InteractionKind? Kind { get; set; }

    public Side? InitiatedBy { get; set; }

    public TimeSpan? ResponseTime { get; set; }

    public DateOnly? ResolvedOn { get; set; }

    public string? Subject { get; set; }

    public static InteractionDocument From(Interaction model) => new()
    {
        Date = model.Date,
        Kind = model.Kind,
        InitiatedBy = model.InitiatedBy,
        ResponseTime = model.ResponseTime,
        ResolvedOn = model.ResolvedOn,
        Subject = model.Subject,
    };

    public Interaction ToModel() => Build(this, static d => new Interaction(
        Required(d.Date, "date"),
        Required(d.Kind, "kind"),
        Required(d.InitiatedBy, "initiatedBy"),
        d.ResponseTime,
        d.ResolvedOn,
        d.Subject));
}
