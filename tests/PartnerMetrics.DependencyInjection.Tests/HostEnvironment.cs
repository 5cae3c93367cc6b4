using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary>A host's environment with only a content root, as a generic host registers one.</summary>
internal sealed class HostEnvironment(string contentRootPath) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";

    public string ApplicationName { get; set; } = "PartnerMetrics.Tests";

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
