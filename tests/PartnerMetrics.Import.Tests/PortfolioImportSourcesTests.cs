namespace PartnerMetrics.Import.Tests;

/// <summary>The files a portfolio import is given: the partners file is required, and the deals file is read with its own lookups.</summary>
public class PortfolioImportSourcesTests
{
    private const string Partners = "Account ID,Account Name,Type,Created Date\nP1,Alpha,Technology Partner,1/1/2024\n";

    [Fact]
    public void APartnersFileThatIsNull_IsToldTheFileIsRequired()
    {
        var error = Assert.Throws<ArgumentException>("sources", () => new PortfolioImporter(EvidenceProfile.Salesforce).Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = null!,
            [EvidenceKind.Opportunities] = EvidenceImportTests.Source("Opportunity ID\n006A\n"),
        }));

        Assert.StartsWith("The partners file is required: every other file's evidence belongs to one of its partners.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDealsFile_IsReadWithTheLookupsOfTheDealsProfile()
    {
        var profile = EvidenceProfile.Salesforce with
        {
            Opportunities = ImportProfile.Salesforce with { Lookups = [new ImportLookupColumn { Field = "district", KeyColumn = "Owner" }] },
        };
        var offices = ImportLookup.FromCsv("district", new StringReader("Owner,Office\nAnna,West\nBo,East\n"), "Owner", "Office");
        var importer = new PortfolioImporter(profile, [new EvidenceLookup(EvidenceKind.Opportunities, offices)]);

        var portfolio = importer.Import(new Dictionary<EvidenceKind, EvidenceSource>
        {
            [EvidenceKind.Partners] = EvidenceImportTests.Source(Partners),
            [EvidenceKind.Opportunities] = EvidenceImportTests.Source("Opportunity ID,Account ID,Stage,Close Date,Created Date,Type,Partner Account ID,Owner\n"
                + "006A,C9,Prospecting,9/1/2025,3/3/2025,New Customer,P1,Bo\n"
                + "006B,C8,Prospecting,9/1/2025,3/3/2025,New Customer,P1,Anna\n"),
        });

        Assert.Equal(["East", "West"], Assert.Single(portfolio.Partnerships).Opportunities.Select(d => d.District));
    }
}
