using PartnerMetrics.Health;

namespace PartnerMetrics.Validation;

/// <summary>How many samples of a health band churned within the horizon.</summary>
public sealed class BandChurn
{
    internal BandChurn(HealthBand band, int count, int churned)
    {
        Band = band;
        Count = count;
        Churned = churned;
    }

    /// <summary>Gets the band.</summary>
    public HealthBand Band { get; }

    /// <summary>Gets the number of samples in the band.</summary>
    public int Count { get; }

    /// <summary>Gets the number of those samples that churned within the horizon.</summary>
    public int Churned { get; }

    /// <summary>Gets <see cref="Churned"/> ÷ <see cref="Count"/>, or <see langword="null"/> when the band is empty.</summary>
    public double? ChurnRate => Count > 0 ? (double)Churned / Count : null;

    /// <inheritdoc/>
    public override string ToString() => $"{Band}: {Churned} of {Count} churned";
}
