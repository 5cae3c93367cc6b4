using PartnerMetrics.Partners;

namespace PartnerMetrics.Insights;

/// <summary>A partner's next action, in a portfolio view.</summary>
/// <remarks>Immutable and compared by value.</remarks>
public sealed record PartnerAction
{
    /// <summary>Initializes a new instance of the <see cref="PartnerAction"/> class.</summary>
    /// <param name="partner">The partner.</param>
    /// <param name="recommendation">One of its recommended actions.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PartnerAction(Partner partner, Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(recommendation);
        Partner = partner;
        Recommendation = recommendation;
    }

    /// <summary>Gets the partner.</summary>
    public Partner Partner { get; }

    /// <summary>Gets the action, with its change and its exact impact on this partner's score and confidence.</summary>
    public Recommendation Recommendation { get; }
}
