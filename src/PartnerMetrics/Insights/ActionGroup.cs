using System.Collections.Immutable;

namespace PartnerMetrics.Insights;

/// <summary>
/// One next action across a portfolio, with every partner whose top action it is: "12 partners need a joint
/// planning session", once, rather than twelve rows (<see cref="PortfolioInsights.TopActions(int, CancellationToken)"/>).
/// </summary>
/// <remarks>Immutable and compared by value.</remarks>
public sealed record ActionGroup
{
    private readonly EquatableArray<PartnerAction> partners;

    internal ActionGroup(string code, ImmutableArray<PartnerAction> partners)
    {
        Code = code;
        Title = RecommendationCodes.TitleOf(code);
        this.partners = new EquatableArray<PartnerAction>(partners);
        TotalImpact = partners.Sum(p => p.Recommendation.Impact);
        TotalConfidenceGain = partners.Sum(p => p.Recommendation.ConfidenceGain);
    }

    /// <summary>Gets the action's code, one of <see cref="RecommendationCodes"/>.</summary>
    public string Code { get; }

    /// <summary>Gets the action in words, the same for every partner: <see cref="RecommendationCodes.TitleOf"/>.</summary>
    public string Title { get; }

    /// <summary>Gets the partners whose top action this is, each once, most points first (ties by partner id).</summary>
    public ImmutableArray<PartnerAction> Partners => partners;

    /// <summary>Gets how many partners need this action.</summary>
    public int Count => partners.Count;

    /// <summary>Gets the points the action wins across these partners: the sum of their impacts.</summary>
    public double TotalImpact { get; }

    /// <summary>Gets the confidence the action gains across these partners: the sum of their gains.</summary>
    public double TotalConfidenceGain { get; }
}
