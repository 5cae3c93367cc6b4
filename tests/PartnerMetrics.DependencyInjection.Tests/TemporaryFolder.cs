namespace PartnerMetrics.DependencyInjection.Tests;

/// <summary>A new, empty folder under the system's temporary folder, deleted with its files on disposal.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("partnermetrics-di-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
