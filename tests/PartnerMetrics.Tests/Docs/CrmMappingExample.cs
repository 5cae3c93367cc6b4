using PartnerMetrics.Evidence;
using PartnerMetrics.Partners;
using PartnerMetrics.Pipeline;

namespace PartnerMetrics.Tests.Docs;

// The mapping example of docs/model.md, compiled and run here so that the page cannot rot.
// DocsSnippetTests checks that the page quotes the region between the "docs:" markers verbatim.

// docs:begin crm-mapping
// Rows as a CRM data layer returns them (a Salesforce-like export).
public sealed record CrmAccount(string Id, string Name, string PartnerType, string? Tier, string? Territory, DateTime? OnboardedAt);

public sealed record CrmTask(string AccountId, string Owner, DateTime DueDate, string Status, DateTime? CompletedAt);

public sealed record CrmOpportunity(
    string Id, string AccountId, string? PartnerAccountId, string? Territory, string Type, string LeadSource,
    string StageName, bool IsClosed, bool IsWon, decimal? Amount, DateTime CreatedDate, DateTime? RegisteredDate,
    DateTime LastModifiedDate, DateTime? CloseDate, string? LossReason);

public static class CrmMapping
{
    public static Partner ToPartner(CrmAccount row) => new(
        new PartnerId(row.Id),
        row.Name,
        Enum.Parse<PartnerType>(row.PartnerType.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true),
        row.Tier,
        row.Territory,
        row.OnboardedAt is { } at ? DateOnly.FromDateTime(at) : null);

    // A task the partner owns ("Partner: …") or the channel manager owns; "Completed" after the due
    // date is a commitment kept late, "Missed" one broken on the day it was given up.
    public static Commitment ToCommitment(CrmTask row) => new(
        row.Owner.StartsWith("Partner", StringComparison.Ordinal) ? Side.Partner : Side.Vendor,
        DateOnly.FromDateTime(row.DueDate),
        (row.Status, row.CompletedAt) switch
        {
            ("Completed", { } done) when done.Date > row.DueDate.Date => CommitmentOutcome.KeptLate,
            ("Completed", _) => CommitmentOutcome.Kept,
            ("Missed", _) => CommitmentOutcome.Broken,
            _ => CommitmentOutcome.Open,
        },
        row.Status is "Completed" or "Missed" && row.CompletedAt is { } resolved ? DateOnly.FromDateTime(resolved) : null);

    public static Opportunity ToOpportunity(CrmOpportunity row) => new(
        new OpportunityId(row.Id),
        new AccountId(row.AccountId),
        DateOnly.FromDateTime(row.CreatedDate),
        row.Type switch
        {
            "New Business" => DealMotion.NewLogo,
            "Renewal" => DealMotion.Renewal,
            "Upsell" => DealMotion.Upsell,
            "Cross-sell" => DealMotion.CrossSell,
            _ => DealMotion.Expansion,
        },
        row.LeadSource switch
        {
            "Partner" => DealSource.PartnerSourced,
            "Vendor Referral" => DealSource.VendorReferred,
            "Co-sell" => DealSource.CoSell,
            _ => DealSource.Direct,
        },
        row.PartnerAccountId is null ? RouteToMarket.Direct : RouteToMarket.Partner,
        !row.IsClosed ? DealOutcome.Open : row.IsWon ? DealOutcome.Won : DealOutcome.Lost,
        row.Amount,
        row.PartnerAccountId is { } partner ? new PartnerId(partner) : null,
        row.Territory,
        row.RegisteredDate is { } registered ? DateOnly.FromDateTime(registered) : null,
        DateOnly.FromDateTime(row.LastModifiedDate),
        expectedCloseOn: null,
        closedOn: row.IsClosed && row.CloseDate is { } closed ? DateOnly.FromDateTime(closed) : null,
        lossReason: row.IsClosed && !row.IsWon ? row.LossReason : null,
        stage: row.StageName);

    // One partnership per partner account; deals without a managed partner stay at portfolio level.
    public static Portfolio ToPortfolio(IEnumerable<CrmAccount> partners, IEnumerable<CrmTask> tasks, IEnumerable<CrmOpportunity> deals)
    {
        var commitments = tasks.ToLookup(t => t.AccountId, ToCommitment);
        var opportunities = deals.Select(ToOpportunity).ToList();
        var partnerships = partners.Select(ToPartner).Select(p => new Partnership(
            p,
            p.OnboardedOn ?? DateOnly.MinValue,
            requiredCompetencies: ["Azure", "Security"],
            commitments: commitments[p.Id.Value!],
            opportunities: opportunities.Where(o => o.PartnerId == p.Id))).ToList();
        var managed = partnerships.Select(p => p.Partner.Id).ToHashSet();
        return new Portfolio(partnerships, opportunities.Where(o => o.PartnerId is not { } id || !managed.Contains(id)));
    }
}
// docs:end crm-mapping
