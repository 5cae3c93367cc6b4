namespace PartnerMetrics.Cli.Tests;

/// <summary><c>--out</c> on every command: the file is written, or the run fails with exit code 4 and the reason.</summary>
public sealed class OutputTests
{
    public static TheoryData<string> Commands => ["demo", "demo --format html", "pipeline {opportunities.csv}"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Out_InAMissingDirectory_ExitsFourNamingTheFile(string commandLine)
    {
        var command = Arguments(commandLine);
        var target = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "report.out");

        var (exit, output, error) = Cli.Run([.. command, "--out", target]);

        Assert.Equal(ExitCodes.OutputUnwritable, exit);
        Assert.Contains($"Cannot write {target}: the directory {Path.GetDirectoryName(target)} does not exist.", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Out_ADirectory_ExitsFourSayingItIsOne(string commandLine)
    {
        var command = Arguments(commandLine);
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            foreach (var target in new[] { directory, directory + Path.DirectorySeparatorChar })
            {
                var (exit, output, error) = Cli.Run([.. command, "--out", target]);

                Assert.Equal(ExitCodes.OutputUnwritable, exit);
                Assert.Contains($"Cannot write {new FileInfo(target).FullName}: it is a directory; give a file name.", error, StringComparison.Ordinal);
                Assert.Equal(string.Empty, output);
                Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Out_WritesWhatTheConsoleWouldShow(string commandLine)
    {
        var command = Arguments(commandLine);
        var target = Path.GetTempFileName();
        try
        {
            var console = Cli.Run(command);
            var (exit, output, _) = Cli.Run([.. command, "--out", target]);

            Assert.Equal(ExitCodes.Success, exit);
            Assert.Equal($"Wrote {target}{Environment.NewLine}", output);
            Assert.Equal(console.Output, File.ReadAllText(target));
        }
        finally
        {
            File.Delete(target);
        }
    }

    /// <summary>
    /// <c>--out -</c> is the standard output, as the file argument <c>-</c> is standard input: it wrote a file named
    /// <c>-</c> in the current directory, and the console read only "Wrote …/-".
    /// </summary>
    [Theory]
    [InlineData("demo --format html")]
    [InlineData("score {backtest-portfolio.json} --as-of 2025-06-30 --format json")]
    [InlineData("pipeline {opportunities.csv}")]
    public void Out_Dash_WritesTheStandardOutput(string commandLine)
    {
        var command = Arguments(commandLine);
        var dash = Path.GetFullPath("-");
        var existed = File.Exists(dash);
        try
        {
            var console = Cli.Run(command);
            var (exit, output, _) = Cli.Run([.. command, "--out", "-"]);

            Assert.Equal(ExitCodes.Success, exit);
            Assert.Equal(console.Output, output);
            Assert.Equal(existed, File.Exists(dash));
        }
        finally
        {
            if (!existed)
            {
                File.Delete(dash);
            }
        }
    }

    public static TheoryData<string, string> FilesBesideTheReport => new()
    {
        { "pipeline {bad-rows.csv} --skip-invalid -", "--skip-invalid -: the standard output takes the report; give the rejects a file name." },
        { "import --profile salesforce --partners {accounts} --skip-invalid -", "--skip-invalid -: the standard output takes the report; give the rejects a file name." },
        { "score --profile salesforce --partners {accounts} --skip-invalid -", "--skip-invalid -: the standard output takes the report; give the rejects a file name." },
        { "backtest {backtest-portfolio.json} --outcomes {backtest-outcomes.csv} --as-of 2025-06-30 --fit --out -", "--out -: the standard output takes the report; give the fitted model a file name." },
    };

    /// <summary>
    /// <c>-</c> for a file written beside the report (the rejects of <c>--skip-invalid</c>, the model of <c>backtest --fit
    /// --out</c>) wrote a file named <c>-</c> in the current directory ("their problems are in -."), where <c>-</c> is the
    /// standard output everywhere else, and the report takes it: a usage error that says so, before anything is read.
    /// </summary>
    [Theory]
    [MemberData(nameof(FilesBesideTheReport))]
    public void Dash_ForAFileBesideTheReport_IsAUsageError_NotAFileNamedDash(string commandLine, string message)
    {
        var command = Arguments(commandLine.Replace("{accounts}", Path.Combine(AppContext.BaseDirectory, "Samples", "salesforce", "accounts.csv"), StringComparison.Ordinal));
        var dash = Path.GetFullPath("-");
        var existed = File.Exists(dash);
        try
        {
            var (exit, output, error) = Cli.Run(command);

            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Empty(output);
            Assert.Equal(message, error.TrimEnd());
            Assert.Equal(existed, File.Exists(dash));
        }
        finally
        {
            if (!existed)
            {
                File.Delete(dash);
            }
        }
    }

    /// <summary>Splits a command line, turning <c>{name}</c> into the path of that fixture.</summary>
    private static string[] Arguments(string commandLine) =>
        [.. commandLine.Split(' ').Select(a => a.StartsWith('{') ? Path.Combine(AppContext.BaseDirectory, "Fixtures", a.Trim('{', '}')) : a)];
}
