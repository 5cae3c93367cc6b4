using PartnerMetrics.Partners;

namespace PartnerMetrics.Insights;

/// <summary>A partner's next action, in a portfolio view.</summary>
/// <remarks>Immutable and compared by value.</remarks>
public sealed record PartnerAction
{
    internal PartnerAction(Partner partner, Recommendation recommendation)
    {
        Partner = partner;
        Recommendation = recommendation;
    }

    /// <summary>Gets the partner.</summary>
    public Partner Partner { get; }

    /// <summary>Gets the action, with its change and its exact impact on this partner's score and confidence.</summary>
    public Recommendation Recommendation { get; }
}
