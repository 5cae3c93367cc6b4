using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PartnerMetrics.Import.Tests;

/// <summary>Tests that listen to the process-wide meter and activity source run alone, so no other test's imports mix in.</summary>
[CollectionDefinition(nameof(ImportTelemetryListeners), DisableParallelization = true)]
public sealed class ImportTelemetryListeners;

/// <summary>The import instruments and activities of docs/observability.md.</summary>
[Collection(nameof(ImportTelemetryListeners))]
public sealed class ImportTelemetryTests : IDisposable
{
    private const string SalesforceHeader = "Opportunity ID,Account Name,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account,Owner Region\n";
    private readonly MeterListener meters = new();
    private readonly ActivityListener activities;
    private readonly List<(string Name, string? Unit, double Value, Dictionary<string, object?> Tags)> measurements = [];
    private readonly List<Activity> stopped = [];

    public ImportTelemetryTests()
    {
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "PartnerMetrics.Import")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        meters.Start();
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "PartnerMetrics.Import",
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
    public void Import_CountsRowsByOutcomeOnceTheFileIsRead()
    {
        var profile = ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip };
        var deals = new OpportunityImporter(profile).ReadCsv(new StringReader(SalesforceHeader
            + "006A1,Acme,Closed Won,100,13/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A2,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A3,Acme,Closed Lost,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"));

        // Lazy: nothing is read, so nothing is counted, until the enumeration ends.
        Assert.Empty(Measured("partnermetrics.import.rows"));
        Assert.Equal(2, deals.Count());

        Assert.Equal(
            [("imported", 2.0), ("skipped", 1.0)],
            Measured("partnermetrics.import.rows").Select(m => ((string)m.Tags["partnermetrics.import.outcome"]!, m.Value)));
        Assert.All(Measured("partnermetrics.import.rows"), m => Assert.Equal(("{row}", "opportunities"), (m.Unit, m.Tags["partnermetrics.import.kind"])));
        var duration = Assert.Single(Measured("partnermetrics.import.duration"));
        Assert.Equal(("s", "opportunities"), (duration.Unit, duration.Tags["partnermetrics.operation"]));
        var activity = Assert.Single(stopped);
        Assert.Equal("partnermetrics.import.opportunities", activity.OperationName);
        Assert.Equal((3L, 2L, 1L), ((long)activity.GetTagItem("partnermetrics.import.rows")!, (long)activity.GetTagItem("partnermetrics.import.imported")!, (long)activity.GetTagItem("partnermetrics.import.skipped")!));
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void Import_FailedFile_RecordsTheErrorType()
    {
        var deals = new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader("Opportunity ID,Stage,Amount\n006A1,Closed Won,1\n"));

        Assert.Throws<ImportException>(() => deals.ToList());

        Assert.Equal(typeof(ImportException).FullName, Assert.Single(Measured("partnermetrics.import.duration")).Tags["error.type"]);
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(stopped).Status);
    }

    [Fact]
    public async Task ImportAsync_CountsRowsToo()
    {
        var csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SalesforceHeader + "006A2,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"));
        var count = 0;
        await foreach (var _ in new OpportunityImporter(ImportProfile.Salesforce).ReadCsvAsync(csv))
        {
            count++;
        }

        Assert.Equal(1, count);
        Assert.Equal(1.0, Assert.Single(Measured("partnermetrics.import.rows")).Value);
    }

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (measurements)
        {
            measurements.Add((instrument.Name, instrument.Unit, value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), copy));
        }
    }

    private List<(string Name, string? Unit, double Value, Dictionary<string, object?> Tags)> Measured(string name)
    {
        lock (measurements)
        {
            return [.. measurements.Where(m => m.Name == name)];
        }
    }
}
