namespace PartnerMetrics.Insights;

/// <summary>The partner journey across a portfolio (seed 003: partners are often judged on too little, and first partners are often by chance).</summary>
/// <param name="Partners">Partnerships in the portfolio.</param>
/// <param name="Judgeable">Partnerships with enough evidence to judge (not InsufficientEvidence).</param>
/// <param name="RepeatBusinessRate">Partners with two or more won deals ÷ partners with one or more; <see langword="null"/> when none won.</param>
/// <param name="FirstWins">Partners with an onboarding day and a won deal by the as-of day.</param>
/// <param name="MedianDaysToFirstWin">The median days from onboarding to the first won deal; <see langword="null"/> without any.</param>
/// <param name="Percentile90DaysToFirstWin">The 90th percentile (nearest rank) of those days.</param>
/// <param name="Abandoned">Partners onboarded at least 180 days before the as-of day with no logged activity in the 180 days after onboarding.</param>
public sealed record PartnerJourney(
    int Partners,
    int Judgeable,
    double? RepeatBusinessRate,
    int FirstWins,
    double? MedianDaysToFirstWin,
    int? Percentile90DaysToFirstWin,
    int Abandoned);
