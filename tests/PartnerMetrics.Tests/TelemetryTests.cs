using System.Diagnostics;
using System.Diagnostics.Metrics;
using PartnerMetrics.Health;
using PartnerMetrics.Insights;
using PartnerMetrics.Pipeline;
using PartnerMetrics.Serialization;
using PartnerMetrics.Tests.Pipeline;
using PartnerMetrics.Tests.Validation;
using PartnerMetrics.Validation;

namespace PartnerMetrics.Tests;

/// <summary>Tests that listen to the process-wide meter and activity source run alone, so no other test's measurements mix in.</summary>
[CollectionDefinition(nameof(TelemetryListeners), DisableParallelization = true)]
public sealed class TelemetryListeners;

/// <summary>The instruments and activities of docs/observability.md: names, units, tags and values.</summary>
[Collection(nameof(TelemetryListeners))]
public sealed class TelemetryTests : IDisposable
{
    private static readonly DateOnly AsOf = BacktestHistories.T;
    private readonly MeasurementRecorder meters = new("PartnerMetrics");
    private readonly ActivityListener activities;
    private readonly List<Activity> stopped = [];

    public TelemetryTests()
    {
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PartnerMetrics",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activities);
    }

    public void Dispose()
    {
        meters.Dispose();
        activities.Dispose();
    }

