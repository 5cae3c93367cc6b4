namespace PartnerMetrics.Pipeline;

/// <summary>One cell of the district × motion class × quarter cube (quarter of creation): the deals of that cell, counted and summed.</summary>
public sealed record PipelineCell
{
    internal PipelineCell(string? district, MotionClass motionClass, Quarter quarter, long count, long openCount, long wonCount, long lostCount, decimal openValue, decimal wonValue, decimal lostValue, long wonCycleDays)
    {
        District = district;
        MotionClass = motionClass;
        Quarter = quarter;
        Count = count;
        OpenCount = openCount;
        WonCount = wonCount;
        LostCount = lostCount;
        OpenValue = openValue;
        WonValue = wonValue;
        LostValue = lostValue;
        WonCycleDays = wonCycleDays;
    }

    /// <summary>Gets the district, or <see langword="null"/> for deals without one.</summary>
    public string? District { get; }

    /// <summary>Gets the motion class: hunting or farming.</summary>
    public MotionClass MotionClass { get; }

    /// <summary>Gets the quarter the deals were created in.</summary>
    public Quarter Quarter { get; }

    /// <summary>Gets the number of deals in the cell.</summary>
    public long Count { get; }

    /// <summary>Gets the number of open deals.</summary>
    public long OpenCount { get; }

    /// <summary>Gets the number of won deals.</summary>
    public long WonCount { get; }

    /// <summary>Gets the number of lost deals.</summary>
    public long LostCount { get; }

    /// <summary>Gets the value of the open deals.</summary>
    public decimal OpenValue { get; }

    /// <summary>Gets the value won.</summary>
    public decimal WonValue { get; }

    /// <summary>Gets the value lost.</summary>
    public decimal LostValue { get; }

    /// <summary>Gets the sum of the won deals' cycles in days.</summary>
    public long WonCycleDays { get; }

    /// <summary>Gets won ÷ (won + lost) by count; <see langword="null"/> when nothing closed.</summary>
    public double? WinRate => WonCount + LostCount > 0 ? (double)WonCount / (WonCount + LostCount) : null;

    /// <summary>Gets the mean won cycle in days; <see langword="null"/> when nothing was won.</summary>
    public double? MeanWonCycle => WonCount > 0 ? (double)WonCycleDays / WonCount : null;
}
