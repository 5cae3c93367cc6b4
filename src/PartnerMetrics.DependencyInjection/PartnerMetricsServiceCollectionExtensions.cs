using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PartnerMetrics.DependencyInjection;

/// <summary>Registers PartnerMetrics in an <see cref="IServiceCollection"/>.</summary>
public static class PartnerMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singletons <see cref="IPartnerHealth"/> and <see cref="IPipelineAnalytics"/>, and
    /// <c>TimeProvider.System</c> as the <see cref="TimeProvider"/> unless one is registered;
    /// the options are validated when the host starts. Calling it again adds nothing.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddPartnerMetrics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PartnerMetricsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PartnerMetricsOptions>, PartnerMetricsOptionsValidator>());

        // The host's clock decides "today"; without one, the system clock. This is the one place the
        // packages may read it: the domain library itself only ever takes a day from its caller.
#pragma warning disable RS0030
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.TryAddSingleton<IPartnerHealth, PartnerHealth>();
        services.TryAddSingleton<IPipelineAnalytics, ConfiguredPipelineAnalytics>();
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
}
