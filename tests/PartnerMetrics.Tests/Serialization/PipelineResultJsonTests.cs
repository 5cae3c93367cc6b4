using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;
using PartnerMetrics.Tests.Pipeline;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>
/// DOMAIN rule 15 for the pipeline's results: a <see cref="PipelineResult"/> written as JSON reads back equal, and one
/// whose parts contradict each other is rejected at the field that does. Results could not be written at all before.
/// </summary>
public class PipelineResultJsonTests
{
    /// <summary>Generated deals (every outcome, amounts missing or 0, unknown sources and routes, partners or none) under options with a target or none.</summary>
    private static readonly Arbitrary<(Opportunity[] Deals, PipelineOptions Options)> Cases =
        (from deals in ModelGenerators.Deals
         from target in Gen.OneOf(Gen.Constant((decimal?)null), Gen.Choose(1, 100_000_000).Select(t => (decimal?)(t / 100m)))
         from top in Gen.Choose(1, 10)
         select (deals, new PipelineOptions { RemainingTarget = target, TopPartners = top, TopCustomers = top })).ToArbitrary();

    [Property]
    [Trait("Rule", "15")]
    public Property Rule15_PipelineResult_RoundTrip_IsIdentity() =>
        Prop.ForAll(Cases, c =>
        {
            var accumulator = new PipelineAccumulator();
            accumulator.AddRange(c.Deals);
            var result = accumulator.Result(c.Options);

            var json = PartnerMetricsJson.Serialize(result);
            var back = PartnerMetricsJson.Deserialize<PipelineResult>(json);

            Assert.Equal(result, back);
            Assert.Equal(json, PartnerMetricsJson.Serialize(back));
        });

    [Property]
    [Trait("Rule", "15")]
    public Property Rule15_RetentionAndBrandEquityDebtResults_RoundTrip_AsIdentity() =>
        Prop.ForAll(
            (from deals in ModelGenerators.Deals
             from snapshots in ModelGenerators.Snapshots
             from start in Gen.Choose(new DateOnly(2017, 1, 1).DayNumber, new DateOnly(2025, 1, 1).DayNumber)
             from length in Gen.Choose(0, 800)
             select (deals, snapshots, start, length)).ToArbitrary(),
            t =>
            {
                var retention = new RetentionAccumulator(DateOnly.FromDayNumber(t.start), DateOnly.FromDayNumber(t.start + t.length));
                retention.AddRange(t.snapshots);
                var debt = new BrandEquityDebtAccumulator();
                Array.ForEach(t.deals, debt.Add);
                Array.ForEach(t.snapshots, debt.Add);
                var (kept, owed) = (retention.Result(), debt.Result());

                Assert.Equal(kept, PartnerMetricsJson.Deserialize<RetentionResult>(PartnerMetricsJson.Serialize(kept)));
                Assert.Equal(owed, PartnerMetricsJson.Deserialize<BrandEquityDebtResult>(PartnerMetricsJson.Serialize(owed)));
            });

