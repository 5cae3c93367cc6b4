using System.Text.Json;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

/// <summary>
/// <c>score --as-of</c> sees the deals as the CRM knew them on the day, as the library's portfolio views do; it takes a day
/// in the form yyyy-MM-dd only, as <c>demo</c> does.
/// </summary>
public class ScoreAsOfTests
{
    [Fact]
    public void Score_AsOfBeforeADealWasWon_CountsItAsOpenNotWon()
    {
        var partner = new Partner(new PartnerId("P-1"), "Alpha", PartnerType.Reseller, district: "North");
        var deal = new Opportunity(new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 10), DealMotion.NewLogo, DealSource.PartnerSourced,
            RouteToMarket.Partner, DealOutcome.Won, 1000m, partner.Id, "North", closedOn: new DateOnly(2025, 6, 1));
        var portfolio = new Portfolio([new Partnership(partner, new DateOnly(2024, 1, 1), opportunities: [deal])]);
        using var folder = new TestFiles();
        var file = folder.Write("portfolio.json", PartnerMetricsJson.Serialize(portfolio));

        var before = Mix(Run("score", file, "--as-of", "2025-05-31", "--format", "json"));
        var after = Mix(Run("score", file, "--as-of", "2025-06-01", "--format", "json"));

        Assert.Equal(0, before.GetProperty("wonDeals").GetInt32());
        Assert.Equal(1, after.GetProperty("wonDeals").GetInt32());
    }

    /// <summary>A day in any other form is a usage error naming it, never a day read in some order: 05/06/2025 is not 6 May.</summary>
    [Theory]
    [InlineData("score", "05/06/2025")]
    [InlineData("score", "31/01/2025")]
    [InlineData("score", "2025/01/31")]
    [InlineData("score", "Jan 31 2025")]
    [InlineData("score", "2025-1-5")]
    [InlineData("score", "2025-01-31T00:00")]
    [InlineData("score", "2025-02-30")]
    [InlineData("demo", "05/06/2025")]
    [InlineData("demo", "2025-01-31T00:00")]
    public void AsOf_NotInTheFormYearMonthDay_IsAUsageErrorNamingTheValue(string command, string day)
    {
        using var folder = new TestFiles();
        string[] input = command == "score" ? [folder.Write("portfolio.json", PartnerMetricsJson.Serialize(new Portfolio([])))] : [];

        var (exit, output, error) = Run([command, .. input, "--as-of", day, "--format", "json"]);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains($"--as-of: '{day}' is not a day in the form yyyy-MM-dd.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("asOf", output, StringComparison.Ordinal);
    }

    private static JsonElement Mix((int Exit, string Output, string Error) run)
    {
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("huntingFarming").EnumerateArray().Single(m => m.GetProperty("district").GetString() == "North");
    }
}
