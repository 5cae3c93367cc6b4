using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;

namespace PartnerMetrics.Tests.Serialization;

/// <summary>DOMAIN rule 15: the JSON round-trip of every model type is the identity.</summary>
[Trait("Rule", "15")]
public class JsonRoundTripTests
{
    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Portfolio_RoundTrip_IsIdentity(Portfolio value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Partnership_RoundTrip_IsIdentity(Partnership value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Partner_RoundTrip_IsIdentity(Partner value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Commitment_RoundTrip_IsIdentity(Commitment value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Interaction_RoundTrip_IsIdentity(Interaction value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Certification_RoundTrip_IsIdentity(Certification value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Delivery_RoundTrip_IsIdentity(Delivery value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void JointPlan_RoundTrip_IsIdentity(JointPlan value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void PlanGoal_RoundTrip_IsIdentity(PlanGoal value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void PlanReview_RoundTrip_IsIdentity(PlanReview value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void GoalCheckIn_RoundTrip_IsIdentity(GoalCheckIn value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void MeasurableTarget_RoundTrip_IsIdentity(MeasurableTarget value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void Opportunity_RoundTrip_IsIdentity(Opportunity value) => AssertRoundTrip(value);

    [Property(Arbitrary = [typeof(ModelArbitraries)])]
    public void RevenueSnapshot_RoundTrip_IsIdentity(RevenueSnapshot value) => AssertRoundTrip(value);

    [Property]
    public void Identifiers_RoundTrip_IsIdentity(NonEmptyString text)
    {
        // Whitespace-only keys are not identifiers; every other string is, including JSON-hostile ones.
        if (string.IsNullOrWhiteSpace(text.Get))
        {
            return;
        }

        AssertIdentifierRoundTrip(new PartnerId(text.Get));
        AssertIdentifierRoundTrip(new AccountId(text.Get));
        AssertIdentifierRoundTrip(new OpportunityId(text.Get));
    }

    /// <summary>
    /// An identifier is also a dictionary key, as when reports are keyed by partner (<c>ToDictionary(r =&gt; r.PartnerId)</c>)
    /// and returned from an ASP.NET Core endpoint: the serializer refused to write or read such a dictionary at all.
    /// </summary>
    [Property]
    public void Identifiers_AsDictionaryKeys_RoundTrip(NonEmptyString text, int value)
    {
        if (string.IsNullOrWhiteSpace(text.Get))
        {
            return;
        }

        AssertKeyRoundTrip(new PartnerId(text.Get), value);
        AssertKeyRoundTrip(new AccountId(text.Get), value);
        AssertKeyRoundTrip(new OpportunityId(text.Get), value);
    }

    [Fact]
    public void Identifiers_AsDictionaryKeys_AreWrittenAsTheirTextAndAnEmptyKeyIsRefusedAtItsPath()
    {
        var byPartner = new Dictionary<PartnerId, double> { [new PartnerId("P-100")] = 61.5, [new PartnerId("P-7")] = 40 };

        Assert.Equal("""{"P-100":61.5,"P-7":40}""", JsonSerializer.Serialize(byPartner, HostOptions));
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<PartnerId, double>>("""{"P-1":1," ":2}""", HostOptions));
        Assert.Equal("$[' ']", error.Path);
        Assert.Contains("A PartnerId must not be empty or whitespace; got ' '.", error.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new Dictionary<PartnerId, int> { [default] = 1 }, HostOptions));
    }

    /// <summary>
    /// Every value of every enum that is written as its name is also a dictionary key written as its name, as in a band
    /// distribution (<c>Dictionary&lt;HealthBand, int&gt;</c>) or the models of <see cref="HealthModelSet.ByPartnerType"/>
    /// read from a file: the serializer refused such a dictionary, though it writes one of any other enum.
    /// </summary>
    [Fact]
    public void Enums_AsDictionaryKeys_RoundTripByName()
    {
        var named = typeof(Portfolio).Assembly.GetExportedTypes()
            .Where(t => t.IsEnum && t.GetCustomAttributes(typeof(JsonConverterAttribute), false) is [JsonConverterAttribute { ConverterType.Name: "EnumNameConverter`1" }])
            .ToList();

        Assert.Contains(typeof(PartnerType), named);
        Assert.Contains(typeof(HealthBand), named);
        foreach (var type in named)
        {
            typeof(JsonRoundTripTests).GetMethod(nameof(AssertEnumKeysRoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type).Invoke(null, null);
        }
    }

    [Fact]
    public void Enums_AsDictionaryKeys_ReadIgnoringCaseAndRefuseAnUnknownNameAtItsPath()
    {
        var models = JsonSerializer.Deserialize<Dictionary<PartnerType, HealthModel>>("""{"referral":{"kappa":7},"Isv":{}}""", HostOptions)!;
        var unknown = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<PartnerType, int>>("""{"Isv":1,"Agency":2}""", HostOptions));

        Assert.Equal(7, models[PartnerType.Referral].Kappa);
        Assert.Equal(HealthModel.Default, models[PartnerType.Isv]);
        Assert.Equal("$.Agency", unknown.Path);
        Assert.Contains("'Agency' is not a PartnerType; expected one of Reseller,", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<PartnerType, int>>("""{"4":1}""", HostOptions));
    }

    [Fact]
    public void Generators_CoverEveryEnumValueAndOptionalFieldState()
    {
        // Guards the generators themselves: a round-trip property over a space that never contains,
        // say, a KeptLate commitment or an open escalation would prove nothing about them.
        var commitments = ModelGenerators.Commitment.Sample(500, 50);
        var interactions = ModelGenerators.Interaction.Sample(500, 50);
        var opportunities = ModelGenerators.Opportunity.Sample(500, 50);
        var portfolios = ModelGenerators.Portfolio.Sample(50, 20);

        Assert.Equal(Enum.GetValues<CommitmentOutcome>().Length, commitments.Select(c => c.Outcome).Distinct().Count());
        Assert.Equal(Enum.GetValues<Side>().Length, commitments.Select(c => c.PromisedBy).Distinct().Count());
        Assert.Equal(Enum.GetValues<InteractionKind>().Length, interactions.Select(i => i.Kind).Distinct().Count());
        Assert.Contains(interactions, i => i.Kind == InteractionKind.Request && i.ResponseTime is null);
        Assert.Contains(interactions, i => i.Kind == InteractionKind.Request && i.ResponseTime is not null);
        Assert.Contains(interactions, i => i.Kind == InteractionKind.Escalation && i.ResolvedOn is null);
        Assert.Contains(interactions, i => i.Kind == InteractionKind.Escalation && i.ResolvedOn is not null);
        Assert.Equal(Enum.GetValues<DealMotion>().Length, opportunities.Select(o => o.Motion).Distinct().Count());
        Assert.Equal(Enum.GetValues<DealSource>().Length, opportunities.Select(o => o.Source).Distinct().Count());
        Assert.Equal(Enum.GetValues<RouteToMarket>().Length, opportunities.Select(o => o.Route).Distinct().Count());
        Assert.Equal(Enum.GetValues<DealOutcome>().Length, opportunities.Select(o => o.Outcome).Distinct().Count());
        Assert.Contains(opportunities, o => o.PartnerId is null);
        Assert.Contains(opportunities, o => o.Amount is null);
        Assert.Contains(portfolios, p => p.Partnerships.IsEmpty);
        Assert.Contains(portfolios, p => p.Partnerships.Any(s => s.Commitments.Length >= 200));
        Assert.Contains(portfolios, p => p.Partnerships.Any(s => s.JointPlan is null));
        Assert.Contains(portfolios, p => p.Partnerships.Any(s => s.JointPlan is { Goals.Length: > 0 }));
        var plans = ModelGenerators.JointPlan.Sample(300);
        Assert.Contains(plans, p => p.Reviews.Length > 1 && p.Reviews.Any(r => r.BusinessAlignment is null));
        Assert.Contains(plans, p => p.Reviews.IsEmpty);
        Assert.Contains(plans, p => p.Goals.Any(g => g.CheckIns.Length > 1));
        Assert.Contains(plans, p => p.Goals.Any(g => g.CheckIns is [{ On: var day }] && day == DateOnly.MinValue));
        Assert.True(commitments.Select(c => c.DueOn.Year).Distinct().Count() > 20, "dates should spread over years");
    }

    private static void AssertRoundTrip<T>(T value)
        where T : class
    {
        var json = PartnerMetricsJson.Serialize(value);
        var read = PartnerMetricsJson.Deserialize<T>(json);

        Assert.Equal(value, read);
        Assert.Equal(json, PartnerMetricsJson.Serialize(read));

        // The converters travel with the types, so a host's own serializer options give the same text.
        Assert.Equal(json, JsonSerializer.Serialize(value, HostOptions));
    }

    private static void AssertIdentifierRoundTrip<T>(T id)
        where T : struct
    {
        var json = JsonSerializer.Serialize(id, PartnerMetricsJson.Options);
        Assert.Equal(id, JsonSerializer.Deserialize<T>(json, PartnerMetricsJson.Options));
    }

    private static void AssertKeyRoundTrip<T>(T id, int value)
        where T : struct
    {
        var json = JsonSerializer.Serialize(new Dictionary<T, int> { [id] = value }, HostOptions);
        var read = JsonSerializer.Deserialize<Dictionary<T, int>>(json, HostOptions)!;
        Assert.Equal(value, Assert.Contains(id, read));
        Assert.Equal(JsonSerializer.Serialize(id, HostOptions), JsonSerializer.Serialize(Assert.Single(read.Keys), HostOptions));
    }

    private static void AssertEnumKeysRoundTrip<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var byValue = values.Select((value, i) => (value, i)).ToDictionary(p => p.value, p => p.i);

        var json = JsonSerializer.Serialize(byValue, HostOptions);

        Assert.Equal("{" + string.Join(",", values.Select((value, i) => $"\"{value}\":{i}")) + "}", json);
        Assert.Equal(byValue, JsonSerializer.Deserialize<Dictionary<T, int>>(json, HostOptions));
    }

    private static readonly JsonSerializerOptions HostOptions = new(JsonSerializerDefaults.Web) { WriteIndented = false };
}
