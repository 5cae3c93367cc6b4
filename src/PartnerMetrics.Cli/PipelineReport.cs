using System.Text.Json;
using System.Text.Json.Serialization;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Cli;

/// <summary>What <c>pipeline</c> shows: the metrics of each group of deals and of all of them.</summary>
/// <param name="Input">The input's file name.</param>
/// <param name="By">The <c>--by</c> keys, in order; empty for one group of every deal.</param>
/// <param name="Groups">The groups, ordered by the keys in order; deals without a district or partner first.</param>
/// <param name="Total">Every deal.</param>
internal sealed record PipelineReport(string Input, IReadOnlyList<string> By, IReadOnlyList<PipelineRow> Groups, PipelineRow Total)
{
    public static PipelineReport Create(string input, PipelineGrouping grouping, GroupedPipelineResult<PipelineGroupKey> result)
    {
        var groups = result.Groups
            .OrderBy(g => g.Key, grouping)
            .Select(g => PipelineRow.From(g.Result, grouping.Dimensions.ToDictionary(d => PipelineGrouping.Names[(int)d], d => PipelineGrouping.Text(g.Key!, d))))
            .ToList();
        if (grouping.Dimensions.IsEmpty)
        {
            groups = [PipelineRow.From(result.Total, new Dictionary<string, string?>())];
        }

        return new PipelineReport(input, [.. grouping.Dimensions.Select(d => PipelineGrouping.Names[(int)d])], groups, PipelineRow.From(result.Total, null));
    }
}

/// <summary>The metrics of one group (<see cref="PipelineResult"/>); an undefined rate is <see langword="null"/>.</summary>
internal sealed record PipelineRow(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string?>? Key,
    long Deals,
    long Open,
    long Won,
    long Lost,
    decimal OpenValue,
    decimal WonValue,
    decimal LostValue,
    long MissingAmounts,
    double? WinRateByCount,
    double? WinRateByValue,
    double? HuntingShareByCount,
    double? HuntingShareByValue,
    decimal? AverageWonDealSize,
    double? WonCycleMeanDays,
    double? WonCycleMedianDays,
    int? WonCyclePercentile90Days,
    decimal? VelocityPerDay,
    double? PartnerConcentration,
    double? TopPartnerShare,
    double? RepeatBusinessRate,
    double? DealFlowReciprocity,
    double? RouteConcentration,
    double? CustomerConcentration,
    double? TopCustomerShare,
    string? Profile,
    IReadOnlyList<PipelineNote> Notes)
{
    public static PipelineRow From(PipelineResult result, IReadOnlyDictionary<string, string?>? key) => new(
        key,
        result.Count,
        result.OpenCount,
        result.WonCount,
        result.LostCount,
        result.OpenValue,
        result.WonValue,
        result.LostValue,
        result.MissingAmountCount,
        result.WinRateByCount,
        result.WinRateByValue,
        result.HuntingShareByCount,
        result.HuntingShareByValue,
        result.AverageWonDealSize,
        result.WonCycle?.Mean,
        result.WonCycle?.Median,
        result.WonCycle?.Percentile90,
        result.Velocity,
        result.PartnerConcentration,
        result.TopPartnerShare,
        result.RepeatBusinessRate,
        result.DealFlowReciprocity,
        result.RouteConcentration,
        result.CustomerConcentration,
        result.TopCustomerShare,
        result.Profile?.ToString(),
        [.. result.Notes.Select(n => new PipelineNote(JsonNamingPolicy.CamelCase.ConvertName(n.Metric), n.Reason))]);
}

/// <summary>Why a metric of a <see cref="PipelineRow"/> is null, or what it leaves out (<see cref="MetricNote"/>).</summary>
/// <param name="Metric">The metric, as it is named in the JSON.</param>
/// <param name="Reason">The reason, in a sentence.</param>
internal sealed record PipelineNote(string Metric, string Reason);

/// <summary>The JSON form of <see cref="PipelineReport"/>: camelCase, indented, undefined values written as <c>null</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PipelineReport))]
internal sealed partial class PipelineJsonContext : JsonSerializerContext;
