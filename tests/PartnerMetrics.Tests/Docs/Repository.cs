namespace PartnerMetrics.Tests.Docs;

/// <summary>Where the repository the tests run from lies: the tests that read its sources and documents start there.</summary>
internal static class Repository
{
    /// <summary>The directory of <c>PartnerMetrics.sln</c>, the first above the test assembly that has it.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PartnerMetrics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PartnerMetrics.sln above {AppContext.BaseDirectory}.");
    }
}