    [Fact]
    public void Instruments_FollowTheOpenTelemetryConventions()
    {
        var published = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "PartnerMetrics")
                {
                    published.Add(instrument);
                }
            },
        };
        listener.Start();

        Assert.Equal(
            [
                ("partnermetrics.backtest.duration", "s"),
                ("partnermetrics.health.score.duration", "s"),
                ("partnermetrics.health.scored", "{report}"),
                ("partnermetrics.json.rejected", "{document}"),
                ("partnermetrics.pipeline.deals", "{deal}"),
                ("partnermetrics.pipeline.duration", "s"),
            ],
            published.Select(i => (i.Name, i.Unit)).Order());
        Assert.All(published, i => Assert.False(string.IsNullOrWhiteSpace(i.Description)));
        Assert.Equal(typeof(HealthScorer).Assembly.GetName().Version!.ToString(), published[0].Meter.Version);
        Assert.Equal(published[0].Meter.Version, Telemetry.Source.Version);
    }

    [Fact]
    public void Histograms_AdviseTheSemanticConventionsBoundariesForSeconds()
    {
        // docs/observability.md: the histograms advise the OpenTelemetry bucket boundaries for durations in seconds, 0.005 s
        // to 10 s (the semantic conventions' list), on .NET 9 and later; these tests run on .NET 10.
        var histograms = new List<Histogram<double>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "PartnerMetrics" && instrument is Histogram<double> histogram)
                {
                    histograms.Add(histogram);
                }
            },
        };
        listener.Start();

        Assert.Equal(
            ["partnermetrics.backtest.duration", "partnermetrics.health.score.duration", "partnermetrics.pipeline.duration"],
            histograms.Select(h => h.Name).Order(StringComparer.Ordinal));
        Assert.All(histograms, h => Assert.Equal(
            [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
            h.Advice?.HistogramBucketBoundaries ?? []));
    }

    [Fact]
    public void Score_CountsOneReport()
    {
        new HealthScorer().Score(BacktestHistories.TrustDrivenCompany(1).Partnerships[0], AsOf);

        var scored = Assert.Single(meters.Of("partnermetrics.health.scored"));
        Assert.Equal((1.0, "{report}", "score"), (scored.Value, scored.Unit, scored.Tags["partnermetrics.operation"]));
        Assert.Empty(meters.Of("partnermetrics.health.score.duration"));
    }

    [Fact]
    public void WithPriorsFrom_CountsNoReport()
    {
        // It scored each partnership through Score, so learning priors from a portfolio counted one "score" per partnership,
        // each alone, where the documentation counts batches once and this derives a model, reporting on no partnership.
        var portfolio = new Portfolio(BacktestHistories.TrustDrivenCompany(3).Partnerships);

        var learnt = HealthModel.Default.WithPriorsFrom(portfolio, AsOf);

        Assert.NotEqual(HealthModel.Default, learnt);
        Assert.Empty(meters.Of("partnermetrics.health.scored"));
    }

    [Fact]
    public void Recommend_CountsTheReportBehindTheAdvice()
    {
        // docs/observability.md: "score" counts each HealthScorer.Score and the scores behind Compare and the advice.
        // Recommend scores the partnership once, as Score would, and re-scores each action as a headline, not a report.
        var actions = new PartnershipAdvisor(new HealthScorer()).Recommend(BacktestHistories.TrustDrivenCompany(1).Partnerships[0], AsOf);

        Assert.NotEmpty(actions);
        var scored = Assert.Single(meters.Of("partnermetrics.health.scored"));
        Assert.Equal((1.0, "score"), (scored.Value, scored.Tags["partnermetrics.operation"]));
        Assert.Empty(meters.Of("partnermetrics.health.score.duration"));
    }

    [Fact]
    public void Compare_CountsItsTwoReports()
    {
        // docs/observability.md: "score" counts each HealthScorer.Score and the scores behind Compare: its two days, each a report.
        new HealthScorer().Compare(BacktestHistories.TrustDrivenCompany(1).Partnerships[0], AsOf.AddDays(-90), AsOf);

        Assert.Equal([(1.0, "score"), (1.0, "score")], meters.Of("partnermetrics.health.scored").Select(m => (m.Value, (string)m.Tags["partnermetrics.operation"]!)));
        Assert.Empty(meters.Of("partnermetrics.health.score.duration"));
    }

    [Fact]
    public void PortfolioInsights_CountsItsReportsOnceAsScoreAll_AndItsNextActionsNoMore()
    {
        // docs/observability.md: "score_all" counts ScoreAll "(and PortfolioInsights)"; the portfolio's next actions are
        // advice built on the reports already scored, so reading them counts no report again.
        var insights = new PortfolioInsights(new HealthScorer(), new Portfolio(BacktestHistories.TrustDrivenCompany(5).Partnerships), AsOf);

        Assert.NotEmpty(insights.NextActions.SelectMany(actions => actions));
        var scored = Assert.Single(meters.Of("partnermetrics.health.scored"));
        Assert.Equal((5.0, "score_all"), (scored.Value, scored.Tags["partnermetrics.operation"]));
        Assert.Single(Stopped("partnermetrics.health.score_all"));
    }

    [Fact]
    public void ScoreAll_CountsEveryReportOnceAndTimesAndTracesTheCall()
    {
        var portfolio = new Portfolio(BacktestHistories.TrustDrivenCompany(12).Partnerships);

        new HealthScorer().ScoreAll(portfolio, AsOf);

        var scored = Assert.Single(meters.Of("partnermetrics.health.scored"));
        Assert.Equal((12.0, "score_all"), (scored.Value, scored.Tags["partnermetrics.operation"]));
        var duration = Assert.Single(meters.Of("partnermetrics.health.score.duration"));
        Assert.Equal(("s", "score_all"), (duration.Unit, duration.Tags["partnermetrics.operation"]));
        Assert.InRange(duration.Value, 0.0, 60.0);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        var activity = Assert.Single(Stopped("partnermetrics.health.score_all"));
        Assert.Equal(12, activity.GetTagItem("partnermetrics.partnerships"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public void ScoreAll_Canceled_RecordsTheErrorType()
    {
        var portfolio = new Portfolio(BacktestHistories.TrustDrivenCompany(3).Partnerships);

        Assert.ThrowsAny<OperationCanceledException>(() => new HealthScorer().ScoreAll(portfolio, AsOf, cancellationToken: new CancellationToken(canceled: true)));

        var duration = Assert.Single(meters.Of("partnermetrics.health.score.duration"));
        Assert.Equal(typeof(OperationCanceledException).FullName, duration.Tags["error.type"]);
        Assert.Empty(meters.Of("partnermetrics.health.scored"));
        var activity = Assert.Single(Stopped("partnermetrics.health.score_all"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(OperationCanceledException).FullName, activity.GetTagItem("error.type"));
    }

    [Theory]
    [InlineData("history", "trend")]
    [InlineData("trend", "history")]
    public void HistoryAndTrend_CountOnePerPoint_UnderTheirOwnOperation(string operation, string other)
    {
        // 2025-06-01 to 2025-06-30 weekly: June 1, 8, 15, 22 and 29; a trend is the history's points without their reports.
        var (partnership, from, step) = (BacktestHistories.TrustDrivenCompany(1).Partnerships[0], new DateOnly(2025, 6, 1), TimeSpan.FromDays(7));
        var scorer = new HealthScorer();
        _ = operation == "history" ? scorer.History(partnership, from, AsOf, step).Length : scorer.Trend(partnership, from, AsOf, step).Length;

        var scored = Assert.Single(meters.Of("partnermetrics.health.scored"));
        Assert.Equal((5.0, operation), (scored.Value, scored.Tags["partnermetrics.operation"]));
        var duration = Assert.Single(meters.Of("partnermetrics.health.score.duration"));
        Assert.Equal(("s", operation), (duration.Unit, duration.Tags["partnermetrics.operation"]));
        var activity = Assert.Single(Stopped("partnermetrics.health." + operation));
        Assert.Equal((5, operation), (activity.GetTagItem("partnermetrics.points"), activity.GetTagItem("partnermetrics.operation")));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Empty(Stopped("partnermetrics.health." + other));
    }

    [Fact]
    public void History_CanceledWhileItRuns_RecordsTheErrorType()
    {
        // A second listener cancels the token as the history's activity starts: after the check on entry, before
        // the first point, so the failure happens inside the traced operation.
        using var canceller = new CancellationTokenSource();
        using var cancelling = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PartnerMetrics",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.OperationName == "partnermetrics.health.history")
                {
                    canceller.Cancel();
                }
            },
        };
        ActivitySource.AddActivityListener(cancelling);
        var partnership = BacktestHistories.TrustDrivenCompany(1).Partnerships[0];

        Assert.ThrowsAny<OperationCanceledException>(() => new HealthScorer().History(partnership, new DateOnly(2025, 6, 1), AsOf, TimeSpan.FromDays(7), canceller.Token));

        Assert.Empty(meters.Of("partnermetrics.health.scored"));
        var duration = Assert.Single(meters.Of("partnermetrics.health.score.duration"));
        Assert.Equal(("history", typeof(OperationCanceledException).FullName), (duration.Tags["partnermetrics.operation"], duration.Tags["error.type"]));
        var activity = Assert.Single(Stopped("partnermetrics.health.history"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(OperationCanceledException).FullName, activity.GetTagItem("error.type"));
    }

    [Fact]
    public void History_CanceledBeforeTheCall_ThrowsBeforeAnythingIsRecorded()
    {
        var partnership = BacktestHistories.TrustDrivenCompany(1).Partnerships[0];

        Assert.ThrowsAny<OperationCanceledException>(() => new HealthScorer().History(partnership, new DateOnly(2025, 6, 1), AsOf, TimeSpan.FromDays(7), new CancellationToken(canceled: true)));

        Assert.Empty(meters.Of("partnermetrics.health.score.duration"));
        Assert.Empty(Stopped("partnermetrics.health.history"));
    }

    [Theory]
    [InlineData("history")]
    [InlineData("trend")]
    public void HistoryAndTrend_AModelSelectorThatThrows_RecordsTheErrorType(string operation)
    {
        // A HealthModelSet's selector is the caller's code, run as part of the operation: its failure is timed with its
        // error type and marks the activity failed, as ScoreAll's is (it threw before the operation started: nothing was recorded).
        var scorer = new HealthScorer(HealthModelSet.Create([HealthModel.Default], _ => throw new FormatException("no model")));
        var (partnership, from, step) = (BacktestHistories.TrustDrivenCompany(1).Partnerships[0], new DateOnly(2025, 6, 1), TimeSpan.FromDays(7));

        Assert.Throws<FormatException>(() => _ = operation == "history" ? scorer.History(partnership, from, AsOf, step).Length : scorer.Trend(partnership, from, AsOf, step).Length);

        Assert.Empty(meters.Of("partnermetrics.health.scored"));
        var duration = Assert.Single(meters.Of("partnermetrics.health.score.duration"));
        Assert.Equal((operation, typeof(FormatException).FullName), (duration.Tags["partnermetrics.operation"], duration.Tags["error.type"]));
        var activity = Assert.Single(Stopped("partnermetrics.health." + operation));
        Assert.Equal((ActivityStatusCode.Error, "no model"), (activity.Status, activity.StatusDescription));
        Assert.Equal(typeof(FormatException).FullName, activity.GetTagItem("error.type"));
    }

    [Fact]
    public void Backtest_CountsItsSamplesAndTracesTheRun()
    {
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany(20);

        var result = Backtest.Run(new HealthScorer(), partnerships, [AsOf.AddDays(-90), AsOf], outcomes);

        var scored = Assert.Single(meters.Of("partnermetrics.health.scored"));
        Assert.Equal(((double)result.Count, "backtest"), (scored.Value, scored.Tags["partnermetrics.operation"]));
        Assert.Equal("run", Assert.Single(meters.Of("partnermetrics.backtest.duration")).Tags["partnermetrics.operation"]);
        var activity = Assert.Single(Stopped("partnermetrics.backtest.run"));
        Assert.Equal((result.Count, result.Churned), ((int)activity.GetTagItem("partnermetrics.samples")!, (int)activity.GetTagItem("partnermetrics.churned")!));
    }

    [Fact]
    public void BacktestFit_CountsItsSamplesAndTracesTheFit()
    {
        // Pins Fit's own telemetry, which Run's test does not reach: its samples counted once under "backtest", its
        // duration under "fit", and its activity tagged with the samples and the churned samples (not the samples twice).
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany();

        var fit = Backtest.Fit(new HealthScorer(), partnerships, [AsOf], outcomes);

        var scored = Assert.Single(meters.Of("partnermetrics.health.scored"));
        Assert.Equal(((double)fit.Count, "backtest"), (scored.Value, scored.Tags["partnermetrics.operation"]));
        var duration = Assert.Single(meters.Of("partnermetrics.backtest.duration"));
        Assert.Equal("fit", duration.Tags["partnermetrics.operation"]);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        var activity = Assert.Single(Stopped("partnermetrics.backtest.fit"));
        Assert.True(fit.Churned < fit.Count, $"{fit.Churned} churned of {fit.Count}");
        Assert.Equal((fit.Count, fit.Churned), ((int)activity.GetTagItem("partnermetrics.samples")!, (int)activity.GetTagItem("partnermetrics.churned")!));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("fit")]
    public void Backtest_Refused_RecordsTheErrorType(string operation)
    {
        // Pins the failure path of both entry points: a refused call (Run: a partnership without an outcome; Fit: 4
        // partners, fewer churners than the minimum) is timed with its error type and its activity is marked failed.
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany(partners: 4);

        Assert.Throws<ArgumentException>(() =>
        {
            _ = operation == "run"
                ? Backtest.Run(new HealthScorer(), partnerships, [AsOf], outcomes.Skip(1))
                : (object)Backtest.Fit(new HealthScorer(), partnerships, [AsOf], outcomes);
        });

        var duration = Assert.Single(meters.Of("partnermetrics.backtest.duration"));
        Assert.Equal((operation, typeof(ArgumentException).FullName), ((string)duration.Tags["partnermetrics.operation"]!, duration.Tags["error.type"]));
        var activity = Assert.Single(Stopped("partnermetrics.backtest." + operation));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(ArgumentException).FullName, activity.GetTagItem("error.type"));
    }

    [Fact]
    public void BacktestFit_RefusedAfterScoring_CountsNoReport()
    {
        // docs/observability.md: a batch is counted once, "when it completes". Fit scores every sample before it checks
        // the churners against FitOptions.MinimumChurners (4 partners, 2 of them churned, under the default minimum), so a
        // refused fit had counted its 4 samples, where a failed ScoreAll, History or Run counts none.
        var (partnerships, outcomes) = BacktestHistories.TrustDrivenCompany(partners: 4);

        Assert.Throws<ArgumentException>(() => Backtest.Fit(new HealthScorer(), partnerships, [AsOf], outcomes));

        Assert.Empty(meters.Of("partnermetrics.health.scored"));
        Assert.Single(meters.Of("partnermetrics.backtest.duration"));
    }

    [Fact]
    public void GroupBy_CountsTheDealsOnceAndTracesTheGroups()
    {
        // Eight deals in three groups: North, South and no district.
        PipelineAnalytics.GroupBy(PipelineExamples.Deals, PipelineKeys.District);

        var deals = Assert.Single(meters.Of("partnermetrics.pipeline.deals"));
        Assert.Equal((8.0, "{deal}", "accumulate"), (deals.Value, deals.Unit, deals.Tags["partnermetrics.operation"]));
        Assert.Equal("group_by", Assert.Single(meters.Of("partnermetrics.pipeline.duration")).Tags["partnermetrics.operation"]);
        var activity = Assert.Single(Stopped("partnermetrics.pipeline.group_by"));
        Assert.Equal((8L, 3), ((long)activity.GetTagItem("partnermetrics.deals")!, (int)activity.GetTagItem("partnermetrics.groups")!));
    }

    [Fact]
    public async Task SummarizeAsync_CountsTheStreamedDeals()
    {
        await PipelineAnalytics.SummarizeAsync(PipelineExamples.Deals.ToAsyncEnumerable());

        Assert.Equal(8.0, Assert.Single(meters.Of("partnermetrics.pipeline.deals")).Value);
        Assert.Equal(8L, Assert.Single(Stopped("partnermetrics.pipeline.summarize")).GetTagItem("partnermetrics.deals"));
    }

    [Fact]
    public void Cube_CountsTheDealsOnEachPath()
    {
        PipelineCube.Compute(PipelineExamples.Deals);
        PipelineCube.Compute(OpportunityBatch.From(PipelineExamples.Deals));

        Assert.Equal([("cube", 8.0), ("cube", 8.0)], meters.Of("partnermetrics.pipeline.deals").Select(m => ((string)m.Tags["partnermetrics.operation"]!, m.Value)));
        Assert.Equal(2, Stopped("partnermetrics.pipeline.cube").Count);
    }

    /// <summary>Every entry point of PipelineAnalytics, by name, each run on the eight example deals.</summary>
    public static TheoryData<string> PipelineEntryPoints { get; } = ["Summarize", "SummarizeSpan", "SummarizeAsync", "GroupBy", "GroupByAsync", "GroupByParallel"];

    [Theory]
    [MemberData(nameof(PipelineEntryPoints))]
    public async Task PipelineEntryPoint_TimesAndTracesTheCall_WithItsDeals(string entryPoint)
    {
        await RunPipeline(entryPoint, PipelineExamples.Deals);

        var operation = entryPoint.StartsWith("Summarize", StringComparison.Ordinal) ? "summarize" : "group_by";
        var duration = Assert.Single(meters.Of("partnermetrics.pipeline.duration"));
        Assert.Equal(("s", operation), (duration.Unit, duration.Tags["partnermetrics.operation"]));
        Assert.False(duration.Tags.ContainsKey("error.type"));
        Assert.Equal((8.0, "accumulate"), (Assert.Single(meters.Of("partnermetrics.pipeline.deals")).Value, Assert.Single(meters.Of("partnermetrics.pipeline.deals")).Tags["partnermetrics.operation"]));
        var activity = Assert.Single(Stopped($"partnermetrics.pipeline.{operation}"));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
        Assert.Equal(8L, activity.GetTagItem("partnermetrics.deals"));
        Assert.Equal(operation == "group_by" ? 3 : null, activity.GetTagItem("partnermetrics.groups"));
    }

    [Theory]
    [MemberData(nameof(PipelineEntryPoints))]
    public async Task PipelineEntryPoint_Failing_RecordsTheErrorType(string entryPoint)
    {
        Opportunity[] deals = [.. PipelineExamples.Deals, null!];

        await Assert.ThrowsAsync<ArgumentException>(() => RunPipeline(entryPoint, deals));

        var operation = entryPoint.StartsWith("Summarize", StringComparison.Ordinal) ? "summarize" : "group_by";
        Assert.Equal(typeof(ArgumentException).FullName, Assert.Single(meters.Of("partnermetrics.pipeline.duration")).Tags["error.type"]);
        Assert.Empty(meters.Of("partnermetrics.pipeline.deals"));
        var activity = Assert.Single(Stopped($"partnermetrics.pipeline.{operation}"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(typeof(ArgumentException).FullName, activity.GetTagItem("error.type"));
        Assert.Null(activity.GetTagItem("partnermetrics.deals"));
    }

    private static async Task RunPipeline(string entryPoint, Opportunity[] deals)
    {
        switch (entryPoint)
        {
            case "Summarize":
                PipelineAnalytics.Summarize(deals.AsEnumerable());
                break;
            case "SummarizeSpan":
                PipelineAnalytics.Summarize(deals.AsSpan());
                break;
            case "SummarizeAsync":
                await PipelineAnalytics.SummarizeAsync(deals.ToAsyncEnumerable());
                break;
            case "GroupBy":
                PipelineAnalytics.GroupBy(deals.AsEnumerable(), PipelineKeys.District);
                break;
            case "GroupByAsync":
                await PipelineAnalytics.GroupByAsync(deals.ToAsyncEnumerable(), PipelineKeys.District);
                break;
            default:
                PipelineAnalytics.GroupBy(deals, PipelineKeys.District, new ParallelOptions(), options: null, minimumPart: 2);
                break;
        }
    }

    [Fact]
    public void Cube_TracesItsDealsAndPartitions()
    {
        PipelineCube.Compute(PipelineExamples.Deals, maxDegreeOfParallelism: 1);

        Assert.Equal("cube", Assert.Single(meters.Of("partnermetrics.pipeline.duration")).Tags["partnermetrics.operation"]);
        var activity = Assert.Single(Stopped("partnermetrics.pipeline.cube"));
        Assert.Equal((8, 1), ((int)activity.GetTagItem("partnermetrics.deals")!, (int)activity.GetTagItem("partnermetrics.partitions")!));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public void Cube_Failing_RecordsTheErrorTypeOnEachPath()
    {
        Assert.Throws<ArgumentException>(() => PipelineCube.Compute([.. PipelineExamples.Deals, null!]));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            PipelineCube.Compute(OpportunityBatch.From(PipelineExamples.Deals), cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(
            [typeof(ArgumentException).FullName, typeof(OperationCanceledException).FullName],
            meters.Of("partnermetrics.pipeline.duration").Select(m => (string?)m.Tags["error.type"]));
        Assert.Empty(meters.Of("partnermetrics.pipeline.deals"));
        Assert.All(Stopped("partnermetrics.pipeline.cube"), activity => Assert.Equal(ActivityStatusCode.Error, activity.Status));
        Assert.Equal(2, Stopped("partnermetrics.pipeline.cube").Count);
    }

    [Fact]
    public void EmptyBatches_RecordNoDeals()
    {
        // Pins the guard on zero deals: a batch without deals (an empty export, an empty shard) takes in nothing and so
        // records no measurement, rather than a 0 that would show up as a batch in a dashboard's count of measurements.
        new PipelineAccumulator().AddRange([]);
        PipelineAnalytics.Summarize([]);
        PipelineAnalytics.GroupBy([], PipelineKeys.District);
        PipelineCube.Compute([]);

        Assert.Empty(meters.Of("partnermetrics.pipeline.deals"));
    }

    [Fact]
    public void Accumulator_AddingOneByOne_RecordsNothing()
    {
        var accumulator = new PipelineAccumulator();
        foreach (var deal in PipelineExamples.Deals)
        {
            accumulator.Add(deal);
        }

        Assert.Empty(meters.Of("partnermetrics.pipeline.deals"));
    }

    [Fact]
    public async Task Json_RejectedDocuments_AreCountedByType()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>("""{"partnerships": [{}]}"""));
        Assert.Throws<System.Text.Json.JsonException>(() => PartnerMetricsJson.Deserialize<Portfolio>("null"u8));
        PartnerMetricsJson.Deserialize<Portfolio>("""{"partnerships": []}""");
        await Assert.ThrowsAsync<System.Text.Json.JsonException>(async () =>
        {
            await foreach (var _ in PartnerMetricsJson.DeserializeOpportunitiesAsync(new MemoryStream("[null]"u8.ToArray())))
            {
            }
        });

        Assert.Equal(
            [("Portfolio", 1.0), ("Portfolio", 1.0), ("Opportunity", 1.0)],
            meters.Of("partnermetrics.json.rejected").Select(m => ((string)m.Tags["partnermetrics.json.type"]!, m.Value)));
    }

    [Fact]
    public void Json_ARejectedListOrDictionary_IsADocument_AndAModelIsItsType()
    {
        // docs/observability.md: partnermetrics.json.type is the model type read (HealthModel …), and "document" for a list
        // or a dictionary of model values.
        Assert.Throws<System.Text.Json.JsonException>(() => PartnerMetricsJson.Deserialize<Opportunity[]>("[null]"));
        Assert.Throws<System.Text.Json.JsonException>(() => PartnerMetricsJson.Deserialize<List<Opportunity>>("{}"));
        Assert.Throws<System.Text.Json.JsonException>(() => PartnerMetricsJson.Deserialize<Dictionary<string, PipelineAccumulator>>("""{"North": null}"""));
        Assert.Throws<System.Text.Json.JsonException>(() => PartnerMetricsJson.Deserialize<HealthModel>("""{"kappa": -1}"""));

        Assert.Equal(
            [("document", 1.0), ("document", 1.0), ("document", 1.0), ("HealthModel", 1.0)],
            meters.Of("partnermetrics.json.rejected").Select(m => ((string)m.Tags["partnermetrics.json.type"]!, m.Value)));
    }

    /// <summary>A portfolio read one partnership at a time counts each rejected document once, whatever rejects it; a valid one is not counted.</summary>
    [Theory]
    [InlineData("{} x")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"partnerships": [null]}""")]
    [InlineData("""{"partnerships": [{}]}""")]
    [InlineData("""{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01"}, {"partner": {"id": "P-1", "name": "M", "type": "Reseller"}, "startedOn": "2024-01-01"}]}""")]
    [InlineData("""{"revenueSnapshots": [{"accountId": "A-1", "date": "2024-01-31", "annualRecurringRevenue": 10}, {"accountId": "A-1", "date": "2024-01-31", "annualRecurringRevenue": 12}]}""")]
    public void Json_ADocumentRejectedAPartnershipAtATime_IsCountedOnce(string json)
    {
        Assert.Throws<System.Text.Json.JsonException>(() => new PortfolioJsonReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).ReadPartnerships().Count());
        Assert.Single(new PortfolioJsonReader(new MemoryStream("""{"partnerships": [{"partner": {"id": "P-1", "name": "N", "type": "Reseller"}, "startedOn": "2024-01-01"}]}"""u8.ToArray())).ReadPartnerships());

        Assert.Equal([("Portfolio", 1.0)], meters.Of("partnermetrics.json.rejected").Select(m => ((string)m.Tags["partnermetrics.json.type"]!, m.Value)));
    }

    [Fact]
    public void Start_WithoutListeners_CostsNothing()
    {
        meters.Dispose();
        activities.Dispose();

        Assert.Null(Telemetry.Start("partnermetrics.health.score_all", Telemetry.ScoreDuration, "score_all"));
        Assert.False(Telemetry.Reports.Enabled);
    }


    private List<Activity> Stopped(string name)
    {
        lock (stopped)
        {
            return [.. stopped.Where(a => a.OperationName == name)];
        }
    }
}
