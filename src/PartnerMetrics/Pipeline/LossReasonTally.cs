namespace PartnerMetrics.Pipeline;

/// <summary>Lost deals of one year with one loss reason.</summary>
public sealed record LossReasonTally
{
    // Read back from an accumulator document (PipelineAccumulatorDocument.Years, LossReasons).
    [System.Text.Json.Serialization.JsonConstructor]
    internal LossReasonTally(int year, string? reason, long count, decimal value)
    {
        Year = year;
        Reason = reason;
        Count = count;
        Value = value;
    }

    /// <summary>Gets the year the deals closed.</summary>
    public int Year { get; }

    /// <summary>Gets the recorded reason, or <see langword="null"/> for lost deals without one.</summary>
    public string? Reason { get; }

    /// <summary>Gets the number of deals lost for this reason.</summary>
    public long Count { get; }

    /// <summary>Gets the value lost for this reason.</summary>
    public decimal Value { get; }
}
