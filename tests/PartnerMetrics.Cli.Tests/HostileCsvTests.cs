using System.Text;

namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// CRM exports in the wrong encoding or shape: the run reads them right or fails with exit code 2 and
/// says why, never computing on misread text (docs/reliability.md, "Hostile CSV").
/// </summary>
public sealed class HostileCsvTests : IDisposable
{
    private const string Header = "Opportunity ID,Account ID,Partner ID,Territory,Type,Deal Source,Route to Market,Outcome,Amount,Created Date,Close Date";
    private const string Rows = """
        O-1,A-1,P-1,Zürich,New Logo,Partner Sourced,Partner,Won,1000,2025-01-10,2025-03-01
        O-2,A-2,P-1,Zürich,Renewal,Direct,Direct,Lost,500,2025-02-10,2025-04-01
        O-3,A-3,,São Paulo,Expansion,Co-Sell,Marketplace,Open,250.5,2025-03-10,
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("partnermetrics-csv-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    public void Unicode_WithOrWithoutAByteOrderMark_ReadsTheSameNames(string encoding)
    {
        var expected = Cli.Run("pipeline", Write("plain.csv", $"{Header}\n{Rows}\n", new UTF8Encoding(false)), "--by", "district", "--format", "json");
        Encoding text = encoding switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            _ => Encoding.GetEncoding(encoding),
        };

        var (exit, output, _) = Cli.Run("pipeline", Write("encoded.csv", $"{Header}\n{Rows}\n", text), "--by", "district", "--format", "json");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(expected.Output.Replace("plain.csv", "encoded.csv", StringComparison.Ordinal), output);
        Assert.Contains("Z\\u00FCrich", output, StringComparison.Ordinal);   // JSON escapes non-ASCII
    }

    [Fact]
    public void Latin1Export_IsRejectedInsteadOfMisreadingTheNames()
    {
        var (exit, output, error) = Cli.Run("pipeline", Write("latin1.csv", $"{Header}\n{Rows}\n", Encoding.Latin1), "--by", "district");

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("not UTF-8", error, StringComparison.Ordinal);
        Assert.Contains("at or after line", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void BinaryGarbage_IsRejected()
    {
        var bytes = new byte[4096];
        new Random(4096).NextBytes(bytes);
        var path = Path.Combine(directory, "garbage.csv");
        File.WriteAllBytes(path, bytes);

        var (exit, _, error) = Cli.Run("pipeline", path);

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.NotEqual(string.Empty, error);
    }

    [Theory]
    [InlineData('\t')]
    [InlineData(';')]
    [InlineData('|')]
    public void OtherDelimiters_AreMissingColumnsNotMisreadRows(char delimiter)
    {
        var text = $"{Header}\n{Rows}\n".Replace(',', delimiter);

        var (exit, _, error) = Cli.Run("pipeline", Write("delimited.csv", text, new UTF8Encoding(false)));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("Account ID", error, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedNewlinesAndQuotes_AreOneValueAndCountLines()
    {
        var text = $"{Header}\n" +
            "O-1,A-1,P-1,\"North\nand more\",New Logo,Partner Sourced,Partner,Won,1000,2025-01-10,2025-03-01\n" +
            "O-2,A-2,P-1,\"So \"\"called\"\" South\",Renewal,Direct,Direct,Lost,500,2025-02-10,2025-04-01\n" +
            "O-3,A-3,,West,Expansion,Co-Sell,Marketplace,Open,bad,2025-03-10,\n";

        var (exit, _, error) = Cli.Run("pipeline", Write("quoted.csv", text, new UTF8Encoding(false)), "--by", "district");

        // The third record starts on line 5, because the first one spans lines 2 and 3.
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("line 5, column \"Amount\", value \"bad\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAndExtraFieldsInARow_AreReportedWithTheirLine()
    {
        var text = $"{Header}\n" +
            "O-1,A-1,P-1,North,New Logo,Partner Sourced,Partner,Won,1000,2025-01-10\n" +
            "O-2,A-2,P-1,North,Renewal,Direct,Direct,Lost,500,2025-02-10,2025-04-01,extra,fields\n";

        var (exit, _, error) = Cli.Run("pipeline", Write("ragged.csv", text, new UTF8Encoding(false)));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
    }

    /// <summary>Found by fuzzing: a rule of the model naming an optional field with no column crashed the reader.</summary>
    [Fact]
    public void ARuleAboutAFieldTheFileHasNoColumnFor_SaysSo()
    {
        var text = "Opportunity ID,Account ID,Created Date,Type,Deal Source,Route to Market,Outcome\n" +
            "O-1,A-1,2025-01-10,New Logo,Direct,Direct,Won\n";

        var (exit, _, error) = Cli.Run("pipeline", Write("no-close-date.csv", text, new UTF8Encoding(false)));

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains("line 2, no column for 'closedOn'", error, StringComparison.Ordinal);
    }

    private string Write(string name, string text, Encoding encoding)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text, encoding);
        return path;
    }
}
