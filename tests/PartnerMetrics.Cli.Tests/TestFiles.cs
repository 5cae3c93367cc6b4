using System.Diagnostics;

namespace PartnerMetrics.Cli.Tests;

/// <summary>The committed fixtures, and a directory of files written by one test and deleted after it.</summary>
internal sealed class TestFiles : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("partnermetrics-").FullName;

    /// <summary>The path of a committed fixture (tests/PartnerMetrics.Cli.Tests/Fixtures).</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The directory of PartnerMetrics.sln, above the test's output directory.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PartnerMetrics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (PartnerMetrics.sln) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>The path of a file in this directory, which may not exist yet.</summary>
    public string PathOf(string name) => Path.Combine(directory, name);

    /// <summary>Makes a named pipe in this directory (Unix only) and returns its path.</summary>
    public string Fifo(string name)
    {
        var path = PathOf(name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Writes a file in this directory and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
