using System.Globalization;
using System.Text;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// A portfolio holds a deal once: a deals file that gives an id twice makes the later row a problem of the deals file,
/// where it stopped the import with the model's own error (naming no file or line) or dropped the whole partnership.
/// </summary>
public class DealIdRepeatTests
{
    private const string Accounts = """
        Account ID,Account Name,Type,Partner Tier,Region,Partner Since,Created Date
        P1,Alpha Partners,Channel Partner / Reseller,Gold,EMEA,1/15/2025,3/1/2020
        P2,Beta Systems,Installation Partner,Silver,AMER,,6/1/2024
        """;

    private const string Header = "Opportunity ID,Account ID,Stage,Amount,Close Date,Created Date,Type,Lead Source,Partner Account ID,Owner Region";

    [Theory]
    [InlineData("P1", "P1")]   // one partnership's deals
    [InlineData("P1", "P2")]   // two partnerships'
    [InlineData("P1", "")]     // a partnership's and the portfolio's own
    [InlineData("", "")]       // the portfolio's own twice
    public void ARepeatedId_StopsTheImport_AtTheLaterRow(string first, string second)
    {
        var report = new PortfolioImportReport();

        var error = Assert.Throws<ImportException>(() => Import(EvidenceProfile.Salesforce, Deals(Row("006A", 100, first), Row("006A", 200, second)), report));

        Assert.Equal((3L, "Opportunity ID", "006A"), (error.Problem!.Line, error.Problem.Column, error.Problem.Value));
        Assert.Contains("first on line 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Problem, report.Files[EvidenceKind.Opportunities].Problems.Single());
    }

    [Fact]
    public void UnderSkip_TheLaterRowIsSkipped_AndThePartnershipKeepsTheFirst()
    {
        var report = new PortfolioImportReport();

        var portfolio = Import(Skipping(), Deals(Row("006A", 100, "P1"), Row("006B", 300, "P1"), Row("006A", 200, "P1"), Row("006A", 400, "")), report);

        var partnership = portfolio.Partnerships.Single(p => p.Partner.Id.Value == "P1");
        Assert.Equal([("006A", 100m), ("006B", 300m)], partnership.Opportunities.Select(o => (o.Id.Value, o.Amount!.Value)));
        Assert.Empty(portfolio.Opportunities);
        var deals = report.Files[EvidenceKind.Opportunities];
        Assert.Equal((4L, 2L, 2L), (deals.Rows, deals.Imported, deals.Skipped));
        Assert.Equal([4L, 5L], deals.Problems.Select(p => p.Line));
    }

    [Fact]
    public void ARowSkippedForItsProblems_LeavesItsIdFree()
    {
        var report = new PortfolioImportReport();
        var bad = Row("006A", 100, "P1").Replace("Closed Won", string.Empty, StringComparison.Ordinal);

        var portfolio = Import(Skipping(), Deals(bad, Row("006A", 200, "P1")), report);

        Assert.Equal(200m, portfolio.Partnerships[0].Opportunities.Single().Amount);
        Assert.Equal("Stage", report.Files[EvidenceKind.Opportunities].Problems.Single().Column);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IdsInDifferentBlocks_AreFound_InFileOrder(bool into)
    {
        // Blocks of 512 bytes on four threads, each thread with its own row reader: the check reads the file in order on
        // one thread instead, or a repeat parsed by another thread, or before its first, would be missed or misplaced.
        var rows = Enumerable.Range(0, 400).Select(i => Row(string.Create(CultureInfo.InvariantCulture, $"006{i:D4}"), 100 + i, "P1")).ToList();
        rows.AddRange(rows.Where((_, i) => i % 50 == 7).Reverse().ToList());
        var csv = new MemoryStream(Encoding.UTF8.GetBytes(Deals([.. rows])));
        var importer = new OpportunityImporter(ImportProfile.Salesforce with { BadRows = BadRowPolicy.Skip }) { MaxDegreeOfParallelism = 4, BlockBytes = 512, UniqueIds = true };
        var report = new ImportReport();

        var deals = new List<Opportunity>();
        if (into)
        {
            // No block's accumulator is made: every deal is added to the caller's, in file order.
            importer.ReadCsvInto(csv, deals, () => throw new InvalidOperationException("a block was parsed on the pool"), (list, deal) => list.Add(deal), (list, block) => list.AddRange(block), report);
        }
        else
        {
            deals.AddRange(importer.ReadCsv(csv, report));
        }

        Assert.Equal(400, deals.Count);
        Assert.Equal(
            [(402L, "0060357", 359L), (403L, "0060307", 309L), (404L, "0060257", 259L), (405L, "0060207", 209L), (406L, "0060157", 159L), (407L, "0060107", 109L), (408L, "0060057", 59L), (409L, "0060007", 9L)],
            report.Problems.Select(p => (p.Line, p.Value!, long.Parse(p.Message.Split("first on line ")[1].Split(';')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void AListOfDealsForThePipeline_IsNotChecked()
    {
        // The pipeline's reader holds no ids (docs/import.md): a repeated id counts twice there.
        var deals = new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Deals(Row("006A", 100, "P1"), Row("006A", 200, "P1")))));

        Assert.Equal(2, deals.Count());
    }

    [Fact]
    public void TheEvidenceProfilesPolicy_IsTheDealsFilesToo()
    {
        // The deals profile's own policy was read for the deals file, so Skip in the evidence profile still stopped there.
        var deals = Deals(Row("006A", 100, "P1").Replace("1/1/2025", "13/45/2025", StringComparison.Ordinal), Row("006B", 200, "P1"));
        var report = new PortfolioImportReport();

        var portfolio = Import(Skipping(), deals, report);
        var failing = EvidenceProfile.Salesforce with { Opportunities = EvidenceProfile.Salesforce.Opportunities! with { BadRows = BadRowPolicy.Skip } };

        Assert.Equal("006B", portfolio.Partnerships[0].Opportunities.Single().Id.Value);
        Assert.Equal((2L, "Created Date"), (report.Files[EvidenceKind.Opportunities].Problems.Single().Line, report.Files[EvidenceKind.Opportunities].Problems.Single().Column!));
        Assert.Equal(2L, Assert.Throws<ImportException>(() => Import(failing, deals, new PortfolioImportReport())).Problem!.Line);
    }

    private static EvidenceProfile Skipping() => EvidenceProfile.Salesforce with { BadRows = BadRowPolicy.Skip };

    private static string Row(string id, int amount, string partner) => string.Create(
        CultureInfo.InvariantCulture,
        $"{id},C9,Closed Won,{amount},6/1/2025,1/1/2025,New Customer,Partner Referral,{partner},EMEA");

    private static string Deals(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static Portfolio Import(EvidenceProfile profile, string deals, PortfolioImportReport report)
    {
        var sources = new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceSource.Csv(new MemoryStream(Encoding.UTF8.GetBytes(Accounts)), "accounts.csv"),
            [EvidenceKind.Opportunities] = EvidenceSource.Csv(new MemoryStream(Encoding.UTF8.GetBytes(deals)), "deals.csv"),
        };
        return new PortfolioImporter(profile).Import(sources, report);
    }
}
