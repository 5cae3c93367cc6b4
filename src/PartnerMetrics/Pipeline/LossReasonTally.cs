namespace PartnerMetrics.Pipeline;

/// <summary>Lost deals of one year with one loss reason.</summary>
/// <param name="Year">The year the deals closed.</param>
/// <param name="Reason">The recorded reason, or <see langword="null"/> for lost deals without one.</param>
/// <param name="Count">Deals lost for this reason.</param>
/// <param name="Value">Value lost for this reason.</param>
public sealed record LossReasonTally(int Year, string? Reason, long Count, decimal Value);
