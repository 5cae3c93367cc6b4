using PartnerMetrics.Evidence;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

internal sealed class MeasurableTargetDocument : IDocument<MeasurableTarget, MeasurableTargetDocument>
{
    public decimal? Value { get; set; }

    public string? Unit { get; set; }

    public static MeasurableTargetDocument From(MeasurableTarget model) => new()
    {
        Value = model.Value,
        Unit = model.Unit,
    };

    public MeasurableTarget ToModel() => Build(this, static d => new MeasurableTarget(
        Required(d.Value, "value"),
        d.Unit!));
}
