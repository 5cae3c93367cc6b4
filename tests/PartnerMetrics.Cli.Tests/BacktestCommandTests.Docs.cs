using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

/// <content>The <c>backtest</c> examples of docs/cli.md are the output of real runs: the command line in the block is run and its output compared.</content>
public sealed partial class BacktestCommandTests
{
    [Fact]
    public void CliDocs_BacktestExample_IsTheOutputOfItsCommand()
    {
        var (command, expected) = DocsExample("$ partnermetrics backtest backtest-portfolio.json --outcomes backtest-outcomes.csv --as-of 2025-06-30\n");
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["backtest-portfolio.json"] = Portfolio, ["backtest-outcomes.csv"] = Outcomes };

        var (exit, output, _) = Run([.. command.Select(a => files.GetValueOrDefault(a, a))]);

        Assert.Equal(0, exit);
        Assert.Equal(expected, Lines(output));
    }

    [Fact]
    public void CliDocs_FitExample_IsTheOutputOfItsCommandOnTheGeneratedCompany()
    {
        using var directory = new TestFiles();
        var (portfolioPath, outcomesPath, _, _) = TrustDrivenCompany(directory);
        var (command, expected) = DocsExample("$ partnermetrics backtest company.json --outcomes company-outcomes.csv --as-of 2025-06-30 --fit --out fitted.json\n");
        var modelPath = directory.PathOf("fitted.json");
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["company.json"] = portfolioPath, ["company-outcomes.csv"] = outcomesPath, ["fitted.json"] = modelPath };

        var (exit, output, _) = Run([.. command.Select(a => files.GetValueOrDefault(a, a))]);

        Assert.Equal(0, exit);

        // The docs leave out the backtest tables ("...") and show the model written to an example directory.
        Assert.Equal("...", expected[0]);
        var actual = Lines(output.Replace(Path.GetFullPath(modelPath), "/home/me/fitted.json", StringComparison.Ordinal));
        Assert.Equal(expected[1..], actual[^(expected.Length - 1)..]);
    }

    /// <summary>The command (without <c>partnermetrics</c>) and the output lines of the docs/cli.md text block that starts with <paramref name="commandLine"/>.</summary>
    private static (string[] Command, string[] Output) DocsExample(string commandLine)
    {
        var docs = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot(), "docs", "cli.md")).ReplaceLineEndings("\n");
        var start = docs.IndexOf("```text\n" + commandLine, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/cli.md has no example of {commandLine}");
        start += "```text\n".Length + commandLine.Length;
        var block = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
        return (commandLine.Trim().Split(' ')[2..], Lines(block));
    }

    private static string[] Lines(string text) => [.. text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l.TrimEnd())];
}
