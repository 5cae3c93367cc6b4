using System.Text.Json;
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

    /// <summary>
    /// docs/cli.md shows the JSON of the backtest example with its arrays cut short ("..."): each part between two cuts is in
    /// the output, in order, white space aside (the page lays several fields on one line), the first starting it and the last
    /// ending it; no test compared the page's JSON with the run's.
    /// </summary>
    [Fact]
    public void CliDocs_BacktestJsonExample_IsTheOutputOfItsCommandWithItemsLeftOut()
    {
        var (exit, json, _) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--format", "json");

        Assert.Equal(0, exit);
        CliDocs.AssertJsonExample(
            "{\n  \"portfolio\": \"backtest-portfolio.json\"",
            json.Replace(Portfolio, "backtest-portfolio.json", StringComparison.Ordinal).Replace(Outcomes, "backtest-outcomes.csv", StringComparison.Ordinal));
    }

    /// <summary>
    /// docs/cli.md (The outcomes file) shows an outcomes.csv with bad rows and what backtest writes for it, then what it writes
    /// for one with rows for P-A and P-C only: each is the run's error stream, line for line, on the page's four partners
    /// named portfolio.json; the tests beside them read other files.
    /// </summary>
    [Fact]
    public void CliDocs_OutcomesExamples_AreTheOutputOfTheirFiles()
    {
        var docs = CliDocs.Page();
        var csvStart = docs.IndexOf("With this `outcomes.csv`:\n\n```csv\n", StringComparison.Ordinal);
        Assert.True(csvStart >= 0, "docs/cli.md shows no outcomes.csv with bad rows");
        csvStart = docs.IndexOf("```csv\n", csvStart, StringComparison.Ordinal) + "```csv\n".Length;
        var badOutcomes = docs[csvStart..docs.IndexOf("```", csvStart, StringComparison.Ordinal)];
        using var files = new TestFiles();
        var portfolio = files.PathOf("portfolio.json");
        File.Copy(Portfolio, portfolio);
        var outcomes = files.Write("outcomes.csv", badOutcomes);
        var (badCommand, badExpected) = DocsExample("$ partnermetrics backtest portfolio.json --outcomes outcomes.csv --as-of 2025-06-30 --observed-through 2025-10-31\n");
        var paths = new Dictionary<string, string>(StringComparer.Ordinal) { ["portfolio.json"] = portfolio, ["outcomes.csv"] = outcomes };

        var bad = Run([.. badCommand.Select(a => paths.GetValueOrDefault(a, a))]);
        File.WriteAllText(outcomes, "partnerId,churnedOn\nP-A,\nP-C,2025-07-20\n");
        var (missingCommand, missingExpected) = DocsExample("$ partnermetrics backtest portfolio.json --outcomes outcomes.csv --as-of 2025-06-30\n");
        var missing = Run([.. missingCommand.Select(a => paths.GetValueOrDefault(a, a))]);

        Assert.Equal((2, string.Empty), (bad.Exit, bad.Output));
        Assert.Equal(badExpected, Lines(bad.Error));
        Assert.Equal((2, string.Empty), (missing.Exit, missing.Output));
        Assert.Equal(missingExpected, Lines(missing.Error));
    }

    /// <summary>
    /// docs/cli.md (Churn per band): the table and the JSON list all four bands even when no sample was scored, as on an
    /// as-of day whose every horizon runs past --observed-through, each empty band with a rate of — (null).
    /// </summary>
    [Fact]
    public void CliDocs_ChurnPerBand_ListsAllFourBandsWhenNoSampleWasScored()
    {
        string[] args = ["backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--observed-through", "2025-10-31"];

        var (exit, table, _) = Run(args);
        var (jsonExit, json, _) = Run([.. args, "--format", "json"]);

        Assert.Equal((0, 0), (exit, jsonExit));
        Assert.Contains("0 samples: 0 churned within 180 days, 0 stayed; 4 censored, 0 inactive (not scored).", Lines(table));
        var rows = Lines(table).SkipWhile(l => !l.StartsWith("│ Band ", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith('│')).ToArray();
        Assert.Equal(
            [
                "│ InsufficientEvidence │       0 │       0 │          — │",
                "│ AtRisk               │       0 │       0 │          — │",
                "│ Watch                │       0 │       0 │          — │",
                "│ Healthy              │       0 │       0 │          — │",
            ],
            rows);
        var bands = JsonDocument.Parse(json).RootElement.GetProperty("bands").EnumerateArray()
            .Select(b => (b.GetProperty("band").GetString(), b.GetProperty("samples").GetInt32(), b.GetProperty("churned").GetInt32(), b.GetProperty("churnRate").ValueKind))
            .ToArray();
        Assert.Equal(
            [("InsufficientEvidence", 0, 0, JsonValueKind.Null), ("AtRisk", 0, 0, JsonValueKind.Null), ("Watch", 0, 0, JsonValueKind.Null), ("Healthy", 0, 0, JsonValueKind.Null)],
            bands);
    }

    /// <summary>The command (without <c>partnermetrics</c>) and the output lines of the docs/cli.md text block that starts with <paramref name="commandLine"/>.</summary>
    private static (string[] Command, string[] Output) DocsExample(string commandLine)
    {
        var docs = CliDocs.Page();
        var start = docs.IndexOf("```text\n" + commandLine, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/cli.md has no example of {commandLine}");
        start += "```text\n".Length + commandLine.Length;
        var block = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
        return (commandLine.Trim().Split(' ')[2..], Lines(block));
    }

    /// <summary>JSON without the white space between its tokens (the example's strings hold none).</summary>

    private static string[] Lines(string text) => [.. text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l.TrimEnd())];
}
