using System.Text.Json;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Demo_PrintsHealthTopPartnersAndHuntingVersusFarming()
    {
        var (exit, output, _) = Run("demo");

        Assert.Equal(0, exit);
        Assert.Contains("Partner health as of 2025-06-30", output, StringComparison.Ordinal);
        Assert.Contains("Top partners per district", output, StringComparison.Ordinal);
        Assert.Contains("Hunting versus farming", output, StringComparison.Ordinal);
        Assert.Contains("P-050", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Json_HasEveryPartnerAndIsDeterministic()
    {
        var (exit, json, _) = Run("demo", "--format", "json");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(json);
        var partners = document.RootElement.GetProperty("partners");
        Assert.Equal(50, partners.GetArrayLength());
        Assert.Equal(3, document.RootElement.GetProperty("huntingFarming").GetArrayLength());
        Assert.Contains(partners.EnumerateArray(), p => p.GetProperty("band").GetString() == "Healthy");
        Assert.Contains(partners.EnumerateArray(), p => p.GetProperty("band").GetString() != "Healthy");
        Assert.Equal(json, Run("demo", "--format", "json").Output);
    }

    [Fact]
    public void Demo_AsOfAnEarlierDay_ScoresAsOfThatDay()
    {
        var (exit, json, _) = Run("demo", "--as-of", "2025-01-31", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("2025-01-31", JsonDocument.Parse(json).RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Demo_Out_WritesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"partnermetrics-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, _) = Run("demo", "--format", "json", "--out", path);

            Assert.Equal(0, exit);
            Assert.Contains("Wrote", output, StringComparison.Ordinal);
            Assert.Equal(50, JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("partners").GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("demo", "--format", "xml")]
    [InlineData("demo", "--as-of", "31/01/2025")]
    [InlineData("nonsense")]
    public void InvalidArguments_FailWithANonZeroExitCode(params string[] args) =>
        Assert.NotEqual(0, Run(args).Exit);
}

public class ScoreCommandTests
{
    [Fact]
    public void Score_APortfolioFile_ShowsItsPartners()
    {
        var path = Path.Combine(Path.GetTempPath(), $"portfolio-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, PartnerMetrics.Serialization.PartnerMetricsJson.Serialize(DemoPortfolio.Create()));

            var (exit, json, _) = Run("score", path, "--as-of", "2025-06-30", "--format", "json");

            Assert.Equal(0, exit);
            Assert.Equal(Run("demo", "--format", "json").Output, json);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Score_InvalidPortfolio_ExitsTwoNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"portfolio-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{"opportunities":[{"id":"O-1","accountId":"A","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Won","createdOn":"2025-01-01","amount":-5}]}""");

            var (exit, _, error) = Run("score", path);

            Assert.Equal(2, exit);
            Assert.Contains("$.opportunities[0].amount", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Score_MissingFile_ExitsThree() =>
        Assert.Equal(3, Run("score", "/no/such/portfolio.json").Exit);
}
