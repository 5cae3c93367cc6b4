using System.Diagnostics;
using System.Diagnostics.Metrics;
using PartnerMetrics.Health;
using PartnerMetrics.Tests.Validation;

namespace PartnerMetrics.Tests;

/// <summary>
/// docs/observability.md, "Cost": a single <see cref="HealthScorer.Score"/> adds one counter increment when the counter is
/// enabled, and no allocation and no activity. Alone in the listeners' collection, so that no other test's scoring counts.
/// </summary>
[Collection(nameof(TelemetryListeners))]
public sealed class TelemetryCostTests
{
    private static long counted;

    [Fact]
    public void Score_WithTheCounterEnabled_AllocatesNoMoreAndStartsNoActivity()
    {
        var partnership = BacktestHistories.TrustDrivenCompany(1).Partnerships[0];
        var scorer = new HealthScorer();
        var asOf = BacktestHistories.T;
        scorer.Score(partnership, asOf);
        var off = Allocated(() => scorer.Score(partnership, asOf));

        var started = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "PartnerMetrics")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        // A callback that allocates nothing itself, so that what is measured is the library's.
        meters.SetMeasurementEventCallback<long>(static (_, value, _, _) => Interlocked.Add(ref counted, value));
        meters.Start();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PartnerMetrics",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = _ => Interlocked.Increment(ref started),
        };
        ActivitySource.AddActivityListener(activities);
        scorer.Score(partnership, asOf);
        var before = Interlocked.Read(ref counted);

        var on = Allocated(() => scorer.Score(partnership, asOf));

        Assert.Equal(1, Interlocked.Read(ref counted) - before);
        Assert.Equal(off, on);
        Assert.Equal(0, started);
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
