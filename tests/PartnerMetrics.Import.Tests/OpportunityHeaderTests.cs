
namespace PartnerMetrics.Import.Tests;

/// <summary>How a deal export's header is mapped: what a header without the required columns is told, which of two columns for one field is read, and a lookup's key column wherever it stands.</summary>
public class OpportunityHeaderTests
{
    [Fact]
    public void AHeaderWithNoRequiredColumn_IsToldEveryMissingField_WhatItIs_AndTheHeadersThatWouldGiveIt()
    {
        var report = new ImportReport();

        var error = Assert.Throws<ImportException>(() => new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader("Amount,Notes\n100,x\n"), report).ToList());

        Assert.Equal(
            "line 1: no column gives 'id', the opportunity id (the profile accepts \"Opportunity ID\", \"Opportunity ID (18)\"); "
            + "no column gives 'accountId', the customer account (the profile accepts \"Account ID\", \"Account Name\"); "
            + "no column gives 'createdOn', the day the deal originated (the profile accepts \"Created Date\"); "
            + "no column gives 'outcome' or 'stage', so no deal can be told open, won or lost; "
            + "no column gives 'motion', new logo or farming; or set \"inferMotion\": true to infer it from each account's history (the profile accepts \"Type\", \"Opportunity Type\"). "
            + "The header has \"Amount\", \"Notes\"; columns are separated by commas.",
            error.Message);
        Assert.Same(error.Problem, Assert.Single(report.Problems));
    }

    [Fact]
    public void AHeaderWithoutTheId_IsRefused_EvenWhenEveryOtherFieldIsThere()
    {
        var error = Assert.Throws<ImportException>(() => new OpportunityImporter(ImportProfile.PartnerMetrics).ReadCsv(new StringReader("Account ID,Created On,Motion,Outcome\nA-1,2024-01-01,NewLogo,Open\n")).ToList());

        Assert.Equal(
            "line 1: no column gives 'id', the opportunity id (the profile accepts \"Id\", \"Opportunity ID\", \"Deal ID\"). The header has \"Account ID\", \"Created On\", \"Motion\", \"Outcome\"; columns are separated by commas.",
            error.Message);
    }

    [Fact]
    public void AWorksheetsHeaderWithoutTheId_IsToldItsRow_NotCommas()
    {
        using var workbook = WorkbookFile.Create(("Deals", [["Account ID", "Created On", "Motion", "Outcome"], ["A-1", "2024-01-01", "NewLogo", "Open"]]));

        var error = Assert.Throws<ImportException>(() => new OpportunityImporter(ImportProfile.PartnerMetrics).ReadExcel(workbook).ToList());

        Assert.Equal(
            "line 1: no column gives 'id', the opportunity id (the profile accepts \"Id\", \"Opportunity ID\", \"Deal ID\"). The header, the sheet's first row with a value, has \"Account ID\", \"Created On\", \"Motion\", \"Outcome\".",
            error.Message);
    }

    /// <summary>A header ending in commas, as spreadsheet programs save empty columns, names them by their place: not <c>""</c>.</summary>
    [Fact]
    public void ColumnsWithoutAName_AreNamedByTheirPlace()
    {
        var report = new ImportReport();

        Assert.Single(new OpportunityImporter(ImportProfile.PartnerMetrics).ReadCsv(new StringReader("Id,Account ID,Created On,Motion,Outcome,,\nO-1,A-1,2024-01-01,NewLogo,Open,,\n"), report));

        Assert.Equal(["(column 6)", "(column 7)"], report.IgnoredColumns.ToArray());
    }

    [Fact]
    public void AFieldTheProfileNamesNoColumnFor_IsSaidSo()
    {
        var profile = ImportProfile.PartnerMetrics with { Columns = ImportProfile.PartnerMetrics.Columns.Remove("createdOn") };

        var error = Assert.Throws<ImportException>(() => new OpportunityImporter(profile).ReadCsv(new StringReader("Id,Account ID,Created On,Motion,Outcome\nO-1,A-1,2024-01-01,NewLogo,Open\n")).ToList());

        Assert.Equal(
            "line 1: no column gives 'createdOn', the day the deal originated (the profile names no column for it). The header has \"Id\", \"Account ID\", \"Created On\", \"Motion\", \"Outcome\"; columns are separated by commas.",
            error.Message);
    }

    [Fact]
    public void TwoColumnsForOneField_ThePreferredFirstInTheFile_IsReadAndTheOtherIgnored()
    {
        var report = new ImportReport();
        var deals = new OpportunityImporter(ImportProfile.Salesforce).ReadCsv(new StringReader(
            "Opportunity ID,Account Name,Stage,Amount (converted),Amount,Close Date,Created Date,Type\n"
            + "006A1,Acme,Closed Won,\"USD 1,000.00\",EUR 900.00,6/14/2024,3/2/2024,New Customer\n"), report).ToList();

        Assert.Equal(1_000m, Assert.Single(deals).Amount);
        Assert.Equal("Amount (converted)", report.Columns["amount"]);
        Assert.Equal(["Amount"], report.IgnoredColumns.ToArray());
        Assert.Contains("Both \"Amount (converted)\" and \"Amount\" give 'amount'; \"Amount (converted)\" is read, because the profile lists it first.", report.Notices);
    }

    [Fact]
    public void TheSameHeaderTwice_TheFirstInTheFileIsRead()
    {
        var report = new ImportReport();
        var deals = new OpportunityImporter(ImportProfile.PartnerMetrics).ReadCsv(new StringReader(
            "Id,Account ID,Created On,Motion,Outcome,Amount,AMOUNT\n"
            + "O-1,A-1,2024-01-01,NewLogo,Open,100,200\n"), report).ToList();

        Assert.Equal(100m, Assert.Single(deals).Amount);
        Assert.Equal("Amount", report.Columns["amount"]);
        Assert.Equal(["AMOUNT"], report.IgnoredColumns.ToArray());
    }

    [Fact]
    public void ALookupsKeyColumn_AsTheFirstColumn_IsFound()
    {
        var profile = ImportProfile.PartnerMetrics with { Lookups = [new ImportLookupColumn { Field = "district", KeyColumn = "Owner" }] };
        var offices = ImportLookup.FromCsv("district", new StringReader("Owner,Office\nAnna,West\nBo,East\n"), "Owner", "Office");
        var report = new ImportReport();

        var deals = new OpportunityImporter(profile, [offices]).ReadCsv(new StringReader(
            "Owner,Id,Account ID,Created On,Motion,Outcome\n"
            + "Bo,O-1,A-1,2024-01-01,NewLogo,Open\n"
            + "Anna,O-2,A-1,2024-01-01,NewLogo,Open\n"), report).ToList();

        Assert.Equal(["East", "West"], deals.Select(d => d.District));
        Assert.Empty(report.IgnoredColumns);
    }

    [Fact]
    public void ALookupsKeyColumn_Missing_IsNamed()
    {
        var profile = ImportProfile.PartnerMetrics with { Lookups = [new ImportLookupColumn { Field = "district", KeyColumn = "Owner" }] };
        var offices = ImportLookup.FromCsv("district", new StringReader("Owner,Office\nAnna,West\n"), "Owner", "Office");

        var error = Assert.Throws<ImportException>(() => new OpportunityImporter(profile, [offices]).ReadCsv(new StringReader("Id,Account ID,Created On,Motion,Outcome\nO-1,A-1,2024-01-01,NewLogo,Open\n")).ToList());

        Assert.Equal(
            "line 1: the lookup of 'district' needs the column \"Owner\". The header has \"Id\", \"Account ID\", \"Created On\", \"Motion\", \"Outcome\"; columns are separated by commas.",
            error.Message);
    }

    [Fact]
    public void AnIdLongerThanAnyText_SkipsTheRow_WithAProblemOfItsColumn()
    {
        var report = new ImportReport();
        var id = new string('9', 10_000_001);

        var deals = new OpportunityImporter(ImportProfile.PartnerMetrics with { BadRows = BadRowPolicy.Skip }).ReadCsv(new StringReader(
            "Id,Account ID,Created On,Motion,Outcome\n"
            + $"{id},A-1,2024-01-01,NewLogo,Open\n"
            + "O-2,A-1,2024-01-01,NewLogo,Open\n"), report).ToList();

        Assert.Equal("O-2", Assert.Single(deals).Id.Value);
        var problem = Assert.Single(report.Problems);
        Assert.Equal((2L, "Id", id), (problem.Line, problem.Column, problem.Value));
        Assert.EndsWith("has 10,000,001 characters; at most 10,000,000 are allowed.", problem.Message, StringComparison.Ordinal);
        Assert.Equal((2L, 1L, 1L), (report.Rows, report.Imported, report.Skipped));
    }
}
