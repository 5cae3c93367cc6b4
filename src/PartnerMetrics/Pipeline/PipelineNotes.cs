using System.Collections.Immutable;
using System.Globalization;

namespace PartnerMetrics.Pipeline;

/// <summary>Collects the <see cref="MetricNote"/>s of one result: a reason for every metric that is null, and what a metric leaves out.</summary>
internal sealed class PipelineNotes(long count)
{
    private readonly ImmutableArray<MetricNote>.Builder notes = ImmutableArray.CreateBuilder<MetricNote>();

    /// <summary>Notes <paramref name="reason"/> when the metric is null; with no deals at all, says that instead.</summary>
    public void WhenNull(string metric, bool isNull, string reason) => WhenNull(metric, isNull, reason, ofTheDeals: true);

    /// <summary>
    /// Notes <paramref name="reason"/> when the metric is null; with no deals at all, says that instead only when the reason
    /// is <paramref name="ofTheDeals"/>: coverage is null for want of a target, deals or none (no deals cover 0 of a target).
    /// </summary>
    public void WhenNull(string metric, bool isNull, string reason, bool ofTheDeals)
    {
        if (isNull)
        {
            notes.Add(new MetricNote(metric, ofTheDeals && count == 0 ? "There are no deals." : reason));
        }
    }

    /// <summary>Notes how many of the items a metric that has a value leaves out, when it leaves any out.</summary>
    public void Partial(string metric, bool hasValue, long leftOut, long of, string what)
    {
        if (hasValue && leftOut > 0)
        {
            notes.Add(new MetricNote(metric, string.Create(CultureInfo.InvariantCulture, $"{leftOut} of {of} {what}")));
        }
    }

    public ImmutableArray<MetricNote> ToImmutable() => notes.ToImmutable();
}
