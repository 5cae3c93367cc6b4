using PartnerMetrics.Partners;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class PartnerDocument : IDocument<Partner, PartnerDocument>
{
    public PartnerId? Id { get; set; }

    public string? Name { get; set; }

    public PartnerType? Type { get; set; }

    public string? Tier { get; set; }

    public string? District { get; set; }

    public DateOnly? OnboardedOn { get; set; }

    public static PartnerDocument From(Partner model) => new()
    {
        Id = model.Id,
        Name = model.Name,
        Type = model.Type,
        Tier = model.Tier,
        District = model.District,
        OnboardedOn = model.OnboardedOn,
    };

    public Partner ToModel() => Build(this, static d => new Partner(
        Required(d.Id, "id"),
        d.Name!,
        Required(d.Type, "type"),
        d.Tier,
        d.District,
        d.OnboardedOn));
}
