using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// When the import records its telemetry (any one instrument or the activity source listened to is enough), what one
/// file's import counts when its report already holds another file's, and which activity is current when it ends.
/// </summary>
[Collection(nameof(ImportTelemetryListeners))]
public sealed class ImportTelemetryScopeTests
{
    private const string SalesforceHeader = "Opportunity ID,Account Name,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account,Owner Region\n";
    private const string GoodRow = "006A2,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n";

    [Fact]
    public void Instruments_AreNamedWithTheirUnitsAndDescriptions()
    {
        var published = new List<(string Name, string? Unit, string? Description)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "PartnerMetrics.Import")
                {
                    published.Add((instrument.Name, instrument.Unit, instrument.Description));
                }
            },
        };
        listener.Start();

        Assert.Equal(
            [
                ("partnermetrics.import.duration", "s", "How long an import took, from the first row read to the last."),
                ("partnermetrics.import.rows", "{row}", "Rows read from CRM exports, by file kind and outcome: imported, skipped (rejected for a problem) or excluded (left out on purpose)."),
            ],
            published.OrderBy(p => p.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void OnlyTheRowCounter_Listened_RowsAreStillCounted()
    {
        var measured = new List<(string Name, long Value)>();
        using var listener = Listen("partnermetrics.import.rows", measured);

        Assert.Single(Import(SalesforceHeader + GoodRow));

        Assert.Equal([("partnermetrics.import.rows", 1L)], measured);
    }

    [Fact]
    public void OnlyTheDuration_Listened_TheDurationIsStillRecorded()
    {
        var measured = new List<(string Name, long Value)>();
        using var listener = Listen("partnermetrics.import.duration", measured);

        Assert.Single(Import(SalesforceHeader + GoodRow));

        Assert.Equal(["partnermetrics.import.duration"], measured.Select(m => m.Name));
    }

    [Fact]
    public void OnlyTheActivitySource_Listened_TheImportIsTraced()
    {
        var stopped = new List<Activity>();
        using var listener = Trace(stopped);

        Assert.Single(Import(SalesforceHeader + GoodRow));

        var import = Assert.Single(stopped);
        Assert.Equal(("partnermetrics.import.opportunities", 1L, 1L), (import.OperationName, (long)import.GetTagItem("partnermetrics.import.rows")!, (long)import.GetTagItem("partnermetrics.import.imported")!));
    }

    [Fact]
    public void AReportThatAlreadyCountsAnotherFile_TheImportCountsOnlyItsOwnRows()
    {
        var measured = new List<(string Name, string? Outcome, long Value)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "PartnerMetrics.Import")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? outcome = null;
            foreach (var tag in tags)
            {
                outcome = tag.Key == "partnermetrics.import.outcome" ? (string?)tag.Value : outcome;
            }

            measured.Add((instrument.Name, outcome, value));
        });
        meters.Start();
        var stopped = new List<Activity>();
        using var activities = Trace(stopped);

        // The report holds an earlier file's counts: 10 rows, 6 imported, 3 skipped and 1 left out.
        var report = new ImportReport { Rows = 10, Imported = 6, Skipped = 3, Excluded = 1 };
        var deals = new OpportunityImporter(ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip }).ReadCsv(new StringReader(SalesforceHeader
            + GoodRow
            + "006A3,Acme,Closed Won,100,13/14/2024,3/2/2024,New Customer,Web,,EMEA\n"
            + "006A4,Acme,Closed Lost,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"), report).ToList();

        // This file: 3 rows, 2 imported, 1 skipped, none left out; the report adds them to the earlier counts.
        Assert.Equal(2, deals.Count);
        Assert.Equal((13L, 8L, 4L, 1L), (report.Rows, report.Imported, report.Skipped, report.Excluded));
        Assert.Equal([("partnermetrics.import.rows", "imported", 2L), ("partnermetrics.import.rows", "skipped", 1L)], measured);
        var import = Assert.Single(stopped);
        Assert.Equal((3L, 2L, 1L), ((long)import.GetTagItem("partnermetrics.import.rows")!, (long)import.GetTagItem("partnermetrics.import.imported")!, (long)import.GetTagItem("partnermetrics.import.skipped")!));
    }

    [Fact]
    public void ABadRowInABlockParsedOnThePool_RecordsTheErrorType()
    {
        var durations = new List<string?>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "partnermetrics.import.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            string? error = null;
            foreach (var tag in tags)
            {
                error = tag.Key == "error.type" ? (string?)tag.Value : error;
            }

            durations.Add(error);
        });
        meters.Start();
        var stopped = new List<Activity>();
        using var activities = Trace(stopped);
        var rows = ParallelCsvTests.LargeExport(400).Split("\r\n");
        rows[200] = "006X,Acme,Closed Won,100,6/14/2024,3/2/2024,Hunting,Web,,EMEA";
        var importer = new OpportunityImporter(ImportProfile.Salesforce) { MaxDegreeOfParallelism = 2, BlockBytes = 2_048 };

        var error = Assert.Throws<ImportException>(() => importer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", rows)))).ToList());

        Assert.Equal(("Type", 201L), (error.Problem!.Column, error.Problem.Line));
        Assert.Equal([typeof(ImportException).FullName], durations);
        var import = Assert.Single(stopped);
        Assert.Equal((ActivityStatusCode.Error, typeof(ImportException).FullName), (import.Status, import.GetTagItem("error.type")));
    }

    [Fact]
    public void TheCallerStartsAnActivityWhileRowsAreRead_ItIsStillCurrentWhenTheImportEnds()
    {
        using var source = new ActivitySource("PartnerMetrics.Import.Tests.Caller");
        using var callerListener = Sample(source);
        var stopped = new List<Activity>();
        using var importListener = Trace(stopped);
        using var caller = source.StartActivity("caller")!;

        var deals = new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader(SalesforceHeader + GoodRow + "006A3,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"));
        using (var enumerator = deals.GetEnumerator())
        {
            Assert.True(enumerator.MoveNext());

            // The caller handles the first deal in an activity of its own, still open when the import ends.
            using var handling = source.StartActivity("handling")!;
            Assert.True(enumerator.MoveNext());
            Assert.False(enumerator.MoveNext());
            Assert.Same(handling, Activity.Current);
        }

        var import = Assert.Single(stopped);
        Assert.Same(caller, import.Parent);
    }

    private static List<Opportunity> Import(string csv) => [.. new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader(csv))];

    /// <summary>Listens to one instrument of the import meter only, recording each measurement's instrument and (for a counter) value.</summary>
    private static MeterListener Listen(string instrumentName, List<(string Name, long Value)> measured)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == "PartnerMetrics.Import" && instrument.Name == instrumentName)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured.Add((instrument.Name, value)));
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => measured.Add((instrument.Name, 0)));
        listener.Start();
        return listener;
    }

    /// <summary>Samples every activity of a caller's <paramref name="source"/>, so that it starts one.</summary>
    internal static ActivityListener Sample(ActivitySource source)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>Listens to the import's activity source only, recording each stopped activity.</summary>
    internal static ActivityListener Trace(List<Activity> stopped)
    {
        var listener = new ActivityListener
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
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
