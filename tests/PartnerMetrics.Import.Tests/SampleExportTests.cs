using System.Globalization;
using PartnerMetrics.Health;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// The sample Salesforce export set under docs/samples/salesforce (invented data, written by docs/samples/generate.py),
/// imported with the built-in profile and scored as of its latest evidence day: what the README's quick start shows.
/// </summary>
public class SampleExportTests
{
    /// <summary>The vendor's focus workloads in the sample, as the quick start passes them with --competencies.</summary>
    internal static readonly string[] Competencies = ["Cloud Migration", "Security", "Data & AI", "Modern Workplace"];

    /// <summary>Each partner's score and band as of 2026-10-31 under the default model (version 2.6), in the partners file's order.</summary>
    private static readonly string[] Pinned =
    [
        "0015J00000JRQ5kQAH 29.6 AtRisk",
        "0015J00000JRhfkQAD 33.3 AtRisk",
        "0015J00000JRNnuQAH 40.4 Watch",
        "0015J00000JRi6HQAT 74.9 Healthy",
        "0015J00000JRSuhQAH 46.0 Watch",
        "0015J00000JR50qQAD 74.4 Healthy",
        "0015J00000JRl47QAD 56.4 Watch",
        "0015J00000JRfDUQA1 38.1 AtRisk",
        "0015J00000JRneVQAT 51.0 Watch",
        "0015J00000JRQfBQAX 78.1 Healthy",
        "0015J00000JRxS2QAL 40.3 Watch",
        "0015J00000JRP6UQAX 48.4 Watch",
        "0015J00000JSIVNQA5 57.0 Watch",
        "0015J00000JRIt6QAH 72.6 Healthy",
        "0015J00000JSEBIQA5 59.8 Watch",
        "0015J00000JRzWPQA1 42.5 Watch",
        "0015J00000JRqZDQA1 51.0 Watch",
        "0015J00000JRiM8QAL 40.7 Watch",
        "0015J00000JSBEmQAP 49.4 Watch",
        "0015J00000JRCyjQAH 49.1 Watch",
        "0015J00000JRgApQAL 57.3 Watch",
        "0015J00000JRRa8QAH 46.3 Watch",
        "0015J00000JSAe2QAH 51.6 InsufficientEvidence",
        "0015J00000JR8h0QAD 74.4 Healthy",
        "0015J00000JRX0iQAH 59.8 Watch",
        "0015J00000JQuMQQA1 30.7 AtRisk",
        "0015J00000JQygTQAT 46.2 Watch",
        "0015J00000JRw9AQAT 46.7 Watch",
        "0015J00000JS79DQAT 43.5 Watch",
        "0015J00000JRJk4QAH 60.2 Watch",
        "0015J00000JSFbGQAX 54.2 Watch",
        "0015J00000JR25RQAT 73.7 Healthy",
        "0015J00000JRTlRQAX 38.9 AtRisk",
        "0015J00000JRkjMQAT 58.5 Watch",
        "0015J00000JR5VPQA1 44.7 Watch",
        "0015J00000JRNdgQAH 72.0 Healthy",
    ];

    private static readonly (EvidenceKind Kind, string File)[] Files =
    [
        (EvidenceKind.Partners, "accounts.csv"),
        (EvidenceKind.Commitments, "tasks.csv"),
        (EvidenceKind.Interactions, "events.csv"),
        (EvidenceKind.Cases, "cases.csv"),
        (EvidenceKind.Certifications, "certifications.csv"),
        (EvidenceKind.Deliveries, "deliveries.csv"),
        (EvidenceKind.PlanReviews, "plan-reviews.csv"),
        (EvidenceKind.GoalCheckIns, "goal-checkins.csv"),
        (EvidenceKind.Opportunities, "opportunities.csv"),
    ];

    [Fact]
    public void EveryRowOfTheSample_IsReadOrLeftOutOnPurpose_NoneSkipped()
    {
        var (_, report) = Import();

        var counts = report.Files.ToDictionary(f => f.Key, f => (f.Value.Rows, f.Value.Imported, f.Value.Excluded, f.Value.Skipped));
        Assert.Equal((48L, 36L, 12L, 0L), counts[EvidenceKind.Partners]);
        Assert.Equal((739L, 709L, 30L, 0L), counts[EvidenceKind.Commitments]);
        Assert.Equal((1264L, 1213L, 51L, 0L), counts[EvidenceKind.Interactions]);
        Assert.Equal((217L, 209L, 8L, 0L), counts[EvidenceKind.Cases]);
        Assert.Equal((131L, 131L, 0L, 0L), counts[EvidenceKind.Certifications]);
        Assert.Equal((129L, 129L, 0L, 0L), counts[EvidenceKind.Deliveries]);
        Assert.Equal((149L, 149L, 0L, 0L), counts[EvidenceKind.PlanReviews]);
        Assert.Equal((406L, 406L, 0L, 0L), counts[EvidenceKind.GoalCheckIns]);
        Assert.Equal((467L, 467L, 0L, 0L), counts[EvidenceKind.Opportunities]);
        Assert.All(report.Files.Values.Where(f => f != report.Files[EvidenceKind.Opportunities]), f => Assert.Empty(f.IgnoredColumns));
    }

    [Fact]
    public void TheSamplesScores_AsOfItsLatestEvidence_ArePinned()
    {
        var (portfolio, _) = Import();
        var scorer = new HealthScorer();
        var asOf = new DateOnly(2026, 10, 31);

        var scores = portfolio.Partnerships
            .Select(p => scorer.Score(p, asOf))
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.PartnerId.Value} {r.Score:F1} {r.Band}"))
            .ToList();

        Assert.Equal(Pinned, scores);
    }

    internal static (Portfolio Portfolio, PortfolioImportReport Report) Import()
    {
        var report = new PortfolioImportReport();
        var sources = Files.ToDictionary(f => f.Kind, f => EvidenceSource.Csv(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Samples", "salesforce", f.File)), f.File));
        var profile = EvidenceProfile.Salesforce with { RequiredCompetencies = [.. Competencies] };
        return (new PortfolioImporter(profile).Import(sources, report), report);
    }
}
