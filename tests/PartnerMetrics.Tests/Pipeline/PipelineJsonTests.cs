using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Pipeline;

public class PipelineJsonTests
{
    [Property]
    [Trait("Rule", "15")]
    public Property Accumulator_RoundTrip_KeepsEverything() =>
        Prop.ForAll(ModelGenerators.Deals.ToArbitrary(), deals =>
        {
            var accumulator = new PipelineAccumulator();
            accumulator.AddRange(deals);

            var json = PartnerMetricsJson.Serialize(accumulator);
            var read = PartnerMetricsJson.Deserialize<PipelineAccumulator>(json);

            Assert.Equal(accumulator.Result(), read.Result());
            Assert.Equal(json, PartnerMetricsJson.Serialize(read));
        });

    [Fact]
    public void Accumulators_ByGroupKey_ShipAsADictionary()
    {
        var grouping = new GroupedPipelineAccumulator<string?>(PipelineKeys.District);
        grouping.AddRange(PipelineExamples.Deals);
        var shards = PipelineExamples.Deals.GroupBy(d => d.District ?? "(none)").ToDictionary(g => g.Key, g =>
        {
            var accumulator = new PipelineAccumulator();
            accumulator.AddRange(g);
            return accumulator;
        });

        var shipped = PartnerMetricsJson.Deserialize<Dictionary<string, PipelineAccumulator>>(PartnerMetricsJson.Serialize(shards));

        Assert.Equal(shards.Keys.Order(), shipped.Keys.Order());
        Assert.Equal(shards["North"].Result(), shipped["North"].Result());
    }

