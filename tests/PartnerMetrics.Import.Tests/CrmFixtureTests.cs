using System.Globalization;
using System.Text.Json;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Invented but realistic exports of each CRM (Fixtures/*.csv, written by Fixtures/generate.py), imported with the
/// built-in profile and summarized by the library, against figures that script computed independently: it parses
/// the raw text itself and computes every metric in SQL with SQLite (motions inferred in SQL for Dynamics).
/// Counts and money must agree to the last digit; rates and indices to 1e-12 of their size.
/// </summary>
public class CrmFixtureTests
{
    [Theory]
    [InlineData("salesforce-opportunities", "salesforce")]
    [InlineData("hubspot-deals", "hubspot")]
    [InlineData("dynamics-opportunities", "dynamics")]
    public void Export_ImportedWithItsProfile_GivesTheOraclesFigures(string fixture, string profile)
    {
        var report = new ImportReport();
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture + ".csv"));
        var deals = new OpportunityImporter(ImportProfile.BuiltIn(profile)).ReadCsv(file, report).ToList();
        using var expectedFile = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture + ".expected.json"));
        var expected = JsonDocument.Parse(expectedFile).RootElement;

        var result = PipelineAnalytics.Summarize(deals);

        Assert.Equal((report.Rows, 0L), (report.Imported, report.Skipped));
        Assert.Equal(expected.GetProperty("count").GetInt64(), result.Count);
        Assert.Equal(
            (Long(expected, "open"), Long(expected, "won"), Long(expected, "lost"), Long(expected, "missingAmounts"), Long(expected, "lostWithAmount")),
            (result.OpenCount, result.WonCount, result.LostCount, result.MissingAmountCount, result.LostWithAmountCount));
        Assert.Equal((Money(expected, "openValue"), Money(expected, "wonValue"), Money(expected, "lostValue")), (result.OpenValue, result.WonValue, result.LostValue));
        Assert.Equal((Long(expected, "huntingWon"), Money(expected, "huntingWonValue")), (result.HuntingWonCount, result.HuntingWonValue));
        Assert.Equal(expected.GetProperty("winRateByCount").GetDouble(), result.WinRateByCount);
        Close(expected, "winRateByValue", result.WinRateByValue);
        Close(expected, "wonCycleMean", result.WonCycle?.Mean);
        Assert.Equal(expected.GetProperty("wonCycleMedian").GetDouble(), result.WonCycle!.Median);
        Assert.Equal(expected.GetProperty("wonCyclePercentile90").GetInt32(), result.WonCycle.Percentile90);
        Close(expected, "partnerConcentration", result.PartnerConcentration);
        Close(expected, "customerConcentration", result.CustomerConcentration);

        var byDistrict = PipelineAnalytics.GroupBy(deals, PipelineKeys.District).Groups.Where(g => g.Key is not null).ToDictionary(g => g.Key!, g => g.Result);
        var districts = expected.GetProperty("districts").EnumerateObject().ToList();
        Assert.Equal(districts.Select(d => d.Name).Order(StringComparer.Ordinal), byDistrict.Keys.Order(StringComparer.Ordinal));
        foreach (var district in districts)
        {
            Assert.Equal((Long(district.Value, "won"), Money(district.Value, "wonValue")), (byDistrict[district.Name].WonCount, byDistrict[district.Name].WonValue));
        }
    }

    private static long Long(JsonElement element, string name) => element.GetProperty(name).GetInt64();

    private static decimal Money(JsonElement element, string name) => decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static void Close(JsonElement expected, string name, double? actual)
    {
        var value = expected.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(value.GetDouble(), actual.Value, 1e-12 * Math.Max(1, Math.Abs(value.GetDouble())));
    }
}
