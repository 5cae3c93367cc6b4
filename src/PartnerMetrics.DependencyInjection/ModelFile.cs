using Microsoft.Extensions.Hosting;

namespace PartnerMetrics.DependencyInjection;

/// <summary>Where <see cref="PartnerMetricsOptions.ModelPath"/> points: relative paths start at the host's content root.</summary>
internal static class ModelFile
{
    /// <summary>
    /// The full path of a model file: a relative <paramref name="path"/> is taken from
    /// <see cref="IHostEnvironment.ContentRootPath"/> when a host environment is registered, as
    /// <c>appsettings.json</c> is, and from the working directory otherwise.
    /// </summary>
    /// <param name="path">The path as configured.</param>
    /// <param name="host">The host's environment, or <see langword="null"/> without a host.</param>
    /// <returns>The full path.</returns>
    /// <exception cref="ArgumentException">The path is not a valid path on this system.</exception>
    public static string Resolve(string path, IHostEnvironment? host) =>
        host?.ContentRootPath is { Length: > 0 } root ? Path.GetFullPath(Path.Combine(root, path)) : Path.GetFullPath(path);
}
