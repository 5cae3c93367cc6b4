using System.Text;

namespace PartnerMetrics.Import.Tests;

/// <summary>
/// Salesforce writes a record's id in 15 characters in reports and in 18 in Data Loader and the API (the 15 and a
/// checksum of their capitals). A partners file of one form and evidence of the other matched nothing before: the
/// tasks were "left out, not a partner's", without a problem.
/// </summary>
public class SalesforceIdFormTests
{
    private const string Accounts = "Account ID,Account Name,Type,Created Date\n{0},Aldergrove Cloud Services,Channel Partner / Reseller,12/20/2019\n";
    private const string Tasks = "Activity ID,Account ID,Subject,Due Date,Status,Completed Date,Assigned User Type\n00T5J00000JRZF1UAP,{0},Process rebate payment,11/11/2024,Completed,11/5/2024,Standard\n";
    private const string Deals = "Opportunity ID,Account ID,Stage,Amount,Close Date,Created Date,Type,Partner Account ID\n0065J00000Q6P3IQAV,C-1,Closed Won,\"USD 1,000.00\",3/30/2025,11/2/2024,New Customer,{0}\n";

    [Theory]
    [InlineData("001A0000006Vm9r", "001A0000006Vm9rIAC")]   // Salesforce's own example of the two forms
    [InlineData("0015J00000JRQ5k", "0015J00000JRQ5kQAH")]
    [InlineData("a0B5J000001xYzZ", "a0B5J000001xYzZUAU")]
    public void TheTwoForms_AreEachOthers(string fifteen, string eighteen)
    {
        Assert.Equal(eighteen, PartnerKeys.OtherForm(fifteen));
        Assert.Equal(fifteen, PartnerKeys.OtherForm(eighteen));
    }

    [Theory]
    [InlineData("0015J00000JRQ5kAAA")]     // 18 characters whose suffix is not the checksum
    [InlineData("123456789012345678")]     // an all-digit id of 18 (a HubSpot record): its checksum would be AAA
    [InlineData("0015J00000JRQ5")]
    [InlineData("0015J-0000JRQ5k")]
    public void AnIdOfAnotherKind_HasNoOtherForm(string id) => Assert.Null(PartnerKeys.OtherForm(id));

    [FsCheck.Xunit.Property]
    public FsCheck.Property AnyFifteenLettersAndDigits_GoToEighteenAndBack() =>
        Prop.ForAll(
            Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".ToCharArray()).ArrayOf(15).Select(c => new string(c)).ToArbitrary(),
            id =>
            {
                var eighteen = PartnerKeys.OtherForm(id)!;
                Assert.Equal((18, id), (eighteen.Length, PartnerKeys.OtherForm(eighteen)));
            });

    [Theory]
    [InlineData("0015J00000JRQ5kQAH", "0015J00000JRQ5k")]
    [InlineData("0015J00000JRQ5k", "0015J00000JRQ5kQAH")]
    public void EvidenceAndDeals_InTheOtherForm_AreThePartnersOwn(string partnerFile, string otherFiles)
    {
        var report = new PortfolioImportReport();

        var portfolio = new PortfolioImporter(EvidenceProfile.Salesforce).Import(
            new Dictionary<EvidenceKind, EvidenceSource>
            {
                [EvidenceKind.Partners] = Csv(Accounts, partnerFile),
                [EvidenceKind.Commitments] = Csv(Tasks, otherFiles),
                [EvidenceKind.Opportunities] = Csv(Deals, otherFiles),
            },
            report);

        var partnership = Assert.Single(portfolio.Partnerships);
        Assert.Equal(partnerFile, partnership.Partner.Id.Value);
        Assert.Single(partnership.Commitments);
        Assert.Equal(partnerFile, Assert.Single(partnership.Opportunities).PartnerId!.Value.Value);
        Assert.Equal(0L, report.Files[EvidenceKind.Commitments].Excluded);
    }

    [Theory]
    [InlineData("0015J00000JRQ5k", "0015J00000JRQ5kQAH")]
    [InlineData("0015J00000JRQ5kQAH", "0015J00000JRQ5k")]
    public void OneAccountInBothForms_IsAProblemOfTheSecondRow(string first, string second)
    {
        // Two partnerships of one account would split its evidence between them, each looking half as active.
        var accounts = $"Account ID,Account Name,Type,Created Date\n{first},Aldergrove,Channel Partner / Reseller,12/20/2019\n{second},Aldergrove,Channel Partner / Reseller,12/20/2019\n";

        var error = Assert.Throws<ImportException>(() => EvidenceImportTests.Import((EvidenceKind.Partners, accounts)));

        Assert.Equal($"Partners.csv: line 3, column \"Account ID\", value \"{second}\": the partners file gives this account twice, also as {first} (the {first.Length}-character form of the same Salesforce id).", error.Message);
    }

    private static EvidenceSource Csv(string template, string id) =>
        EvidenceSource.Csv(new MemoryStream(Encoding.UTF8.GetBytes(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id))), "file.csv");
}
