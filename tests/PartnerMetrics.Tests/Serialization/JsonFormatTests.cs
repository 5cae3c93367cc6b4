using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>Pins the wire format: what a CRM export must look like (and what docs/model.md shows).</summary>
public class JsonFormatTests
{
    internal const string SamplePortfolioJson = """
        {
          "partnerships": [
            {
              "partner": { "id": "P-100", "name": "Contoso Cloud", "type": "SystemIntegrator", "tier": "Gold", "district": "North", "onboardedOn": "2023-04-01" },
              "startedOn": "2023-04-01",
              "requiredCompetencies": [ "Azure", "Security" ],
              "commitments": [
                { "promisedBy": "Partner", "dueOn": "2025-03-31", "outcome": "KeptLate", "resolvedOn": "2025-04-04", "description": "Two certified engineers" },
                { "promisedBy": "Vendor", "dueOn": "2025-05-15", "outcome": "Open" }
              ],
              "interactions": [
                { "date": "2025-04-02", "kind": "Request", "initiatedBy": "Partner", "responseTime": "1.04:00:00" },
                { "date": "2025-04-20", "kind": "Escalation", "initiatedBy": "Vendor", "resolvedOn": "2025-04-25" }
              ],
              "certifications": [ { "competency": "Azure", "obtainedOn": "2024-06-01", "expiresOn": "2026-06-01" } ],
              "deliveries": [ { "date": "2025-02-28", "onTime": true, "satisfaction": 0.85 } ],
              "jointPlan": {
                "createdOn": "2025-01-10",
                "reviewCadence": "90.00:00:00",
                "reviews": [ { "on": "2025-01-10", "businessAlignment": 0.3 }, { "on": "2025-04-01", "businessAlignment": 0.4 } ],
                "goals": [
                  { "title": "Certify engineers", "owner": "Both", "target": { "value": 4, "unit": "engineers" }, "startsOn": "2025-01-10", "dueOn": "2025-06-30",
                    "checkIns": [ { "on": "2025-03-01", "progress": 0.25 }, { "on": "2025-04-01", "progress": 0.5 } ] }
                ]
              },
              "opportunities": [
                { "id": "O-1", "accountId": "A-7", "partnerId": "P-100", "district": "North", "motion": "NewLogo", "source": "PartnerSourced", "route": "Partner", "outcome": "Won", "amount": 48000.00, "createdOn": "2025-01-15", "registeredOn": "2025-01-17", "lastUpdatedOn": "2025-03-01", "expectedCloseOn": "2025-03-15", "closedOn": "2025-03-01", "stage": "Closed" }
              ]
            }
          ],
          "opportunities": [
            { "id": "O-2", "accountId": "A-9", "motion": "Renewal", "source": "Direct", "route": "Direct", "outcome": "Lost", "amount": 12000, "createdOn": "2025-02-01", "closedOn": "2025-04-01", "lossReason": "Price" }
          ],
          "revenueSnapshots": [ { "accountId": "A-7", "date": "2025-03-31", "annualRecurringRevenue": 48000.00 } ]
        }
        """;

    [Fact]
    public void Deserialize_SampleExport_BuildsTheModel()
    {
        var portfolio = PartnerMetricsJson.Deserialize<Portfolio>(SamplePortfolioJson);

        var partnership = Assert.Single(portfolio.Partnerships);
        Assert.Equal(new PartnerId("P-100"), partnership.Partner.Id);
        Assert.Equal(PartnerType.SystemIntegrator, partnership.Partner.Type);
        Assert.Equal(["Azure", "Security"], partnership.RequiredCompetencies.ToArray());
        Assert.Equal(new Commitment(Side.Partner, new DateOnly(2025, 3, 31), CommitmentOutcome.KeptLate, new DateOnly(2025, 4, 4), "Two certified engineers"), partnership.Commitments[0]);
        Assert.Equal(TimeSpan.FromHours(28), partnership.Interactions[0].ResponseTime);
        Assert.Equal(new DateOnly(2025, 4, 25), partnership.Interactions[1].ResolvedOn);
        Assert.Equal(TimeSpan.FromDays(90), partnership.JointPlan!.ReviewCadence);
        Assert.Equal(new MeasurableTarget(4m, "engineers"), partnership.JointPlan.Goals[0].Target);
        Assert.Equal([new PlanReview(new DateOnly(2025, 1, 10), 0.3), new PlanReview(new DateOnly(2025, 4, 1), 0.4)], partnership.JointPlan.Reviews.ToArray());
        Assert.Equal([new GoalCheckIn(new DateOnly(2025, 3, 1), 0.25), new GoalCheckIn(new DateOnly(2025, 4, 1), 0.5)], partnership.JointPlan.Goals[0].CheckIns.ToArray());
        Assert.Equal(48000m, partnership.Opportunities[0].Amount);
        Assert.Equal(DealOutcome.Won, partnership.Opportunities[0].Outcome);
        var direct = Assert.Single(portfolio.Opportunities);
        Assert.Null(direct.PartnerId);
        Assert.Equal("Price", direct.LossReason);
        Assert.Equal(48000m, Assert.Single(portfolio.RevenueSnapshots).AnnualRecurringRevenue);
    }

