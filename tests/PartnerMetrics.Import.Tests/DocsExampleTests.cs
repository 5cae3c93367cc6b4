using PartnerMetrics.Health;
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

    [Fact]
    public void EvidenceQuickStart_ImportsAndScoresTheSampleExports()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Samples", "salesforce");

        // docs:begin evidence-quick-start
        var profile = EvidenceProfile.Salesforce with { RequiredCompetencies = ["Cloud Migration", "Security", "Data & AI", "Modern Workplace"] };
        var report = new PortfolioImportReport();
        Portfolio portfolio;
        using (var accounts = File.OpenRead(Path.Combine(folder, "accounts.csv")))
        using (var tasks = File.OpenRead(Path.Combine(folder, "tasks.csv")))
        using (var cases = File.OpenRead(Path.Combine(folder, "cases.csv")))
        {
            portfolio = new PortfolioImporter(profile).Import(
                new Dictionary<EvidenceKind, EvidenceSource>
                {
                    [EvidenceKind.Partners] = EvidenceSource.Csv(accounts, "accounts.csv"),
                    [EvidenceKind.Commitments] = EvidenceSource.Csv(tasks, "tasks.csv"),
                    [EvidenceKind.Cases] = EvidenceSource.Csv(cases, "cases.csv"),
                },
                report);
        }

        Console.WriteLine(report.Files[EvidenceKind.Commitments]);   // "739 rows: 709 imported, 0 skipped, 30 left out; 0 columns ignored"
        var health = new HealthScorer().Score(portfolio.Partnerships[0], new DateOnly(2026, 10, 31));
        // docs:end evidence-quick-start

        Assert.Equal("739 rows: 709 imported, 0 skipped, 30 left out; 0 columns ignored", report.Files[EvidenceKind.Commitments].ToString());
        Assert.Equal(36, portfolio.Partnerships.Length);
        Assert.InRange(health.Score, 0, 100);
    }
}
