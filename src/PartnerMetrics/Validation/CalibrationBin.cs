using System.Globalization;

namespace PartnerMetrics.Validation;

/// <summary>One score decile of a backtest and the churn rate observed in it.</summary>
/// <remarks>
/// A sample's decile is ⌊10 (r − ½) ÷ N⌋ + 1, where r is its score's mid-rank among the N samples:
/// equal scores always share a decile, so a decile may hold more or fewer than a tenth of the
/// samples, and a decile with none is not listed.
/// </remarks>
public sealed class CalibrationBin
{
    internal CalibrationBin(int decile, int count, double minScore, double maxScore, double meanScore, int churned)
    {
        Decile = decile;
        Count = count;
        MinScore = minScore;
        MaxScore = maxScore;
        MeanScore = meanScore;
        Churned = churned;
    }

    /// <summary>Gets the decile, from 1 (lowest scores) to 10 (highest).</summary>
    public int Decile { get; }

    /// <summary>Gets the number of samples in the decile.</summary>
    public int Count { get; }

    /// <summary>Gets the lowest score in the decile.</summary>
    public double MinScore { get; }

    /// <summary>Gets the highest score in the decile.</summary>
    public double MaxScore { get; }

    /// <summary>Gets the mean score in the decile.</summary>
    public double MeanScore { get; }

    /// <summary>Gets the number of samples in the decile that churned within the horizon.</summary>
    public int Churned { get; }

    /// <summary>Gets <see cref="Churned"/> ÷ <see cref="Count"/>.</summary>
    public double ChurnRate => (double)Churned / Count;

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"decile {Decile} [{MinScore:0.##}, {MaxScore:0.##}]: {Churned} of {Count} churned");
}
