using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>
/// A <see cref="MotionInference"/> as JSON: each account's first won deal, so that inferences filled on different machines
/// can be shipped and merged as the pipeline accumulators are.
/// </summary>
internal sealed class MotionInferenceDocument : IDocument<MotionInference, MotionInferenceDocument>
{
    /// <summary>Gets or sets the first won deal of each account with a win, in ordinal order of account.</summary>
    public List<FirstWinDocument?>? FirstWins { get; set; }

    /// <inheritdoc/>
    public static MotionInferenceDocument From(MotionInference model) => model.ToDocument();

    /// <inheritdoc/>
    public MotionInference ToModel()
    {
        var inference = new MotionInference();
        // Written always, even empty: without it a shard would read as having seen no win, and every deal of its accounts
        // would be inferred a new logo.
        Each(FirstWins, "firstWins", win => inference.Restore(Required(win.AccountId, "accountId"), Required(win.ClosedOn, "closedOn"), Required(win.OpportunityId, "opportunityId")));
        return inference;
    }
}

/// <summary>An account's first won deal in a <see cref="MotionInferenceDocument"/>.</summary>
internal sealed class FirstWinDocument
{
    /// <summary>Gets or sets the account.</summary>
    public AccountId? AccountId { get; set; }

    /// <summary>Gets or sets the day the deal closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Gets or sets the deal's id, which breaks a tie between wins of one day.</summary>
    public OpportunityId? OpportunityId { get; set; }
}
