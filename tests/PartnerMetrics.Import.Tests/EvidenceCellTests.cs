namespace PartnerMetrics.Import.Tests;

/// <summary>How an evidence file's timestamps and numbers are read from text: a required one left empty, and one that is not a timestamp or a number, each a problem with its line, column, value and a sentence the user can act on.</summary>
public class EvidenceCellTests
{
    private const string Accounts = "Account ID,Account Name,Type,Created Date\nP1,Alpha,Technology Partner,1/1/2024\n";

    [Fact]
    public void Cases_AnEmptyOpeningTime_IsAProblem_AValueIsRequired()
    {
        var error = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Cases, "Account ID,Escalated,Date/Time Opened,First Response\nP1,0,5/1/2025 9:00 AM,5/1/2025 10:00 AM\nP1,0,,5/1/2025 10:00 AM\n")));

        Assert.Equal((3L, "Date/Time Opened", (string?)null, "a value is required."), (error.Problem!.Line, error.Problem.Column, error.Problem.Value, error.Problem.Message));
    }

    [Fact]
    public void Cases_AnOpeningTimeThatIsNoTimestamp_IsAProblem_NamingEveryFormatOfTheProfile()
    {
        var profile = EvidenceProfile.Salesforce with { DateFormats = ["M/d/yyyy h:mm tt", "M/d/yyyy"] };

        var error = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(
            profile,
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Cases, "Account ID,Escalated,Date/Time Opened,First Response\nP1,0,yesterday,5/1/2025 10:00 AM\n")));

        Assert.Equal((2L, "Date/Time Opened", "yesterday"), (error.Problem!.Line, error.Problem.Column, error.Problem.Value));
        Assert.Equal("not a day in the form M/d/yyyy h:mm tt or M/d/yyyy.", error.Problem.Message);
    }

    [Fact]
    public void Deliveries_AnEmptySatisfaction_IsAProblem_AValueIsRequired()
    {
        var error = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Deliveries, "Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,Yes,\n")));

        Assert.Equal((2L, "CSAT", (string?)null, "a value is required."), (error.Problem!.Line, error.Problem.Column, error.Problem.Value, error.Problem.Message));
    }

    [Theory]
    [InlineData(".", "not a number such as 1,234.5.")]
    [InlineData(",", "not a number such as 1.234,5.")]
    public void Deliveries_ASatisfactionThatIsNoNumber_IsAProblem_ShowingANumberWrittenAsTheProfileWritesThem(string separator, string message)
    {
        var error = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(
            EvidenceProfile.Salesforce with { DecimalSeparator = separator },
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Deliveries, "Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,Yes,four\n")));

        Assert.Equal((2L, "CSAT", "four", message), (error.Problem!.Line, error.Problem.Column, error.Problem.Value, error.Problem.Message));
    }

    [Fact]
    public void Deliveries_ASatisfactionWithTheProfilesDecimalComma_IsRead()
    {
        var (portfolio, _) = EvidenceImportTests.Import(
            EvidenceProfile.Salesforce with { DecimalSeparator = "," },
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Deliveries, "Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,Yes,\"4,5\"\n"));

        // 4.5 on the scale from 1 to 5: (4.5 - 1) / (5 - 1) = 0.875.
        Assert.Equal(0.875, Assert.Single(Assert.Single(portfolio.Partnerships).Deliveries).Satisfaction);
    }

    [Theory]
    [InlineData("85%", 0.85)]
    [InlineData("85 %", 0.85)]
    [InlineData("85", 0.85)]
    [InlineData("12.5%", 0.125)]
    public void Alignment_AsAPercentageOrANumber_IsTheNumberShownOnTheScale(string alignment, double expected)
    {
        // A worksheet saved as CSV writes a percent cell as "85%": read as the number shown, as the cell itself is.
        var (portfolio, _) = EvidenceImportTests.Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.PlanReviews, $"Account ID,Plan Created,Review Date,Business Alignment %\nP1,1/10/2025,2/10/2025,{alignment}\n"));

        Assert.Equal(expected, Assert.Single(Assert.Single(portfolio.Partnerships).JointPlan!.Reviews).BusinessAlignment!.Value, 12);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("85%%")]
    [InlineData("% 85")]
    public void Alignment_APercentSignWithoutOneNumberBeforeIt_IsAProblem(string alignment)
    {
        var error = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.PlanReviews, $"Account ID,Plan Created,Review Date,Business Alignment %\nP1,1/10/2025,2/10/2025,{alignment}\n")));

        Assert.Equal(("Business Alignment %", alignment), (error.Problem!.Column, error.Problem.Value));
    }

    [Fact]
    public void AHeaderAfterAByteOrderMarkInDecodedText_IsMatched()
    {
        // A caller that read the file into a string keeps its byte-order mark: the first header was "\uFEFFAccount ID".
        var deals = new OpportunityImporter(ImportProfile.PartnerMetrics).ReadCsv(new StringReader("\uFEFFId,Account ID,Created On,Motion,Outcome\nO-1,A-1,2024-01-01,NewLogo,Open\n")).ToList();

        Assert.Equal("O-1", Assert.Single(deals).Id.Value);
    }
}
