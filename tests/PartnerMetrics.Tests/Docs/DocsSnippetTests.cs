using PartnerMetrics.Evidence;
using PartnerMetrics.Health;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Tests.Docs;

/// <summary>Documentation code is compiled here and quoted verbatim by the pages, so that it cannot rot.</summary>
public class DocsSnippetTests
{
    /// <summary>Each page quotes a region of a compiled test file; <paramref name="source"/> is relative to the repository, so any test project's code can be quoted.</summary>
    [Theory]
    [InlineData("docs/model.md", "tests/PartnerMetrics.Tests/Docs/CrmMappingExample.cs", "crm-mapping")]
    [InlineData("docs/model.md", "tests/PartnerMetrics.Tests/Docs/DocsSnippetTests.cs", "plan-history")]
    [InlineData("docs/scoring.md", "tests/PartnerMetrics.Tests/Docs/DocsSnippetTests.cs", "model-set")]
    [InlineData("README.md", "tests/PartnerMetrics.Tests/Docs/DocsSnippetTests.cs", "readme-quick-start")]
    [InlineData("README.md", "tests/PartnerMetrics.Tests/Docs/DocsSnippetTests.cs", "readme-score")]
    [InlineData("README.md", "tests/PartnerMetrics.Tests/Docs/DocsSnippetTests.cs", "readme-pipeline")]
    [InlineData("docs/pipeline.md", "tests/PartnerMetrics.Tests/Docs/DocsSnippetTests.cs", "pipeline-sharding")]
    [InlineData("docs/pipeline.md", "tests/PartnerMetrics.Tests/Docs/DbReaderExample.cs", "pipeline-db-reader")]
    [InlineData("docs/backtest.md", "tests/PartnerMetrics.Tests/Docs/DocsSnippetTests.cs", "backtest")]
    [InlineData("docs/dependency-injection.md", "tests/PartnerMetrics.AspNetCore.Tests/DocsRegistrationTests.cs", "di-register")]
    [InlineData("docs/dependency-injection.md", "tests/PartnerMetrics.AspNetCore.Tests/DocsRegistrationTests.cs", "di-model-set")]
    [InlineData("docs/dependency-injection.md", "tests/PartnerMetrics.AspNetCore.Tests/ConfigurationBindingTests.cs", "di-configuration")]
    [InlineData("docs/dependency-injection.md", "tests/PartnerMetrics.AspNetCore.Tests/AspNetCoreExampleTests.cs", "aspnetcore-minimal")]
    [InlineData("docs/dependency-injection.md", "tests/PartnerMetrics.AspNetCore.Tests/AspNetCoreExampleTests.cs", "aspnetcore-problem")]
    [InlineData("docs/dependency-injection.md", "tests/PartnerMetrics.DependencyInjection.Tests/PipelineAnalyticsServiceTests.cs", "di-pipeline")]
    [InlineData("docs/import.md", "tests/PartnerMetrics.Import.Tests/DocsExampleTests.cs", "import-quick-start")]
    [InlineData("docs/import.md", "tests/PartnerMetrics.Import.Tests/DocsExampleTests.cs", "evidence-quick-start")]
    [InlineData("docs/import.md", "tests/PartnerMetrics.Cli.Tests/PipelineImportTests.cs", "agents-profile")]
    [InlineData("docs/cli.md", "tests/PartnerMetrics.Reporting.Tests/DocsExampleTests.cs", "reporting-html")]
    public void Page_QuotesTheCompiledSnippetVerbatim(string page, string source, string snippet)
    {
        var root = Repository.Root();
        var code = Region(File.ReadAllText(Path.Combine(root, source)), snippet);
        var text = File.ReadAllText(Path.Combine(root, page)).ReplaceLineEndings("\n");

        Assert.Contains(code, text, StringComparison.Ordinal);
    }

