using System.Diagnostics;
using System.Diagnostics.Metrics;
using PartnerMetrics.Tests;

namespace PartnerMetrics.Import.Tests;

/// <summary>Tests that listen to the process-wide meter and activity source run alone, so no other test's imports mix in.</summary>
[CollectionDefinition(nameof(ImportTelemetryListeners), DisableParallelization = true)]
public sealed class ImportTelemetryListeners;

/// <summary>The import instruments and activities of docs/observability.md.</summary>
[Collection(nameof(ImportTelemetryListeners))]
public sealed class ImportTelemetryTests : IDisposable
{
    private const string SalesforceHeader = "Opportunity ID,Account Name,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account,Owner Region\n";
    private readonly MeasurementRecorder meters = new("PartnerMetrics.Import");
    private readonly ActivityListener activities;
    private readonly List<Activity> stopped = [];

    public ImportTelemetryTests()
    {
        activities = ImportTelemetryScopeTests.Trace(stopped);
    }

    public void Dispose()
    {
        meters.Dispose();
        activities.Dispose();
    }

    [Fact]
    public void Duration_AdvisesTheSemanticConventionsBoundariesForSeconds_AsTheLibrarysHistogramsDo()
    {
        // docs/observability.md: the histograms advise the OpenTelemetry bucket boundaries for durations in seconds, 0.005 s
        // to 10 s, on .NET 9 and later (these tests run on .NET 10). Without advice an exporter's default boundaries, made for
        // milliseconds (0, 5, 10, 25, … 10,000), would put every import of under five seconds in one bucket. An import first,
        // so that the instruments exist when the listener starts, whichever test ran before.
        Assert.Empty(new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader(SalesforceHeader)));
        Histogram<double>? duration = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "PartnerMetrics.Import" && instrument is Histogram<double> histogram)
                {
                    duration = histogram;
                }
            },
        };
        listener.Start();

        Assert.Equal("partnermetrics.import.duration", duration?.Name);
        Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10], duration!.Advice?.HistogramBucketBoundaries ?? []);
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
        Assert.Empty(meters.Of("partnermetrics.import.rows"));
        Assert.Equal(2, deals.Count());

        Assert.Equal(
            [("imported", 2.0), ("skipped", 1.0)],
            meters.Of("partnermetrics.import.rows").Select(m => ((string)m.Tags["partnermetrics.import.outcome"]!, m.Value)));
        Assert.All(meters.Of("partnermetrics.import.rows"), m => Assert.Equal(("{row}", "opportunities"), (m.Unit, m.Tags["partnermetrics.import.kind"])));
        var duration = Assert.Single(meters.Of("partnermetrics.import.duration"));
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

        Assert.Equal(typeof(ImportException).FullName, Assert.Single(meters.Of("partnermetrics.import.duration")).Tags["error.type"]);
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
        Assert.Equal(1.0, Assert.Single(meters.Of("partnermetrics.import.rows")).Value);
    }

    [Fact]
    public void Import_WhileTheCallerHasAnActivity_IsItsChild_AndLeavesItCurrent()
    {
        using var source = new ActivitySource("PartnerMetrics.Import.Tests.Caller");
        using var listener = ImportTelemetryScopeTests.Sample(source);
        using var caller = source.StartActivity("caller")!;

        var deals = new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader(SalesforceHeader + "006A2,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"));
        using (var enumerator = deals.GetEnumerator())
        {
            Assert.True(enumerator.MoveNext());
            Assert.Same(caller, Activity.Current);   // between rows the caller's activity is current, not the import's
            Assert.False(enumerator.MoveNext());
        }

        Assert.Same(caller, Activity.Current);
        var import = Assert.Single(stopped);
        Assert.Same(caller, import.Parent);
        Assert.Equal(("opportunities", ActivityStatusCode.Unset), (import.GetTagItem("partnermetrics.operation"), import.Status));
        Assert.Null(import.GetTagItem("error.type"));
        Assert.DoesNotContain("error.type", Assert.Single(meters.Of("partnermetrics.import.duration")).Tags.Keys);
    }

    [Fact]
    public void PortfolioImport_CountsEachFilesRowsByKind_AndTagsThePartnerships()
    {
        var (portfolio, _) = EvidenceImportTests.Import(
            (EvidenceKind.Partners, "Account ID,Account Name,Type,Created Date\nP1,Alpha,Technology Partner,1/1/2024\nP2,Beta,Distributor,1/1/2024\nC1,Customer,Customer - Direct,1/1/2024\n"),
            (EvidenceKind.Interactions, "Account ID,Date,Type,Assigned User Type\nP1,4/4/2025,Call,Standard\nP1,4/4/2025,Task,Standard\n"),
            (EvidenceKind.Opportunities, "Opportunity ID,Account ID,Stage,Close Date,Created Date,Type,Partner Account ID\n006A,C9,Prospecting,9/1/2025,3/3/2025,New Customer,P1\n"));

        Assert.Equal(2, portfolio.Partnerships.Length);
        var rows = meters.Of("partnermetrics.import.rows").Select(m => ((string)m.Tags["partnermetrics.import.kind"]!, (string)m.Tags["partnermetrics.import.outcome"]!, m.Value)).ToList();
        Assert.Equal(
            [("opportunities", "imported", 1.0), ("partners", "imported", 2.0), ("partners", "excluded", 1.0), ("interactions", "imported", 1.0), ("interactions", "excluded", 1.0)],
            rows);
        var activities = stopped.ToDictionary(a => a.OperationName);
        var import = activities["partnermetrics.import.portfolio"];
        Assert.Equal((2, 5L, 3L, 0L), ((int)import.GetTagItem("partnermetrics.partnerships")!, (long)import.GetTagItem("partnermetrics.import.rows")!, (long)import.GetTagItem("partnermetrics.import.imported")!, (long)import.GetTagItem("partnermetrics.import.skipped")!));
        Assert.Equal("portfolio", import.GetTagItem("partnermetrics.operation"));
        Assert.Same(import, activities["partnermetrics.import.opportunities"].Parent);
        Assert.Equal(["opportunities", "portfolio"], meters.Of("partnermetrics.import.duration").Select(m => (string)m.Tags["partnermetrics.operation"]!).Order(StringComparer.Ordinal));
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void PortfolioImport_OfEveryKindOfFile_TagsEachKindAsTheDocsNameIt()
    {
        // docs/observability.md lists the values of partnermetrics.import.kind; the sample export set has a file of each
        // kind, so its import counts rows under all nine, each kind's imported and excluded rows as its report gives them
        // (the sample has no skipped row, and a count of 0 is not recorded).
        var (_, report) = SampleExportTests.Import();

        var rows = meters.Of("partnermetrics.import.rows")
            .GroupBy(m => (string)m.Tags["partnermetrics.import.kind"]!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(m => (string)m.Tags["partnermetrics.import.outcome"]!, m => (long)m.Value, StringComparer.Ordinal), StringComparer.Ordinal);

        Assert.Equal(
            ["cases", "certifications", "commitments", "deliveries", "goalcheckins", "interactions", "opportunities", "partners", "planreviews"],
            rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Files, file =>
        {
            var counted = rows[file.Key.ToString().ToLowerInvariant()];
            Assert.Equal(file.Value.Imported, counted["imported"]);
            Assert.Equal(file.Value.Excluded, counted.GetValueOrDefault("excluded"));
            Assert.False(counted.ContainsKey("skipped"));
        });
    }

    [Fact]
    public void PortfolioImport_AReportGivenAgain_CountsOnlyThisImportsRows()
    {
        // The report adds each import's rows to the earlier ones' (2, then 4): the second import read 2 rows, not 4.
        var report = new PortfolioImportReport();
        for (var i = 0; i < 2; i++)
        {
            var partners = "Account ID,Account Name,Type,Created Date\nP1,Alpha,Technology Partner,1/1/2024\nP2,Beta,Distributor,1/1/2024\n";
            new PortfolioImporter(EvidenceProfile.Salesforce).Import(
                new Dictionary<EvidenceKind, EvidenceSource> { [EvidenceKind.Partners] = EvidenceSource.Csv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(partners)), "partners.csv") },
                report);
        }

        Assert.Equal(4, report.Files[EvidenceKind.Partners].Rows);
        Assert.Equal([2.0, 2.0], meters.Of("partnermetrics.import.rows").Select(m => m.Value));
        Assert.Equal([2L, 2L], stopped.Select(a => (long)a.GetTagItem("partnermetrics.import.rows")!));
    }

    [Fact]
    public void PortfolioImport_Failed_RecordsTheErrorOnTheActivity()
    {
        Assert.Throws<ImportException>(() => EvidenceImportTests.Import((EvidenceKind.Partners, "Account ID,Account Name\nP1,Alpha\n")));

        var import = Assert.Single(stopped);
        Assert.Equal((ActivityStatusCode.Error, typeof(ImportException).FullName), (import.Status, import.GetTagItem("error.type")));
        Assert.StartsWith("Partners.csv: line 1: the partners file has no column for 'type'", import.StatusDescription, StringComparison.Ordinal);
        Assert.Equal(typeof(ImportException).FullName, Assert.Single(meters.Of("partnermetrics.import.duration")).Tags["error.type"]);
        Assert.Null(Activity.Current);
    }

    [Fact]
    public void NothingListening_NothingIsRecorded_AndTheImportStillCounts()
    {
        meters.Dispose();
        activities.Dispose();
        var report = new ImportReport();

        Assert.Single(new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader(SalesforceHeader + "006A2,Acme,Closed Won,100,6/14/2024,3/2/2024,New Customer,Web,,EMEA\n"), report));

        Assert.True(meters.IsEmpty);
        Assert.Empty(stopped);
        Assert.Equal((1L, 1L), (report.Rows, report.Imported));
    }

}
