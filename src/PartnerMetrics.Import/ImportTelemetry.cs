using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PartnerMetrics.Import;

/// <summary>
/// The import package's metrics and traces (docs/observability.md): a <see cref="Meter"/> and an <see cref="ActivitySource"/>
/// named <see cref="Name"/>, beside the core's "PartnerMetrics". A package names its own instrumentation scope, as
/// OpenTelemetry asks; sharing the core's internals across packages would tie their versions together.
/// Rows are counted once per file, when its import ends, never per row.
/// </summary>
internal static class ImportTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "PartnerMetrics.Import";

    private static readonly string? Version = typeof(ImportTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Rows = Meter.CreateCounter<long>(
        "partnermetrics.import.rows", "{row}", "Rows read from CRM exports, by file kind and outcome: imported, skipped (rejected for a problem) or excluded (left out on purpose).");

    public static readonly Histogram<double> Duration =
#if NET9_0_OR_GREATER
        Meter.CreateHistogram(
            "partnermetrics.import.duration", "s", "How long an import took, from the first row read to the last.", tags: null, new InstrumentAdvice<double>
            {
                // The OpenTelemetry semantic conventions' boundaries for durations in seconds, as the library's histograms advise:
                // an exporter's defaults are made for milliseconds and would put every import of under five seconds in one bucket.
                HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
            });
#else
        Meter.CreateHistogram<double>("partnermetrics.import.duration", "s", "How long an import took, from the first row read to the last.");
#endif

    /// <summary>Starts tracing and timing the import of one file or portfolio; <see langword="null"/> when nothing listens.</summary>
    /// <param name="operation">What is imported: <c>opportunities</c> or <c>portfolio</c>.</param>
    /// <param name="lazy">
    /// Whether the import streams its rows to the caller: then the activity is not left current, or it would be the
    /// parent of whatever the caller does between rows.
    /// </param>
    public static Scope? Start(string operation, bool lazy)
    {
        if (!Rows.Enabled && !Duration.Enabled && !Source.HasListeners())
        {
            return null;
        }

        var previous = Activity.Current;
        var activity = Source.StartActivity($"partnermetrics.import.{operation}");
        if (lazy)
        {
            Activity.Current = previous;
        }

        activity?.SetTag("partnermetrics.operation", operation);
        return new Scope(activity, operation);
    }

    /// <summary>The import of one file or portfolio: counts its rows, records its duration and ends its activity.</summary>
    internal sealed class Scope(Activity? activity, string operation)
    {
        private readonly long started = Stopwatch.GetTimestamp();
        private long rows, imported, skipped;

        /// <summary>Sets a tag on the activity.</summary>
        public void Tag(string name, object? value) => activity?.SetTag(name, value);

        /// <summary>Counts the rows of one file by outcome, and adds them to the activity's tags.</summary>
        public void Count(string kind, long read, long importedRows, long skippedRows, long excludedRows)
        {
            rows += read;
            imported += importedRows;
            skipped += skippedRows;
            if (Rows.Enabled)
            {
                var fileKind = new KeyValuePair<string, object?>("partnermetrics.import.kind", kind);
                Add(importedRows, fileKind, "imported");
                Add(skippedRows, fileKind, "skipped");
                Add(excludedRows, fileKind, "excluded");
            }
        }

        /// <summary>Ends the import; <paramref name="error"/> is the exception that ended it, if any.</summary>
        public void End(Exception? error)
        {
            var errorType = error?.GetType().FullName;
            if (Duration.Enabled)
            {
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                var what = new KeyValuePair<string, object?>("partnermetrics.operation", operation);
                if (errorType is null)
                {
                    Duration.Record(seconds, what);
                }
                else
                {
                    Duration.Record(seconds, what, new KeyValuePair<string, object?>("error.type", errorType));
                }
            }

            if (activity is not null)
            {
                activity.SetTag("partnermetrics.import.rows", rows);
                activity.SetTag("partnermetrics.import.imported", imported);
                activity.SetTag("partnermetrics.import.skipped", skipped);
                if (error is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, error.Message);
                    activity.SetTag("error.type", errorType);
                }

                // Stopping makes the activity's parent current; the caller's current activity stays as it was.
                var current = Activity.Current;
                activity.Stop();
                Activity.Current = current == activity ? activity.Parent : current;
            }
        }

        private static void Add(long count, KeyValuePair<string, object?> kind, string outcome)
        {
            if (count > 0)
            {
                Rows.Add(count, kind, new KeyValuePair<string, object?>("partnermetrics.import.outcome", outcome));
            }
        }
    }
}
