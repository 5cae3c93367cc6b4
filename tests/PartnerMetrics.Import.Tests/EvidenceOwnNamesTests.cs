using System.Text;
using PartnerMetrics.Evidence;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Evidence files may use the fields' own names as headers, with or without a profile (docs/cli.md: "without it the
/// files use PartnerMetrics' own field names"). Without a profile no file could be read at all: the empty profile
/// named no column for any field.
/// </summary>
public class EvidenceOwnNamesTests
{
    [Fact]
    public void WithoutAProfile_TheFieldsOwnNamesAreRead()
    {
        var portfolio = new PortfolioImporter(new EvidenceProfile { Name = "partnermetrics" }).Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = Csv("id,name,type,createdOn\nP-1,Acme,Reseller,2024-01-01\n"),
            [EvidenceKind.Commitments] = Csv("partnerId,side,dueOn,status,doneOn\nP-1,Partner,2025-01-10,Kept,2025-01-09\n"),
        });

        var partnership = Assert.Single(portfolio.Partnerships);
        Assert.Equal(("P-1", "Acme"), (partnership.Partner.Id.Value, partnership.Partner.Name));
        Assert.Equal(CommitmentOutcome.Kept, Assert.Single(partnership.Commitments).Outcome);
    }

    [Fact]
    public void WithAProfile_ItsHeadersComeFirst_AndAnOwnNameIsReadWhenTheyAreAbsent()
    {
        var report = new PortfolioImportReport();

        var portfolio = new PortfolioImporter(EvidenceProfile.Salesforce).Import(
            new Dictionary<EvidenceKind, EvidenceSource>
            {
                [EvidenceKind.Partners] = Csv("Account ID,id,Account Name,Type,Created Date\nP-1,X-9,Acme,Technology Partner,1/1/2024\n"),
            },
            report);

        Assert.Equal("P-1", Assert.Single(portfolio.Partnerships).Partner.Id.Value);
        Assert.Equal("Account ID", report.Files[EvidenceKind.Partners].Columns["id"]);
    }

    /// <summary>A file that cannot be opened as a table is that file's problem: its report names it (the message alone did not).</summary>
    [Fact]
    public void AnEmptyEvidenceFile_IsAProblemOfThatFile()
    {
        var report = new PortfolioImportReport();

        var error = Assert.Throws<ImportException>(() => new PortfolioImporter(new EvidenceProfile { Name = "partnermetrics" }).Import(
            new Dictionary<EvidenceKind, EvidenceSource>
            {
                [EvidenceKind.Partners] = Csv("id,name,type\nP-1,Acme,Reseller\n"),
                [EvidenceKind.Commitments] = EvidenceSource.Csv(new MemoryStream(), "tasks.csv"),
            },
            report));

        var tasks = report.Files[EvidenceKind.Commitments];
        Assert.Equal(("tasks.csv", error.Problem), (tasks.Source, Assert.Single(tasks.Problems)));
        Assert.Contains("the file is empty", error.Message, StringComparison.Ordinal);
    }

    private static EvidenceSource Csv(string text) => EvidenceSource.Csv(new MemoryStream(Encoding.UTF8.GetBytes(text)), "file.csv");
}
