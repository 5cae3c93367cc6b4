using PartnerMetrics.Evidence;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class DeliveryDocument : IDocument<Delivery, DeliveryDocument>
{
    public DateOnly? Date { get; set; }

    public bool? OnTime { get; set; }

    public double? Satisfaction { get; set; }

    public string? Description { get; set; }

    public static DeliveryDocument From(Delivery model) => new()
    {
        Date = model.Date,
        OnTime = model.OnTime,
        Satisfaction = model.Satisfaction,
        Description = model.Description,
    };

    public Delivery ToModel() => Build(this, static d => new Delivery(
        Required(d.Date, "date"),
        Required(d.OnTime, "onTime"),
        Required(d.Satisfaction, "satisfaction"),
        d.Description));
}