    /// <summary>docs/scoring.md lists "every setting, with its default": each property a model file holds, apart from its name and version, which the page describes above the table.</summary>
    [Fact]
    public void ScoringPage_SettingsTable_ListsEverySettingOfTheModelFile()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root(), "docs/scoring.md")).ReplaceLineEndings("\n");
        var start = page.IndexOf("Every setting, with its default:", StringComparison.Ordinal);
        var table = page[start..page.IndexOf("\n\n", page.IndexOf("| --- |", start, StringComparison.Ordinal), StringComparison.Ordinal)];
        var settings = System.Text.Json.Nodes.JsonNode.Parse(PartnerMetricsJson.Serialize(HealthModel.Default))!.AsObject().Select(p => p.Key);

        var missing = settings.Where(s => s is not ("name" or "version") && !table.Contains($"| `{s}`", StringComparison.Ordinal) && !table.Contains($", `{s}`", StringComparison.Ordinal)).ToList();

        Assert.Equal([], missing);
    }

    [Fact]
    public void Backtest_MeasuresAndFitsTheScoreOnAHistory()
    {
        var (partnerships, outcomes) = Validation.BacktestHistories.TrustDrivenCompany();

        // docs:begin backtest
        var scorer = new HealthScorer();
        DateOnly[] asOf = [new(2025, 3, 31), new(2025, 6, 30)];
        var options = new BacktestOptions { Horizon = TimeSpan.FromDays(180) };

        // How well does today's model predict churn on our own history?
        BacktestResult result = Backtest.Run(scorer, partnerships, asOf, outcomes, options);
        var headline = $"AUC {result.Auc:0.000} ± {result.AucStandardError:0.000}, {result.Churned} of {result.Count} churned";
        var perBand = result.Bands.Select(b => $"{b.Band}: {b.Churned} of {b.Count}");

        // Fit the dimension weights to our outcomes; judge them on partners they never saw.
        ModelFit fit = Backtest.Fit(scorer, partnerships, asOf, outcomes, options);
        var gain = $"AUC {fit.StartingAuc:0.000} → {fit.OutOfSampleAuc:0.000} out of sample";
        var fitted = new HealthScorer(fit.Model);
        double churnRisk = fit.Calibration.Probability(fitted.Score(partnerships[0], asOf[^1]).Score);
        // docs:end backtest

        Assert.Equal(result.Count, result.Bands.Sum(b => b.Count));
        Assert.Equal(4, perBand.Count());
        Assert.StartsWith("AUC 0.", headline, StringComparison.Ordinal);
        Assert.True(fit.OutOfSampleAuc >= fit.StartingAuc, gain);
        Assert.InRange(churnRisk, 0.0, 1.0);
    }

    [Fact]
    public void CrmMapping_MapsAnExportIntoAValidPortfolio()
    {
        var created = new DateTime(2025, 1, 15);
        var portfolio = CrmMapping.ToPortfolio(
            [new CrmAccount("0011", "Contoso Cloud", "System Integrator", "Gold", "North", new DateTime(2023, 4, 1))],
            [
                new CrmTask("0011", "Partner: Ana", new DateTime(2025, 3, 31), "Completed", new DateTime(2025, 4, 4)),
                new CrmTask("0011", "Channel manager", new DateTime(2025, 5, 15), "Open", null),
            ],
            [
                new CrmOpportunity("006A", "A-7", "0011", "North", "New Business", "Partner", "Closed Won", true, true, 48_000m, created, created.AddDays(2), created.AddDays(45), created.AddDays(45), null),
                new CrmOpportunity("006B", "A-9", null, "North", "Renewal", "Web", "Closed Lost", true, false, 12_000m, created, null, created.AddDays(60), created.AddDays(60), "Price"),
            ]);

        var partnership = Assert.Single(portfolio.Partnerships);
        Assert.Equal(PartnerType.SystemIntegrator, partnership.Partner.Type);
        Assert.Equal(CommitmentOutcome.KeptLate, partnership.Commitments[0].Outcome);
        Assert.Equal(CommitmentOutcome.Open, partnership.Commitments[1].Outcome);
        Assert.Equal(DealMotion.NewLogo, Assert.Single(partnership.Opportunities).Motion);
        var direct = Assert.Single(portfolio.Opportunities);
        Assert.Equal((DealOutcome.Lost, "Price", RouteToMarket.Direct), (direct.Outcome, direct.LossReason, direct.Route));
    }

    [Fact]
    public void ModelSet_ScoresReferralPartnersWithoutDelivery()
    {
        var asOf = new DateOnly(2025, 6, 30);
        var partnership = new Partnership(
            new Partner(new PartnerId("P-7"), "Tailspin Referrals", PartnerType.Referral),
            new DateOnly(2024, 6, 30),
            requiredCompetencies: ["Azure"],
            certifications: [new Certification("Azure", new DateOnly(2024, 9, 1))],
            deliveries: [new Delivery(new DateOnly(2025, 5, 1), onTime: false, satisfaction: 0.4)]);

        // docs:begin model-set
        var referral = HealthModel.Default with
        {
            Name = "referral",
            CompetencyWeights = new CompetencyWeights(coverage: 1, deliveryReliability: 0),
        };
        var models = HealthModelSet.ByPartnerType(HealthModel.Default, new Dictionary<PartnerType, HealthModel>
        {
            [PartnerType.Referral] = referral,
        });
        var scorer = new HealthScorer(models);   // one scorer for the whole portfolio

        HealthReport report = scorer.Score(partnership, asOf);
        var scoredBy = $"{report.ModelName} {report.ModelVersion}";   // "referral 2.6" for a Referral partner
        // docs:end model-set

        // Coverage is complete (1) and the one late delivery no longer counts: competency is 100.
        Assert.Equal("referral 2.6", scoredBy);
        Assert.Equal(100.0, report[HealthDimension.Competency].Score);
        Assert.True(new HealthScorer().Score(partnership, asOf)[HealthDimension.Competency].Score < 100.0);
    }

    /// <summary>
    /// docs/scoring.md gives model 2.0's weights as a model file: it loads, and differs from the default model only in its
    /// version and the weights 2.1 changed. It scores as 2.0 did wherever reciprocity does not enter; reciprocity's formula
    /// changed in 2.2 and is not a setting, so a partnership's co-operation is 2.2's (docs/scoring.md says so).
    /// </summary>
    [Fact]
    public void ScoringPage_Model20File_HasModel20sWeights()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root(), "docs/scoring.md")).ReplaceLineEndings("\n");
        var json = Assert.Single(page.Split("```json\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]), b => b.Contains("\"version\": \"2.0\"", StringComparison.Ordinal));

        var model = PartnerMetricsJson.Deserialize<HealthModel>(json);

        Assert.Equal(("default", "2.0"), (model.Name, model.Version));
        Assert.Equal(new DimensionWeights(0.25, 0.2, 0.2, 0.2, 0.15), model.DimensionWeights);
        Assert.Equal(new CompetencyWeights(0.4, 0.6), model.CompetencyWeights);
        Assert.Equal(new CooperationWeights(0.2, 0.2, 0.35, 0.25), model.CooperationWeights);
        Assert.Equal(new PlanWeights(0.25, 0.2, 0.2, 0.15, 0.2), model.PlanWeights);
        Assert.Equal(new ProgressWeights(0.3, 0.25, 0.2, 0.25), model.ProgressWeights);
        var latest = HealthModel.Default;
        Assert.Equal(latest, model with
        {
            Version = latest.Version,
            DimensionWeights = latest.DimensionWeights,
            CompetencyWeights = latest.CompetencyWeights,
            PlanWeights = latest.PlanWeights,
            ProgressWeights = latest.ProgressWeights,
        });

        // The worked example with 2.0's weights (HealthScorerTests.Score_WorkedExample_OfDocsScoring has the current rules' arithmetic):
        //   competency 100 × (0.4 × 0.5 + 0.6 × 2/3.75) = 52.000; plan 100 × (0.25 × 1.4/3 + 0.2/3 + 0.08 + 0.05 + 0.2 × 2^(−1/3)) = 47.207;
        //   progress 100 × (0.3 × 0.6351 + 0.25 × 0.5 + 0.2 × 0.5182 + 0.25 × 0.5) = 54.417; trust 46.751 and co-op 46.813 as in 2.5
        //   (2.0 and 2.1 had reciprocity 1 without meetings, and co-op 59.313; 2.2 to 2.4 left the goal without a due day out and
        //   weighed deals from their creation: plan 53.041, progress 54.886, overall 50.291 at 0.4417);
        //   overall 0.25 × 46.751 + 0.2 × 52.000 + 0.2 × 46.813 + 0.2 × 47.207 + 0.15 × 54.417 = 49.054 (52.791 under 2.0).
        //   Confidence 0.25 × 0.1881 + 0.2 × (0.4 + 0.6 × 1.75/6.75) + 0.2 × 0.0649 + 0.2 × 1
        //     + 0.15 × (0.5 × 2.2208/7.2208 + 0.25 × 2/7 + 0.25) = 0.25 × 0.1881 + 0.2 × 0.5556 + 0.2 × 0.0649 + 0.2 + 0.15 × 0.4752 = 0.4424.
        //   sd = 5.7819 (slopes 60 for delivery; 30, 25, 20 in progress; reciprocity the rate Beta(1, 1), variance 1/12 where 2.0
        //   had 4 × 1/12, sd 6.3003): 49.054 ± 7.410 = [41.645, 56.464].
        // With nothing logged 100 days in: 100 × (0.3 + 0.25 + 0.2) × 0.5 = 37.5 for progress, co-op 50, overall
        //   0.25 × 50 + 0.2 × 50 + 0.2 × 50 + 0.2 × 0 + 0.15 × 37.5 = 38.125 at 0.2 × 1 + 0.15 × 0.25 = 0.2375: InsufficientEvidence.
        // The ideal partnership of ScenarioTests after one year: 0.25 × 0.8461 + 0.2 × (0.4 + 0.6 × 0.6282) + 0.2 × 0.7200 + 0.2 × 1
        //   + 0.15 × (0.5 × 0.7736 + 0.25 × 8/13 + 0.25) = 0.25 × 0.8461 + 0.2 × 0.7769 + 0.2 × 0.72 + 0.2 + 0.15 × 0.7907 = 0.8295
        //   (0.829 under 2.4, which weighed the deals from their origination, a day before their registration);
        //   after two years 0.25 × 0.8726 + 0.2 × 0.8306 + 0.2 × 0.7581 + 0.2 + 0.15 × 0.7951 = 0.855.
        var scorer = new HealthScorer(model);
        var report = scorer.Score(Health.Examples.WorkedExample(), Health.Examples.T);
        var nothing = scorer.Score(Health.Examples.Empty(), Health.Examples.T);

        Assert.Equal(("default", "2.0"), (report.ModelName, report.ModelVersion));
        Assert.Equal([46.751, 52.000, 46.813, 47.207, 54.417], report.Dimensions.Select(d => Math.Round(d.Score!.Value, 3)));
        Assert.Equal(49.054, report.Score, 3);
        Assert.Equal(0.4424, report.Confidence, 4);
        Assert.Equal((41.645, 56.464), (Math.Round(report.Interval.Lower, 3), Math.Round(report.Interval.Upper, 3)));
        Assert.Equal(HealthBand.Watch, report.Band);
        Assert.Equal(38.125, nothing.Score, 12);
        Assert.Equal(0.2375, nothing.Confidence, 12);
        Assert.Equal(HealthBand.InsufficientEvidence, nothing.Band);
        Assert.Equal(0.8295, scorer.Score(Health.ScenarioTests.Ideal(years: 1), Health.Examples.T).Confidence, 4);
        Assert.Equal(0.855, scorer.Score(Health.ScenarioTests.Ideal(), Health.Examples.T).Confidence, 3);
    }

    [Fact]
    public void PlanHistory_ReadsEachValueAsOfTheDay()
    {
        // docs:begin plan-history
        var plan = new JointPlan(
            createdOn: new DateOnly(2025, 1, 10),
            goals: [new PlanGoal("Certify engineers", GoalOwner.Both,
                checkIns: [new GoalCheckIn(new DateOnly(2025, 3, 1), 0.25), new GoalCheckIn(new DateOnly(2025, 4, 1), 0.5)],
                new MeasurableTarget(4, "engineers"), startsOn: new DateOnly(2025, 1, 10), dueOn: new DateOnly(2025, 6, 30))],
            reviews: [new PlanReview(new DateOnly(2025, 1, 10), 0.3), new PlanReview(new DateOnly(2025, 4, 1), 0.4)]);

        double? alignment = plan.BusinessAlignmentOn(new DateOnly(2025, 3, 31));   // 0.3: the April review is later
        double progress = plan.Goals[0].ProgressOn(new DateOnly(2025, 3, 31));      // 0.25
        // docs:end plan-history

        Assert.Equal(0.3, alignment);
        Assert.Equal(0.25, progress);
        Assert.Equal(plan, PartnerMetricsJson.Deserialize<Portfolio>(PartnerMetrics.Tests.Serialization.JsonFormatTests.SamplePortfolioJson).Partnerships[0].JointPlan);
    }

    [Fact]
    public void ReadmeQuickStart_RoundTripsThePortfolio()
    {
        // docs:begin readme-quick-start
        var partner = new Partner(new PartnerId("P-100"), "Contoso Cloud", PartnerType.SystemIntegrator,
            tier: "Gold", district: "North", onboardedOn: new DateOnly(2023, 4, 1));

        var partnership = new Partnership(
            partner,
            startedOn: new DateOnly(2023, 4, 1),
            requiredCompetencies: ["Azure", "Security"],
            commitments:
            [
                new Commitment(Side.Partner, dueOn: new DateOnly(2025, 3, 31), CommitmentOutcome.KeptLate, resolvedOn: new DateOnly(2025, 4, 4)),
                new Commitment(Side.Vendor, dueOn: new DateOnly(2025, 5, 15), CommitmentOutcome.Open),
            ],
            interactions: [new Interaction(new DateOnly(2025, 4, 2), InteractionKind.Request, Side.Partner, responseTime: TimeSpan.FromHours(28))],
            certifications: [new Certification("Azure", new DateOnly(2024, 6, 1), expiresOn: new DateOnly(2026, 6, 1))],
            jointPlan: new JointPlan(new DateOnly(2025, 1, 10), businessAlignment: 0.4,
                goals: [new PlanGoal("Certify engineers", GoalOwner.Both, progress: 0.5, new MeasurableTarget(4, "engineers"))]));

        var portfolio = new Portfolio([partnership]);
        string json = PartnerMetricsJson.Serialize(portfolio);
        Portfolio again = PartnerMetricsJson.Deserialize<Portfolio>(json);   // equal to portfolio
        // docs:end readme-quick-start

        Assert.Equal(portfolio, again);

        // docs:begin readme-score
        var scorer = new HealthScorer();                      // HealthModel.Default; immutable and thread-safe
        HealthReport report = scorer.Score(partnership, new DateOnly(2025, 6, 30));
        Console.WriteLine($"{report.Score:F1} {report.Band} (confidence {report.Confidence:P0})");
        foreach (var factor in report.Factors.Where(f => f.IsPresent))
        {
            Console.WriteLine($"  {factor.Code,-36} {factor.Contribution,5:F1} pts  {factor.Reason}");
        }
        // docs:end readme-score

        Assert.Equal(report.Score, report.Factors.Sum(f => f.Contribution), 9);

        // docs:begin readme-pipeline
        Opportunity[] deals =
        [
            new(new OpportunityId("O-1"), new AccountId("A-1"), createdOn: new DateOnly(2025, 1, 10), DealMotion.NewLogo,
                DealSource.PartnerSourced, RouteToMarket.Partner, DealOutcome.Won, amount: 12_000m, partnerId: partner.Id,
                closedOn: new DateOnly(2025, 3, 1)),
            new(new OpportunityId("O-2"), new AccountId("A-2"), createdOn: new DateOnly(2025, 2, 1), DealMotion.Renewal,
                DealSource.VendorReferred, RouteToMarket.Direct, DealOutcome.Lost, amount: 5_000m, closedOn: new DateOnly(2025, 4, 1)),
            new(new OpportunityId("O-3"), new AccountId("A-1"), createdOn: new DateOnly(2025, 5, 2), DealMotion.Upsell,
                DealSource.CoSell, RouteToMarket.Partner, amount: 8_000m, partnerId: partner.Id),
        ];
        var accumulator = new PipelineAccumulator();
        accumulator.AddRange(deals);
        PipelineResult pipeline = accumulator.Result();
        Console.WriteLine($"won {pipeline.WonCount} of {pipeline.WonCount + pipeline.LostCount}, hunting {pipeline.HuntingShareByValue:P0} of won value");
        // docs:end readme-pipeline

        Assert.Equal((1L, 1L, 1L, 1.0), (pipeline.WonCount, pipeline.LostCount, pipeline.OpenCount, pipeline.HuntingShareByValue));
    }

    /// <summary>The checkout the tests run from (source paths are mapped away in CI builds, so walk up from the binaries).</summary>
    [Fact]
    public void PipelineSharding_MergesToTheSingleProcessResult()
    {
        var deals = PartnerMetrics.Tests.Pipeline.PipelineExamples.Deals;
        var messages = new List<string>();
        foreach (var shard in new[] { deals[..3], deals[3..] })
        {
            // docs:begin pipeline-sharding
            // On each worker: accumulate its shard by district and ship the partial sums.
            var partial = shard.GroupBy(d => d.District ?? "(none)").ToDictionary(g => g.Key, g =>
            {
                var accumulator = new PipelineAccumulator();
                accumulator.AddRange(g);
                return accumulator;
            });
            string message = PartnerMetricsJson.Serialize(partial);      // Dictionary<string, PipelineAccumulator>
            // docs:end pipeline-sharding
            messages.Add(message);
        }

        // docs:begin pipeline-sharding
        // On the coordinator: merge the messages in whatever order they arrive.
        var merged = new Dictionary<string, PipelineAccumulator>();
        foreach (var received in messages)
        {
            foreach (var (district, accumulator) in PartnerMetricsJson.Deserialize<Dictionary<string, PipelineAccumulator>>(received))
            {
                if (merged.TryGetValue(district, out var existing))
                {
                    existing.Merge(accumulator);
                }
                else
                {
                    merged[district] = accumulator;
                }
            }
        }

        PipelineResult north = merged["North"].Result(new PipelineOptions { RemainingTarget = 500_000m });
        // docs:end pipeline-sharding

        Assert.Equal(PipelineAnalytics.Summarize(deals.Where(d => d.District == "North"), new PipelineOptions { RemainingTarget = 500_000m }), north);
    }

    /// <summary>The lines between each pair of markers of that name, with their common indentation removed, joined by a blank line.</summary>
    private static string Region(string source, string name)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var regions = new List<string>();
        for (var begin = 0; begin < lines.Length; begin++)
        {
            if (lines[begin].Trim() != $"// docs:begin {name}")
            {
                continue;
            }

            var end = Array.FindIndex(lines, begin, l => l.Trim() == $"// docs:end {name}");
            Assert.True(end > begin, $"snippet '{name}' is not closed");
            var body = lines[(begin + 1)..end];
            var indent = body.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
            regions.Add(string.Join('\n', body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())));
            begin = end;
        }

        Assert.NotEmpty(regions);
        return string.Join("\n\n", regions);
    }
}
