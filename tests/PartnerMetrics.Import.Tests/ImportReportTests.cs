namespace PartnerMetrics.Import.Tests;

/// <summary>What a report counts and keeps, and how a problem and the report put themselves in words.</summary>
public class ImportReportTests
{
    [Fact]
    public void Problems_AreAllCounted_ButOnlyTheFirstKept()
    {
        var report = new ImportReport(keptProblems: 2);
        report.Add(new ImportProblem(2, "B", "x", "one."));
        report.Add(new ImportProblem(3, null, null, "two."));
        report.Add(new ImportProblem(4, "A", "y", "three."));
        report.Add(new ImportProblem(5, "A", null, "four."));

        Assert.Equal(4, report.ProblemCount);
        Assert.Equal(["one.", "two."], report.Problems.Select(p => p.Message));
        Assert.Equal([new("A", 2L), new("(row)", 1L), new KeyValuePair<string, long>("B", 1L)], report.ProblemsByColumn);
    }

    [Fact]
    public void NoProblemsKept_StillCountsThem()
    {
        var report = new ImportReport(keptProblems: 0);
        report.Add(new ImportProblem(2, "B", "x", "one."));

        Assert.Empty(report.Problems);
        Assert.Equal(1, report.ProblemCount);
        Assert.Equal(ImportReport.DefaultKeptProblems, 1000);
        Assert.StartsWith("'keptProblems' must not be negative; got -1.", Assert.Throws<ArgumentOutOfRangeException>("keptProblems", () => new ImportReport(-1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewReport_IsEmpty()
    {
        var report = new ImportReport();

        Assert.Equal((0L, 0L, 0L, 0L, 0L), (report.Rows, report.Imported, report.Skipped, report.Excluded, report.ProblemCount));
        Assert.Empty(report.Problems);
        Assert.Empty(report.ProblemsByColumn);
        Assert.Empty(report.Columns);
        Assert.Empty(report.IgnoredColumns);
        Assert.Empty(report.Notices);
        Assert.Null(report.Source);
        Assert.Equal("0 rows: 0 imported, 0 skipped; 0 columns ignored", report.ToString());
    }

    [Fact]
    public void ToString_GroupsThousands_AndCountsColumnsInTheSingular()
    {
        var report = new ImportReport { Rows = 12_345, Imported = 12_000, Skipped = 1_345, IgnoredColumns = ["Notes"] };

        Assert.Equal("12,345 rows: 12,000 imported, 1,345 skipped; 1 column ignored", report.ToString());
        report.IgnoredColumns = ["Notes", "Owner"];
        Assert.Equal("12,345 rows: 12,000 imported, 1,345 skipped; 2 columns ignored", report.ToString());
    }

    [Fact]
    public void ToString_RowsLeftOut_AreCountedSoTheCountsAddUpToTheRows()
    {
        // An evidence file's rows of accounts that are not partners: 709 imported + 0 skipped + 30 left out = 739 rows.
        var report = new ImportReport { Rows = 739, Imported = 709, Excluded = 30 };

        Assert.Equal("739 rows: 709 imported, 0 skipped, 30 left out; 0 columns ignored", report.ToString());
        report.Excluded = 1_200;
        Assert.Equal("739 rows: 709 imported, 0 skipped, 1,200 left out; 0 columns ignored", report.ToString());
    }

    [Fact]
    public void AProblem_PutsItselfInOneLine()
    {
        Assert.Equal("line 4, column \"Created Date\", value \"2024/13/01\": not a day.", new ImportProblem(4, "Created Date", "2024/13/01", "not a day.").ToString());
        Assert.Equal("line 4, column \"Amount\": a value is required.", new ImportProblem(4, "Amount", null, "a value is required.").ToString());
        Assert.Equal("line 1: the file is empty.", new ImportProblem(1, null, null, "the file is empty.").ToString());
        Assert.Equal("line 12345: x", new ImportProblem(12_345, null, null, "x").ToString());
    }

    [Fact]
    public void AnImportException_CarriesItsProblem()
    {
        var problem = new ImportProblem(7, "Stage", "Maybe", "not a stage.");
        var error = new ImportException(problem);

        Assert.Same(problem, error.Problem);
        Assert.Equal(problem.ToString(), error.Message);

        Assert.Equal("The import failed.", new ImportException().Message);
        Assert.Null(new ImportException().Problem);
        Assert.Equal("stopped", new ImportException("stopped").Message);
        var cause = new InvalidOperationException("cause");
        var wrapped = new ImportException("stopped", cause);
        Assert.Equal(("stopped", (Exception?)cause, (ImportProblem?)null), (wrapped.Message, wrapped.InnerException, wrapped.Problem));
    }
}
