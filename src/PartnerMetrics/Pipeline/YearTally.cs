namespace PartnerMetrics.Pipeline;

/// <summary>Business won and lost in one calendar year of closing (seed 004: "Business Won LY / CY, Lost LY / CY — ask why").</summary>
public sealed record YearTally
{
    // Read back from an accumulator document (PipelineAccumulatorDocument.Years, LossReasons).
    [System.Text.Json.Serialization.JsonConstructor]
    internal YearTally(int year, long wonCount, decimal wonValue, long lostCount, decimal lostValue)
    {
        Year = year;
        WonCount = wonCount;
        WonValue = wonValue;
        LostCount = lostCount;
        LostValue = lostValue;
    }

    /// <summary>Gets the year the deals closed.</summary>
    public int Year { get; }

    /// <summary>Gets the number of deals won.</summary>
    public long WonCount { get; }

    /// <summary>Gets the value won.</summary>
    public decimal WonValue { get; }

    /// <summary>Gets the number of deals lost.</summary>
    public long LostCount { get; }

    /// <summary>Gets the value lost.</summary>
    public decimal LostValue { get; }
}
