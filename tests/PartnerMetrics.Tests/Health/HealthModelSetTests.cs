using System.Text.Json;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Partners;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Generators;
using static PartnerMetrics.Tests.Health.Examples;

namespace PartnerMetrics.Tests.Health;

/// <summary>DOMAIN section 3.1, "Segments": a model per partnership, and reports that name their model.</summary>
public class HealthModelSetTests
{
    /// <summary>A Referral partner delivers nothing: its delivery factor is disabled.</summary>
    private static readonly HealthModel Referral = HealthModel.Default with
    {
        Name = "referral",
        CompetencyWeights = new CompetencyWeights(coverage: 0.2, deliveryReliability: 0),   // the default coverage, delivery disabled
    };

    private static readonly HealthModel Gold = HealthModel.Default with { Name = "gold", LossAversion = 4 };

    private static readonly HealthModel Isv = HealthModel.Default with { Name = "isv", TrustHalfLife = TimeSpan.FromDays(60) };

    private static readonly HealthModelSet ByType = HealthModelSet.ByPartnerType(
        HealthModel.Default,
        new Dictionary<PartnerType, HealthModel> { [PartnerType.Referral] = Referral, [PartnerType.Isv] = Isv });

    private static readonly HealthScorer SetScorer = new(ByType);

    private static Partnership WorkedExampleOf(PartnerType type, string? tier = "Gold") =>
        new(new Partner(Id, "Contoso", type, tier), Day(-365), Required, TrustCommitments, Requests, Certifications, Deliveries, Plan, Deals);

    [Fact]
    public void ByPartnerType_SelectsTheTypesModel_AndTheFallbackForOtherTypes()
    {
        Assert.Same(Referral, ByType.Select(WorkedExampleOf(PartnerType.Referral)));
        Assert.Same(Isv, ByType.Select(WorkedExampleOf(PartnerType.Isv)));
        Assert.Same(HealthModel.Default, ByType.Select(WorkedExampleOf(PartnerType.Reseller)));
        Assert.Same(HealthModel.Default, ByType.Default);
        Assert.Equal([HealthModel.Default, Isv, Referral], ByType.Models.ToArray());   // fallback first, then in PartnerType order
    }

    [Fact]
    public void ByTier_ComparesTiersOrdinally_AndFallsBackForOtherTiersAndNone()
    {
        var set = HealthModelSet.ByTier(HealthModel.Default, new Dictionary<string, HealthModel>(StringComparer.OrdinalIgnoreCase) { ["Gold"] = Gold });

        Assert.Same(Gold, set.Select(WorkedExampleOf(PartnerType.Reseller, "Gold")));
        Assert.Same(HealthModel.Default, set.Select(WorkedExampleOf(PartnerType.Reseller, "gold")));   // ordinal, whatever the map's comparer
        Assert.Same(HealthModel.Default, set.Select(WorkedExampleOf(PartnerType.Reseller, "Silver")));
        Assert.Same(HealthModel.Default, set.Select(WorkedExampleOf(PartnerType.Reseller, tier: null)));
        Assert.Equal([HealthModel.Default, Gold], set.Models.ToArray());
    }

    [Fact]
    public void Create_SelectsWithTheCallersFunction_ReturningTheListedInstance()
    {
        var set = HealthModelSet.Create(
            [Gold, Referral],
            p => p.Tier == "Gold" ? HealthModel.Default with { Name = "gold", LossAversion = 4 } : Referral);

        var gold = set.Select(WorkedExampleOf(PartnerType.Reseller, "Gold"));

        Assert.Same(Gold, gold);   // an equal model counts as the listed one
        Assert.Same(Referral, set.Select(WorkedExampleOf(PartnerType.Reseller, "Silver")));
        Assert.Same(Gold, set.Default);
        Assert.Equal([Gold, Referral], set.Models.ToArray());
    }

