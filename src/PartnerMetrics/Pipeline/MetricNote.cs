namespace PartnerMetrics.Pipeline;

/// <summary>Why a metric of a <see cref="PipelineResult"/> is <see langword="null"/>, or what it leaves out.</summary>
public readonly record struct MetricNote
{
    internal MetricNote(string metric, string reason)
    {
        Metric = metric;
        Reason = reason;
    }

    /// <summary>Gets the metric's property name, such as <c>WinRateByValue</c>.</summary>
    public string Metric { get; }

    /// <summary>Gets one sentence for a person, such as "None of the 12 lost deals carries an amount; …".</summary>
    public string Reason { get; }
}
