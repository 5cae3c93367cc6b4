using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PartnerMetrics;

/// <summary>
/// The library's metrics and traces (docs/observability.md): one <see cref="Meter"/> and one <see cref="ActivitySource"/>,
/// both named <see cref="Name"/> and versioned by the assembly. Every measurement is taken only when a listener has enabled
/// its instrument (<see cref="Instrument.Enabled"/>), so an application that does not listen pays a field read per
/// operation; no instrument records per deal, and a single <see cref="Health.HealthScorer.Score"/> records one counter
/// increment with one tag, without allocating or reading a clock.
/// </summary>
internal static class Telemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "PartnerMetrics";

    /// <summary>The attribute that names the operation a measurement comes from.</summary>
    public const string OperationTag = "partnermetrics.operation";

    /// <summary>The OpenTelemetry attribute of a failed operation: the exception's type.</summary>
    public const string ErrorTypeTag = "error.type";

    private static readonly string? Version = typeof(Telemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Reports = Meter.CreateCounter<long>(
        "partnermetrics.health.scored", "{report}", "Health reports computed: one per partnership and day scored.");

    public static readonly Histogram<double> ScoreDuration = Duration(
        "partnermetrics.health.score.duration", "How long scoring a portfolio (ScoreAll) or a history took.");

    public static readonly Counter<long> Deals = Meter.CreateCounter<long>(
        "partnermetrics.pipeline.deals", "{deal}", "Deals added to pipeline accumulators or cubes, counted once per batch operation.");

    public static readonly Histogram<double> PipelineDuration = Duration(
        "partnermetrics.pipeline.duration", "How long a batch pipeline operation (summarize, group by, cube) took.");

    public static readonly Histogram<double> BacktestDuration = Duration(
        "partnermetrics.backtest.duration", "How long a backtest or a weight fit took.");

    public static readonly Counter<long> JsonRejected = Meter.CreateCounter<long>(
        "partnermetrics.json.rejected", "{document}", "JSON documents (or streamed deals) that PartnerMetricsJson rejected as unreadable or invalid.");

    /// <summary>Counts health reports computed; the hot path of <see cref="Health.HealthScorer.Score"/>, so one tag, no allocation and no clock.</summary>
    public static void Scored(string operation, long reports)
    {
        if (Reports.Enabled)
        {
            Reports.Add(reports, new KeyValuePair<string, object?>(OperationTag, operation));
        }
    }

    /// <summary>Counts deals taken in by a batch operation.</summary>
    public static void Accumulated(string operation, long deals)
    {
        if (Deals.Enabled && deals > 0)
        {
            Deals.Add(deals, new KeyValuePair<string, object?>(OperationTag, operation));
        }
    }

    /// <summary>Counts a rejected JSON document, by the name of the model type read (a bounded set).</summary>
    public static void Rejected(string type)
    {
        if (JsonRejected.Enabled)
        {
            JsonRejected.Add(1, new KeyValuePair<string, object?>("partnermetrics.json.type", type));
        }
    }

    /// <summary>Starts timing and tracing an operation; <see langword="null"/>, at no cost, when nothing listens.</summary>
    /// <param name="activityName">The activity's name, such as <c>partnermetrics.health.score_all</c>.</param>
    /// <param name="duration">The histogram of the operation's area.</param>
    /// <param name="operation">The value of <see cref="OperationTag"/>.</param>
    public static Operation? Start(string activityName, Histogram<double> duration, string operation)
    {
        if (!duration.Enabled && !Source.HasListeners())
        {
            return null;
        }

        return new Operation(Source.StartActivity(activityName), duration, operation);
    }

    private static Histogram<double> Duration(string name, string description) =>
#if NET9_0_OR_GREATER
        Meter.CreateHistogram(name, "s", description, tags: null, new InstrumentAdvice<double>
        {
            // The OpenTelemetry semantic conventions' boundaries for durations in seconds.
            HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
        });
#else
        Meter.CreateHistogram<double>(name, "s", description);
#endif

    /// <summary>One timed, traced operation: records its duration and ends its activity when disposed.</summary>
    internal sealed class Operation : IDisposable
    {
        private readonly Histogram<double> duration;
        private readonly string operation;
        private readonly long started = Stopwatch.GetTimestamp();
        private string? errorType;

        internal Operation(Activity? activity, Histogram<double> duration, string operation)
        {
            Activity = activity;
            this.duration = duration;
            this.operation = operation;
            activity?.SetTag(OperationTag, operation);
        }

        /// <summary>Gets the activity, when a listener sampled it.</summary>
        public Activity? Activity { get; }

        /// <summary>Sets a tag on the activity.</summary>
        public void Tag(string name, object? value) => Activity?.SetTag(name, value);

        /// <summary>Marks the operation failed; use in an exception filter that returns <see langword="false"/>, so the exception goes on unchanged.</summary>
        public bool Fail(Exception error)
        {
            errorType = error.GetType().FullName;
            Activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            Activity?.SetTag(ErrorTypeTag, errorType);
            return false;
        }

        public void Dispose()
        {
            if (duration.Enabled)
            {
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                if (errorType is null)
                {
                    duration.Record(seconds, new KeyValuePair<string, object?>(OperationTag, operation));
                }
                else
                {
                    duration.Record(seconds, new KeyValuePair<string, object?>(OperationTag, operation), new KeyValuePair<string, object?>(ErrorTypeTag, errorType));
                }
            }

            Activity?.Dispose();
        }
    }
}