    [Fact]
    public void Of_OneModel_SelectsItForEveryPartnership()
    {
        var set = HealthModelSet.Of(Gold);

        Assert.All(Enum.GetValues<PartnerType>(), type => Assert.Same(Gold, set.Select(WorkedExampleOf(type))));
        Assert.Equal([Gold], set.Models.ToArray());
        Assert.Equal([Gold], new HealthScorer(Gold).Models.Models.ToArray());
        Assert.Same(Gold, new HealthScorer(Gold).Model);
    }

    [Fact]
    public void Models_EqualModelsCountOnce_AndSelectReturnsTheFirst()
    {
        var set = HealthModelSet.ByPartnerType(
            HealthModel.Default,
            new Dictionary<PartnerType, HealthModel>
            {
                [PartnerType.Referral] = Referral,
                [PartnerType.Marketplace] = Referral with { },
                [PartnerType.Isv] = HealthModel.Default with { },
            });

        Assert.Equal([HealthModel.Default, Referral], set.Models.ToArray());
        Assert.Same(Referral, set.Select(WorkedExampleOf(PartnerType.Marketplace)));
        Assert.Same(HealthModel.Default, set.Select(WorkedExampleOf(PartnerType.Isv)));
    }

    [Fact]
    public void Score_ReferralWithDeliveryDisabled_ScoresDifferentlyAndNamesItsModel()
    {
        // The worked example of docs/scoring.md, as a Referral partner. Default competency =
        // 100 × (0.2 × 0.5 + 0.8 × 2/3.75) = 100 × (0.1 + 0.42667) = 52.667; with delivery disabled it is coverage
        // alone, 100 × 0.5 = 50. Competency weighs 0.2 of a total weight of 1, so the overall score falls by
        // 0.2 × (52.667 − 50) = 0.5333 points, from 48.181 to 47.648 (HealthScorerTests.Score_WorkedExample_OfDocsScoring).
        var partnership = WorkedExampleOf(PartnerType.Referral);

        var byDefault = new HealthScorer().Score(partnership, T);
        var bySet = SetScorer.Score(partnership, T);

        Assert.Equal(100 * (0.1 + (0.8 * 2 / 3.75)), byDefault[HealthDimension.Competency].Score!.Value, 9);
        Assert.Equal(50.0, bySet[HealthDimension.Competency].Score!.Value, 9);
        Assert.Equal(byDefault.Score - (0.2 * 100 * 0.8 * ((2 / 3.75) - 0.5)), bySet.Score, 9);
        Assert.Equal(47.648, bySet.Score, 3);
        Assert.Equal(0.0, bySet.Factor(FactorCodes.CompetencyDeliveryReliability)!.Value.Contribution);
        Assert.Equal(("referral", "2.6"), (bySet.ModelName, bySet.ModelVersion));
        Assert.Equal(("default", "2.6"), (byDefault.ModelName, byDefault.ModelVersion));
        Assert.Equal(new HealthScorer(Referral).Score(partnership, T), bySet);

        // The same evidence from a System Integrator: the set scores it with the default model.
        var integrator = SetScorer.Score(WorkedExampleOf(PartnerType.SystemIntegrator), T);
        Assert.Equal((byDefault.Score, "default"), (integrator.Score, integrator.ModelName));
    }

