namespace PartnerMetrics.Import.Tests;

/// <summary>A block of a file read on another thread adds its counts and problems to the file's report as if its rows came after the report's.</summary>
public class ImportReportMergeTests
{
    [Fact]
    public void Merge_AddsEveryCount_IncludingTheRowsLeftOut()
    {
        var report = new ImportReport { Rows = 10, Imported = 6, Skipped = 3, Excluded = 1 };
        report.Add(new ImportProblem(4, "Amount", "x", "not an amount."));
        var block = new ImportReport { Rows = 5, Imported = 2, Skipped = 1, Excluded = 2 };
        block.Add(new ImportProblem(12, "Stage", "Maybe", "not a stage."));

        report.Merge(block);

        Assert.Equal((15L, 8L, 4L, 3L, 2L), (report.Rows, report.Imported, report.Skipped, report.Excluded, report.ProblemCount));
        Assert.Equal([4L, 12L], report.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Merge_OfABlockThatOnlyCountedSomeProblems_CountsThemByColumnToo()
    {
        var report = new ImportReport(keptProblems: 2);
        var block = new ImportReport(keptProblems: 2);
        block.Add(new ImportProblem(2, "Amount", "x", "not an amount."));
        block.Add(new ImportProblem(3, "Stage", "Maybe", "not a stage."));
        block.Add(new ImportProblem(4, "Amount", "y", "not an amount."));
        block.Add(new ImportProblem(5, null, null, "a short row."));

        report.Merge(block);

        Assert.Equal(4, report.ProblemCount);
        Assert.Equal([2L, 3L], report.Problems.Select(p => p.Line));
        Assert.Equal([new("Amount", 2L), new("(row)", 1L), new KeyValuePair<string, long>("Stage", 1L)], report.ProblemsByColumn);
    }
}
