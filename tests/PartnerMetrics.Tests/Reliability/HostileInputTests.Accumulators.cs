using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using static PartnerMetrics.Tests.Pipeline.PipelineExamples;

namespace PartnerMetrics.Tests.Reliability;

/// <content>Accumulator documents that overflow or contradict themselves (issue 18, rows 4 and 5; DOMAIN rule 15).</content>
public partial class HostileInputTests
{
    /// <summary>A consistent accumulator: a hunting win of 1,000 with a partner, a farming win of 500 direct, a loss of 200 and an open deal of 300.</summary>
    private static JsonNode Shard()
    {
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange([
            Deal("O-1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 1000m, D, D.AddDays(30), "North", account: "A-1"),
            Deal("O-2", null, DealMotion.Renewal, DealSource.VendorReferred, RouteToMarket.Direct, DealOutcome.Won, 500m, D, D.AddDays(10), "North", account: "A-2"),
            Deal("O-3", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Lost, 200m, D, D.AddDays(5), "North", lossReason: "Price", account: "A-3"),
            Deal("O-4", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Open, 300m, D, null, "North", account: "A-4"),
        ]);
        return JsonNode.Parse(PartnerMetricsJson.Serialize(accumulator))!;
    }

    public static TheoryData<string, string, string> Tampered => new()
    {
        // Row 4: counts and sums past the range of their type.
        { "open", "9223372036854775807", "$.count" },
        { "won", "9223372036854775807", "$.count" },
        { "directRouteValue", "79228162514264337593543950335", "$.wonValue" },
        { "partnerRouteValue", "79228162514264337593543950335", "$.wonValue" },
        { "wonValue", "79000000000000000000000000000", "$.wonValue" },

        // Row 5: parts that contradict their totals.
        { "years[0].wonValue", "1", "$.years" },
        { "years[0].lostValue", "1", "$.years" },
        { "partners[0].wonValue", "2000", "$.partners[0].wonValue" },
        { "huntingWon", "0", "$.huntingWonValue" },
        { "openValue", "300000000000000000", "$.openValue" },
        { "lossReasons[0].value", "100000", "$.lossReasons" },
        { "accounts[0].wonValue", "1000000000000000000", "$.accounts[0].wonValue" },

        // Breakdowns that must equal their totals, read as "at most" before: every win a hunting win with farming value
        // left over, a loss reason without its deal's value, every win of an unknown route beside known routes' value,
        // every deal without an amount beside values (the review of the accumulator documents).
        { "huntingWon", "2", "$.huntingWonValue" },
        { "lossReasons[0].value", "1", "$.lossReasons" },
        { "unknownRouteWon", "2", "$.unknownRouteWon" },
        { "missingAmounts", "4", "$.missingAmounts" },
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public void DeserializeAccumulator_TamperedOrOverflowing_IsAJsonExceptionAtTheField(string field, string value, string path)
    {
        var document = Shard();
        Set(document, field, JsonNode.Parse(value)!);

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void DeserializeAccumulator_HuntingValueWithoutAHuntingWin_IsRejected()
    {
        // Row 5: huntingWon = 0 with hunting value (the farming win keeps huntingWon ≤ won).
        var document = Shard();
        document["huntingWon"] = 0;
        document["huntingWonValue"] = 500;

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

        Assert.Equal("$.huntingWonValue", error.Path);
    }

    [Fact]
    public void DeserializeAccumulator_OpenValueWithoutAnOpenDeal_IsRejected()
    {
        // Row 5: open = 0 with open value; the open deal counted as won keeps the counts consistent.
        var document = Shard();
        document["open"] = 0;
        document["won"] = 3;

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

        Assert.Equal("$.openValue", error.Path);
    }

    [Fact]
    public void DeserializeAccumulator_ACycleLongerThanADateCanSpan_IsRejected()
    {
        // The longest cycle is from DateOnly.MinValue to MaxValue, 3,652,058 days: a count past it is no deal's. Both
        // wins of the shard are moved to day 3,652,059, so that only the length is wrong.
        var json = Shard().ToJsonString();
        var cycles = System.Text.RegularExpressions.Regex.Match(json, "\"wonCycleDays\":\\[[^\\]]*\\]").Value;
        var tooLong = $"\"wonCycleDays\":[{string.Concat(Enumerable.Repeat("0,", 3_652_059))}2]";

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(json.Replace(cycles, tooLong, StringComparison.Ordinal)));

        Assert.Equal("$.wonCycleDays", error.Path);
        Assert.Contains("at most 3652058 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeAccumulator_PartnersWithEveryWinButNotItsValue_AreRejected()
    {
        // When the partners' wins are all the wins, their value is the won value: here 1 of 1,500.
        var document = Shard();
        document["partners"]![0]!["wonCount"] = 2;
        document["partners"]![0]!["wonValue"] = 1;

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

        Assert.Equal("$.partners", error.Path);
        Assert.Contains("wins without a partner", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeAccumulator_AYearWithoutADeal_IsRejected()
    {
        // A year is listed for its closed deals; an empty one would make the result differ from one pass over the deals.
        var document = Shard();
        document["years"]!.AsArray().Add(new JsonObject { ["year"] = 1999, ["wonCount"] = 0, ["wonValue"] = 0, ["lostCount"] = 0, ["lostValue"] = 0 });

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

        Assert.Equal("$.years", error.Path);
        Assert.Contains("lists no won or lost deal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeserializeAccumulator_Untampered_ReadsAndComputes() =>
        Assert.Equal(1500m, PartnerMetricsJson.Deserialize<PipelineAccumulator>(Shard().ToJsonString()).Result().WonValue);

    /// <summary>Sets <c>name</c> or <c>list[i].name</c>.</summary>
    private static void Set(JsonNode document, string field, JsonNode value)
    {
        var parts = field.Split('.');
        var target = document;
        foreach (var part in parts[..^1])
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            target = target[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        target[parts[^1]] = value;
    }
}
