namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// <see cref="BacktestTable"/>: a figure is never rounded onto a bound it is read against when it is not on it — a churn
/// rate onto 0 % or 100 %, an AUC onto 0, ½ (chance) or 1 (perfect).
/// </summary>
public sealed class BacktestTableTests
{
    private static BacktestReport Report(double? auc = 0.75, double? standardError = 0.1, IReadOnlyList<BandChurnRow>? bands = null, IReadOnlyList<DecileRow>? deciles = null) => new(
        "portfolio.json",
        "outcomes.csv",
        null,
        [new DateOnly(2025, 6, 30)],
        180,
        null,
        4001,
        2000,
        2001,
        0,
        0,
        auc,
        standardError,
        bands ?? [],
        deciles ?? [],
        null);

    [Fact]
    public void Write_ChurnRateNearZeroOrOne_IsNotShownAsNoneOrAllChurned()
    {
        // 1 of 2,001 is 0.04998 %, which "P1" shows as 0.0 %: no churner at all. 1,999 of 2,000 is 99.95 %, which it
        // shows as 100.0 %: every sample churned. Each is shown one step inside instead, as the other tables do.
        var output = Write(Report(
            bands: [new BandChurnRow("Healthy", 2001, 1, 1.0 / 2001), new BandChurnRow("AtRisk", 2000, 1999, 1999.0 / 2000)],
            deciles: [new DecileRow(1, 2000, 10, 20, 15, 1999, 1999.0 / 2000), new DecileRow(10, 2001, 80, 90, 85, 1, 1.0 / 2001)]));

        Assert.Contains("│ Healthy │   2,001 │       1 │      0.1 % │", output, StringComparison.Ordinal);
        Assert.Contains("│ AtRisk  │   2,000 │   1,999 │     99.9 % │", output, StringComparison.Ordinal);
        Assert.Contains("│ 1      │   2,000 │ 10.0 – 20.0 │       15.0 │   1,999 │     99.9 % │", output, StringComparison.Ordinal);
        Assert.Contains("│ 10     │   2,001 │ 80.0 – 90.0 │       85.0 │       1 │      0.1 % │", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0.0 %", output, StringComparison.Ordinal);
        Assert.DoesNotContain("100.0 %", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.9996, "AUC 0.999 ± 0.001")]
    [InlineData(0.49951, "AUC 0.499 ± 0.001")]
    [InlineData(0.50049, "AUC 0.501 ± 0.001")]
    [InlineData(0.0004, "AUC 0.001 ± 0.001")]
    [InlineData(1.0, "AUC 1.000 ± 0.001")]
    [InlineData(0.5, "AUC 0.500 ± 0.001")]
    public void Write_AucNearChancePerfectOrReversed_IsNotShownOnTheBound(double auc, string expected)
    {
        // An AUC just below ½ ranks backwards and must not read as chance (0.500); one just below 1 is not perfect.
        var output = Write(Report(auc, 0.001));

        Assert.Contains(expected + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.00004, "0.0001")]   // not 0.0000: perfect predictions
    [InlineData(0.0, "0.0000")]
    [InlineData(0.12344, "0.1234")]
    public void ABrierScore_IsNotShownAsPerfectUnlessItIs(double brier, string expected) =>
        Assert.Equal(expected, BacktestTable.Brier(brier));

    [Theory]
    [InlineData(0.00004, "0.0001")]   // enabled: not 0.0000, which reads as disabled
    [InlineData(0.0, "0.0000")]
    [InlineData(0.2, "0.2000")]
    [InlineData(1.0, "1.0000")]
    public void AWeight_IsNotShownAsDisabledUnlessItIs(double weight, string expected) =>
        Assert.Equal(expected, BacktestTable.Weight(weight));

    private static string Write(BacktestReport report)
    {
        using var writer = new StringWriter();
        BacktestTable.Write(report, writer);
        return writer.ToString();
    }
}
