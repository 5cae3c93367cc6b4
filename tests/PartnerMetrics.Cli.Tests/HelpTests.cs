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
    public void PipelineHelp_SaysWhichSheetIsReadWithoutSheet_TheFirstThatIsNotHidden()
    {
        // Without --sheet the first sheet that is not hidden is read (ExcelWorkbookKindsTests.WithoutASheetName_TheFirstVisibleSheetIsRead),
        // where the help said "Default: the first.", which a workbook whose first sheet is hidden (a sheet of lookups) contradicts.
        var (_, output, _) = Cli.Run("pipeline", "--help");

        Assert.Matches(@"Default:\s+the\s+first\s+that\s+is\s+not\s+hidden\.", output);
    }

    [Fact]
    public void BacktestHelp_GivesTheHorizonsRange_AsDocsCliSays()
    {
        // docs/cli.md: "--horizon DAYS … 1 to 36,500"; the help said only what the horizon is.
        var (_, output, _) = Cli.Run("backtest", "--help");

        Assert.Matches(@"\b1\s+to\s+36,500\.", output);
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

    /// <summary>A tool user has no docs folder: help and messages point to the documentation by its public address.</summary>
    [Theory]
    [InlineData("score", "--help")]
    [InlineData("pipeline", "--help")]
    [InlineData("backtest", "--help")]
    [InlineData("import", "--help")]
    public void Help_PointsToTheDocumentationByItsPublicAddress(params string[] args)
    {
        var (_, output, _) = Cli.Run(args);

        Assert.Contains(DocsLinks.Docs, output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!/blob/main/)\bdocs/[a-z-]+\.md", output.ReplaceLineEndings(string.Empty));
    }

    [Fact]
    public void AnErrorMessage_PointsToTheDocumentationByItsPublicAddress()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"partnermetrics-empty-{Guid.NewGuid():N}.csv");
        File.WriteAllText(empty, string.Empty);
        try
        {
            var (_, _, error) = Cli.Run("pipeline", empty);

            Assert.Contains($"{DocsLinks.Docs}cli.md", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }
}
