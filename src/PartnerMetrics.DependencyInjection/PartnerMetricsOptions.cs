using PartnerMetrics.Health;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.DependencyInjection;

/// <summary>Settings of the PartnerMetrics services.</summary>
public sealed class PartnerMetricsOptions
{
    /// <summary>Gets or sets the health model.</summary>
    /// <value>
    /// Default a copy of <see cref="HealthModel.Default"/> (equal to it; a copy so that configuration bound
    /// into it cannot change the shared default); replaced by the file of <see cref="ModelPath"/> when that is set — a model
    /// set here beside a <see cref="ModelPath"/> stops the host, for the file would replace it unused.
    /// </value>
    public HealthModel Model { get; set; } = HealthModel.Default with { };

    /// <summary>Gets or sets the path of a JSON file holding the health model (see PartnerMetricsJson); bindable from configuration.</summary>
    /// <value>
    /// Default <see langword="null"/>: use <see cref="Model"/>. A relative path is taken from the host's content root
    /// (<c>IHostEnvironment.ContentRootPath</c>) when a host environment is registered, else from the working directory.
    /// </value>
    public string? ModelPath { get; set; }

    /// <summary>
    /// Gets or sets a model set that scores each partnership with the model it selects for it — by partner type
    /// (<see cref="HealthModelSet.ByPartnerType"/>), by tier (<see cref="HealthModelSet.ByTier"/>) or by a function of the
    /// partner (<see cref="HealthModelSet.Create"/>) — instead of <see cref="Model"/>; each report names its model. Set in code.
    /// </summary>
    /// <value>
    /// Default <see langword="null"/>: every partnership is scored with <see cref="Model"/>. A set chooses among its own
    /// models, so a <see cref="Model"/> changed from its default, a <c>Model</c> section or a <see cref="ModelPath"/>
    /// beside it stops the host, for it would be read and not used.
    /// </value>
    public HealthModelSet? Models { get; set; }

    /// <summary>Gets or sets the options <see cref="IPipelineAnalytics"/> uses when a call passes none; bindable from configuration (<c>Pipeline:TopPartners</c>, <c>Pipeline:TopCustomers</c>, <c>Pipeline:RemainingTarget</c>).</summary>
    /// <value>Default a new <see cref="PipelineOptions"/>: no target, top 5 partners and top 5 customers.</value>
    public PipelineOptions Pipeline { get; set; } = new();

    /// <summary>Gets the problems found while binding these options from configuration, each starting with its configuration path; reported when the options are validated.</summary>
    internal List<string> ConfigurationFailures { get; } = [];

    /// <summary>Gets or sets the configuration path of the <c>Model</c> section bound into <see cref="Model"/>, if one set a value.</summary>
    internal string? ModelSection { get; set; }

    /// <summary>Gets or sets the configuration path and value that set <see cref="ModelPath"/>, so that a bad file is reported under the key that named it.</summary>
    internal (string Path, string Value)? ModelPathSetting { get; set; }

    /// <summary>Gets or sets the model these options resolved to when they were validated (the file's, read then), so that the file is read once.</summary>
    internal HealthModel? ValidatedModel { get; set; }

    /// <summary>The name an error gives <see cref="ModelPath"/>: its configuration path when configuration set the current value.</summary>
    internal string ModelPathName =>
        ModelPathSetting is { } setting && string.Equals(setting.Value, ModelPath, StringComparison.Ordinal) ? setting.Path : $"{nameof(PartnerMetricsOptions)}.{nameof(ModelPath)}";
}
