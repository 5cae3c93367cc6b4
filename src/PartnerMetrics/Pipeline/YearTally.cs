namespace PartnerMetrics.Pipeline;

/// <summary>Business won and lost in one calendar year of closing (seed 004: "Business Won LY / CY, Lost LY / CY — ask why").</summary>
/// <param name="Year">The year the deals closed.</param>
/// <param name="WonCount">Deals won.</param>
/// <param name="WonValue">Value won.</param>
/// <param name="LostCount">Deals lost.</param>
/// <param name="LostValue">Value lost.</param>
public sealed record YearTally(int Year, long WonCount, decimal WonValue, long LostCount, decimal LostValue);