    [Fact]
    public void Serialize_UsesCamelCaseEnumNamesIsoDatesAndOmitsAbsentValues()
    {
        var commitment = new Commitment(Side.Vendor, new DateOnly(2025, 5, 15), CommitmentOutcome.Open);
        var interaction = new Interaction(new DateOnly(2025, 4, 2), InteractionKind.Request, Side.Partner, TimeSpan.FromHours(28));

        Assert.Equal("""{"promisedBy":"Vendor","dueOn":"2025-05-15","outcome":"Open"}""", PartnerMetricsJson.Serialize(commitment));
        Assert.Equal("""{"date":"2025-04-02","kind":"Request","initiatedBy":"Partner","responseTime":"1.04:00:00"}""", PartnerMetricsJson.Serialize(interaction));

        // .NET's constant format writes the days only when there are any (docs/model.md, "The format").
        Assert.Contains("\"responseTime\":\"04:00:00\"", PartnerMetricsJson.Serialize(new Interaction(interaction.Date, InteractionKind.Request, Side.Partner, TimeSpan.FromHours(4))), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Plan_WritesTheDatedForm()
    {
        var plan = new JointPlan(
            new DateOnly(2025, 1, 10),
            goals: [new PlanGoal("Pipeline", GoalOwner.Both, checkIns: [new GoalCheckIn(new DateOnly(2025, 4, 1), 0.5)])],
            reviews: [new PlanReview(new DateOnly(2025, 4, 1), 0.6), new PlanReview(new DateOnly(2025, 2, 1))]);

        Assert.Equal(
            """{"createdOn":"2025-01-10","reviewCadence":"90.00:00:00","reviews":[{"on":"2025-02-01"},{"on":"2025-04-01","businessAlignment":0.6}],"goals":[{"title":"Pipeline","owner":"Both","checkIns":[{"on":"2025-04-01","progress":0.5}]}]}""",
            PartnerMetricsJson.Serialize(plan));
    }

    [Fact]
    public void Serialize_SingleValuePlan_WritesOneReviewAndOneUndatedCheckIn()
    {
        // The single-value constructors map to one review (on the last review, else the creation day)
        // and one check-in dated 0001-01-01 ("known on every day"); the JSON says so rather than hide it.
        var plan = new JointPlan(new DateOnly(2025, 1, 10), 0.4, [new PlanGoal("Pipeline", GoalOwner.Both, 0.5)]);

        Assert.Equal(
            """{"createdOn":"2025-01-10","reviewCadence":"90.00:00:00","reviews":[{"on":"2025-01-10","businessAlignment":0.4}],"goals":[{"title":"Pipeline","owner":"Both","checkIns":[{"on":"0001-01-01","progress":0.5}]}]}""",
            PartnerMetricsJson.Serialize(plan));
    }

    [Fact]
    public void Serialize_EmptyPortfolio_WritesEmptyLists() =>
        Assert.Equal("""{"partnerships":[],"opportunities":[],"revenueSnapshots":[]}""", PartnerMetricsJson.Serialize(new Portfolio()));

    [Fact]
    public void Deserialize_EnumNamesIgnoreCase() =>
        Assert.Equal(Side.Partner, PartnerMetricsJson.Deserialize<Commitment>("""{"promisedBy":"partner","dueOn":"2025-05-15","outcome":"OPEN"}""").PromisedBy);

    [Fact]
    public void Deserialize_Utf8WithByteOrderMark_IsAccepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("""{"accountId":"A-1","date":"2025-01-01","annualRecurringRevenue":5}""")).ToArray();

        Assert.Equal(5m, PartnerMetricsJson.Deserialize<RevenueSnapshot>(bytes).AnnualRecurringRevenue);
        Assert.Equal(5m, PartnerMetricsJson.Deserialize<RevenueSnapshot>(new MemoryStream(bytes)).AnnualRecurringRevenue);
    }

    [Fact]
    public void Serialize_ToStream_MatchesTheString()
    {
        var portfolio = PartnerMetricsJson.Deserialize<Portfolio>(SamplePortfolioJson);
        using var stream = new MemoryStream();

        PartnerMetricsJson.Serialize(stream, portfolio);

        Assert.Equal(PartnerMetricsJson.Serialize(portfolio), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Serialize_TypeOutsideTheModel_IsNotSupported() =>
        Assert.Throws<NotSupportedException>(() => PartnerMetricsJson.Serialize(new Uri("https://example.com")));
}
