namespace PartnerMetrics.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("demo", "--help")]
    [InlineData("score", "--help")]
    [InlineData("pipeline", "--help")]
    [InlineData("backtest", "--help")]
    public void Help_IsAvailableForEveryCommand(params string[] args)
    {
        var (exit, output, _) = Cli.Run(args);

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--help", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demo", "--as-of", "--model", "--format", "--out")]
    [InlineData("score", "--as-of", "--model", "--format", "--out")]
    [InlineData("pipeline", "--by", "--format", "--out")]
    [InlineData("backtest", "--outcomes", "--as-of", "--horizon", "--observed-through", "--model", "--fit", "--folds", "--seed", "--objective", "--calibration", "--out", "--format")]
    public void CommandHelp_DescribesEveryOption(string command, params string[] options)
    {
        var (_, output, _) = Cli.Run(command, "--help");

        Assert.All(options, option => Assert.Contains(option, output, StringComparison.Ordinal));
    }

    [Fact]
    public void RootHelp_ListsTheCommands()
    {
        var (_, output, _) = Cli.Run("--help");

        Assert.Contains("demo", output, StringComparison.Ordinal);
        Assert.Contains("score", output, StringComparison.Ordinal);
        Assert.Contains("pipeline", output, StringComparison.Ordinal);
        Assert.Contains("backtest", output, StringComparison.Ordinal);
    }
}
