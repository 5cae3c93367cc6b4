using PartnerMetrics.Evidence;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class CertificationDocument : IDocument<Certification, CertificationDocument>
{
    public string? Competency { get; set; }

    public DateOnly? ObtainedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public static CertificationDocument From(Certification model) => new()
    {
        Competency = model.Competency,
        ObtainedOn = model.ObtainedOn,
        ExpiresOn = model.ExpiresOn,
    };

    public Certification ToModel() => Build(this, static d => new Certification(
        d.Competency!,
        Required(d.ObtainedOn, "obtainedOn"),
        d.ExpiresOn));
}
