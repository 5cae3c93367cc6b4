namespace PartnerMetrics.Insights;

/// <summary>The partner journey across a portfolio (seed 003: partners are often judged on too little, and first partners are often by chance).</summary>
public sealed record PartnerJourney
{
    internal PartnerJourney(int partners, int judgeable, double? repeatBusinessRate, int firstWins, double? medianDaysToFirstWin, int? percentile90DaysToFirstWin, int abandoned)
    {
        Partners = partners;
        Judgeable = judgeable;
        RepeatBusinessRate = repeatBusinessRate;
        FirstWins = firstWins;
        MedianDaysToFirstWin = medianDaysToFirstWin;
        Percentile90DaysToFirstWin = percentile90DaysToFirstWin;
        Abandoned = abandoned;
    }

    /// <summary>Gets the number of partnerships in the portfolio started by the as-of day (one that starts later is in none of the views).</summary>
    public int Partners { get; }

    /// <summary>Gets the number of partnerships with enough evidence to judge (not InsufficientEvidence).</summary>
    public int Judgeable { get; }

    /// <summary>Gets partners with two or more won deals ÷ partners with one or more; <see langword="null"/> when none won.</summary>
    public double? RepeatBusinessRate { get; }

    /// <summary>
    /// Gets the number of partners with an onboarding day whose first deal won by the as-of day was won on or after it; a
    /// partner whose first win came before its onboarding has no first win of the journey and is not counted.
    /// </summary>
    public int FirstWins { get; }

    /// <summary>Gets the median days from onboarding to the first won deal; <see langword="null"/> without any.</summary>
    public double? MedianDaysToFirstWin { get; }

    /// <summary>Gets the 90th percentile (nearest rank) of those days.</summary>
    public int? Percentile90DaysToFirstWin { get; }

    /// <summary>Gets the number of partners onboarded at least 180 days before the as-of day with no logged activity in the 180 days after onboarding.</summary>
    public int Abandoned { get; }
}
