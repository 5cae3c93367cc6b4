using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

/// <summary>A command line the parser cannot read is a usage error (exit 1) that names what it could not read, on every command: never an unhandled exception.</summary>
public sealed class UsageErrorTests
{
    private static readonly string Portfolio = TestFiles.Fixture("backtest-portfolio.json");
    private static readonly string Outcomes = TestFiles.Fixture("backtest-outcomes.csv");
    private static readonly string Opportunities = TestFiles.Fixture("opportunities.csv");

    public static TheoryData<string[], string> EmptyFileNames => new()
    {
        { ["score", ""], "Cannot parse argument '' for command 'score'" },
        { ["pipeline", ""], "Cannot parse argument '' for command 'pipeline'" },
        { ["backtest", "", "--outcomes", Outcomes, "--as-of", "2025-06-30"], "Cannot parse argument '' for command 'backtest'" },
        { ["backtest", Portfolio, "--outcomes", "", "--as-of", "2025-06-30"], "Cannot parse argument '' for option '--outcomes'" },
        { ["pipeline", Opportunities, "--out", ""], "Cannot parse argument '' for option '--out'" },
        { ["import", "--partners", ""], "--partners '' names no file; give a .csv or .xlsx export, or - for standard input." },
        { ["score", "--partners", Opportunities, "--tasks", " "], "--tasks ' ' names no file; give a .csv or .xlsx export, or - for standard input." },
    };

    [Theory]
    [MemberData(nameof(EmptyFileNames))]
    public void AnEmptyFileName_IsAUsageErrorNamingIt(string[] args, string expected)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BacktestFit_GivenTwiceWithValues_IsAUsageError()
    {
        var (exit, _, error) = Run("backtest", Portfolio, "--outcomes", Outcomes, "--as-of", "2025-06-30", "--fit", "true", "--fit", "false");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Option '--fit' expects a single argument but 2 were provided.", error, StringComparison.Ordinal);
    }
}
