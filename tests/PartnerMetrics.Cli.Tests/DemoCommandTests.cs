using System.Text.Json;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using static PartnerMetrics.Cli.Tests.Cli;

namespace PartnerMetrics.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public void Demo_PrintsHealthTopPartnersAndHuntingVersusFarming()
    {
        var (exit, output, _) = Run("demo");

        Assert.Equal(0, exit);
        Assert.Contains("Partner health as of 2025-06-30", output, StringComparison.Ordinal);
        Assert.Contains("Top partners per district", output, StringComparison.Ordinal);
        Assert.Contains("Hunting versus farming", output, StringComparison.Ordinal);
        Assert.Contains("P-050", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Table_FitsA120ColumnTerminalAndSaysTheActionInWords()
    {
        // Issue 15: the table was about 180 columns wide and codes wrapped mid-word.
        var (exit, output, _) = Run("demo");

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd('\r').Length <= 120, $"{line.Length} columns: {line}"));
        var health = lines.TakeWhile(l => !l.Contains("Top partners per district", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(health, l => l.Contains("plan.schedule-joint-planning", StringComparison.Ordinal));

        // A partner without a plan, active this week, gains a new plan that scores shared ownership, clarity and freshness
        // in full, goals on track 0 (its goal starts today: nothing measured yet) and business alignment 0 (none recorded
        // yet): 100 × (0.1 + 0.1 + 0.1) = 30 plan points at plan weight 0.15, +4.5.
        Assert.Contains(health, l => l.Contains("Hold a joint planning session: +4.5", StringComparison.Ordinal));

        // Each partner's row is one line: no action wraps onto a second.
        Assert.Equal(50, health.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+P-\d{3} ")));
        Assert.DoesNotContain(health, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+│"));
    }

    [Fact]
    public void Demo_Table_SaysWhatItsLettersAndFiguresMean()
    {
        // The health table heads its dimensions T C Co P Pr and the top partners a "Ranking score"; neither said what it was.
        var (exit, output, _) = Run("demo");

        Assert.Equal(0, exit);
        var legend = output[output.LastIndexOf("Hunting versus farming", StringComparison.Ordinal)..];
        Assert.Contains("T C Co P Pr: trust, competency, co-operation, plan alignment,", legend, StringComparison.Ordinal);
        Assert.Contains("Ranking score: the mean of competency ÷ 100, plan alignment ÷ 100 and won value ÷ the district's largest", legend, StringComparison.Ordinal);
        Assert.Contains("Hunter from 70 %, Farmer up to 30 %", legend, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_Json_HasEveryPartnerAndIsDeterministic()
    {
        var (exit, json, _) = Run("demo", "--format", "json");

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(json);
        var partners = document.RootElement.GetProperty("partners");
        Assert.Equal(50, partners.GetArrayLength());
        Assert.Equal(3, document.RootElement.GetProperty("huntingFarming").GetArrayLength());
        Assert.Equal(["AtRisk", "Healthy", "InsufficientEvidence", "Watch"], partners.EnumerateArray().Select(p => p.GetProperty("band").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(json, Run("demo", "--format", "json").Output);
    }

    [Fact]
    public void Demo_Portfolio_SpansEveryBandAndConfidenceFromLowToHigh()
    {
        // The demo shows what the model can say: partners logged every week for two years are judged with
        // confidence of at least 0.85 (DOMAIN section 3.1), a well-logged poor partner is AtRisk with that
        // confidence, newcomers are InsufficientEvidence, and a partner whose vendor breaks its promises
        // averages a Healthy score yet is capped at Watch by the weakest link.
        var scorer = new HealthScorer();
        var reports = scorer.ScoreAll(DemoPortfolio.Create(), DemoPortfolio.Today);

        Assert.Equal(Enum.GetValues<HealthBand>().Order(), reports.Select(r => r.Band).Distinct().Order());
        Assert.Contains(reports, r => r.Confidence < 0.15);
        Assert.Contains(reports, r => r.Band == HealthBand.Healthy && r.Confidence >= 0.85);
        Assert.Contains(reports, r => r.Band == HealthBand.AtRisk && r.Confidence >= 0.85);
        Assert.Contains(reports, r => r.Confidence is > 0.3 and < 0.6);
        var capped = Assert.Single(reports, r => r.Signals.Any(s => s.Code == FactorCodes.WeakestLink && s.Message.Contains("vendor's reliability", StringComparison.Ordinal)));
        Assert.Equal(HealthBand.Watch, capped.Band);
        Assert.Equal(HealthBand.Healthy, scorer.Model.Bands.Classify(capped.Score, capped.Confidence));
    }

    [Fact]
    public void Demo_Legend_SaysHowTheNextActionIsChosen_ForAPartnerTooLittleKnownToJudge()
    {
        // The legend said the next action is "the one that adds the most points to the score". For a partner with too
        // little evidence (InsufficientEvidence) the advisor puts the evidence-gathering actions first, most confidence
        // gained first, so the demo shows such partners an action that wins fewer points than another of theirs.
        var portfolio = DemoPortfolio.Create();
        var advisor = new PartnershipAdvisor(new HealthScorer());
        var fewerPoints = portfolio.Partnerships
            .Select(p => advisor.Recommend(p, DemoPortfolio.Today))
            .Where(actions => !actions.IsEmpty && actions[0].BandBefore == HealthBand.InsufficientEvidence && actions[0].Impact < actions.Max(a => a.Impact))
            .ToList();
        Assert.NotEmpty(fewerPoints);
        Assert.All(fewerPoints, actions => Assert.True(actions[0].ConfidenceGain >= actions.Where(a => a.Trigger == RecommendationTrigger.TooLittleEvidence).Max(a => a.ConfidenceGain)));

        var legend = string.Join(" ", SummaryTable.Legend);

        Assert.DoesNotContain("Next action: the one that adds the most points to the score.", legend, StringComparison.Ordinal);
        Assert.Contains("for an Insufficient partner, the evidence-gathering one that gains the most confidence", legend, StringComparison.Ordinal);
        Assert.All(SummaryTable.Legend, line => Assert.True(line.Length <= SummaryTable.Width, line));
    }

    /// <summary>
    /// A district whose won deals carry no value shows no hunting share ("-") beside a profile: the profile is then judged
    /// by won deals (docs/pipeline.md), which the legend must say, or "-" beside "Hunter" reads as a contradiction.
    /// </summary>
    [Fact]
    public void Legend_SaysTheProfileIsJudgedByWonDeals_WhenNoValueWasWon()
    {
        var legend = string.Join(" ", SummaryTable.Legend);

        Assert.Contains("Hunting share: new-logo share of won value (-: no value won).", legend, StringComparison.Ordinal);
        Assert.Contains("Profile: Hunter from 70 %, Farmer up to 30 % of the won value, or of the won deals when no value was won.", legend, StringComparison.Ordinal);
        Assert.All(SummaryTable.Legend, line => Assert.True(line.Length <= SummaryTable.Width, line));
    }

    [Fact]
    public void Demo_AsOfAnEarlierDay_ScoresAsOfThatDay()
    {
        var (exit, json, _) = Run("demo", "--as-of", "2025-01-31", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("2025-01-31", JsonDocument.Parse(json).RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public void Demo_Out_WritesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"partnermetrics-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, _) = Run("demo", "--format", "json", "--out", path);

            Assert.Equal(0, exit);
            Assert.Contains("Wrote", output, StringComparison.Ordinal);
            Assert.Equal(50, JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("partners").GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("demo", "--format", "xml")]
    [InlineData("demo", "--as-of", "31/01/2025")]
    [InlineData("nonsense")]
    public void InvalidArguments_FailWithANonZeroExitCode(params string[] args) =>
        Assert.NotEqual(0, Run(args).Exit);
}
