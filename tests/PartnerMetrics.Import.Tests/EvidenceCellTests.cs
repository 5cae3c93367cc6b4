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

    /// <summary>
    /// A percentage is a number of hundredths: read on a scale of [0, 100] as the number shown, but on another scale that
    /// number means something else, so it is a problem of its cell rather than 4 % read as 4 stars of five (0.75), or 0.5 %
    /// on a scale of [0, 1] as one half. A percentage off the scale stays the problem of a value off the scale.
    /// </summary>
    [Fact]
    public void APercentage_OnAScaleOtherThanAHundred_IsAProblem_NotTheNumberShownOnThatScale()
    {
        var stars = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Deliveries, "Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,Yes,4%\n")));
        Assert.Equal(
            (2L, "CSAT", "4%", "a percentage, but the profile's scale of 'satisfaction' is [1, 5], not [0, 100]: write the value on that scale, or give the profile the scale [0, 100]."),
            (stars.Problem!.Line, stars.Problem.Column, stars.Problem.Value, stars.Problem.Message));

        var reviews = EvidenceProfile.Salesforce.Tables[EvidenceKind.PlanReviews];
        var fractions = EvidenceProfile.Salesforce with { Tables = EvidenceProfile.Salesforce.Tables.SetItem(EvidenceKind.PlanReviews, reviews with { Scales = reviews.Scales.SetItem("alignment", [0m, 1m]) }) };
        var half = Assert.Throws<ImportException>(() => EvidenceImportTests.Import(
            fractions,
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.PlanReviews, "Account ID,Plan Created,Review Date,Business Alignment %\nP1,1/10/2025,2/10/2025,0.5%\n")));
        Assert.Equal(
            ("Business Alignment %", "0.5%", "a percentage, but the profile's scale of 'alignment' is [0, 1], not [0, 100]: write the value on that scale, or give the profile the scale [0, 100]."),
            (half.Problem!.Column, half.Problem.Value, half.Problem.Message));

        // The same numbers without the sign are numbers on the scale.
        var (portfolio, _) = EvidenceImportTests.Import(
            fractions,
            (EvidenceKind.Partners, Accounts),
            (EvidenceKind.Deliveries, "Account ID,Completion Date,Delivered On Time,CSAT\nP1,6/1/2025,Yes,4\n"),
            (EvidenceKind.PlanReviews, "Account ID,Plan Created,Review Date,Business Alignment %\nP1,1/10/2025,2/10/2025,0.5\n"));
        var partnership = Assert.Single(portfolio.Partnerships);
        Assert.Equal((0.75, 0.5), (Assert.Single(partnership.Deliveries).Satisfaction, Assert.Single(partnership.JointPlan!.Reviews).BusinessAlignment!.Value));
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
