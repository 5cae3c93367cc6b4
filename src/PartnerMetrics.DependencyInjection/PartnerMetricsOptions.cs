using PartnerMetrics.Health;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.DependencyInjection;

/// <summary>Settings of the PartnerMetrics services.</summary>
public sealed class PartnerMetricsOptions
{
    /// <summary>Gets or sets the health model.</summary>
    /// <value>
    /// Default a copy of <see cref="HealthModel.Default"/> (equal to it; a copy so that configuration bound
    /// into it cannot change the shared default); replaced by the file of <see cref="ModelPath"/> when that is set.
    /// </value>
    public HealthModel Model { get; set; } = HealthModel.Default with { };

    /// <summary>Gets or sets the path of a JSON file holding the health model (see PartnerMetricsJson); bindable from configuration.</summary>
    /// <value>Default <see langword="null"/>: use <see cref="Model"/>.</value>
    public string? ModelPath { get; set; }

    /// <summary>Gets or sets the options <see cref="IPipelineAnalytics"/> uses when a call passes none; bindable from configuration (<c>Pipeline:TopPartners</c>, <c>Pipeline:RemainingTarget</c>).</summary>
    /// <value>Default a new <see cref="PipelineOptions"/>: no target, top 5 partners.</value>
    public PipelineOptions Pipeline { get; set; } = new();
}
