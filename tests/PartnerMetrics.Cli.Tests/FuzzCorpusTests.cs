using PartnerMetrics.Fuzz;

namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// Replays every committed fuzzing input (fuzz/corpus) and every crash ever found (fuzz/crashes) through
/// the fuzzing targets: each must run without an undocumented exception (docs/reliability.md, "Fuzzing").
/// </summary>
public sealed class FuzzCorpusTests
{
    private static readonly string[] Folders = ["corpus", "crashes"];

    public static TheoryData<string> TargetNames => [.. Targets.All.Keys];

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void EveryCommittedInput_RunsWithoutAnUndocumentedException(string target)
    {
        var root = RepositoryRoot();
        var files = Folders
            .Select(folder => Path.Combine(root, "fuzz", folder, target))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Order(StringComparer.Ordinal)
            .ToList();
        var failures = new List<string>();

        foreach (var file in files)
        {
            try
            {
                Targets.All[target](File.ReadAllBytes(file));
            }
            catch (Exception error)
            {
                failures.Add($"{Path.GetRelativePath(root, file)}: {error.GetType().Name}: {error.Message}");
            }
        }

        Assert.True(files.Count >= 10, $"the {target} corpus has only {files.Count} inputs");
        Assert.Empty(failures);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PartnerMetrics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (PartnerMetrics.sln) is not above " + AppContext.BaseDirectory);
    }
}
