using System.Text.Json;
using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>Invalid input never yields a half-built model: it yields a <see cref="JsonException"/> naming the path and the problem.</summary>
public partial class JsonReadingTests
{
    private static JsonException ReadFails<T>(string json, string path, string because)
        where T : class
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<T>(json));
        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
        return error;
    }

    private static string SampleWith(string find, string replace)
    {
        Assert.Contains(find, JsonFormatTests.SamplePortfolioJson, StringComparison.Ordinal);
        return JsonFormatTests.SamplePortfolioJson.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_ModelRuleBrokenDeepInside_NamesTheFieldPathAndValue()
    {
        var json = SampleWith("\"outcome\": \"KeptLate\", \"resolvedOn\": \"2025-04-04\"", "\"outcome\": \"KeptLate\"");

        var error = ReadFails<Portfolio>(json, "$.partnerships[0].commitments[0].resolvedOn", "KeptLate commitment needs 'resolvedOn'");

        Assert.IsType<ArgumentException>(error.InnerException?.InnerException, exactMatch: false);
    }

    [Fact]
    public void Deserialize_AnIdentifierLongerThanAnyText_IsAJsonExceptionAtTheId()
    {
        // A name this long was a JsonException at its field; an id went to its own type unchecked and escaped as an ArgumentOutOfRangeException.
        var json = $$"""{"partnerships": [{"partner": {"id": "{{new string('p', 10_000_001)}}", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01"}]}""";
        foreach (var read in EveryPortfolioRead(json))
        {
            var error = Assert.Throws<JsonException>(read);
            Assert.Equal("$.partnerships[0].partner.id", error.Path);
            Assert.Contains("10,000,001 characters", error.Message, StringComparison.Ordinal);
        }

        var deal = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Opportunity>($$"""{"id": "O-1", "accountId": "{{new string('a', 10_000_001)}}"}"""));
        Assert.Equal("$.accountId", deal.Path);
    }

    [Fact]
    public void Deserialize_ValueOutOfRange_NamesPathAndValue() =>
        ReadFails<Portfolio>(SampleWith("\"satisfaction\": 0.85", "\"satisfaction\": 1.85"), "$.partnerships[0].deliveries[0].satisfaction", "1.85");

    [Fact]
    public void Deserialize_NegativeAmount_NamesPathAndValue() =>
        ReadFails<Portfolio>(SampleWith("\"amount\": 12000", "\"amount\": -12000"), "$.opportunities[0].amount", "-12000");

    [Fact]
    public void Deserialize_CloseBeforeCreate_NamesPathAndBothDates() =>
        ReadFails<Portfolio>(SampleWith("\"closedOn\": \"2025-04-01\"", "\"closedOn\": \"2024-04-01\""), "$.opportunities[0].closedOn", "2024-04-01");

    [Fact]
    public void Deserialize_GoalInsidePlan_NamesTheNestedPath() =>
        ReadFails<Portfolio>(SampleWith("\"progress\": 0.5", "\"progress\": -0.5"), "$.partnerships[0].jointPlan.goals[0].checkIns[1].progress", "-0.5");

    [Fact]
    public void Deserialize_SingleValuePlan_MapsToOneReviewAndOneUndatedCheckIn()
    {
        var plan = PartnerMetricsJson.Deserialize<JointPlan>(
            """{"createdOn":"2025-01-10","businessAlignment":0.4,"goals":[{"title":"Pipeline","owner":"Both","progress":0.5}],"lastReviewedOn":"2025-04-01"}""");

        Assert.Equal(new JointPlan(new DateOnly(2025, 1, 10), 0.4, [new PlanGoal("Pipeline", GoalOwner.Both, 0.5)], new DateOnly(2025, 4, 1)), plan);
        Assert.Equal([new PlanReview(new DateOnly(2025, 4, 1), 0.4)], plan.Reviews.ToArray());
        Assert.Equal([new GoalCheckIn(DateOnly.MinValue, 0.5)], plan.Goals[0].CheckIns.ToArray());
    }

    [Fact]
    public void Deserialize_SingleValuePlanWithoutAlignment_MapsToAReviewRecordingNone()
    {
        var plan = PartnerMetricsJson.Deserialize<JointPlan>("""{"createdOn":"2025-01-10","lastReviewedOn":"2025-04-01"}""");

        Assert.Equal([new PlanReview(new DateOnly(2025, 4, 1))], plan.Reviews.ToArray());
        Assert.Null(plan.BusinessAlignmentOn(new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void Deserialize_SingleValuePlanReviewedBeforeCreated_NamesTheOldField()
    {
        ReadFails<JointPlan>("""{"createdOn":"2025-01-10","businessAlignment":0.4,"lastReviewedOn":"2025-01-07"}""", "$.lastReviewedOn", "2025-01-07");
        ReadFails<JointPlan>("""{"createdOn":"2025-01-10","lastReviewedOn":"2025-01-07"}""", "$.lastReviewedOn", "2025-01-07");
    }

    [Theory]
    [InlineData("\"businessAlignment\": 0.4", "businessAlignment")]
    [InlineData("\"lastReviewedOn\": \"2025-04-01\"", "lastReviewedOn")]
    public void Deserialize_PlanWithReviewsAndASingleValue_IsAContradiction(string singleValue, string field) =>
        ReadFails<Portfolio>(
            SampleWith("\"reviewCadence\": \"90.00:00:00\",", $"\"reviewCadence\": \"90.00:00:00\", {singleValue},"),
            $"$.partnerships[0].jointPlan.{field}",
            "not both");

    [Fact]
    public void Deserialize_GoalWithCheckInsAndProgress_IsAContradiction() =>
        ReadFails<Portfolio>(SampleWith("\"dueOn\": \"2025-06-30\",", "\"dueOn\": \"2025-06-30\", \"progress\": 0.5,"), "$.partnerships[0].jointPlan.goals[0].progress", "not both");

    [Fact]
    public void Deserialize_EmptyCheckInsWithProgress_IsStillAContradiction() =>
        ReadFails<PlanGoal>("""{"title":"Pipeline","owner":"Both","checkIns":[],"progress":0.5}""", "$.progress", "not both");

    [Fact]
    public void Deserialize_TwoReviewsOnOneDay_NamesTheListAndTheDay() =>
        ReadFails<Portfolio>(SampleWith("\"on\": \"2025-01-10\"", "\"on\": \"2025-04-01\""), "$.partnerships[0].jointPlan.reviews", "2025-04-01");

    [Fact]
    public void Deserialize_ReviewBeforeTheCreationDay_NamesTheList() =>
        ReadFails<Portfolio>(SampleWith("\"on\": \"2025-01-10\"", "\"on\": \"2025-01-09\""), "$.partnerships[0].jointPlan.reviews", "2025-01-09");

    [Fact]
    public void Deserialize_TwoCheckInsOnOneDay_NamesTheListAndTheDay() =>
        ReadFails<Portfolio>(SampleWith("\"on\": \"2025-03-01\"", "\"on\": \"2025-04-01\""), "$.partnerships[0].jointPlan.goals[0].checkIns", "2025-04-01");

    [Fact]
    public void Deserialize_EntriesWithoutTheirParts_NameTheField()
    {
        ReadFails<JointPlan>("""{"createdOn":"2025-01-10","reviews":[{"businessAlignment":0.4}]}""", "$.reviews[0].on", "Required property 'on'");
        ReadFails<JointPlan>("""{"createdOn":"2025-01-10","reviews":[{"on":"2025-02-01","businessAlignment":1.5}]}""", "$.reviews[0].businessAlignment", "1.5");
        ReadFails<PlanGoal>("""{"title":"Pipeline","owner":"Both","checkIns":[{"on":"2025-02-01"}]}""", "$.checkIns[0].progress", "Required property 'progress'");
    }

    [Fact]
    public void Deserialize_EmptyIdentifier_NamesThePath() =>
        ReadFails<Portfolio>(SampleWith("\"id\": \"O-2\"", "\"id\": \"  \""), "$.opportunities[0].id", "must not be empty");

    [Fact]
    public void Deserialize_MissingRequiredProperty_NamesIt() =>
        ReadFails<Portfolio>(SampleWith("\"dueOn\": \"2025-05-15\", ", string.Empty), "$.partnerships[0].commitments[1].dueOn", "Required property 'dueOn'");

    [Fact]
    public void Deserialize_MissingPartner_NamesIt() =>
        ReadFails<Partnership>("""{"startedOn":"2025-01-01"}""", "$.partner", "Required property 'partner'");

    [Fact]
    public void Deserialize_RepeatedIdentifier_NamesTheCollection() =>
        ReadFails<Portfolio>(SampleWith("\"id\": \"O-2\"", "\"id\": \"O-1\""), "$.opportunities", "'O-1'");

    [Fact]
    public void Deserialize_NullItemInList_NamesTheIndex() =>
        ReadFails<JointPlan>("""{"createdOn":"2025-01-01","businessAlignment":0.5,"goals":[null]}""", "$.goals[0]", "must not be null");

    [Fact]
    public void Deserialize_UnknownEnumName_ListsTheNames() =>
        ReadFails<Portfolio>(SampleWith("\"motion\": \"Renewal\"", "\"motion\": \"Farming\""), "$.opportunities[0].motion", "'Farming' is not a DealMotion; expected one of NewLogo, Expansion");

    [Theory]
    [InlineData("1")]
    [InlineData("\"1\"")]
    [InlineData("\"Vendor, Partner\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void Deserialize_EnumAsNumberOrCombination_IsRejected(string side) =>
        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Commitment>($$"""{"promisedBy":{{side}},"dueOn":"2025-05-15","outcome":"Open"}"""));

    [Fact]
    public void Deserialize_UnknownProperty_IsRejected() =>
        ReadFails<Portfolio>(SampleWith("\"amount\": 12000,", "\"ammount\": 12000,"), "$.opportunities[0].ammount", "ammount");

    [Fact]
    public void Deserialize_DuplicateProperty_IsRejected() =>
        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<RevenueSnapshot>("""{"accountId":"A-1","date":"2025-01-01","annualRecurringRevenue":5,"annualRecurringRevenue":-5}"""));

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("01/02/2025")]
    [InlineData("2025-01-01T00:00:00")]
    [InlineData("")]
    public void Deserialize_DateNotIso_IsRejectedWithPath(string date)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<RevenueSnapshot>($$"""{"accountId":"A-1","date":"{{date}}","annualRecurringRevenue":5}"""));
        Assert.Equal("$.date", error.Path);
    }

    [Theory]
    [InlineData("\"5\"")]
    [InlineData("\"NaN\"")]
    [InlineData("true")]
    [InlineData("1e400")]
    public void Deserialize_NumberOfWrongKindOrRange_IsRejectedWithPath(string value)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Delivery>($$"""{"date":"2025-01-01","onTime":true,"satisfaction":{{value}}}"""));
        Assert.Equal("$.satisfaction", error.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{")]
    [InlineData("{\"partnerships\":")]
    public void Deserialize_NotAnObject_IsRejected(string json) =>
        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(json));

    [Fact]
    public void Deserialize_LiteralNull_IsRejected() =>
        ReadFails<Portfolio>("null", "$", "literal null");

    [Fact]
    public void Deserialize_NestingDeeperThanTheLimit_IsRejected()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"partnerships\":[", PartnerMetricsJson.MaxDepth)) + string.Concat(Enumerable.Repeat("]}", PartnerMetricsJson.MaxDepth));

        Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>(deep));
    }

    [Fact]
    public void Deserialize_ResponseTimeOnAMeeting_IsRejectedWithPath() =>
        ReadFails<Interaction>("""{"date":"2025-01-01","kind":"Meeting","initiatedBy":"Vendor","responseTime":"01:00:00"}""", "$.responseTime", "Only a Request");

    /// <summary>
    /// A document whose value starts after white space (a blank line, an indent) places a value its converter refuses from
    /// the document's start, as it places text that is not JSON, on every read path: the serializer reads a converter's
    /// value through a reader of its own, and the line and byte counted from the value's first brace ("\n\n  {…" read
    /// line 0, two bytes short), where reading one partnership at a time counted from the document's start.
    /// </summary>
    [Theory]
    [InlineData("", 0, 0)]
    [InlineData("  ", 0, 2)]
    [InlineData("\n\n  ", 2, 2)]
    [InlineData("\r\n\t", 1, 1)]
    public void Deserialize_AValueAfterWhiteSpace_IsPlacedFromTheDocumentsStart(string before, long lines, long bytes)
    {
        const string Portfolio = """{"opportunities":[{"id":"O-1","accountId":"A-1","createdOn":"2024-01-05","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Open","amount":"5"}]}""";
        const string Deal = """{"id":"O-1","accountId":"A-1","createdOn":"2024-01-05","motion":"NewLogo","source":"Direct","route":"Direct","outcome":"Open","amount":"5"}""";
        var portfolioEnd = Portfolio.IndexOf("\"5\"", StringComparison.Ordinal) + 3;
        var dealEnd = Deal.IndexOf("\"5\"", StringComparison.Ordinal) + 3;
        var deal = System.Text.Encoding.UTF8.GetBytes(before + Deal);

        foreach (var read in EveryPortfolioRead(before + Portfolio))
        {
            var error = Assert.Throws<JsonException>(read);
            Assert.Equal("$.opportunities[0].amount", error.Path);
            Assert.Equal((lines, portfolioEnd + bytes), (error.LineNumber, error.BytePositionInLine));
        }

        foreach (var read in (Func<object>[])[
            () => PartnerMetricsJson.Deserialize<Opportunity>(before + Deal),
            () => PartnerMetricsJson.Deserialize<Opportunity>(deal),
            () => PartnerMetricsJson.Deserialize<Opportunity>(new MemoryStream(deal)),
            () => PartnerMetricsJson.Deserialize<Opportunity>(new PortfolioReaderTests.Trickle(deal, 1))])
        {
            var error = Assert.Throws<JsonException>(read);
            Assert.Equal("$.amount", error.Path);
            Assert.Equal((lines, dealEnd + bytes), (error.LineNumber, error.BytePositionInLine));
        }
    }

    /// <summary>Reads a portfolio document every way the library reads one: text, bytes, a stream, and one partnership at a time.</summary>
    private static Func<object>[] EveryPortfolioRead(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        return
        [
            () => PartnerMetricsJson.Deserialize<Portfolio>(json),
            () => PartnerMetricsJson.Deserialize<Portfolio>(bytes),
            () => PartnerMetricsJson.Deserialize<Portfolio>(new MemoryStream(bytes)),
            () => new PortfolioJsonReader(new MemoryStream(bytes)).ReadPartnerships().ToList(),
        ];
    }
}
