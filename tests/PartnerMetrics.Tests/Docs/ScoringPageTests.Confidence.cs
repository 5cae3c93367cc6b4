using System.Text.RegularExpressions;
using PartnerMetrics.Health;
using PartnerMetrics.Tests.Health;

namespace PartnerMetrics.Tests.Docs;

/// <summary>The confidence of the ideal partnership after one year, dimension by dimension, as "Where this falls short of DOMAIN" gives it.</summary>
public partial class ScoringPageTests
{
    /// <summary>
    /// The ideal partnership of the scenarios run for one year: the overall confidence (and after two years), the certainty of
    /// its monthly deliveries and escalations and of its open deals, and each dimension's confidence are the default model's,
    /// to the digits the page prints. (<see cref="ScenarioTests.IdealPartner_AfterOneYear_IsHealthy_WithConfidenceJustBelowTheTwoYearMark"/>
    /// asserts the overall figures, and its comment the arithmetic.)
    /// </summary>
    [Fact]
    public void ConfidenceShortfall_FiguresAreTheIdealPartnershipsReport()
    {
        var text = Section("*Where this falls short of DOMAIN.*", "Denser").Replace('\n', ' ');
        var scorer = new HealthScorer();
        var year = scorer.Score(ScenarioTests.Ideal(years: 1), Examples.T);
        var twoYears = scorer.Score(ScenarioTests.Ideal(), Examples.T);
        var delivery = year.Factor(FactorCodes.CompetencyDeliveryReliability)!.Value;
        var friction = year.Factor(FactorCodes.CooperationFrictionHandling)!.Value;
        var freshness = year.Factor(FactorCodes.ProgressPipelineFreshness)!.Value;

        var reaches = Regex.Match(text, @"run for one year, reaches (\d\.\d+) \((\d\.\d+) after two\)");
        AssertShown(reaches.Groups[1].Value, year.Confidence);
        AssertShown(reaches.Groups[2].Value, twoYears.Confidence);
        var monthly = Regex.Match(text, @"reach e ≈ (\d+\.\d+) after twelve \(certainty (\d\.\d+)\)");
        AssertShown([monthly.Groups[1].Value, monthly.Groups[1].Value], [delivery.EvidenceWeight, friction.EvidenceWeight]);
        AssertShown([monthly.Groups[2].Value, monthly.Groups[2].Value], [delivery.Confidence, friction.Confidence]);
        var deals = Regex.Match(text, @"pipeline freshness e = (\d+) \((\d\.\d+)\)");
        AssertShown([deals.Groups[1].Value, deals.Groups[2].Value], [freshness.EvidenceWeight, freshness.Confidence]);

        var byDimension = Regex.Match(
            text,
            @"after one year: trust (\d\.\d+), competency 0\.2 × 1 \+ 0\.8 × (\d\.\d+) = (\d\.\d+), co-operation (\d\.\d+), plan alignment (\d+(?:\.\d+)?), tracked progress (\d\.\d+)");
        Assert.True(byDimension.Success, "The page gives no confidence by dimension after one year.");
        AssertShown(byDimension.Groups[2].Value, delivery.Confidence);
        AssertShown(
            [byDimension.Groups[1].Value, byDimension.Groups[3].Value, byDimension.Groups[4].Value, byDimension.Groups[5].Value, byDimension.Groups[6].Value],
            year.Dimensions.Select(d => d.Confidence));
        AssertShown(Regex.Match(text, @"0\.15 × \d\.\d+ = (\d\.\d+)\. Model 2\.0").Groups[1].Value, year.Confidence);
    }
}
