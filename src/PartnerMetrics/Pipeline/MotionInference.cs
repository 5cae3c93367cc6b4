using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;
using PartnerMetrics.Serialization;
using PartnerMetrics.Serialization.Documents;

namespace PartnerMetrics.Pipeline;

/// <summary>
/// Infers hunting versus farming from each account's history, for CRMs that do not record a deal's motion
/// (DOMAIN section 4, v2; rule 21): an account's first won deal — by close day, then id — is
/// <see cref="DealMotion.NewLogo"/>; a deal that closed before it, or was created before it closed and is
/// still open, is <see cref="DealMotion.NewLogo"/> too (the hunt was still on); every other deal of the account
/// is <see cref="DealMotion.Expansion"/>, unless the CRM recorded <see cref="DealMotion.Renewal"/>,
/// <see cref="DealMotion.CrossSell"/> or <see cref="DealMotion.Upsell"/>, which is kept. An account
/// without a win is still being hunted: all its deals are <see cref="DealMotion.NewLogo"/>.
/// </summary>
/// <remarks>
/// <para>
/// The motion a deal arrives with counts only as that hint: <see cref="DealMotion.NewLogo"/> and
/// <see cref="DealMotion.Expansion"/> are decided from the history. So an importer that has no motion column
/// can give every deal either, and the result is the same.
/// </para>
/// <para>
/// Inference needs every deal of an account before it can decide any, so it takes two passes:
/// <see cref="Add(Opportunity)"/> every deal (it keeps one entry per account with a win, never the deals), then
/// <see cref="Apply"/> each. Like the pipeline accumulators, instances filled on different threads or machines
/// <see cref="Merge"/> to the same answer in any order; it serializes to JSON (<see cref="PartnerMetricsJson"/>), each
/// account's first win, so that a distributed job can ship it. <see cref="Infer"/> does both passes over a list in memory.
/// </para>
/// </remarks>
[JsonConverter(typeof(DocumentConverter<MotionInference, MotionInferenceDocument>))]
public sealed class MotionInference
{
    private readonly Dictionary<AccountId, (DateOnly ClosedOn, OpportunityId Id)> firstWins = [];

    /// <summary>Gets the number of accounts with at least one won deal seen so far.</summary>
    public int AccountsWithWins => firstWins.Count;

    /// <summary>Infers the motion of every deal of a list (both passes).</summary>
    /// <param name="opportunities">The deals; every deal of an account must be among them.</param>
    /// <returns>The deals in the same order, each with its inferred motion (the same instance when the motion does not change).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    public static ImmutableArray<Opportunity> Infer(IEnumerable<Opportunity> opportunities)
    {
        var deals = Ensure.NotNull(opportunities, nameof(opportunities)).ToArray();
        var inference = new MotionInference();
        for (var i = 0; i < deals.Length; i++)
        {
            inference.Add(Ensure.Item(deals[i], i, nameof(opportunities)));
        }

        for (var i = 0; i < deals.Length; i++)
        {
            deals[i] = inference.Apply(deals[i]);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(deals);
    }

    /// <summary>First pass: learns from one deal (only a won deal changes anything).</summary>
    /// <param name="opportunity">The deal.</param>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public void Add(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (opportunity.Outcome == DealOutcome.Won)
        {
            Keep(opportunity.AccountId, (opportunity.ClosedOn!.Value, opportunity.Id));
        }
    }

    /// <summary>First pass over a sequence.</summary>
    /// <param name="opportunities">The deals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="opportunities"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence contains <see langword="null"/>.</exception>
    public void AddRange(IEnumerable<Opportunity> opportunities) => Ensure.Each(opportunities, nameof(opportunities), Add);

    /// <summary>Adds what another instance has learnt; the other is left unchanged.</summary>
    /// <param name="other">The instance to merge in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is <see langword="null"/>.</exception>
    public void Merge(MotionInference other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (account, first) in other.firstWins)
        {
            Keep(account, first);
        }
    }

    /// <summary>Second pass: the motion of a deal, from its account's history.</summary>
    /// <param name="opportunity">The deal.</param>
    /// <returns>The inferred motion.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public DealMotion MotionOf(Opportunity opportunity)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (!firstWins.TryGetValue(opportunity.AccountId, out var first))
        {
            return DealMotion.NewLogo;
        }

        var huntStillOn = opportunity.ClosedOn is { } closed
            ? Precedes((closed, opportunity.Id), first) || (closed, opportunity.Id) == first
            : opportunity.CreatedOn < first.ClosedOn;
        return huntStillOn ? DealMotion.NewLogo
            : opportunity.Motion is DealMotion.Renewal or DealMotion.CrossSell or DealMotion.Upsell ? opportunity.Motion
            : DealMotion.Expansion;
    }

    /// <summary>Second pass: the deal with its inferred motion.</summary>
    /// <param name="opportunity">The deal.</param>
    /// <returns>The same instance when its motion is already the inferred one; otherwise a copy with it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="opportunity"/> is <see langword="null"/>.</exception>
    public Opportunity Apply(Opportunity opportunity) => Ensure.NotNull(opportunity, nameof(opportunity)).WithMotion(MotionOf(opportunity));

    internal MotionInferenceDocument ToDocument() => new()
    {
        FirstWins = [.. firstWins.OrderBy(w => w.Key).Select(w => new FirstWinDocument { AccountId = w.Key, ClosedOn = w.Value.ClosedOn, OpportunityId = w.Value.Id })],
    };

    /// <summary>Restores an account's first win from a document, which lists each account once.</summary>
    internal void Restore(AccountId accountId, DateOnly closedOn, OpportunityId opportunityId)
    {
        if (!firstWins.TryAdd(Ensure.Present(accountId, nameof(accountId)), (closedOn, Ensure.Present(opportunityId, nameof(opportunityId)))))
        {
            throw new ArgumentException($"Account '{accountId}' has one first win; it is listed twice.", nameof(accountId));
        }
    }

    private static bool Precedes((DateOnly ClosedOn, OpportunityId Id) a, (DateOnly ClosedOn, OpportunityId Id) b) =>
        a.ClosedOn < b.ClosedOn || (a.ClosedOn == b.ClosedOn && a.Id.CompareTo(b.Id) < 0);

    private void Keep(AccountId account, (DateOnly ClosedOn, OpportunityId Id) win)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(firstWins, account, out var exists);
        if (!exists || Precedes(win, first))
        {
            first = win;
        }
    }
}
