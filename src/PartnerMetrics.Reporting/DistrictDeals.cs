using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Reporting;

/// <summary>
/// Hunting versus farming per district (<see cref="PortfolioReport.DistrictPipeline"/>), gathered a few deals at a time, so
/// that a portfolio read one partnership at a time needs none of its partnerships kept: each deal is counted as the CRM
/// knew it on the day (<see cref="Opportunity.AsOf"/>), a deal created later not at all.
/// </summary>
/// <param name="asOf">The day.</param>
internal sealed class DistrictDeals(DateOnly asOf)
{
    private readonly GroupedPipelineAccumulator<string> districts = new(PipelineKeys.District);

    /// <summary>Counts deals.</summary>
    /// <param name="deals">The deals, in the portfolio's order.</param>
    public void Add(IEnumerable<Opportunity> deals)
    {
        foreach (var deal in deals)
        {
            if (deal.AsOf(asOf) is { } known)
            {
                districts.Add(known);
            }
        }
    }

    /// <summary>The figures of each district and of all deals.</summary>
    /// <returns>The grouped result, as <see cref="PipelineAnalytics.GroupBy{TKey}(IEnumerable{Opportunity}, Func{Opportunity, TKey}, PipelineOptions?)"/> gives it for the same deals.</returns>
    public GroupedPipelineResult<string> Result() => districts.Result();
}
