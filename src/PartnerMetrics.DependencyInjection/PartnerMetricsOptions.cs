using PartnerMetrics.Health;

namespace PartnerMetrics.DependencyInjection;

/// <summary>Settings of the PartnerMetrics services.</summary>
public sealed class PartnerMetricsOptions
{
    /// <summary>Gets or sets the health model.</summary>
    /// <value>Default <see cref="HealthModel.Default"/>; replaced by <see cref="ModelPath"/> when that is set.</value>
    public HealthModel Model { get; set; } = HealthModel.Default;

    /// <summary>Gets or sets the path of a JSON file holding the health model (see PartnerMetricsJson); bindable from configuration.</summary>
    /// <value>Default <see langword="null"/>: use <see cref="Model"/>.</value>
    public string? ModelPath { get; set; }
}
