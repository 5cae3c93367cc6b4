namespace PartnerMetrics.Pipeline;

/// <summary>One cell of the district × motion class × quarter cube (quarter of creation): the deals of that cell, counted and summed.</summary>
/// <param name="District">The district, or <see langword="null"/> for deals without one.</param>
/// <param name="MotionClass">Hunting or farming.</param>
/// <param name="Quarter">The quarter the deals were created in.</param>
/// <param name="Count">Deals in the cell.</param>
/// <param name="OpenCount">Open deals.</param>
/// <param name="WonCount">Won deals.</param>
/// <param name="LostCount">Lost deals.</param>
/// <param name="OpenValue">Value of the open deals.</param>
/// <param name="WonValue">Value won.</param>
/// <param name="LostValue">Value lost.</param>
/// <param name="WonCycleDays">The sum of the won deals' cycles in days.</param>
public sealed record PipelineCell(
    string? District,
    MotionClass MotionClass,
    Quarter Quarter,
    long Count,
    long OpenCount,
    long WonCount,
    long LostCount,
    decimal OpenValue,
    decimal WonValue,
    decimal LostValue,
    long WonCycleDays)
{
    /// <summary>Gets won ÷ (won + lost) by count; <see langword="null"/> when nothing closed.</summary>
    public double? WinRate => WonCount + LostCount > 0 ? (double)WonCount / (WonCount + LostCount) : null;

    /// <summary>Gets the mean won cycle in days; <see langword="null"/> when nothing was won.</summary>
    public double? MeanWonCycle => WonCount > 0 ? (double)WonCycleDays / WonCount : null;
}
