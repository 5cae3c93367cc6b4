using PartnerMetrics.Partners;

namespace PartnerMetrics.Validation;

/// <summary>What became of a partner: churned on a day (terminated, went silent, stopped selling), or still active.</summary>
/// <remarks>Map it from the CRM's partner status and its end date; the backtest reads no other field.</remarks>
public sealed class ChurnOutcome
{
    private ChurnOutcome(PartnerId partnerId, DateOnly? churnedOn)
    {
        PartnerId = Ensure.Present(partnerId, nameof(partnerId));
        ChurnedOn = churnedOn;
    }

    /// <summary>Gets the partner.</summary>
    public PartnerId PartnerId { get; }

    /// <summary>Gets the day the partner churned, or <see langword="null"/> when it is still active.</summary>
    public DateOnly? ChurnedOn { get; }

    /// <summary>A partner still active at the end of the data.</summary>
    /// <param name="partnerId">The partner.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="partnerId"/> is the default value.</exception>
    public static ChurnOutcome Active(PartnerId partnerId) => new(partnerId, null);

    /// <summary>A partner that churned on a day.</summary>
    /// <param name="partnerId">The partner.</param>
    /// <param name="churnedOn">The day it churned: from then on it is no longer scored.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentException"><paramref name="partnerId"/> is the default value.</exception>
    public static ChurnOutcome Churned(PartnerId partnerId, DateOnly churnedOn) => new(partnerId, churnedOn);

    /// <inheritdoc/>
    public override string ToString() => ChurnedOn is { } day ? $"{PartnerId} churned on {Ensure.Iso(day)}" : $"{PartnerId} active";
}
