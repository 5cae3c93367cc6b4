using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Pipeline;

/// <summary>Issue 18 row 14 and DOMAIN rule 13 (v2): groupings merge only when they group the same way, and text groups come in ordinal order.</summary>
public class GroupedMergeGuardTests
{
    private static readonly Opportunity[] Deals = PipelineExamples.Deals;

    [Fact]
    public void Merge_GroupingsByTheSameKeyFunction_Merge()
    {
        var left = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        var right = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        left.AddRange(Deals[..3]);
        right.AddRange(Deals[3..]);

        left.Merge(right);

        var whole = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        whole.AddRange(Deals);
        Assert.Equal(whole.Result().Groups.Select(g => (g.Key, g.Result.Count)), left.Result().Groups.Select(g => (g.Key, g.Result.Count)));
    }

    [Fact]
    public void Merge_GroupingsByAnotherKeyFunction_Throws_InsteadOfMixingTheGroups()
    {
        var byDistrict = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        var byStage = new GroupedPipelineAccumulator<string>(d => d.Stage);
        byStage.AddRange(Deals);

        var error = Assert.Throws<ArgumentException>("other", () => byDistrict.Merge(byStage));

        Assert.Contains("different key functions", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, byDistrict.Count);
    }

    [Fact]
    public void Merge_GroupingsWithAnotherComparer_Throws()
    {
        var ordinal = new GroupedPipelineAccumulator<string>(PipelineKeys.District, StringComparer.Ordinal);
        var ignoringCase = new GroupedPipelineAccumulator<string>(PipelineKeys.District, StringComparer.OrdinalIgnoreCase);
        ignoringCase.AddRange(Deals);

        var error = Assert.Throws<ArgumentException>("other", () => ordinal.Merge(ignoringCase));

        Assert.Contains("compare keys differently", error.Message, StringComparison.Ordinal);
        ordinal.Merge(new GroupedPipelineAccumulator<string>(PipelineKeys.District, StringComparer.Ordinal));
    }

    [Fact]
    public void Result_TextGroups_ComeInOrdinalOrder_NotTheCulturesOrder()
    {
        string[] districts = ["b", "B", "a", "Á", "A"];
        var grouping = new GroupedPipelineAccumulator<string>(PipelineKeys.District);
        for (var i = 0; i < districts.Length; i++)
        {
            grouping.Add(new Opportunity(new OpportunityId($"O-{i}"), new AccountId("A"), new DateOnly(2025, 1, 1), DealMotion.NewLogo, DealSource.Direct, RouteToMarket.Direct, district: districts[i]));
        }

        Assert.Equal(["A", "B", "a", "b", "Á"], grouping.Result().Groups.Select(g => g.Key));
    }
}