    [Theory]
    [InlineData("partners")]
    [InlineData("accounts")]
    public void Accumulator_AWinTallyWithoutItsValue_IsRejectedAtIt_NotReadAsZero(string list)
    {
        // A partner's value is only bounded by the total, so without it the partner read 0 and its concentration and top
        // share changed: a won deal of P-1 worth 500 and a direct one worth 500 read as P-1 having won nothing of value.
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(
        [
            new Opportunity(new OpportunityId("O-1"), new AccountId("A-1"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, 500m, new PartnerMetrics.Partners.PartnerId("P-1"), closedOn: new DateOnly(2025, 2, 1)),
            new Opportunity(new OpportunityId("O-2"), new AccountId("A-2"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, DealOutcome.Won, 500m, closedOn: new DateOnly(2025, 2, 1)),
        ]);
        var document = JsonNode.Parse(PartnerMetricsJson.Serialize(accumulator))!.AsObject();
        document[list]![0]!.AsObject().Remove("wonValue");

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

        Assert.Equal($"$.{list}[0].wonValue", error.Path);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"count":3,"open":1,"won":1,"lost":0,"wonCycleDays":[1]}""", "$.count", "open + won + lost")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonCycleDays":[0,2]}""", "$.wonCycleDays", "add up to won")]
    [InlineData("""{"count":-1,"open":-1}""", "$.count", "must not be negative")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"wonCycleDays":[1]}""", "$.wonValue", "route values")]
    [InlineData("""{"count":0,"lostWithAmount":1}""", "$.lostWithAmount", "more lost deals carry an amount")]
    [InlineData("""{"count":1,"open":0,"won":0,"lost":1,"lostValue":5,"years":[{"year":2025,"lostCount":1,"lostValue":5}],"lossReasons":[{"year":2025,"count":1,"value":5}]}""", "$.lostValue", "lost value needs")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[1],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.accounts", "add up to won")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[1],"accounts":[{"accountId":"A","wonCount":700000000000000,"wonValue":70000000000000000000000000000},{"accountId":"B","wonCount":700000000000000,"wonValue":70000000000000000000000000000}],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.accounts", "add up to won")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"unknownRouteValue":5,"wonCycleDays":[1],"accounts":[{"accountId":"A","wonCount":1,"wonValue":5}],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.unknownRouteValue", "needs a won deal with an unknown route")]
    [InlineData("""{"count":0,"unknownRouteWon":1}""", "$.unknownRouteWon", "more won deals have an unknown route")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2024,"lostCount":1,"lostValue":5},{"year":2025,"lostCount":1,"lostValue":5}],"lossReasons":[{"year":1999,"reason":"Price","count":1,"value":5},{"year":2025,"reason":"Price","count":1,"value":5}]}""", "$.lossReasons", "loss reasons of 1999")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2024,"lostCount":1,"lostValue":5},{"year":2025,"lostCount":1,"lostValue":5}],"lossReasons":[{"year":2025,"reason":"Price","count":2,"value":10}]}""", "$.lossReasons", "loss reasons of 2025")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2025,"lostCount":2,"lostValue":10}],"lossReasons":[{"year":2025,"reason":"Price","count":1,"value":4.99999},{"year":2025,"reason":"Terms","count":1,"value":5.00001}]}""", "$.lossReasons[0].value", "more than 4 decimal places")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":0.000000000000006,"partnerRouteValue":0.000000000000006,"wonCycleDays":[1],"accounts":[{"accountId":"A","wonCount":1,"wonValue":0.000000000000006}],"years":[{"year":2025,"wonCount":1,"wonValue":0.000000000000006}]}""", "$.wonValue", "more than 4 decimal places")]
    [InlineData("""{"count":0,"colour":"red"}""", "$.colour", "")]
    public void Accumulator_InconsistentDocument_IsRejectedWithAPath(string json, string path, string because)
    {
        // Each case gives the parts it is about; the others are an empty accumulator's (every part is required).
        var document = JsonNode.Parse(json)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(PartnerMetricsJson.Serialize(new PipelineAccumulator()))!.AsObject())
        {
            if (!document.ContainsKey(name))
            {
                document[name] = value!.DeepClone();
            }
        }

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// DOMAIN section 2: bad input is refused naming the field and the offending value. An entry listed twice, or a year
    /// no day has, was refused at the whole list ("$.partners: a partner is listed twice", "$.years: a year is outside 1
    /// to 9999"), so a shard of thousands of partners did not say which one; each is refused at the entry, naming it.
    /// </summary>
    [Theory]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[1],"accounts":[{"accountId":"A","wonCount":1,"wonValue":5},{"accountId":"A","wonCount":1,"wonValue":0}],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.accounts[1].accountId", "Inconsistent accumulator: 'A' is listed twice; an account has one entry.")]
    // A partner listed twice was read as one partner with the two entries' wins added up: refused like a repeated account.
    [InlineData("""{"count":2,"open":0,"won":2,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[2],"partners":[{"partnerId":"P","wonCount":1,"wonValue":5},{"partnerId":"P","wonCount":1,"wonValue":0}],"accounts":[{"accountId":"A","wonCount":2,"wonValue":5}],"years":[{"year":2025,"wonCount":2,"wonValue":5}]}""", "$.partners[1].partnerId", "Inconsistent accumulator: 'P' is listed twice; a partner has one entry.")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2025,"lostCount":1,"lostValue":5},{"year":2025,"lostCount":1,"lostValue":5}],"lossReasons":[{"year":2025,"reason":"Price","count":2,"value":10}]}""", "$.years[1].year", "Inconsistent accumulator: 2025 is listed twice; a year has one entry.")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2024,"lostCount":1,"lostValue":5},{"year":2025,"lostCount":1,"lostValue":5}],"lossReasons":[{"year":2025,"reason":"Price","count":1,"value":5},{"year":2025,"reason":"Price","count":1,"value":5}]}""", "$.lossReasons[1].reason", "Inconsistent accumulator: reason 'Price' of 2025 is listed twice; a year and reason have one entry.")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2025,"lostCount":2,"lostValue":10}],"lossReasons":[{"year":2025,"count":1,"value":5},{"year":2025,"count":1,"value":5}]}""", "$.lossReasons[1].reason", "Inconsistent accumulator: reason null of 2025 is listed twice; a year and reason have one entry.")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":-5,"lostCount":2,"lostValue":10}],"lossReasons":[{"year":-5,"reason":"Price","count":2,"value":10}]}""", "$.years[0].year", "Inconsistent accumulator: a year must be from 1 to 9999, the years of a day; got -5.")]
    // Year 0, the first value outside the range, is no year a day has (the lower bound is inclusive at 1).
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2025,"lostCount":1,"lostValue":5},{"year":0,"lostCount":1,"lostValue":5}],"lossReasons":[{"year":0,"reason":"Price","count":1,"value":5},{"year":2025,"reason":"Price","count":1,"value":5}]}""", "$.years[1].year", "Inconsistent accumulator: a year must be from 1 to 9999, the years of a day; got 0.")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":10000,"lostCount":2,"lostValue":10}],"lossReasons":[{"year":10000,"reason":"Price","count":2,"value":10}]}""", "$.years[0].year", "Inconsistent accumulator: a year must be from 1 to 9999, the years of a day; got 10000.")]
    public void Accumulator_AnEntryListedTwiceOrAYearNoDayHas_IsRejectedAtTheEntryNamingIt(string json, string path, string because) =>
        Accumulator_InconsistentDocument_IsRejectedWithAPath(json, path, because);

    /// <summary>
    /// DOMAIN section 2, as above: an entry of a tally list with a field missing or out of range was refused at the entry or
    /// the list without the value ("$.partners[0]: A partner needs an id, a positive wonCount and a non-negative wonValue",
    /// "$.years: a year has a negative count or value", "$.lossReasons: a loss reason is blank"); each is refused at its
    /// field, with the value.
    /// </summary>
    [Theory]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[1],"partners":[{"wonCount":1,"wonValue":5}],"accounts":[{"accountId":"A","wonCount":1,"wonValue":5}],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.partners[0].partnerId", "Required property 'partnerId' is missing or null.")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[1],"partners":[{"partnerId":"P","wonCount":0,"wonValue":5}],"accounts":[{"accountId":"A","wonCount":1,"wonValue":5}],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.partners[0].wonCount", "Inconsistent accumulator: a partner's wonCount must be at least 1; got 0.")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[1],"partners":[{"partnerId":"P","wonCount":1,"wonValue":-2}],"accounts":[{"accountId":"A","wonCount":1,"wonValue":5}],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.partners[0].wonValue", "Inconsistent accumulator: must not be negative; got -2.")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[1],"accounts":[{"wonCount":1,"wonValue":5}],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.accounts[0].accountId", "Required property 'accountId' is missing or null.")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[1],"accounts":[{"accountId":"A","wonCount":-1,"wonValue":5}],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.accounts[0].wonCount", "Inconsistent accumulator: an account's wonCount must be at least 1; got -1.")]
    [InlineData("""{"count":1,"open":0,"won":1,"lost":0,"wonValue":5,"partnerRouteValue":5,"wonCycleDays":[1],"accounts":[{"accountId":"A","wonCount":1,"wonValue":-3}],"years":[{"year":2025,"wonCount":1,"wonValue":5}]}""", "$.accounts[0].wonValue", "Inconsistent accumulator: must not be negative; got -3.")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2024,"lostCount":3,"lostValue":5},{"year":2025,"lostCount":-1,"lostValue":5}],"lossReasons":[{"year":2024,"reason":"Price","count":1,"value":5},{"year":2025,"reason":"Price","count":1,"value":5}]}""", "$.years[1].lostCount", "Inconsistent accumulator: must not be negative; got -1.")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2025,"lostCount":2,"lostValue":10}],"lossReasons":[{"year":2025,"reason":"Price","count":0,"value":5},{"year":2025,"reason":"Terms","count":2,"value":5}]}""", "$.lossReasons[0].count", "Inconsistent accumulator: a loss reason's count must be at least 1; got 0.")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2025,"lostCount":2,"lostValue":10}],"lossReasons":[{"year":2025,"reason":"Price","count":1,"value":15},{"year":2025,"reason":"Terms","count":1,"value":-5}]}""", "$.lossReasons[1].value", "Inconsistent accumulator: must not be negative; got -5.")]
    [InlineData("""{"count":2,"open":0,"won":0,"lost":2,"lostWithAmount":2,"lostValue":10,"years":[{"year":2025,"lostCount":2,"lostValue":10}],"lossReasons":[{"year":2025,"reason":" ","count":2,"value":10}]}""", "$.lossReasons[0].reason", "Inconsistent accumulator: a loss reason is text or none, not blank; got ' '.")]
    public void Accumulator_AnEntrysFieldMissingOrOutOfRange_IsRejectedAtItWithTheValue(string json, string path, string because) =>
        Accumulator_InconsistentDocument_IsRejectedWithAPath(json, path, because);

    /// <summary>
    /// A refusal names the value as the document holds it, whatever the reader's culture: a negative count was written in
    /// the current culture's digits and sign (under a culture whose minus sign is "−", "got −1"), where a negative amount
    /// and every other refusal write it invariantly, as the JSON does.
    /// </summary>
    [Fact]
    public void Accumulator_ANegativeCount_IsNamedAsTheDocumentWritesIt_InAnyCulture()
    {
        var document = JsonNode.Parse(PartnerMetricsJson.Serialize(new PipelineAccumulator()))!.AsObject();
        document["open"] = -1;
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "\u2212";
        var current = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

            Assert.Equal("Invalid PipelineAccumulator at $.open: Inconsistent accumulator: must not be negative; got -1.", error.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
        }
    }

    /// <summary>
    /// A negative value is refused at its own field, with the value: every one of them was reported at <c>$.wonValue</c> as
    /// "a value is negative", so an open value of -5 pointed at a won value of 0.
    /// </summary>
    [Theory]
    [InlineData("openValue")]
    [InlineData("wonValue")]
    [InlineData("lostValue")]
    [InlineData("huntingWonValue")]
    [InlineData("directRouteValue")]
    [InlineData("partnerRouteValue")]
    [InlineData("marketplaceRouteValue")]
    [InlineData("unknownRouteValue")]
    public void Accumulator_ANegativeValue_IsRejectedAtItsFieldWithTheValue(string field)
    {
        var document = JsonNode.Parse(PartnerMetricsJson.Serialize(new PipelineAccumulator()))!.AsObject();
        document[field] = -5m;

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

        Assert.Equal($"$.{field}", error.Path);
        Assert.Equal($"Invalid PipelineAccumulator at $.{field}: Inconsistent accumulator: must not be negative; got -5.", error.Message);
    }

    /// <summary>
    /// A null in the years or the loss reasons is refused at its place as a null item, as every other list of the library
    /// refuses one: it read "a year has a negative count or value" (or "a loss reason has a count below 1") at the list.
    /// </summary>
    [Theory]
    [InlineData("years")]
    [InlineData("lossReasons")]
    public void Accumulator_ANullTally_IsRejectedAtItsPlaceAsNull(string list)
    {
        var document = JsonNode.Parse(PartnerMetricsJson.Serialize(new PipelineAccumulator()))!.AsObject();
        document[list] = new JsonArray((JsonNode?)null);

        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<PipelineAccumulator>(document.ToJsonString()));

        Assert.Equal($"$.{list}[0]", error.Path);
        Assert.Equal($"Invalid PipelineAccumulator at $.{list}[0]: An item must not be null.", error.Message);
    }

    [Theory]
    [InlineData("""{"start":"2024-06-30","end":"2024-12-31","accounts":[{"accountId":"A","startTwice":true,"endOn":"2024-08-01","endArr":300}]}""", "$.accounts[0].startTwice", "needs 'startOn'")]
    [InlineData("""{"start":"2024-06-30","end":"2024-12-31","accounts":[{"accountId":"A","startOn":"2024-03-01","startArr":300,"startTwice":true,"endOn":"2024-03-01","endArr":300}]}""", "$.accounts[0].endTwice", "same day's snapshots")]
    [InlineData("""{"start":"2024-01-01","end":"2023-01-01"}""", "$.end", "2023-01-01")]
    [InlineData("""{"start":"2024-01-01","end":"2024-12-31","accounts":[{"accountId":"A","endOn":"2025-01-01","endArr":5}]}""", "$.accounts[0].endOn", "window end")]
    [InlineData("""{"start":"2024-01-01","end":"2024-12-31","accounts":[{"accountId":"A","startOn":"2024-02-01","startArr":5,"endOn":"2024-03-01","endArr":5}]}""", "$.accounts[0].startOn", "window start")]
    [InlineData("""{"start":"2024-01-01","end":"2024-12-31","accounts":[{"accountId":"A","startOn":"2023-02-01","endOn":"2024-03-01","endArr":5}]}""", "$.accounts[0].startOn", "come together")]
    [InlineData("""{"start":"2024-01-01","end":"2024-12-31","accounts":[{"accountId":"A","endOn":"2024-03-01","endArr":-5}]}""", "$.accounts[0].endArr", "-5")]
    [InlineData("""{"start":"2024-01-01","end":"2024-12-31","accounts":[{"accountId":"A","endOn":"2024-03-01","endArr":5},{"accountId":"A","endOn":"2024-04-01","endArr":5}]}""", "$.accounts[1].accountId", "twice")]
    [InlineData("""{"start":"2024-06-30","end":"2024-06-30","accounts":[{"accountId":"A","startOn":"2024-06-30","startArr":100,"endOn":"2024-06-30","endArr":300}]}""", "$.accounts[0].endArr", "same snapshot")]
    [InlineData("""{"start":"2024-06-30","end":"2024-12-31","accounts":[{"accountId":"A","startOn":"2024-01-01","startArr":100,"endOn":"2024-03-01","endArr":300}]}""", "$.accounts[0].startOn", "latest snapshot")]
    [InlineData("""{"start":"2024-06-30","end":"2024-12-31","accounts":[{"accountId":"A","endOn":"2024-03-01","endArr":300}]}""", "$.accounts[0].startOn", "latest snapshot")]
    // Every part is required, as an accumulator's are: without its accounts a shard read as an empty cohort, and a
    // brand equity shard without its deals or snapshots as none, changing the merged NRR, GRR and debt silently.
    [InlineData("""{"start":"2024-01-01","end":"2024-12-31"}""", "$.accounts", "Required property 'accounts'")]
    [InlineData("""{"start":"2024-01-01","end":"2024-12-31","accounts":null}""", "$.accounts", "Required property 'accounts'")]
    public void Retention_InvalidDocument_IsRejectedWithAPath(string json, string path, string because)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<RetentionAccumulator>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"deals":[{"accountId":"A","closedOn":"2024-01-01","amount":-1}]}""", "$.deals[0].amount", "-1")]
    [InlineData("""{"deals":[{"accountId":"A","amount":1}]}""", "$.deals[0].closedOn", "Required")]
    [InlineData("""{"deals":[],"snapshots":[{"accountId":"A","date":"2024-01-01","annualRecurringRevenue":1},{"accountId":"A","date":"2024-01-01","annualRecurringRevenue":2}]}""", "$.snapshots[1]", "Two revenue snapshots")]
    // A snapshot's own problem is the accumulator's, at the snapshot's place (it read "Invalid RevenueSnapshot at $.annualRecurringRevenue").
    [InlineData("""{"deals":[],"snapshots":[{"accountId":"A","date":"2024-01-01","annualRecurringRevenue":-1}]}""", "$.snapshots[0].annualRecurringRevenue", "Invalid BrandEquityDebtAccumulator at $.snapshots[0].annualRecurringRevenue: 'annualRecurringRevenue' must not be negative")]
    [InlineData("""{"deals":[],"snapshots":[{"accountId":"A","date":"2024-01-01","annualRecurringRevenue":1},{"accountId":"A","date":"2024-01-02","annualRecurringRevenue":1,"arr":1}]}""", "$.snapshots[1].arr", "Invalid BrandEquityDebtAccumulator at $.snapshots[1].arr: 'arr' is not a property here")]
    [InlineData("""{"deals":[],"snapshots":[{"accountId":"A","annualRecurringRevenue":1}]}""", "$.snapshots[0].date", "Required property 'date'")]
    [InlineData("""{"snapshots":[]}""", "$.deals", "Required property 'deals'")]
    [InlineData("""{"deals":[{"accountId":"A","closedOn":"2024-01-01","amount":100}]}""", "$.snapshots", "Required property 'snapshots'")]
    public void BrandEquityDebt_InvalidDocument_IsRejectedWithAPath(string json, string path, string because)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<BrandEquityDebtAccumulator>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Two snapshots of one account and day are named in words, as every rule a model breaks is, without .NET's parameter name (it read "… on 2024-01-01. (Parameter 'snapshot')").</summary>
    [Fact]
    public void BrandEquityDebt_TwoSnapshotsOfOneDay_AreRefusedInWordsAlone()
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<BrandEquityDebtAccumulator>(
            """{"deals":[],"snapshots":[{"accountId":"A","date":"2024-01-01","annualRecurringRevenue":1},{"accountId":"A","date":"2024-01-01","annualRecurringRevenue":2}]}"""));

        Assert.Equal("Invalid BrandEquityDebtAccumulator at $.snapshots[1]: Two revenue snapshots of account 'A' on 2024-01-01.", error.Message);
    }

    [Fact]
    public async Task Opportunities_AsAJsonArray_ReadOneAtATime_AndRoundTrip()
    {
        var deals = PipelineExamples.Deals;
        var json = PartnerMetricsJson.Serialize(deals);

        Assert.Equal(deals, PartnerMetricsJson.Deserialize<Opportunity[]>(json));
        Assert.Equal(deals, PartnerMetricsJson.Deserialize<List<Opportunity>>(json));
        var streamed = new List<Opportunity>();
        await foreach (var deal in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))))
        {
            streamed.Add(deal);
        }

        Assert.Equal(deals, streamed);
    }

    [Fact]
    public async Task ADealListWithARepeatedId_CountsItTwice()
    {
        // Documented (model.md): a plain list is not checked for repeated ids, on every read path alike; a portfolio is.
        var deal = PipelineExamples.Deals.First(d => d.Outcome == DealOutcome.Won);
        var json = PartnerMetricsJson.Serialize(new[] { deal, deal });
        var streamed = new List<Opportunity>();
        await foreach (var read in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))))
        {
            streamed.Add(read);
        }

        Assert.Equal(2, PartnerMetricsJson.Deserialize<Opportunity[]>(json).Length);
        Assert.Equal(2, PartnerMetricsJson.Deserialize<List<Opportunity>>(json).Count);
        Assert.Equal(2, streamed.Count);
        Assert.Equal(2, PipelineAnalytics.Summarize(streamed).WonCount);
    }

    [Theory]
    [InlineData("[null]", "$[0]")]
    [InlineData("""[{"id":"O-1"}]""", "$[0]")]
    [InlineData("""{"id":"O-1"}""", "$")]
    public async Task Opportunities_AnInvalidElement_IsRejectedWithAPath(string json, string path)
    {
        var error = await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var _ in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))))
            {
            }
        });

        Assert.StartsWith(path, error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData(" \r\n null \n")]
    [InlineData("\uFEFFnull")]
    public async Task Opportunities_TheLiteralNull_IsRejectedAsReadingTheListWholeRejectsIt(string json)
    {
        // The serializer's element reader reads a null document as no elements: a deal list of null read as an empty one.
        var whole = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Opportunity[]>(json));
        var error = await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var _ in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))))
            {
            }
        });

        Assert.Equal("$", error.Path);
        Assert.Equal(whole.Message, error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Opportunities_AByteOrderMarkFromAStreamThatHandsOverAFewBytesAtATime_IsSkipped(int most)
    {
        // The serializer looks for a byte-order mark in the bytes of its first read only: a pipe that handed over one or two
        // bytes first had the mark read as text that is not JSON ("'0xEF' is an invalid start of a value").
        var deal = PipelineExamples.Deals.First();
        byte[] json = [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes(PartnerMetricsJson.Serialize(new[] { deal }))];
        var streamed = new List<Opportunity>();
        await foreach (var read in PartnerMetricsJson.DeserializeOpportunitiesAsync(new Serialization.PortfolioReaderTests.Trickle(json, most)))
        {
            streamed.Add(read);
        }

        Assert.Equal([deal], streamed);

        // The literal null after a mark, in the words of reading the list whole.
        var error = await Assert.ThrowsAsync<JsonException>(async () =>
        {
            await foreach (var _ in PartnerMetricsJson.DeserializeOpportunitiesAsync(new Serialization.PortfolioReaderTests.Trickle([.. System.Text.Encoding.UTF8.Preamble, .. "null"u8], most)))
            {
            }
        });
        Assert.Equal(Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Opportunity[]>("\uFEFFnull")).Message, error.Message);
    }

    [Fact]
    public async Task Opportunities_AnEmptyList_IsEmpty()
    {
        var streamed = new List<Opportunity>();
        await foreach (var deal in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream(" [ ] "u8.ToArray())))
        {
            streamed.Add(deal);
        }

        Assert.Empty(streamed);
    }

    [Fact]
    public async Task Opportunities_Reading_StopsWhenCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var json = PartnerMetricsJson.Serialize(PipelineExamples.Deals);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), cancelled.Token))
            {
            }
        });
        Assert.Throws<ArgumentNullException>("utf8Json", () => PartnerMetricsJson.DeserializeOpportunitiesAsync(null!));
    }
}