    [Theory]
    [InlineData("endArr", "1", "$.endArr", "must be startArr + expansion − contraction − churn")]
    [InlineData("netRevenueRetention", "0.5", "$.netRevenueRetention", "must be (startArr + expansion − contraction − churn) ÷ startArr")]
    [InlineData("grossRevenueRetention", "0.99", "$.grossRevenueRetention", "must be (startArr − contraction − churn) ÷ startArr")]
    [InlineData("churnedAccounts", "0", "$.churn", "must be more than 0 exactly when an account churned")]
    [InlineData("churnedAccounts", "9", "$.churnedAccounts", "must be at most accounts")]
    [InlineData("startArr", "0", "$.startArr", "must be more than 0 exactly when the cohort has accounts")]
    [InlineData("contraction", "1000", "$.churn", "with contraction must be at most startArr")]
    public void Deserialize_ARetentionResultThatContradictsItself_IsRejectedAtTheField(string field, string value, string path, string because)
    {
        // The worked cohort of RetentionTests: 3 accounts, 350 → 270 (expansion 50, contraction 80, churn 50, one churned).
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(RetentionTests.WorkedCohort().Result()))!.AsObject();
        json[field] = JsonNode.Parse(value);

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<RetentionResult>(json.ToJsonString()));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A cohort account that churned ends at 0 and brings its whole start ARR to the churn; one that did not ends above 0.
    /// So the end ARR is above 0 exactly when an account did not churn, and the churn is the start ARR exactly when all
    /// did. Each of these documents was read: an end ARR of 5 (all expansion) with no cohort, or with its one account
    /// churned; 0 at the end with one of two accounts still there; one churned account of 100 whose churn was 50.
    /// </summary>
    [Theory]
    [InlineData("""{"accounts":0,"startArr":0,"endArr":5,"expansion":5,"contraction":0,"churn":0,"churnedAccounts":0,"newAccounts":0}""", "$.endArr", "'endArr' must be more than 0 exactly when a cohort account did not churn (accounts − churnedAccounts, 0 − 0); got 5")]
    [InlineData("""{"accounts":1,"startArr":100,"endArr":5,"expansion":5,"contraction":0,"churn":100,"churnedAccounts":1,"newAccounts":0,"netRevenueRetention":0.05,"grossRevenueRetention":0}""", "$.endArr", "'endArr' must be more than 0 exactly when a cohort account did not churn (accounts − churnedAccounts, 1 − 1); got 5")]
    [InlineData("""{"accounts":2,"startArr":200,"endArr":0,"expansion":0,"contraction":100,"churn":100,"churnedAccounts":1,"newAccounts":0,"netRevenueRetention":0,"grossRevenueRetention":0}""", "$.endArr", "'endArr' must be more than 0 exactly when a cohort account did not churn (accounts − churnedAccounts, 2 − 1); got 0")]
    [InlineData("""{"accounts":1,"startArr":100,"endArr":0,"expansion":0,"contraction":50,"churn":50,"churnedAccounts":1,"newAccounts":0,"netRevenueRetention":0,"grossRevenueRetention":0}""", "$.churn", "'churn' must be startArr exactly when every cohort account churned (accounts 1, churnedAccounts 1); got 50 of 100")]
    public void Deserialize_ARetentionResultWhoseEndContradictsItsChurn_IsRejectedAtTheField(string json, string path, string because)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<RetentionResult>(json));

        Assert.Equal(path, error.Path);
        Assert.Equal($"Invalid RetentionResult at {path}: {because}.", error.Message);
    }

    [Theory]
    [InlineData("share", "0.5", "$.share", "must be debtValue ÷ judgedValue")]
    [InlineData("debtDeals", "5", "$.debtDeals", "must be at most judgedDeals")]
    [InlineData("debtValue", "1000", "$.debtValue", "must be at most judgedValue")]
    [InlineData("judgedDeals", "0", "$.debtDeals", "must be at most judgedDeals")]
    public void Deserialize_ABrandEquityDebtResultThatContradictsItself_IsRejectedAtTheField(string field, string value, string path, string because)
    {
        // One judged won new logo of 100 whose account churned: debt 100 of 100.
        var json = JsonNode.Parse("""{"judgedDeals":1,"debtDeals":1,"unjudgedDeals":0,"judgedValue":100,"debtValue":100,"share":1}""")!.AsObject();
        Assert.Equal(1.0, PartnerMetricsJson.Deserialize<BrandEquityDebtResult>(json.ToJsonString()).Share);
        json[field] = JsonNode.Parse(value);

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<BrandEquityDebtResult>(json.ToJsonString()));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A value more than its deals can carry (each at most <see cref="Opportunity.MaxAmount"/>) is refused, as the pipeline
    /// result's values are: one judged deal of 3 × 10^14, one indebted deal of 2 × 10^14 beside two judged ones of 1 in all, and a
    /// judged deal of 100 with 100 more beside an indebted deal of 100 were read.
    /// </summary>
    [Theory]
    [InlineData("""{"judgedDeals":1,"debtDeals":0,"unjudgedDeals":0,"judgedValue":300000000000000,"debtValue":0,"share":0}""", "$.judgedValue", "'judgedValue' must be at most what judgedDeals (1) deals of at most 100000000000000 each carry; got 300000000000000")]
    [InlineData("""{"judgedDeals":3,"debtDeals":1,"unjudgedDeals":0,"judgedValue":200000000000001,"debtValue":200000000000000,"share":0.999999999999995}""", "$.debtValue", "'debtValue' must be at most what debtDeals (1) deals of at most 100000000000000 each carry; got 200000000000000")]
    [InlineData("""{"judgedDeals":1,"debtDeals":1,"unjudgedDeals":0,"judgedValue":200,"debtValue":100,"share":0.5}""", "$.judgedValue", "'judgedValue' must be at most debtValue and what judgedDeals − debtDeals (1 − 1) deals of at most 100000000000000 each carry; got 200 beside 100")]
    public void Deserialize_ABrandEquityDebtValueItsDealsCannotCarry_IsRejectedAtIt(string json, string path, string because)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<BrandEquityDebtResult>(json));

        Assert.Equal(path, error.Path);
        Assert.Equal($"Invalid BrandEquityDebtResult at {path}: {because}.", error.Message);
    }

    /// <summary>
    /// A rate of 0 written as -0 reads as 0: the document's -0 passed every check (-0 equals 0) and was kept, so the result
    /// read back wrote "-0" (and a report "-0 %") where the same result computed, and written, says 0.
    /// </summary>
    [Theory]
    [InlineData("winRateByCount")]
    [InlineData("winRateByValue")]
    [InlineData("coverage")]
    [InlineData("huntingShareByCount")]
    [InlineData("huntingShareByValue")]
    [InlineData("repeatBusinessRate")]
    public void Deserialize_ARateOfNegativeZero_IsReadAsZero(string field)
    {
        // Two lost deals and no open value under a target: win rates and coverage 0. A farming win of P-1 and a direct
        // renewal: hunting shares 0, and no partner won twice.
        var result = field is "winRateByCount" or "winRateByValue" or "coverage"
            ? PipelineAnalytics.Summarize([PipelineExamples.Deals[4], PipelineExamples.Deals[7]], new PipelineOptions { RemainingTarget = 100m })
            : PipelineAnalytics.Summarize([PipelineExamples.Deals[1], PipelineExamples.Deals[3]]);
        var written = PartnerMetricsJson.Serialize(result);
        var json = JsonNode.Parse(written)!.AsObject();
        Assert.Equal(0.0, (double)json[field]!);
        json[field] = JsonNode.Parse("-0.0");

        var back = PartnerMetricsJson.Deserialize<PipelineResult>(json.ToJsonString());

        Assert.Equal(written, PartnerMetricsJson.Serialize(back));
    }

    /// <summary>A won cycle of 0 days written as -0 reads as 0, as the rates do: its mean and median were kept as -0 and written back so.</summary>
    [Theory]
    [InlineData("mean")]
    [InlineData("median")]
    public void Deserialize_AWonCycleOfNegativeZeroDays_IsReadAsZero(string field)
    {
        // One deal won on the day it was created: mean, median and 90th percentile 0 days.
        var result = PipelineAnalytics.Summarize([PipelineExamples.Deal("O1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 5m, PipelineExamples.D, PipelineExamples.D, "North")]);
        var written = PartnerMetricsJson.Serialize(result);
        var json = JsonNode.Parse(written)!.AsObject();
        Assert.Equal(0.0, (double)json["wonCycle"]![field]!);
        json["wonCycle"]![field] = JsonNode.Parse("-0.0");

        var back = PartnerMetricsJson.Deserialize<PipelineResult>(json.ToJsonString());

        Assert.Equal(written, PartnerMetricsJson.Serialize(back));
    }

    /// <summary>
    /// A concentration below that of its parts held equally is refused: n partners (customers, routes) with wins give an
    /// index of at least 10,000 ÷ n, so one customer gives 10,000. The example's one customer at 5,000, its two partners at
    /// 4,000 and its routes at 3,000 (of three routes) were read, being from 0 to 10,000.
    /// </summary>
    [Theory]
    [InlineData("customerConcentration", 5000.0, "'customerConcentration' must be at least 10000 ÷ customersWithWins (1), 10000, the index of that many equal parts; got 5000")]
    [InlineData("partnerConcentration", 4000.0, "'partnerConcentration' must be at least 10000 ÷ partnersWithWins (2), 5000, the index of that many equal parts; got 4000")]
    [InlineData("routeConcentration", 3000.0, "'routeConcentration' must be at least 10000 ÷ the three routes, 3333.3333333333335, the index of that many equal parts; got 3000")]
    public void Deserialize_AConcentrationBelowItsPartsHeldEqually_IsRejectedAtIt(string field, double value, string because)
    {
        // The eight example deals: 4 won on one account, by two partners, on two of the three routes.
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(PipelineAnalytics.Summarize(PipelineExamples.Deals)))!.AsObject();
        json[field] = value;

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineResult>(json.ToJsonString()));

        Assert.Equal($"$.{field}", error.Path);
        Assert.Equal($"Invalid PipelineResult at $.{field}: {because}.", error.Message);
    }

    [Fact]
    public void GroupedResults_EachGroupRoundTrips()
    {
        var result = PipelineAnalytics.GroupBy(PipelineExamples.Deals, PipelineKeys.District);

        foreach (var group in result.Groups.Append(new PipelineGroup<string>(null, result.Total)))
        {
            Assert.Equal(group.Result, PartnerMetricsJson.Deserialize<PipelineResult>(PartnerMetricsJson.Serialize(group.Result)));
        }
    }

    [Fact]
    public void Serialize_WritesEveryMetricByName_LeavingOutThoseWithoutAValue()
    {
        // As every document of the library: an absent value is left out, and its note says why.
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(PipelineExamples.Deals);
        var result = accumulator.Result();
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(result))!.AsObject();

        var written = typeof(PipelineResult).GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetValue(result) is not null)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Order(StringComparer.Ordinal);
        Assert.Equal(written, json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.False(json.ContainsKey("coverage"));
        Assert.Contains(json["notes"]!.AsArray(), n => (string?)n!["metric"] == "Coverage");
        Assert.Equal(result.WonCount, (long)json["wonCount"]!);
    }

    /// <summary>
    /// A won cycle of no deals is refused: a result of deals that were all lost read back with a <c>WonCycle</c> of count 0
    /// (mean, median and 90th percentile 0 days) where every result of the same deals has none, "nothing won".
    /// </summary>
    [Fact]
    public void Deserialize_AWonCycleWhenNothingWasWon_IsRejectedAtIt()
    {
        var result = PipelineAnalytics.Summarize([PipelineExamples.Deals[4]]);
        Assert.Null(result.WonCycle);
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(result))!.AsObject();
        json["wonCycle"] = new JsonObject { ["count"] = 0, ["mean"] = 0, ["median"] = 0, ["percentile90"] = 0 };

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineResult>(json.ToJsonString()));

        Assert.Equal("$.wonCycle", error.Path);
        Assert.Equal("Invalid PipelineResult at $.wonCycle: 'wonCycle' must be absent when no deal is won.", error.Message);
    }

    /// <summary>
    /// A value more than its deals can carry (each at most <see cref="Opportunity.MaxAmount"/>) is refused, as an
    /// accumulator document refuses it: a result of no deals read back with an open value of 5, and one of a single lost
    /// deal with 7 won and no won deal, whose hunting share by value (0) and profile (Farmer) then had values though nothing
    /// was won.
    /// </summary>
    [Theory]
    [InlineData("open", "$.openValue", "'openValue' must be at most what openCount (0) deals of at most 100000000000000 each carry; got 5")]
    [InlineData("won", "$.wonValue", "'wonValue' must be at most what wonCount (0) deals of at most 100000000000000 each carry; got 7")]
    [InlineData("open-many", "$.openValue", "'openValue' must be at most what openCount (2) deals of at most 100000000000000 each carry; got 300000000000000")]
    [InlineData("hunting", "$.huntingWonValue", "'huntingWonValue' must be at most what huntingWonCount (0) deals of at most 100000000000000 each carry; got 130")]
    [InlineData("farming", "$.farmingWonValue", "'farmingWonValue' must be at most what farmingWonCount (0) deals of at most 100000000000000 each carry; got 70")]
    [InlineData("lost", "$.lostValue", "'lostValue' must be at most what lostWithAmountCount (1) deals of at most 100000000000000 each carry; got 300000000000000")]
    [InlineData("unknown-route", "$.unknownRouteWonValue", "'unknownRouteWonValue' must be at most what unknownRouteWonCount (0) deals of at most 100000000000000 each carry; got 5")]
    [InlineData("missing", "$.missingAmountCount", "'missingAmountCount' must leave deals with an amount enough to carry openValue, wonValue and lostValue: count − missingAmountCount (8 − 8) deals of at most 100000000000000 each carry less than 200 + 200 + 80")]
    public void Deserialize_AValueItsDealsCannotCarry_IsRejectedAtIt(string change, string path, string because)
    {
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(PipelineAnalytics.Summarize([])))!.AsObject();
        switch (change)
        {
            case "open":
                json["openValue"] = 5;
                break;
            case "won":
                // One lost deal of 5, and 7 won without a won deal: every rate as the counts and values give it.
                json["count"] = 1;
                json["lostCount"] = 1;
                json["lostWithAmountCount"] = 1;
                json["lostValue"] = 5;
                json["wonValue"] = 7;
                json["farmingWonValue"] = 7;
                json["winRateByCount"] = 0.0;
                json["winRateByValue"] = (double)(7m / 12m);
                json["huntingShareByValue"] = 0.0;
                json["profile"] = "Farmer";
                json["years"] = new JsonArray(new JsonObject { ["year"] = 2025, ["wonCount"] = 0, ["wonValue"] = 7, ["lostCount"] = 1, ["lostValue"] = 5 });
                json["lossReasons"] = new JsonArray(new JsonObject { ["year"] = 2025, ["count"] = 1, ["value"] = 5 });
                break;
            case "open-many":
                json = JsonNode.Parse(PartnerMetricsJson.Serialize(PipelineAnalytics.Summarize(PipelineExamples.Deals)))!.AsObject();
                Assert.Equal(2, (long)json["openCount"]!);
                json["openValue"] = 300_000_000_000_000m;
                break;
            default:
                // The eight example deals: 2 open (200), 2 hunting wins (130) and 2 farming ones (70), 1 of 2 lost deals with an amount (80), no unknown route.
                json = JsonNode.Parse(PartnerMetricsJson.Serialize(PipelineAnalytics.Summarize(PipelineExamples.Deals)))!.AsObject();
                switch (change)
                {
                    case "hunting":
                        (json["huntingWonCount"], json["farmingWonCount"], json["huntingShareByCount"]) = (0, 4, 0.0);
                        break;
                    case "farming":
                        (json["huntingWonCount"], json["farmingWonCount"], json["huntingShareByCount"]) = (4, 0, 1.0);
                        break;
                    case "lost":
                        json["lostValue"] = 300_000_000_000_000m;
                        break;
                    case "unknown-route":
                        json["unknownRouteWonValue"] = 5;
                        break;
                    default:
                        // Every one of the eight deals without an amount, yet 200 open, 200 won and 80 lost.
                        json["missingAmountCount"] = 8;
                        break;
                }

                break;
        }

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineResult>(json.ToJsonString()));

        Assert.Equal(path, error.Path);
        Assert.Equal($"Invalid PipelineResult at {path}: {because}.", error.Message);
    }

    /// <summary>
    /// The customer and route concentrations are there exactly when value was won (with a known route), and a result
    /// with a win has a customer with a win: every won deal has an account, whose values add up to the won value. Each of
    /// these documents was read, with a note for the metric it left out or a concentration of no value.
    /// </summary>
    [Theory]
    [InlineData("no-customer", "$.customersWithWins", "'customersWithWins' must be more than 0 exactly when a deal is won (wonCount 4); got 0")]
    [InlineData("customers-unmeasured", "$.customerConcentration", "'customerConcentration' must be given exactly when value was won (wonValue 200)")]
    [InlineData("customers-of-nothing", "$.customerConcentration", "'customerConcentration' must be given exactly when value was won (wonValue 0)")]
    [InlineData("routes-unmeasured", "$.routeConcentration", "'routeConcentration' must be given exactly when value was won with a known route (wonValue − unknownRouteWonValue, 200 − 0)")]
    public void Deserialize_AConcentrationItsValuesContradict_IsRejectedAtIt(string change, string path, string because)
    {
        // The eight example deals: 4 won, of 200 in all, on one account, every route known.
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(PipelineAnalytics.Summarize(PipelineExamples.Deals)))!.AsObject();
        var notes = json["notes"]!.AsArray();
        switch (change)
        {
            case "no-customer":
                json["customersWithWins"] = 0;
                json.Remove("customerConcentration");
                json.Remove("topCustomerShare");
                notes.Add(new JsonObject { ["metric"] = "CustomerConcentration", ["reason"] = "No won deal carries an amount." });
                notes.Add(new JsonObject { ["metric"] = "TopCustomerShare", ["reason"] = "No won deal carries an amount." });
                break;
            case "customers-unmeasured":
                json.Remove("customerConcentration");
                json.Remove("topCustomerShare");
                notes.Add(new JsonObject { ["metric"] = "CustomerConcentration", ["reason"] = "No won deal carries an amount." });
                notes.Add(new JsonObject { ["metric"] = "TopCustomerShare", ["reason"] = "No won deal carries an amount." });
                break;
            case "customers-of-nothing":
                // One deal won for 0 on one account: no concentration, as no value was won.
                json = JsonNode.Parse(PartnerMetricsJson.Serialize(PipelineAnalytics.Summarize(
                    [PipelineExamples.Deal("O1", "P-1", DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 0m, PipelineExamples.D, PipelineExamples.D.AddDays(10), "North")])))!.AsObject();
                Assert.Null(json["customerConcentration"]);
                json["customerConcentration"] = 10_000.0;
                json["topCustomerShare"] = 1.0;
                break;
            default:
                json.Remove("routeConcentration");
                notes.Add(new JsonObject { ["metric"] = "RouteConcentration", ["reason"] = "No won deal records its route to market." });
                break;
        }

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineResult>(json.ToJsonString()));

        Assert.Equal(path, error.Path);
        Assert.Equal($"Invalid PipelineResult at {path}: {because}.", error.Message);
    }

    public static TheoryData<string, string, string> Contradictions => new()
    {
        { "count", "$.count", "must be openCount + wonCount + lostCount" },
        { "farming", "$.farmingWonCount", "must be wonCount − huntingWonCount" },
        { "farming-value", "$.farmingWonValue", "must be wonValue − huntingWonValue" },
        { "win-rate", "$.winRateByCount", "must be wonCount ÷ (wonCount + lostCount)" },
        { "value-win-rate", "$.winRateByValue", "must be wonValue ÷ (wonValue + lostValue)" },
        { "average", "$.averageWonDealSize", "must be wonValue ÷ wonCount" },
        { "velocity", "$.velocity", "must be openCount × wonValue × wonCount ÷ ((wonCount + lostCount) × wonCycle.mean × wonCycle.count), rounded once" },
        { "profile", "$.profile", "from the hunting share of won value" },
        { "reciprocity", "$.dealFlowReciprocity", "must be 1 − |2p − 1|" },
        { "repeat", "$.repeatBusinessRate", "must be partnersWithRepeatWins ÷ partnersWithWins" },
        { "cycle-count", "$.wonCycle.count", "must be wonCount" },
        { "cycle-median", "$.wonCycle.median", "must be a whole or half number of days" },
        { "no-cycle", "$.wonCycle", "must be given when a deal is won" },
        { "years", "$.years", "must add up to wonCount" },
        { "empty-year", "$.years[0]", "must list at least one won or lost deal" },
        { "loss-reasons", "$.lossReasons", "must add up to lostCount" },
        { "unnoted", "$.notes", "must say why Coverage has no value" },
        { "unknown-metric", "$.notes[0].metric", "must name a metric that can be left without a value" },
        { "concentration", "$.partnerConcentration", "must be from 0 to 10000" },
        { "top-share", "$.topPartnerShare", "must be given exactly when partnerConcentration is" },
        { "negative", "$.openCount", "must be a number of at least 0" },
        { "fine-value", "$.openValue", "with at most 4 decimal places" },
        { "missing", "$.wonCount", "Required property 'wonCount' is missing or null." },
        { "lost-value", "$.lostValue", "must be more than 0 exactly when a lost deal carries an amount" },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void Deserialize_PartsThatContradictEachOther_AreRejectedAtTheField(string change, string path, string because)
    {
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(PipelineExamples.Deals);
        var json = JsonNode.Parse(PartnerMetricsJson.Serialize(accumulator.Result()))!.AsObject();
        switch (change)
        {
            case "count": json["count"] = (long)json["count"]! + 1; break;
            case "farming": json["farmingWonCount"] = (long)json["farmingWonCount"]! + 1; break;
            case "farming-value": json["farmingWonValue"] = (decimal)json["farmingWonValue"]! + 1; break;
            case "win-rate": json["winRateByCount"] = 0.5; break;
            case "value-win-rate": json.Remove("winRateByValue"); break;
            case "average": json["averageWonDealSize"] = 1; break;
            case "velocity": json["velocity"] = (decimal)json["velocity"]! * 2; break;
            case "profile": json["profile"] = (string?)json["profile"] == "Farmer" ? "Hunter" : "Farmer"; break;
            case "reciprocity": json["dealFlowReciprocity"] = 0.123; break;
            case "repeat": json["repeatBusinessRate"] = 0.99; break;
            case "cycle-count": json["wonCycle"]!["count"] = (long)json["wonCycle"]!["count"]! + 1; break;
            case "cycle-median": json["wonCycle"]!["median"] = 10.25; break;
            case "no-cycle": json.Remove("wonCycle"); break;
            case "years": json["years"]![0]!["wonCount"] = (long)json["years"]![0]!["wonCount"]! + 1; break;
            case "empty-year": json["years"]!.AsArray().Insert(0, new JsonObject { ["year"] = 1999, ["wonCount"] = 0, ["wonValue"] = 0, ["lostCount"] = 0, ["lostValue"] = 0 }); break;
            case "loss-reasons": json["lossReasons"]!.AsArray().RemoveAt(0); break;
            case "unnoted": json["notes"] = new JsonArray([.. json["notes"]!.AsArray().Where(n => (string?)n!["metric"] != "Coverage").Select(n => n!.DeepClone())]); break;
            case "unknown-metric": json["notes"]![0]!["metric"] = "Happiness"; break;
            case "concentration": json["partnerConcentration"] = 10_001; break;
            case "top-share": json.Remove("topPartnerShare"); break;
            case "negative": json["openCount"] = -1; break;
            case "fine-value": json["openValue"] = 0.00001m; break;
            case "missing": json.Remove("wonCount"); break;
            case "lost-value": json["lostValue"] = 0; break;
            default: throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineResult>(json.ToJsonString()));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid PipelineResult at {path}: ", error.Message, StringComparison.Ordinal);
    }
}
