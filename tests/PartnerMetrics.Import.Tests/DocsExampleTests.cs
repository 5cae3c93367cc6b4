using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>The code of docs/import.md, compiled and run here (the page quotes the region verbatim; DocsSnippetTests checks it).</summary>
public class DocsExampleTests
{
    [Fact]
    public void QuickStart_ImportsTheSalesforceExport()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "salesforce-opportunities.csv");

        // docs:begin import-quick-start
        var importer = new OpportunityImporter(ImportProfile.Salesforce);
        var report = new ImportReport();
        var accumulator = new PipelineAccumulator();
        using (var file = File.OpenRead(path))
        {
            foreach (var deal in importer.ReadCsv(file, report))   // streams: the file is never held in memory
            {
                accumulator.Add(deal);
            }
        }

        Console.WriteLine(report);                   // "320 rows: 320 imported, 0 skipped; 0 columns ignored"
        PipelineResult result = accumulator.Result();
        // docs:end import-quick-start

        Assert.Equal("320 rows: 320 imported, 0 skipped; 0 columns ignored", report.ToString());
        Assert.Equal(320, result.Count);
    }
}
