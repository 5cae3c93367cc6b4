using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PartnerMetrics.DependencyInjection;

/// <summary>Registers PartnerMetrics in an <see cref="IServiceCollection"/>.</summary>
public static class PartnerMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singletons <see cref="IPartnerHealth"/> and <see cref="IPipelineAnalytics"/>; the options are
    /// validated when the host starts. Calling it again adds nothing.
    /// </summary>
    /// <remarks>
    /// "Today" comes from the <see cref="TimeProvider"/> registered in the container when there is one, else from
    /// the system clock; no <see cref="TimeProvider"/> is registered. A relative
    /// <see cref="PartnerMetricsOptions.ModelPath"/> is taken from the content root of a registered
    /// <see cref="IHostEnvironment"/>, else from the working directory.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddPartnerMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PartnerMetricsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PartnerMetricsOptions>, PartnerMetricsOptionsValidator>(
            sp => new PartnerMetricsOptionsValidator(sp.GetService<IHostEnvironment>())));

        // Factories, so that the host's clock and environment are optional and are looked up when the
        // services are first resolved, whatever the order of registration. Both services read the options the
        // start-up validation validated (the monitor's, which ValidateOnStart reads too), the health service holding
        // the model it read. Not IOptions: its own instance would bind the configuration and read the model file
        // again when the service is first resolved, often at the first request, after a change since the start.
        services.TryAddSingleton<IPartnerHealth>(sp => new PartnerHealth(
            sp.GetRequiredService<IOptionsMonitor<PartnerMetricsOptions>>().CurrentValue, HostClock.Of(sp), sp.GetService<IHostEnvironment>()));
        services.TryAddSingleton<IPipelineAnalytics>(sp => new ConfiguredPipelineAnalytics(
            sp.GetRequiredService<IOptionsMonitor<PartnerMetricsOptions>>().CurrentValue, HostClock.Of(sp)));
        return services;
    }

    /// <summary>Registers the PartnerMetrics services like <see cref="AddPartnerMetrics(IServiceCollection)"/> and configures their options.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the model or the path of a model JSON file, and the pipeline options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddPartnerMetrics(this IServiceCollection services, Action<PartnerMetricsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddPartnerMetrics().Configure(configure);
        return services;
    }

    /// <summary>
    /// Registers the PartnerMetrics services like <see cref="AddPartnerMetrics(IServiceCollection)"/> and binds their
    /// options from a configuration section, such as <c>builder.Configuration.GetSection("PartnerMetrics")</c>.
    /// </summary>
    /// <remarks>
    /// The section holds <c>ModelPath</c>, <c>Model</c> (any setting of a model file) and <c>Pipeline</c>
    /// (<c>TopPartners</c>, <c>TopCustomers</c>, <c>RemainingTarget</c>); keys ignore case, and an empty value leaves
    /// its setting as it is. The section is read without reflection, so this overload is trimming- and AOT-safe.
    /// When the host starts, every value of the wrong type, every value the library rejects and every key that
    /// is no setting fails with one <see cref="OptionsValidationException"/> that lists each problem under its
    /// configuration path, such as <c>PartnerMetrics:Model:DimensionWeights:Trust</c>. Configuration and
    /// <see cref="Action{T}"/> overloads apply in the order of the calls.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration section of the options.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddPartnerMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddPartnerMetrics().AddSingleton<IConfigureOptions<PartnerMetricsOptions>>(new ConfigurationBinding(configuration));
        return services;
    }
}
