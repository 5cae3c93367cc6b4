using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace PartnerMetrics.Cli.Tests;

public sealed class SummaryTableTests
{
    /// <summary>Characters of names and actions: letters, digits, markup brackets, the ellipsis.</summary>
    private static readonly Gen<char> Characters = Gen.Frequency(
        (8, Gen.Elements("abcXYZ019 -&.".ToCharArray())),
        (1, Gen.Elements('[', ']', '…', '/')));

    /// <summary>Texts up to the 22 columns of a partner and the 32 of most actions, and rarely longer ones, which are cut or widen the table past 120 columns.</summary>
    private static readonly Gen<string> Text =
        from length in Gen.Frequency((20, Gen.Choose(0, 32)), (1, Gen.Choose(33, 45)))
        from characters in Gen.ArrayOf(Characters, length)
        select new string(characters);

    private static readonly Gen<PartnerRow> Rows =
        from id in Gen.Elements("P-1", "P-000042", "[P]")
        from name in Text
        from score in Gen.Choose(0, 1000).Select(tenths => tenths / 10.0)
        from band in Gen.Elements("Healthy", "Watch", "AtRisk", "InsufficientEvidence")
        from confidence in Gen.Choose(0, 100).Select(hundredths => hundredths / 100.0)
        from dimensions in Gen.ArrayOf(Gen.OneOf(Gen.Constant((double?)null), Gen.Choose(0, 100).Select(d => (double?)d)), 5)
        from action in Gen.OneOf(Gen.Constant((string?)null), Text.Select(t => (string?)t))
        from impact in Gen.Choose(-1000, 1000).Select(tenths => tenths / 10.0)
        select new PartnerRow(
            id,
            name,
            "North",
            "Reseller",
            score,
            band,
            confidence,
            new DimensionScores(dimensions[0], dimensions[1], dimensions[2], dimensions[3], dimensions[4]),
            action is null ? null : "code",
            action,
            action is null ? null : impact,
            score);

    /// <summary>Summaries of any number of partners; one in five has a name with a character that may be wider than a column or is not printable.</summary>
    private static readonly Gen<PortfolioSummary> Summaries =
        from rows in Gen.ListOf(Rows)
        from odd in Gen.Frequency((4, Gen.Constant(string.Empty)), (1, Gen.Elements("é", "漢", "\u0007", "\uFFFD")))
        from notStarted in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        select new PortfolioSummary(
            new DateOnly(2025, 6, 30),
            notStarted,
            [.. rows.Select((row, i) => i == 0 ? row with { Name = row.Name + odd } : row)],
            [],
            []);

    /// <summary>
    /// The health table written as plain text reads exactly as Spectre.Console lays it out: any number of rows, names and
    /// actions short and long (cut with an ellipsis), with markup brackets, with characters that may not take one
    /// column or are not printable (the table then falls back to Spectre.Console), and tables too wide for 120 columns
    /// (which Spectre.Console narrows, so they fall back too).
    /// </summary>
    [Property]
    public Property Write_PlainHealthTable_IsWhatSpectreConsoleWrites() =>
        Prop.ForAll(
            Summaries.ToArbitrary(),
            summary =>
            {
                using var plain = new StringWriter();
                using var laidOut = new StringWriter();

                SummaryTable.Write(summary, plain, plainWhenItFits: true);
                SummaryTable.Write(summary, laidOut, plainWhenItFits: false);

                Assert.Equal(laidOut.ToString(), plain.ToString());
            });

    [Fact]
    public void TryWrite_ATableOfPrintableText_IsWritten()
    {
        // The property above holds whichever way a table is written; this checks that the plain way is taken. Width:
        // two edges, 11 + 5 for the cells, a space either side of each, one line between them: 2 + 16 + 4 + 1 = 23.
        using var writer = new StringWriter();

        var written = PlainTable.TryWrite(writer, 120, ["Partner", "Score"], [["P-1 Ann", "71.5"], ["P-22 [Bob]…", "9.0"]]);

        Assert.True(written);
        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.Equal(
            [
                new string(' ', 23),
                "  Partner     │ Score  ",
                " ─────────────┼─────── ",
                "  P-1 Ann     │ 71.5   ",
                "  P-22 [Bob]… │ 9.0    ",
                new string(' ', 23),
                string.Empty,
            ],
            lines);
    }

    [Theory]
    [InlineData("P-1 Änne")]
    [InlineData("P-1 \u0007")]
    public void TryWrite_ACellThatMayNotTakeOneColumn_WritesNothing(string cell)
    {
        using var writer = new StringWriter();

        Assert.False(PlainTable.TryWrite(writer, 120, ["Partner"], [[cell]]));
        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void TryWrite_ATableWiderThanItMayBe_WritesNothing()
    {
        using var writer = new StringWriter();

        Assert.False(PlainTable.TryWrite(writer, 10, ["Partner"], [["P-000001 Ann"]]));
        Assert.Equal(string.Empty, writer.ToString());
    }
}