    [Fact]
    public void HealthReport_SameNumbersFromAnotherModelVersion_IsNotEqual()
    {
        var partnership = WorkedExample();
        var revised = HealthModel.Default with { Version = "2.7" };

        var first = new HealthScorer().Score(partnership, T);
        var again = new HealthScorer().Score(partnership, T);
        var underRevision = new HealthScorer(revised).Score(partnership, T);

        Assert.Equal(first, again);
        Assert.Equal(first.GetHashCode(), again.GetHashCode());
        Assert.Equal(first.Score, underRevision.Score);   // only the version differs
        Assert.NotEqual(first, underRevision);
        Assert.Equal("2.7", underRevision.ModelVersion);
        Assert.Contains("Model = default 2.7", underRevision.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HistoryTrendAndCompare_UseTheSelectedModel()
    {
        var partnership = WorkedExampleOf(PartnerType.Referral);
        var alone = new HealthScorer(Referral);

        var history = SetScorer.History(partnership, T.AddDays(-28), T, TimeSpan.FromDays(7));
        var delta = SetScorer.Compare(partnership, T.AddDays(-90), T);

        Assert.Equal(5, history.Length);
        Assert.All(history, r => Assert.Equal("referral", r.ModelName));
        Assert.Equal(alone.History(partnership, T.AddDays(-28), T, TimeSpan.FromDays(7)).ToArray(), history.ToArray());
        Assert.Equal(SetScorer.Score(partnership, T).Score, history[^1].Score, 7);
        Assert.Equal(alone.Compare(partnership, T.AddDays(-90), T).After, delta.After);
        Assert.Equal("referral", delta.Before.ModelName);
        Assert.Equal(
            alone.Trend(partnership, T.AddDays(-28), T, TimeSpan.FromDays(7)).ToArray(),
            SetScorer.Trend(partnership, T.AddDays(-28), T, TimeSpan.FromDays(7)).ToArray());
    }

    [Fact]
    public void Advisor_RecommendsWithThePartnershipsModel()
    {
        // The points an action would win are re-scored with the Referral model, not the default.
        var partnership = WorkedExampleOf(PartnerType.Referral);
        var set = HealthModelSet.ByPartnerType(HealthModel.Default, new Dictionary<PartnerType, HealthModel> { [PartnerType.Referral] = Referral });

        var advice = new PartnershipAdvisor(new HealthScorer(set)).Recommend(partnership, T);

        Assert.Equal(new PartnershipAdvisor(new HealthScorer(Referral)).Recommend(partnership, T).ToArray(), advice.ToArray());
        Assert.NotEqual(new PartnershipAdvisor(new HealthScorer()).Recommend(partnership, T).ToArray(), advice.ToArray());
    }

    [Property]
    public Property ScoreAll_WithASet_EqualsScoringEachWithItsSelectedModel() =>
        Prop.ForAll(
            (from portfolio in ModelGenerators.Portfolio
             from asOf in ModelGenerators.AsOf
             select (portfolio, asOf)).ToArbitrary(),
            t =>
            {
                var alone = new Dictionary<HealthModel, HealthScorer>
                {
                    [HealthModel.Default] = new HealthScorer(),
                    [Referral] = new HealthScorer(Referral),
                    [Isv] = new HealthScorer(Isv),
                };
                var expected = t.portfolio.Partnerships.Select(p => alone[ByType.Select(p)].Score(p, t.asOf)).ToArray();

                var reports = SetScorer.ScoreAll(t.portfolio, t.asOf);

                Assert.Equal(expected, reports.ToArray());
                Assert.All(reports.Zip(t.portfolio.Partnerships), r => Assert.Equal(ByType.Select(r.Second).Name, r.First.ModelName));
            });

    [Fact]
    public void ScoreAll_MixedPortfolio_NamesEachReportsModel()
    {
        var referral = WorkedExampleOf(PartnerType.Referral);
        var reseller = new Partnership(new Partner(new PartnerId("P-2"), "Fabrikam", PartnerType.Reseller), Day(-365), Required, TrustCommitments, Requests, Certifications, Deliveries, Plan);
        var isv = new Partnership(new Partner(new PartnerId("P-3"), "Northwind", PartnerType.Isv), Day(-365), commitments: TrustCommitments);

        var reports = SetScorer.ScoreAll(new Portfolio([referral, reseller, isv]), T);

        Assert.Equal(["referral", "default", "isv"], reports.Select(r => r.ModelName));
        Assert.Equal(new HealthScorer(Isv).Score(isv, T), reports[2]);
        Assert.NotEqual(new HealthScorer().Score(isv, T).Score, reports[2].Score);   // a 60-day trust half-life weighs the evidence differently
    }

    [Fact]
    public void Scorer_ModelIsTheSetsDefault_AndModelsIsTheSet()
    {
        Assert.Same(HealthModel.Default, SetScorer.Model);
        Assert.Same(ByType, SetScorer.Models);
        Assert.Same(HealthModel.Default, new HealthScorer().Models.Default);
    }

    [Fact]
    public void Factories_NullArguments_ThrowNamingTheParameter()
    {
        var map = new Dictionary<PartnerType, HealthModel>();
        Rejects.Field<ArgumentNullException>(() => HealthModelSet.Of(null!), "model");
        Rejects.Field<ArgumentNullException>(() => HealthModelSet.ByPartnerType(null!, map), "fallback");
        Rejects.Field<ArgumentNullException>(() => HealthModelSet.ByPartnerType(HealthModel.Default, null!), "byType");
        Rejects.Field<ArgumentNullException>(() => HealthModelSet.ByTier(null!, new Dictionary<string, HealthModel>()), "fallback");
        Rejects.Field<ArgumentNullException>(() => HealthModelSet.ByTier(HealthModel.Default, null!), "byTier");
        Rejects.Field<ArgumentNullException>(() => HealthModelSet.Create(null!, _ => Gold), "models");
        Rejects.Field<ArgumentNullException>(() => HealthModelSet.Create([Gold], null!), "selector");
        Rejects.Field<ArgumentNullException>(() => new HealthScorer((HealthModelSet)null!), "models");
        Rejects.Field<ArgumentNullException>(() => ByType.Select(null!), "partnership");
    }

    [Fact]
    public void Factories_BadEntries_ThrowNamingTheKeyAndValue()
    {
        Rejects.Field<ArgumentException>(
            () => HealthModelSet.ByPartnerType(HealthModel.Default, new Dictionary<PartnerType, HealthModel> { [PartnerType.Referral] = null! }),
            "byType",
            "Referral has no model");
        Rejects.Field<ArgumentException>(
            () => HealthModelSet.ByPartnerType(HealthModel.Default, new Dictionary<PartnerType, HealthModel> { [(PartnerType)99] = Referral }),
            "byType",
            "got 99");
        Rejects.Field<ArgumentException>(
            () => HealthModelSet.ByTier(HealthModel.Default, new Dictionary<string, HealthModel> { ["Gold"] = null! }),
            "byTier",
            "tier 'Gold' has no model");
        Rejects.Field<ArgumentException>(
            () => HealthModelSet.ByTier(HealthModel.Default, new Dictionary<string, HealthModel> { [" "] = Gold }),
            "byTier",
            "got ' '");
        Rejects.Field<ArgumentException>(() => HealthModelSet.Create([], _ => Gold), "models", "at least one model");
        Rejects.Field<ArgumentException>(() => HealthModelSet.Create([Gold, null!], _ => Gold), "models", "item 1 is null");
    }

    [Fact]
    public void Factories_DifferentModelsWithOneNameAndVersion_ThrowNamingTheKey()
    {
        // Reports could not say which of the two scored them.
        var unnamed = HealthModel.Default with { LossAversion = 3 };

        Rejects.Field<ArgumentException>(
            () => HealthModelSet.ByPartnerType(HealthModel.Default, new Dictionary<PartnerType, HealthModel> { [PartnerType.Distributor] = unnamed }),
            "byType",
            "gives Distributor a model named 'default', version '2.6'");
        Rejects.Field<ArgumentException>(
            () => HealthModelSet.ByTier(HealthModel.Default, new Dictionary<string, HealthModel> { ["Gold"] = Gold, ["Platinum"] = Gold with { Kappa = 9 } }),
            "byTier",
            "tier 'Platinum'");
        Rejects.Field<ArgumentException>(() => HealthModelSet.Create([Gold, Gold with { Kappa = 9 }], _ => Gold), "models", "item 1");

        // A new version is a different model: allowed.
        Assert.Equal(2, HealthModelSet.Create([Gold, Gold with { Kappa = 9, Version = "2.7" }], _ => Gold).Models.Length);
    }

    [Fact]
    public void Create_SelectorReturnsNullOrAnUnlistedModel_ThrowsNamingThePartner()
    {
        var partnership = WorkedExampleOf(PartnerType.Reseller);
        var returnsNull = new HealthScorer(HealthModelSet.Create([Gold], _ => null!));
        var returnsOther = HealthModelSet.Create([Gold], _ => Referral);

        var none = Assert.Throws<InvalidOperationException>(() => returnsNull.Score(partnership, T));
        var unlisted = Assert.Throws<InvalidOperationException>(() => returnsOther.Select(partnership));

        Assert.Contains("returned null for partner 'P-1' (Contoso)", none.Message, StringComparison.Ordinal);
        Assert.Contains("model named 'referral', version '2.6', for partner 'P-1'", unlisted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_Fit_RefusesAScorerWithSeveralModels()
    {
        var (partnerships, outcomes) = Validation.BacktestHistories.TrustDrivenCompany();

        var error = Rejects.Field<ArgumentException>(() => PartnerMetrics.Validation.Backtest.Fit(SetScorer, partnerships, [T], outcomes), "scorer", "one model");

        Assert.Contains("'default', 'isv', 'referral'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NameAndVersion_Default_AreDefaultAnd2Point6()
    {
        // 2.6: the weights of 2.0 changed in 2.1, reciprocity in 2.2, the dating of recorded failures, goals not yet
        // started and a disabled trust's cap in 2.3, a side holding trust down caps the band in 2.4, late keeps, early
        // breaks, late registrations and goals without a due day in 2.5, a break counted before its due day in 2.6, so
        // reports scored by each are told apart.
        Assert.Equal("default", HealthModel.Default.Name);
        Assert.Equal("2.6", HealthModel.Default.Version);
    }

    [Fact]
    public void NameAndVersion_Invalid_ThrowNamingThePropertyAndValue()
    {
        var model = HealthModel.Default;
        Rejects.Field<ArgumentNullException>(() => model with { Name = null! }, "Name");
        Rejects.Field<ArgumentException>(() => model with { Name = "" }, "Name", "got ''");
        Rejects.Field<ArgumentException>(() => model with { Version = "  " }, "Version", "got '  '");
        Rejects.Field<ArgumentException>(() => model with { Name = "referral\u0007" }, "Name", @"got 'referral\u0007'");
        Rejects.Field<ArgumentException>(() => model with { Version = "2.0\r\n" }, "Version", @"got '2.0\u000D\u000A'");
        Rejects.Field<ArgumentException>(() => model with { Name = new string('x', 101) }, "Name", "at most 100 characters; got 101");

        Assert.Equal(100, (model with { Name = new string('x', 100) }).Name.Length);
        Assert.Equal("Référence — 日本語 🚀", (model with { Version = "Référence — 日本語 🚀" }).Version);
    }

    [Fact]
    public void Json_NameAndVersion_RoundTripAndDefaultWhenOmitted()
    {
        var json = PartnerMetricsJson.Serialize(Referral with { Version = "2025.06" });

        Assert.StartsWith("""{"name":"referral","version":"2025.06",""", json, StringComparison.Ordinal);
        Assert.Equal(Referral with { Version = "2025.06" }, PartnerMetricsJson.Deserialize<HealthModel>(json));
        Assert.Equal(HealthModel.Default with { Name = "isv" }, PartnerMetricsJson.Deserialize<HealthModel>("""{"name":"isv"}"""));
        Assert.Equal(   // the example of docs/scoring.md
            Referral with { Version = "2025.06" },
            PartnerMetricsJson.Deserialize<HealthModel>("""{ "name": "referral", "version": "2025.06", "competencyWeights": { "deliveryReliability": 0 } }"""));
        Assert.Equal(("default", "2.6"), (PartnerMetricsJson.Deserialize<HealthModel>("{}").Name, PartnerMetricsJson.Deserialize<HealthModel>("{}").Version));
    }

    [Theory]
    [InlineData("""{"name":""}""", "$.name", "must not be empty")]
    [InlineData("""{"version":"2.0\u0000"}""", "$.version", @"\u0000")]
    [InlineData("""{"name":7}""", "$.name", "")]
    public void Json_InvalidNameOrVersion_NamesItsPath(string json, string path, string because)
    {
        var error = Assert.Throws<JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>(json));

        Assert.Equal(path, error.Path);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }
}
