using PartnerMetrics.Pipeline;
using static PartnerMetrics.Serialization.Document;

namespace PartnerMetrics.Serialization.Documents;

/// <summary>The JSON form of a <see cref="RetentionAccumulator"/>: the window and each account's latest ARR on or before its start and end.</summary>
internal sealed class RetentionAccumulatorDocument : IDocument<RetentionAccumulator, RetentionAccumulatorDocument>
{
    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    public List<AccountArrDocument?>? Accounts { get; set; }

    public static RetentionAccumulatorDocument From(RetentionAccumulator model) => model.ToDocument();

    public RetentionAccumulator ToModel()
    {
        var accumulator = Build(this, static d => new RetentionAccumulator(Required(d.Start, "start"), Required(d.End, "end")));
        // Written always, even empty: without it a shard would read as an empty cohort.
        Each(Accounts, "accounts", account => Restore(accumulator, account));
        return accumulator;
    }

    /// <summary>Restores one account of the cohort, each field checked against the window and the others.</summary>
    private static void Restore(RetentionAccumulator accumulator, AccountArrDocument account)
    {
        var endOn = Required(account.EndOn, "endOn");
        var endArr = Ensure.Money(Required(account.EndArr, "endArr"), "endArr");
        if ((account.StartOn is null) != (account.StartArr is null))
        {
            throw DocumentException.Invalid("startOn", "'startOn' and 'startArr' come together.");
        }

        var startArr = Ensure.Money(account.StartArr ?? 0m, "startArr");
        Agree(account.StartOn is not { } s || s <= accumulator.Start, "startOn", $"must be on or before the window start");
        Agree(account.StartOn is not { } t || t <= endOn, "endOn", $"must not be before 'startOn'");
        Agree(endOn <= accumulator.End, "endOn", $"must be on or before the window end");

        // The snapshot at the end is the account's latest; when it is on or before the start, it is also the one at the start.
        Agree(endOn > accumulator.Start || account.StartOn == endOn, "startOn", $"must be 'endOn' when 'endOn' is on or before the window start, because the latest snapshot is then the one at the start too");
        Agree(account.StartOn != endOn || startArr == endArr, "endArr", $"must be 'startArr' when both are of the same day, because they are then the same snapshot");
        Agree(account.StartTwice is null || account.StartOn is not null, "startTwice", $"needs 'startOn'");
        var (startTwice, endTwice) = (account.StartTwice ?? false, account.EndTwice ?? false);
        Agree(account.StartOn != endOn || startTwice == endTwice, "endTwice", $"must be 'startTwice' when 'startOn' is 'endOn', because both then tell of the same day's snapshots");
        accumulator.Restore(Required(account.AccountId, "accountId"), account.StartOn, startArr, startTwice, endOn, endArr, endTwice);
    }
}

/// <summary>One account of a <see cref="RetentionAccumulatorDocument"/>.</summary>
internal sealed class AccountArrDocument
{
    public AccountId? AccountId { get; set; }

    public DateOnly? StartOn { get; set; }

    public decimal? StartArr { get; set; }

    /// <summary>Gets or sets whether two snapshots were added on <see cref="StartOn"/>; written only when true.</summary>
    public bool? StartTwice { get; set; }

    public DateOnly? EndOn { get; set; }

    public decimal? EndArr { get; set; }

    /// <summary>Gets or sets whether two snapshots were added on <see cref="EndOn"/>; written only when true.</summary>
    public bool? EndTwice { get; set; }
}
